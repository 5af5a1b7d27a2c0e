/**
 * What reports and reminders read of the goals, each bounded however large
 * the database: the goals in play in a window (judged today, most urgent
 * first), the open goals past due, and what a week did (check-ins, closures).
 * Counts come from the database; only the rows shown are read in full.
 */
import { checkinsBetween } from './checkins.repository.js';
import { countGoals, listGoalsById, type GoalFilter } from './repository.js';
import { resolveOwner } from './resolve.js';
import type { GoalStatus } from './rules/evaluate.js';
import type { GoalView } from './rules/goal.js';
import { viewsOf } from './view.service.js';
import { resolveDepartmentId } from '../org/public.js';
import { dayBefore } from '../shared/dates.js';
import type { ServiceOptions } from '../shared/service.js';

export interface GoalScope {
  /** A member handle, a department or "team": the goals it owns. */
  owner?: string;
  /** A department: its goals and its members'. */
  dept?: string;
}

/** The most urgent first: what needs a lead's attention before what is fine. */
const URGENCY: Record<GoalStatus, number> = { 'off-track': 0, missed: 1, 'at-risk': 2, 'not-started': 3, draft: 4, 'on-track': 5, done: 6 };

export const byUrgency = (a: GoalView, b: GoalView) => URGENCY[a.status] - URGENCY[b.status] || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id - b.id;

async function scopeFilter(o: ServiceOptions, f: GoalScope): Promise<GoalFilter> {
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

export interface GoalWindow {
  /** Open goals whose span touches [from, to]: how many, by status, and how many are stale. */
  total: number;
  counts: Partial<Record<GoalStatus, number>>;
  stale: number;
  /** All of them, the most urgent first. */
  goals: GoalView[];
  /** Open goals due before `from`: how many, and the longest overdue first. */
  overdue: { total: number; goals: GoalView[] };
}

/** The goals in play in [from, to] (every one: judging them is the cost, not listing) and the first `overdueLimit` of those already past due. */
export async function getGoalWindow(o: ServiceOptions, f: GoalScope & { from: string; to: string; overdueLimit?: number }): Promise<GoalWindow> {
  // One read transaction: the counts and the rows see the same database (its queries inside join it).
  return o.db.snapshot(async (db) => {
    const scope = await scopeFilter(o, f);
    const inPlay = (await viewsOf(o, { ...scope, dueAfter: f.from })).filter((g) => g.start === null || g.start <= f.to);
    const counts: Partial<Record<GoalStatus, number>> = {};
    let stale = 0;
    for (const g of inPlay) {
      counts[g.status] = (counts[g.status] ?? 0) + 1;
      if (g.stale) stale++;
    }
    inPlay.sort(byUrgency);
    const before = { ...scope, dueBefore: dayBefore(f.from) };
    const overdueTotal = await countGoals(db, before);
    const overdue = overdueTotal === 0 ? [] : await viewsOf(o, { ...before, limit: f.overdueLimit ?? overdueTotal });
    return { total: inPlay.length, counts, stale, goals: inPlay, overdue: { total: overdueTotal, goals: overdue } };
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
    const closed = closedTotal === 0 ? [] : await viewsOf(o, { ...closedFilter, limit });
    return { checkins: { total, items }, closed: { total: closedTotal, goals: closed } };
  });
}
