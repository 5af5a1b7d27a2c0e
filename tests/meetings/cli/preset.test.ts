/** The preset's rhythm meetings (init), the demo's weeks of minutes, and what ties meetings to the rest of the team. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exec, expectRejected, query, run, tempDb } from '../../helpers.js';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const at = (today: string, extra: Record<string, string> = {}) => ({ env: { TEAM_TODAY: today, TEAM_USER: 'lead', ...extra } });
const ok = async (args: string[], today = '2026-11-23', extra: Record<string, string> = {}) => {
  const r = await run(t.db, args, at(today, extra));
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};

interface Summary {
  title: string;
  presetKey: string;
  kind: string;
  rrule: string;
  time: string;
  durationMin: number;
  zone: string;
  agenda?: string[];
  next: { date: string } | null;
  lastHeld: string | null;
  openActions: number;
}

describe('init', () => {
  it('adds the four rhythm meetings in the team\'s zone, once', async () => {
    const r = await ok(['init'], '2026-11-23', { TEAM_TZ: 'Asia/Shanghai' });
    expect(r.stderr).toContain('14 roles, 74 duties, 4 meeting series, 22 training courses, 75 KPIs, 2 promotion seasons, 9 reward rules added).');
    const list = (await ok(['meetings', 'list', '--json'])).json<Summary[]>();
    expect(list.map((m) => [m.presetKey, m.title, m.zone, m.next?.date])).toEqual([
      ['morning', 'Morning meeting', 'Asia/Shanghai', '2026-11-23'],
      ['evening', 'Evening meeting', 'Asia/Shanghai', '2026-11-23'],
      ['weekly', 'Weekly meeting', 'Asia/Shanghai', '2026-11-23'],
      ['monthly', 'Monthly meeting', 'Asia/Shanghai', '2026-12-01'],
    ]);
    expect((await ok(['init'])).stderr).toContain('0 meeting series, 0 training courses, 0 KPIs, 0 promotion seasons, 0 reward rules added');
    expect(await query(t.db, 'select count(*) as n from meetings')).toEqual([{ n: 4 }]);
  });

  it('in Chinese: 早会, 夕会, 周会, 月会 with their agendas from the seeds; the zone defaults to the machine\'s', async () => {
    await ok(['init', '--lang', 'zh']);
    const list = (await ok(['meetings', 'list', '--json'])).json<Summary[]>();
    expect(list.map((m) => [m.title, m.time, m.durationMin, m.zone])).toEqual([
      ['早会', '09:00', 15, 'UTC'],
      ['夕会', '17:45', 15, 'UTC'],
      ['周会', '10:00', 60, 'UTC'],
      ['月会', '14:00', 90, 'UTC'],
    ]);
    const morning = (await ok(['meetings', 'show', '早会', '--json'])).json<Summary>();
    expect(morning.agenda).toEqual(['调动情绪：问候，看看每个人的状态', '回顾昨日业绩和未完成事项', '明确今日目标：每人报当天计划', '今日重点：活动、上新、库存、客服提醒', '需要协助的问题']);
    const show = (await ok(['meetings', 'show', '月会'])).stdout;
    expect(show).toContain('每月第一个工作日 14:00 (UTC)');
    expect(show).not.toMatch(/Agenda|monthly on|Next dates|Attendees|everyone/);
  });

  it('a new series defaults to TEAM_TZ, then to the machine\'s zone', async () => {
    await ok(['init', '--preset', 'blank']);
    expect((await ok(['meetings', 'add', 'A', '--kind', 'weekly', '--json'], '2026-11-23', { TEAM_TZ: 'Europe/Berlin' })).json<Summary>().zone).toBe('Europe/Berlin');
    expect((await ok(['meetings', 'add', 'B', '--kind', 'weekly', '--json'])).json<Summary>().zone).toBe('UTC');
  });
});

describe('demo', () => {
  it.each(['2026-12-01', '2027-03-01', '2028-02-29'])('on %s has the rhythm meetings with three weeks of minutes, attendance, plans and open actions', async (today) => {
    await ok(['demo', '--db', t.db], today);
    const list = (await ok(['meetings', 'list', '--json'], today)).json<Summary[]>();
    expect(list.map((m) => m.presetKey)).toEqual(['morning', 'evening', 'weekly', 'monthly']);
    const [logs] = await query<{ n: number; days: number }>(t.db, 'select count(*) as n, count(distinct held_on) as days from meeting_logs');
    expect(logs!.days).toBeGreaterThanOrEqual(14);
    expect(logs!.n).toBeGreaterThanOrEqual(30);
    const statuses = await query<{ status: string }>(t.db, 'select distinct status from meeting_attendance order by status');
    expect(statuses.map((s) => s.status)).toEqual(['absent', 'excused', 'late', 'present']);
    const actions = (await ok(['actions', 'list', '--json'], today)).json<{ status: string; due: string | null }[]>();
    expect(actions.some((a) => a.status === 'done')).toBe(true);
    expect(actions.some((a) => a.status === 'open' && a.due! < today)).toBe(true);
    expect(actions.some((a) => a.status === 'open' && a.due! >= today)).toBe(true);
    const [last] = await query<{ d: string }>(t.db, "select max(held_on) as d from meeting_logs l join meetings m on m.id = l.meeting_id where m.preset_key = 'evening'");
    const day = (await ok(['meetings', 'day', '--date', last!.d, '--json'], today)).json<{ planned: number; done: number; members: unknown[] }>();
    expect(day.planned).toBe(5);
    expect(day.members).toHaveLength(3);
    const att = (await ok(['meetings', 'attendance', '--json'], today)).json<{ members: { ratePct: number | null }[] }>();
    expect(att.members).toHaveLength(12);
    const agenda = (await ok(['meetings', 'agenda', 'weekly', '--json'], today)).json<{ carried: unknown[]; lastDecisions: unknown }>();
    expect(agenda.carried.length).toBeGreaterThan(0);
    expect(agenda.lastDecisions).not.toBeNull();
  });
});

describe('meetings and the rest of the team', () => {
  it('a department among a series\' attendees cannot be removed until the series is changed', async () => {
    await ok(['init']);
    await ok(['depts', 'add', 'Pop-up store']);
    await ok(['meetings', 'add', 'Pop-up sync', '--kind', 'weekly', '--attendees', 'Pop-up store']);
    const r = await expectRejected(t.db, ['depts', 'rm', 'Pop-up store', '--yes'], at('2026-11-23'));
    expect(r.stderr).toBe('team: Department Pop-up store is among the attendees of 1 meeting series; change their attendees first.\n');
    await ok(['meetings', 'edit', 'Pop-up sync', '--attendees', 'all']);
    await ok(['depts', 'rm', 'Pop-up store', '--yes']);
  });

  it('a stored month of rule dates is what reading uses; without one, rrule gives the same dates', async () => {
    await ok(['init', '--preset', 'blank']);
    await ok(['meetings', 'add', 'Fortnightly', '--repeat', 'weekly:wed', '--interval', '2', '--time', '10:00']);
    const dates = async () => (await ok(['meetings', 'upcoming', '--days', '31', '--json'])).json<{ date: string }[]>().map((o) => o.date);
    // Every other week from the first date's week: Wednesday 25 November, then 9 and 23 December.
    expect(await dates()).toEqual(['2026-11-25', '2026-12-09', '2026-12-23']);
    const [row] = await query<{ n: number }>(t.db, "select count(*) as n from meeting_rule_dates where rrule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'");
    expect(row!.n).toBe(25);
    // December's stored days: the 10th alone (bit 9).
    await exec(t.db, "update meeting_rule_dates set days = ? where month = '2026-12'", 1 << 9);
    expect(await dates()).toEqual(['2026-11-25', '2026-12-10']);
    await exec(t.db, 'delete from meeting_rule_dates');
    expect(await dates()).toEqual(['2026-11-25', '2026-12-09', '2026-12-23']);
    expect((await ok(['meetings', 'refresh', '--json'])).json()).toEqual({ series: 1, versions: 1 });
    expect(await query(t.db, 'select count(*) as n from meeting_rule_dates')).toEqual([{ n: 25 }]);
  });
});
