/**
 * `team goals split --by dept` and `--period quarter`: the cascades the seeds
 * describe (year → quarter → month, team → department → member) built by
 * repeated splits, exact to the cent at every level, and the refusals.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { goalsFixture } from '../fixture.js';

// Members: li #1 (Operations), wang #2, zhao #3, chen #4 (Customer service).
// Departments after init: Operations #1, Design #2, Customer service #3, Logistics #4, Marketing #5, Data #6.
const fx = goalsFixture();
const { ok, reject } = fx;

interface Row {
  id: number;
  parent_id: number | null;
  title: string;
  owner_type: string;
  owner_member_id: number | null;
  owner_department_id: number | null;
  unit: string | null;
  kind: string | null;
  target: number | null;
  start_date: string;
  due_date: string;
  horizon: string;
  weight: number | null;
  period_label: string | null;
}
const rows = (where = '1 = 1') => query<Row>(fx.db, `select * from goals where ${where} order by id`);
const cents = (xs: readonly (number | null)[]) => xs.reduce<number>((a, x) => a + Math.round((x ?? 0) * 100), 0);
const leaves = () => query<Row>(fx.db, 'select * from goals g where not exists (select 1 from goals c where c.parent_id = g.id) order by id');

interface TreeNode {
  id: number;
  owner: string;
  ownerType: string;
  target: number;
  horizon: string;
  periodLabel: string | null;
  children: TreeNode[];
}

/** #1: ¥1,000,000.01 of GMV in 2026, a team goal. */
async function yearGmv(owner = 'team') {
  await ok(['goals', 'add', 'GMV ¥1,000,000.01 in 2026', '--owner', owner, '--metric', 'GMV', '--unit', '¥', '--target', '1000000.01', '--direction', 'increase', '--start', '2026-01-01', '--due', '2026-12-31', '--why', 'annual plan']);
}

describe('goals split --by dept', () => {
  it('a ¥1,000,000.01 team goal by --depts with --weights 3,2,1: department-owned children, exact to the cent', async () => {
    await yearGmv();
    const r = await ok(['goals', 'split', '1', '--by', 'dept', '--depts', 'Operations,Customer service,Marketing', '--weights', '3,2,1']);
    expect(r.stderr).toBe('Split goal #1: 3 sub-goals added.\n');
    const tree = (await ok(['goals', 'tree', '1', '--json'])).json<TreeNode[] | TreeNode>();
    const root = Array.isArray(tree) ? tree[0]! : tree;
    expect(root.children.map((c) => [c.id, c.owner, c.ownerType, c.target, c.horizon, c.periodLabel, c.children.length])).toEqual([
      [2, 'Operations', 'department', 500000, 'year', null, 0],
      [3, 'Customer service', 'department', 333333.34, 'year', null, 0],
      [4, 'Marketing', 'department', 166666.67, 'year', null, 0],
    ]);
    const kids = await rows('parent_id = 1');
    expect(kids.map((k) => [k.title, k.owner_type, k.owner_department_id, k.owner_member_id, k.target, k.weight, k.unit, k.kind, k.start_date, k.due_date])).toEqual([
      ['GMV ¥1,000,000.01 in 2026 · Operations', 'department', 1, null, 500000, 3, '¥', 'additive', '2026-01-01', '2026-12-31'],
      ['GMV ¥1,000,000.01 in 2026 · Customer service', 'department', 3, null, 333333.34, 2, '¥', 'additive', '2026-01-01', '2026-12-31'],
      ['GMV ¥1,000,000.01 in 2026 · Marketing', 'department', 5, null, 166666.67, 1, '¥', 'additive', '2026-01-01', '2026-12-31'],
    ]);
    expect(cents(kids.map((k) => k.target))).toBe(100_000_001);
    expect(await query(fx.db, "select new_value from goal_events where field = 'split'")).toEqual([{ new_value: 'dept: 3' }]);
    // a department's goal is listed under that department
    expect((await ok(['goals', 'list', '--owner', 'Marketing', '--json'])).json<{ id: number }[]>().map((g) => g.id)).toEqual([4]);
  });

  it('without --depts: the departments with active members, evenly, in list order', async () => {
    await yearGmv();
    await ok(['goals', 'split', '1', '--by', 'dept']);
    expect((await rows('parent_id = 1')).map((k) => [k.owner_department_id, k.target, k.weight])).toEqual([
      [1, 500000.01, 1],
      [3, 500000, 1],
    ]);
  });

  it('a rate goal: every department carries the parent target', async () => {
    await ok(['goals', 'add', 'Positive reviews at least 98% in 2026', '--owner', 'team', '--metric', 'Positive review rate', '--unit', '%', '--baseline', '96', '--target', '98', '--start', '2026-01-01', '--due', '2026-12-31', '--why', 'reputation']);
    await ok(['goals', 'split', '1', '--by', 'dept', '--depts', 'Operations,Customer service']);
    expect((await rows('parent_id = 1')).map((k) => [k.owner_department_id, k.target, k.kind])).toEqual([
      [1, 98, 'rate'],
      [3, 98, 'rate'],
    ]);
  });

  it('by dept,period: each department\'s goal split into quarters, owned by the department', async () => {
    await yearGmv();
    const r = await ok(['goals', 'split', '1', '--by', 'dept,period', '--period', 'quarter', '--depts', 'Operations,Customer service,Marketing', '--weights', '3,2,1']);
    expect(r.stderr).toBe('Split goal #1: 15 sub-goals added.\n');
    const depts = await rows('parent_id = 1');
    expect(depts.map((d) => [d.owner_department_id, d.target, d.period_label])).toEqual([
      [1, 500000, null],
      [3, 333333.34, null],
      [5, 166666.67, null],
    ]);
    for (const d of depts) {
      const quarters = await rows(`parent_id = ${d.id}`);
      expect(quarters.map((q) => [q.period_label, q.start_date, q.due_date, q.horizon, q.owner_type, q.owner_department_id])).toEqual([
        ['2026-Q1', '2026-01-01', '2026-03-31', 'quarter', 'department', d.owner_department_id],
        ['2026-Q2', '2026-04-01', '2026-06-30', 'quarter', 'department', d.owner_department_id],
        ['2026-Q3', '2026-07-01', '2026-09-30', 'quarter', 'department', d.owner_department_id],
        ['2026-Q4', '2026-10-01', '2026-12-31', 'quarter', 'department', d.owner_department_id],
      ]);
      expect(cents(quarters.map((q) => q.target))).toBe(Math.round(d.target! * 100));
    }
    expect((await rows('parent_id = 2')).map((q) => q.title)).toEqual(['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `GMV ¥1,000,000.01 in 2026 · Operations · 2026-${q}`));
    expect(cents((await leaves()).map((l) => l.target))).toBe(100_000_001);
    expect(await query(fx.db, "select new_value from goal_events where field = 'split'")).toEqual([{ new_value: 'dept,period: 15' }]);
  });

  it('"period,dept" is the same split', async () => {
    await yearGmv();
    expect((await ok(['goals', 'split', '1', '--by', 'period,dept', '--period', 'quarter'])).stderr).toBe('Split goal #1: 10 sub-goals added.\n');
  });
});

describe('goals split --period quarter', () => {
  it('a year goal → 4 quarter goals labelled 2026-Q1…Q4 with horizon quarter, exact to the cent', async () => {
    await yearGmv();
    const r = await ok(['goals', 'split', '1', '--by', 'period', '--period', 'quarter', '--json']);
    expect(r.stderr).toBe('Split goal #1: 4 sub-goals added.\n');
    expect(r.json<{ periodLabel: string; target: number; horizon: string; ownerType: string; start: string; due: string }[]>().map((k) => [k.periodLabel, k.target, k.horizon, k.ownerType, k.start, k.due])).toEqual([
      ['2026-Q1', 250000.01, 'quarter', 'team', '2026-01-01', '2026-03-31'],
      ['2026-Q2', 250000, 'quarter', 'team', '2026-04-01', '2026-06-30'],
      ['2026-Q3', 250000, 'quarter', 'team', '2026-07-01', '2026-09-30'],
      ['2026-Q4', 250000, 'quarter', 'team', '2026-10-01', '2026-12-31'],
    ]);
    expect(cents((await rows('parent_id = 1')).map((k) => k.target))).toBe(100_000_001);
  });

  it('a goal starting mid-quarter: the first quarter is clipped and weighted by its days', async () => {
    await ok(['goals', 'add', 'Orders 1,390 from mid-August', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '1390', '--direction', 'increase', '--start', '2026-08-15', '--due', '2026-12-31', '--why', 'x']);
    await ok(['goals', 'split', '1', '--by', 'period', '--period', 'quarter']);
    // Aug 15–Sep 30 is 47 of Q3's 92 days: 47:92 of 1,390
    expect((await rows('parent_id = 1')).map((k) => [k.period_label, k.start_date, k.due_date, k.target, k.weight, k.horizon])).toEqual([
      ['2026-Q3', '2026-08-15', '2026-09-30', 470, 47 / 92, 'custom'],
      ['2026-Q4', '2026-10-01', '2026-12-31', 920, 1, 'quarter'],
    ]);
  });

  it('the full cascade year → quarter → month, built by splitting each quarter again', async () => {
    await yearGmv();
    await ok(['goals', 'split', '1', '--by', 'period', '--period', 'quarter']);
    for (const q of [2, 3, 4, 5]) expect((await ok(['goals', 'split', String(q), '--by', 'period', '--period', 'month'])).stderr).toBe(`Split goal #${q}: 3 sub-goals added.\n`);
    const months = await leaves();
    expect(months.map((m) => m.period_label)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(months.every((m) => m.horizon === 'month' && m.owner_type === 'team' && m.unit === '¥' && m.kind === 'additive')).toBe(true);
    for (const q of await rows('parent_id = 1')) expect(cents((await rows(`parent_id = ${q.id}`)).map((m) => m.target))).toBe(Math.round(q.target! * 100));
    expect(cents(months.map((m) => m.target))).toBe(100_000_001);
    expect((await rows('parent_id = 2')).map((m) => m.target)).toEqual([83333.34, 83333.34, 83333.33]);
    const tree = (await ok(['goals', 'tree', '1', '--json'])).json<TreeNode[] | TreeNode>();
    const root = Array.isArray(tree) ? tree[0]! : tree;
    expect(root.children.map((q) => [q.periodLabel, q.horizon, q.children.map((m) => m.periodLabel)])).toEqual([
      ['2026-Q1', 'quarter', ['2026-01', '2026-02', '2026-03']],
      ['2026-Q2', 'quarter', ['2026-04', '2026-05', '2026-06']],
      ['2026-Q3', 'quarter', ['2026-07', '2026-08', '2026-09']],
      ['2026-Q4', 'quarter', ['2026-10', '2026-11', '2026-12']],
    ]);
  });
});

describe('team → department → member', () => {
  it('a department\'s child splits among its members with --by member --dept, sums exact at every level', async () => {
    await yearGmv();
    await ok(['goals', 'split', '1', '--by', 'dept', '--depts', 'Operations,Customer service', '--weights', '1,3']);
    expect((await rows('parent_id = 1')).map((d) => [d.id, d.owner_department_id, d.target])).toEqual([
      [2, 1, 250000],
      [3, 3, 750000.01],
    ]);
    await ok(['goals', 'split', '3', '--by', 'member', '--dept', 'Customer service']);
    await ok(['goals', 'split', '2', '--by', 'member,period', '--dept', 'Operations', '--period', 'quarter']);
    expect((await rows('parent_id = 3')).map((m) => [m.owner_type, m.owner_member_id, m.target])).toEqual([
      ['member', 4, 250000.01],
      ['member', 2, 250000],
      ['member', 3, 250000],
    ]);
    expect((await rows('parent_id = 2')).map((m) => [m.owner_member_id, m.target])).toEqual([[1, 250000]]);
    expect((await rows('parent_id = 7')).map((q) => [q.owner_member_id, q.period_label, q.target])).toEqual([
      [1, '2026-Q1', 62500],
      [1, '2026-Q2', 62500],
      [1, '2026-Q3', 62500],
      [1, '2026-Q4', 62500],
    ]);
    expect(cents((await leaves()).map((l) => l.target))).toBe(100_000_001);
  });
});

describe('re-split after goals edit --target', () => {
  it('department and quarter children keep their weights all the way down', async () => {
    await yearGmv();
    await ok(['goals', 'split', '1', '--by', 'dept,period', '--period', 'quarter', '--depts', 'Operations,Customer service,Marketing', '--weights', '3,2,1']);
    await ok(['goals', 'split', '3', '--by', 'period', '--period', 'month']); // Operations' Q1 → months
    const r = await ok(['goals', 'edit', '1', '--target', '1200000.01', '--resplit']);
    expect(r.stderr).toContain('Re-split: 18 sub-goals now match the new target.');
    expect((await rows('parent_id = 1')).map((d) => [d.owner_department_id, d.target])).toEqual([
      [1, 600000.01],
      [3, 400000],
      [5, 200000],
    ]);
    for (const d of await rows('parent_id = 1')) expect(cents((await rows(`parent_id = ${d.id}`)).map((q) => q.target))).toBe(Math.round(d.target! * 100));
    expect((await rows('parent_id = 3')).map((m) => m.target)).toEqual([50000.01, 50000, 50000]);
    expect(cents((await leaves()).map((l) => l.target))).toBe(120_000_001);
  });
});

describe('goals split --by dept: refusals (exit 2, database unchanged)', () => {
  it('a goal owned by a department or a member', async () => {
    await yearGmv('Customer service');
    expect((await reject(['goals', 'split', '1', '--by', 'dept'])).stderr).toBe('team: Goal #1 belongs to Customer service, not the team; only a team goal splits by department (split it --by member or --by period).\n');
    await ok(['goals', 'add', 'Wang: GMV ¥50,000 in 2026', '--owner', 'wang', '--metric', 'GMV', '--unit', '¥', '--target', '50000', '--direction', 'increase', '--start', '2026-01-01', '--due', '2026-12-31', '--parent', '1']);
    expect((await reject(['goals', 'split', '2', '--by', 'dept,period', '--period', 'quarter'])).stderr).toBe('team: Goal #2 belongs to wang, not the team; only a team goal splits by department (split it --by member or --by period).\n');
  });

  it('a department\'s goal from a dept split cannot be split by dept again', async () => {
    await yearGmv();
    await ok(['goals', 'split', '1', '--by', 'dept']);
    expect((await reject(['goals', 'split', '2', '--by', 'dept'])).stderr).toBe('team: Goal #2 belongs to Operations, not the team; only a team goal splits by department (split it --by member or --by period).\n');
  });

  it('member options with --by dept, --depts without it, a department twice, an unknown one, the wrong --weights count', async () => {
    await yearGmv();
    expect((await reject(['goals', 'split', '1', '--by', 'dept', '--dept', 'Design'])).stderr).toBe('team: --members and --dept choose members; name the departments of a --by dept split with --depts a,b,c.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'dept', '--members', 'wang'])).stderr).toBe('team: --members and --dept choose members; name the departments of a --by dept split with --depts a,b,c.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang', '--depts', 'Design'])).stderr).toBe('team: --depts only applies to --by dept or --by dept,period.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'dept', '--depts', 'Design,Data,Design'])).stderr).toBe('team: A department is named twice in --depts.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'dept', '--depts', 'Design,Warehouse'])).code).toBe(2);
    expect((await reject(['goals', 'split', '1', '--by', 'dept', '--depts', 'Design,Data', '--weights', '1,2,3'])).stderr).toBe('team: --weights needs 2 numbers, one for each part of the split (got 3).\n');
    expect((await reject(['goals', 'split', '1', '--by', 'dept', '--weights', '1,2,3'])).stderr).toBe('team: --weights needs 2 numbers, one for each part of the split (got 3).\n');
  });

  it('an unknown --by or --period', async () => {
    await yearGmv();
    expect((await reject(['goals', 'split', '1', '--by', 'dept,member'])).stderr).toBe('team: Unknown --by "dept,member": use dept, member, period, dept,period or member,period.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'period', '--period', 'year'])).code).toBe(2);
  });

  it('a quarter or department goal with check-ins of its own takes no sub-goals', async () => {
    await yearGmv();
    await ok(['goals', 'split', '1', '--by', 'dept,period', '--period', 'quarter']);
    await ok(['goals', 'checkin', '6', '--value', '1000']); // Operations · 2026-Q4
    expect((await reject(['goals', 'split', '6', '--by', 'period', '--period', 'month'])).stderr).toBe("team: Goal #6 has check-ins of its own; a split goal takes its value from its sub-goals, so split a goal before checking in on it.\n");
  });
});

describe('goals split --by dept with no staffed department', () => {
  const bare = goalsFixture(async (setup) => setup(['init']));

  it('refuses without --depts, and splits among the named ones with it', async () => {
    await bare.ok(['goals', 'add', 'GMV ¥1,000,000.01 in 2026', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--target', '1000000.01', '--direction', 'increase', '--start', '2026-01-01', '--due', '2026-12-31', '--why', 'annual plan']);
    expect((await bare.reject(['goals', 'split', '1', '--by', 'dept'])).stderr).toBe('team: No department has active members to split among; name the departments with --depts a,b,c.\n');
    await bare.ok(['goals', 'split', '1', '--by', 'dept', '--depts', 'Design,Data']);
    expect((await query<Row>(bare.db, 'select * from goals where parent_id = 1 order by id')).map((k) => [k.owner_department_id, k.target])).toEqual([
      [2, 500000.01],
      [6, 500000],
    ]);
  });
});
