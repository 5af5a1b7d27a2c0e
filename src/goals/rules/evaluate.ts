/**
 * Where one goal stands: its value (own check-ins, or rolled up from its
 * children), progress, forecast status and staleness. Pure: the caller loads
 * the rows and passes "today".
 */
import { forecast, isStale, rollup, type ForecastStatus } from './progress.js';
import type { Goal } from './goal.js';
import type { MetricKind } from './units.js';

export type GoalStatus = ForecastStatus | 'draft';

export interface Point {
  date: string;
  value: number;
}

/** What evaluation needs of a goal. */
export type GoalFacts = Pick<Goal, 'kind' | 'baseline' | 'target' | 'direction' | 'start' | 'due' | 'draft' | 'state' | 'finalValue' | 'cadenceDays'>;

export interface Evaluation {
  value: number | null;
  progressPct: number | null;
  expectedPct: number | null;
  projected: number | null;
  status: GoalStatus;
  stale: boolean;
  lastCheckinDate: string | null;
  /** The value over time: own check-ins (latest per date), or the children's roll-up. */
  series: Point[];
}

/** One point per date, the last recorded winning; sorted by date. */
export function dedupeSeries(points: readonly Point[]): Point[] {
  // Points from the database are already one per date and in order: keep them as they are.
  let ordered = true;
  for (let i = 1; i < points.length && ordered; i++) ordered = points[i - 1]!.date < points[i]!.date;
  if (ordered) return points.slice();
  const byDate = new Map<string, number>();
  for (const p of points) byDate.set(p.date, p.value);
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, value]) => ({ date, value }));
}

/**
 * A parent's series from its children's: at every date any child moved, the
 * roll-up (sum or weighted mean) of each child's latest value so far.
 * @example rollupSeries('additive', [{ series: [{ date: 'd1', value: 5 }] }, { series: [{ date: 'd2', value: 3 }] }])
 * // [{ date: 'd1', value: 5 }, { date: 'd2', value: 8 }]
 */
export function rollupSeries(kind: MetricKind, children: readonly { series: readonly Point[]; target: number; weight?: number }[]): Point[] {
  const dates = [...new Set(children.flatMap((c) => c.series.map((p) => p.date)))].sort();
  const cursor = children.map(() => -1);
  // One input per child, its value moved along the dates (not new objects at every date).
  const inputs = children.map((c) => ({ target: c.target, value: null as number | null, ...(c.weight !== undefined && { weight: c.weight }) }));
  const out: Point[] = [];
  for (const date of dates) {
    for (let i = 0; i < children.length; i++) {
      const series = children[i]!.series;
      let k = cursor[i]!;
      while (k + 1 < series.length && series[k + 1]!.date <= date) k++;
      cursor[i] = k;
      inputs[i]!.value = k >= 0 ? series[k]!.value : null;
    }
    const value = rollup(kind, inputs);
    if (value !== null) out.push({ date, value });
  }
  return out;
}

/**
 * Where progress counts from. An additive goal is a total built up over its
 * own period (sales, orders, shipping cost this quarter): it starts at 0, and
 * its baseline (last period's total) is only the reference the target was set
 * against. Everything else moves a level from its baseline (a rate, a
 * duration, a stock such as followers). (Additive goals cannot "decrease": a
 * total only grows; a budget is "at-most".)
 * @example progressOrigin({ kind: 'additive', direction: 'increase', baseline: 1500000 }) // 0
 */
export function progressOrigin(goal: Pick<GoalFacts, 'kind' | 'direction' | 'baseline'>): number | null {
  return goal.kind === 'additive' ? 0 : goal.baseline;
}

/** Share of an at-most total's cap the projection may reach and still be only at risk. */
export const BUDGET_AT_RISK = 1 / 0.85;

/**
 * Totals read their forecast differently from levels: a minimum to reach
 * (at-least) is reached like an increase, and a cap (at-most, a budget) is on
 * track only while the projected total at the due date stays under it; an
 * early total under the cap says nothing yet.
 */
function totalsStatus(goal: GoalFacts, target: number, f: { status: GoalStatus; projected: number | null }, lastValue: number | null, pastDue: boolean): GoalStatus {
  if (goal.kind !== 'additive' || goal.direction !== 'at-most' || lastValue === null) return f.status;
  if (lastValue > target) return pastDue ? 'missed' : 'off-track';
  if (pastDue) return 'done';
  if (f.projected === null || f.projected <= target) return 'on-track';
  return f.projected <= target * BUDGET_AT_RISK ? 'at-risk' : 'off-track';
}

/**
 * Evaluates a goal from its own check-ins, or, when `children` is given and
 * not empty, from their roll-up (a parent takes no check-ins of its own).
 */
export function evaluateGoal(
  goal: GoalFacts,
  checkins: readonly Point[],
  children: readonly { series: readonly Point[]; target: number; weight?: number }[] | null,
  today: string,
): Evaluation {
  const series = children && children.length > 0 && goal.kind ? rollupSeries(goal.kind, children) : dedupeSeries(checkins);
  const last = series[series.length - 1] ?? null;
  const base: Evaluation = {
    value: last?.value ?? null,
    progressPct: null,
    expectedPct: null,
    projected: null,
    status: 'draft',
    stale: false,
    lastCheckinDate: last?.date ?? null,
    series,
  };
  if (goal.target === null || goal.direction === null || goal.start === null || goal.due === null || goal.due < goal.start) return base;
  const direction = goal.kind === 'additive' && goal.direction === 'at-least' ? 'increase' : goal.direction;
  const facts = { baseline: progressOrigin(goal), target: goal.target, direction, start: goal.start, due: goal.due };
  const f = forecast(facts, series, today);
  // One result object per goal, no spread copies: a list evaluates 20,000 of them.
  base.progressPct = f.progressPct;
  base.expectedPct = f.expectedPct;
  base.projected = f.projected;
  base.status = totalsStatus(goal, goal.target, f, base.value, today > goal.due);
  if (goal.draft) {
    base.status = 'draft';
    return base;
  }
  if (goal.state !== 'open') {
    const value = goal.finalValue ?? base.value;
    base.value = value;
    base.progressPct = value === null ? null : forecast(facts, [{ date: goal.due, value }], goal.due).progressPct;
    base.status = goal.state === 'achieved' ? 'done' : 'missed';
    return base;
  }
  const leaf = !children || children.length === 0;
  const settled = base.status === 'done' || base.status === 'missed';
  base.stale = leaf && !settled && isStale(base.lastCheckinDate, goal.start, today, goal.cadenceDays);
  return base;
}
