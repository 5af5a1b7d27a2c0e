/** `team meetings add|edit|skip|move|end`: series from flags, stored as RRULE versions, with exceptions; bad input changes nothing. */
import { describe, expect, it } from 'vitest';
import { exec, query } from '../../helpers.js';
import { meetingsFixture, type Upcoming } from '../fixture.js';

const fx = meetingsFixture();
const { ok, reject } = fx;

interface Detail {
  id: number;
  title: string;
  kind: string;
  rrule: string;
  time: string;
  durationMin: number;
  zone: string;
  everyone: boolean;
  attendees: string[];
  shift: string | null;
  facilitator: string | null;
  agenda: string[];
  ruleText: string;
  next: { date: string; time: string; startsAt: string } | null;
  upcoming: Upcoming[];
  schedules: { validFrom: string; validUntil: string | null; rrule: string; time: string }[];
  exceptions: { occursOn: string; kind: string; movedTo: string | null }[];
  ended: boolean;
}

const upcoming = async (args: string[] = [], today?: string) => (await ok(['meetings', 'upcoming', '--json', ...args], today)).json<Upcoming[]>();

describe('meetings add', () => {
  it('stores the cadence as an RRULE and expands it in the series\' zone', async () => {
    const r = await ok(['meetings', 'add', '客服周会', '--repeat', 'weekly:fri', '--time', '16:30', '--duration', '45', '--tz', 'Asia/Shanghai', '--attendees', 'wu,zheng', '--facilitator', 'li', '--place', '3F', '--agenda', '数据; 问题', '--agenda', '计划', '--json']);
    const m = r.json<Detail>();
    expect(m).toMatchObject({ id: 5, title: '客服周会', kind: 'custom', rrule: 'FREQ=WEEKLY;BYDAY=FR', time: '16:30', durationMin: 45, zone: 'Asia/Shanghai', everyone: false, attendees: ['wu', 'zheng'], facilitator: 'li', agenda: ['数据', '问题', '计划'] });
    expect(m.next).toEqual({ date: '2026-11-27', time: '16:30', startsAt: '2026-11-27T08:30:00.000Z' });
    expect(r.stderr).toBe('Added meeting #5 客服周会: every Friday 16:30 · 45 min · custom, next on 2026-11-27 16:30.\n');
    expect(await query(fx.db, 'select valid_from, valid_until, starts_on, rrule, start_time, duration_min, time_zone from meeting_schedules where meeting_id = 5')).toEqual([
      { valid_from: '2026-11-23', valid_until: null, starts_on: '2026-11-23', rrule: 'FREQ=WEEKLY;BYDAY=FR', start_time: '16:30', duration_min: 45, time_zone: 'Asia/Shanghai' },
    ]);
    expect(await query(fx.db, 'select text from meeting_agenda_items where meeting_id = 5 order by position')).toEqual([{ text: '数据' }, { text: '问题' }, { text: '计划' }]);
  });

  it('a kind brings its default time, length and cadence; a raw --rrule is accepted', async () => {
    expect((await ok(['meetings', 'add', 'Stand-up', '--kind', 'morning', '--json'])).json<Detail>()).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', time: '09:00', durationMin: 15 });
    expect((await ok(['meetings', 'add', 'Review', '--rrule', 'RRULE:FREQ=MONTHLY;BYDAY=-1MO', '--time', '15:00', '--json'])).json<Detail>()).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=-1MO', next: { date: '2026-11-30' } });
  });

  it('the preset gave four rhythm meetings, every one on its own cadence', async () => {
    const list = (await ok(['meetings', 'list', '--json'])).json<Detail[]>();
    expect(list.map((m) => [m.title, m.kind, m.rrule, m.time, m.durationMin])).toEqual([
      ['Morning meeting', 'morning', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '09:00', 15],
      ['Evening meeting', 'evening', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '17:45', 15],
      ['Weekly meeting', 'weekly', 'FREQ=WEEKLY;BYDAY=MO', '10:00', 60],
      ['Monthly meeting', 'monthly', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', '14:00', 90],
    ]);
    expect(list[3]!.next).toMatchObject({ date: '2026-12-01' });
  });

  it('a series for one shift is only for the members of that shift', async () => {
    await ok(['meetings', 'add', 'Late hand-over', '--repeat', 'workdays', '--time', '21:50', '--duration', '10', '--shift', 'late']);
    const titles = async (member: string) => [...new Set((await upcoming(['--days', '1', '--member', member])).map((o) => o.title))];
    expect(await titles('zheng')).toContain('Late hand-over');
    expect(await titles('wu')).not.toContain('Late hand-over');
  });

  it.each([
    [['--time', '25:00', '--repeat', 'daily'], 'team: Not a time: "25:00" (use HH:MM, 00:00–23:59).'],
    [['--time', '09:00', '--repeat', 'weekly:funday'], 'funday'],
    [['--time', '09:00', '--repeat', 'workdays', '--tz', 'Asia/Shanghia'], 'Asia/Shanghai'],
    [['--time', '09:00', '--repeat', 'once', '--from', '2027-02-31'], 'February 2027 has 28 days'],
    [['--time', '09:00', '--repeat', 'daily', '--from', '2026-12-10', '--until', '2026-12-01'], 'The last date 2026-12-01 comes before the first date 2026-12-10.'],
    [['--time', '09:00', '--rrule', 'FREQ=HOURLY'], 'FREQ=HOURLY'],
    [['--time', '09:00', '--rrule', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31'], 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31'],
    [['--time', '09:00', '--repeat', 'daily', '--rrule', 'FREQ=DAILY'], 'Use --repeat (with --interval) or --rrule, not both.'],
    [['--time', '09:00'], 'A custom meeting needs --repeat'],
    [['--repeat', 'daily'], 'A custom meeting needs --time HH:MM.'],
    [['--kind', 'brunch'], 'Unknown kind "brunch"'],
    [['--kind', 'weekly', '--duration', '0'], '--duration is the length in minutes'],
    [['--kind', 'weekly', '--attendees', 'wuu'], 'No member or department matches "wuu". Did you mean "wu"?'],
    [['--kind', 'weekly', '--facilitator', 'nobody'], 'No member matches "nobody"'],
  ])('refuses %j with one line, exit 2, nothing written', async (args, message) => {
    const r = await reject(['meetings', 'add', 'X', ...args]);
    expect(r.stderr).toContain(message);
  });

  it('refuses a title that is taken, and a missing title without a terminal', async () => {
    expect((await reject(['meetings', 'add', 'morning meeting', '--kind', 'morning'])).stderr).toBe('team: There is already a meeting called "morning meeting": pick another title.\n');
    expect((await reject(['meetings', 'add', '--kind', 'morning'])).stderr).toBe('team: Missing TITLE (no terminal to ask on: pass them as flags).\n');
  });
});

describe('meetings skip, move and end', () => {
  it('a skipped occurrence leaves upcoming; a moved one shows at its new date and time', async () => {
    await ok(['meetings', 'skip', 'Weekly meeting', '--date', '2026-11-30']);
    const r = await ok(['meetings', 'move', 'weekly', '--date', '2026-12-07', '--to', '2026-12-08', '--time', '15:00', '--json']);
    expect(r.json()).toMatchObject({ occursOn: '2026-12-07', date: '2026-12-08', time: '15:00', movedFrom: '2026-12-07' });
    expect(r.stderr).toBe('Moved Weekly meeting of 2026-12-07 to 2026-12-08 15:00.\n');
    const weekly = (await upcoming(['--days', '21'])).filter((o) => o.title === 'Weekly meeting');
    expect(weekly.map((o) => [o.date, o.time, o.movedFrom])).toEqual([
      ['2026-11-23', '10:00', null],
      ['2026-12-08', '15:00', '2026-12-07'],
    ]);
    expect(await query(fx.db, 'select occurs_on, kind, moved_to, moved_time, actor from meeting_exceptions order by occurs_on')).toEqual([
      { occurs_on: '2026-11-30', kind: 'skip', moved_to: null, moved_time: null, actor: 'lead' },
      { occurs_on: '2026-12-07', kind: 'move', moved_to: '2026-12-08', moved_time: '15:00', actor: 'lead' },
    ]);
    // The moved one is named by either date; skipping it twice is refused.
    await ok(['meetings', 'skip', 'weekly', '--date', '2026-12-08']);
    expect((await reject(['meetings', 'skip', 'weekly', '--date', '2026-12-07'])).stderr).toBe('team: Weekly meeting on 2026-12-07 is already skipped.\n');
  });

  it('a move is refused onto a date that already has one, and from a date that has none', async () => {
    expect((await reject(['meetings', 'move', 'morning', '--date', '2026-11-24', '--to', '2026-11-25'])).stderr).toBe('team: Morning meeting already has a meeting on 2026-11-25: move that one first, or pick another date.\n');
    expect((await reject(['meetings', 'move', 'weekly', '--date', '2026-11-24', '--to', '2026-11-25'])).stderr).toBe('team: Weekly meeting does not meet on 2026-11-24; its next date is 2026-11-30.\n');
    expect((await reject(['meetings', 'skip', 'morning', '--date', '2026-11-28'])).stderr).toContain('does not meet on 2026-11-28; its next date is 2026-11-30');
  });

  it('end stops the series from a date, and keeps what it had', async () => {
    const r = await ok(['meetings', 'end', 'Evening meeting', '--from', '2026-11-26', '--json']);
    expect(r.json()).toEqual({ meetingId: 2, title: 'Evening meeting', lastDate: '2026-11-25' });
    expect((await upcoming(['--days', '14'])).filter((o) => o.meetingId === 2).map((o) => o.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect((await ok(['meetings', 'show', '2', '--json'], '2026-11-30')).json<Detail>()).toMatchObject({ ended: true, next: null });
    expect((await reject(['meetings', 'end', '2', '--from', '2026-11-28'])).stderr).toBe('team: Evening meeting already ended; its last date was 2026-11-25.\n');
  });
});

describe('meetings edit', () => {
  it('a new time applies from --from; dates before keep the old one, and the history shows both', async () => {
    await ok(['meetings', 'edit', 'evening', '--time', '18:00', '--from', '2026-11-25']);
    const evening = (await upcoming(['--days', '4'])).filter((o) => o.meetingId === 2).map((o) => [o.date, o.time]);
    expect(evening).toEqual([
      ['2026-11-23', '17:45'],
      ['2026-11-24', '17:45'],
      ['2026-11-25', '18:00'],
      ['2026-11-26', '18:00'],
    ]);
    const m = (await ok(['meetings', 'show', 'evening', '--json'])).json<Detail>();
    expect(m.schedules.map((s) => [s.validFrom, s.validUntil, s.time])).toEqual([
      ['2026-11-23', '2026-11-24', '17:45'],
      ['2026-11-25', null, '18:00'],
    ]);
  });

  it('an edit on the day a version begins changes it in place; title, place and agenda change at once', async () => {
    await ok(['meetings', 'edit', 'weekly', '--repeat', 'weekly:tue', '--title', '周会', '--place', 'Room 3', '--agenda', 'a;b']);
    const m = (await ok(['meetings', 'show', '周会', '--json'])).json<Detail>();
    expect(m).toMatchObject({ title: '周会', rrule: 'FREQ=WEEKLY;BYDAY=TU', agenda: ['a', 'b'], next: { date: '2026-11-24' } });
    expect(m.schedules).toHaveLength(1);
  });

  it('refuses nothing to change, and a rule that never occurs, leaving the series as it was', async () => {
    expect((await reject(['meetings', 'edit', 'weekly'])).stderr).toBe('team: Nothing to change: pass at least one option.\n');
    expect((await reject(['meetings', 'edit', 'weekly', '--rrule', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'])).stderr).toContain('gives no date');
    expect((await reject(['meetings', 'edit', 'weeky', '--time', '10:30'])).stderr).toBe('team: No meeting matches "weeky". Did you mean "weekly"?\n');
  });
});

describe('stored zone tables', () => {
  it('a series writes its zone\'s offsets, and reading uses them (a table of another zone database is not used)', async () => {
    await ok(['meetings', 'add', 'NY sync', '--repeat', 'daily', '--time', '09:00', '--tz', 'America/New_York']);
    const [row] = await query<{ tzdata: string; covers_from: string; covers_to: string; changes: string }>(fx.db, "select tzdata, covers_from, covers_to, changes from meeting_time_zones where zone = 'America/New_York'");
    expect(row).toMatchObject({ tzdata: process.versions.tz, covers_from: '2024-11-21', covers_to: '2036-11-30' });
    expect(JSON.parse(row!.changes)).toContainEqual([Date.parse('2027-03-14T07:00:00Z'), -240]);
    const start = async () => (await upcoming(['--days', '1'])).find((o) => o.title === 'NY sync')!.startsAt;
    expect(await start()).toBe('2026-11-23T14:00:00.000Z');
    // A table says what the offsets are: a wrong one shows (so it is what reading uses) …
    await exec(fx.db, "update meeting_time_zones set changes = ? where zone = 'America/New_York'", JSON.stringify([[Date.parse('2020-01-01T00:00:00Z'), -360]]));
    expect(await start()).toBe('2026-11-23T15:00:00.000Z');
    // … unless it was made with another release of the zone database.
    await exec(fx.db, "update meeting_time_zones set tzdata = '1999z' where zone = 'America/New_York'");
    expect(await start()).toBe('2026-11-23T14:00:00.000Z');
  });
});
