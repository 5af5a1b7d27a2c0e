/**
 * `team training status` and `team training report` end to end, in-process:
 * the --json shapes, the tables (fitting 80 columns in English and Chinese),
 * CSV and Markdown, and the report's arithmetic down to the effect on goals.
 * One history, seeded once (every date backdated from 2026-11-23), read by every test.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { query, run } from '../../helpers.js';
import { goalsFixture, TODAY, type Setup } from '../../goals/fixture.js';

const AFTER_SALE = 'Customer service specialist (after-sale)';

/**
 * boss #1 (manager), ann #2 and old #3 (after-sale), cang #4 (warehouse): all
 * hired long ago (no onboarding plan). Courses 23–26 are ours.
 */
async function seed(setup: Setup): Promise<void> {
  await setup(['init']);
  await setup(['members', 'add', 'boss', '--name', 'Zhou Min', '--role', 'Customer service manager', '--hire-date', '2019-05-01']);
  await setup(['members', 'add', 'ann', '--name', 'An Qi', '--role', AFTER_SALE, '--hire-date', '2021-03-01']);
  await setup(['members', 'add', 'old', '--name', 'Lao Wang', '--role', AFTER_SALE, '--hire-date', '2020-01-01']);
  await setup(['members', 'add', 'cang', '--name', 'Cang Ku', '--role', 'Warehouse and logistics', '--hire-date', '2022-01-01']);
  await setup(['training', 'courses', 'add', 'Monthly drill', '--format', 'online', '--hours', '1', '--assess', 'theory', '--pass-mark', '80', '--refresh', '1m']);
  await setup(['training', 'courses', 'add', 'Dual check', '--format', 'internal', '--hours', '2.5', '--assess', 'theory,simulation', '--pass-mark', '80']);
  await setup(['training', 'courses', 'add', 'Quarterly quiz', '--format', 'online', '--hours', '1', '--assess', 'theory', '--refresh', 'quarterly']);
  await setup(['training', 'courses', 'add', 'Intro talk', '--format', 'sharing', '--hours', '1.5']);

  const assess = (who: string, course: string, kind: string, score: number, date: string) => setup(['training', 'assess', who, course, '--kind', kind, '--score', String(score), '--date', date]);
  // Dual check (pass mark 80): boss passes first time on 2026-08-25 (before the default period);
  // ann fails simulation on 10-01 and passes it on 10-10; old passes first time on 11-01; cang fails theory on 11-05.
  await assess('boss', 'Dual check', 'theory', 95, '2026-08-25');
  await assess('boss', 'Dual check', 'simulation', 85, '2026-08-25');
  await assess('ann', 'Dual check', 'theory', 85, '2026-10-01');
  await assess('ann', 'Dual check', 'simulation', 70, '2026-10-01');
  await assess('ann', 'Dual check', 'simulation', 90, '2026-10-10');
  await assess('old', 'Dual check', 'theory', 90, '2026-11-01');
  await assess('old', 'Dual check', 'simulation', 88, '2026-11-01');
  await assess('cang', 'Dual check', 'theory', 50, '2026-11-05');
  // ann fails the monthly drill on 11-01 (retake due 11-15: overdue) and passes the quarterly quiz on 11-10 (refresher due 2027-02-10).
  await assess('ann', 'Monthly drill', 'theory', 60, '2026-11-01');
  await assess('ann', 'Quarterly quiz', 'theory', 75, '2026-11-10');
  await setup(['training', 'plan', 'ann', '--courses', 'Intro talk', '--due', '2026-12-01']);
  // Intro talk (completion passes it): boss completes it on 11-05; cang attends a session on 11-10.
  await setup(['training', 'complete', 'boss', 'Intro talk', '--date', '2026-11-05']);
  await setup(['training', 'sessions', 'add', 'Intro talk', '--date', '2026-11-10', '--time', '10:00', '--attendees', 'cang']);
  await setup(['training', 'sessions', 'attend', '1']);

  // Goals: [owner, start, due, target, value on the check-in date].
  const goals: [string, string, string, number, number, string][] = [
    ['ann', '2026-07-01', '2026-09-30', 100, 40, '2026-09-30'], // #1 before ann's passes: 40 %
    ['ann', '2026-07-01', '2026-08-31', 100, 60, '2026-08-31'], // #2 before: 60 %
    ['ann', '2026-10-01', '2026-11-15', 100, 90, '2026-11-15'], // #3 after ann's passes: 90 %
    ['ann', '2026-11-01', '2026-12-15', 100, 10, '2026-11-20'], // #4 due after today: in no window
    ['ann', '2026-06-01', '2026-07-01', 100, 0, '2026-07-01'], // #5 due before any window
    ['old', '2026-09-01', '2026-10-15', 200, 140, '2026-10-15'], // #6 before old's pass: 70 %
    ['old', '2026-11-01', '2026-11-20', 100, 130, '2026-11-20'], // #7 after: 130 %, counted as 100
    ['team', '2026-10-01', '2026-10-20', 100, 0, '2026-10-20'], // #8 the team's: no member's
  ];
  for (const [i, [owner, start, due, target, value, on]] of goals.entries()) {
    await setup(['goals', 'add', `${owner} tickets ${i + 1}`, '--owner', owner, '--metric', 'Tickets', '--unit', '单', '--target', String(target), '--direction', 'increase', '--start', start, '--due', due, '--why', 'service level']);
    await setup(['goals', 'checkin', String(i + 1), '--value', String(value), '--date', on]);
  }
}

const fx = goalsFixture(seed);
const { ok, reject } = fx;

/** A run with extra environment (COLUMNS), pinned like the fixture's. */
async function okEnv(args: readonly string[], env: Record<string, string>, today = TODAY) {
  const r = await run(fx.db, args, { env: { ...fx.opts(today).env, ...env } });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** Every line fits `width` display columns (CJK counts 2). */
function expectFits(text: string, width = 80): void {
  const wide = text.split('\n').filter((l) => stringWidth(l) > width);
  expect(wide, text).toEqual([]);
}

interface Score {
  score: number;
  course: string;
  date: string;
  passed: boolean;
}
interface StatusItem {
  id: number;
  course: string;
  source: string;
  status: string;
  due: string;
  flag: string | null;
  startedOn: string | null;
  completedOn: string | null;
  passedOn: string | null;
  retakeDueOn: string | null;
}
interface MemberTraining {
  handle: string;
  name: string;
  role: string | null;
  department: string | null;
  courses: number;
  current: number;
  donePct: number | null;
  overdue: number;
  dueSoon: number;
  refreshersDue: number;
  latest: { theory: Score | null; simulation: Score | null; practical: Score | null };
  items: StatusItem[];
}

const si = (id: number, course: string, p: Partial<StatusItem>): StatusItem => ({ id, course, source: 'plan', status: 'planned', due: '', flag: null, startedOn: null, completedOn: null, passedOn: null, retakeDueOn: null, ...p });

/** ann on 2026-11-23: two of four courses current, the drill's retake overdue, Intro talk due soon. */
const ANN: MemberTraining = {
  handle: 'ann',
  name: 'An Qi',
  role: AFTER_SALE,
  department: 'Customer service',
  courses: 4,
  current: 2,
  donePct: 50,
  overdue: 1,
  dueSoon: 1,
  refreshersDue: 0,
  latest: {
    theory: { score: 75, course: 'Quarterly quiz', date: '2026-11-10', passed: true },
    simulation: { score: 90, course: 'Dual check', date: '2026-10-10', passed: true },
    practical: null,
  },
  items: [
    si(5, 'Monthly drill', { status: 'failed', due: '2026-11-15', flag: 'overdue', startedOn: '2026-11-01', retakeDueOn: '2026-11-15' }),
    si(2, 'Dual check', { status: 'passed', due: '2026-10-31', startedOn: '2026-10-01', completedOn: '2026-10-10', passedOn: '2026-10-10' }),
    si(7, 'Quarterly quiz', { source: 'refresher', due: '2027-02-10' }),
    si(8, 'Intro talk', { due: '2026-12-01', flag: 'due-soon' }),
  ],
};

describe('training status', () => {
  it('--member --json: the whole picture of one member', async () => {
    const r = await ok(['training', 'status', '--member', 'ann', '--json']);
    expect(r.json()).toEqual([ANN]);
    expect(r.stderr).toBe('');
  });

  it('--json for everyone: each active member by handle, with counts from the latest round of each course', async () => {
    const all = (await ok(['training', 'status', '--json'])).json<MemberTraining[]>();
    expect(all.map((m) => m.handle)).toEqual(['ann', 'boss', 'cang', 'old']);
    expect(all[0]).toEqual(ANN);
    expect(all.map(({ handle, courses, current, donePct, overdue, dueSoon, refreshersDue }) => ({ handle, courses, current, donePct, overdue, dueSoon, refreshersDue }))).toEqual([
      { handle: 'ann', courses: 4, current: 2, donePct: 50, overdue: 1, dueSoon: 1, refreshersDue: 0 },
      { handle: 'boss', courses: 2, current: 2, donePct: 100, overdue: 0, dueSoon: 0, refreshersDue: 0 },
      { handle: 'cang', courses: 2, current: 0, donePct: 0, overdue: 1, dueSoon: 0, refreshersDue: 0 },
      { handle: 'old', courses: 1, current: 1, donePct: 100, overdue: 0, dueSoon: 0, refreshersDue: 0 },
    ]);
    expect(all[2]).toEqual({
      handle: 'cang',
      name: 'Cang Ku',
      role: 'Warehouse and logistics',
      department: 'Logistics',
      courses: 2,
      current: 0,
      donePct: 0,
      overdue: 1,
      dueSoon: 0,
      refreshersDue: 0,
      latest: { theory: { score: 50, course: 'Dual check', date: '2026-11-05', passed: false }, simulation: null, practical: null },
      items: [si(4, 'Dual check', { status: 'failed', due: '2026-11-19', flag: 'overdue', startedOn: '2026-11-05', retakeDueOn: '2026-11-19' }), si(10, 'Intro talk', { source: 'session', status: 'started', due: '2026-12-10', startedOn: '2026-11-10' })],
    });
  });

  it('--role and --dept narrow the members; --overdue keeps members with overdue items and only those items', async () => {
    expect((await ok(['training', 'status', '--role', AFTER_SALE, '--json'])).json<MemberTraining[]>().map((m) => m.handle)).toEqual(['ann', 'old']);
    expect((await ok(['training', 'status', '--dept', 'Logistics', '--json'])).json<MemberTraining[]>().map((m) => m.handle)).toEqual(['cang']);
    const late = (await ok(['training', 'status', '--overdue', '--json'])).json<MemberTraining[]>();
    expect(late.map((m) => [m.handle, m.overdue, m.items.map((i) => [i.course, i.flag])])).toEqual([
      ['ann', 1, [['Monthly drill', 'overdue']]],
      ['cang', 1, [['Dual check', 'overdue']]],
    ]);
    expect((await ok(['training', 'status', '--dept', 'Logistics', '--overdue', '--json'])).json<MemberTraining[]>().map((m) => m.handle)).toEqual(['cang']);
    // Two days earlier the drill's retake (due 11-15) was not yet late, cang's (11-19) neither: due soon instead.
    expect((await ok(['training', 'status', '--overdue', '--json'], '2026-11-15')).json()).toEqual([]);
    expect((await ok(['training', 'status', '--member', 'cang', '--json'], '2026-11-15')).json<MemberTraining[]>()[0]).toMatchObject({ overdue: 0, dueSoon: 1 });
  });

  it('an archived member is left out, but --member shows one (a read), and a filter that excludes the member shows no one', async () => {
    await ok(['members', 'archive', 'old']);
    expect((await ok(['training', 'status', '--json'])).json<MemberTraining[]>().map((m) => m.handle)).toEqual(['ann', 'boss', 'cang']);
    const old = (await ok(['training', 'status', '--member', 'old', '--json'])).json<MemberTraining[]>();
    expect(old.map((m) => [m.handle, m.courses > 0])).toEqual([['old', true]]);
    const none = await ok(['training', 'status', '--member', 'ann', '--role', 'Customer service manager']);
    expect([none.stdout, none.stderr]).toEqual(['', 'No members in that scope.\n']);
  });

  it('the table for a member, in English, fits 80 columns: the member\'s line, then the plan', async () => {
    const r = await okEnv(['training', 'status', '--member', 'ann'], { COLUMNS: '80' });
    expectFits(r.stdout);
    expect(r.stdout).toBe(
      [
        '┌────────┬──────┬────────┬─────────┬──────┬────────┬────────┬────────┐',
        '│ Member │ Done │ Done % │ Overdue │ Soon │ Theory │ Simul. │ Pract. │',
        '├────────┼──────┼────────┼─────────┼──────┼────────┼────────┼────────┤',
        '│ ann    │  2/4 │    50% │       1 │    1 │     75 │     90 │        │',
        '└────────┴──────┴────────┴─────────┴──────┴────────┴────────┴────────┘',
        'Plan of ann',
        '┌────────────────┬───────────┬─────────┬────────────┬──────────┬────────────┐',
        '│ Course         │ Source    │ Status  │ Due        │ Flag     │ Passed     │',
        '├────────────────┼───────────┼─────────┼────────────┼──────────┼────────────┤',
        '│ Monthly drill  │ assigned  │ retake  │ 2026-11-15 │ overdue  │            │',
        '│ Dual check     │ assigned  │ passed  │            │          │ 2026-10-10 │',
        '│ Quarterly quiz │ refresher │ planned │ 2027-02-10 │          │            │',
        '│ Intro talk     │ assigned  │ planned │ 2026-12-01 │ due soon │            │',
        '└────────────────┴───────────┴─────────┴────────────┴──────────┴────────────┘',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
  });

  it('the table for a member, in Chinese, fits 80 columns', async () => {
    const r = await okEnv(['--lang', 'zh', 'training', 'status', '--member', 'ann'], { COLUMNS: '80' });
    expectFits(r.stdout);
    expect(r.stdout).toBe(
      [
        '┌──────┬───────┬──────┬────────┬──────┬────────┬────────┬──────┬──────┬──────┐',
        '│ 成员 │ 姓名  │ 完成 │ 完成率 │ 逾期 │ 将到期 │ 待复训 │ 理论 │ 模拟 │ 实操 │',
        '├──────┼───────┼──────┼────────┼──────┼────────┼────────┼──────┼──────┼──────┤',
        '│ ann  │ An Qi │  2/4 │    50% │    1 │      1 │        │   75 │   90 │      │',
        '└──────┴───────┴──────┴────────┴──────┴────────┴────────┴──────┴──────┴──────┘',
        'ann 的培训计划',
        '┌────────────────┬──────┬────────┬────────────┬────────┬────────────┐',
        '│ 课程           │ 来源 │ 状态   │ 截止       │ 提示   │ 通过日     │',
        '├────────────────┼──────┼────────┼────────────┼────────┼────────────┤',
        '│ Monthly drill  │ 指派 │ 待补考 │ 2026-11-15 │ 逾期   │            │',
        '│ Dual check     │ 指派 │ 已通过 │            │        │ 2026-10-10 │',
        '│ Quarterly quiz │ 复训 │ 待培训 │ 2027-02-10 │        │            │',
        '│ Intro talk     │ 指派 │ 待培训 │ 2026-12-01 │ 将到期 │            │',
        '└────────────────┴──────┴────────┴────────────┴────────┴────────────┘',
        '',
      ].join('\n'),
    );
  });

  it('the everyone table fits 80 columns in both languages, narrower terminals too', async () => {
    for (const lang of ['en', 'zh']) {
      for (const width of [80, 60]) {
        const r = await okEnv(['--lang', lang, 'training', 'status'], { COLUMNS: String(width) });
        expectFits(r.stdout, width);
        expect(r.stdout.split('\n').filter((l) => /^│ (ann|boss|cang|old) /.test(l))).toHaveLength(4);
      }
    }
  });

  it('a member with nothing planned, and nothing overdue, say so', async () => {
    await ok(['members', 'add', 'new', '--name', 'Xin Ren', '--role', 'Warehouse and logistics', '--hire-date', '2020-01-01']);
    const r = await ok(['training', 'status', '--member', 'new']);
    expect(r.stderr).toBe('new has nothing in the plan.\n');
    expect(r.stdout).toContain('│ new ');
    expect((await ok(['training', 'status', '--overdue'], '2026-11-01')).stderr).toBe('Nothing overdue.\n');
  });

  it('--format csv and md print the member lines with every column', async () => {
    expect((await ok(['training', 'status', '--format', 'csv'])).stdout).toBe(
      [
        '\ufeffMember,Name,Role,Done,Done %,Overdue,Soon,Refresh due,Theory,Simul.,Pract.',
        // Numbers plain: courses current and the percentage.
        `ann,An Qi,${AFTER_SALE},2,50,1,1,,75,90,`,
        'boss,Zhou Min,Customer service manager,2,100,,,,95,85,',
        'cang,Cang Ku,Warehouse and logistics,0,0,1,,,50,,',
        `old,Lao Wang,${AFTER_SALE},1,100,,,,90,88,`,
        '',
      ].join('\n'),
    );
    expect((await ok(['training', 'status', '--role', AFTER_SALE, '--format', 'md'])).stdout).toBe(
      [
        '| Member | Name | Role | Done | Done % | Overdue | Soon | Refresh due | Theory | Simul. | Pract. |',
        '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ann | An Qi | ${AFTER_SALE} | 2 | 50 | 1 | 1 |  | 75 | 90 |  |`,
        `| old | Lao Wang | ${AFTER_SALE} | 1 | 100 |  |  |  | 90 | 88 |  |`,
        '',
      ].join('\n'),
    );
  });
});

interface Effect {
  members: number;
  before: number | null;
  after: number | null;
  change: number | null;
}
interface CourseReport {
  course: string;
  trained: number;
  assessed: number;
  passed: number;
  firstTryPct: number | null;
  passPct: number | null;
  meanScore: { theory: number | null; simulation: number | null; practical: number | null };
  hours: number;
  goalEffect: Effect;
  kpiEffect: Effect;
}
interface Report {
  from: string;
  to: string;
  windowDays: number;
  courses: CourseReport[];
}

const NO_EFFECT: Effect = { members: 0, before: null, after: null, change: null };
const NO_SCORES = { theory: null, simulation: null, practical: null };

/**
 * Dual check from 2026-08-26: ann (one failed attempt first), old (first try) passed, cang did not.
 * Goal effect: ann passed 10-10, goals due 07-12…10-09: #1 40 %, #2 60 % → 50; due 10-10…11-23 (today): #3 90 %.
 * old passed 11-01, due 08-03…10-31: #6 70 %; due 11-01…11-23: #7 130 % → 100. Means 60 → 95.
 */
const DUAL_CHECK: CourseReport = {
  course: 'Dual check',
  trained: 2,
  assessed: 3,
  passed: 2,
  firstTryPct: 33,
  passPct: 67,
  meanScore: { theory: 75, simulation: 82.7, practical: null },
  hours: 5,
  goalEffect: { members: 2, before: 60, after: 95, change: 35 },
  kpiEffect: NO_EFFECT,
};

const DEFAULT_REPORT: Report = {
  from: '2026-08-26',
  to: '2026-11-23',
  windowDays: 90,
  courses: [
    // One failed attempt, no pass, nobody completed it: no hours.
    { course: 'Monthly drill', trained: 0, assessed: 1, passed: 0, firstTryPct: 0, passPct: 0, meanScore: { theory: 60, simulation: null, practical: null }, hours: 0, goalEffect: NO_EFFECT, kpiEffect: NO_EFFECT },
    DUAL_CHECK,
    // ann passed 11-10: due 08-12…11-09: #1, #2 → 50; due 11-10…11-23: #3 90.
    { course: 'Quarterly quiz', trained: 1, assessed: 1, passed: 1, firstTryPct: 100, passPct: 100, meanScore: { theory: 75, simulation: null, practical: null }, hours: 1, goalEffect: { members: 1, before: 50, after: 90, change: 40 }, kpiEffect: NO_EFFECT },
    // boss completed it, cang attended the session: trained 2, one completion's hours.
    // Passed by completion (boss): counted passed; the pass rates are over assessed rounds only.
    { course: 'Intro talk', trained: 2, assessed: 0, passed: 1, firstTryPct: null, passPct: null, meanScore: NO_SCORES, hours: 1.5, goalEffect: NO_EFFECT, kpiEffect: NO_EFFECT },
  ],
};

describe('training report', () => {
  it('--json over the default period (the last 90 days to today): per course with activity', async () => {
    const r = await ok(['training', 'report', '--json']);
    expect(r.json()).toEqual(DEFAULT_REPORT);
    expect(r.stderr).toBe('');
  });

  it('--course with --from takes in the earlier first-try pass and its attempts', async () => {
    const r = await ok(['training', 'report', '--course', 'Dual check', '--from', '2026-08-01', '--json']);
    expect(r.json()).toEqual({
      from: '2026-08-01',
      to: '2026-11-23',
      windowDays: 90,
      // boss too: 4 rounds, 3 passed, 2 at the first try; theory (95+85+90+50)/4, simulation (85+70+90+88)/4.
      // boss has no goals: the effect stays that of ann and old.
      courses: [{ ...DUAL_CHECK, trained: 3, assessed: 4, passed: 3, firstTryPct: 50, passPct: 75, meanScore: { theory: 80, simulation: 83.3, practical: null }, hours: 7.5 }],
    });
  });

  it('--from and --to bound the activity, while the effect looks after each pass up to today', async () => {
    const r = await ok(['training', 'report', '--from', '2026-10-01', '--to', '2026-10-31', '--json']);
    expect(r.json()).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      windowDays: 90,
      courses: [{ course: 'Dual check', trained: 1, assessed: 1, passed: 1, firstTryPct: 0, passPct: 100, meanScore: { theory: 85, simulation: 80, practical: null }, hours: 2.5, goalEffect: { members: 1, before: 50, after: 90, change: 40 }, kpiEffect: NO_EFFECT }],
    });
  });

  it('--to alone reaches back 90 days from it; a course asked for is listed even without activity', async () => {
    expect((await ok(['training', 'report', '--to', '2026-10-31', '--json'])).json<Report>()).toMatchObject({ from: '2026-08-03', to: '2026-10-31' });
    expect((await ok(['training', 'report', '--course', 'Monthly drill', '--to', '2026-10-31', '--json'])).json<Report>().courses).toEqual([
      { course: 'Monthly drill', trained: 0, assessed: 0, passed: 0, firstTryPct: null, passPct: null, meanScore: NO_SCORES, hours: 0, goalEffect: NO_EFFECT, kpiEffect: NO_EFFECT },
    ]);
  });

  it('the default period moves with today', async () => {
    // On 2026-11-22 the period starts 08-25: boss's pass is in it.
    const r = (await ok(['training', 'report', '--course', 'Dual check', '--json'], '2026-11-22')).json<Report>();
    expect(r).toMatchObject({ from: '2026-08-25', to: '2026-11-22' });
    expect(r.courses[0]).toMatchObject({ trained: 3, assessed: 4, passed: 3 });
  });

  it('refuses --from after --to, and a --from after today', async () => {
    expect((await reject(['training', 'report', '--from', '2026-11-23', '--to', '2026-11-01'])).stderr).toBe('team: --from 2026-11-23 is after --to 2026-11-01.\n');
    expect((await reject(['training', 'report', '--from', '2026-12-01'])).stderr).toBe('team: --from 2026-12-01 is after --to 2026-11-23.\n');
  });

  it('the table in English: the period, the courses in 80 columns, and the KPI column waiting for evaluations', async () => {
    const r = await okEnv(['training', 'report'], { COLUMNS: '80' });
    expectFits(r.stdout);
    expect(r.stdout).toBe(
      [
        '┌────────────────┬─────────┬─────────┬────────┬────────┬─────────────┬────────┐',
        '│ Course         │ Trained │ 1st try │ Passed │ Theory │ Goal effect │ Change │',
        '├────────────────┼─────────┼─────────┼────────┼────────┼─────────────┼────────┤',
        '│ Monthly drill  │       0 │      0% │     0% │     60 │             │        │',
        '│ Dual check     │       2 │     33% │    67% │     75 │ 60% → 95%   │    +35 │',
        '│ Quarterly quiz │       1 │    100% │   100% │     75 │ 50% → 90%   │    +40 │',
        '│ Intro talk     │       2 │         │        │        │             │        │',
        '└────────────────┴─────────┴─────────┴────────┴────────┴─────────────┴────────┘',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('From 2026-08-26 to 2026-11-23; effect on goals and KPI scores (closed evaluations): 90 days before each pass against the days after it.\n');
  });

  it('the table in Chinese fits 80 columns', async () => {
    const r = await okEnv(['--lang', 'zh', 'training', 'report'], { COLUMNS: '80' });
    expectFits(r.stdout);
    expect(r.stdout.split('\n')[1]).toMatch(/^│ 课程 +│ 培训人数 │ 一次通过 │ 通过率 │/);
    expect(r.stdout).toContain('│ 60% → 95%');
    expect(r.stderr).toBe('2026-08-26 至 2026-11-23；对目标和 KPI 得分（已关闭的考核）的效果：每次通过前 90 天与通过后相比。\n');
  });

  it('a period without training says so', async () => {
    const r = await ok(['training', 'report', '--from', '2026-01-01', '--to', '2026-01-31']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('From 2026-01-01 to 2026-01-31; effect on goals and KPI scores (closed evaluations): 90 days before each pass against the days after it.\nNo training in that period.\n');
    expect((await ok(['training', 'report', '--from', '2026-01-01', '--to', '2026-01-31', '--json'])).json()).toEqual({ from: '2026-01-01', to: '2026-01-31', windowDays: 90, courses: [] });
  });

  it('--format csv and md give the numbers plain', async () => {
    expect((await ok(['training', 'report', '--format', 'csv'])).stdout).toBe(
      [
        '\ufeffCourse,Trained,Assessed,1st try,Passed,Theory,Simul.,Pract.,Hours,Goal effect,Change,KPI effect,KPI ±',
        'Monthly drill,0,1,0,0,60,,,0,,,,',
        'Dual check,2,3,33,67,75,82.7,,5,60 -> 95,35,,',
        'Quarterly quiz,1,1,100,100,75,,,1,50 -> 90,40,,',
        'Intro talk,2,0,,,,,,1.5,,,,',
        '',
      ].join('\n'),
    );
    expect((await ok(['training', 'report', '--course', 'Dual check', '--format', 'md'])).stdout).toBe(
      [
        '| Course | Trained | Assessed | 1st try | Passed | Theory | Simul. | Pract. | Hours | Goal effect | Change | KPI effect | KPI ± |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: |',
        '| Dual check | 2 | 3 | 33 | 67 | 75 | 82.7 |  | 5 | 60 -> 95 | 35 |  |  |',
        '',
      ].join('\n'),
    );
  });

  it('a goal checked in later moves the effect', async () => {
    // old's goal #6 (due 10-15, target 200) now at 200: old's before is 100, the mean before (50 + 100) / 2 = 75.
    await ok(['goals', 'checkin', '6', '--value', '200', '--date', '2026-10-15']);
    expect((await ok(['training', 'report', '--course', 'Dual check', '--json'])).json<Report>().courses[0]!.goalEffect).toEqual({ members: 2, before: 75, after: 95, change: 20 });
    expect(await query(fx.db, 'select count(*) as n from goal_checkins where goal_id = 6')).toEqual([{ n: 2 }]);
  });

  // Fails today (bug): only attempts inside the period are looked at, so a round whose failed attempt came before --from counts as passed at the first try.
  it('firstTryPct: a round with a failed attempt before the period did not pass at the first try', async () => {
    await ok(['training', 'assess', 'old', 'Quarterly quiz', '--kind', 'theory', '--score', '40', '--date', '2026-08-20']);
    await ok(['training', 'assess', 'old', 'Quarterly quiz', '--kind', 'theory', '--score', '70', '--date', '2026-09-01']);
    const r = (await ok(['training', 'report', '--course', 'Quarterly quiz', '--json'])).json<Report>().courses[0]!;
    expect(r).toMatchObject({ assessed: 2, passed: 2, passPct: 100 });
    // ann passed at the first try, old did not.
    expect(r.firstTryPct).toBe(50);
  });
});
