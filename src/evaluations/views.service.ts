/** What evaluations look like: one member's evaluation and trend, a cycle's report, the cycles, and the rewards a cycle gives. Each reads a cycle whole in a fixed number of queries. */
import type { Queryable } from '../db/sql.js';
import { resolveDepartmentId, resolveMemberId } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';
import { closedKpiScores, cycleCounts, findEvaluation, listAppeals, listCycles, listEvaluations, listItems, listPeers, listScoredItems, lockedScores } from './cycles.repository.js';
import { resolveCycle } from './resolve.js';
import { listRewardRules } from './repository.js';
import { ruleApplies, type Grade, type Part, type RewardKind, type RewardRule, type Weights } from './rules/cycle.js';
import type { Appeal, Cycle, CycleState, EvaluationHead } from './rules/evaluation.js';
import { rankCycle, scoreEvaluation, type ItemScore, type Scored } from './rules/evaluate.js';
import { round2 } from './rules/scoring.js';

export type EvaluationState = CycleState | 'appealed';

/** One member's evaluation with its scores (the `evals show --json` shape). */
export interface EvaluationView extends Omit<EvaluationHead, 'kpiScore' | 'finalScore' | 'grade' | 'cycleId'> {
  /** The cycle's first and last day. */
  from: string;
  to: string;
  state: EvaluationState;
  weights: Weights;
  items: ItemScore[];
  peers: { by: string; score: number; comment: string | null }[];
  parts: Record<Part, number | null>;
  finalScore: number | null;
  grade: string | null;
  /** Under appeal: the score and grade as the evaluation now stands, not yet locked. */
  provisional: { finalScore: number | null; grade: string | null } | null;
  rank: number | null;
  departmentRank: number | null;
  /** What the final score still needs: KPI names, then parts (self, peer, lead). */
  missing: string[];
  appeals: Omit<Appeal, 'evaluationId' | 'id'>[];
}

/** One KPI value of a cycle with its score: what a report averages. */
interface KpiPoint {
  departmentId: number | null;
  name: string;
  unit: string | null;
  value: number | null;
  score: number | null;
}

/**
 * Every evaluation of a cycle (of one department, or one member), scored and
 * ranked in the whole cycle: four queries, five with the one member's items
 * in full (the others are scored from a dozen columns and not copied).
 */
async function cycleViews(q: Queryable, cycle: Cycle, f: { departmentId?: number; memberId?: number } = {}, points?: KpiPoint[]): Promise<EvaluationView[]> {
  const heads = await listEvaluations(q, { cycleId: cycle.id });
  const itemsBy = await listScoredItems(q, cycle.id);
  const ids = heads.map((h) => h.id);
  const peers = await listPeers(q, ids);
  const appeals = await listAppeals(q, ids);
  const one = f.memberId !== undefined ? heads.find((h) => h.memberId === f.memberId) : undefined;
  const detail = one ? await listItems(q, [one.id]) : [];
  const peersBy = groupBy(peers, (p) => p.evaluationId);
  const appealsBy = groupBy(appeals, (a) => a.evaluationId);
  const views = heads.map((h): EvaluationView => {
    const mine = h === one;
    const items = mine ? detail : (itemsBy.get(h.id) ?? []);
    const s = scoreEvaluation(h, items, peersBy.get(h.id) ?? [], cycle, mine);
    if (points) items.forEach((i, n) => points.push({ departmentId: h.departmentId, name: i.name, unit: i.unit, value: i.value, score: s.itemScores[n]! }));
    return toView(h, s, appealsBy.get(h.id) ?? [], cycle);
  });
  for (const [v, r] of rankCycle(views)) Object.assign(v, r);
  return views.filter((v) => (f.departmentId === undefined || v.departmentId === f.departmentId) && (f.memberId === undefined || v.memberId === f.memberId));
}

/** One literal per evaluation (a spread of the database's row objects cost a report more than its scoring). */
function toView(h: EvaluationHead, s: Scored, ap: readonly Appeal[], cycle: Cycle): EvaluationView {
    return {
      id: h.id,
      period: h.period,
      memberId: h.memberId,
      handle: h.handle,
      name: h.name,
      roleId: h.roleId,
      role: h.role,
      departmentId: h.departmentId,
      department: h.department,
      selfScore: h.selfScore,
      selfComment: h.selfComment,
      leadScore: h.leadScore,
      leadComment: h.leadComment,
      adjust: h.adjust,
      adjustReason: h.adjustReason,
      reviewer: h.reviewer,
      reviewedAt: h.reviewedAt,
      from: cycle.from,
      to: cycle.to,
      state: ap.some((a) => a.outcome === null) ? 'appealed' : cycle.state,
      weights: cycle.weights,
      items: s.items,
      peers: s.peers.map((p) => ({ by: p.by, score: p.score, comment: p.comment })),
      parts: s.parts,
      // A closed cycle shows what was locked; an appeal's new score is provisional until it is decided.
      finalScore: cycle.state === 'closed' ? h.finalScore : s.finalScore,
      grade: cycle.state === 'closed' ? h.grade : s.grade,
      provisional: cycle.state === 'closed' && ap.some((a) => a.outcome === null) ? { finalScore: s.finalScore, grade: s.grade } : null,
      rank: null,
      departmentRank: null,
      missing: s.missing,
      appeals: ap.map(({ id: _i, evaluationId: _e, ...a }) => a),
    };
}

function groupBy<T>(xs: readonly T[], key: (x: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

export interface TrendPeriod {
  period: string;
  finalScore: number | null;
  grade: string | null;
}

/** The last periods of one member: each KPI's score per period (null where it was not measured or not in the template). */
export interface Trend {
  periods: TrendPeriod[];
  kpis: { name: string; unit: string | null; scores: (number | null)[]; values: (number | null)[] }[];
}

export interface ShowResult {
  evaluation: EvaluationView;
  trend?: Trend;
}

/** A member's evaluation in a period (by default their latest), with the trend of the last N periods when asked. */
export async function showEvaluation(o: ServiceOptions, f: { member: string; period?: string; trend?: number }): Promise<ShowResult> {
  return o.db.snapshot(async (q) => {
    const memberId = await resolveMemberId(q, f.member);
    let cycle: Cycle;
    if (f.period !== undefined) cycle = await resolveCycle(q, f.period);
    else {
      const [latest] = await listEvaluations(q, { memberId, lastPeriods: 1 });
      if (!latest) throw new InputError('evaluations.err.neverEvaluated', { member: f.member.trim() });
      cycle = await resolveCycle(q, latest.period);
    }
    const head = await findEvaluation(q, cycle.id, memberId);
    if (!head) throw new InputError('evaluations.err.notInCycle', { member: f.member.trim(), period: cycle.period });
    const s = scoreEvaluation(head, await listItems(q, [head.id]), await listPeers(q, [head.id]), cycle);
    const evaluation = toView(head, s, await listAppeals(q, [head.id]), cycle);
    // Ranks are the locked scores': a closed cycle's (an open one is ranked as it stands by `evals report`).
    if (cycle.state === 'closed') {
      const locked = await lockedScores(q, cycle.id);
      const ranks = rankCycle(locked);
      Object.assign(evaluation, ranks.get(locked.find((r) => r.id === head.id)!));
    }
    if (f.trend === undefined) return { evaluation };
    // The N periods up to the one shown.
    return { evaluation, trend: await trendOf(q, (await listEvaluations(q, { memberId, toPeriod: cycle.period, lastPeriods: f.trend })).reverse()) };
  });
}

async function trendOf(q: Queryable, heads: readonly EvaluationHead[]): Promise<Trend> {
  const cycles = new Map((await listCycles(q)).map((c) => [c.id, c]));
  const items = await listItems(q, heads.map((h) => h.id));
  const peers = await listPeers(q, heads.map((h) => h.id));
  const names: { name: string; unit: string | null }[] = [];
  const scored = heads.map((h) => {
    const s = scoreEvaluation(h, items.filter((i) => i.evaluationId === h.id), peers.filter((p) => p.evaluationId === h.id), cycles.get(h.cycleId)!);
    for (const i of s.items) if (!names.some((n) => n.name.toLowerCase() === i.name.toLowerCase())) names.push({ name: i.name, unit: i.unit });
    return s;
  });
  return {
    periods: heads.map((h, i) => ({ period: h.period, finalScore: scored[i]!.finalScore, grade: scored[i]!.grade })),
    kpis: names.map((n) => {
      const at = scored.map((s) => s.items.find((i) => i.name.toLowerCase() === n.name.toLowerCase()));
      return { ...n, scores: at.map((i) => i?.score ?? null), values: at.map((i) => i?.value ?? null) };
    }),
  };
}

export interface RankingRow {
  rank: number | null;
  departmentRank: number | null;
  handle: string;
  name: string;
  department: string | null;
  role: string | null;
  kpiScore: number | null;
  finalScore: number | null;
  grade: string | null;
  state: EvaluationState;
}

export interface KpiMean {
  kpi: string;
  unit: string | null;
  /** Evaluations with this KPI. */
  members: number;
  recorded: number;
  meanValue: number | null;
  meanScore: number | null;
}

export interface CycleReport {
  period: string;
  from: string;
  to: string;
  state: CycleState;
  weights: Weights;
  grades: Grade[];
  department: string | null;
  evaluations: number;
  scored: number;
  meanScore: number | null;
  ranking: RankingRow[];
  gradeCounts: { grade: string; count: number }[];
  kpis: KpiMean[];
  missing: { handle: string; name: string; missing: string[] }[];
}

/** Handles are ASCII: a plain comparison, not the locale's (2,000 of them sort in a millisecond). */
const byHandle = (a: { handle: string }, b: { handle: string }) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0);

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));

/** `evals report`: the ranking (ties share a rank), how many got each grade, each KPI's team mean, who is missing data. */
export async function getCycleReport(o: ServiceOptions, f: { period?: string; dept?: string }): Promise<CycleReport> {
  return o.db.snapshot(async (q) => {
    const cycle = await resolveCycle(q, f.period);
    const departmentId = f.dept !== undefined ? await resolveDepartmentId(q, f.dept) : undefined;
    const points: KpiPoint[] = [];
    const views = await cycleViews(q, cycle, departmentId !== undefined ? { departmentId } : {}, points);
    const ranking = [...views].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byHandle(a, b)).map(
      (v): RankingRow => ({ rank: v.rank, departmentRank: v.departmentRank, handle: v.handle, name: v.name, department: v.department, role: v.role, kpiScore: v.parts.kpi, finalScore: v.finalScore, grade: v.grade, state: v.state }),
    );
    const kpis = new Map<string, { kpi: string; unit: string | null; members: number; values: number[]; scores: number[] }>();
    for (const i of points) {
      if (departmentId !== undefined && i.departmentId !== departmentId) continue;
      const k = kpis.get(i.name.toLowerCase()) ?? { kpi: i.name, unit: i.unit, members: 0, values: [], scores: [] };
      k.members++;
      if (i.value !== null) k.values.push(i.value);
      if (i.score !== null) k.scores.push(i.score);
      kpis.set(i.name.toLowerCase(), k);
    }
    const finals = views.map((v) => v.finalScore).filter((s): s is number => s !== null);
    return {
      period: cycle.period,
      from: cycle.from,
      to: cycle.to,
      state: cycle.state,
      weights: cycle.weights,
      grades: cycle.grades,
      department: departmentId !== undefined ? (views[0]?.department ?? f.dept!.trim()) : null,
      evaluations: views.length,
      scored: finals.length,
      meanScore: mean(finals),
      ranking,
      gradeCounts: cycle.grades.map((g) => ({ grade: g.name, count: views.filter((v) => v.grade === g.name).length })),
      kpis: [...kpis.values()].map((k) => ({ kpi: k.kpi, unit: k.unit, members: k.members, recorded: k.values.length, meanValue: mean(k.values), meanScore: mean(k.scores) })),
      missing: views.filter((v) => v.missing.length > 0).map((v) => ({ handle: v.handle, name: v.name, missing: v.missing })),
    };
  });
}

export interface CycleSummary {
  period: string;
  from: string;
  to: string;
  state: CycleState;
  weights: Weights;
  evaluations: number;
  scored: number;
  meanScore: number | null;
  appeals: number;
  closedAt: string | null;
}

/** The cycles, latest first: counts and the mean of the locked scores (the last 12, or all). */
export async function getCycles(o: ServiceOptions, f: { all?: boolean } = {}): Promise<CycleSummary[]> {
  return o.db.snapshot(async (q) => {
    const cycles = (await listCycles(q)).slice(0, f.all ? undefined : 12);
    if (cycles.length === 0) return [];
    const by = await cycleCounts(q, cycles.map((c) => c.id));
    return cycles.map((c) => {
      const n = by.get(c.id);
      return { period: c.period, from: c.from, to: c.to, state: c.state, weights: c.weights, evaluations: n?.n ?? 0, scored: n?.scored ?? 0, meanScore: n?.mean == null ? null : round2(n.mean), appeals: n?.appeals ?? 0, closedAt: c.closedAt };
    });
  });
}

export interface RewardRow {
  handle: string;
  name: string;
  department: string | null;
  role: string | null;
  finalScore: number | null;
  grade: string | null;
  rank: number | null;
  departmentRank: number | null;
  /** null: no rule gave this member anything (they are listed once, so payroll sees everyone). */
  kind: RewardKind | null;
  coefficient: number | null;
  text: string | null;
  /** The rule that gave it: why. */
  rule: Pick<RewardRule, 'id' | 'grade' | 'rankMax' | 'department'> | null;
}

export interface RewardsResult {
  period: string;
  state: CycleState;
  rows: RewardRow[];
}

/**
 * `evals rewards`: what each member gets by the rules (grade, rank in the
 * team or the department) and why; in ranking order. A closed cycle's come
 * from its locked scores and grades (an appeal counts once decided), read
 * without its items; an open one's are scored as they stand (provisional).
 */
export async function getRewards(o: ServiceOptions, f: { period?: string }): Promise<RewardsResult> {
  return o.db.snapshot(async (q) => {
    const cycle = await resolveCycle(q, f.period);
    const scored: (EvaluationHead | EvaluationView)[] = cycle.state === 'closed' ? await listEvaluations(q, { cycleId: cycle.id }) : await cycleViews(q, cycle);
    const ranks = rankCycle(scored);
    const views = scored.map((v) => ({ ...v, ...ranks.get(v)! })).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byHandle(a, b));
    // A closed month pays by the rules of the day it closed: a rule added or removed since changes next month's.
    const rules = await listRewardRules(q, cycle.state === 'closed' && cycle.closedAt !== null ? cycle.closedAt : undefined);
    const rows: RewardRow[] = [];
    for (const v of views) {
      const base = { handle: v.handle, name: v.name, department: v.department, role: v.role, finalScore: v.finalScore, grade: v.grade, rank: v.rank, departmentRank: v.departmentRank };
      const got = rules.filter((r) => ruleApplies(r, v));
      if (got.length === 0) rows.push({ ...base, kind: null, coefficient: null, text: null, rule: null });
      for (const r of got) rows.push({ ...base, kind: r.kind, coefficient: r.coefficient, text: r.text, rule: { id: r.id, grade: r.grade, rankMax: r.rankMax, department: r.department } });
    }
    return { period: cycle.period, state: cycle.state, rows };
  });
}

/** Members' locked KPI scores in the closed cycles that overlap two dates: what training's report compares before and after a course. One query. */
export function getKpiScores(o: ServiceOptions, from: string, to: string): Promise<{ memberId: number; from: string; to: string; kpiScore: number }[]> {
  return closedKpiScores(o.db, from, to);
}
