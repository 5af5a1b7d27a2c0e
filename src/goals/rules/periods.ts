/**
 * Goal horizons and calendar periods. All dates are 'YYYY-MM-DD' and both
 * ends of a range are inclusive: 2026-01-01..2026-01-31 is 31 days.
 */
import { dayOf, daysInMonth, fromDay, partsOf, toDay, weekdayOf } from '../../shared/dates.js';

export const HORIZONS = ['year', 'quarter', 'month', 'week', 'custom'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** A slice of a goal's range. `weight` = covered days / days of the full calendar period (1 when whole). */
export interface Period {
  start: string;
  end: string;
  label: string;
  weight: number;
}

/** Inclusive length of a range in days, at least 300 of which make a 'year'. */
const YEAR_MIN_DAYS = 300;
const QUARTER_DAYS = [80, 100] as const;
const MONTH_DAYS = [28, 31] as const;

/**
 * The horizon of a goal's range. An exact calendar year, quarter
 * (Jan/Apr/Jul/Oct 1 to the last day of the third month), month or ISO week
 * (Monday–Sunday) is named as such; otherwise the inclusive length decides:
 * ≥ 300 days 'year' (multi-year spans too), 80–100 'quarter', 28–31 'month',
 * exactly 7 'week', anything else (and due before start) 'custom'.
 * @example deriveHorizon('2026-04-01', '2026-06-30') // 'quarter'
 * @example deriveHorizon('2026-01-15', '2026-02-14') // 'month' (31 days)
 * @example deriveHorizon('2026-01-01', '2026-01-20') // 'custom'
 */
export function deriveHorizon(start: string, due: string): Horizon {
  const s = toDay(start);
  const d = toDay(due);
  if (d < s) return 'custom';
  const { year, month, day } = partsOf(s);
  const monthEnd = (m: number): number => dayOf(year, m, daysInMonth(year, m));
  if (day === 1) {
    if (month === 1 && d === dayOf(year, 12, 31)) return 'year';
    if ((month - 1) % 3 === 0 && d === monthEnd(month + 2)) return 'quarter';
    if (d === monthEnd(month)) return 'month';
  }
  if (weekdayOf(s) === 0 && d - s === 6) return 'week';
  const len = d - s + 1;
  if (len >= YEAR_MIN_DAYS) return 'year';
  if (len >= QUARTER_DAYS[0] && len <= QUARTER_DAYS[1]) return 'quarter';
  if (len >= MONTH_DAYS[0] && len <= MONTH_DAYS[1]) return 'month';
  if (len === 7) return 'week';
  return 'custom';
}

/**
 * Long-term (strategic) when the horizon is a year, which covers every span
 * over a year since those are ≥ 300 days; otherwise short-term (operational).
 * @example isLongTerm('2026-01-01', '2027-06-30') // true
 * @example isLongTerm('2026-04-01', '2026-06-30') // false
 */
export function isLongTerm(start: string, due: string): boolean {
  return deriveHorizon(start, due) === 'year';
}

/** What a goal's range can be split into. */
export const SPLIT_PERIODS = ['quarter', 'month', 'week'] as const;
export type SplitPeriod = (typeof SPLIT_PERIODS)[number];

/**
 * The calendar quarters ('2026-Q4', Jan/Apr/Jul/Oct 1 to the end of the third
 * month), months ('2026-01') or ISO weeks ('2026-W03', Monday–Sunday,
 * numbered by ISO week-year) touching [start, due], each clipped to the range.
 * An edge period's weight is its covered share of the full period in days, so
 * a goal starting on Jan 15 gets 17/31 of a January, and one starting on
 * Nov 15 gets 47/92 of a Q4. Throws a RangeError when due is before start.
 * @example splitPeriods('2026-01-15', '2026-02-28', 'month')
 * // [{ start: '2026-01-15', end: '2026-01-31', label: '2026-01', weight: 17 / 31 },
 * //  { start: '2026-02-01', end: '2026-02-28', label: '2026-02', weight: 1 }]
 * @example splitPeriods('2026-01-01', '2026-12-31', 'quarter').map((p) => p.label)
 * // ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], each weight 1
 */
export function splitPeriods(start: string, due: string, by: SplitPeriod): Period[] {
  const s = toDay(start);
  const d = toDay(due);
  if (d < s) throw new RangeError(`due ${due} is before start ${start}`);
  const out: Period[] = [];
  const first = partsOf(s);
  const firstMonth = by === 'quarter' ? first.month - ((first.month - 1) % 3) : first.month;
  let fullStart = by === 'week' ? s - weekdayOf(s) : dayOf(first.year, firstMonth, 1);
  while (fullStart <= d) {
    const { year, month } = partsOf(fullStart);
    const fullEnd = by === 'week' ? fullStart + 6 : by === 'quarter' ? dayOf(year, month + 2, daysInMonth(year, month + 2)) : fullStart + daysInMonth(year, month) - 1;
    const from = Math.max(s, fullStart);
    const to = Math.min(d, fullEnd);
    const label = by === 'week' ? isoWeekLabel(fullStart) : by === 'quarter' ? `${year}-Q${(month + 2) / 3}` : `${year}-${String(month).padStart(2, '0')}`;
    const weight = (to - from + 1) / (fullEnd - fullStart + 1);
    out.push({ start: fromDay(from), end: fromDay(to), label, weight });
    fullStart = fullEnd + 1;
  }
  return out;
}

/** ISO label of the week starting on Monday `monday`: its Thursday decides the week-year. */
function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const { year } = partsOf(thursday);
  const week = Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The calendar month, quarter, year or ISO week containing `today`, as [start, due]. */
export function currentPeriod(horizon: Exclude<Horizon, 'custom'>, today: string): [string, string] {
  // The same UTC day-number maths as splitPeriods: no time zone can shift a day.
  const d = toDay(today);
  const { year, month } = partsOf(d);
  switch (horizon) {
    case 'year':
      return [fromDay(dayOf(year, 1, 1)), fromDay(dayOf(year, 12, 31))];
    case 'quarter': {
      const q = Math.floor((month - 1) / 3) * 3 + 1;
      return [fromDay(dayOf(year, q, 1)), fromDay(dayOf(year, q + 2, daysInMonth(year, q + 2)))];
    }
    case 'month':
      return [fromDay(dayOf(year, month, 1)), fromDay(dayOf(year, month, daysInMonth(year, month)))];
    case 'week':
      return [fromDay(d - weekdayOf(d)), fromDay(d - weekdayOf(d) + 6)];
  }
}
