/**
 * The evaluations repositories on a migrated database, on every engine:
 * KPI templates (any-case names, preset keys, removal kept on record, the
 * role's weights), seasons and their overrides (replaced, role-specific rows
 * apart from all-roles ones), cycles, evaluations and their scopes, frozen
 * items (bands and seasons as JSON), peers, appeals (one open per
 * evaluation), the closed KPI scores training reads, and the CHECK
 * constraints the database holds on its own.
 */
import { expect, it } from 'vitest';
import type { Db, Queryable } from '../../../src/db/sql.js';
import { insertDepartment } from '../../../src/org/departments.repository.js';
import { insertMember } from '../../../src/org/members.repository.js';
import { insertRole } from '../../../src/org/roles.repository.js';
import {
  closedKpiScores,
  decideAppeal,
  evaluatedMemberIds,
  findCycle,
  findEvaluation,
  insertAppeal,
  insertCycle,
  insertEvaluation,
  insertItem,
  listAppeals,
  listCycles,
  listEvaluations,
  listItems,
  listPeers,
  setItemValue,
  setOpenCyclesGrades,
  setPeer,
  updateCycle,
  updateEvaluation,
  type ItemValues,
} from '../../../src/evaluations/cycles.repository.js';
import { findKpi, findKpiByName, findSeasonByName, insertKpi, insertSeason, listKpis, listSeasons, removeKpi, roleWeights, setOverride, updateKpi, type KpiValues } from '../../../src/evaluations/repository.js';
import type { Grade, Weights } from '../../../src/evaluations/rules/cycle.js';
import type { Override, SeasonPart } from '../../../src/evaluations/rules/scoring.js';
import { describeEngines } from '../../engines.js';

const NOW = '2026-11-23T12:00:00.000Z';
const LATER = '2026-11-24T08:30:00.000Z';
const GRADES: Grade[] = [
  { name: 'A', min: 90 },
  { name: 'B', min: 75 },
  { name: 'C', min: 60 },
  { name: 'D', min: 0 },
];
const KPI_ONLY: Weights = { kpi: 100, self: 0, peer: 0, lead: 0 };
const MIXED: Weights = { kpi: 70, self: 10, peer: 10, lead: 10 };

interface Org {
  sales: number;
  support: number;
  agent: number;
  lead: number;
  wu: number;
  li: number;
  zhao: number;
}

/** Two departments and roles; wu (agent, sales), li (lead, support), zhao (agent, sales). */
async function org(db: Db): Promise<Org> {
  const sales = await insertDepartment(db, { name: 'Sales', description: null, now: NOW });
  const support = await insertDepartment(db, { name: 'Support', description: null, now: NOW });
  const agent = await insertRole(db, { name: 'Agent', departmentId: sales, reportsToId: null, description: null, workflow: null, now: NOW });
  const lead = await insertRole(db, { name: 'Lead', departmentId: support, reportsToId: null, description: null, workflow: null, now: NOW });
  const person = (handle: string, roleId: number, departmentId: number) =>
    insertMember(db, { handle, name: handle.toUpperCase(), roleId, departmentId, managerId: null, hireDate: '2026-01-05', contact: null, shift: 'day', status: 'active', now: NOW });
  return { sales, support, agent, lead, wu: await person('wu', agent, sales), li: await person('li', lead, support), zhao: await person('zhao', agent, sales) };
}

const kpiValues = (roleId: number, name: string, over: Partial<KpiValues> = {}): KpiValues => ({
  roleId,
  name,
  presetKey: null,
  unit: '%',
  direction: 'higher',
  target: 95,
  targetHigh: null,
  threshold: 60,
  thresholdHigh: null,
  bands: null,
  weight: 20,
  source: null,
  goalMetric: null,
  goalUse: null,
  ...over,
});
const kpi = (db: Queryable, roleId: number, name: string, over: Partial<KpiValues> = {}) => insertKpi(db, kpiValues(roleId, name, over), NOW);
const ids = (xs: readonly { id: number }[]) => xs.map((x) => x.id);

/** A month's cycle, open. */
const cycle = (db: Queryable, period: string, weights: Weights = KPI_ONLY) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return insertCycle(db, { period, from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}`, weights, grades: GRADES }, 'lead', NOW);
};
const evaluation = (db: Queryable, cycleId: number, memberId: number, roleId: number | null, departmentId: number | null) => insertEvaluation(db, { cycleId, memberId, roleId, departmentId }, NOW);

const itemValues = (name: string, position: number, over: Partial<ItemValues> = {}): ItemValues => ({
  kpiId: null,
  position,
  name,
  unit: '%',
  direction: 'higher',
  target: 95,
  targetHigh: null,
  threshold: 60,
  thresholdHigh: null,
  bands: null,
  weight: 50,
  source: null,
  goalMetric: null,
  goalUse: null,
  seasons: [],
  ...over,
});

const NO_OVERRIDE: Override = { target: null, targetHigh: null, threshold: null, thresholdHigh: null, bands: null };

describeEngines('evaluations repository', (fresh) => {
  describe_kpis(fresh);
  describe_seasons(fresh);
  describe_cycles(fresh);
  describe_evaluations(fresh);
  describe_items(fresh);
  describe_peers_appeals(fresh);
  describe_scores(fresh);
  describe_checks(fresh);
});

function describe_kpis(fresh: () => Promise<Db>): void {
  it('a KPI comes back camelCase with its role name; bands round-trip as JSON; a within range keeps both ends', async () => {
    const db = await fresh();
    const o = await org(db);
    const bands = [
      { bound: 30, score: 100 },
      { bound: 45, score: 80 },
      { bound: 60, score: 60 },
    ];
    const reply = await kpi(db, o.agent, 'First response time', { presetKey: 'first-response', unit: 's', direction: 'lower', target: 30, threshold: null, bands, weight: 25, source: 'CS workbench', goalMetric: 'First response', goalUse: 'value' });
    const stock = await kpi(db, o.lead, 'Days of stock', { unit: 'days', direction: 'within', target: 20, targetHigh: 35, threshold: 5, thresholdHigh: 60, weight: 15.5 });
    expect(await findKpi(db, reply)).toEqual({
      id: reply,
      roleId: o.agent,
      role: 'Agent',
      name: 'First response time',
      presetKey: 'first-response',
      unit: 's',
      direction: 'lower',
      target: 30,
      targetHigh: null,
      threshold: null,
      thresholdHigh: null,
      bands,
      weight: 25,
      source: 'CS workbench',
      goalMetric: 'First response',
      goalUse: 'value',
      removedAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await findKpi(db, stock)).toMatchObject({ role: 'Lead', direction: 'within', target: 20, targetHigh: 35, threshold: 5, thresholdHigh: 60, bands: null, weight: 15.5, goalMetric: null, goalUse: null });
    expect(await db.all('select bands from eval_kpis order by id')).toEqual([{ bands: JSON.stringify(bands) }, { bands: null }]);
    expect(await findKpi(db, stock + 100)).toBeUndefined();
  });

  it('listKpis: live KPIs by role then in the order added, of the roles given, removed ones only when asked', async () => {
    const db = await fresh();
    const o = await org(db);
    const l1 = await kpi(db, o.lead, 'Team goals');
    const a1 = await kpi(db, o.agent, 'Sales');
    const a2 = await kpi(db, o.agent, 'Conversion');
    const l2 = await kpi(db, o.lead, 'Training done');
    await removeKpi(db, a1, LATER);
    const [first, second] = o.agent < o.lead ? [[a2], [l1, l2]] : [[l1, l2], [a2]];
    expect(ids(await listKpis(db))).toEqual([...first!, ...second!]);
    expect(ids(await listKpis(db, { roleIds: [o.agent] }))).toEqual([a2]);
    expect(ids(await listKpis(db, { roleIds: [o.agent], includeRemoved: true }))).toEqual([a1, a2]);
    expect(ids(await listKpis(db, { roleIds: [o.lead, o.agent] }))).toEqual([...first!, ...second!]);
    expect(await listKpis(db, { roleIds: [] })).toEqual([]);
    expect(await listKpis(db, { roleIds: [o.agent + o.lead + 100] })).toEqual([]);
  });

  it('findKpiByName: the name in any case or the preset key, of that role, live only', async () => {
    const db = await fresh();
    const o = await org(db);
    const id = await kpi(db, o.agent, 'Customer satisfaction', { presetKey: 'csat' });
    const other = await kpi(db, o.lead, 'Customer satisfaction');
    expect((await findKpiByName(db, o.agent, 'Customer satisfaction'))?.id).toBe(id);
    expect((await findKpiByName(db, o.agent, 'CUSTOMER SATISFACTION'))?.id).toBe(id);
    expect((await findKpiByName(db, o.agent, 'customer satisfaction'))?.id).toBe(id);
    expect((await findKpiByName(db, o.agent, 'csat'))?.id).toBe(id);
    expect((await findKpiByName(db, o.lead, 'customer Satisfaction'))?.id).toBe(other);
    // The preset key is exact, and belongs to the agent's KPI only.
    expect(await findKpiByName(db, o.agent, 'CSAT')).toBeUndefined();
    expect(await findKpiByName(db, o.lead, 'csat')).toBeUndefined();
    expect(await findKpiByName(db, o.agent, 'Customer')).toBeUndefined();
    expect(await findKpiByName(db, o.agent, 'Customer satisfaction ')).toBeUndefined();
    await removeKpi(db, id, LATER);
    expect(await findKpiByName(db, o.agent, 'Customer satisfaction')).toBeUndefined();
    expect(await findKpiByName(db, o.agent, 'csat')).toBeUndefined();
    expect(await findKpi(db, id)).toMatchObject({ removedAt: LATER, updatedAt: LATER, createdAt: NOW });
  });

  it('one live KPI of a name per role (any case); a removed one frees the name; another role may have it', async () => {
    const db = await fresh();
    const o = await org(db);
    const id = await kpi(db, o.agent, 'Sales');
    await expect(kpi(db, o.agent, 'SALES')).rejects.toThrow();
    await kpi(db, o.lead, 'sales');
    await removeKpi(db, id, LATER);
    const again = await kpi(db, o.agent, 'SALES');
    expect(ids(await listKpis(db, { roleIds: [o.agent], includeRemoved: true }))).toEqual([id, again]);
  });

  it('updateKpi rewrites the template but not its role, preset key or creation', async () => {
    const db = await fresh();
    const o = await org(db);
    const id = await kpi(db, o.agent, 'Sales', { presetKey: 'sales', goalMetric: 'GMV', goalUse: 'attainment' });
    const bands = [
      { bound: 100, score: 100 },
      { bound: 80, score: 60 },
    ];
    await updateKpi(db, id, { name: 'Sales attainment', unit: null, direction: 'higher', target: 100, targetHigh: null, threshold: null, thresholdHigh: null, bands, weight: 40, source: 'Shop analytics', goalMetric: null, goalUse: null }, LATER);
    expect(await findKpi(db, id)).toEqual({
      id,
      roleId: o.agent,
      role: 'Agent',
      name: 'Sales attainment',
      presetKey: 'sales',
      unit: null,
      direction: 'higher',
      target: 100,
      targetHigh: null,
      threshold: null,
      thresholdHigh: null,
      bands,
      weight: 40,
      source: 'Shop analytics',
      goalMetric: null,
      goalUse: null,
      removedAt: null,
      createdAt: NOW,
      updatedAt: LATER,
    });
  });

  it('roleWeights: the live weights of each role asked, roles with none left out', async () => {
    const db = await fresh();
    const o = await org(db);
    const third = await insertRole(db, { name: 'Packer', departmentId: null, reportsToId: null, description: null, workflow: null, now: NOW });
    await kpi(db, o.agent, 'A', { weight: 33.3 });
    await kpi(db, o.agent, 'B', { weight: 33.3 });
    await kpi(db, o.agent, 'C', { weight: 33.4 });
    await kpi(db, o.lead, 'A', { weight: 60 });
    const gone = await kpi(db, o.lead, 'B', { weight: 40 });
    await removeKpi(db, gone, LATER);
    const w = await roleWeights(db, [o.agent, o.lead, third]);
    expect([...w.keys()].sort((x, y) => x - y)).toEqual([o.agent, o.lead].sort((x, y) => x - y));
    expect(w.get(o.agent)).toBeCloseTo(100, 9);
    expect(w.get(o.lead)).toBe(60);
    expect(w.has(third)).toBe(false);
    expect([...(await roleWeights(db, [o.lead])).entries()]).toEqual([[o.lead, 60]]);
    expect(await roleWeights(db, [])).toEqual(new Map());
  });
}

function describe_seasons(fresh: () => Promise<Db>): void {
  it('listSeasons: by start, yearly as a boolean, each with its overrides (all roles: role null; one role: its name), bands as JSON', async () => {
    const db = await fresh();
    const o = await org(db);
    const double11 = await insertSeason(db, { name: '双11', presetKey: 'double-11', from: '2026-11-01', to: '2026-11-11', yearly: true }, NOW);
    const s618 = await insertSeason(db, { name: '618', presetKey: null, from: '2026-06-01', to: '2026-06-18', yearly: false }, NOW);
    const bands = [
      { bound: 60, score: 100 },
      { bound: 90, score: 60 },
    ];
    await setOverride(db, double11, 'First response time', null, { ...NO_OVERRIDE, bands }, NOW);
    await setOverride(db, double11, 'Sales', o.agent, { ...NO_OVERRIDE, target: 120, threshold: 70 }, NOW);
    await setOverride(db, s618, 'Days of stock', o.lead, { target: 30, targetHigh: 50, threshold: 10, thresholdHigh: 80, bands: null }, NOW);
    const seasons = await listSeasons(db);
    expect(ids(seasons)).toEqual([s618, double11]);
    const [june, nov] = seasons as [(typeof seasons)[0], (typeof seasons)[0]];
    expect(nov).toEqual({
      id: double11,
      name: '双11',
      presetKey: 'double-11',
      from: '2026-11-01',
      to: '2026-11-11',
      yearly: true,
      createdAt: NOW,
      overrides: [
        { id: expect.any(Number), kpi: 'First response time', roleId: null, role: null, target: null, targetHigh: null, threshold: null, thresholdHigh: null, bands },
        { id: expect.any(Number), kpi: 'Sales', roleId: o.agent, role: 'Agent', target: 120, targetHigh: null, threshold: 70, thresholdHigh: null, bands: null },
      ],
    });
    expect(june).toMatchObject({ name: '618', presetKey: null, yearly: false, overrides: [{ kpi: 'Days of stock', roleId: o.lead, role: 'Lead', target: 30, targetHigh: 50, threshold: 10, thresholdHigh: 80, bands: null }] });
    expect(await findSeasonByName(db, '双11')).toBe(double11);
    expect(await findSeasonByName(db, 'double-11')).toBe(double11);
    expect(await findSeasonByName(db, '618')).toBe(s618);
    expect(await findSeasonByName(db, '619')).toBeUndefined();
    // A name in any case; a second season of that name in another case is refused.
    const friday = await insertSeason(db, { name: 'Black Friday', presetKey: null, from: '2026-11-27', to: '2026-11-30', yearly: false }, NOW);
    expect(await findSeasonByName(db, 'BLACK FRIDAY')).toBe(friday);
    await expect(insertSeason(db, { name: 'black friday', presetKey: null, from: '2027-11-26', to: '2027-11-29', yearly: false }, NOW)).rejects.toThrow();
    await expect(insertSeason(db, { name: 'Backwards', presetKey: null, from: '2026-12-31', to: '2026-12-01', yearly: false }, NOW)).rejects.toThrow();
  });

  it('setOverride replaces the override of the same season, KPI (any case) and role; all-roles and one-role rows are kept apart', async () => {
    const db = await fresh();
    const o = await org(db);
    const s = await insertSeason(db, { name: '双11', presetKey: null, from: '2026-11-01', to: '2026-11-11', yearly: true }, NOW);
    const other = await insertSeason(db, { name: '618', presetKey: null, from: '2026-06-01', to: '2026-06-18', yearly: true }, NOW);
    await setOverride(db, s, 'Sales', null, { ...NO_OVERRIDE, target: 110 }, NOW);
    await setOverride(db, s, 'Sales', o.agent, { ...NO_OVERRIDE, target: 120 }, NOW);
    await setOverride(db, s, 'Sales', o.lead, { ...NO_OVERRIDE, target: 130 }, NOW);
    await setOverride(db, other, 'Sales', null, { ...NO_OVERRIDE, target: 105 }, NOW);
    // Replaced: the all-roles one (in another case), then the agent's.
    await setOverride(db, s, 'SALES', null, { ...NO_OVERRIDE, target: 115, threshold: 50 }, NOW);
    await setOverride(db, s, 'sales', o.agent, { ...NO_OVERRIDE, threshold: 65 }, NOW);
    const bySeason = new Map((await listSeasons(db)).map((x) => [x.id, x.overrides]));
    const rows = bySeason.get(s)!.map(({ kpi, roleId, target, threshold }) => ({ kpi, roleId, target, threshold }));
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { kpi: 'SALES', roleId: null, target: 115, threshold: 50 },
        { kpi: 'sales', roleId: o.agent, target: null, threshold: 65 },
        { kpi: 'Sales', roleId: o.lead, target: 130, threshold: null },
      ]),
    );
    expect(bySeason.get(other)!.map(({ kpi, roleId, target }) => ({ kpi, roleId, target }))).toEqual([{ kpi: 'Sales', roleId: null, target: 105 }]);
    // The replaced ones are kept, out of force.
    expect(await db.all('select count(*) as n from eval_season_overrides where removed_at is null')).toEqual([{ n: 4 }]);
    expect(await db.all('select count(*) as n from eval_season_overrides where removed_at is not null')).toEqual([{ n: 2 }]);
  });
}

function describe_cycles(fresh: () => Promise<Db>): void {
  it('a cycle comes back with its weights and grades as objects; listCycles is latest first', async () => {
    const db = await fresh();
    const nov = await cycle(db, '2026-11', MIXED);
    const sep = await cycle(db, '2026-09');
    const dec = await cycle(db, '2026-12');
    expect(await findCycle(db, '2026-11')).toEqual({
      id: nov,
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      weights: MIXED,
      grades: GRADES,
      state: 'open',
      closedAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await findCycle(db, '2026-10')).toBeUndefined();
    expect(ids(await listCycles(db))).toEqual([dec, nov, sep]);
    await expect(cycle(db, '2026-11')).rejects.toThrow();
  });

  it('updateCycle changes only what it is given', async () => {
    const db = await fresh();
    const id = await cycle(db, '2026-11');
    await updateCycle(db, id, { weights: MIXED }, LATER);
    expect(await findCycle(db, '2026-11')).toMatchObject({ weights: MIXED, grades: GRADES, state: 'open', closedAt: null, updatedAt: LATER, createdAt: NOW });
    const grades = [
      { name: 'S', min: 95 },
      { name: 'F', min: 0 },
    ];
    await updateCycle(db, id, { grades }, LATER);
    expect(await findCycle(db, '2026-11')).toMatchObject({ weights: MIXED, grades, state: 'open' });
    await updateCycle(db, id, { state: 'closed', closedAt: LATER }, LATER);
    expect(await findCycle(db, '2026-11')).toMatchObject({ weights: MIXED, grades, state: 'closed', closedAt: LATER });
    await updateCycle(db, id, { state: 'open' }, NOW);
    expect(await findCycle(db, '2026-11')).toMatchObject({ state: 'open', closedAt: LATER, updatedAt: NOW });
    await updateCycle(db, id, { closedAt: null }, NOW);
    expect(await findCycle(db, '2026-11')).toMatchObject({ state: 'open', closedAt: null });
  });

  it('setOpenCyclesGrades sets the grades of the open cycles; closed ones keep theirs', async () => {
    const db = await fresh();
    const sep = await cycle(db, '2026-09');
    await cycle(db, '2026-10');
    await cycle(db, '2026-11');
    await updateCycle(db, sep, { state: 'closed', closedAt: NOW }, NOW);
    const grades = [
      { name: 'A', min: 85 },
      { name: 'B', min: 0 },
    ];
    await setOpenCyclesGrades(db, grades, LATER);
    expect((await listCycles(db)).map((c) => ({ period: c.period, grades: c.grades, updatedAt: c.updatedAt }))).toEqual([
      { period: '2026-11', grades, updatedAt: LATER },
      { period: '2026-10', grades, updatedAt: LATER },
      { period: '2026-09', grades: GRADES, updatedAt: NOW },
    ]);
  });
}

function describe_evaluations(fresh: () => Promise<Db>): void {
  it('an evaluation comes back camelCase with its period, member, frozen role and department; nothing scored yet', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await cycle(db, '2026-11');
    const id = await evaluation(db, c, o.wu, o.agent, o.sales);
    const bare = await evaluation(db, c, o.li, null, null);
    expect(await findEvaluation(db, c, o.wu)).toEqual({
      id,
      cycleId: c,
      period: '2026-11',
      memberId: o.wu,
      handle: 'wu',
      name: 'WU',
      roleId: o.agent,
      role: 'Agent',
      departmentId: o.sales,
      department: 'Sales',
      selfScore: null,
      selfComment: null,
      leadScore: null,
      leadComment: null,
      adjust: 0,
      adjustReason: null,
      reviewer: null,
      reviewedAt: null,
      kpiScore: null,
      finalScore: null,
      grade: null,
    });
    expect(await findEvaluation(db, c, o.li)).toMatchObject({ id: bare, roleId: null, role: null, departmentId: null, department: null });
    expect(await findEvaluation(db, c, o.zhao)).toBeUndefined();
    expect(await evaluatedMemberIds(db, c)).toEqual(new Set([o.wu, o.li]));
    await expect(evaluation(db, c, o.wu, o.agent, o.sales)).rejects.toThrow();
  });

  it('listEvaluations: by cycle (period, then handle), by member, a member\'s latest N periods (latest first), by department', async () => {
    const db = await fresh();
    const o = await org(db);
    const [sep, oct, nov] = [await cycle(db, '2026-09'), await cycle(db, '2026-10'), await cycle(db, '2026-11')];
    const e = {
      novZhao: await evaluation(db, nov, o.zhao, o.agent, o.sales),
      novWu: await evaluation(db, nov, o.wu, o.agent, o.sales),
      novLi: await evaluation(db, nov, o.li, o.lead, o.support),
      sepWu: await evaluation(db, sep, o.wu, o.agent, o.sales),
      octWu: await evaluation(db, oct, o.wu, o.lead, o.support),
      octLi: await evaluation(db, oct, o.li, o.lead, o.support),
    };
    expect(ids(await listEvaluations(db, { cycleId: nov }))).toEqual([e.novLi, e.novWu, e.novZhao]);
    expect(ids(await listEvaluations(db, {}))).toEqual([e.sepWu, e.octLi, e.octWu, e.novLi, e.novWu, e.novZhao]);
    expect(ids(await listEvaluations(db, { memberId: o.wu }))).toEqual([e.sepWu, e.octWu, e.novWu]);
    expect(ids(await listEvaluations(db, { memberId: o.wu, lastPeriods: 2 }))).toEqual([e.novWu, e.octWu]);
    expect(ids(await listEvaluations(db, { memberId: o.wu, lastPeriods: 10 }))).toEqual([e.novWu, e.octWu, e.sepWu]);
    expect(ids(await listEvaluations(db, { memberId: o.li, lastPeriods: 1 }))).toEqual([e.novLi]);
    // The department frozen in each evaluation: wu was in Support in October.
    expect(ids(await listEvaluations(db, { departmentId: o.support }))).toEqual([e.octLi, e.octWu, e.novLi]);
    expect(ids(await listEvaluations(db, { departmentId: o.sales, cycleId: nov }))).toEqual([e.novWu, e.novZhao]);
    expect(ids(await listEvaluations(db, { memberId: o.zhao, cycleId: oct }))).toEqual([]);
  });

  it('updateEvaluation patches only what it is given; a self score or comment stamps self_at, a reviewer reviewed_at', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await cycle(db, '2026-11', MIXED);
    const id = await evaluation(db, c, o.wu, o.agent, o.sales);
    const stamps = async () => db.get<{ self_at: string | null; reviewed_at: string | null; updated_at: string }>('select self_at, reviewed_at, updated_at from eval_evaluations where id = ?', [id]);
    await updateEvaluation(db, id, { selfScore: 85, selfComment: 'A good month' }, LATER);
    expect(await findEvaluation(db, c, o.wu)).toMatchObject({ selfScore: 85, selfComment: 'A good month', leadScore: null, reviewer: null, reviewedAt: null });
    expect(await stamps()).toEqual({ self_at: LATER, reviewed_at: null, updated_at: LATER });
    await updateEvaluation(db, id, { leadScore: 78.5, leadComment: 'Solid', reviewer: 'lead', adjust: -2.5, adjustReason: 'late reports' }, '2026-11-25T09:00:00.000Z');
    expect(await findEvaluation(db, c, o.wu)).toMatchObject({ selfScore: 85, leadScore: 78.5, leadComment: 'Solid', reviewer: 'lead', reviewedAt: '2026-11-25T09:00:00.000Z', adjust: -2.5, adjustReason: 'late reports' });
    expect(await stamps()).toEqual({ self_at: LATER, reviewed_at: '2026-11-25T09:00:00.000Z', updated_at: '2026-11-25T09:00:00.000Z' });
    await updateEvaluation(db, id, { kpiScore: 91.25, finalScore: 88.6, grade: 'B' }, '2026-11-30T18:00:00.000Z');
    expect(await findEvaluation(db, c, o.wu)).toMatchObject({ selfScore: 85, leadScore: 78.5, kpiScore: 91.25, finalScore: 88.6, grade: 'B', reviewedAt: '2026-11-25T09:00:00.000Z' });
    await updateEvaluation(db, id, { selfScore: null, kpiScore: null, finalScore: null, grade: null, adjust: 0, adjustReason: null }, '2026-12-01T08:00:00.000Z');
    expect(await findEvaluation(db, c, o.wu)).toMatchObject({ selfScore: null, selfComment: 'A good month', kpiScore: null, finalScore: null, grade: null, adjust: 0, adjustReason: null, leadScore: 78.5 });
    expect(await stamps()).toMatchObject({ self_at: '2026-12-01T08:00:00.000Z', updated_at: '2026-12-01T08:00:00.000Z' });
  });
}

function describe_items(fresh: () => Promise<Db>): void {
  it('items come back by evaluation then position, by ids or by cycle; bands and season shares round-trip as JSON', async () => {
    const db = await fresh();
    const o = await org(db);
    const k = await kpi(db, o.agent, 'First response time');
    const [oct, nov] = [await cycle(db, '2026-10'), await cycle(db, '2026-11')];
    const wu = await evaluation(db, nov, o.wu, o.agent, o.sales);
    const zhao = await evaluation(db, nov, o.zhao, o.agent, o.sales);
    const old = await evaluation(db, oct, o.wu, o.agent, o.sales);
    const bands = [
      { bound: 30, score: 100 },
      { bound: 45, score: 80 },
    ];
    const seasons: SeasonPart[] = [{ season: '双11', days: 11, rule: { direction: 'lower', target: 60, targetHigh: null, threshold: null, thresholdHigh: null, bands: [{ bound: 60, score: 100 }] } }];
    const reply = await insertItem(db, wu, itemValues('First response time', 2, { kpiId: k, unit: 's', direction: 'lower', target: 30, threshold: null, bands, weight: 40, source: 'CS workbench', goalMetric: 'First response', goalUse: 'value', seasons }));
    const csat = await insertItem(db, wu, itemValues('Customer satisfaction', 1, { weight: 60 }));
    const zhaoItem = await insertItem(db, zhao, itemValues('Stock', 1, { direction: 'within', target: 20, targetHigh: 35, threshold: 5, thresholdHigh: 60, weight: 100 }));
    const oldItem = await insertItem(db, old, itemValues('Customer satisfaction', 1, { weight: 100 }));
    const [first] = await listItems(db, [wu]);
    expect(first).toMatchObject({ id: csat, position: 1, seasons: [], bands: null });
    expect((await listItems(db, [wu]))[1]).toEqual({
      id: reply,
      evaluationId: wu,
      kpiId: k,
      position: 2,
      name: 'First response time',
      unit: 's',
      direction: 'lower',
      target: 30,
      targetHigh: null,
      threshold: null,
      thresholdHigh: null,
      bands,
      weight: 40,
      source: 'CS workbench',
      goalMetric: 'First response',
      goalUse: 'value',
      seasons,
      value: null,
      valueSource: null,
      goalId: null,
      recordedAt: null,
    });
    // No seasons are stored as null, not "[]".
    expect(await db.all('select id, seasons from eval_items where seasons is null order by id')).toEqual([{ id: csat, seasons: null }, { id: zhaoItem, seasons: null }, { id: oldItem, seasons: null }]);
    const [lo, hi] = wu < zhao ? [[csat, reply], [zhaoItem]] : [[zhaoItem], [csat, reply]];
    expect(ids(await listItems(db, [zhao, wu]))).toEqual([...lo!, ...hi!]);
    expect(ids(await listItems(db, { cycleId: nov }))).toEqual([...lo!, ...hi!]);
    expect(ids(await listItems(db, { cycleId: oct }))).toEqual([oldItem]);
    expect((await listItems(db, [zhao]))[0]).toMatchObject({ direction: 'within', target: 20, targetHigh: 35, threshold: 5, thresholdHigh: 60 });
    expect(await listItems(db, [])).toEqual([]);
    expect(await listItems(db, { cycleId: nov + oct + 100 })).toEqual([]);
  });

  it('setItemValue records the value, its source and goal; null clears it; one item of a name per evaluation', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await cycle(db, '2026-11');
    const e = await evaluation(db, c, o.wu, o.agent, o.sales);
    const id = await insertItem(db, e, itemValues('Sales', 1));
    const other = await insertItem(db, e, itemValues('Conversion', 2));
    await setItemValue(db, id, { value: 97.5, source: 'manual', goalId: null }, 'lead', LATER);
    expect((await listItems(db, [e]))[0]).toMatchObject({ value: 97.5, valueSource: 'manual', goalId: null, recordedAt: LATER });
    await setItemValue(db, id, { value: 1_000_000_000_000, source: 'goal', goalId: 42 }, 'lead', NOW);
    expect((await listItems(db, [e]))[0]).toMatchObject({ value: 1_000_000_000_000, valueSource: 'goal', goalId: 42, recordedAt: NOW });
    expect(await db.all('select actor from eval_items where id = ?', [id])).toEqual([{ actor: 'lead' }]);
    await setItemValue(db, id, { value: null, source: null, goalId: null }, 'zhou', LATER);
    expect((await listItems(db, [e]))[0]).toMatchObject({ value: null, valueSource: null, goalId: null, recordedAt: LATER });
    expect((await listItems(db, [e]))[1]).toMatchObject({ id: other, value: null, recordedAt: null });
    await expect(insertItem(db, e, itemValues('SALES', 3))).rejects.toThrow();
  });
}

function describe_peers_appeals(fresh: () => Promise<Db>): void {
  it('setPeer adds one score per colleague and replaces it on a second call; listPeers by handle, of the evaluations asked', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await cycle(db, '2026-11', MIXED);
    const wu = await evaluation(db, c, o.wu, o.agent, o.sales);
    const li = await evaluation(db, c, o.li, o.lead, o.support);
    await setPeer(db, wu, o.zhao, 80, 'helpful', NOW);
    await setPeer(db, wu, o.li, 70, null, NOW);
    await setPeer(db, li, o.wu, 90, null, NOW);
    await setPeer(db, wu, o.zhao, 85.5, null, LATER);
    expect(await listPeers(db, [wu])).toEqual([
      { evaluationId: wu, byMemberId: o.li, by: 'li', score: 70, comment: null },
      { evaluationId: wu, byMemberId: o.zhao, by: 'zhao', score: 85.5, comment: null },
    ]);
    expect(await db.all('select created_at from eval_peers where evaluation_id = ? and by_member_id = ?', [wu, o.zhao])).toEqual([{ created_at: LATER }]);
    expect((await listPeers(db, [wu, li])).map((p) => [p.evaluationId, p.by])).toEqual([
      [wu, 'li'],
      [li, 'wu'],
      [wu, 'zhao'],
    ]);
    expect(await listPeers(db, [])).toEqual([]);
    expect(await db.all('select count(*) as n from eval_peers')).toEqual([{ n: 3 }]);
  });

  it('appeals: one open appeal per evaluation (the partial unique index); decided, it leaves room for another; listed in filing order', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await cycle(db, '2026-11');
    const wu = await evaluation(db, c, o.wu, o.agent, o.sales);
    const li = await evaluation(db, c, o.li, o.lead, o.support);
    const first = await insertAppeal(db, { evaluationId: wu, reason: 'The October sales were missed', filedOn: '2026-12-02', oldScore: 72.5, oldGrade: 'C' }, 'wu', NOW);
    await expect(insertAppeal(db, { evaluationId: wu, reason: 'again', filedOn: '2026-12-03', oldScore: 72.5, oldGrade: 'C' }, 'wu', NOW)).rejects.toThrow();
    const liAppeal = await insertAppeal(db, { evaluationId: li, reason: 'Peer scores', filedOn: '2026-12-02', oldScore: null, oldGrade: null }, 'li', NOW);
    expect(await listAppeals(db, [wu])).toEqual([
      { id: first, evaluationId: wu, reason: 'The October sales were missed', filedOn: '2026-12-02', outcome: null, oldScore: 72.5, oldGrade: 'C', newScore: null, newGrade: null, note: null, decidedAt: null },
    ]);
    await decideAppeal(db, first, { outcome: 'changed', newScore: 78, newGrade: 'B', note: 'sales re-counted' }, LATER);
    expect((await listAppeals(db, [wu]))[0]).toMatchObject({ outcome: 'changed', oldScore: 72.5, oldGrade: 'C', newScore: 78, newGrade: 'B', note: 'sales re-counted', decidedAt: LATER });
    const second = await insertAppeal(db, { evaluationId: wu, reason: 'Still short', filedOn: '2026-12-05', oldScore: 78, oldGrade: 'B' }, 'wu', LATER);
    await decideAppeal(db, second, { outcome: 'upheld', newScore: 78, newGrade: 'B', note: null }, LATER);
    expect(ids(await listAppeals(db, [wu]))).toEqual([first, second]);
    expect(ids(await listAppeals(db, [li, wu]))).toEqual([first, liAppeal, second]);
    expect(await listAppeals(db, [])).toEqual([]);
    await expect(db.run("update eval_appeals set outcome = 'dismissed' where id = ?", [second])).rejects.toThrow();
  });
}

function describe_scores(fresh: () => Promise<Db>): void {
  it('closedKpiScores: members\' locked KPI scores of the closed cycles overlapping the dates, by member then start; open cycles and unscored rows left out', async () => {
    const db = await fresh();
    const o = await org(db);
    const [aug, sep, oct, nov] = [await cycle(db, '2026-08'), await cycle(db, '2026-09'), await cycle(db, '2026-10'), await cycle(db, '2026-11')];
    for (const c of [aug, sep, oct]) await updateCycle(db, c, { state: 'closed', closedAt: NOW }, NOW);
    const score = async (c: number, m: number, kpiScore: number | null) => {
      const e = await evaluation(db, c, m, o.agent, o.sales);
      if (kpiScore !== null) await updateEvaluation(db, e, { kpiScore }, NOW);
    };
    await score(aug, o.wu, 50);
    await score(sep, o.zhao, 70);
    await score(sep, o.wu, 80);
    await score(oct, o.wu, 90.25);
    await score(oct, o.zhao, null);
    // November is open: its score (as a close would leave it) is not locked.
    await score(nov, o.wu, 99);
    const [first, second] = o.wu < o.zhao ? ['wu', 'zhao'] : ['zhao', 'wu'];
    const rows = {
      wu: [
        { memberId: o.wu, from: '2026-09-01', to: '2026-09-30', kpiScore: 80 },
        { memberId: o.wu, from: '2026-10-01', to: '2026-10-31', kpiScore: 90.25 },
      ],
      zhao: [{ memberId: o.zhao, from: '2026-09-01', to: '2026-09-30', kpiScore: 70 }],
    };
    // September 1 to October 31: August ends before, November is open.
    expect(await closedKpiScores(db, '2026-09-01', '2026-10-31')).toEqual([...rows[first as 'wu'], ...rows[second as 'zhao']]);
    // Overlap, both ends inclusive: a cycle ending on `from`, a cycle starting on `to`.
    expect(await closedKpiScores(db, '2026-08-31', '2026-08-31')).toEqual([{ memberId: o.wu, from: '2026-08-01', to: '2026-08-31', kpiScore: 50 }]);
    expect((await closedKpiScores(db, '2026-09-30', '2026-10-01')).filter((r) => r.memberId === o.wu).map((r) => r.from)).toEqual(['2026-09-01', '2026-10-01']);
    expect((await closedKpiScores(db, '2026-10-15', '2026-12-31')).map((r) => r.kpiScore)).toEqual([90.25]);
    expect(await closedKpiScores(db, '2026-11-01', '2026-12-31')).toEqual([]);
    expect(await closedKpiScores(db, '2026-01-01', '2026-07-31')).toEqual([]);
  });
}

function describe_checks(fresh: () => Promise<Db>): void {
  it("the database refuses a cycle's weights not totalling 100, on insert and on update", async () => {
    const db = await fresh();
    await expect(cycle(db, '2026-10', { kpi: 70, self: 10, peer: 10, lead: 0 })).rejects.toThrow();
    await expect(cycle(db, '2026-10', { kpi: 100, self: 10, peer: 0, lead: 0 })).rejects.toThrow();
    const id = await cycle(db, '2026-11', MIXED);
    await expect(updateCycle(db, id, { weights: { kpi: 50, self: 10, peer: 10, lead: 10 } }, LATER)).rejects.toThrow();
    await expect(updateCycle(db, id, { state: 'archived' as 'open' }, LATER)).rejects.toThrow();
    expect(await listCycles(db)).toMatchObject([{ period: '2026-11', weights: MIXED, state: 'open', updatedAt: NOW }]);
  });

  it('the database refuses a KPI weight of 0 or over 100, an unknown direction or goal use, on insert and on update', async () => {
    const db = await fresh();
    const o = await org(db);
    await expect(kpi(db, o.agent, 'Zero', { weight: 0 })).rejects.toThrow();
    await expect(kpi(db, o.agent, 'Negative', { weight: -5 })).rejects.toThrow();
    await expect(kpi(db, o.agent, 'Too much', { weight: 100.5 })).rejects.toThrow();
    await expect(kpi(db, o.agent, 'Sideways', { direction: 'sideways' as 'higher' })).rejects.toThrow();
    await expect(kpi(db, o.agent, 'Guess', { goalMetric: 'GMV', goalUse: 'guess' as 'value' })).rejects.toThrow();
    const full = await kpi(db, o.agent, 'Everything', { weight: 100 });
    const k = (await findKpi(db, full))!;
    await expect(updateKpi(db, full, { ...k, weight: 0 }, LATER)).rejects.toThrow();
    expect(await listKpis(db)).toMatchObject([{ id: full, weight: 100, updatedAt: NOW }]);
  });

  it('the database refuses scores out of 0–100 on an evaluation and a peer, and an unknown value source', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await cycle(db, '2026-11', MIXED);
    const e = await evaluation(db, c, o.wu, o.agent, o.sales);
    await expect(updateEvaluation(db, e, { selfScore: 100.5 }, LATER)).rejects.toThrow();
    await expect(updateEvaluation(db, e, { leadScore: -1 }, LATER)).rejects.toThrow();
    await expect(updateEvaluation(db, e, { adjust: 101 }, LATER)).rejects.toThrow();
    await expect(setPeer(db, e, o.li, 101, null, LATER)).rejects.toThrow();
    const i = await insertItem(db, e, itemValues('Sales', 1));
    await expect(setItemValue(db, i, { value: 1, source: 'guess' as 'manual', goalId: null }, 'lead', LATER)).rejects.toThrow();
    expect(await findEvaluation(db, c, o.wu)).toMatchObject({ selfScore: null, leadScore: null, adjust: 0 });
    expect(await listPeers(db, [e])).toEqual([]);
    expect((await listItems(db, [e]))[0]).toMatchObject({ value: null, valueSource: null });
  });
}
