/**
 * Where one goal stands: its value (own check-ins, or rolled up from its
 * children), progress, forecast status and staleness. Pure: the caller loads
 * the rows and passes "today".
 */
import { forecast, forecastFrom, isStale, rollup, trend, type ForecastStatus, type Trend } from './progress.js';
import type { Goal } from './goal.js';
import { valueRange, type MetricKind } from './units.js';
import { fromDay, toDay } from '../../shared/dates.js';
import { compareText } from '../../shared/order.js';

export type GoalStatus = ForecastStatus | 'draft';

export interface Point {
  date: string;
  value: number;
}

/** What evaluation needs of a goal. */
export type GoalFacts = Pick<Goal, 'unit' | 'kind' | 'baseline' | 'target' | 'direction' | 'start' | 'due' | 'draft' | 'state' | 'finalValue' | 'cadenceDays'>;

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

/** Where a goal stands today, less the series behind it: what `judge` gives. */
export type Judgement = Omit<Evaluation, 'series'>;

/**
 * Everything of an evaluation that does not depend on today, from the goal's
 * series and facts: the series' ends and point count, the projection at the
 * due date, and whether the goal is a leaf (its own check-ins) or rolls up
 * children. Stored per goal, so lists need not read the check-ins.
 */
export interface GoalSummary extends Trend {
  leaf: boolean;
}

export type ChildInput = { series: readonly Point[]; target: number; weight?: number };

/** A goal's series: its own check-ins (latest per date), or, when `children` is not empty, their roll-up. */
export function goalSeries(goal: Pick<GoalFacts, 'kind'>, checkins: readonly Point[], children: readonly ChildInput[] | null): Point[] {
  return children && children.length > 0 && goal.kind ? rollupSeries(goal.kind, children) : dedupeSeries(checkins);
}

/** Whether the facts allow a forecast: a target, a direction and dates in order. */
function forecastable(goal: GoalFacts): goal is GoalFacts & { target: number; direction: NonNullable<GoalFacts['direction']>; start: string; due: string } {
  return !(goal.target === null || goal.direction === null || goal.start === null || goal.due === null || goal.due < goal.start);
}

/** The today-independent half of `evaluateGoal`: what a goal's series and facts say, for `judge`. */
export function summarize(goal: GoalFacts, series: readonly Point[], leaf: boolean): GoalSummary {
  if (forecastable(goal)) return { ...trend({ baseline: progressOrigin(goal), start: goal.start, due: goal.due }, series), leaf };
  const last = series[series.length - 1];
  return { points: series.length, firstValue: series[0]?.value ?? null, lastValue: last?.value ?? null, lastDate: last?.date ?? null, projected: null, leaf };
}

/**
 * The today-dependent half of `evaluateGoal`: a goal's summary judged on
 * `today` (expected progress, due date, grace, staleness). Cheap: no series.
 * A change to how it decides needs a migration that clears goals.judged_from
 * (the spans stored by judgementSpan were worked out by the old rules).
 */
export function judge(goal: GoalFacts, s: GoalSummary, today: string): Judgement {
  // One result object per goal, no spread copies: a list judges 20,000 of them.
  const out: Judgement = { value: s.lastValue, progressPct: null, expectedPct: null, projected: null, status: 'draft', stale: false, lastCheckinDate: s.lastDate };
  if (!forecastable(goal)) return out;
  const direction = goal.kind === 'additive' && goal.direction === 'at-least' ? 'increase' : goal.direction;
  const facts = { baseline: progressOrigin(goal), target: goal.target, direction, start: goal.start, due: goal.due };
  const f = forecastFrom(facts, s, today);
  out.progressPct = f.progressPct;
  out.expectedPct = f.expectedPct;
  out.status = totalsStatus(goal, goal.target, f, out.value, today > goal.due);
  // Judged from the line; reported within what the unit can take.
  out.projected = within(f.projected, goal.unit, goal.kind);
  if (goal.draft) {
    out.status = 'draft';
    return out;
  }
  if (goal.state !== 'open') {
    const value = goal.finalValue ?? out.value;
    out.value = value;
    out.progressPct = value === null ? null : forecast(facts, [{ date: goal.due, value }], goal.due).progressPct;
    out.status = goal.state === 'achieved' ? 'done' : 'missed';
    return out;
  }
  const settled = out.status === 'done' || out.status === 'missed';
  out.stale = s.leaf && !settled && isStale(out.lastCheckinDate, goal.start, today, goal.cadenceDays);
  return out;
}

const RANGES = new Map<string, { min: number; max: number }>();

/**
 * A projection within the values a goal's unit can take (units.ts valueRange,
 * the bounds check-ins are held to): a line falling past 0 s reports 0 s, one
 * rising past 100 % reports 100 %. Ranges are kept per unit and kind: a list
 * bounds 20,000 projections.
 * @example within(-22, 's', 'rate') // 0
 */
export function within(projected: number | null, unit: string | null, kind: MetricKind | null): number | null {
  if (projected === null) return null;
  const key = `${kind ?? ''}\u0000${unit ?? ''}`;
  let r = RANGES.get(key);
  if (!r) RANGES.set(key, (r = valueRange(unit, kind)));
  return projected < r.min ? r.min : projected > r.max ? r.max : projected;
}

/** How many days ahead `judgementSpan` looks: a goal untouched for longer is judged again when read. */
export const SPAN_DAYS = 62;

/** A goal's status and staleness as judged on `from`, unchanged through `until`. */
export interface JudgementSpan {
  status: GoalStatus;
  stale: boolean;
  from: string;
  until: string;
}

/**
 * What `judge` says of a goal's status and staleness on `today`, and the last
 * day (at most `days` ahead) on which it would still say the same, with no
 * write in between. Exact, not estimated: judging depends on the facts, the
 * summary and the day alone, and each day is judged. Stored with the summary,
 * it lets reports count goals by status in the database.
 * @example judgementSpan(goal, summary, '2026-11-23') // { status: 'on-track', stale: false, from: '2026-11-23', until: '2026-11-30' }
 */
export function judgementSpan(goal: GoalFacts, s: GoalSummary, today: string, days = SPAN_DAYS): JudgementSpan {
  const first = judge(goal, s, today);
  const start = toDay(today);
  let last = start;
  for (let d = start + 1; d <= start + days; d++) {
    const e = judge(goal, s, fromDay(d));
    if (e.status !== first.status || e.stale !== first.stale) break;
    last = d;
  }
  return { status: first.status, stale: first.stale, from: today, until: fromDay(last) };
}

/** One point per date, the last recorded winning; sorted by date. */
export function dedupeSeries(points: readonly Point[]): Point[] {
  // Points from the database are already one per date and in order: keep them as they are.
  let ordered = true;
  for (let i = 1; i < points.length && ordered; i++) ordered = points[i - 1]!.date < points[i]!.date;
  if (ordered) return points.slice();
  const byDate = new Map<string, number>();
  for (const p of points) byDate.set(p.date, p.value);
  return [...byDate.entries()].sort(([a], [b]) => compareText(a, b)).map(([date, value]) => ({ date, value }));
}

/**
 * A parent's series from its children's: at every date any child moved, the
 * roll-up (sum or weighted mean) of each child's latest value so far.
 * @example rollupSeries('additive', [{ series: [{ date: 'd1', value: 5 }] }, { series: [{ date: 'd2', value: 3 }] }])
 * // [{ date: 'd1', value: 5 }, { date: 'd2', value: 8 }]
 */
export function rollupSeries(kind: MetricKind, children: readonly ChildInput[]): Point[] {
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
 * not empty, from their roll-up (a parent takes no check-ins of its own):
 * `judge(summarize(…))` with the series kept.
 */
export function evaluateGoal(goal: GoalFacts, checkins: readonly Point[], children: readonly ChildInput[] | null, today: string): Evaluation {
  const series = goalSeries(goal, checkins, children);
  const e = judge(goal, summarize(goal, series, !children || children.length === 0), today) as Evaluation;
  e.series = series;
  return e;
}
