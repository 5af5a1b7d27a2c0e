/**
 * `team goals split` end to end: exact shares in the database, inheritance,
 * and the refusals.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { goalsFixture, USER } from '../fixture.js';




// Members: li #1 (Operations), wang #2, zhao #3, chen #4 (Customer service, pre-sale).
const fx = goalsFixture();
const { team, ok, reject } = fx;

interface Row {
  id: number;
  parent_id: number | null;
  title: string;
  owner_type: string;
  owner_member_id: number | null;
  owner_department_id: number | null;
  metric: string | null;
  unit: string | null;
  kind: string | null;
  decimals: number;
  baseline: number | null;
  target: number | null;
  direction: string | null;
  start_date: string;
  due_date: string;
  horizon: string;
  term: string;
  relevance: string | null;
  weight: number | null;
  period_label: string | null;
  draft: number;
}
const rows = (where = '1 = 1') => query<Row>(fx.db, `select * from goals where ${where} order by id`);
const cents = (xs: readonly number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0);

/** #1: ¥100,000 of CS-assisted sales in Q4 2026, owned by the CS department. */
async function q4Gmv(extra: string[] = []) {
  await ok(['goals', 'add', 'Q4 CS-assisted GMV ¥100,000', '--owner', 'Customer service', '--metric', 'Assisted GMV', '--unit', '¥', '--target', '100000', '--direction', 'increase', '--start', '2026-10-01', '--due', '2026-12-31', '--why', 'Q4 sales plan', ...extra]);
}

describe('goals split --by member,period', () => {
  it('¥100,000 over 3 members × 3 months: exact cents, each member\'s months sum to the member\'s share', async () => {
    await q4Gmv();
    const r = await ok(['goals', 'split', '1', '--by', 'member,period', '--members', 'wang,zhao,chen', '--json']);
    expect(r.stderr).toBe('Split goal #1: 12 sub-goals added.\n');
    const kids = r.json<{ id: number; title: string; target: number; owner: string; ownerType: string; childCount: number; start: string; due: string; horizon: string; periodLabel: string | null; parentId: number }[]>();
    expect(kids.map((k) => [k.id, k.title, k.owner, k.target, k.childCount, k.start, k.due, k.horizon, k.periodLabel, k.parentId])).toEqual([
      [2, 'Q4 CS-assisted GMV ¥100,000 · Wang Fang', 'wang', 33333.34, 3, '2026-10-01', '2026-12-31', 'quarter', null, 1],
      [6, 'Q4 CS-assisted GMV ¥100,000 · Zhao Lei', 'zhao', 33333.33, 3, '2026-10-01', '2026-12-31', 'quarter', null, 1],
      [10, 'Q4 CS-assisted GMV ¥100,000 · Chen Jing', 'chen', 33333.33, 3, '2026-10-01', '2026-12-31', 'quarter', null, 1],
    ]);

    const members = await rows('parent_id = 1');
    expect(members.map((m) => m.target)).toEqual([33333.34, 33333.33, 33333.33]);
    for (const m of members) {
      const months = await rows(`parent_id = ${m.id}`);
      expect(months.map((x) => [x.period_label, x.start_date, x.due_date, x.horizon, x.owner_member_id])).toEqual([
        ['2026-10', '2026-10-01', '2026-10-31', 'month', m.owner_member_id],
        ['2026-11', '2026-11-01', '2026-11-30', 'month', m.owner_member_id],
        ['2026-12', '2026-12-01', '2026-12-31', 'month', m.owner_member_id],
      ]);
      expect(cents(months.map((x) => x.target!))).toBe(Math.round(m.target! * 100));
    }
    expect((await rows('parent_id = 2')).map((x) => x.target)).toEqual([11111.12, 11111.11, 11111.11]);
    expect((await rows('parent_id = 6')).map((x) => x.target)).toEqual([11111.11, 11111.11, 11111.11]);
    // every leaf: 9 month goals, summing to ¥100,000 exactly
    const leaves = await query<{ target: number }>(fx.db, 'select target from goals g where not exists (select 1 from goals c where c.parent_id = g.id)');
    expect(leaves).toHaveLength(9);
    expect(cents(leaves.map((l) => l.target))).toBe(10_000_000);
    // summed in cents here: the engines' floating-point sum() differ in their last bits
    const months = await query<{ period_label: string; target: number }>(fx.db, 'select period_label, target from goals where period_label is not null order by id');
    expect(cents(months.map((x) => x.target))).toBe(10_000_000);
    // the same month across members stays within a cent of a third
    const byMonth = (label: string) => cents(months.filter((x) => x.period_label === label).map((x) => x.target));
    expect(['2026-10', '2026-11', '2026-12'].map(byMonth)).toEqual([3_333_334, 3_333_333, 3_333_333]);
  });

  it('children inherit metric, unit, kind, direction and relevance, and are live (not drafts)', async () => {
    await q4Gmv();
    await ok(['goals', 'split', '1', '--by', 'member,period', '--members', 'wang,zhao,chen']);
    const kids = await rows('id > 1');
    expect(kids).toHaveLength(12);
    for (const k of kids) {
      expect([k.metric, k.unit, k.kind, k.decimals, k.direction, k.relevance, k.term, k.draft, k.owner_type, k.owner_department_id]).toEqual(['Assisted GMV', '¥', 'additive', 2, 'increase', 'Q4 sales plan', 'short', 0, 'member', null]);
    }
    // (the event counts the 3 direct children while the message says 12 goals)
    expect(await query(fx.db, 'select goal_id, actor, field, new_value from goal_events where field = ?', 'split')).toEqual([{ goal_id: 1, actor: USER, field: 'split', new_value: expect.stringMatching(/^member,period: \d+$/) }]);
    // The parent's own creation plus one for each of the 12 sub-goals, each saying where it came from.
    expect(await query(fx.db, 'select count(*) as n from goal_events where field = ?', 'created')).toEqual([{ n: 13 }]);
    expect(await query(fx.db, "select count(*) as n from goal_events where field = 'created' and new_value = 'split from #1'")).toEqual([{ n: 3 }]);
  });

  it('"period,member" is accepted as the same split', async () => {
    await q4Gmv();
    expect((await ok(['goals', 'split', '1', '--by', 'period,member', '--members', 'wang,zhao'])).stderr).toBe('Split goal #1: 8 sub-goals added.\n');
    expect((await rows('parent_id = 1')).map((m) => m.target)).toEqual([50000, 50000]);
  });

  it('baselines are split like targets', async () => {
    await ok(['goals', 'add', 'Q4 CS-assisted GMV ¥120,000', '--owner', 'Customer service', '--metric', 'Assisted GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-10-01', '--due', '2026-12-31', '--why', 'x']);
    await ok(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao,chen']);
    expect((await rows('parent_id = 1')).map((m) => [m.baseline, m.target])).toEqual([
      [33333.34, 40000],
      [33333.33, 40000],
      [33333.33, 40000],
    ]);
  });
});

describe('goals split --by member', () => {
  it('--dept splits among the department\'s active members', async () => {
    await q4Gmv();
    const r = await ok(['goals', 'split', '1', '--by', 'member', '--dept', 'Customer service']);
    expect(r.stderr).toBe('Split goal #1: 3 sub-goals added.\n');
    const kids = await rows('parent_id = 1');
    expect(kids.map((k) => [k.owner_member_id, k.target, k.start_date, k.due_date, k.period_label])).toEqual([
      [4, 33333.34, '2026-10-01', '2026-12-31', null],
      [2, 33333.33, '2026-10-01', '2026-12-31', null],
      [3, 33333.33, '2026-10-01', '2026-12-31', null],
    ]);
    expect(cents(kids.map((k) => k.target!))).toBe(10_000_000);
  });

  it('--weights 2,1,1 shares in proportion, the extra unit to the largest remainder', async () => {
    await ok(['goals', 'add', 'Tmall orders 1,001 in December', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '1001', '--direction', 'increase', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak']);
    await ok(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao,chen', '--weights', '2,1,1']);
    expect((await rows('parent_id = 1')).map((k) => [k.owner_member_id, k.target, k.weight])).toEqual([
      [2, 501, 2],
      [3, 250, 1],
      [4, 250, 1],
    ]);
  });

  it('a rate goal (unit %): every child carries the parent\'s target and baseline', async () => {
    await ok(['goals', 'add', 'CS satisfaction at least 95% in December', '--owner', 'Customer service', '--metric', 'CSAT', '--unit', '%', '--baseline', '90', '--target', '95', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'good reviews']);
    const kids = (await ok(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao,chen', '--json'])).json<{ target: number; baseline: number; unit: string; kind: string; direction: string; relevance: string; metric: string }[]>();
    expect(kids.map((k) => [k.target, k.baseline, k.metric, k.unit, k.kind, k.direction, k.relevance])).toEqual(
      Array.from({ length: 3 }, () => [95, 90, 'CSAT', '%', 'rate', 'increase', 'good reviews']),
    );
  });

  it('a rate goal by member and month: member and month goals all carry the target', async () => {
    await ok(['goals', 'add', 'CS satisfaction 95% in Q4', '--owner', 'Customer service', '--metric', 'CSAT', '--unit', '%', '--target', '95', '--direction', 'at-least', '--start', '2026-10-01', '--due', '2026-12-31', '--why', 'x']);
    await ok(['goals', 'split', '1', '--by', 'member,period', '--members', 'wang,zhao']);
    expect(await query(fx.db, 'select count(*) as n, min(target) as lo, max(target) as hi from goals where id > 1')).toEqual([{ n: 8, lo: 95, hi: 95 }]);
  });
});

describe('goals split --by period', () => {
  it('--period week clips the edge weeks and weights them by their days; the total is exact', async () => {
    await ok(['goals', 'add', 'Tmall orders 1,000 in December', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '1000', '--direction', 'increase', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak']);
    const r = await ok(['goals', 'split', '1', '--by', 'period', '--period', 'week']);
    expect(r.stderr).toBe('Split goal #1: 5 sub-goals added.\n');
    expect((await rows('parent_id = 1')).map((k) => [k.title, k.period_label, k.start_date, k.due_date, k.horizon, k.target, k.owner_type])).toEqual([
      ['Tmall orders 1,000 in December · 2026-W49', '2026-W49', '2026-12-01', '2026-12-06', 'custom', 193, 'team'],
      ['Tmall orders 1,000 in December · 2026-W50', '2026-W50', '2026-12-07', '2026-12-13', 'week', 226, 'team'],
      ['Tmall orders 1,000 in December · 2026-W51', '2026-W51', '2026-12-14', '2026-12-20', 'week', 226, 'team'],
      ['Tmall orders 1,000 in December · 2026-W52', '2026-W52', '2026-12-21', '2026-12-27', 'week', 226, 'team'],
      ['Tmall orders 1,000 in December · 2026-W53', '2026-W53', '2026-12-28', '2026-12-31', 'custom', 129, 'team'],
    ]);
    expect(await query(fx.db, 'select sum(target) as s from goals where parent_id = 1')).toEqual([{ s: 1000 }]);
  });

  it('by month, with --weights per period', async () => {
    await q4Gmv();
    await ok(['goals', 'split', '1', '--by', 'period', '--weights', '1,1,2']);
    expect((await rows('parent_id = 1')).map((k) => [k.period_label, k.target, k.owner_type, k.owner_department_id])).toEqual([
      ['2026-10', 25000, 'department', 3],
      ['2026-11', 25000, 'department', 3],
      ['2026-12', 50000, 'department', 3],
    ]);
  });
});

describe('goals split: refusals (exit 2, database unchanged)', () => {
  it('a goal already split', async () => {
    await q4Gmv();
    await ok(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao,chen']);
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'li'])).stderr).toBe(
      'team: Goal #1 is already split into 3 sub-goals; to change its target run team goals edit 1 --target <new target> --resplit, or archive the sub-goals to split it again.\n',
    );
  });

  it('the command the "already split" hint names exists and re-splits', async () => {
    await q4Gmv();
    await ok(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao,chen']);
    for (const [lang, target] of [['en', '120000'], ['zh', '130000']] as const) {
      const hint = (await reject(['--lang', lang, 'goals', 'split', '1', '--by', 'member', '--members', 'li'])).stderr.match(/team goals edit \S+ --target <[^>]+> --resplit/)?.[0];
      expect(hint, lang).toBeDefined();
      const args = hint!.replace(/<[^>]+>/, target).split(' ').slice(1);
      const r = await ok(args);
      expect(r.stderr).not.toMatch(/Unknown option/);
      expect(r.stderr).toContain('Re-split: 3 sub-goals');
    }
  });

  it('a draft', async () => {
    await ok(['goals', 'add', 'raise sales', '--owner', 'team', '--draft']);
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang'])).stderr).toBe('team: Goal #1 is a draft; make it SMART before splitting it.\n');
  });

  it('--weights with the wrong count', async () => {
    await q4Gmv();
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao', '--weights', '1,2,3'])).stderr).toBe('team: --weights needs 2 numbers, one for each part of the split (got 3).\n');
    expect((await reject(['goals', 'split', '1', '--by', 'period', '--weights', '1,2'])).stderr).toBe('team: --weights needs 3 numbers, one for each part of the split (got 2).\n');
  });

  it('non-numeric --weights', async () => {
    await q4Gmv();
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao', '--weights', 'a,b'])).stderr).toBe('team: Invalid --weights "a,b": expected a number.\n');
  });

  it('no members: a department without active members, or neither --members nor --dept', async () => {
    await q4Gmv();
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--dept', 'Design'])).stderr).toBe('team: Department Design has no active members to split among.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'member'])).stderr).toBe('team: Say whom to split among: --members a,b,c or --dept DEPT.\n');
  });

  it('a member named twice, or unknown', async () => {
    await q4Gmv();
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang,wang'])).stderr).toBe('team: A member is named twice in --members.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang,wnag'])).stderr).toBe('team: No member matches "wnag". Did you mean "wang"?\n');
  });

  it('a bad --by or --period', async () => {
    await q4Gmv();
    expect((await reject(['goals', 'split', '1', '--by', 'team'])).stderr).toBe('team: Unknown --by "team": use dept, member, period, dept,period or member,period.\n');
    expect((await reject(['goals', 'split', '1', '--by', 'period', '--period', 'year'])).stderr).toBe('team: Invalid --period "year": use quarter, month, week.\n');
  });

  it('an unknown goal', async () => {
    expect((await reject(['goals', 'split', '9', '--by', 'member', '--members', 'wang'])).stderr).toBe('team: No goal matches "9".\n');
  });

  // Finding: zero or negative weights escape as an internal RangeError: exit 1, "Unexpected error".
  it('all-zero or negative --weights are a usage error (exit 2), not an unexpected error', async () => {
    await q4Gmv();
    const zero = await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang', '--weights', '0']);
    expect(zero.stderr).not.toContain('Unexpected error');
    const negative = await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao', '--weights', '1,-1']);
    expect(negative.stderr).not.toContain('Unexpected error');
  });

  // Finding: splitting a goal that has check-ins hides them: the goal's value drops from 200 to null, show lists no check-ins,
  // goals.last_value still says 200, and nothing warns.
  it('a goal with check-ins is not split into a goal that silently lost its progress', async () => {
    await ok(['goals', 'add', 'Tmall orders 300 in November', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak']);
    await ok(['goals', 'checkin', '1', '--value', '200']);
    const r = await team(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao']);
    if (r.code === 0) expect((await ok(['goals', 'show', '1', '--json'])).json<{ value: number | null }>().value).toBe(200);
    else expect(r.code).toBe(2);
  });

  // commander's own "error: …" line used to be printed before the translated one on every sub-command.
  it('a missing --by is reported on one stderr line', async () => {
    await q4Gmv();
    const r = await reject(['goals', 'split', '1']);
    expect(r.stderr).toBe('team: Missing --by <how>.\n');
  });
});
