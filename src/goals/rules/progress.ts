/**
 * Progress, forecast, staleness and roll-up of goals.
 *
 * Forecast rule (`forecast`):
 * 1. Check-ins are ordered by date; of several on one date the one given last
 *    wins (callers pass them in recording order).
 * 2. Points are (days since start, value). The baseline is a point at day 0
 *    when not null, unless a check-in falls on the start date: a measurement
 *    supersedes the estimate.
 * 3. The projection is the least-squares line through the points, evaluated
 *    at the due date. Two points give the line through them (baseline →
 *    check-in); a single point, or points all on one day (a check-in on the
 *    start date, a goal starting and due the same day), project flat at the
 *    last value, so nothing divides by zero. Statuses are judged from the line
 *    itself; the projection a goal reports stops at the values its unit can
 *    take (evaluate.ts judge: 0 s for a first response falling fast, not −22 s).
 * 4. Status, first match wins:
 *    - no check-ins: 'missed' after due; 'not-started' while under 25 % of the
 *      time has passed; else 'at-risk'.
 *    - increase/decrease: 'done' when the last value meets the target
 *      (overshoot included, before or after due); 'missed' after due;
 *      otherwise by projected progress: ≥ 100 % 'on-track', ≥ 85 % 'at-risk',
 *      else 'off-track'.
 *    - at-least/at-most (a bound to keep): on or after the due date 'done' if
 *      the last value holds the bound; after due 'missed' if not; otherwise
 *      'on-track' while the last value holds it, 'at-risk' if it breaks it but
 *      the projection is back within it at due, else 'off-track'.
 *    "After due" means today > due: the due date itself still counts.
 * 5. Progress needs a starting point: increase without a baseline counts from
 *    0; decrease without a baseline has no progress (null) in `progressPct`,
 *    and in `forecast` counts from the first check-in.
 * Numbers are returned unrounded; round them when rendering.
 */
import { fromDay, toDay } from '../../shared/dates.js';
import type { Direction, MetricKind } from './units.js';

/** Projected progress at or above this is on track… */
export const ON_TRACK_PCT = 100;
/** …at or above this at risk, below it off track. */
export const AT_RISK_PCT = 85;
/** Without check-ins a goal is 'not-started' until this share of its time has passed, then 'at-risk'. */
export const NOT_STARTED_GRACE_PCT = 25;

/** Tolerance for comparing values that went through floating-point sums. */
const EPS = 1e-9;

/**
 * Percent of the way from baseline to target, unbounded (overshoot > 100,
 * going backwards < 0). Increase with no baseline counts from 0; decrease with
 * no baseline returns null. At-least/at-most: 100 when the value holds the
 * bound; otherwise the share of the way from a baseline on the wrong side of
 * the bound, else 0. When baseline equals target: 100 if met, else 0.
 * @example progressPct(60, 30, 45, 'decrease') // 50
 * @example progressPct(null, 200, 50, 'increase') // 25
 * @example progressPct(20, 30, 25, 'at-most') // 100
 */
export function progressPct(baseline: number | null, target: number, value: number, direction: Direction): number | null {
  if (direction === 'at-least' || direction === 'at-most') {
    if (isMet(target, value, direction)) return 100;
    if (baseline === null || isMet(target, baseline, direction)) return 0;
    return ((value - baseline) * 100) / (target - baseline);
  }
  const from = baseline ?? (direction === 'increase' ? 0 : null);
  if (from === null) return null;
  if (from === target) return isMet(target, value, direction) ? 100 : 0;
  return ((value - from) * 100) / (target - from);
}

/**
 * Whether a value meets the target: ≥ for increase/at-least, ≤ for
 * decrease/at-most (with a 1e-9 relative tolerance for float sums).
 * @example isMet(30, 28, 'at-most') // true
 */
export function isMet(target: number, value: number, direction: Direction): boolean {
  const tol = EPS * Math.max(1, Math.abs(target));
  return direction === 'increase' || direction === 'at-least' ? value >= target - tol : value <= target + tol;
}

export interface ForecastGoal {
  baseline: number | null;
  target: number;
  direction: Direction;
  start: string;
  due: string;
}

export type ForecastStatus = 'on-track' | 'at-risk' | 'off-track' | 'done' | 'missed' | 'not-started';

export interface Forecast {
  status: ForecastStatus;
  /** The projected value at the due date; null without check-ins. */
  projected: number | null;
  /** Progress of the last value; null without check-ins. */
  progressPct: number | null;
  /** Share of the goal's time elapsed by today, 0–100. */
  expectedPct: number;
  lastValue: number | null;
  lastDate: string | null;
}

/**
 * Where a goal stands today and where its trend leads (rule at the top of
 * this file).
 * @example forecast({ baseline: 0, target: 900, direction: 'increase', start: '2026-04-01', due: '2026-06-30' },
 *   [{ date: '2026-04-16', value: 150 }, { date: '2026-05-16', value: 450 }], '2026-05-16')
 * // { status: 'on-track', projected: 900, progressPct: 50, expectedPct: 50, lastValue: 450, lastDate: '2026-05-16' }
 */
export function forecast(goal: ForecastGoal, checkins: readonly { date: string; value: number }[], today: string): Forecast {
  return forecastFrom(goal, trend(goal, checkins), today);
}

/**
 * What of a forecast depends only on the goal's facts and its series, not on
 * today: computed once when the series or the facts change, then judged
 * against any day by `forecastFrom`.
 */
export interface Trend {
  /** Points in the series (one per date). */
  points: number;
  /** The first value: where a decrease without a baseline counts from. Null without points. */
  firstValue: number | null;
  lastValue: number | null;
  lastDate: string | null;
  /** The least-squares projection at the due date; null without points. */
  projected: number | null;
}

/** The today-independent half of `forecast`: the series' ends and its projection at the due date. */
export function trend(goal: Pick<ForecastGoal, 'baseline' | 'start' | 'due'>, checkins: readonly { date: string; value: number }[]): Trend {
  const start = toDay(goal.start);
  const span = toDay(goal.due) - start;
  const { xs, ys, lastDate } = daySeries(checkins, start);
  const n = xs.length;
  if (n === 0) return { points: 0, firstValue: null, lastValue: null, lastDate: null, projected: null };
  const lastValue = ys[n - 1]!;
  const lead = goal.baseline !== null && !xs.includes(0) ? goal.baseline : null;
  return { points: n, firstValue: ys[0]!, lastValue, lastDate, projected: lineAt(xs, ys, lead, span, lastValue) };
}

/** The today-dependent half of `forecast`: the status of a trend on `today` (cheap: no series). */
export function forecastFrom(goal: ForecastGoal, t: Trend, today: string): Forecast {
  const start = toDay(goal.start);
  const span = toDay(goal.due) - start;
  const now = toDay(today) - start;
  const pastDue = now > span;
  const expectedPct = span <= 0 ? (now >= span ? 100 : 0) : Math.min(100, Math.max(0, (now * 100) / span));

  if (t.points === 0 || t.lastValue === null || t.projected === null) {
    const status = pastDue ? 'missed' : expectedPct < NOT_STARTED_GRACE_PCT ? 'not-started' : 'at-risk';
    return { status, projected: null, progressPct: null, expectedPct, lastValue: null, lastDate: null };
  }

  const { lastValue, projected } = t;
  const { target, direction } = goal;
  const from = goal.baseline ?? (direction === 'decrease' ? t.firstValue : null);
  const result = { projected, progressPct: progressPct(from, target, lastValue, direction), expectedPct, lastValue, lastDate: t.lastDate };
  const met = isMet(target, lastValue, direction);

  let status: ForecastStatus;
  if (direction === 'increase' || direction === 'decrease') {
    const projectedPct = progressPct(from, target, projected, direction) ?? 0;
    if (met) status = 'done';
    else if (pastDue) status = 'missed';
    else status = projectedPct >= ON_TRACK_PCT ? 'on-track' : projectedPct >= AT_RISK_PCT ? 'at-risk' : 'off-track';
  } else if (now >= span && met) status = 'done';
  else if (pastDue) status = 'missed';
  else status = met ? 'on-track' : isMet(target, projected, direction) ? 'at-risk' : 'off-track';
  return { status, ...result };
}

/**
 * The check-ins as days since start (ascending) and values, the last given
 * winning on a date. Check-ins arrive sorted from the database, so that case
 * takes one pass without a map or a sort; anything else takes the general path.
 */
function daySeries(checkins: readonly { date: string; value: number }[], start: number): { xs: number[]; ys: number[]; lastDate: string | null } {
  const xs: number[] = [];
  const ys: number[] = [];
  let lastDate: string | null = null;
  for (const c of checkins) {
    const x = toDay(c.date) - start;
    const n = xs.length;
    if (n > 0 && x <= xs[n - 1]!) {
      if (x < xs[n - 1]!) return daySeriesUnsorted(checkins, start);
      ys[n - 1] = c.value;
    } else {
      xs.push(x);
      ys.push(c.value);
    }
    lastDate = c.date;
  }
  return { xs, ys, lastDate };
}

function daySeriesUnsorted(checkins: readonly { date: string; value: number }[], start: number): { xs: number[]; ys: number[]; lastDate: string | null } {
  const byDate = new Map<number, number>();
  for (const c of checkins) byDate.set(toDay(c.date) - start, c.value);
  const series = [...byDate].sort((a, b) => a[0] - b[0]);
  const last = series[series.length - 1];
  return { xs: series.map((p) => p[0]), ys: series.map((p) => p[1]), lastDate: last ? fromDay(start + last[0]) : null };
}

/**
 * Least-squares line through the points at x, the point (0, lead) first when
 * lead is not null; flat at `flat` when all x are equal. (Sums in point order,
 * mean first: the same floating-point steps whatever the caller.)
 */
function lineAt(xs: readonly number[], ys: readonly number[], lead: number | null, x: number, flat: number): number {
  const n = xs.length + (lead === null ? 0 : 1);
  let sx = 0;
  let sy = 0;
  if (lead !== null) sy += lead;
  for (let i = 0; i < xs.length; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  if (lead !== null) {
    sxx += (0 - mx) ** 2;
    sxy += (0 - mx) * (lead - my);
  }
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  if (sxx === 0) return flat;
  const slope = sxy / sxx;
  return my + slope * (x - mx);
}

/**
 * Whether a goal needs a check-in: from the start date on, stale when the
 * last check-in (or, with none since start, the start itself) is more than
 * `cadenceDays` days before today. Never stale before start; a check-in
 * dated before start counts as none.
 * @example isStale('2026-03-01', '2026-01-01', '2026-03-09') // true (8 days > 7)
 * @example isStale(null, '2026-03-01', '2026-03-05') // false
 */
export function isStale(lastCheckinDate: string | null, start: string, today: string, cadenceDays = 7): boolean {
  const s = toDay(start);
  const t = toDay(today);
  if (t < s) return false;
  const from = lastCheckinDate === null ? s : Math.max(s, toDay(lastCheckinDate));
  return t - from > cadenceDays;
}

/**
 * A parent's value from its children's. Additive: the sum, a child without a
 * value counting 0. Rate: the mean of the children with a value, weighted by
 * `weight` (default 1; children's targets are not used). Null when no child
 * has a value (or, for rates, their weights are all 0). Sums are cleaned to
 * 15 significant digits (0.1 + 0.2 → 0.3). Negative weights throw a RangeError.
 * @example rollup('additive', [{ target: 10, value: 4 }, { target: 10, value: null }]) // 4
 * @example rollup('rate', [{ target: 95, value: 80, weight: 3 }, { target: 95, value: 90 }]) // 82.5
 */
export function rollup(kind: MetricKind, children: readonly { target: number; value: number | null; weight?: number }[]): number | null {
  const valued = children.filter((c): c is { target: number; value: number; weight?: number } => c.value !== null);
  if (valued.length === 0) return null;
  if (kind === 'additive') return clean(valued.reduce((a, c) => a + c.value, 0));
  if (valued.some((c) => (c.weight ?? 1) < 0)) throw new RangeError('weights must not be negative');
  const total = valued.reduce((a, c) => a + (c.weight ?? 1), 0);
  if (total === 0) return null;
  return clean(valued.reduce((a, c) => a + c.value * (c.weight ?? 1), 0) / total);
}

function clean(x: number): number {
  const y = Number(x.toPrecision(15));
  return y === 0 ? 0 : y;
}

export { sparkline } from '../../shared/sparkline.js';
