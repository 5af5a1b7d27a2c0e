/**
 * Prompts of the training commands on a real pseudo-terminal: the
 * `training courses add` wizard, and what `training assess`, `sessions add`
 * and `plan` ask for when a flag is left out (see prompts-meetings.test.ts).
 * Without a terminal the same commands name what is missing, in one line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, fromBase, query, spawn as runTeam, tempDb } from '../helpers.js';
import { CTRL_C, DOWN, ENTER, erase, hasScript, onTerminal } from './terminal.js';

// onTerminal pins TEAM_TODAY=2026-11-23 (a Monday), so the set-up runs on the
// same day: a set-up on a later day would put the prompts before it (the
// rounds created after the attempts, a session's "today" before the plan).
const TODAY = { env: { TEAM_TODAY: '2026-11-23' } };
const PRESALE = 'Customer service specialist (pre-sale)';
/** Down arrows to an entry of the Format list: internal, external, online, role-play, shadowing, experience sharing. */
const ROLE_PLAY = DOWN.repeat(3);

let t: ReturnType<typeof tempDb>;
// The set-up is built by the binary once for the file, then copied for each test.
beforeEach(async () => {
  t = tempDb();
  await fromBase(t.db, 'a recent pre-sale hire', async (db) => {
    expect(runTeam(db, ['init'], TODAY).code).toBe(0);
    // A recent pre-sale hire: onboarding plans Customer service basics, Product knowledge … due 2026-12-20.
    expect(runTeam(db, ['members', 'add', 'wu', '--name', 'Wu Xue', '--role', PRESALE, '--hire-date', '2026-11-20'], TODAY).code).toBe(0);
  });
});
afterEach(() => t.cleanup());

/**
 * The screen with the line breaks taken out: the prompt library wraps a
 * message at the terminal's 80 columns, in the middle of a word.
 */
const flat = (screen: string) => screen.replace(/\r?\n/g, '');
/** `message` is on the screen, and before `next` (asked again at once, not after the last question). */
const before = (screen: string, message: string, next: string) => {
  const s = flat(screen);
  const at = s.indexOf(message);
  expect(at, message).toBeGreaterThan(-1);
  expect(at, `${message} before ${next}`).toBeLessThan(s.indexOf(next));
};

const course = (title: string) =>
  query(t.db, 'select format, hours, pass_mark, refresh_months, onboarding, topic, trainer_id, provider, description, retired_at from training_courses where title = ?', title);
const courseRoles = (title: string) =>
  query(t.db, 'select r.name from training_course_roles cr join roles r on r.id = cr.role_id join training_courses c on c.id = cr.course_id where c.title = ? order by r.name', title);
const courseKinds = (title: string) => query(t.db, 'select a.kind from training_course_assessments a join training_courses c on c.id = a.course_id where c.title = ? order by a.kind', title);
const attempts = () =>
  query(t.db, 'select m.handle, c.title, a.kind, a.score, a.passed, a.assessed_on from training_assessments a join members m on m.id = a.member_id join training_courses c on c.id = a.course_id order by a.id');
const round = (title: string) =>
  query(
    t.db,
    "select p.source, p.due_on, p.started_on, p.passed_on, p.retake_due_on from training_plan_items p join members m on m.id = p.member_id join training_courses c on c.id = p.course_id where m.handle = 'wu' and c.title = ? order by p.id",
    title,
  );

describe.skipIf(!hasScript)('training courses add on a terminal', () => {
  it('checks each answer at its prompt: a blank or taken title, hours, an unknown role, an assessment, the pass mark and the interval are refused and asked again', async () => {
    const r = await onTerminal(
      t.db,
      ['training', 'courses', 'add'],
      [
        `   ${ENTER}`,
        `${erase('   ')}Company culture${ENTER}`,
        `${erase('Company culture')}Returns desk${ENTER}`,
        ROLE_PLAY,
        ENTER,
        `0${ENTER}`,
        `${erase('0')}abc${ENTER}`,
        `${erase('abc')}2.5${ENTER}`,
        `Warehose and logistics${ENTER}`,
        `${erase('Warehose and logistics')}${PRESALE}, Warehouse and logistics${ENTER}`,
        `essay${ENTER}`,
        `${erase('essay')}theory, practical${ENTER}`,
        `101${ENTER}`,
        `${erase('101')}75${ENTER}`,
        `weekly${ENTER}`,
        `${erase('weekly')}quarterly${ENTER}`,
      ],
    );
    expect(r.code).toBe(0);
    before(r.screen, 'A course needs a title.', 'There is already a course');
    before(r.screen, 'There is already a course called Company culture.', 'Format:');
    expect(r.screen).toContain('❯ role-play');
    expect(r.screen).toContain('✔ Format: role-play');
    before(r.screen, '--hours: 0 is not a length in hours; give a number above 0 and at most 1000.', 'Invalid --hours');
    before(r.screen, 'Invalid --hours "abc": expected a number.', 'For which roles');
    before(r.screen, 'No role matches "Warehose and logistics". Did you mean "Warehouse and logistics"?', 'Assessments (');
    before(r.screen, '--assess: "essay": each assessment is theory, simulation or practical (or "none").', 'Pass mark');
    before(r.screen, '--pass-mark: 101 is not a pass mark; give a whole number from 0 to 100.', 'Repeat after passing');
    before(r.screen, '--refresh: "weekly" is not an interval', 'Added course');
    expect(r.screen).toContain('Added course #23 Returns desk (passed by theory, practical).');
    expect(await course('Returns desk')).toEqual([
      { format: 'roleplay', hours: 2.5, pass_mark: 75, refresh_months: 3, onboarding: 0, topic: null, trainer_id: null, provider: null, description: null, retired_at: null },
    ]);
    expect(await courseRoles('Returns desk')).toEqual([{ name: PRESALE }, { name: 'Warehouse and logistics' }]);
    expect(await courseKinds('Returns desk')).toEqual([{ kind: 'practical' }, { kind: 'theory' }]);
    expect(await query(t.db, 'select count(*) as n from training_courses')).toEqual([{ n: 23 }]);
  });

  it('offers a default for every question but the title, and saves them', async () => {
    const r = await onTerminal(t.db, ['training', 'courses', 'add'], [`Returns desk${ENTER}`, ENTER, ENTER, ENTER, ENTER, ENTER, ENTER]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('❯ internal');
    expect(r.screen).toContain('Hours: (1)');
    expect(r.screen).toContain('For which roles (comma-separated, or none): (none)');
    expect(r.screen).toContain('Assessments (theory, simulation, practical, or none): (theory)');
    expect(r.screen).toContain('Pass mark (0–100): (60)');
    expect(r.screen).toContain('Repeat after passing (quarterly, 6m, none …): (none)');
    expect(r.screen).toContain('Added course #23 Returns desk (passed by theory).');
    expect(await course('Returns desk')).toEqual([
      { format: 'internal', hours: 1, pass_mark: 60, refresh_months: null, onboarding: 0, topic: null, trainer_id: null, provider: null, description: null, retired_at: null },
    ]);
    expect(await courseRoles('Returns desk')).toEqual([]);
    expect(await courseKinds('Returns desk')).toEqual([{ kind: 'theory' }]);
  });

  it('asks nothing the flags give, and no pass mark for a course with no assessment', async () => {
    const r = await onTerminal(t.db, ['training', 'courses', 'add', '--format', 'online', '--hours', '3'], [`Returns desk${ENTER}`, ENTER, `none${ENTER}`, `6m${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('Format:');
    expect(r.screen).not.toContain('Hours:');
    expect(r.screen).not.toContain('Pass mark');
    expect(r.screen).toContain('✔ Repeat after passing (quarterly, 6m, none …): 6m');
    expect(r.screen).toContain('Added course #23 Returns desk');
    expect(await course('Returns desk')).toEqual([
      { format: 'online', hours: 3, pass_mark: 60, refresh_months: 6, onboarding: 0, topic: null, trainer_id: null, provider: null, description: null, retired_at: null },
    ]);
    expect(await courseKinds('Returns desk')).toEqual([]);
  });

  it('refuses an empty title in the language of the team', async () => {
    const r = await onTerminal(t.db, ['--lang', 'zh', 'training', 'courses', 'add'], [ENTER, CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('课程名称');
    expect(r.screen).toContain('课程需要名称。');
    expect(r.screen).not.toContain('You must provide a value');
  });
});

describe.skipIf(!hasScript)('training assess on a terminal', () => {
  it('offers the kinds of a course with two, and refuses a score out of range or not a number at its prompt', async () => {
    const r = await onTerminal(
      t.db,
      ['training', 'assess', 'wu', 'Customer service basics'],
      [DOWN, ENTER, `101${ENTER}`, `${erase('101')}abc${ENTER}`, `${erase('abc')}85${ENTER}`],
    );
    expect(r.code).toBe(0);
    expect(r.screen).toContain('❯ theory');
    expect(r.screen).toContain('✔ Assessment: simulation');
    before(r.screen, '--score: 101 is out of range; a score is from 0 to 100.', 'Invalid --score');
    before(r.screen, 'Invalid --score "abc": expected a number.', 'wu: Customer service basics');
    expect(r.screen).toContain('wu: Customer service basics simulation 85 passed (pass mark 80); still to pass: theory.');
    expect(await attempts()).toEqual([{ handle: 'wu', title: 'Customer service basics', kind: 'simulation', score: 85, passed: 1, assessed_on: '2026-11-23' }]);
    expect(await round('Customer service basics')).toEqual([{ source: 'onboarding', due_on: '2026-12-20', started_on: '2026-11-23', passed_on: null, retake_due_on: null }]);
  });

  it('does not ask the kind of a course with one, and passes the round', async () => {
    const r = await onTerminal(t.db, ['training', 'assess', 'wu', 'Product knowledge'], [`85${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('Assessment:');
    expect(r.screen).toContain('✔ Score (0–100): 85');
    expect(r.screen).toContain('wu: Product knowledge theory 85 (pass mark 80). Course passed on 2026-11-23.');
    expect(await attempts()).toEqual([{ handle: 'wu', title: 'Product knowledge', kind: 'theory', score: 85, passed: 1, assessed_on: '2026-11-23' }]);
    expect((await round('Product knowledge'))[0]).toMatchObject({ started_on: '2026-11-23', passed_on: '2026-11-23' });
  });

  it('asks only the score when --kind is given, and only the kind when --score is', async () => {
    const low = await onTerminal(t.db, ['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory'], [`70${ENTER}`]);
    expect(low.code).toBe(0);
    expect(low.screen).not.toContain('Assessment:');
    expect(low.screen).toContain('wu: Customer service basics theory 70, below the pass mark 80. Retake due 2026-12-07.');
    const high = await onTerminal(t.db, ['training', 'assess', 'wu', 'Customer service basics', '--score', '90'], [ENTER]);
    expect(high.code).toBe(0);
    expect(high.screen).toContain('✔ Assessment: theory');
    expect(high.screen).not.toContain('Score (0–100)');
    expect(await attempts()).toEqual([
      { handle: 'wu', title: 'Customer service basics', kind: 'theory', score: 70, passed: 0, assessed_on: '2026-11-23' },
      { handle: 'wu', title: 'Customer service basics', kind: 'theory', score: 90, passed: 1, assessed_on: '2026-11-23' },
    ]);
  });

  it('refuses a course with no assessment before asking anything', async () => {
    const dump = await dumpDb(t.db);
    const r = await onTerminal(t.db, ['training', 'assess', 'wu', 'Company culture'], [`85${ENTER}`]);
    expect(r.code).toBe(2);
    expect(r.screen).toContain('Company culture has no assessment: it passes with team training complete.');
    expect(r.screen).not.toContain('Score (0–100)');
    expect(await dumpDb(t.db)).toEqual(dump);
  });
});

describe.skipIf(!hasScript)('training sessions add on a terminal', () => {
  it('asks the date (today unless changed) and the time, refusing 25:00 at its prompt', async () => {
    const r = await onTerminal(t.db, ['training', 'sessions', 'add', 'Customer service basics', '--tz', 'Asia/Shanghai'], [ENTER, `25:00${ENTER}`, `${erase('25:00')}14:30${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Date (YYYY-MM-DD): (2026-11-23)');
    expect(r.screen).toContain('✔ Date (YYYY-MM-DD): 2026-11-23');
    before(r.screen, 'Not a time: "25:00" (use HH:MM, 00:00–23:59).', 'Scheduled session');
    expect(r.screen).toContain('Scheduled session #1: Customer service basics on 2026-11-23 14:30–18:30, 1 invited.');
    expect(await query(t.db, 'select c.title, s.held_on, s.start_time, s.duration_min, s.time_zone from training_sessions s join training_courses c on c.id = s.course_id')).toEqual([
      { title: 'Customer service basics', held_on: '2026-11-23', start_time: '14:30', duration_min: 240, time_zone: 'Asia/Shanghai' },
    ]);
    // Invited: whoever has the course in their plan.
    expect(await query(t.db, 'select m.handle, a.status from training_session_attendees a join members m on m.id = a.member_id')).toEqual([{ handle: 'wu', status: 'invited' }]);
  });

  it('refuses a date that does not exist at its prompt, and asks no date when --date is given', async () => {
    const asked = await onTerminal(t.db, ['training', 'sessions', 'add', 'Customer service basics', '--tz', 'UTC'], [`2026-11-31${ENTER}`, `${erase('2026-11-31')}2026-11-30${ENTER}`, `9:00${ENTER}`]);
    expect(asked.code).toBe(0);
    before(asked.screen, '--date "2026-11-31" is not a date: November 2026 has 30 days.', 'Start time');
    const given = await onTerminal(t.db, ['training', 'sessions', 'add', 'Customer service basics', '--tz', 'UTC', '--date', '2026-12-02'], [`16:00${ENTER}`]);
    expect(given.code).toBe(0);
    expect(given.screen).not.toContain('Date (YYYY-MM-DD)');
    expect(given.screen).toContain('✔ Start time (HH:MM): 16:00');
    expect(await query(t.db, 'select held_on, start_time from training_sessions order by id')).toEqual([
      { held_on: '2026-11-30', start_time: '09:00' },
      { held_on: '2026-12-02', start_time: '16:00' },
    ]);
  });
});

describe.skipIf(!hasScript)('training plan on a terminal', () => {
  it('asks the courses, refusing an unknown one with a suggestion, and plans them', async () => {
    const r = await onTerminal(t.db, ['training', 'plan', 'wu'], [`Platform rules, Produkt knowledge${ENTER}`, `${erase('Produkt knowledge')}Active listening${ENTER}`]);
    expect(r.code).toBe(0);
    before(r.screen, 'No course matches "Produkt knowledge". Did you mean "Product knowledge"?', 'Planned');
    expect(r.screen).toContain('Planned 2 course(s), due 2026-12-23.');
    expect(await round('Platform rules')).toEqual([{ source: 'plan', due_on: '2026-12-23', started_on: null, passed_on: null, retake_due_on: null }]);
    expect(await round('Active listening')).toEqual([{ source: 'plan', due_on: '2026-12-23', started_on: null, passed_on: null, retake_due_on: null }]);
  });
});

describe.skipIf(!hasScript)('Ctrl-C at a training prompt', () => {
  it.each([
    ['courses add, at the format list', ['training', 'courses', 'add'], [`Returns desk${ENTER}`, DOWN, CTRL_C], 'Format:'],
    ['courses add, at the last question', ['training', 'courses', 'add'], [`Returns desk${ENTER}`, ENTER, ENTER, `${PRESALE}${ENTER}`, ENTER, ENTER, `quarterly`, CTRL_C], 'Repeat after passing'],
    ['assess, at the kind list', ['training', 'assess', 'wu', 'Customer service basics'], [DOWN, CTRL_C], 'Assessment:'],
    ['assess, at the score', ['training', 'assess', 'wu', 'Customer service basics'], [ENTER, `85`, CTRL_C], 'Score (0–100)'],
    ['sessions add, at the time', ['training', 'sessions', 'add', 'Customer service basics'], [ENTER, `14:30`, CTRL_C], 'Start time'],
    ['plan, at the courses', ['training', 'plan', 'wu'], [`Platform rules`, CTRL_C], 'Courses (comma-separated)'],
  ])('%s exits 130 and writes nothing', async (_name, args, keys, prompt) => {
    const dump = await dumpDb(t.db);
    const r = await onTerminal(t.db, args, keys);
    expect(r.code).toBe(130);
    expect(r.screen).toContain(prompt);
    expect(r.screen).toContain('Cancelled; nothing was written.');
    expect(await dumpDb(t.db)).toEqual(dump);
  });
});

describe.skipIf(!hasScript)('an argument the command cannot take is refused before any prompt', () => {
  // The keys answer the prompts in case they are shown: the command then fails after them.
  it.each([
    ['assess, an unknown course', ['training', 'assess', 'wu', 'Nothing'], [`85${ENTER}`], 'No course matches "Nothing".', 'Score (0–100)'],
    ['assess, an unknown member', ['training', 'assess', 'nobody', 'Product knowledge'], [`85${ENTER}`], 'No member matches "nobody".', 'Score (0–100)'],
    ['plan, an unknown member', ['training', 'plan', 'nobody'], [`Platform rules${ENTER}`], 'No member matches "nobody".', 'Courses (comma-separated)'],
    ['sessions add, an unknown course', ['training', 'sessions', 'add', 'Nothing'], [ENTER, `10:00${ENTER}`], 'No course matches "Nothing".', 'Date (YYYY-MM-DD)'],
  ])('%s', async (_name, args, keys, message, prompt) => {
    const dump = await dumpDb(t.db);
    const r = await onTerminal(t.db, args, keys);
    expect(r.code).toBe(2);
    expect(r.screen).toContain(message);
    expect(r.screen).not.toContain(prompt);
    expect(await dumpDb(t.db)).toEqual(dump);
  });
});

describe('training prompts without a terminal', () => {
  it.each([
    [['training', 'assess', 'm', 'c'], '--kind, --score'],
    [['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory'], '--score'],
    [['training', 'assess', 'wu', 'Customer service basics', '--score', '85'], '--kind'],
    [['training', 'sessions', 'add', 'c'], '--time'],
    [['training', 'courses', 'add'], 'TITLE'],
  ])('team %j names %s in one line, exit 2, nothing written', async (args, missing) => {
    const dump = await dumpDb(t.db);
    const r = runTeam(t.db, args, TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`team: Missing ${missing} (no terminal to ask on: pass them as flags).\n`);
    expect(r.stdout).toBe('');
    expect(await dumpDb(t.db)).toEqual(dump);
  });
});
