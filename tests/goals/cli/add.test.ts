/**
 * `team goals add`, `goals check`, `goals templates` end to end: the real
 * binary on a temporary database, with TEAM_TODAY pinned so every forecast
 * and template date is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { dumpDb, query } from '../../helpers.js';
import { goalsFixture, TODAY, USER } from '../fixture.js';



/** Runs `team …` on the test database, today = `today`. */
/** A command that must succeed. */
/** A command that must fail with exit 2, one stderr line, database unchanged. */

interface GoalJson {
  id: number;
  [k: string]: unknown;
  smart: { ok: boolean; blocking: boolean; findings: { letter: string; severity: string; code: string; params: Record<string, unknown>; message: string }[] };
}

// Members: li #1 (Operations), wang #2, zhao #3, chen #4 (Customer service, pre-sale).
// Departments (preset order): Operations #1, Design #2, Customer service #3, …
const fx = goalsFixture();
const { team, ok, reject } = fx;

const goalRows = () => query(fx.db, 'select * from goals order by id');

describe('goals add from flags', () => {
  it('adds a team goal: quarter horizon and short term derived from the dates, direction from baseline → target', async () => {
    const r = await ok(['goals', 'add', 'Q1 Tmall GMV +20%', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '1,000,000', '--target', '1200000', '--start', '2026-01-01', '--due', '2026-03-31', '--why', 'annual growth plan', '--json'], '2026-01-05');
    expect(r.stderr).toBe('Added goal #1 Q1 Tmall GMV +20%.\n');
    const g = r.json<GoalJson>();
    expect(g).toMatchObject({
      id: 1, title: 'Q1 Tmall GMV +20%', ownerType: 'team', ownerId: null, owner: 'team', ownerName: null,
      metric: 'GMV', unit: '¥', kind: 'additive', decimals: 2, baseline: 1000000, target: 1200000, direction: 'increase',
      start: '2026-01-01', due: '2026-03-31', horizon: 'quarter', term: 'short', relevance: 'annual growth plan',
      parentId: null, weight: null, periodLabel: null, draft: false, cadenceDays: 7, state: 'open', finalValue: null, closedAt: null, childCount: 0,
      // 4 of 89 days gone, no check-in yet: not started
      value: null, progressPct: null, expectedPct: 4.5, projected: null, status: 'not-started', stale: false, lastCheckinDate: null,
    });
    expect(g.smart).toEqual({ ok: true, blocking: false, findings: [] });
    expect(await goalRows()).toMatchObject([{ id: 1, owner_type: 'team', owner_member_id: null, owner_department_id: null, horizon: 'quarter', term: 'short', direction: 'increase', draft: 0, state: 'open', last_value: null }]);
    expect(await query(fx.db, 'select goal_id, actor, field, old_value, new_value from goal_events')).toEqual([{ goal_id: 1, actor: USER, field: 'created', old_value: null, new_value: 'open' }]);
  });

  it('adds a member goal by handle or by name; a lower target derives "decrease", seconds are a rate with 0 decimals', async () => {
    const byHandle = (await ok(['goals', 'add', 'Cut first response to 30 s in December', '--owner', 'wang', '--metric', 'First response time', '--unit', 's', '--baseline', '60', '--target', '30', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'CS standard', '--json'])).json<GoalJson>();
    expect(byHandle).toMatchObject({ ownerType: 'member', ownerId: 2, owner: 'wang', ownerName: 'Wang Fang', kind: 'rate', decimals: 0, direction: 'decrease', horizon: 'month', term: 'short', status: 'not-started', expectedPct: 0 });
    const byName = (await ok(['goals', 'add', 'Li Na: 1,200 Tmall orders in December', '--owner', 'Li Na', '--metric', 'Orders', '--unit', '单', '--baseline', '1000', '--target', '1200', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak season', '--json'])).json<GoalJson>();
    expect(byName).toMatchObject({ ownerType: 'member', ownerId: 1, owner: 'li', ownerName: 'Li Na', kind: 'additive', decimals: 0, direction: 'increase' });
    expect(await query(fx.db, 'select owner_type, owner_member_id, owner_department_id from goals order by id')).toEqual([
      { owner_type: 'member', owner_member_id: 2, owner_department_id: null },
      { owner_type: 'member', owner_member_id: 1, owner_department_id: null },
    ]);
  });

  it('adds a department goal by name; a calendar year is a long-term "year" goal', async () => {
    const g = (await ok(['goals', 'add', 'CS resolution rate 92% in 2027', '--owner', 'Customer service', '--metric', 'Resolution rate', '--unit', '%', '--baseline', '85', '--target', '92', '--start', '2027-01-01', '--due', '2027-12-31', '--why', 'core CS KPI', '--json'])).json<GoalJson>();
    expect(g).toMatchObject({ ownerType: 'department', ownerId: 3, owner: 'Customer service', ownerName: 'Customer service', kind: 'rate', decimals: 1, horizon: 'year', term: 'long' });
    expect(await goalRows()).toMatchObject([{ owner_type: 'department', owner_member_id: null, owner_department_id: 3 }]);
  });

  it('starts today by default, and keeps an explicit --horizon, --term and --cadence', async () => {
    const g = (await ok(['goals', 'add', 'Tmall repeat buyers 400 by Christmas', '--owner', 'team', '--metric', 'Repeat buyers', '--unit', 'people', '--target', '400', '--direction', 'increase', '--due', '2026-12-25', '--horizon', 'custom', '--term', 'long', '--cadence', '3', '--why', 'retention', '--json'])).json<GoalJson>();
    expect(g).toMatchObject({ start: TODAY, due: '2026-12-25', horizon: 'custom', term: 'long', cadenceDays: 3, baseline: null, direction: 'increase' });
  });

  it('a sub-goal inherits metric, unit, kind, direction and dates from --parent and needs no reason', async () => {
    await ok(['goals', 'add', 'Tmall orders 300 in December', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak season']);
    const r = await ok(['goals', 'add', 'Wang: 100 Tmall orders in December', '--owner', 'wang', '--target', '100', '--parent', 'Tmall orders 300 in December', '--json']);
    expect(r.stderr).toBe('Added goal #2 Wang: 100 Tmall orders in December.\n');
    expect(r.json<GoalJson>()).toMatchObject({ parentId: 1, metric: 'Orders', unit: '单', kind: 'additive', decimals: 0, direction: 'increase', start: '2026-12-01', due: '2026-12-31', relevance: null, smart: { ok: true, blocking: false, findings: [] } });
    expect(await query(fx.db, 'select child_count from (select count(*) as child_count from goals where parent_id = 1) as c')).toEqual([{ child_count: 1 }]);
  });
});

describe('goals add: S, M and T failures exit 2 naming the letter, database unchanged', () => {
  const good = ['--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak season'];
  const tail = '. Fix it, or pass --draft to save it as a draft.\n';

  it.each([
    ['提高销售额', 'team: Not SMART: S specific: the title is too vague ("提高销售额"); name the object and a number, e.g. "Raise Tmall store sales 20% this quarter"'],
    ['raise sales', 'team: Not SMART: S specific: the title is too vague ("raise sales"); name the object and a number, e.g. "Raise Tmall store sales 20% this quarter"'],
  ])('S: the vague title %s', async (title, message) => {
    const r = await reject(['goals', 'add', title, ...good]);
    expect(r.stderr).toBe(message + tail);
    expect(r.stdout).toBe('');
    expect(await goalRows()).toEqual([]);
  });

  it('S passes a title with an object and a number', async () => {
    await ok(['goals', 'add', 'Raise Tmall store sales 20% in December', ...good]);
    expect(await goalRows()).toHaveLength(1);
  });

  it('M: no metric', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--due', '2026-12-31', '--why', 'x']);
    expect(r.stderr).toBe(`team: Not SMART: M measurable: no metric; say what is measured, e.g. GMV, orders, first response time${tail}`);
  });

  it('M: no target (with a direction given)', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV up in December 2026', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--direction', 'increase', '--due', '2026-12-31', '--why', 'x']);
    expect(r.stderr).toBe(`team: Not SMART: M measurable: no target value${tail}`);
  });

  it('M: no target and no baseline leaves no direction either; all findings on one line, "; "-separated', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV up in December 2026', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--due', '2026-12-31', '--why', 'x']);
    expect(r.stderr).toBe(
      'team: Not SMART: M measurable: no target value; M measurable: no direction; say whether the value should increase, decrease, stay at least or stay at most the target' + tail,
    );
  });

  it('M: target equal to the baseline on an increase goal', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV ¥100,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '100000', '--direction', 'increase', '--due', '2026-12-31', '--why', 'x']);
    expect(r.stderr).toBe(`team: Not SMART: M measurable: the target 100000 equals the baseline, so nothing would change; use "at least"/"at most" to hold a level${tail}`);
  });

  it('M: target equal to the baseline without --direction is refused too (no direction can be derived)', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV ¥100,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '100000', '--due', '2026-12-31', '--why', 'x']);
    expect(r.stderr).toMatch(/^team: Not SMART: M measurable: /);
  });

  it('M: a direction that contradicts baseline and target', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV ¥90,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '90000', '--direction', 'increase', '--due', '2026-12-31', '--why', 'x']);
    expect(r.stderr).toBe(`team: Not SMART: M measurable: target 90000 and baseline 100000 contradict the direction (increase); check the direction or the numbers${tail}`);
  });

  it('T: no due date', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--why', 'x']);
    expect(r.stderr).toBe(`team: Not SMART: T time-bound: no due date${tail}`);
  });

  it('T: due before start', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-11-30', '--why', 'x']);
    expect(r.stderr).toBe(`team: Not SMART: T time-bound: the due date 2026-11-30 is before the start 2026-12-01${tail}`);
  });

  it('T: due before a default start of today', async () => {
    const r = await reject(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--due', '2026-11-22', '--why', 'x']);
    expect(r.stderr).toBe(`team: Not SMART: T time-bound: the due date 2026-11-22 is before the start 2026-11-23${tail}`);
  });
});

describe('goals add --draft', () => {
  it('saves a goal failing S, M and T as a draft: draft true, status "draft", horizon custom', async () => {
    const r = await ok(['goals', 'add', '提高销售额', '--owner', 'team', '--draft', '--json']);
    const g = r.json<GoalJson>();
    expect(g).toMatchObject({ id: 1, draft: true, status: 'draft', state: 'open', metric: null, target: null, direction: null, due: null, start: TODAY, horizon: 'custom', progressPct: null });
    expect(g.smart.blocking).toBe(true);
    expect(g.smart.findings.map((f) => f.code)).toEqual(['smart.S.vague', 'smart.M.noMetric', 'smart.M.noTarget', 'smart.M.noDirection', 'smart.R.noReason', 'smart.T.noDue']);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('Saved goal #1 提高销售额 as a draft: fix the findings above with team goals edit.');
    expect(await goalRows()).toMatchObject([{ id: 1, draft: 1, state: 'open' }]);
    expect(await query(fx.db, 'select field, new_value from goal_events')).toEqual([{ field: 'created', new_value: 'draft' }]);
  });

  it('a goal that passes S, M and T is not a draft even with --draft', async () => {
    const g = (await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'x', '--draft', '--json'])).json<GoalJson>();
    expect([g.draft, g.status]).toEqual([false, 'not-started']);
  });

  // Finding: "fix the findings above" but only warnings are printed above; the blocking S/M/T findings never reach the user.
  it('prints the blocking findings it tells the user to fix', async () => {
    const r = await ok(['goals', 'add', '提高销售额', '--owner', 'team', '--draft']);
    expect(r.stderr).toContain('S specific: the title is too vague ("提高销售额")');
    expect(r.stderr).toContain('T time-bound: no due date');
  });
});

describe('goals add: R and A are warnings (exit 0)', () => {
  it('R: no parent and no --why prints a warning on stderr and still adds the goal', async () => {
    const r = await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--json']);
    expect(r.stderr).toBe('warning: R relevant: no parent goal and no reason given; link a parent goal or say why this matters\nAdded goal #1 Tmall GMV ¥120,000 in December.\n');
    expect(r.json<GoalJson>().smart).toEqual({
      ok: false, blocking: false,
      findings: [{ letter: 'R', severity: 'warning', code: 'smart.R.noReason', params: {}, message: 'R relevant: no parent goal and no reason given; link a parent goal or say why this matters' }],
    });
    expect(await goalRows()).toMatchObject([{ id: 1, draft: 0 }]);
  });

  /** Wang's Q3 repeat orders: a past goal of +20 % over 91 days, check-ins moving 10 % in 30 days. */
  async function history() {
    await ok(['goals', 'add', 'Wang repeat orders 120 in Q3', '--owner', 'wang', '--metric', 'Repeat orders', '--unit', '单', '--baseline', '100', '--target', '120', '--start', '2026-07-01', '--due', '2026-09-30', '--why', 'retention'], '2026-07-01');
    await ok(['goals', 'checkin', '1', '--value', '100', '--date', '2026-07-01']);
    await ok(['goals', 'checkin', '1', '--value', '110', '--date', '2026-07-31']);
  }

  it('A: warns when the required pace is far beyond the history and past goals on the same metric and owner', async () => {
    await history();
    const r = await ok(['goals', 'add', 'Wang repeat orders 300 in December', '--owner', 'wang', '--metric', 'Repeat orders', '--unit', '单', '--baseline', '100', '--target', '300', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'retention', '--json']);
    expect(r.stderr).toBe(
      'warning: A achievable: needs 200% per 30 days, 20× the best this metric ever did (10% per 30 days)\n' +
        'warning: A achievable: needs 200% per 30 days, 30.3× the most ambitious past goal (6.6% per 30 days)\n' +
        'Added goal #2 Wang repeat orders 300 in December.\n',
    );
    const g = r.json<GoalJson>();
    expect(g.draft).toBe(false);
    expect(g.smart.blocking).toBe(false);
    expect(g.smart.findings.map((f) => [f.code, f.params])).toEqual([
      ['smart.A.beyondHistory', { required: 200, best: 10, factor: 20, unit: '%' }],
      ['smart.A.beyondPastGoals', { required: 200, best: 6.6, factor: 30.3, unit: '%' }],
    ]);
  });

  it('A: a pace within twice the history is not flagged', async () => {
    await history();
    // +10 % in 30 days: equal to the best history, 1.5× the past goal
    const g = (await ok(['goals', 'add', 'Wang repeat orders 110 in December', '--owner', 'wang', '--metric', 'Repeat orders', '--unit', '单', '--baseline', '100', '--target', '110', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'retention', '--json'])).json<GoalJson>();
    expect(g.smart).toEqual({ ok: true, blocking: false, findings: [] });
  });

  it('A: another owner\'s history on the same metric does not count', async () => {
    await history();
    const g = (await ok(['goals', 'add', 'Zhao repeat orders 300 in December', '--owner', 'zhao', '--metric', 'Repeat orders', '--unit', '单', '--baseline', '100', '--target', '300', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'retention', '--json'])).json<GoalJson>();
    expect(g.smart.findings).toEqual([]);
  });
});

describe('goals add: bad input', () => {
  it('an unknown unit needs --kind', async () => {
    const r = await reject(['goals', 'add', 'Ship 500 parcels in December', '--owner', 'team', '--metric', 'Parcels', '--unit', 'parcels', '--target', '500', '--direction', 'increase', '--due', '2026-12-31', '--why', 'x']);
    expect(r.stderr).toBe('team: Unknown unit "parcels": pass --kind additive (it adds up) or --kind rate (it does not).\n');
  });

  it('an unknown unit with --kind is accepted (additive: 2 decimals)', async () => {
    const g = (await ok(['goals', 'add', 'Ship 500 parcels in December', '--owner', 'team', '--metric', 'Parcels', '--unit', 'parcels', '--kind', 'additive', '--target', '500', '--direction', 'increase', '--due', '2026-12-31', '--why', 'x', '--json'])).json<GoalJson>();
    expect([g.unit, g.kind, g.decimals]).toEqual(['parcels', 'additive', 2]);
  });

  it.each([
    [[], 'team: Missing TITLE, --owner (no terminal to ask on: pass them as flags).\n'],
    [['Tmall GMV ¥120,000 in December'], 'team: Missing --owner (no terminal to ask on: pass them as flags).\n'],
    [['--owner', 'team'], 'team: Missing TITLE (no terminal to ask on: pass them as flags).\n'],
  ])('without a terminal, names what is missing: %j', async (args, message) => {
    expect((await reject(['goals', 'add', ...args])).stderr).toBe(message);
  });

  it.each([
    ['lii', 'team: No member or department matches "lii". Did you mean "li"?\n'],
    ['Customer servic', 'team: No member or department matches "Customer servic". Did you mean "Customer service"?\n'],
  ])('an unknown owner %s suggests the closest', async (owner, message) => {
    expect((await reject(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', owner, '--metric', 'GMV', '--unit', '¥', '--baseline', '1', '--target', '2', '--due', '2026-12-31', '--why', 'x'])).stderr).toBe(message);
  });

  it.each([
    [['--baseline', 'abc'], 'team: Invalid --baseline "abc": expected a number.\n'],
    [['--due', '2026-02-30'], 'team: --due "2026-02-30" is not a date: February 2026 has 28 days.\n'],
    [['--due', '2028-02-30'], 'team: --due "2028-02-30" is not a date: February 2028 has 29 days.\n'],
    [['--start', '2026-04-31'], 'team: --start "2026-04-31" is not a date: April 2026 has 30 days.\n'],
    [['--due', '2026-13-01'], 'team: --due "2026-13-01" is not a date: there is no month 13.\n'],
    [['--due', '2026-2-3'], 'team: Invalid --due "2026-2-3": use YYYY-MM-DD.\n'],
    [['--kind', 'money'], 'team: Invalid --kind "money": use additive, rate.\n'],
    [['--direction', 'up'], 'team: Invalid --direction "up": use increase, decrease, at-least, at-most.\n'],
    [['--parent', '99'], 'team: No goal matches "99".\n'],
  ])('rejects %j', async (extra, message) => {
    const args = ['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--due', '2026-12-31', '--why', 'x'];
    expect((await reject([...args, ...extra])).stderr).toBe(message);
  });
});

describe('goals add --template', () => {
  it('first-response fills metric, unit s, at-most 30 and the current month around TEAM_TODAY', async () => {
    const r = await ok(['goals', 'add', '--template', 'first-response', '--owner', 'Customer service', '--json']);
    expect(r.stderr).toBe('Added goal #1 Keep first response within 30 seconds this month.\n');
    expect(r.json<GoalJson>()).toMatchObject({
      title: 'Keep first response within 30 seconds this month', ownerType: 'department', owner: 'Customer service',
      metric: 'First response time', unit: 's', kind: 'rate', decimals: 0, baseline: null, target: 30, direction: 'at-most',
      start: '2026-11-01', due: '2026-11-30', horizon: 'month', term: 'short', relevance: 'The CS standard: first response within 30 seconds', draft: false,
      smart: { ok: true, blocking: false, findings: [] },
    });
  });

  it('first-response in a 31-day month and another year', async () => {
    const g = (await ok(['goals', 'add', '--template', 'first-response', '--owner', 'wang', '--json'], '2027-01-31')).json<GoalJson>();
    expect([g.start, g.due, g.horizon]).toEqual(['2027-01-01', '2027-01-31', 'month']);
  });

  it('gmv-quarter with --baseline sets target = baseline × 1.2 over the current quarter', async () => {
    const g = (await ok(['goals', 'add', '--template', 'gmv-quarter', '--owner', 'team', '--baseline', '1500000', '--json'])).json<GoalJson>();
    expect(g).toMatchObject({ title: 'Raise shop GMV 20% this quarter', metric: 'GMV', unit: '¥', kind: 'additive', baseline: 1500000, target: 1800000, direction: 'increase', start: '2026-10-01', due: '2026-12-31', horizon: 'quarter' });
    expect(await goalRows()).toMatchObject([{ baseline: 1500000, target: 1800000 }]);
  });

  it('gmv-quarter rounds the grown target to the unit\'s cents', async () => {
    const g = (await ok(['goals', 'add', '--template', 'gmv-quarter', '--owner', 'team', '--baseline', '1234567.89', '--json'])).json<GoalJson>();
    expect(g.target).toBe(1481481.47);
  });

  it('flags override the template', async () => {
    const g = (await ok(['goals', 'add', 'Keep first response within 25 s this month', '--template', 'first-response', '--owner', 'wang', '--target', '25', '--json'])).json<GoalJson>();
    expect([g.title, g.target, g.direction, g.unit]).toEqual(['Keep first response within 25 s this month', 25, 'at-most', 's']);
  });

  it('gmv-quarter without --baseline has no target: exit 2, nothing written, and says what to pass', async () => {
    const r = await reject(['goals', 'add', '--template', 'gmv-quarter', '--owner', 'team']);
    expect(r.stderr).toBe('team: Template gmv-quarter aims 20% above the baseline: pass --baseline N (last period\u2019s value) or --target N.\n');
  });

  it('an unknown template', async () => {
    expect((await reject(['goals', 'add', '--template', 'nope', '--owner', 'team'])).stderr).toBe('team: No goal template "nope".\n');
  });
});

describe('goals check', () => {
  it('a SMART goal: exit 0 and "SMART: all five letters pass."', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'x']);
    const r = await ok(['goals', 'check', '1']);
    expect(r.stdout).toBe('SMART: all five letters pass.\n');
    expect(r.stderr).toBe('');
    expect((await ok(['goals', 'check', '1', '--json'])).json()).toEqual({ id: 1, title: 'Tmall GMV ¥120,000 in December', draft: false, ok: true, blocking: false, findings: [] });
  });

  it('a draft with blocking findings: exit 1, findings on stdout, one line on stderr', async () => {
    await ok(['goals', 'add', 'raise sales', '--owner', 'team', '--metric', 'GMV', '--draft']);
    const before = await dumpDb(fx.db);
    const r = await team(['goals', 'check', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'S specific: the title is too vague ("raise sales"); name the object and a number, e.g. "Raise Tmall store sales 20% this quarter"',
      'M measurable: no target value',
      'M measurable: no direction; say whether the value should increase, decrease, stay at least or stay at most the target',
      'R relevant: no parent goal and no reason given; link a parent goal or say why this matters',
      'T time-bound: no due date',
      '',
    ]);
    expect(r.stderr).toBe('team: Goal #1 is not SMART.\n');
    expect(await dumpDb(fx.db)).toEqual(before);
    const j = await team(['goals', 'check', '1', '--json']);
    expect(j.code).toBe(1);
    expect(j.json()).toMatchObject({ id: 1, draft: true, ok: false, blocking: true });
  });

  it('warnings only: exit 0, the warning printed', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31']);
    const r = await ok(['goals', 'check', '1']);
    expect(r.stdout).toBe('R relevant: no parent goal and no reason given; link a parent goal or say why this matters\n');
  });

  it('an unknown goal: exit 2', async () => {
    expect((await reject(['goals', 'check', '7'])).stderr).toBe('team: No goal matches "7".\n');
  });
});

describe('goals templates', () => {
  const KEYS = ['gmv-quarter', 'orders-month', 'csat-month', 'first-response', 'complex-24h', 'resolution-rate', 'typing-speed', 'conversion-quarter'];

  it('--json lists the 8 preset templates with a stable shape', async () => {
    const rows = (await ok(['goals', 'templates', '--json'])).json<Record<string, unknown>[]>();
    expect(rows.map((r) => r.key)).toEqual(KEYS);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(['direction', 'growthPct', 'horizon', 'key', 'kind', 'metric', 'target', 'title', 'unit', 'why']);
    expect(rows[0]).toEqual({
      key: 'gmv-quarter', title: 'Raise shop GMV 20% this quarter', metric: 'GMV', unit: '¥', kind: 'additive', direction: 'increase',
      target: null, growthPct: 20, horizon: 'quarter', why: "The quarter's sales target, on the way to the annual growth plan",
    });
    expect(rows[3]).toMatchObject({ key: 'first-response', unit: 's', kind: 'rate', direction: 'at-most', target: 30, growthPct: null, horizon: 'month' });
  });

  it('--lang zh gives Chinese titles', async () => {
    const rows = (await ok(['--lang', 'zh', 'goals', 'templates', '--json'])).json<{ key: string; title: string; metric: string }[]>();
    expect(rows.map((r) => r.title)).toEqual([
      '本季度店铺 GMV 提升 20%',
      '本月订单数提升 10%',
      '本月客户满意度不低于 95%',
      '本月客服首次响应不超过 30 秒',
      '本月复杂问题 24 小时内答复率不低于 98%',
      '本月问题解决率不低于 90%',
      '新客服打字速度达到每分钟 70 字',
      '本季度详情页转化率提升',
    ]);
    expect(rows[3]!.metric).toBe('首次响应时长');
  });
});

describe('goals add in Chinese', () => {
  it('--lang zh prints the Chinese SMART findings, S first', async () => {
    const r = await reject(['--lang', 'zh', 'goals', 'add', '提高销售额', '--owner', 'team']);
    expect(r.stderr).toBe(
      'team: 不符合 SMART：S 具体：标题太笼统（“提高销售额”），写明对象和数字，例如“本季度天猫店销售额提升 20%”; ' +
        'M 可衡量：没有指标，写明衡量什么，例如 GMV、订单数、首次响应时间; M 可衡量：没有目标值; ' +
        'M 可衡量：没有方向，写明是提升、降低、不低于还是不高于目标值; T 有时限：没有截止日期。请修正，或加 --draft 存为草稿。\n',
    );
  });

  it('--lang zh --template first-response uses the Chinese title and metric', async () => {
    const g = (await ok(['--lang', 'zh', 'goals', 'add', '--template', 'first-response', '--owner', '团队', '--json'])).json<GoalJson>();
    expect([g.title, g.metric, g.relevance, g.ownerType]).toEqual(['本月客服首次响应不超过 30 秒', '首次响应时长', '客服考核标准：首次响应 ≤ 30 秒', 'team']);
  });
});
