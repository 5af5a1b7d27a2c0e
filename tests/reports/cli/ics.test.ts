/**
 * `team export ics` read back by ical.js: every series' occurrences as
 * ical.js expands them (RRULE, EXDATE, overrides, VTIMEZONE) are exactly the
 * ones `meetings upcoming` lists, on SQLite and PostgreSQL; stable UIDs,
 * --member, --out, an unknown member, an empty database.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRejected, run, tempDb } from '../../helpers.js';
import { seedTeam } from '../../meetings/fixture.js';
import type { Setup } from '../../goals/fixture.js';
import { meetingsFixture, type Upcoming } from '../../meetings/fixture.js';
import { occurrences, parseIcs, type Instance } from '../ical.js';

/** A Monday; 60 days on reach 2027-04-29, past both DST changes (New York 14 March, the series' own UTC none). */
const TODAY = '2027-03-01';
const TO = '2027-04-29';

/** The preset's four series and the team (seedTeam), then series of every shape, a training session each for li and wu, and goals with due dates. */
async function seed(setup: Setup): Promise<void> {
  await seedTeam(setup);
  await setup(['meetings', 'add', 'Daily stand-up', '--repeat', 'daily', '--time', '09:30', '--duration', '10', '--from', '2027-02-01', '--place', '3楼会议室，A区']);
  await setup(['meetings', 'add', 'Friday review', '--repeat', 'weekly:fri', '--time', '16:00', '--duration', '45', '--from', '2027-01-01', '--facilitator', 'li']);
  await setup(['meetings', 'skip', 'Friday review', '--date', '2027-03-12']);
  await setup(['meetings', 'move', 'Friday review', '--date', '2027-03-19', '--to', '2027-03-18', '--time', '15:00']);
  // Moved from after the window into it.
  await setup(['meetings', 'move', 'Friday review', '--date', '2027-05-07', '--to', '2027-04-28']);
  await setup(['meetings', 'edit', 'Friday review', '--time', '16:30', '--from', '2027-04-01']);
  await setup(['meetings', 'add', 'NY sync', '--repeat', 'daily', '--time', '08:00', '--tz', 'America/New_York', '--attendees', 'li', '--from', '2027-02-15']);
  await setup(['meetings', 'add', '上海周会', '--repeat', 'weekly:mon,thu', '--time', '09:00', '--tz', 'Asia/Shanghai', '--attendees', 'Operations']);
  // Begins on a Saturday: its first date (DTSTART) is the Monday after.
  await setup(['meetings', 'add', 'Late shift huddle', '--repeat', 'workdays', '--time', '21:00', '--shift', 'late', '--from', '2027-03-06']);
  await setup(['meetings', 'add', 'Four Wednesdays', '--rrule', 'FREQ=WEEKLY;BYDAY=WE;COUNT=4', '--time', '11:00', '--from', '2027-03-03']);
  await setup(['meetings', 'add', 'Kick-off', '--repeat', 'once', '--time', '14:00', '--from', '2027-03-10']);
  await setup(['meetings', 'add', 'Winding down', '--repeat', 'daily', '--time', '12:00', '--from', '2027-02-20']);
  await setup(['meetings', 'end', 'Winding down', '--from', '2027-03-20']);
  await setup(['meetings', 'edit', 'Evening meeting', '--time', '18:00', '--from', '2027-03-15']);
  await setup(['training', 'sessions', 'add', 'Company culture', '--date', '2027-03-03', '--time', '10:00', '--place', '3楼', '--attendees', 'li']);
  await setup(['training', 'sessions', 'add', 'Platform rules', '--date', '2027-03-05', '--time', '14:00', '--tz', 'Asia/Shanghai', '--attendees', 'wu']);
  const goal = (title: string, owner: string, due: string) => ['goals', 'add', title, '--owner', owner, '--metric', 'GMV', '--unit', '¥', '--target', '300000', '--start', '2027-01-01', '--due', due, '--why', 'plan'];
  await setup(goal('Q1 Tmall GMV', 'team', '2027-03-31'));
  await setup(goal('客服部季度目标', 'Customer service', '2027-03-15'));
  await setup(goal("Li's March target", 'li', '2027-03-20'));
}

const fx = meetingsFixture(seed);
const exportIcs = async (args: string[] = [], today = TODAY): Promise<string> => (await fx.ok(['export', 'ics', ...args], today)).stdout;
const key = (o: { title: string; startsAt: string; endsAt: string }) => `${o.startsAt} ${o.endsAt} ${o.title}`;

/** The meetings' occurrences in the window as ical.js expands the calendar. */
function meetingsIn(text: string): Instance[] {
  return occurrences(parseIcs(text), TODAY, TO).filter((o) => o.uid.startsWith('meeting-'));
}

describe('export ics', () => {
  it("expands, in ical.js, to exactly the occurrences `meetings upcoming --days 60` lists", async () => {
    const upcoming = (await fx.ok(['meetings', 'upcoming', '--days', '60', '--json'], TODAY)).json<Upcoming[]>();
    const got = meetingsIn(await exportIcs());
    expect(got.map(key).sort()).toEqual(upcoming.map(key).sort());
    // The shapes the seed made are all there: a DST change, a skip, moves, two versions, a COUNT, a one-off, an end, a Saturday start.
    const titles = (t: string) => upcoming.filter((o) => o.title === t);
    expect(titles('NY sync').find((o) => o.date === '2027-03-13')!.startsAt).toBe('2027-03-13T13:00:00.000Z');
    expect(titles('NY sync').find((o) => o.date === '2027-03-15')!.startsAt).toBe('2027-03-15T12:00:00.000Z');
    expect(titles('Friday review').map((o) => o.date)).toContain('2027-04-28');
    expect(titles('Friday review').map((o) => o.date)).not.toContain('2027-03-12');
    expect(titles('Four Wednesdays')).toHaveLength(4);
    expect(titles('Kick-off')).toHaveLength(1);
    expect(titles('Winding down').at(-1)!.date).toBe('2027-03-19');
    expect(titles('Late shift huddle')[0]!.date).toBe('2027-03-08');
    expect(new Set(titles('Evening meeting').map((o) => o.time))).toEqual(new Set(['17:45', '18:00']));
  });

  it('writes one event per schedule version, EXDATE for a skip, RECURRENCE-ID for a move, UNTIL in UTC, and zones', async () => {
    const text = await exportIcs();
    const p = parseIcs(text);
    expect(p.zones.sort()).toEqual(['America/New_York', 'Asia/Shanghai']);
    const review = p.events.filter((e) => e.summary === 'Friday review');
    const uids = [...new Set(review.map((e) => e.uid))];
    expect(uids).toHaveLength(2);
    const [v1, v2] = uids.map((u) => review.filter((e) => e.uid === u));
    // 19 March moved in the first version; 7 May (moved before the edit, at the series' time) in the second, at its 16:30.
    expect(v1!.filter((e) => e.isRecurrenceException()).map((e) => e.recurrenceId.toString())).toEqual(['2027-03-19T16:00:00Z']);
    expect(v2!.filter((e) => e.isRecurrenceException()).map((e) => e.recurrenceId.toString())).toEqual(['2027-05-07T16:30:00Z']);
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20270331T160000Z\r\nEXDATE:20270312T160000Z\r\n/);
    expect(text).toContain('RECURRENCE-ID:20270319T160000Z');
    expect(text).toContain('RRULE:FREQ=DAILY;UNTIL=20270319T120000Z');
    // COUNT=4 from the first Wednesday: the fourth is 24 March.
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20270324T110000Z');
    expect(text).toContain('DTSTART;TZID=America/New_York:20270215T080000');
    expect(text).toContain('DTSTART:20270308T210000Z');
    const kickoff = p.events.find((e) => e.summary === 'Kick-off')!;
    expect(kickoff.isRecurring()).toBe(false);
    expect(p.events.find((e) => e.summary === 'Daily stand-up')!.location).toBe('3楼会议室，A区');
    expect(review[0]!.description).toBe('Facilitator: li');
  });

  it('adds training sessions in their zone and open goal deadlines as all-day events, translated', async () => {
    for (const [lang, session, due] of [['en', 'Training: Platform rules', 'Due: Q1 Tmall GMV'], ['zh', '培训：', '截止：Q1 Tmall GMV']] as const) {
      const r = await fx.ok(['--lang', lang, 'export', 'ics'], TODAY);
      const p = parseIcs(r.stdout);
      const s = p.events.find((e) => e.uid.startsWith('session-') && e.summary.startsWith(session))!;
      expect(s, lang).toBeDefined();
      const g = p.events.find((e) => e.summary === due)!;
      expect(g.startDate.isDate).toBe(true);
      expect(g.startDate.toString()).toBe('2027-03-31');
    }
    const p = parseIcs(await exportIcs());
    const shanghai = p.events.find((e) => e.summary === 'Training: Platform rules')!;
    expect(new Date(shanghai.startDate.toUnixTime() * 1000).toISOString()).toBe('2027-03-05T06:00:00.000Z');
    const summaries = p.events.map((e) => e.summary);
    expect(summaries).toContain('Due: 客服部季度目标');
    // Members' own goals only with --member: the team's calendar would carry everyone's monthly goals.
    expect(summaries).not.toContain("Due: Li's March target");
  });

  it('names every event the same in two exports, on another day too', async () => {
    const a = await exportIcs();
    expect(await exportIcs()).toBe(a);
    const uids = (text: string) => parseIcs(text).events.map((e) => `${e.uid} ${e.recurrenceId?.toString() ?? ''}`).sort();
    expect(uids(await exportIcs([], '2027-03-02'))).toEqual(uids(a));
    expect(uids(a).every((u) => /^(meeting-\d+-v\d+|session-\d+|goal-\d+)@team /.test(u))).toBe(true);
  });

  it('--member keeps the series that expect them, their sessions and their own goals', async () => {
    for (const member of ['li', 'zheng', 'wu']) {
      const upcoming = (await fx.ok(['meetings', 'upcoming', '--days', '60', '--member', member, '--json'], TODAY)).json<Upcoming[]>();
      const text = await exportIcs(['--member', member]);
      expect(meetingsIn(text).map(key).sort(), member).toEqual(upcoming.map(key).sort());
    }
    const li = parseIcs(await exportIcs(['--member', 'li']));
    const summaries = li.events.map((e) => e.summary);
    expect(summaries).toEqual(expect.arrayContaining(['NY sync', '上海周会', 'Training: Company culture', "Due: Li's March target"]));
    expect(summaries).not.toContain('Late shift huddle');
    expect(summaries).not.toContain('Training: Platform rules');
    expect(summaries).not.toContain('Due: Q1 Tmall GMV');
    expect(li.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Team calendar of Li Qiang (li)');
    const zheng = parseIcs(await exportIcs(['--member', 'zheng'])).events.map((e) => e.summary);
    expect(zheng).toContain('Late shift huddle');
    expect(zheng).not.toContain('NY sync');
  });

  it('--out replaces the file whole and prints nothing on stdout', async () => {
    const t = tempDb();
    try {
      const file = join(t.dir, 'team.ics');
      writeFileSync(file, 'old');
      const r = await fx.ok(['export', 'ics', '--out', file], TODAY);
      expect(r.stdout).toBe('');
      const written = readFileSync(file, 'utf8');
      expect(written).toBe(await exportIcs());
      expect(r.stderr).toBe(`Wrote ${parseIcs(written).events.length} events to ${file}.\n`);
      expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const bad = await fx.team(['export', 'ics', '--out', join(t.dir, 'missing', 'team.ics')], TODAY);
      // A folder that is not there is the input's mistake (exit 2), and it is not created.
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^team: Cannot write .*missing\/team\.ics: the folder .*missing does not exist\.\n$/);
      expect(existsSync(join(t.dir, 'missing'))).toBe(false);
    } finally {
      await t.cleanup();
    }
  });

  it('an unknown member is refused with the closest handle', async () => {
    const r = await expectRejected(fx.db, ['export', 'ics', '--member', 'lii'], fx.opts(TODAY));
    expect(r.stderr).toBe('team: No member matches "lii". Did you mean "li"?\n');
  });
});

describe('export ics on an empty database', () => {
  it('gives a valid calendar with no events', async () => {
    const t = tempDb();
    try {
      expect((await run(t.db, ['init', '--preset', 'blank'], fx.opts(TODAY))).code).toBe(0);
      const r = await run(t.db, ['export', 'ics'], fx.opts(TODAY));
      expect(r.code, r.stderr).toBe(0);
      const p = parseIcs(r.stdout);
      expect(p.events).toEqual([]);
      expect(p.calendar.getFirstPropertyValue('version')).toBe('2.0');
    } finally {
      await t.cleanup();
    }
  });
});
