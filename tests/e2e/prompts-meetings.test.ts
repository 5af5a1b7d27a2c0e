/**
 * Prompts of the meetings commands on a real pseudo-terminal: the `meetings add`
 * wizard and the minutes `meetings log` asks for (see prompts-goals.test.ts).
 * Without a terminal the same commands name what is missing (tests/meetings/cli).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, fromBase, query, spawn as runTeam, tempDb } from '../helpers.js';
import { CTRL_C, DOWN, ENTER, erase, hasScript, onTerminal } from './terminal.js';

// onTerminal pins TEAM_TODAY=2026-11-23 (a Monday). The preset series start on
// the day init runs, so init (and whatever is set up around the prompts) gets
// the same date; spawn's own environment has none.
const TODAY = { env: { TEAM_TODAY: '2026-11-23' } };
/** Down arrows to an entry of the Kind list: morning, evening, weekly, monthly, custom. */
const WEEKLY = DOWN.repeat(2);
const CUSTOM = DOWN.repeat(4);
/** Ctrl-A (to the start of the line) and Delete: a refused answer stays in the field, to be fixed where it is wrong. */
const HOME = '\x01';
const DELETE = '\x1b[3~';

let t: ReturnType<typeof tempDb>;
// init runs once for the file; each test gets a copy.
beforeEach(async () => {
  t = tempDb();
  await fromBase(t.db, `init on ${TODAY.env.TEAM_TODAY}`, async (db) => {
    expect(runTeam(db, ['init'], TODAY).code).toBe(0);
  });
});
afterEach(() => t.cleanup());

const addMembers = () => {
  expect(runTeam(t.db, ['members', 'add', 'li', '--name', 'Li Na', '--role', 'none'], TODAY).code).toBe(0);
  expect(runTeam(t.db, ['members', 'add', 'wu', '--name', 'Wu Xue', '--role', 'none'], TODAY).code).toBe(0);
};
const series = (title: string) =>
  query(t.db, 'select m.kind, m.everyone, s.starts_on, s.rrule, s.start_time, s.duration_min, s.time_zone from meetings m join meeting_schedules s on s.meeting_id = m.id where m.title = ?', title);
const agenda = (title: string) => query(t.db, 'select a.text from meeting_agenda_items a join meetings m on m.id = a.meeting_id where m.title = ? order by a.position', title);
const plans = () => query(t.db, 'select mb.handle, p.plan_date, p.position, p.text, p.done from meeting_plan_items p join members mb on mb.id = p.member_id order by mb.handle, p.position');

describe.skipIf(!hasScript)('meetings add on a terminal', () => {
  it('asks title, kind, time, cadence, length, attendees and agenda, and saves a custom series', async () => {
    // --tz is given, so not asked, and pins the zone the machine would otherwise give.
    const r = await onTerminal(
      t.db,
      ['meetings', 'add', '--tz', 'Asia/Shanghai'],
      [`Live review${ENTER}`, CUSTOM, ENTER, `16:30${ENTER}`, `weekly:tue,thu${ENTER}`, `45${ENTER}`, ENTER, `Numbers; Next steps${ENTER}`],
    );
    expect(r.code).toBe(0);
    expect(r.screen).toContain('❯ custom');
    expect(r.screen).toContain('✔ Kind custom');
    // A custom meeting has no default time or cadence; its length and the attendees have one, shown.
    expect(r.screen).toContain('Length in minutes (30)');
    expect(r.screen).toContain('Attendees (members, departments or "all") (all)');
    expect(r.screen).toContain('Added meeting #5 Live review');
    expect(await series('Live review')).toEqual([
      { kind: 'custom', everyone: 1, starts_on: '2026-11-23', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', start_time: '16:30', duration_min: 45, time_zone: 'Asia/Shanghai' },
    ]);
    expect(await agenda('Live review')).toEqual([{ text: 'Numbers' }, { text: 'Next steps' }]);
  });

  it("offers the kind's time, cadence and length as defaults, and takes attendees by handle", async () => {
    addMembers();
    const r = await onTerminal(t.db, ['meetings', 'add'], [`Stand-up${ENTER}`, WEEKLY, ENTER, ENTER, ENTER, ENTER, `li, wu${ENTER}`, ENTER]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Start time (HH:MM) (10:00)');
    expect(r.screen).toContain('(weekly:mon)');
    expect(r.screen).toContain('Length in minutes (60)');
    expect(await query(t.db, "select kind, everyone, rrule, start_time, duration_min from meetings m join meeting_schedules s on s.meeting_id = m.id where m.title = 'Stand-up'")).toEqual([
      { kind: 'weekly', everyone: 0, rrule: 'FREQ=WEEKLY;BYDAY=MO', start_time: '10:00', duration_min: 60 },
    ]);
    expect(await query(t.db, "select mb.handle from meeting_audience a join members mb on mb.id = a.member_id join meetings m on m.id = a.meeting_id where m.title = 'Stand-up' order by mb.handle")).toEqual([
      { handle: 'li' },
      { handle: 'wu' },
    ]);
    expect(await agenda('Stand-up')).toEqual([]);
  });

  it('checks each answer at its prompt: a blank or taken title, a bad time, cadence or length show the message and are asked again', async () => {
    const r = await onTerminal(
      t.db,
      ['meetings', 'add', '--tz', 'UTC'],
      [
        `   ${ENTER}`,
        `${erase('   ')}Morning meeting${ENTER}`,
        `${erase('Morning meeting')}Live review${ENTER}`,
        CUSTOM,
        ENTER,
        `25:00${ENTER}`,
        `${erase('25:00')}16:30${ENTER}`,
        `weekly:funday${ENTER}`,
        `${erase('weekly:funday')}weekly:tue,thu${ENTER}`,
        `0${ENTER}`,
        `${erase('0')}45${ENTER}`,
        ENTER,
        ENTER,
      ],
    );
    expect(r.code).toBe(0);
    // Each message comes before the next question: asked again at once, not after the last one.
    const before = (message: string, next: string) => {
      const at = r.screen.indexOf(message);
      expect(at, message).toBeGreaterThan(-1);
      expect(at, message).toBeLessThan(r.screen.indexOf(next));
    };
    before('A meeting needs a title.', 'Kind');
    before('There is already a meeting called "Morning meeting": pick another title.', 'Kind');
    before('Not a time: "25:00" (use HH:MM, 00:00–23:59).', 'Cadence');
    before('Not a weekday: "funday"', 'Length in minutes');
    before('a whole number from 1 to 1440 (got "0")', 'Attendees');
    expect(await series('Live review')).toEqual([
      { kind: 'custom', everyone: 1, starts_on: '2026-11-23', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', start_time: '16:30', duration_min: 45, time_zone: 'UTC' },
    ]);
    expect(await agenda('Live review')).toEqual([]);
    expect(await query(t.db, 'select count(*) as n from meetings')).toEqual([{ n: 5 }]);
  });

  it('refuses an unknown attendee at its prompt and asks again', async () => {
    const r = await onTerminal(t.db, ['meetings', 'add'], [`Live review${ENTER}`, WEEKLY, ENTER, ENTER, ENTER, ENTER, `nobody${ENTER}`, `${erase('nobody')}all${ENTER}`, ENTER]);
    const unknown = r.screen.indexOf('No member or department matches "nobody".');
    expect(unknown).toBeGreaterThan(-1);
    expect(unknown).toBeLessThan(r.screen.indexOf('Agenda items'));
    expect(r.code).toBe(0);
    expect(await series('Live review')).toHaveLength(1);
  });

  it('refuses an empty title in the language of the team', async () => {
    const r = await onTerminal(t.db, ['--lang', 'zh', 'meetings', 'add'], [ENTER, CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('会议名称');
    expect(r.screen).not.toContain('You must provide a value');
  });

  it('Ctrl-C in the middle of the wizard exits 130 and writes nothing', async () => {
    const before = await dumpDb(t.db);
    const r = await onTerminal(t.db, ['meetings', 'add'], [`Live review${ENTER}`, CUSTOM, ENTER, `16:30${ENTER}`, CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('Cadence');
    expect(r.screen).toContain('Cancelled; nothing was written.');
    expect(await dumpDb(t.db)).toEqual(before);
  });
});

describe.skipIf(!hasScript)('meetings log on a terminal', () => {
  beforeEach(addMembers);

  it('asks the morning meeting for notes, decisions, actions and plans; an action without a known owner is refused and fixed in place', async () => {
    const r = await onTerminal(
      t.db,
      ['meetings', 'log', 'Morning meeting'],
      [
        // Absent, late, excused: nobody.
        ENTER,
        ENTER,
        ENTER,
        `Peak week${ENTER}`,
        `Refunds within 24 h${ENTER}`,
        ENTER,
        `check the refunds [2026-11-30]${ENTER}`,
        // What was typed is still there: the owner goes in front of it.
        `${HOME}zhang: ${ENTER}`,
        `${HOME}${DELETE.repeat('zhang'.length)}li${ENTER}`,
        ENTER,
        `li: reply to reviews; list 3 items${ENTER}`,
        `wu: pack orders${ENTER}`,
        ENTER,
      ],
    );
    expect(r.code).toBe(0);
    const ownerless = r.screen.indexOf('An action item needs an owner');
    expect(ownerless).toBeGreaterThan(-1);
    expect(r.screen).toContain('No member matches "zhang".');
    expect(ownerless).toBeLessThan(r.screen.indexOf('A plan,'));
    // A morning meeting has no done marks or problems to ask for.
    expect(r.screen).not.toContain('Done, "member');
    expect(r.screen).toContain('Logged Morning meeting on 2026-11-23');
    expect(await query(t.db, 'select occurs_on, notes from meeting_logs')).toEqual([{ occurs_on: '2026-11-23', notes: 'Peak week' }]);
    expect(await query(t.db, 'select text from meeting_decisions')).toEqual([{ text: 'Refunds within 24 h' }]);
    expect(await query(t.db, 'select mb.handle as owner, a.text, a.due_date, a.status from action_items a join members mb on mb.id = a.owner_id')).toEqual([
      { owner: 'li', text: 'check the refunds', due_date: '2026-11-30', status: 'open' },
    ]);
    expect(await plans()).toEqual([
      { handle: 'li', plan_date: '2026-11-23', position: 1, text: 'reply to reviews', done: null },
      { handle: 'li', plan_date: '2026-11-23', position: 2, text: 'list 3 items', done: null },
      { handle: 'wu', plan_date: '2026-11-23', position: 1, text: 'pack orders', done: null },
    ]);
  });

  it('asks the evening meeting for done marks and problems, and settles the morning plans', async () => {
    expect(runTeam(t.db, ['meetings', 'log', 'Morning meeting', '--plan', 'li: reply to reviews; list 3 items', '--plan', 'wu: pack orders'], TODAY).code).toBe(0);
    const r = await onTerminal(
      t.db,
      ['meetings', 'log', 'Evening meeting'],
      [ENTER, ENTER, ENTER, ENTER, ENTER, ENTER, `1${ENTER}`, `${HOME}li: ${ENTER}`, `wu: all${ENTER}`, ENTER, `courier late${ENTER}`, ENTER],
    );
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Say whose plan');
    expect(r.screen).toContain('A problem of the day');
    expect(r.screen).not.toContain('A plan,');
    expect(await plans()).toEqual([
      { handle: 'li', plan_date: '2026-11-23', position: 1, text: 'reply to reviews', done: 1 },
      { handle: 'li', plan_date: '2026-11-23', position: 2, text: 'list 3 items', done: 0 },
      { handle: 'wu', plan_date: '2026-11-23', position: 1, text: 'pack orders', done: 1 },
    ]);
    expect(await query(t.db, 'select member_id, held_on, text from meeting_problems')).toEqual([{ member_id: null, held_on: '2026-11-23', text: 'courier late' }]);
  });

  it('refuses a done mark of an item the plan does not have at its prompt', async () => {
    expect(runTeam(t.db, ['meetings', 'log', 'Morning meeting', '--plan', 'li: reply to reviews; list 3 items'], TODAY).code).toBe(0);
    const r = await onTerminal(t.db, ['meetings', 'log', 'Evening meeting'], [ENTER, ENTER, ENTER, ENTER, ENTER, ENTER, `li: 3${ENTER}`, `${erase('li: 3')}li: 1${ENTER}`, ENTER, ENTER]);
    const missing = r.screen.indexOf("li's plan for 2026-11-23 has 2 items; there is no item 3.");
    expect(missing).toBeGreaterThan(-1);
    expect(missing).toBeLessThan(r.screen.indexOf('A problem of the day'));
    expect(r.code).toBe(0);
  });

  it('refuses a meeting whose minutes are recorded before asking for them', async () => {
    expect(runTeam(t.db, ['meetings', 'log', 'Morning meeting', '--notes', 'Peak week'], TODAY).code).toBe(0);
    const before = await dumpDb(t.db);
    const r = await onTerminal(t.db, ['meetings', 'log', 'Morning meeting'], [`Long notes${ENTER}`, ENTER, ENTER, ENTER]);
    expect(r.code).toBe(2);
    expect(r.screen).toContain('The minutes of Morning meeting on 2026-11-23 are already recorded.');
    expect(await dumpDb(t.db)).toEqual(before);
    expect(r.screen).not.toContain('Notes (empty for none)');
  });

  it('asks who was absent, late or excused, refusing a name the meeting does not expect, and records them', async () => {
    const r = await onTerminal(t.db, ['meetings', 'log', 'Morning meeting'], [`nobody${ENTER}`, `${erase('nobody')}li${ENTER}`, `wu${ENTER}`, ENTER, ENTER, ENTER, ENTER, ENTER]);
    expect(r.code).toBe(0);
    const unknown = r.screen.indexOf('No member matches "nobody"');
    expect(unknown).toBeGreaterThan(-1);
    expect(unknown).toBeLessThan(r.screen.indexOf('Late'));
    expect(await query(t.db, "select m.handle, a.status from meeting_attendance a join members m on m.id = a.member_id where a.status <> 'present' order by m.handle")).toEqual([
      { handle: 'li', status: 'absent' },
      { handle: 'wu', status: 'late' },
    ]);
  });

  it('Ctrl-C in the middle of the minutes exits 130 and writes nothing', async () => {
    const before = await dumpDb(t.db);
    const r = await onTerminal(t.db, ['meetings', 'log', 'Morning meeting'], [`zheng${ENTER}`, ENTER, ENTER, `Peak week${ENTER}`, `Refunds within 24 h${ENTER}`, CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('Cancelled; nothing was written.');
    expect(await dumpDb(t.db)).toEqual(before);
  });
});
