/**
 * A cycle's life: open (one evaluation per active member, their role's KPIs
 * frozen in), record and import values, self, peer and lead scores, close
 * (scores and grades locked), appeal and decide (one evaluation reopened,
 * its outcome kept). Every write is one transaction.
 */
import type { Queryable } from '../db/sql.js';
import { getGoals } from '../goals/public.js';
import { getActiveMembers, resolveDepartmentId, resolveMemberId, resolveRoleId } from '../org/public.js';
import { InputError, label, NotFoundError, type Label } from '../shared/errors.js';
import { PART_LABEL } from './labels.js';
import { closestMatch, matchByName } from '../shared/match.js';
import { mapSeq, stamp, type ServiceOptions } from '../shared/service.js';
import { decideAppeal, evaluatedMemberIds, findCycle, findEvaluation, insertAppeal, insertCycle, insertEvaluation, insertItem, listAppeals, listCycles, listEvaluations, listItems, listPeers, setItemValue, updateCycle, updateEvaluation } from './cycles.repository.js';
import { listKpis, listSeasons } from './repository.js';
import { DEFAULT_WEIGHTS, isPart, seasonDays, type Period, type Weights } from './rules/cycle.js';
import type { AppealOutcome, Cycle, EvaluationHead, Item, Kpi, Season } from './rules/evaluation.js';
import { scoreEvaluation } from './rules/evaluate.js';
import { overrideRule, type SeasonPart } from './rules/scoring.js';
import { readGrades } from './settings.service.js';
import { requirePeriod, resolveCycle } from './resolve.js';
import { compareText } from '../shared/order.js';


/** What goals say of the period: each member's goal value by metric (a goal due in the month; a month goal first). Read before a write's transaction. */
export type GoalValues = Map<string, { goalId: number; value: number; progressPct: number | null }>;
const goalKey = (memberId: number, metric: string) => `${memberId}|${metric.trim().toLowerCase()}`;

export async function readGoalValues(o: ServiceOptions, p: Pick<Period, 'from' | 'to'>): Promise<GoalValues> {
  const out: GoalValues = new Map();
  // Closed goals too (a lead closes the month's goals before the month's evaluation), archived ones not.
  const goals = (await getGoals(o, { all: true, dueAfter: p.from, dueBefore: p.to })).filter((g) => g.ownerType === 'member' && g.ownerId !== null && g.metric !== null && g.value !== null && !g.draft && g.archivedAt === null);
  // A goal that starts in the month (the month's own) before a longer one that ends in it; then the later due date.
  goals.sort((a, b) => Number((b.start ?? '') >= p.from) - Number((a.start ?? '') >= p.from) || compareText(b.due ?? '', a.due ?? '') || a.id - b.id);
  for (const g of goals) {
    const k = goalKey(g.ownerId!, g.metric!);
    if (!out.has(k)) out.set(k, { goalId: g.id, value: g.value!, progressPct: g.progressPct });
  }
  return out;
}

/** Fills the values of the KPIs that come from goals (unless the lead recorded one by hand); how many changed. */
async function applyGoalValues(tx: Queryable, o: ServiceOptions, cycle: Cycle, goals: GoalValues, only?: ReadonlySet<number>): Promise<number> {
  if (goals.size === 0) return 0;
  const heads = new Map((await listEvaluations(tx, { cycleId: cycle.id })).map((e) => [e.id, e]));
  let changed = 0;
  for (const i of await listItems(tx, { cycleId: cycle.id })) {
    if (i.goalMetric === null || i.valueSource === 'manual' || i.valueSource === 'import') continue;
    if (only && !only.has(i.evaluationId)) continue;
    const g = goals.get(goalKey(heads.get(i.evaluationId)!.memberId, i.goalMetric));
    const value = g && (i.goalUse === 'attainment' ? g.progressPct : g.value);
    if (!g || value === null || value === undefined || (value === i.value && g.goalId === i.goalId)) continue;
    await setItemValue(tx, i.id, { value, source: 'goal', goalId: g.goalId }, o.actor, stamp(o.now));
    changed++;
  }
  return changed;
}

/** The share of each season in the cycle for one KPI, with the rule it scores by. */
function seasonParts(k: Kpi, seasons: readonly Season[], p: Period): SeasonPart[] {
  const out: SeasonPart[] = [];
  for (const s of seasons) {
    const days = seasonDays(s, p.from, p.to);
    if (days === 0) continue;
    const matches = s.overrides.filter((x) => x.kpi.toLowerCase() === k.name.toLowerCase() && (x.roleId === null || x.roleId === k.roleId));
    const o = matches.find((x) => x.roleId !== null) ?? matches[0];
    if (o) out.push({ season: s.name, days, rule: overrideRule(k, o) });
  }
  return out;
}

export interface OpenInput {
  period: string;
  dept?: string;
  roles?: readonly string[];
  weights?: Weights;
}

export interface OpenResult {
  cycle: Cycle;
  /** Handles of the members whose evaluation this opened. */
  added: string[];
  /** Members in scope with no role (nothing to evaluate them by). */
  noRole: string[];
  /** Members in scope whose role has no KPIs yet. */
  noKpis: string[];
  /** Members in scope hired after the month. */
  notHired: string[];
  /** The weights of a cycle already open were changed. */
  weightsChanged: boolean;
  /** Values filled from goals. */
  fromGoals: number;
}

export async function openCycle(o: ServiceOptions, input: OpenInput): Promise<OpenResult> {
  const p = requirePeriod(input.period);
  if (p.from > o.today) throw new InputError('evaluations.err.futurePeriod', { period: p.period });
  const goals = await readGoalValues(o, p);
  return o.db.transaction(async (tx) => {
    const now = stamp(o.now);
    const existing = await findCycle(tx, p.period);
    if (existing?.state === 'closed') throw new InputError('evaluations.err.cycleClosed', { period: p.period });
    const departmentId = input.dept !== undefined ? await resolveDepartmentId(tx, input.dept) : undefined;
    const roleIds = input.roles && (await mapSeq(input.roles, (r) => resolveRoleId(tx, r)));
    const inScope = (await getActiveMembers(tx)).filter((m) => (departmentId === undefined || m.departmentId === departmentId) && (roleIds === undefined || (m.roleId !== null && roleIds.includes(m.roleId))));
    // Nobody is evaluated for a month before they joined.
    const notHired = inScope.filter((m) => m.hireDate !== null && m.hireDate > p.to);
    const members = inScope.filter((m) => !notHired.includes(m));
    const cycleId = existing?.id ?? (await insertCycle(tx, { ...p, weights: input.weights ?? DEFAULT_WEIGHTS, grades: await readGrades(tx) }, o.actor, now));
    if (existing && input.weights) await updateCycle(tx, cycleId, { weights: input.weights }, now);
    const already = existing ? await evaluatedMemberIds(tx, cycleId) : new Set<number>();
    const todo = members.filter((m) => !already.has(m.id));
    const kpis = await listKpis(tx, { roleIds: [...new Set(todo.filter((m) => m.roleId !== null).map((m) => m.roleId!))] });
    const byRole = new Map<number, Kpi[]>();
    for (const k of kpis) byRole.set(k.roleId, [...(byRole.get(k.roleId) ?? []), k]);
    // Members whose role has no KPIs are left out (and said so); a role's KPIs are usable only when their weights total 100.
    const withRole = todo.filter((m) => m.roleId !== null && byRole.has(m.roleId));
    for (const m of withRole) {
      const total = Math.round((byRole.get(m.roleId!) ?? []).reduce((s, k) => s + k.weight, 0) * 100) / 100;
      if (total !== 100) throw new InputError('evaluations.err.roleWeightsTotal', { role: m.role!, total });
    }
    const seasons = await listSeasons(tx);
    const added = new Set<number>();
    for (const m of withRole) {
      const evaluationId = await insertEvaluation(tx, { cycleId, memberId: m.id, roleId: m.roleId, departmentId: m.departmentId }, now);
      added.add(evaluationId);
      for (const [position, k] of byRole.get(m.roleId!)!.entries()) {
        await insertItem(tx, evaluationId, { kpiId: k.id, position, name: k.name, unit: k.unit, direction: k.direction, target: k.target, targetHigh: k.targetHigh, threshold: k.threshold, thresholdHigh: k.thresholdHigh, bands: k.bands, weight: k.weight, source: k.source, goalMetric: k.goalMetric, goalUse: k.goalUse, seasons: seasonParts(k, seasons, p) });
      }
    }
    const cycle = (await findCycle(tx, p.period))!;
    const fromGoals = await applyGoalValues(tx, o, cycle, goals, added);
    return { cycle, weightsChanged: existing !== undefined && input.weights !== undefined && !sameWeights(existing.weights, input.weights), notHired: notHired.filter((m) => !already.has(m.id)).map((m) => m.handle), added: withRole.map((m) => m.handle), noRole: todo.filter((m) => m.roleId === null).map((m) => m.handle), noKpis: todo.filter((m) => m.roleId !== null && !byRole.has(m.roleId)).map((m) => m.handle), fromGoals };
  });
}

const sameWeights = (a: Weights, b: Weights) => a.kpi === b.kpi && a.self === b.self && a.peer === b.peer && a.lead === b.lead;

interface Target {
  cycle: Cycle;
  head: EvaluationHead;
  /** Set while an appeal is open: the one evaluation of a closed cycle that may change. */
  appealId: number | null;
}

/** A member's evaluation in the cycle, for a write: the cycle open, or an appeal of this evaluation open. */
export async function writableEvaluation(q: Queryable, member: string, period: string | undefined): Promise<Target> {
  const cycle = await resolveCycle(q, period);
  const head = await evaluationOf(q, cycle, member);
  const open = (await listAppeals(q, [head.id])).find((a) => a.outcome === null);
  if (cycle.state === 'closed' && !open) throw new InputError('evaluations.err.cycleClosed', { period: cycle.period });
  return { cycle, head, appealId: open?.id ?? null };
}

async function evaluationOf(q: Queryable, cycle: Cycle, member: string): Promise<EvaluationHead> {
  const memberId = await resolveMemberId(q, member);
  const head = await findEvaluation(q, cycle.id, memberId);
  if (!head) throw new InputError('evaluations.err.notInCycle', { member: member.trim(), period: cycle.period });
  return head;
}

export function itemOf(items: readonly Item[], kpi: string): Item {
  const s = kpi.trim();
  const m = matchByName(s, items, (i) => [i.name]);
  if (m.kind === 'one') return m.item;
  if (m.kind === 'several') throw new InputError('evaluations.err.kpiSeveral', { input: s, names: m.items.map((i) => i.name) });
  throw new NotFoundError('evaluations.kind.kpi', s, closestMatch(s, items.map((i) => i.name)));
}

/** Scores and grades every evaluation of the cycle as it stands, and stores them. */
async function lockScores(tx: Queryable, cycle: Cycle, now: string, only?: number): Promise<{ handle: string; missing: string[] }[]> {
  const heads = (await listEvaluations(tx, { cycleId: cycle.id })).filter((h) => only === undefined || h.id === only);
  const items = await listItems(tx, only !== undefined ? [only] : { cycleId: cycle.id });
  const peers = await listPeers(tx, heads.map((h) => h.id));
  const missing: { handle: string; missing: string[] }[] = [];
  for (const h of heads) {
    const s = scoreEvaluation(h, items.filter((i) => i.evaluationId === h.id), peers.filter((p) => p.evaluationId === h.id), cycle);
    if (s.missing.length) missing.push({ handle: h.handle, missing: s.missing });
    await updateEvaluation(tx, h.id, { kpiScore: s.parts.kpi, finalScore: s.finalScore, grade: s.grade }, now);
  }
  return missing;
}

export interface CloseResult {
  cycle: Cycle;
  scored: number;
  /** Evaluations closed without a final score (with --allow-missing). */
  missing: { handle: string; missing: string[] }[];
}

/** Locks the cycle: values from goals brought up to date, scores and grades stored. Missing data refuses unless allowed. */
export async function closeCycle(o: ServiceOptions, f: { period?: string; allowMissing?: boolean; early?: boolean }): Promise<CloseResult> {
  const p = requirePeriod(f.period ?? (await onlyOpenCycle(o.db)));
  // Closing is for good (only appeals reopen one evaluation): a month not yet over is closed only when asked.
  if (o.today < p.to && !f.early) throw new InputError('evaluations.err.closeEarly', { period: p.period, to: p.to });
  const goals = await readGoalValues(o, p);
  return o.db.transaction(async (tx) => {
    const cycle = await resolveCycle(tx, p.period);
    if (cycle.state === 'closed') throw new InputError('evaluations.err.alreadyClosed', { period: cycle.period });
    await applyGoalValues(tx, o, cycle, goals);
    const now = stamp(o.now);
    const missing = await lockScores(tx, cycle, now);
    if (missing.length && !f.allowMissing) {
      const first = missing[0]!;
      throw new InputError('evaluations.err.closeMissing', { period: cycle.period, count: missing.length, member: first.handle, missing: first.missing.map(partLabel) });
    }
    await updateCycle(tx, cycle.id, { state: 'closed', closedAt: now }, now);
    const total = (await listEvaluations(tx, { cycleId: cycle.id })).length;
    return { cycle: (await findCycle(tx, cycle.period))!, scored: total - missing.length, missing };
  });
}

/** A missing part (self, peer, lead) as a label, said in the reader's words; a KPI by its name. */
const partLabel = (x: string): string | Label => (isPart(x) ? label(PART_LABEL[x]) : x);

/** The period of the one open cycle: closing without --period closes it, and only when there is no doubt which. */
async function onlyOpenCycle(q: Queryable): Promise<string> {
  const open = (await listCycles(q)).filter((c) => c.state === 'open');
  if (open.length === 1) return open[0]!.period;
  if (open.length === 0) throw new InputError('evaluations.err.noOpenCycle', {});
  throw new InputError('evaluations.err.whichCycle', { periods: open.map((c) => c.period) });
}

/** Brings the values that come from goals up to date in an open cycle (close does it too). */
export async function pullGoalValues(o: ServiceOptions, period?: string): Promise<{ period: string; changed: number }> {
  const cycle = await resolveCycle(o.db, period);
  if (cycle.state === 'closed') throw new InputError('evaluations.err.cycleClosed', { period: cycle.period });
  const goals = await readGoalValues(o, cycle);
  return o.db.transaction(async (tx) => ({ period: cycle.period, changed: await applyGoalValues(tx, o, cycle, goals) }));
}

/** Reopens one evaluation of a closed cycle for an appeal: its values and review may change until the appeal is decided. */
export async function fileAppeal(o: ServiceOptions, a: { member: string; period: string; reason: string }): Promise<{ period: string; handle: string; score: number | null; grade: string | null }> {
  if (!a.reason.trim()) throw new InputError('evaluations.err.appealReason', {});
  return o.db.transaction(async (tx) => {
    const cycle = await resolveCycle(tx, a.period);
    if (cycle.state !== 'closed') throw new InputError('evaluations.err.appealOpenCycle', { period: cycle.period });
    const head = await evaluationOf(tx, cycle, a.member);
    if ((await listAppeals(tx, [head.id])).some((x) => x.outcome === null)) throw new InputError('evaluations.err.appealPending', { member: head.handle, period: cycle.period });
    await insertAppeal(tx, { evaluationId: head.id, reason: a.reason.trim(), filedOn: o.today, oldScore: head.finalScore, oldGrade: head.grade }, o.actor, stamp(o.now));
    return { period: cycle.period, handle: head.handle, score: head.finalScore, grade: head.grade };
  });
}

/** Decides an appeal: upheld (the score stands as it was) or changed (the new score and grade are locked). */
export async function decideAppealOutcome(o: ServiceOptions, d: { member: string; period: string; outcome: AppealOutcome; note?: string }): Promise<{ period: string; handle: string; outcome: AppealOutcome; oldScore: number | null; newScore: number | null; oldGrade: string | null; newGrade: string | null }> {
  return o.db.transaction(async (tx) => {
    const cycle = await resolveCycle(tx, d.period);
    const head = await evaluationOf(tx, cycle, d.member);
    const open = (await listAppeals(tx, [head.id])).find((x) => x.outcome === null);
    if (!open) throw new InputError('evaluations.err.noAppeal', { member: head.handle, period: cycle.period });
    const now = stamp(o.now);
    await lockScores(tx, cycle, now, head.id);
    const after = (await findEvaluation(tx, cycle.id, head.memberId))!;
    if (d.outcome === 'upheld' && after.finalScore !== open.oldScore) throw new InputError('evaluations.err.upheldChanged', { old: open.oldScore ?? '—', new: after.finalScore ?? '—' });
    if (d.outcome === 'changed' && after.finalScore === open.oldScore) throw new InputError('evaluations.err.changedSame', { score: open.oldScore ?? '—' });
    await decideAppeal(tx, open.id, { outcome: d.outcome, newScore: after.finalScore, newGrade: after.grade, note: d.note?.trim() || null }, now);
    return { period: cycle.period, handle: head.handle, outcome: d.outcome, oldScore: open.oldScore, newScore: after.finalScore, oldGrade: open.oldGrade, newGrade: after.grade };
  });
}
