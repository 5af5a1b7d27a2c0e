/** The demo team's training, whatever day the demo runs: onboarding under way, passes and failures, an overdue refresher, a class this week. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDb } from '../../helpers.js';
import { toDay, weekdayOf } from '../../../src/shared/dates.js';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const ok = async (args: string[], today: string) => {
  const r = await run(t.db, args, { env: { TEAM_TODAY: today, TEAM_USER: 'lead' } });
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};

interface Status {
  handle: string;
  courses: number;
  overdue: number;
  items: { course: string; source: string; status: string; flag: string | null }[];
}

describe('the demo trains', () => {
  // A Tuesday, a Saturday (the class is then today), a leap day.
  it.each(['2026-12-01', '2026-12-05', '2028-02-29'])('on %s: plans, a class this week, passed and failed assessments, an overdue refresher', async (today) => {
    const demo = (await ok(['demo', '--db', t.db, '--json'], today)).json<{ training: Status[] }>();
    expect(demo.training.map((m) => m.handle)).toEqual(['he.tao', 'li.qiang', 'sun.li', 'wu.xue', 'xu.lin', 'zheng.hao']);
    const status = (await ok(['training', 'status', '--json'], today)).json<Status[]>();
    const of = (h: string) => status.find((m) => m.handle === h)!;
    // The newcomer's onboarding, under way: one course passed by completion, one by theory, one failed with a retake due.
    expect(of('he.tao').items.filter((i) => i.source === 'onboarding').map((i) => [i.course, i.status])).toEqual([
      ['Company culture', 'passed'],
      ['Product knowledge', 'passed'],
      ['Platform operation', 'planned'],
      ['Customer service basics', 'failed'],
    ]);
    // xu.lin passed platform rules over a quarter ago: the refresher is overdue.
    expect(of('xu.lin').items).toMatchObject([{ course: 'Platform rules', source: 'refresher', flag: 'overdue' }]);
    // Sales skills planned for the live host, with the product knowledge it needs first.
    expect(of('sun.li').items.map((i) => i.course)).toEqual(['Product knowledge', 'Sales skills']);
    const attempts = (await ok(['training', 'attempts', 'wu.xue', '--json'], today)).json<{ course: string; passed: boolean }[]>();
    expect(attempts.map((a) => [a.course, a.passed])).toEqual([
      ['Platform rules', true],
      ['Managing emotions', true],
      ['Conflict resolution', false],
    ]);
    // One class held last week (attendance taken), one this week.
    const sessions = (await ok(['training', 'sessions', 'list', '--from', '2000-01-01', '--json'], today)).json<{ date: string; attendedAt: string | null }[]>();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.attendedAt).not.toBeNull();
    const week = (d: string) => Math.floor((toDay(d) - weekdayOf(toDay(d))) / 7);
    expect([week(sessions[1]!.date), sessions[1]!.date >= today]).toEqual([week(today), true]);
  });
});
