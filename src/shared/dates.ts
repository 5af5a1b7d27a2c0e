/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' strings, in UTC so that no time
 * zone or daylight-saving jump can shift a day. A "day number" is the count
 * of days since 1970-01-01 (which was a Thursday).
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number of a 'YYYY-MM-DD' date; throws a RangeError for anything else,
 * including impossible dates such as '2026-02-30'.
 * @example toDay('1970-01-02') // 1
 */
export function toDay(date: string): number {
  const known = dayCache.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  if (fromDay(day) !== date) throw new RangeError(`not a calendar date: ${date}`);
  if (dayCache.size >= DAY_CACHE_MAX) dayCache.clear();
  dayCache.set(date, day);
  return day;
}

// Evaluating a list converts every check-in's date, 100,000 of them, over a few
// hundred distinct days: parsing and checking each costs more than the rest of
// the forecast. Only valid dates are kept; the bound keeps a long run small.
const dayCache = new Map<string, number>();
const DAY_CACHE_MAX = 10_000;

/**
 * The 'YYYY-MM-DD' date of a day number.
 * @example fromDay(0) // '1970-01-01'
 */
export function fromDay(day: number): string {
  // Expanding meetings and judging goals day by day ask for the same few hundred days thousands of times.
  let date = dateCache.get(day);
  if (date === undefined) {
    if (dateCache.size >= DAY_CACHE_MAX) dateCache.clear();
    dateCache.set(day, (date = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  }
  return date;
}
const dateCache = new Map<number, string>();

/**
 * A date `n` days later (earlier when negative).
 * @example addDays('2026-02-27', 2) // '2026-03-01'
 */
export function addDays(date: string, n: number): string {
  return fromDay(toDay(date) + n);
}

/**
 * A date `n` calendar months later, kept within the month it lands in: a day
 * the month lacks becomes its last day (what date-fns' addMonths does).
 * @example addMonths('2026-01-31', 1) // '2026-02-28'
 */
export function addMonths(date: string, n: number): string {
  const { year, month, day } = partsOf(toDay(date));
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromDay(dayOf(y, m, Math.min(day, daysInMonth(y, m))));
}

/** The date before `date`. */
export const dayBefore = (date: string) => addDays(date, -1);

/**
 * Weekday of a day number, Monday = 0 … Sunday = 6 (ISO order).
 * @example weekdayOf(toDay('2026-01-12')) // 0 (a Monday)
 */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * Number of days in a month (month 1–12).
 * @example daysInMonth(2028, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Year, month (1–12) and day of a day number.
 * @example partsOf(toDay('2026-03-15')) // { year: 2026, month: 3, day: 15 }
 */
export function partsOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Day number of year/month/day (month 1–12, no overflow checking).
 * @example dayOf(1970, 1, 1) // 0
 */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * Whether a string is a real calendar day written YYYY-MM-DD.
 * @example isCalendarDate('2026-02-30') // false
 */
export function isCalendarDate(s: string): boolean {
  return dateProblem(s) === undefined;
}

/** What is wrong with a date as typed: not YYYY-MM-DD at all, a month that does not exist, or a day its month does not have. */
export type DateProblem = { kind: 'format' } | { kind: 'month'; month: number } | { kind: 'day'; year: number; month: number; days: number };

/**
 * Why a string is not a calendar day written YYYY-MM-DD, or undefined when it is one.
 * @example dateProblem('2026-02-30') // { kind: 'day', year: 2026, month: 2, days: 28 }
 * @example dateProblem('2026-13-01') // { kind: 'month', month: 13 }
 * @example dateProblem('30.02.2026') // { kind: 'format' }
 */
export function dateProblem(s: string): DateProblem | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return { kind: 'format' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { kind: 'month', month };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { kind: 'day', year, month, days };
  return undefined;
}
