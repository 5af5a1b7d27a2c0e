/** What the minutes hold stays theirs: edits and ends begin after them; and the refusals a review found missing. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { query, run } from '../../helpers.js';
import { meetingsFixture, TODAY, type Upcoming } from '../fixture.js';

const fx = meetingsFixture();
const { ok, reject } = fx;

interface Agenda {
  date: string;
  carried: { id: number; text: string }[];
}

describe('edit and end leave the past as it was', () => {
  it('a new time or rule begins today at the earliest, and after the last minutes', async () => {
    expect((await reject(['meetings', 'edit', 'weekly', '--repeat', 'weekly:tue', '--from', '2026-11-01'])).stderr).toBe(
      'team: A change of time or rule applies from 2026-11-23 at the earliest (today, or the day after the last minutes): the past keeps its schedule (got --from 2026-11-01).\n',
    );
    await ok(['meetings', 'log', 'morning']);
    expect((await reject(['meetings', 'edit', 'morning', '--time', '08:30'])).stderr).toContain('applies from 2026-11-24 at the earliest');
    await ok(['meetings', 'edit', 'morning', '--time', '08:30', '--from', '2026-11-24']);
    // Today's occurrence keeps its time and its minutes.
    const today = (await ok(['meetings', 'upcoming', '--days', '2', '--json'])).json<Upcoming[]>().filter((o) => o.meetingId === 1);
    expect(today.map((o) => [o.date, o.time])).toEqual([
      ['2026-11-23', '09:00'],
      ['2026-11-24', '08:30'],
    ]);
    expect((await reject(['meetings', 'log', 'morning'])).stderr).toBe('team: The minutes of Morning meeting on 2026-11-23 are already recorded.\n');
  });

  it('--interval alone keeps the weekday and changes how often', async () => {
    await ok(['meetings', 'add', 'CS', '--repeat', 'weekly:fri', '--time', '16:30']);
    await ok(['meetings', 'edit', 'CS', '--interval', '2', '--from', '2026-12-01']);
    const dates = (await ok(['meetings', 'upcoming', '--days', '28', '--json'])).json<Upcoming[]>().filter((o) => o.title === 'CS').map((o) => o.date);
    expect(dates).toEqual(['2026-11-27', '2026-12-04', '2026-12-18']);
    expect(await query(fx.db, "select rrule from meeting_schedules s join meetings m on m.id = s.meeting_id where m.title = 'CS' order by s.valid_from")).toEqual([{ rrule: 'FREQ=WEEKLY;BYDAY=FR' }, { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' }]);
  });

  it('an end comes after the first date and after the last minutes; --from alone edits nothing', async () => {
    expect((await reject(['meetings', 'end', 'morning', '--from', '2026-10-01'])).stderr).toBe('team: Morning meeting begins on 2026-11-23: it can end only after that.\n');
    await ok(['meetings', 'log', 'morning', '--date', '2026-11-25'], '2026-11-25');
    expect((await reject(['meetings', 'end', 'morning', '--from', '2026-11-24'], '2026-11-25')).stderr).toBe('team: The series has minutes of 2026-11-25: it can end only after that (its history stays).\n');
    expect((await reject(['meetings', 'edit', 'morning', '--until', '2026-11-24'], '2026-11-25')).stderr).toContain('minutes of 2026-11-25');
    await ok(['meetings', 'end', 'morning', '--from', '2026-11-26'], '2026-11-25');
    expect((await reject(['meetings', 'edit', 'weekly', '--place', 'Room 2', '--from', '2026-12-01'])).stderr).toContain('--from says when a new time or rule begins');
  });
});

describe('refusals', () => {
  it('a shift no member works, an action due before its meeting, an extra meeting outside the series', async () => {
    expect((await reject(['meetings', 'add', 'X', '--repeat', 'daily', '--time', '09:00', '--shift', 'nightshift'])).stderr).toBe('team: No member works the shift "nightshift": use one of day, late, night (or "none" for every shift).\n');
    await ok(['meetings', 'add', 'Late sync', '--repeat', 'daily', '--time', '22:00', '--shift', 'Late']);
    expect((await reject(['meetings', 'log', 'weekly', '--action', 'wu: templates [2026-11-20]'])).stderr).toBe('team: The action "templates" would be due 2026-11-20, before the meeting of 2026-11-23 that raises it.\n');
    expect((await reject(['meetings', 'log', 'weekly', '--date', '2026-11-01', '--extra'])).stderr).toBe('team: Weekly meeting begins on 2026-11-23: an extra meeting before it is not one of its meetings.\n');
    await ok(['meetings', 'end', 'weekly', '--from', '2026-11-24']);
    expect((await reject(['meetings', 'log', 'weekly', '--date', '2026-11-25', '--extra'], '2026-11-25')).stderr).toBe('team: Weekly meeting ended on 2026-11-23: an extra meeting after it is not one of its meetings.\n');
  });

  it('skip, move and agenda name the next date without the hint that belongs to log', async () => {
    expect((await reject(['meetings', 'skip', 'weekly', '--date', '2026-11-24'])).stderr).toBe('team: Weekly meeting does not meet on 2026-11-24; its next date is 2026-11-30.\n');
    expect((await reject(['meetings', 'agenda', 'weekly', '--date', '2026-11-24'])).stderr).toBe('team: Weekly meeting does not meet on 2026-11-24; its next date is 2026-11-30.\n');
    expect((await reject(['meetings', 'log', 'weekly', '--date', '2026-11-22'])).stderr).toContain('Use --extra to log an extra meeting.');
  });

  it('excused members are recorded as excused and count for no rate', async () => {
    const log = (await ok(['meetings', 'log', 'morning', '--excused', 'wu', '--json'])).json<{ counts: Record<string, number> }>();
    expect(log.counts).toEqual({ present: 2, late: 0, absent: 0, excused: 2 });
    expect(await query(fx.db, "select m.handle, a.status from meeting_attendance a join members m on m.id = a.member_id where a.status = 'excused' order by m.handle")).toEqual([
      { handle: 'ma', status: 'excused' },
      { handle: 'wu', status: 'excused' },
    ]);
  });
});

describe('after today\'s meeting', () => {
  it('the agenda is the next one\'s, carrying what today raised; upcoming does not count it against today', async () => {
    const [a] = (await ok(['meetings', 'log', 'morning', '--action', 'wu: reply templates', '--json'])).json<{ actions: { id: number }[] }>().actions;
    const agenda = (await ok(['meetings', 'agenda', 'morning', '--json'])).json<Agenda>();
    expect(agenda.date).toBe('2026-11-24');
    expect(agenda.carried.map((c) => c.id)).toEqual([a!.id]);
    const morning = (await ok(['meetings', 'upcoming', '--days', '2', '--json'])).json<(Upcoming & { carriedActions: number })[]>().filter((o) => o.meetingId === 1);
    expect(morning.map((o) => [o.date, o.carriedActions])).toEqual([
      ['2026-11-23', 0],
      ['2026-11-24', 1],
    ]);
  });
});

describe('screens', () => {
  it('an 80-column table names the zone of a series in another one; the Chinese messages say 分钟', async () => {
    await ok(['meetings', 'add', 'NY sync', '--repeat', 'daily', '--time', '09:00', '--tz', 'America/New_York']);
    const r = await run(fx.db, ['meetings', 'upcoming', '--days', '1'], { env: { ...fx.opts(TODAY).env, COLUMNS: '80', TEAM_TZ: 'UTC' } });
    const ny = r.stdout.split('\n').find((l) => l.includes('NY sync'))!;
    expect(ny).toContain('America/New_York');
    expect(r.stdout.split('\n').find((l) => l.includes('Morning meeting'))).not.toContain('UTC');
    for (const line of r.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const zh = await ok(['--lang', 'zh', 'meetings', 'add', '客服周会', '--kind', 'weekly', '--duration', '45']);
    expect(zh.stderr).toBe('已新增会议 #6 客服周会：每周一 10:00 · 45 分钟 · 周会，下一次 2026-11-23 10:00。\n');
  });
});
