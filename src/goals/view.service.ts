/** Reading goals: evaluation (roll-up + forecast), list, show, tree. */
import type { Outcome, ReviewKind } from './labels.js';
import { eachListedGoal, listDescendants, listGoals, findGoalById, type GoalFilter } from './repository.js';
import { countGoalsWithoutJson, eachGoalJsonById, eachListedGoalJson, eachListedGoalJudge } from './json.repository.js';
import { eachCheckinPoint, listCheckins } from './checkins.repository.js';
import { listEvents, listReviews } from './history.repository.js';
import type { Queryable } from '../db/sql.js';
import { goalSeries, judge, summarize, type GoalStatus, type GoalSummary, type Judgement, type Point } from './rules/evaluate.js';
import type { Goal, GoalView } from './rules/goal.js';
import { becomeView, goalJson, judgedGoalJson, toView, unpackJudgeInput } from './rules/view.js';
import { sparkline } from './rules/progress.js';
import type { ServiceOptions } from '../shared/service.js';
import { lintGoal, type SmartVerdict } from './smart.service.js';
import { resolveDepartmentId } from '../org/public.js';
import { resolveGoalId, resolveOwner } from './resolve.js';

export interface Evaluated {
  views: Map<number, GoalView>;
  series: Map<number, Point[]>;
  /** What each goal's series says independently of today (what is stored per goal). */
  summaries: Map<number, GoalSummary>;
  childrenOf: Map<number, Goal[]>;
}

/**
 * Evaluates `goals` and everything below them from their check-ins, with two
 * queries: the descendants (recursive) of the parents whose children are not
 * all among `goals` already, then the check-ins of the leaves (one query
 * however many). The way to compute summaries, and to read goals without one.
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
  const summaries = new Map<number, GoalSummary>();
  const visit = (g: Goal): GoalView => {
    const done = views.get(g.id);
    if (done) return done;
    const kids = childrenOf.get(g.id);
    const kidInputs = kids?.map((k) => {
      const v = visit(k);
      return { series: series.get(k.id) ?? [], target: k.target ?? 0, ...(k.weight !== null && { weight: k.weight }), value: v.value };
    });
    const points = goalSeries(g, checkins.get(g.id) ?? [], kidInputs ?? null);
    const summary = summarize(g, points, !kidInputs || kidInputs.length === 0);
    series.set(g.id, points);
    summaries.set(g.id, summary);
    const view = toView(g, judge(g, summary, today));
    views.set(g.id, view);
    return view;
  };
  for (const g of all.values()) visit(g);
  return { views, series, summaries, childrenOf };
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

/** One goal as it stands today (after a write, for the command's output). */
export async function viewGoal(q: Queryable, id: number, today: string): Promise<GoalView> {
  const goal = (await findGoalById(q, id))!;
  return (await evaluateGoals(q, [goal], today)).views.get(id)!;
}

/** A goal of the cascade with the goals below it (goals tree; see tree.service.ts). */
export interface GoalTreeNode extends GoalView {
  children: GoalTreeNode[];
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

/**
 * The goals of a list as compact JSON texts, each handed to `sink` in order
 * as it is judged, none kept: the same goals and text as JSON.stringify of
 * `getGoals`. Written from the goals' stored JSON (rules/view.ts), which is
 * what a whole-database list costs least as; from the goals themselves when
 * that cannot serve (a sort, archived goals with `--all`, or a live goal
 * whose summary or JSON is not stored: a database from before them).
 * Returns how many live goals lack their stored JSON (0 after normal use).
 */
export async function writeGoalsJson(o: ServiceOptions, f: GoalListOptions, sink: (json: string) => void): Promise<number> {
  // Its queries see one state of the database: a goal archived by another lead
  // between them is in none of them or in all.
  return o.db.snapshot(() => writeJson(o, f, sink));
}

async function writeJson(o: ServiceOptions, f: GoalListOptions, sink: (json: string) => void): Promise<number> {
  const missing = await countGoalsWithoutJson(o.db);
  if (f.sort !== undefined || f.all || missing > 0) {
    const goals = await getGoals(o, f, (g) => sink(JSON.stringify(g)));
    for (const g of goals) sink(JSON.stringify(g));
    return missing;
  }
  const filter = await listFilter(o, f);
  if (f.status === undefined) {
    await eachListedGoalJson(o.db, filter, (r) => sink(judgedGoalJson(r.json, r.judge, o.today)));
    return 0;
  }
  // With a status, every goal is judged and few are kept: judged first from
  // what judging takes alone, then the JSON of those kept read in one query.
  const kept = new Map<number, { e: Judgement; decimals: number }>();
  await eachListedGoalJudge(o.db, filter, (id, text) => {
    const { facts, decimals, summary } = unpackJudgeInput(text);
    const e = judge(facts, summary, o.today);
    if (wanted(e, f.status)) kept.set(id, { e, decimals });
  });
  await eachGoalJsonById(o.db, [...kept.keys()], (id, json) => {
    const { e, decimals } = kept.get(id)!;
    sink(goalJson(json, e, decimals));
  });
  return 0;
}

/** Whose goals: `owner` (a member, a department or "team") owns them; `dept` also takes its members' (names resolved, or an input error). */
export async function scopeFilter(o: ServiceOptions, f: { owner?: string; dept?: string }): Promise<GoalFilter> {
  const filter: GoalFilter = {};
  if (f.owner !== undefined) {
    const owner = await resolveOwner(o.db, f.owner);
    if (owner.type === 'member') filter.ownerMemberId = owner.id!;
    else if (owner.type === 'department') filter.ownerDepartmentId = owner.id!;
    else filter.team = true;
  }
  if (f.dept !== undefined) filter.departmentId = await resolveDepartmentId(o.db, f.dept);
  return filter;
}

/** The repository filter of a list's options (names resolved, or an input error). */
async function listFilter(o: ServiceOptions, f: GoalListOptions): Promise<GoalFilter> {
  const filter: GoalFilter = { ...(await scopeFilter(o, f)), includeClosed: Boolean(f.all), includeArchived: Boolean(f.all) };
  if (f.parent !== undefined) filter.parentId = await resolveGoalId(o.db, f.parent);
  if (f.horizon !== undefined) filter.horizon = f.horizon;
  if (f.dueBefore !== undefined) filter.dueBefore = f.dueBefore;
  if (f.dueAfter !== undefined) filter.dueAfter = f.dueAfter;
  return filter;
}

/**
 * The goals of a list, evaluated. With `sink` (and no sort), each goal goes
 * to it in order as soon as it is judged and none is kept: the result is empty.
 */
export async function getGoals(o: ServiceOptions, f: GoalListOptions, sink?: (g: GoalView) => void): Promise<GoalView[]> {
  const filter = await listFilter(o, f);
  let out: GoalView[];
  // Archived goals in the set roll up into their parents there (and their own
  // children into them), which no stored summary describes: evaluate it all.
  if (filter.includeArchived) {
    const goals = await listGoals(o.db, filter);
    const { views } = await evaluateGoals(o.db, goals, o.today);
    out = goals.map((g) => views.get(g.id)!);
    if (f.status !== undefined) out = out.filter((g) => wanted(g, f.status));
  } else {
    out = await judgeStored(o, (onGoal) => eachListedGoal(o.db, filter, onGoal), f.status, f.sort === undefined ? sink : undefined);
  }
  if (sink && f.sort === undefined) {
    for (const g of out) sink(g);
    return [];
  }
  if (f.sort === 'progress') out.sort((a, b) => (a.progressPct ?? -Infinity) - (b.progressPct ?? -Infinity) || a.id - b.id);
  return out;
}

function wanted(v: Pick<GoalView, 'status' | 'stale'>, status: GoalListOptions['status']): boolean {
  return status === undefined || (status === 'stale' ? v.stale : v.status === status);
}

type Stream = (onGoal: (g: Goal, s: GoalSummary | null) => void) => Promise<void>;

/**
 * Streamed live goals, in their order, judged from their stored summaries
 * (no check-in is read) and kept if they have `status`. A goal without a
 * summary (a database from before them) keeps its place as the Goal itself,
 * listed in `unknown`, for `evaluateGoals` to settle.
 */
export async function judgeStream(o: ServiceOptions, stream: Stream, status?: GoalListOptions['status'], asNodes = false, sink?: (g: GoalView) => void): Promise<{ slots: (GoalView | Goal)[]; unknown: Set<Goal> }> {
  const slots: (GoalView | Goal)[] = [];
  const unknown = new Set<Goal>();
  await stream((g, s) => {
    if (s === null) {
      unknown.add(g);
      slots.push(g);
      return;
    }
    // Judged first: a goal without the status asked for costs no view.
    const e = judge(g, s, o.today);
    if (!wanted(e, status)) return;
    const v = becomeView(g, e);
    // A tree node's children key is added with the others: one more key on
    // 20,000 finished objects later costs ~35 ms of shape changes.
    if (asNodes) (v as GoalTreeNode).children = [];
    // Handed on at once while every goal so far had its summary; after one
    // without, kept in order for settle.
    if (sink && unknown.size === 0) sink(v);
    else slots.push(v);
  });
  return { slots, unknown };
}

/** The slots as views: the unknown ones (or, with `all`, every one: a view is also its Goal) evaluated from check-ins in one go. */
export async function settle(o: ServiceOptions, { slots, unknown }: { slots: (GoalView | Goal)[]; unknown: Set<Goal> }, status?: GoalListOptions['status'], all = false): Promise<GoalView[]> {
  if (unknown.size === 0) return slots as GoalView[];
  const { views } = await evaluateGoals(o.db, all ? slots : [...unknown], o.today);
  const out: GoalView[] = [];
  for (const slot of slots) {
    const known = !unknown.has(slot as Goal);
    const v = known && !all ? (slot as GoalView) : views.get(slot.id)!;
    if (known || wanted(v, status)) out.push(v);
  }
  return out;
}

/** The live goals a repository filter lists, judged today from their stored summaries (evaluated where one is missing). */
export function viewsOf(o: ServiceOptions, filter: GoalFilter): Promise<GoalView[]> {
  return judgeStored(o, (onGoal) => eachListedGoal(o.db, filter, onGoal));
}

/** The views of a stream of goals; with `sink`, those before the first goal without a summary go there instead. */
async function judgeStored(o: ServiceOptions, stream: Stream, status?: GoalListOptions['status'], sink?: (g: GoalView) => void): Promise<GoalView[]> {
  return settle(o, await judgeStream(o, stream, status, false, sink), status);
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

/** `team goals check`: a goal with its SMART verdict. */
export async function checkGoal(o: ServiceOptions, ref: string): Promise<{ goal: GoalView; smart: SmartVerdict }> {
  const goal = (await findGoalById(o.db, await resolveGoalId(o.db, ref)))!;
  return { goal: await viewGoal(o.db, goal.id, o.today), smart: await lintGoal(o.db, goal, o.today) };
}

/** One goal by id or title, as stored (no evaluation). */
export async function getGoal(o: ServiceOptions, ref: string): Promise<Goal> {
  return (await findGoalById(o.db, await resolveGoalId(o.db, ref)))!;
}
