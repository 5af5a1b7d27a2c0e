/**
 * The shared set-up of the reports suites: one database per file, built once
 * through the CLI (beforeAll) and only read by the tests (reports never
 * write; `reject` checks that a refusal left it unchanged). Runners are
 * pinned to TODAY, Friday 27 November 2026, in ISO week 2026-W48 (Monday 23
 * to Sunday 29 November); next week is 2026-W49 (30 November – 6 December).
 *
 * Members (init's e-commerce preset, hired 2024-01-02, so no onboarding plan):
 * - zhou Zhou Yang, Customer service manager (Customer service)
 * - wu Wu Xue, pre-sale (Customer service), manager zhou
 * - zheng Zheng Hao, pre-sale (Customer service), manager zhou
 * - li Li Qiang, Operations manager (Operations)
 *
 * Goals (added 2026-11-02, start 2026-11-02):
 * - #1 wu "Reply within 30 s" 0 → 100 %, due 2026-12-31; check-ins 11-16 (40), 11-24 (50, a note), 11-26 (60): on track.
 * - #2 zheng "Close 40 orders" 0 → 40, due 2026-11-25 (this week); 42 on 11-24; reviewed 11-26 (self, then lead: reward) → achieved.
 * - #3 li "Launch campaign" 0 → 10, due 2026-11-13; 2 on 11-10: past due, not reviewed.
 * - #4 zhou "Train the desk" 0 → 20, due 2026-12-04 (next week); 2 on 11-24: off track.
 * - #5 department Customer service "CS desk satisfaction" 80 → 95 %, due 2027-01-31, never checked in: at risk and stale.
 * Check-ins in 2026-W48: 4 (on goals 1, 1, 2, 4).
 *
 * Meetings (the preset's four series, from init on 2026-10-01):
 * - Morning meeting 2026-11-16 with actions #1 wu "Update reply templates" due 2026-11-20 (overdue),
 *   #2 li "Book the studio" due 2026-12-02 (next week), #3 zheng "Sort the FAQ" (no date).
 * - Morning meeting 2026-11-23 (zheng absent), 2026-11-24 (wu late); Weekly meeting 2026-11-23 (zheng, li absent).
 *   This week: 3 meetings held; zheng absent twice, li once.
 *
 * Training ("Company culture", the preset's course):
 * - wu due 2026-11-28 (this week), zheng due 2026-11-20 (overdue), li due 2026-12-03 (next week);
 *   a class 2026-12-02 14:00 in "Room 3".
 *
 * Evaluations (Customer service: zhou, wu, zheng):
 * - 2026-10 opened and closed on 2026-11-02 (--allow-missing): wu's values all score 100; the others have none.
 * - 2026-11 open, wu's "First response time" recorded (30): 3 evaluations lack values; it closes 2026-11-30.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { expectRejected, run, tempDb, type RunResult } from '../helpers.js';

/** A Friday in 2026-W48. */
export const TODAY = '2026-11-27';
export const USER = 'lead';
export const WEEK = { week: '2026-W48', from: '2026-11-23', to: '2026-11-29' } as const;
export const NEXT = { week: '2026-W49', from: '2026-11-30', to: '2026-12-06' } as const;
export const DEPT = { cs: 'Customer service', ops: 'Operations' } as const;

export type Setup = (args: string[], today?: string) => Promise<void>;

const WHY = ['--why', 'The desk standard'];
export const goal = (title: string, owner: string, metric: string, unit: string, baseline: number, target: number, due: string, extra: string[] = []) => ['goals', 'add', title, '--owner', owner, '--metric', metric, '--unit', unit, '--baseline', String(baseline), '--target', String(target), '--start', '2026-11-02', '--due', due, ...WHY, ...extra];

/** What the weekly report of 2026-W48 should count (see the header). */
export const EXPECTED = {
  checkins: 4,
  checkedGoals: 3,
  closed: [2],
  overdueGoals: [3],
  held: 3,
  openActions: 3,
  overdueActions: 1,
  actionsDueNextWeek: 1,
} as const;

export const PRESALE_FULL: readonly (readonly [string, number])[] = [
  ['First response time', 25],
  ['Inquiry conversion', 50],
  ['Customer satisfaction', 97],
  ['Complex issues answered within 24 h', 99],
  ['Work quality', 96],
  ['Efficiency', 95],
];

/** A database with nothing in it: no preset, so no meeting series either. */
export async function seedInit(setup: Setup): Promise<void> {
  await setup(['init', '--preset', 'blank'], '2026-10-01');
}

export async function seedReports(setup: Setup): Promise<void> {
  await setup(['init'], '2026-10-01');
  await setup(['members', 'add', 'zhou', '--name', 'Zhou Yang', '--role', 'Customer service manager', '--hire-date', '2024-01-02'], '2026-10-01');
  for (const [h, n] of [['wu', 'Wu Xue'], ['zheng', 'Zheng Hao']] as const) await setup(['members', 'add', h, '--name', n, '--role', 'Customer service specialist (pre-sale)', '--hire-date', '2024-01-02', '--manager', 'zhou'], '2026-10-01');
  await setup(['members', 'add', 'li', '--name', 'Li Qiang', '--role', 'Operations manager', '--hire-date', '2024-01-02'], '2026-10-01');

  // Goals.
  const d0 = '2026-11-02';
  await setup(goal('Reply within 30 s', 'wu', 'Replies', '%', 0, 100, '2026-12-31', ['--kind', 'rate']), d0);
  await setup(goal('Close 40 orders', 'zheng', 'Orders', '单', 0, 40, '2026-11-25'), d0);
  await setup(goal('Launch campaign', 'li', 'Campaigns', '单', 0, 10, '2026-11-13'), d0);
  await setup(goal('Train the desk', 'zhou', 'Sessions', '单', 0, 20, '2026-12-04'), d0);
  await setup(goal('CS desk satisfaction', DEPT.cs, 'CSAT', '%', 80, 95, '2027-01-31', ['--kind', 'rate']), d0);
  await setup(['goals', 'checkin', '1', '--value', '40'], '2026-11-16');
  await setup(['goals', 'checkin', '1', '--value', '50', '--note', 'after the training'], '2026-11-24');
  await setup(['goals', 'checkin', '1', '--value', '60'], '2026-11-26');
  await setup(['goals', 'checkin', '2', '--value', '42'], '2026-11-24');
  await setup(['goals', 'checkin', '3', '--value', '2'], '2026-11-10');
  await setup(['goals', 'checkin', '4', '--value', '2'], '2026-11-24');
  await setup(['goals', 'review', '2', '--self', 'Did it'], '2026-11-26');
  await setup(['goals', 'review', '2', '--lead', 'Done', '--score', '5', '--outcome', 'reward'], '2026-11-26');

  // Meetings and action items.
  await setup(['meetings', 'log', 'Morning meeting', '--action', 'wu: Update reply templates [2026-11-20]', '--action', 'li: Book the studio [2026-12-02]', '--action', 'zheng: Sort the FAQ'], '2026-11-16');
  await setup(['meetings', 'log', 'Morning meeting', '--absent', 'zheng'], '2026-11-23');
  await setup(['meetings', 'log', 'Morning meeting', '--late', 'wu'], '2026-11-24');
  await setup(['meetings', 'log', 'Weekly meeting', '--absent', 'zheng,li'], '2026-11-23');

  // Training.
  await setup(['training', 'plan', 'wu', '--courses', 'Company culture', '--due', '2026-11-28'], d0);
  await setup(['training', 'plan', 'zheng', '--courses', 'Company culture', '--due', '2026-11-20'], d0);
  await setup(['training', 'plan', 'li', '--courses', 'Company culture', '--due', '2026-12-03'], d0);
  await setup(['training', 'sessions', 'add', 'Company culture', '--date', '2026-12-02', '--time', '14:00', '--place', 'Room 3', '--attendees', 'li'], '2026-11-20');

  // Evaluations.
  await setup(['evals', 'open', '--period', '2026-10', '--dept', DEPT.cs], d0);
  for (const [kpi, value] of PRESALE_FULL) await setup(['evals', 'record', 'wu', kpi, '--value', String(value), '--period', '2026-10'], d0);
  await setup(['evals', 'close', '--period', '2026-10', '--allow-missing'], d0);
  await setup(['evals', 'open', '--period', '2026-11', '--dept', DEPT.cs], d0);
  await setup(['evals', 'record', 'wu', 'First response time', '--value', '30', '--period', '2026-11'], '2026-11-20');
}

export interface Env {
  today?: string;
  lang?: string;
  columns?: number;
  env?: Record<string, string | undefined>;
}

const optsOf = (e: Env = {}) => ({ env: { TEAM_TODAY: e.today ?? TODAY, TEAM_USER: USER, ...(e.lang !== undefined && { TEAM_LANG: e.lang }), ...(e.columns !== undefined && { COLUMNS: String(e.columns) }), ...e.env } });

/**
 * One database for the whole file, seeded in beforeAll (the tests only read it).
 * `ok` expects exit 0, `reject` a clean refusal (exit 2, one stderr line, database unchanged).
 */
export function reportsFixture(seed: (setup: Setup) => Promise<void> = seedReports) {
  let base: ReturnType<typeof tempDb>;
  beforeAll(async () => {
    base = tempDb();
    await seed(async (args, today) => {
      const r = await run(base.db, args, optsOf({ today: today ?? TODAY }));
      if (r.code !== 0) throw new Error(`setup failed: team ${args.join(' ')}: ${r.stderr}`);
    });
  });
  afterAll(() => base.cleanup());
  const team = (args: readonly string[], e?: Env): Promise<RunResult> => run(base.db, args, optsOf(e));
  return {
    get db(): string {
      return base.db;
    },
    /** A folder for files the test writes (--out). */
    get dir(): string {
      return base.dir;
    },
    team,
    async ok(args: readonly string[], e?: Env): Promise<RunResult> {
      const r = await team(args, e);
      expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    },
    async json<T>(args: readonly string[], e?: Env): Promise<T> {
      const r = await team([...args, '--json'], e);
      expect(r.code, `team ${args.join(' ')} --json\n${r.stderr}`).toBe(0);
      return r.json<T>();
    },
    reject: (args: readonly string[], e?: Env): Promise<RunResult> => expectRejected(base.db, args, optsOf(e)),
  };
}
