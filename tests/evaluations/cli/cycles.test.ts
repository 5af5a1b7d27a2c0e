/**
 * A cycle's writes end to end, in-process: `team evals open|record|self|
 * review|peer|pull|close`, what each prints (--json shapes, the line on
 * stderr, the exit code) and what it leaves in the database. TODAY is
 * 2026-12-01: November (双11 covers 11 of its 30 days) and December may be
 * opened, January 2027 not yet.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { DEPT, evaluationsFixture, KPIS, PRESALE_FULL, ROLE } from '../fixture.js';

const fx = evaluationsFixture();
const { ok, reject } = fx;

interface CycleJson {
  id: number;
  period: string;
  from: string;
  to: string;
  state: string;
  weights: { kpi: number; self: number; peer: number; lead: number };
  grades: { name: string; min: number }[];
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface OpenJson {
  cycle: CycleJson;
  added: string[];
  noRole: string[];
  fromGoals: number;
}

interface ItemJson {
  name: string;
  target: number;
  threshold: number | null;
  weight: number;
  value: number | null;
  valueSource: string | null;
  goalId: number | null;
  goalMetric: string | null;
  goalUse: string | null;
  score: number | null;
  seasons: { season: string; days: number }[];
}

interface EvaluationJson {
  handle: string;
  period: string;
  state: string;
  items: ItemJson[];
  parts: { kpi: number | null; self: number | null; peer: number | null; lead: number | null };
  peers: { by: string; score: number; comment: string | null }[];
  adjust: number;
  adjustReason: string | null;
  selfScore: number | null;
  selfComment: string | null;
  leadScore: number | null;
  leadComment: string | null;
  reviewer: string | null;
  finalScore: number | null;
  grade: string | null;
  missing: string[];
}

const STAMP = '2026-12-01T12:00:00.000Z';
const GRADES = [
  { name: 'A', min: 90 },
  { name: 'B', min: 75 },
  { name: 'C', min: 60 },
  { name: 'D', min: 0 },
];
const WEIGHTS_70 = 'kpi=70,self=10,peer=10,lead=10';

async function show(member: string, period?: string): Promise<EvaluationJson> {
  return (await ok(['evals', 'show', member, ...(period ? ['--period', period] : []), '--json'])).json<{ evaluation: EvaluationJson }>().evaluation;
}

const item = (e: EvaluationJson, name: string): ItemJson => e.items.find((i) => i.name === name)!;

/** Who is in a cycle, by handle. */
async function membersOf(period: string): Promise<string[]> {
  const rows = await query<{ handle: string }>(fx.db, 'select m.handle from eval_evaluations e join eval_cycles c on c.id = e.cycle_id join members m on m.id = e.member_id where c.period = ? order by m.handle', period);
  return rows.map((r) => r.handle);
}

describe('evals open', () => {
  it('opens the current month by default for every active member, KPI weighing 100 %, the role templates copied in', async () => {
    const r = await ok(['evals', 'open', '--json']);
    expect(r.json<OpenJson>()).toEqual({
      cycle: { id: 1, period: '2026-12', from: '2026-12-01', to: '2026-12-31', state: 'open', weights: { kpi: 100, self: 0, peer: 0, lead: 0 }, grades: GRADES, closedAt: null, createdAt: STAMP, updatedAt: STAMP },
      added: ['li', 'wu', 'zheng', 'zhou'],
      noRole: [],
      noKpis: [],
      notHired: [],
      weightsChanged: false,
      fromGoals: 0,
    });
    expect(r.stderr).toBe('Cycle 2026-12 open: 4 evaluation(s) added, 0 value(s) taken from goals.\n');
    expect(await query(fx.db, 'select period, from_date, to_date, w_kpi, w_self, w_peer, w_lead, state, closed_at, actor from eval_cycles')).toEqual([
      { period: '2026-12', from_date: '2026-12-01', to_date: '2026-12-31', w_kpi: 100, w_self: 0, w_peer: 0, w_lead: 0, state: 'open', closed_at: null, actor: 'lead' },
    ]);
    // ma is archived: never evaluated.
    expect(await membersOf('2026-12')).toEqual(['li', 'wu', 'zheng', 'zhou']);
    const items = await query<{ handle: string; name: string; weight: number; position: number }>(
      fx.db,
      'select m.handle, i.name, i.weight, i.position from eval_items i join eval_evaluations e on e.id = i.evaluation_id join members m on m.id = e.member_id order by m.handle, i.position',
    );
    const of = (h: string) => items.filter((i) => i.handle === h).map((i) => [i.name, i.weight]);
    expect(of('wu')).toEqual(KPIS.presale.map(([n, w]) => [n, w]));
    expect(of('zhou')).toEqual(KPIS.manager.map(([n, w]) => [n, w]));
    expect(of('li')).toEqual(KPIS.ops.map(([n, w]) => [n, w]));
    // December has no promotion season: no item carries one.
    expect(await query(fx.db, 'select count(*) as n from eval_items where seasons is not null')).toEqual([{ n: 0 }]);
  });

  it('--dept "Customer service" opens for its three members, with --weights kpi=70,self=10,peer=10,lead=10', async () => {
    const r = (await ok(['evals', 'open', '--period', '2026-11', '--dept', DEPT.cs, '--weights', WEIGHTS_70, '--json'])).json<OpenJson>();
    expect(r.added).toEqual(['wu', 'zheng', 'zhou']);
    expect(r.cycle).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-30', weights: { kpi: 70, self: 10, peer: 10, lead: 10 } });
    expect(await query(fx.db, 'select w_kpi, w_self, w_peer, w_lead from eval_cycles')).toEqual([{ w_kpi: 70, w_self: 10, w_peer: 10, w_lead: 10 }]);
    expect(await membersOf('2026-11')).toEqual(['wu', 'zheng', 'zhou']);
    expect(await query(fx.db, 'select distinct d.name from eval_evaluations e join departments d on d.id = e.department_id')).toEqual([{ name: DEPT.cs }]);
  });

  it('--roles opens for the members of the roles listed', async () => {
    const r = await ok(['evals', 'open', '--roles', `${ROLE.ops},${ROLE.manager}`, '--json']);
    expect(r.json<OpenJson>().added).toEqual(['li', 'zhou']);
    expect(r.stderr).toBe('Cycle 2026-12 open: 2 evaluation(s) added, 0 value(s) taken from goals.\n');
  });

  it('a second open adds only the members not in the cycle yet and may change the weights', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--dept', DEPT.cs]);
    await fx.record('wu', [['Efficiency', 90]]);
    await ok(['members', 'add', 'sun', '--name', 'Sun Li', '--role', ROLE.presale, '--hire-date', '2024-01-02']);
    const second = await ok(['evals', 'open', '--period', '2026-11', '--weights', 'kpi=80,lead=20', '--json']);
    expect(second.json<OpenJson>()).toMatchObject({ cycle: { id: 1, period: '2026-11', weights: { kpi: 80, self: 0, peer: 0, lead: 20 } }, added: ['li', 'sun'], fromGoals: 0 });
    expect(second.stderr).toBe('Cycle 2026-11 open: 2 evaluation(s) added, 0 value(s) taken from goals.\nThe weights of 2026-11 are now KPI 80%, lead 20%.\n');
    expect(await membersOf('2026-11')).toEqual(['li', 'sun', 'wu', 'zheng', 'zhou']);
    expect(await query(fx.db, 'select count(*) as n from eval_cycles')).toEqual([{ n: 1 }]);
    // wu's evaluation is the one she had: her value kept, her items not doubled.
    expect(item(await show('wu', '2026-11'), 'Efficiency').value).toBe(90);
    expect(await query(fx.db, "select count(*) as n from eval_items i join eval_evaluations e on e.id = i.evaluation_id join members m on m.id = e.member_id where m.handle = 'wu'")).toEqual([{ n: 6 }]);
    const third = await ok(['evals', 'open', '--period', '2026-11', '--json']);
    expect(third.json<OpenJson>()).toMatchObject({ added: [], cycle: { weights: { kpi: 80, lead: 20 } } });
    expect(third.stderr).toBe('Cycle 2026-11 open: 0 evaluation(s) added, 0 value(s) taken from goals.\n');
  });

  it('never opens an evaluation for an archived member, however it is scoped', async () => {
    await ok(['evals', 'open', '--roles', ROLE.warehouse]);
    await ok(['evals', 'open', '--period', '2026-11']);
    expect(await membersOf('2026-12')).toEqual([]);
    expect(await membersOf('2026-11')).toEqual(['li', 'wu', 'zheng', 'zhou']);
  });

  it('freezes the KPI rule and weight at open: `kpis edit` afterwards changes the next cycle only', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['kpis', 'edit', 'Inquiry conversion', '--role', ROLE.presale, '--target', '50', '--threshold', '30']);
    const nov = item(await show('wu', '2026-11'), 'Inquiry conversion');
    expect(nov).toMatchObject({ target: 45, threshold: 20, weight: 25 });
    expect(JSON.parse((await ok(['evals', 'record', 'wu', 'Inquiry conversion', '--value', '45', '--period', '2026-11', '--json'])).stdout)).toMatchObject({ score: 100 });
    await ok(['evals', 'open', '--period', '2026-12']);
    expect(item(await show('wu', '2026-12'), 'Inquiry conversion')).toMatchObject({ target: 50, threshold: 30 });
    // (45 − 30) / (50 − 30) = 75 %.
    expect(JSON.parse((await ok(['evals', 'record', 'wu', 'Inquiry conversion', '--value', '45', '--period', '2026-12', '--json'])).stdout)).toMatchObject({ score: 75 });
    expect(await query(fx.db, "select c.period, i.target, i.threshold from eval_items i join eval_evaluations e on e.id = i.evaluation_id join eval_cycles c on c.id = e.cycle_id join members m on m.id = e.member_id where m.handle = 'wu' and i.name = 'Inquiry conversion' order by c.period")).toEqual([
      { period: '2026-11', target: 45, threshold: 20 },
      { period: '2026-12', target: 50, threshold: 30 },
    ]);
  });

  it('refuses a month not begun, a period that is not a month, a closed cycle, --dept with --roles, weights not totalling 100', async () => {
    expect((await reject(['evals', 'open', '--period', '2027-01'])).stderr).toBe('team: Period 2027-01 has not begun: a cycle opens in its month or later.\n');
    expect((await reject(['evals', 'open', '--period', '2026-13'])).stderr).toBe('team: --period: "2026-13" is not a month; write it as YYYY-MM, e.g. 2026-11.\n');
    expect((await reject(['evals', 'open', '--period', 'nov'])).stderr).toBe('team: --period: "nov" is not a month; write it as YYYY-MM, e.g. 2026-11.\n');
    expect((await reject(['evals', 'open', '--dept', DEPT.cs, '--roles', ROLE.ops])).stderr).toBe('team: Give --dept or --roles, not both.\n');
    expect((await reject(['evals', 'open', '--weights', 'kpi=70,self=10,peer=10'])).stderr).toBe('team: --weights: "kpi=70,self=10,peer=10" totals other than 100.\n');
    expect((await reject(['evals', 'open', '--weights', 'kpi=70,bonus=30'])).stderr).toBe('team: --weights: "kpi=70,bonus=30" is not a list like kpi=70,self=10,peer=10,lead=10.\n');
    expect((await reject(['evals', 'open', '--dept', 'Nowhere'])).stderr).toMatch(/^team: No department matches "Nowhere"/);
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['evals', 'close', '--period', '2026-11', '--allow-missing']);
    expect((await reject(['evals', 'open', '--period', '2026-11'])).stderr).toBe('team: Cycle 2026-11 is closed: nothing in it changes (file an appeal to reopen one evaluation).\n');
    expect(await query(fx.db, 'select period from eval_cycles')).toEqual([{ period: '2026-11' }]);
  });

  // Bug: the check that a role's KPI weights total 100 throws 'evaluations.err.weightsTotal' (the --weights
  // message) with { role, total }, so the user reads `team: --weights: "{value}" totals other than 100.`:
  // a placeholder left in and neither the role nor its total named.
  it('refuses a role whose KPI weights do not total 100, naming the role and its total', async () => {
    await ok(['kpis', 'edit', 'Inquiry conversion', '--role', ROLE.presale, '--weight', '20']);
    const r = await reject(['evals', 'open', '--period', '2026-11']);
    expect(r.stderr).toContain(ROLE.presale);
    expect(r.stderr).toContain('95');
    expect(r.stderr).not.toContain('{');
  });
});

describe('evals record', () => {
  it('prints the score; in November 双11 covers 11 of 30 days of a banded KPI, in December nothing does', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['evals', 'open', '--period', '2026-12']);
    const r = await ok(['evals', 'record', 'wu', 'First response time', '--value', '50', '--period', '2026-11', '--json']);
    // Base bands ≤30:100, ≤45:80, ≤60:60 give 50 s 60; 双11's ≤60:100 gives 100: (11 × 100 + 19 × 60) / 30 = 74.67.
    expect(r.json()).toEqual({ period: '2026-11', handle: 'wu', kpi: 'First response time', value: 50, score: 74.67 });
    expect(r.stderr).toBe('Recorded First response time = 50 for wu in 2026-11: score 74.67.\n');
    // 61 s is past every base band (0) and in 双11's ≤90:80: 11 × 80 / 30 = 29.33.
    expect((await ok(['evals', 'record', 'zheng', 'First response time', '--value', '61', '--period', '2026-11', '--json'])).json()).toMatchObject({ score: 29.33 });
    // 130 s scores nothing in either.
    expect((await ok(['evals', 'record', 'zhou', 'First response time', '--value', '130', '--period', '2026-11', '--json'])).json()).toMatchObject({ score: 0 });
    expect(item(await show('wu', '2026-11'), 'First response time').seasons).toEqual([expect.objectContaining({ season: 'Double 11', days: 11 })]);
    const dec = await ok(['evals', 'record', 'wu', 'First response time', '--value', '50', '--period', '2026-12', '--json']);
    expect(dec.json()).toEqual({ period: '2026-12', handle: 'wu', kpi: 'First response time', value: 50, score: 60 });
    expect(item(await show('wu', '2026-12'), 'First response time').seasons).toEqual([]);
    expect(await query(fx.db, "select c.period, i.value, i.value_source, i.actor from eval_items i join eval_evaluations e on e.id = i.evaluation_id join eval_cycles c on c.id = e.cycle_id join members m on m.id = e.member_id where m.handle = 'wu' and i.value is not null order by c.period")).toEqual([
      { period: '2026-11', value: 50, value_source: 'manual', actor: 'lead' },
      { period: '2026-12', value: 50, value_source: 'manual', actor: 'lead' },
    ]);
  });

  it('records into the latest open cycle without --period, and takes a KPI by part of its name', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['evals', 'open', '--period', '2026-12']);
    const r = await ok(['evals', 'record', 'wu', 'conversion', '--value', '40']);
    // (40 − 20) / (45 − 20) = 80 %.
    expect(r.stderr).toBe('Recorded Inquiry conversion = 40 for wu in 2026-12: score 80.\n');
    expect((await reject(['evals', 'record', 'wu', 'on', '--value', '40'])).stderr).toBe('team: "on" is part of several KPIs (First response time, Inquiry conversion, Customer satisfaction): name one in full.\n');
  });

  it('refuses a closed cycle, a member not in the cycle, an unknown KPI (with a suggestion) and values that are not measurements', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    expect((await reject(['evals', 'record', 'ma', 'Efficiency', '--value', '90'])).stderr).toBe('team: ma has no evaluation in 2026-11.\n');
    expect((await reject(['evals', 'record', 'wu', 'Efficency', '--value', '90'])).stderr).toBe('team: No KPI matches "Efficency". Did you mean "Efficiency"?\n');
    expect((await reject(['evals', 'record', 'wu', 'First response time', '--value', '-1'])).stderr).toBe('team: First response time cannot be negative (got -1).\n');
    expect((await reject(['evals', 'record', 'wu', 'Efficiency', '--value', '1e309'])).stderr).toBe('team: --value must be a number from -1,000,000,000,000 to 1,000,000,000,000 (got "1e309").\n');
    expect((await reject(['evals', 'record', 'wu', 'Efficiency', '--value', 'abc'])).stderr).toBe('team: Invalid --value "abc": expected a number.\n');
    expect((await reject(['evals', 'record', 'wu', 'Efficiency', '--value', '90', '--period', '2026-10'])).stderr).toMatch(/^team: No evaluation cycle matches "2026-10"/);
    await ok(['evals', 'close', '--period', '2026-11', '--allow-missing']);
    expect((await reject(['evals', 'record', 'wu', 'Efficiency', '--value', '90', '--period', '2026-11'])).stderr).toBe('team: Cycle 2026-11 is closed: nothing in it changes (file an appeal to reopen one evaluation).\n');
    expect(await query(fx.db, 'select count(*) as n from eval_items where value is not null')).toEqual([{ n: 0 }]);
  });
});

describe('KPIs from goals', () => {
  /** wu's November goal on customer satisfaction (the pre-sale KPI of that metric), checked in at 93 on 11-20. */
  async function wuGoal(): Promise<void> {
    await ok(['goals', 'add', 'Wu: CSAT 95% in November', '--owner', 'wu', '--metric', 'Customer satisfaction', '--unit', '%', '--baseline', '90', '--target', '95', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'CS standard'], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--value', '93', '--date', '2026-11-20']);
  }

  it('open fills the value from the member goal due in the month', async () => {
    await wuGoal();
    const r = await ok(['evals', 'open', '--period', '2026-11', '--json']);
    expect(r.json<OpenJson>().fromGoals).toBe(1);
    expect(r.stderr).toBe('Cycle 2026-11 open: 4 evaluation(s) added, 1 value(s) taken from goals.\n');
    const csat = item(await show('wu', '2026-11'), 'Customer satisfaction');
    // Base (93 − 80) / 15 = 86.67 for 19 days, 双11's (target 92) 100 for 11: (11 × 100 + 19 × 86.67) / 30 = 91.56.
    expect(csat).toMatchObject({ goalMetric: 'Customer satisfaction', goalUse: 'value', value: 93, valueSource: 'goal', goalId: 1, score: 91.56 });
    // zheng has no goal: nothing filled.
    expect(item(await show('zheng', '2026-11'), 'Customer satisfaction')).toMatchObject({ value: null, valueSource: null, goalId: null });
    expect(await query(fx.db, "select i.value, i.value_source, i.goal_id from eval_items i where i.value is not null")).toEqual([{ value: 93, value_source: 'goal', goal_id: 1 }]);
  });

  it('`evals pull` brings a goal value up to date after a new check-in', async () => {
    await wuGoal();
    await ok(['evals', 'open', '--period', '2026-11']);
    const same = await ok(['evals', 'pull', '--json']);
    expect(same.json()).toEqual({ period: '2026-11', changed: 0 });
    await ok(['goals', 'checkin', '1', '--value', '96', '--date', '2026-11-28']);
    const r = await ok(['evals', 'pull', '--period', '2026-11', '--json']);
    expect(r.json()).toEqual({ period: '2026-11', changed: 1 });
    expect(r.stderr).toBe('1 value(s) in 2026-11 brought up to date from goals.\n');
    expect(item(await show('wu'), 'Customer satisfaction')).toMatchObject({ value: 96, valueSource: 'goal', goalId: 1, score: 100 });
  });

  it('a typed value is never overwritten by `evals pull` or by close', async () => {
    await wuGoal();
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['evals', 'record', 'wu', 'Customer satisfaction', '--value', '90']);
    await ok(['goals', 'checkin', '1', '--value', '97', '--date', '2026-11-29']);
    expect((await ok(['evals', 'pull', '--json'])).json()).toEqual({ period: '2026-11', changed: 0 });
    expect(item(await show('wu'), 'Customer satisfaction')).toMatchObject({ value: 90, valueSource: 'manual', goalId: null });
    await ok(['evals', 'close', '--period', '2026-11', '--allow-missing']);
    expect(await query(fx.db, "select i.value, i.value_source, i.goal_id from eval_items i where i.name = 'Customer satisfaction' and i.value is not null")).toEqual([{ value: 90, value_source: 'manual', goal_id: null }]);
  });

  it('close brings goal values up to date before it locks them', async () => {
    await wuGoal();
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['goals', 'checkin', '1', '--value', '96', '--date', '2026-11-30']);
    await ok(['evals', 'close', '--period', '2026-11', '--allow-missing']);
    expect(await query(fx.db, 'select value, value_source, goal_id from eval_items where value is not null')).toEqual([{ value: 96, value_source: 'goal', goal_id: 1 }]);
  });

  it("Sales attainment (--attainment) takes li's GMV goal's progress %, not its value", async () => {
    const kpi = (await ok(['kpis', 'show', 'Sales attainment', '--role', ROLE.ops, '--json'])).json<{ goalMetric: string; goalUse: string }>();
    expect(kpi).toMatchObject({ goalMetric: 'GMV', goalUse: 'attainment' });
    await ok(['goals', 'add', 'Li: GMV 1,000,000 in November', '--owner', 'li', '--metric', 'GMV', '--unit', '¥', '--baseline', '0', '--target', '1000000', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak season'], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--value', '800000', '--date', '2026-11-30']);
    expect((await ok(['evals', 'open', '--period', '2026-11', '--json'])).json<OpenJson>().fromGoals).toBe(1);
    // 80 % attained: (80 − 60) / (100 − 60) = 50.
    expect(item(await show('li'), 'Sales attainment')).toMatchObject({ value: 80, valueSource: 'goal', goalId: 1, score: 50 });
  });
});

describe('evals self, review, peer and the final score', () => {
  it('self: a comment and/or a score; the score is needed while self weighs more than 0', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--weights', WEIGHTS_70]);
    expect((await reject(['evals', 'self', 'wu', '--comment', 'Busy month'])).stderr).toBe('team: This cycle weighs the self-assessment 10 %: give --score too.\n');
    expect((await reject(['evals', 'self', 'wu'])).stderr).toBe('team: Give --comment or --score.\n');
    expect((await reject(['evals', 'self', 'wu', '--score', '101'])).stderr).toBe('team: --score: a score is 0–100 (got "101").\n');
    const r = await ok(['evals', 'self', 'wu', '--score', '85', '--comment', ' Slow in 双11, faster since ', '--json']);
    expect(r.json()).toMatchObject({ handle: 'wu', period: '2026-11', selfScore: 85, selfComment: 'Slow in 双11, faster since', finalScore: null });
    expect(r.stderr).toBe('Self-assessment of wu in 2026-11 recorded.\n');
    // With a score on record, a comment alone will do.
    await ok(['evals', 'self', 'wu', '--comment', 'Added quick replies']);
    expect(await query(fx.db, "select e.self_score, e.self_comment, e.self_at from eval_evaluations e join members m on m.id = e.member_id where m.handle = 'wu'")).toEqual([{ self_score: 85, self_comment: 'Added quick replies', self_at: STAMP }]);
  });

  it('self: a comment alone when self weighs nothing', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['evals', 'self', 'wu', '--comment', 'Fine']);
    expect((await show('wu')).selfComment).toBe('Fine');
  });

  it('review: comment, score, an adjustment with its reason (±20 at most)', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--weights', WEIGHTS_70]);
    const r = await ok(['evals', 'review', 'wu', '--comment', 'Stayed late for 双11', '--score', '90', '--json']);
    expect(r.json()).toMatchObject({ handle: 'wu', leadScore: 90, leadComment: 'Stayed late for 双11', adjust: 0, adjustReason: null, reviewer: 'lead', reviewedAt: STAMP });
    expect(r.stderr).toBe('Review of wu in 2026-11 recorded (adjustment 0).\n');
    expect((await reject(['evals', 'review', 'wu', '--adjust', '+3'])).stderr).toBe('team: An adjustment needs its reason (--reason).\n');
    expect((await reject(['evals', 'review', 'wu', '--adjust', '21', '--reason', 'x'])).stderr).toBe('team: --adjust: at most ±20 points (got 21).\n');
    expect((await reject(['evals', 'review', 'wu', '--adjust', '-21', '--reason', 'x'])).stderr).toBe('team: --adjust: at most ±20 points (got -21).\n');
    expect((await reject(['evals', 'review', 'wu', '--score', '-1'])).stderr).toBe('team: --score: a score is 0–100 (got "-1").\n');
    expect((await reject(['evals', 'review', 'wu'])).stderr).toBe('team: Give --comment, --score or --adjust.\n');
    const adj = await ok(['evals', 'review', 'wu', '--adjust', '+3', '--reason', 'Helped after-sale in 双11']);
    expect(adj.stderr).toBe('Review of wu in 2026-11 recorded (adjustment +3).\n');
    expect(await query(fx.db, "select e.lead_score, e.lead_comment, e.adjust, e.adjust_reason, e.reviewer from eval_evaluations e join members m on m.id = e.member_id where m.handle = 'wu'")).toEqual([
      { lead_score: 90, lead_comment: 'Stayed late for 双11', adjust: 3, adjust_reason: 'Helped after-sale in 双11', reviewer: 'lead' },
    ]);
    await ok(['evals', 'review', 'wu', '--adjust', '-20', '--reason', 'Complaint']);
    expect((await show('wu')).adjust).toBe(-20);
  });

  it('peer: by a colleague, not oneself, not someone who left; a second score by the same colleague replaces the first', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--weights', WEIGHTS_70]);
    expect((await reject(['evals', 'peer', 'wu', '--by', 'wu', '--score', '80'])).stderr).toBe('team: wu cannot score themself as a peer: use `team evals self`.\n');
    expect((await reject(['evals', 'peer', 'wu', '--by', 'ma', '--score', '80'])).stderr).toBe('team: ma has left the team and cannot score.\n');
    expect((await reject(['evals', 'peer', 'wu', '--by', 'nobody', '--score', '80'])).stderr).toBe('team: No member matches "nobody".\n');
    expect((await reject(['evals', 'peer', 'wu', '--by', 'zheng', '--score', '101'])).stderr).toBe('team: --score: a score is 0–100 (got "101").\n');
    const r = await ok(['evals', 'peer', 'wu', '--by', 'zheng', '--score', '80', '--json']);
    expect(r.json()).toEqual({ period: '2026-11', handle: 'wu', by: 'zheng', score: 80 });
    expect(r.stderr).toBe('zheng scored wu 80 in 2026-11.\n');
    await ok(['evals', 'peer', 'wu', '--by', 'zheng', '--score', '70', '--comment', 'Second thoughts']);
    await ok(['evals', 'peer', 'wu', '--by', 'zhou', '--score', '90']);
    expect(await query(fx.db, 'select m.handle as by, p.score, p.comment from eval_peers p join members m on m.id = p.by_member_id order by m.handle')).toEqual([
      { by: 'zheng', score: 70, comment: 'Second thoughts' },
      { by: 'zhou', score: 90, comment: null },
    ]);
    const e = await show('wu');
    expect(e.peers).toEqual([
      { by: 'zheng', score: 70, comment: 'Second thoughts' },
      { by: 'zhou', score: 90, comment: null },
    ]);
    expect(e.parts.peer).toBe(80);
  });

  it('the final score weighs KPI 70, self 10, peer 10, lead 10 and adds the adjustment', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--weights', WEIGHTS_70]);
    await fx.record('wu', [
      ['First response time', 50],
      ['Inquiry conversion', 40],
      ['Customer satisfaction', 97],
      ['Complex issues answered within 24 h', 99],
      ['Work quality', 96],
      ['Efficiency', 95],
    ]);
    let e = await show('wu');
    expect(e.finalScore).toBeNull();
    expect(e.missing).toEqual(['self', 'peer', 'lead']);
    await ok(['evals', 'self', 'wu', '--score', '85']);
    await ok(['evals', 'peer', 'wu', '--by', 'zheng', '--score', '70']);
    await ok(['evals', 'peer', 'wu', '--by', 'zhou', '--score', '90']);
    await ok(['evals', 'review', 'wu', '--score', '90', '--adjust', '3', '--reason', 'Helped after-sale']);
    e = await show('wu');
    // KPI: first response 74.67 × 25 % = 18.6675, conversion 80 × 25 % = 20, the other four 100 × 50 % = 50:
    // 88.6675 → 88.67. Final: 0.7 × 88.67 + 0.1 × 85 + 0.1 × (70 + 90) / 2 + 0.1 × 90 + 3
    // = 62.069 + 8.5 + 8 + 9 + 3 = 90.569 → 90.6, grade A (≥ 90).
    expect(e.items.map((i) => i.score)).toEqual([74.67, 80, 100, 100, 100, 100]);
    expect(e.parts).toEqual({ kpi: 88.67, self: 85, peer: 80, lead: 90 });
    expect(e.finalScore).toBe(90.6);
    expect(e.grade).toBe('A');
    expect(e.missing).toEqual([]);
    // An adjustment never takes the score past 100.
    await ok(['evals', 'review', 'wu', '--adjust', '20', '--reason', 'Saved the month']);
    expect((await show('wu')).finalScore).toBe(100);
    await ok(['evals', 'review', 'wu', '--adjust', '-20', '--reason', 'Complaint']);
    // 87.569 − 20 = 67.569 → 67.6, grade C.
    expect(await show('wu')).toMatchObject({ finalScore: 67.6, grade: 'C' });
  });
});

describe('evals close', () => {
  it('refuses while data is missing, naming the first member and what they miss', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await fx.record('wu', PRESALE_FULL);
    await fx.record('li', [['Work quality', 95]]);
    const r = await reject(['evals', 'close', '--period', '2026-11']);
    expect(r.stderr).toBe(
      'team: Cycle 2026-11 cannot close: 3 evaluation(s) miss data (li: Sales attainment, Orders attainment, New customers, Conversion rate, Efficiency). Record it, or close with --allow-missing.\n',
    );
    // Without --period, the one open cycle; two open would need it.
    expect((await reject(['evals', 'close', '--period', '2026-10'])).stderr).toMatch(/^team: No evaluation cycle matches "2026-10"/);
    expect(await query(fx.db, 'select state from eval_cycles')).toEqual([{ state: 'open' }]);
  });

  // Bug: closeCycle's refusal passes the missing parts as the raw words 'self', 'peer', 'lead'
  // (cycles.service.ts, 'evaluations.err.closeMissing'), where show and report translate them: in English it
  // says "peer" beside the report's "peers", in Chinese `…Efficiency、self、peer、lead）` where the report says 自评、互评、主管评.
  it('names the missing parts in the reader’s words, as the report does', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--weights', WEIGHTS_70]);
    const zh = await reject(['--lang', 'zh', 'evals', 'close', '--period', '2026-11']);
    expect(zh.stderr).toContain('自评、互评、主管评');
    const en = await reject(['evals', 'close', '--period', '2026-11']);
    expect(en.stderr).toContain('self, peers, lead');
  });

  it('closes once everything is in, and stores kpi_score, final_score and grade', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--dept', DEPT.cs]);
    await fx.record('wu', PRESALE_FULL);
    await fx.record('zheng', [
      ['First response time', 25],
      ['Inquiry conversion', 40],
      ['Customer satisfaction', 97],
      ['Complex issues answered within 24 h', 99],
      ['Work quality', 96],
      ['Efficiency', 95],
    ]);
    await fx.record('zhou', [
      ['Customer satisfaction', 97],
      ['Resolution rate', 80],
      ['First response time', 25],
      ['Team training done', 100],
      ['Work quality', 95],
      ['Efficiency', 95],
    ]);
    const r = await ok(['evals', 'close', '--period', '2026-11', '--json']);
    expect(r.json()).toMatchObject({ cycle: { period: '2026-11', state: 'closed', closedAt: STAMP }, scored: 3, missing: [] });
    expect(r.stderr).toBe('Cycle 2026-11 closed: 3 evaluation(s) scored and locked.\n');
    // zheng: conversion 40 scores 80, 25 % × 20 points lost = 95; zhou: resolution (80 − 70) / 20 = 50, × 25 % → 100 − 12.5 = 87.5.
    expect(await query(fx.db, 'select m.handle, e.kpi_score, e.final_score, e.grade from eval_evaluations e join members m on m.id = e.member_id order by m.handle')).toEqual([
      { handle: 'wu', kpi_score: 100, final_score: 100, grade: 'A' },
      { handle: 'zheng', kpi_score: 95, final_score: 95, grade: 'A' },
      { handle: 'zhou', kpi_score: 87.5, final_score: 87.5, grade: 'B' },
    ]);
    expect(await query(fx.db, 'select state, closed_at from eval_cycles')).toEqual([{ state: 'closed', closed_at: STAMP }]);
  });

  it('--allow-missing closes: the evaluations missing data get no score; closing twice is refused; then every write is', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await fx.record('wu', PRESALE_FULL);
    const r = await ok(['evals', 'close', '--period', '2026-11', '--allow-missing', '--json']);
    const closed = r.json<{ scored: number; missing: { handle: string; missing: string[] }[] }>();
    expect(closed.scored).toBe(1);
    expect(closed.missing.map((m) => m.handle)).toEqual(['li', 'zheng', 'zhou']);
    expect(closed.missing[0]!.missing).toEqual(KPIS.ops.map(([n]) => n));
    expect(r.stderr).toBe('Cycle 2026-11 closed: 1 evaluation(s) scored and locked.\nClosed without a score (missing data): li, zheng, zhou.\n');
    expect(await query(fx.db, 'select m.handle, e.kpi_score, e.final_score, e.grade from eval_evaluations e join members m on m.id = e.member_id order by m.handle')).toEqual([
      { handle: 'li', kpi_score: null, final_score: null, grade: null },
      { handle: 'wu', kpi_score: 100, final_score: 100, grade: 'A' },
      { handle: 'zheng', kpi_score: null, final_score: null, grade: null },
      { handle: 'zhou', kpi_score: null, final_score: null, grade: null },
    ]);
    expect((await reject(['evals', 'close', '--period', '2026-11', '--allow-missing'])).stderr).toBe('team: Cycle 2026-11 is already closed.\n');
    const closedMsg = 'team: Cycle 2026-11 is closed: nothing in it changes (file an appeal to reopen one evaluation).\n';
    expect((await reject(['evals', 'record', 'zheng', 'Efficiency', '--value', '90', '--period', '2026-11'])).stderr).toBe(closedMsg);
    expect((await reject(['evals', 'record', 'zheng', 'Efficiency', '--value', '90'])).stderr).toBe(closedMsg);
    expect((await reject(['evals', 'self', 'wu', '--score', '80', '--period', '2026-11'])).stderr).toBe(closedMsg);
    expect((await reject(['evals', 'review', 'wu', '--comment', 'Late', '--period', '2026-11'])).stderr).toBe(closedMsg);
    expect((await reject(['evals', 'peer', 'wu', '--by', 'zheng', '--score', '80', '--period', '2026-11'])).stderr).toBe(closedMsg);
    expect((await reject(['evals', 'pull', '--period', '2026-11'])).stderr).toBe(closedMsg);
  });
});
