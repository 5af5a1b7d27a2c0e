/** Reading goals: evaluation (roll-up + forecast), list, show, tree. */
import type { Outcome, ReviewKind } from './labels.js';
import { eachCheckinPoint, listCheckins, listDescendants, listEvents, listGoals, listReviews, findGoalById, type GoalFilter } from './repository.js';
import type { Queryable } from '../db/sql.js';
import { evaluateGoal, type Evaluation, type GoalStatus, type Point } from './rules/evaluate.js';
import { roundTo, type Goal, type GoalView } from './rules/goal.js';
import { sparkline } from './rules/progress.js';
import type { ServiceOptions } from '../shared/service.js';
import { lintGoal, type SmartVerdict } from './smart.service.js';
import { resolveDepartmentId } from '../org/public.js';
import { resolveGoalId, resolveOwner } from './resolve.js';

export interface Evaluated {
  views: Map<number, GoalView>;
  series: Map<number, Point[]>;
  childrenOf: Map<number, Goal[]>;
}

/**
 * Evaluates `goals` and everything below them with two queries: the
 * descendants (recursive) of the parents whose children are not all among
 * `goals` already, then the check-ins of the leaves (one query however many).
 */
export async function evaluateGoals(q: Queryable, goals: readonly Goal[], today: string): Promise<Evaluated> {
  const given = new Map<number, number>();
  for (const g of goals) if (g.parentId !== null) given.set(g.parentId, (given.get(g.parentId) ?? 0) + 1);
  const descendants = await listDescendants(q, goals.filter((g) => g.childCount > (given.get(g.id) ?? 0)).map((g) => g.id));
  const all = new Map<number, Goal>();
  for (const g of goals) all.set(g.id, g);
  for (const g of descendants) all.set(g.id, g);
  const leaves: number[] = [];
  for (const g of all.values()) if (g.childCount === 0) leaves.push(g.id);
  const checkins = await checkinSeries(q, leaves);
  const childrenOf = new Map<number, Goal[]>();
  for (const g of all.values()) {
    if (g.parentId === null || !all.has(g.parentId)) continue;
    const siblings = childrenOf.get(g.parentId);
    if (siblings) siblings.push(g);
    else childrenOf.set(g.parentId, [g]);
  }
  const views = new Map<number, GoalView>();
  const series = new Map<number, Point[]>();
  const visit = (g: Goal): GoalView => {
    const done = views.get(g.id);
    if (done) return done;
    const kids = childrenOf.get(g.id);
    const kidInputs = kids?.map((k) => {
      const v = visit(k);
      return { series: series.get(k.id) ?? [], target: k.target ?? 0, ...(k.weight !== null && { weight: k.weight }), value: v.value };
    });
    const e = evaluateGoal(g, checkins.get(g.id) ?? [], kidInputs ?? null, today);
    series.set(g.id, e.series);
    const view = viewOf(g, e);
    views.set(g.id, view);
    return view;
  };
  for (const g of all.values()) visit(g);
  return { views, series, childrenOf };
}

/**
 * Each goal's check-ins as a series: one point per date (the last recorded
 * wins), oldest first, from rows the database already ordered that way.
 */
async function checkinSeries(q: Queryable, goalIds: readonly number[]): Promise<Map<number, Point[]>> {
  const byGoal = new Map<number, Point[]>();
  let id = -1;
  let points: Point[] = [];
  await eachCheckinPoint(q, goalIds, (goalId, date, value) => {
    if (goalId !== id) {
      id = goalId;
      points = [];
      byGoal.set(id, points);
    }
    const last = points[points.length - 1];
    if (last && last.date === date) last.value = value;
    else points.push({ date, value });
  });
  return byGoal;
}

/**
 * A goal with its evaluation, rounded for display. Written out field by field
 * (the Goal's order, then the evaluation's) rather than spread: one object of
 * one shape for every goal, which is what makes a 20,000-goal list cheap.
 */
function viewOf(g: Goal, e: Evaluation): GoalView {
  return {
    id: g.id,
    title: g.title,
    ownerType: g.ownerType,
    ownerId: g.ownerId,
    owner: g.owner,
    ownerName: g.ownerName,
    metric: g.metric,
    unit: g.unit,
    kind: g.kind,
    decimals: g.decimals,
    baseline: g.baseline,
    target: g.target,
    direction: g.direction,
    start: g.start,
    due: g.due,
    horizon: g.horizon,
    term: g.term,
    relevance: g.relevance,
    parentId: g.parentId,
    weight: g.weight,
    periodLabel: g.periodLabel,
    draft: g.draft,
    cadenceDays: g.cadenceDays,
    state: g.state,
    finalValue: g.finalValue,
    closedAt: g.closedAt,
    childCount: g.childCount,
    archivedAt: g.archivedAt,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    value: roundTo(e.value, g.decimals),
    progressPct: roundTo(e.progressPct, 1),
    expectedPct: roundTo(e.expectedPct, 1),
    projected: roundTo(e.projected, g.decimals),
    status: e.status,
    stale: e.stale,
    lastCheckinDate: e.lastCheckinDate,
  };
}

export interface GoalListOptions {
  owner?: string;
  dept?: string;
  status?: GoalStatus | 'stale';
  horizon?: string;
  dueBefore?: string;
  dueAfter?: string;
  parent?: string;
  all?: boolean;
  sort?: 'due' | 'progress';
}

export async function getGoals(o: ServiceOptions, f: GoalListOptions): Promise<GoalView[]> {
  const filter: GoalFilter = { includeClosed: Boolean(f.all), includeArchived: Boolean(f.all) };
  if (f.owner !== undefined) {
    const owner = await resolveOwner(o.db, f.owner);
    if (owner.type === 'member') filter.ownerMemberId = owner.id!;
    else if (owner.type === 'department') filter.ownerDepartmentId = owner.id!;
    else filter.team = true;
  }
  if (f.dept !== undefined) filter.departmentId = await resolveDepartmentId(o.db, f.dept);
  if (f.parent !== undefined) filter.parentId = await resolveGoalId(o.db, f.parent);
  if (f.horizon !== undefined) filter.horizon = f.horizon;
  if (f.dueBefore !== undefined) filter.dueBefore = f.dueBefore;
  if (f.dueAfter !== undefined) filter.dueAfter = f.dueAfter;
  const goals = await listGoals(o.db, filter);
  const { views } = await evaluateGoals(o.db, goals, o.today);
  let out = goals.map((g) => views.get(g.id)!);
  if (f.status === 'stale') out = out.filter((g) => g.stale);
  else if (f.status !== undefined) out = out.filter((g) => g.status === f.status);
  if (f.sort === 'progress') out.sort((a, b) => (a.progressPct ?? -Infinity) - (b.progressPct ?? -Infinity) || a.id - b.id);
  return out;
}

export interface GoalDetail extends GoalView {
  smart: SmartVerdict;
  checkins: { date: string; value: number; note: string | null; actor: string | null }[];
  sparkline: string;
  children: GoalView[];
  reviews: { kind: ReviewKind; text: string; score: number | null; outcome: Outcome | null; outcomeNote: string | null; actor: string | null; at: string }[];
  history?: { at: string; actor: string | null; field: string; old: string | null; new: string | null }[];
}

export async function showGoal(o: ServiceOptions, ref: string, opts: { history?: boolean } = {}): Promise<GoalDetail> {
  const id = await resolveGoalId(o.db, ref);
  const goal = (await findGoalById(o.db, id))!;
  const { views, series, childrenOf } = await evaluateGoals(o.db, [goal], o.today);
  const checkins = goal.childCount === 0 ? await listCheckins(o.db, [id]) : [];
  const detail: GoalDetail = {
    ...views.get(id)!,
    smart: await lintGoal(o.db, goal, o.today),
    checkins: checkins.map((c) => ({ date: c.date, value: c.value, note: c.note, actor: c.actor })),
    sparkline: sparkline((series.get(id) ?? []).map((p) => p.value)),
    children: (childrenOf.get(id) ?? []).map((c) => views.get(c.id)!),
    reviews: (await listReviews(o.db, id)).map((r) => ({ kind: r.kind, text: r.text, score: r.score, outcome: r.outcome, outcomeNote: r.outcomeNote, actor: r.actor, at: r.createdAt })),
  };
  if (opts.history) detail.history = (await listEvents(o.db, id)).map((e) => ({ at: e.at, actor: e.actor, field: e.field, old: e.old, new: e.new }));
  return detail;
}

export interface GoalTreeNode extends GoalView {
  children: GoalTreeNode[];
}

/** The cascade below one goal, or below every open top-level goal. */
export async function getGoalTree(o: ServiceOptions, ref: string | undefined): Promise<GoalTreeNode[]> {
  let roots: Goal[];
  if (ref !== undefined) roots = [(await findGoalById(o.db, await resolveGoalId(o.db, ref)))!];
  else roots = await listGoals(o.db, { topLevel: true });
  const { views, childrenOf } = await evaluateGoals(o.db, roots, o.today);
  // The views are this call's own, so each becomes its node, children added last,
  // rather than a copy of it (copying 20,000 views of 37 fields cost ~90 ms).
  const build = (g: Goal): GoalTreeNode => {
    const node = views.get(g.id)! as GoalTreeNode;
    node.children = (childrenOf.get(g.id) ?? []).map(build);
    return node;
  };
  return roots.map(build);
}

/** `team goals check`: a goal with its SMART verdict. */
export async function checkGoal(o: ServiceOptions, ref: string): Promise<{ goal: GoalView; smart: SmartVerdict }> {
  const goal = (await findGoalById(o.db, await resolveGoalId(o.db, ref)))!;
  const view = (await evaluateGoals(o.db, [goal], o.today)).views.get(goal.id)!;
  return { goal: view, smart: await lintGoal(o.db, goal, o.today) };
}

/** One goal by id or title, as stored (no evaluation). */
export async function getGoal(o: ServiceOptions, ref: string): Promise<Goal> {
  return (await findGoalById(o.db, await resolveGoalId(o.db, ref)))!;
}
