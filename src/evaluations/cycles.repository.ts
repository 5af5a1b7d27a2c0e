/** Cycles and what is in them: evaluations, their frozen KPIs, peer scores and appeals. Reads take a cycle (or a member) whole in a fixed number of queries. */
import { columnIndex, insertRow, updateRow, type Queryable, type SqlValue } from '../db/sql.js';
import type { EvalItemsRow } from './table.js';
import type { ScoredItem } from './rules/evaluate.js';
import { bandsJson } from './repository.js';
import type { Grade, Weights } from './rules/cycle.js';
import type { Appeal, Cycle, CycleState, EvaluationHead, GoalUse, Item, Peer, ValueSource } from './rules/evaluation.js';
import type { Band, KpiDirection, SeasonPart } from './rules/scoring.js';

const CYCLE_SELECT = `select id, period, from_date as "from", to_date as "to", w_kpi as "wKpi", w_self as "wSelf", w_peer as "wPeer", w_lead as "wLead", grades, state, closed_at as "closedAt", created_at as "createdAt", updated_at as "updatedAt" from eval_cycles`;
type CycleRow = Omit<Cycle, 'weights' | 'grades' | 'state'> & { wKpi: number; wSelf: number; wPeer: number; wLead: number; grades: string; state: string };
const toCycle = ({ wKpi, wSelf, wPeer, wLead, grades, state, ...r }: CycleRow): Cycle => ({ ...r, state: state as CycleState, weights: { kpi: wKpi, self: wSelf, peer: wPeer, lead: wLead }, grades: JSON.parse(grades) as Grade[] });

export async function findCycle(q: Queryable, period: string): Promise<Cycle | undefined> {
  const r = await q.get<CycleRow>(`${CYCLE_SELECT} where period = ?`, [period]);
  return r && toCycle(r);
}

/** Every cycle, latest first (a cycle a month: a few dozen rows in years). */
export async function listCycles(q: Queryable): Promise<Cycle[]> {
  return (await q.all<CycleRow>(`${CYCLE_SELECT} order by period desc`)).map(toCycle);
}

export function insertCycle(tx: Queryable, c: { period: string; from: string; to: string; weights: Weights; grades: readonly Grade[] }, actor: string, now: string): Promise<number> {
  return insertRow(tx, 'eval_cycles', { period: c.period, from_date: c.from, to_date: c.to, w_kpi: c.weights.kpi, w_self: c.weights.self, w_peer: c.weights.peer, w_lead: c.weights.lead, grades: JSON.stringify(c.grades), state: 'open', closed_at: null, actor, created_at: now, updated_at: now });
}

export async function updateCycle(tx: Queryable, id: number, p: { weights?: Weights; grades?: readonly Grade[]; state?: CycleState; closedAt?: string | null }, now: string): Promise<void> {
  await updateRow(tx, 'eval_cycles', id, {
    ...(p.weights && { w_kpi: p.weights.kpi, w_self: p.weights.self, w_peer: p.weights.peer, w_lead: p.weights.lead }),
    ...(p.grades && { grades: JSON.stringify(p.grades) }),
    ...(p.state && { state: p.state }),
    ...(p.closedAt !== undefined && { closed_at: p.closedAt }),
    updated_at: now,
  });
}

export async function setOpenCyclesGrades(tx: Queryable, grades: readonly Grade[], now: string): Promise<void> {
  await tx.run("update eval_cycles set grades = ?, updated_at = ? where state = 'open'", [JSON.stringify(grades), now]);
}

const EVAL_SELECT = `select e.id, e.cycle_id as "cycleId", c.period, e.member_id as "memberId", m.handle, m.name, e.role_id as "roleId", r.name as role, e.department_id as "departmentId", d.name as department,
    e.self_score as "selfScore", e.self_comment as "selfComment", e.lead_score as "leadScore", e.lead_comment as "leadComment", e.adjust, e.adjust_reason as "adjustReason",
    e.reviewer, e.reviewed_at as "reviewedAt", e.kpi_score as "kpiScore", e.final_score as "finalScore", e.grade
  from eval_evaluations e join eval_cycles c on c.id = e.cycle_id join members m on m.id = e.member_id left join roles r on r.id = e.role_id left join departments d on d.id = e.department_id`;

export interface EvaluationScope {
  cycleId?: number;
  memberId?: number;
  departmentId?: number;
  /** The latest N cycles of the member (with memberId). */
  lastPeriods?: number;
  /** Cycles up to this period. */
  toPeriod?: string;
}

/** Evaluations in scope, by period then handle. */
export async function listEvaluations(q: Queryable, s: EvaluationScope): Promise<EvaluationHead[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, v: SqlValue) => {
    where.push(sql);
    params.push(v);
  };
  if (s.cycleId !== undefined) add('e.cycle_id = ?', s.cycleId);
  if (s.memberId !== undefined) add('e.member_id = ?', s.memberId);
  if (s.departmentId !== undefined) add('e.department_id = ?', s.departmentId);
  if (s.toPeriod !== undefined) add('c.period <= ?', s.toPeriod);
  const order = s.lastPeriods !== undefined ? ` order by c.period desc limit ${Math.trunc(s.lastPeriods)}` : ' order by c.period, m.handle';
  return q.all<EvaluationHead>(`${EVAL_SELECT}${where.length ? ` where ${where.join(' and ')}` : ''}${order}`, params);
}

export async function findEvaluation(q: Queryable, cycleId: number, memberId: number): Promise<EvaluationHead | undefined> {
  return q.get<EvaluationHead>(`${EVAL_SELECT} where e.cycle_id = ? and e.member_id = ?`, [cycleId, memberId]);
}

/** The members of a cycle who have an evaluation in it. */
export async function evaluatedMemberIds(q: Queryable, cycleId: number): Promise<Set<number>> {
  return new Set((await q.all<{ id: number }>('select member_id as id from eval_evaluations where cycle_id = ?', [cycleId])).map((r) => r.id));
}

/** Per cycle: evaluations, locked scores, their mean, evaluations ever appealed. One grouped query. */
export async function cycleCounts(q: Queryable, cycleIds: readonly number[]): Promise<Map<number, { n: number; scored: number; mean: number | null; appeals: number }>> {
  const rows = await q.all<{ cycleId: number; n: number; scored: number; mean: number | null; appeals: number }>(
    `select e.cycle_id as "cycleId", count(*) as n, count(e.final_score) as scored, avg(e.final_score) as mean, sum(case when exists (select 1 from eval_appeals a where a.evaluation_id = e.id) then 1 else 0 end) as appeals
       from eval_evaluations e where e.cycle_id in (${cycleIds.map(() => '?').join(', ')}) group by e.cycle_id`,
    [...cycleIds],
  );
  return new Map(rows.map((r) => [r.cycleId, r]));
}

/** A cycle's stored (locked) final scores with departments: what ranks a closed cycle. One light query. */
export async function lockedScores(q: Queryable, cycleId: number): Promise<{ id: number; departmentId: number | null; finalScore: number | null }[]> {
  return q.all('select id, department_id as "departmentId", final_score as "finalScore" from eval_evaluations where cycle_id = ?', [cycleId]);
}

export function insertEvaluation(tx: Queryable, e: { cycleId: number; memberId: number; roleId: number | null; departmentId: number | null }, now: string): Promise<number> {
  return insertRow(tx, 'eval_evaluations', {
    cycle_id: e.cycleId,
    member_id: e.memberId,
    role_id: e.roleId,
    department_id: e.departmentId,
    self_score: null,
    self_comment: null,
    self_at: null,
    lead_score: null,
    lead_comment: null,
    adjust: 0,
    adjust_reason: null,
    reviewer: null,
    reviewed_at: null,
    kpi_score: null,
    final_score: null,
    grade: null,
    created_at: now,
    updated_at: now,
  });
}

export interface EvaluationPatch {
  selfScore?: number | null;
  selfComment?: string | null;
  leadScore?: number | null;
  leadComment?: string | null;
  adjust?: number;
  adjustReason?: string | null;
  reviewer?: string;
  kpiScore?: number | null;
  finalScore?: number | null;
  grade?: string | null;
}

export async function updateEvaluation(tx: Queryable, id: number, p: EvaluationPatch, now: string): Promise<void> {
  await updateRow(tx, 'eval_evaluations', id, {
    ...(p.selfScore !== undefined && { self_score: p.selfScore, self_at: now }),
    ...(p.selfComment !== undefined && { self_comment: p.selfComment, self_at: now }),
    ...(p.leadScore !== undefined && { lead_score: p.leadScore }),
    ...(p.leadComment !== undefined && { lead_comment: p.leadComment }),
    ...(p.adjust !== undefined && { adjust: p.adjust }),
    ...(p.adjustReason !== undefined && { adjust_reason: p.adjustReason }),
    ...(p.reviewer !== undefined && { reviewer: p.reviewer, reviewed_at: now }),
    ...(p.kpiScore !== undefined && { kpi_score: p.kpiScore }),
    ...(p.finalScore !== undefined && { final_score: p.finalScore }),
    ...(p.grade !== undefined && { grade: p.grade }),
    updated_at: now,
  });
}

const ITEM_SELECT = `select i.id, i.evaluation_id, i.kpi_id, i.position, i.name, i.unit, i.direction, i.target, i.target_high, i.threshold, i.threshold_high,
    i.bands, i.weight, i.source, i.goal_metric, i.goal_use, i.seasons, i.value, i.value_source, i.goal_id, i.recorded_at from eval_items i`;
type ItemRow = Omit<EvalItemsRow, 'actor'>;
/**
 * The JSON of a read, parsed once per distinct text: a cycle's 12,000 items
 * share the few bands and season shares of their roles' KPIs, and parsing
 * each row's copy was most of a report's time. The values are never mutated.
 */
function jsonMemo<T>(): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) seen.set(text, (v = JSON.parse(text) as T));
    return v;
  };
}

/**
 * Items from rows as arrays, each built as one literal: a cycle is 12,000 of
 * them, and row objects spread into items cost more than the query.
 */
function toItems(res: { columns: string[]; rows: SqlValue[][] }): Item[] {
  const c = columnIndex<ItemRow>(res.columns);
  const bands = jsonMemo<Band[]>();
  const seasons = jsonMemo<SeasonPart[]>();
  return res.rows.map((r) => ({
    id: r[c.id] as number,
    evaluationId: r[c.evaluation_id] as number,
    kpiId: r[c.kpi_id] as number | null,
    position: r[c.position] as number,
    name: r[c.name] as string,
    unit: r[c.unit] as string | null,
    direction: r[c.direction] as KpiDirection,
    target: r[c.target] as number,
    targetHigh: r[c.target_high] as number | null,
    threshold: r[c.threshold] as number | null,
    thresholdHigh: r[c.threshold_high] as number | null,
    bands: r[c.bands] === null ? null : bands(r[c.bands] as string),
    weight: r[c.weight] as number,
    source: r[c.source] as string | null,
    goalMetric: r[c.goal_metric] as string | null,
    goalUse: r[c.goal_use] as GoalUse | null,
    seasons: r[c.seasons] === null ? [] : seasons(r[c.seasons] as string),
    value: r[c.value] as number | null,
    valueSource: r[c.value_source] as ValueSource | null,
    goalId: r[c.goal_id] as number | null,
    recordedAt: r[c.recorded_at] as string | null,
  }));
}

const LEAN_SELECT = `select i.evaluation_id, i.name, i.unit, i.direction, i.target, i.target_high, i.threshold, i.threshold_high, i.bands, i.weight, i.seasons, i.value
  from eval_items i join eval_evaluations e on e.id = i.evaluation_id where e.cycle_id = ? order by i.evaluation_id, i.position`;

/** What a report scores of a cycle's items, by evaluation: a dozen columns of 12,000 rows, one query. */
export async function listScoredItems(q: Queryable, cycleId: number): Promise<Map<number, ScoredItem[]>> {
  const res = await q.tuples(LEAN_SELECT, [cycleId]);
  const c = columnIndex<ItemRow>(res.columns);
  const bands = jsonMemo<Band[]>();
  const seasons = jsonMemo<SeasonPart[]>();
  const out = new Map<number, ScoredItem[]>();
  for (const r of res.rows) {
    const item: ScoredItem = {
      name: r[c.name] as string,
      unit: r[c.unit] as string | null,
      direction: r[c.direction] as KpiDirection,
      target: r[c.target] as number,
      targetHigh: r[c.target_high] as number | null,
      threshold: r[c.threshold] as number | null,
      thresholdHigh: r[c.threshold_high] as number | null,
      bands: r[c.bands] === null ? null : bands(r[c.bands] as string),
      weight: r[c.weight] as number,
      seasons: r[c.seasons] === null ? [] : seasons(r[c.seasons] as string),
      value: r[c.value] as number | null,
    };
    const id = r[c.evaluation_id] as number;
    const list = out.get(id);
    if (list) list.push(item);
    else out.set(id, [item]);
  }
  return out;
}

/** The items of the evaluations in scope: one query (a join on the same scope as listEvaluations). */
export async function listItems(q: Queryable, evaluationIds: readonly number[] | { cycleId: number }): Promise<Item[]> {
  if (Array.isArray(evaluationIds)) {
    if (evaluationIds.length === 0) return [];
    return toItems(await q.tuples(`${ITEM_SELECT} where i.evaluation_id in (${evaluationIds.map(() => '?').join(', ')}) order by i.evaluation_id, i.position`, [...evaluationIds]));
  }
  const { cycleId } = evaluationIds as { cycleId: number };
  return toItems(await q.tuples(`${ITEM_SELECT} join eval_evaluations e on e.id = i.evaluation_id where e.cycle_id = ? order by i.evaluation_id, i.position`, [cycleId]));
}

export interface ItemValues {
  kpiId: number | null;
  position: number;
  name: string;
  unit: string | null;
  direction: KpiDirection;
  target: number;
  targetHigh: number | null;
  threshold: number | null;
  thresholdHigh: number | null;
  bands: readonly Band[] | null;
  weight: number;
  source: string | null;
  goalMetric: string | null;
  goalUse: GoalUse | null;
  seasons: readonly SeasonPart[];
}

export function insertItem(tx: Queryable, evaluationId: number, i: ItemValues): Promise<number> {
  return insertRow(tx, 'eval_items', {
    evaluation_id: evaluationId,
    kpi_id: i.kpiId,
    position: i.position,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    target: i.target,
    target_high: i.targetHigh,
    threshold: i.threshold,
    threshold_high: i.thresholdHigh,
    bands: bandsJson(i.bands),
    weight: i.weight,
    source: i.source,
    goal_metric: i.goalMetric,
    goal_use: i.goalUse,
    seasons: i.seasons.length ? JSON.stringify(i.seasons) : null,
    value: null,
    value_source: null,
    goal_id: null,
    recorded_at: null,
    actor: null,
  });
}

export async function setItemValue(tx: Queryable, id: number, v: { value: number | null; source: ValueSource | null; goalId: number | null }, actor: string, now: string): Promise<void> {
  await updateRow(tx, 'eval_items', id, { value: v.value, value_source: v.source, goal_id: v.goalId, recorded_at: now, actor });
  await insertRow(tx, 'eval_item_values', { item_id: id, value: v.value, value_source: v.source, goal_id: v.goalId, recorded_at: now, actor });
}

export async function listPeers(q: Queryable, evaluationIds: readonly number[]): Promise<Peer[]> {
  if (evaluationIds.length === 0) return [];
  return q.all<Peer>(
    `select p.evaluation_id as "evaluationId", p.by_member_id as "byMemberId", m.handle as by, p.score, p.comment from eval_peers p join members m on m.id = p.by_member_id where p.evaluation_id in (${evaluationIds.map(() => '?').join(', ')}) order by m.handle`,
    [...evaluationIds],
  );
}

export async function setPeer(tx: Queryable, evaluationId: number, byMemberId: number, score: number, comment: string | null, now: string): Promise<void> {
  await tx.run('insert into eval_peers (evaluation_id, by_member_id, score, comment, created_at) values (?, ?, ?, ?, ?) on conflict (evaluation_id, by_member_id) do update set score = excluded.score, comment = excluded.comment, created_at = excluded.created_at', [evaluationId, byMemberId, score, comment, now]);
}

const APPEAL_SELECT = `select id, evaluation_id as "evaluationId", reason, filed_on as "filedOn", outcome, old_score as "oldScore", old_grade as "oldGrade", new_score as "newScore", new_grade as "newGrade", note, decided_at as "decidedAt" from eval_appeals`;

export async function listAppeals(q: Queryable, evaluationIds: readonly number[]): Promise<Appeal[]> {
  if (evaluationIds.length === 0) return [];
  return q.all<Appeal>(`${APPEAL_SELECT} where evaluation_id in (${evaluationIds.map(() => '?').join(', ')}) order by id`, [...evaluationIds]);
}

export function insertAppeal(tx: Queryable, a: { evaluationId: number; reason: string; filedOn: string; oldScore: number | null; oldGrade: string | null }, actor: string, now: string): Promise<number> {
  return insertRow(tx, 'eval_appeals', { evaluation_id: a.evaluationId, reason: a.reason, filed_on: a.filedOn, actor, outcome: null, old_score: a.oldScore, old_grade: a.oldGrade, new_score: null, new_grade: null, note: null, decided_at: null, created_at: now });
}

export async function decideAppeal(tx: Queryable, id: number, d: { outcome: 'upheld' | 'changed'; newScore: number | null; newGrade: string | null; note: string | null }, now: string): Promise<void> {
  await updateRow(tx, 'eval_appeals', id, { outcome: d.outcome, new_score: d.newScore, new_grade: d.newGrade, note: d.note, decided_at: now });
}

/** Members' locked KPI scores in the closed cycles that end between two dates (training's effect): one query. */
export async function closedKpiScores(q: Queryable, from: string, to: string): Promise<{ memberId: number; from: string; to: string; kpiScore: number }[]> {
  return q.all(
    `select e.member_id as "memberId", c.from_date as "from", c.to_date as "to", e.kpi_score as "kpiScore" from eval_cycles c join eval_evaluations e on e.cycle_id = c.id
      where c.state = 'closed' and c.to_date >= ? and c.from_date <= ? and e.kpi_score is not null order by e.member_id, c.from_date`,
    [from, to],
  );
}
