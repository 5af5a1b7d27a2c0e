/**
 * The goal evaluation as it was before it was split into summarize/judge
 * (src/goals/rules at c2a5faf, verbatim but for the names): the oracle the
 * split is checked against, so that stored summaries cannot drift from it.
 */
import { BUDGET_AT_RISK, dedupeSeries, progressOrigin, rollupSeries, type Evaluation, type GoalFacts, type GoalStatus, type Point } from '../../../src/goals/rules/evaluate.js';
import { AT_RISK_PCT, isMet, isStale, NOT_STARTED_GRACE_PCT, ON_TRACK_PCT, progressPct, type Forecast, type ForecastGoal, type ForecastStatus } from '../../../src/goals/rules/progress.js';
import { fromDay, toDay } from '../../../src/shared/dates.js';

export function oldForecast(goal: ForecastGoal, checkins: readonly { date: string; value: number }[], today: string): Forecast {
  const start = toDay(goal.start);
  const span = toDay(goal.due) - start;
  const now = toDay(today) - start;
  const pastDue = now > span;
  const expectedPct = span <= 0 ? (now >= span ? 100 : 0) : Math.min(100, Math.max(0, (now * 100) / span));

  const { xs, ys, lastDate } = daySeries(checkins, start);
  const n = xs.length;
  if (n === 0) {
    const status = pastDue ? 'missed' : expectedPct < NOT_STARTED_GRACE_PCT ? 'not-started' : 'at-risk';
    return { status, projected: null, progressPct: null, expectedPct, lastValue: null, lastDate: null };
  }

  const lastValue = ys[n - 1]!;
  const lead = goal.baseline !== null && !xs.includes(0) ? goal.baseline : null;
  const projected = lineAt(xs, ys, lead, span, lastValue);
  const { target, direction } = goal;
  const from = goal.baseline ?? (direction === 'decrease' ? ys[0]! : null);
  const result = { projected, progressPct: progressPct(from, target, lastValue, direction), expectedPct, lastValue, lastDate };
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

function totalsStatus(goal: GoalFacts, target: number, f: { status: GoalStatus; projected: number | null }, lastValue: number | null, pastDue: boolean): GoalStatus {
  if (goal.kind !== 'additive' || goal.direction !== 'at-most' || lastValue === null) return f.status;
  if (lastValue > target) return pastDue ? 'missed' : 'off-track';
  if (pastDue) return 'done';
  if (f.projected === null || f.projected <= target) return 'on-track';
  return f.projected <= target * BUDGET_AT_RISK ? 'at-risk' : 'off-track';
}

export function oldEvaluateGoal(
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
  const f = oldForecast(facts, series, today);
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
    base.progressPct = value === null ? null : oldForecast(facts, [{ date: goal.due, value }], goal.due).progressPct;
    base.status = goal.state === 'achieved' ? 'done' : 'missed';
    return base;
  }
  const leaf = !children || children.length === 0;
  const settled = base.status === 'done' || base.status === 'missed';
  base.stale = leaf && !settled && isStale(base.lastCheckinDate, goal.start, today, goal.cadenceDays);
  return base;
}
