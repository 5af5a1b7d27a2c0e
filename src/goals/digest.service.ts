/**
 * What reports and reminders read of the goals, each bounded however large
 * the database: the goals in play in a window (judged today, most urgent
 * first), the open goals past due, and what a week did (check-ins, closures).
 * Counts come from the database; only the rows shown are read in full.
 */
import { checkinsBetween } from './checkins.repository.js';
import { countGoals, listGoalsById, type GoalFilter } from './repository.js';
import type { GoalStatus } from './rules/evaluate.js';
import type { GoalView } from './rules/goal.js';
import { scopeFilter, viewsOf } from './view.service.js';
import { countGoalsWithoutJson, eachGoalJsonById, eachListedGoalJson, eachListedGoalJudge } from './json.repository.js';
import { countJudged, eachJudgedFirst, eachUnjudged, URGENCY } from './judged.repository.js';
import { judge, type Judgement } from './rules/evaluate.js';
import { goalJson, judgedGoalJson, unpackJudgeInput } from './rules/view.js';
import { dayBefore } from '../shared/dates.js';
import type { Listed, ServiceOptions } from '../shared/service.js';
import { compareText } from '../shared/order.js';

export interface GoalScope {
  /** A member handle, a department or "team": the goals it owns. */
  owner?: string;
  /** A department: its goals and its members'. */
  dept?: string;
}


export const byUrgency = (a: GoalView, b: GoalView) => URGENCY[a.status] - URGENCY[b.status] || compareText(a.due ?? '9999', b.due ?? '9999') || a.id - b.id;


export interface GoalWindow {
  /** Open goals whose span touches [from, to]: how many, by status (the most urgent first). */
  total: number;
  counts: Partial<Record<GoalStatus, number>>;
  /** The most urgent of them (all without a limit). */
  goals: GoalView[];
  /** Those without a check-in within their cadence. */
  stale: Listed<GoalView>;
  /** Those due within `due` (when asked), the earliest first. */
  due: Listed<GoalView>;
  /** Open goals due before `from`: how many, and the longest overdue first. */
  overdue: Listed<GoalView>;
}

interface Judged {
  id: number;
  due: string | null;
  e: Judgement;
  decimals: number;
}

const urgency = (a: Judged, b: Judged) => URGENCY[a.e.status] - URGENCY[b.e.status] || compareText(a.due ?? '9999', b.due ?? '9999') || a.id - b.id;
const byDue = (a: Judged, b: Judged) => compareText(a.due ?? '9999', b.due ?? '9999') || a.id - b.id;

/**
 * The goals of a filter, in its order: from their stored JSON when every live
 * goal has it (`stored`, countGoalsWithoutJson's 0), as the window's lists
 * are; else from the goals themselves.
 */
async function storedViewsOf(o: ServiceOptions, filter: GoalFilter, stored: boolean): Promise<GoalView[]> {
  if (!stored) return viewsOf(o, filter);
  const views: GoalView[] = [];
  await eachListedGoalJson(o.db, filter, (r) => views.push(JSON.parse(judgedGoalJson(r.json, r.judge, o.today)) as GoalView));
  return views;
}

/**
 * The goals in play in [from, to] as judged today, counted by status. The
 * database counts those whose stored judgement covers today and picks the
 * first few of each list; the rest (a span that ended, or none stored) are
 * judged here. Only the goals listed (the `limit` most urgent, stale and due
 * in `due`) are read in full, in one query.
 */
export async function getGoalWindow(o: ServiceOptions, f: GoalScope & { from: string; to: string; limit?: number; due?: { from: string; to: string } }): Promise<GoalWindow> {
  // One read transaction: the counts and the rows see the same database (its queries inside join it).
  return o.db.snapshot(async (db) => {
    const scope = await scopeFilter(o, f);
    const inPlay: GoalFilter = { ...scope, dueAfter: f.from, startBefore: f.to };
    const limit = f.limit ?? 1_000_000;
    const counts: Partial<Record<GoalStatus, number>> = {};
    let total = 0;
    let staleTotal = 0;
    const count = (status: GoalStatus, stale: boolean, n: number) => {
      counts[status] = (counts[status] ?? 0) + n;
      total += n;
      if (stale) staleTotal += n;
    };
    /** Goals judged here: the unjudged ones (all counted), and the chosen ones the database ranked. */
    const judged = new Map<number, Judged>();
    const unjudged: Judged[] = [];
    const judgeRow = (id: number, text: string) => {
      const { facts, decimals, summary } = unpackJudgeInput(text);
      const j = { id, due: facts.due, e: judge(facts, summary, o.today), decimals };
      judged.set(id, j);
      return j;
    };
    let dueAll: Judged[] = [];
    let dueTotal = 0;
    const stored = (await countGoalsWithoutJson(db)) === 0;
    if (stored) {
      for (const c of await countJudged(db, inPlay, o.today)) count(c.status, c.stale, c.n);
      await eachUnjudged(db, inPlay, o.today, (id, text) => {
        const j = judgeRow(id, text);
        unjudged.push(j);
        count(j.e.status, j.e.stale, 1);
      });
      await eachJudgedFirst(db, inPlay, o.today, { stale: false, limit }, judgeRow);
      await eachJudgedFirst(db, inPlay, o.today, { stale: true, limit }, judgeRow);
      if (f.due !== undefined) {
        const inDue: GoalFilter = { ...inPlay, dueAfter: f.due.from > f.from ? f.due.from : f.from, dueBefore: f.due.to };
        dueTotal = await countGoals(db, inDue);
        await eachListedGoalJudge(db, { ...inDue, limit }, (id, text) => dueAll.push(judged.get(id) ?? judgeRow(id, text)));
      }
    } else {
      // A database from before the stored judgements: the goals themselves.
      for (const g of await viewsOf(o, { ...scope, dueAfter: f.from })) {
        if (g.start !== null && g.start > f.to) continue;
        const j = { id: g.id, due: g.due, e: g, decimals: g.decimals };
        judged.set(g.id, j);
        unjudged.push(j);
        count(g.status, g.stale, 1);
      }
      if (f.due !== undefined) {
        const due = f.due;
        dueAll = unjudged.filter((j) => j.due !== null && j.due >= due.from && j.due <= due.to);
        dueTotal = dueAll.length;
      }
    }
    const cut = <T>(xs: T[]) => xs.slice(0, limit);
    // The database's first few and every goal judged here compete for each list.
    const all = [...judged.values()];
    const top = cut(all.sort(urgency));
    const stale = cut(all.filter((j) => j.e.stale).sort(byDue));
    const due = cut(dueAll.sort(byDue));
    const views = new Map<number, GoalView>();
    const wanted = new Map([...top, ...stale, ...due].map((j) => [j.id, j]));
    await eachGoalJsonById(db, [...wanted.keys()], (id, json) => {
      const j = wanted.get(id)!;
      views.set(id, JSON.parse(goalJson(json, j.e, j.decimals)) as GoalView);
    });
    const viewsOfList = (xs: Judged[]) => xs.map((j) => views.get(j.id)).filter((v): v is GoalView => v !== undefined);
    const before = { ...scope, dueBefore: dayBefore(f.from) };
    const overdueTotal = await countGoals(db, before);
    const overdue = overdueTotal === 0 ? [] : await storedViewsOf(o, { ...before, limit: f.limit ?? overdueTotal }, stored);
    // Counts in a fixed order (the most urgent first), however they were found.
    const ordered: Partial<Record<GoalStatus, number>> = {};
    for (const status of Object.keys(URGENCY) as GoalStatus[]) if (counts[status] !== undefined) ordered[status] = counts[status];
    return { total, counts: ordered, goals: viewsOfList(top), stale: { total: staleTotal, items: viewsOfList(stale) }, due: { total: dueTotal, items: viewsOfList(due) }, overdue: { total: overdueTotal, items: overdue } };
  });
}

export interface CheckinActivity {
  goalId: number;
  title: string;
  owner: string;
  date: string;
  value: number;
  unit: string | null;
  decimals: number;
  note: string | null;
}

export interface GoalActivity {
  checkins: { total: number; items: CheckinActivity[] };
  /** Goals closed (reviewed as achieved or missed) within the window. */
  closed: { total: number; goals: GoalView[] };
}

/** What [from, to] did to the goals: check-ins dated in it (newest first) and goals closed in it. */
export async function getGoalActivity(o: ServiceOptions, f: GoalScope & { from: string; to: string; limit?: number }): Promise<GoalActivity> {
  // One read transaction: the counts and the rows see the same database (its queries inside join it).
  return o.db.snapshot(async (db) => {
    const scope = await scopeFilter(o, f);
    const limit = f.limit ?? 1_000_000;
    const { total, checkins } = await checkinsBetween(db, f.from, f.to, scope, limit);
    const goals = new Map((await listGoalsById(db, [...new Set(checkins.map((c) => c.goalId))])).map((g) => [g.id, g]));
    const items = checkins.map((c) => {
      const g = goals.get(c.goalId)!;
      return { goalId: g.id, title: g.title, owner: g.owner, date: c.date, value: c.value, unit: g.unit, decimals: g.decimals, note: c.note };
    });
    const closedFilter: GoalFilter = { ...scope, includeClosed: true, closedFrom: f.from, closedTo: f.to };
    const closedTotal = await countGoals(db, closedFilter);
    const closed = closedTotal === 0 ? [] : await storedViewsOf(o, { ...closedFilter, limit }, (await countGoalsWithoutJson(db)) === 0);
    return { checkins: { total, items }, closed: { total: closedTotal, goals: closed } };
  });
}
