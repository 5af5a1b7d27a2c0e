/**
 * The local dates a meeting series falls on, pure: its stored rule (rule.ts)
 * expanded from its first date, a month at a time, with the months the
 * database stores read without rrule (the instant a local date and time is
 * in a zone: zones.ts).
 *
 * Dates are floating: DTSTART is the series' first date at 00:00 UTC (rrule's
 * "UTC as local" convention, no TZID), so the dates never depend on the
 * process's time zone; the time of day and the zone are applied separately,
 * by zones.ts's zonedInstant. Dates are 'YYYY-MM-DD'; ranges include both ends.
 */
// The package's CommonJS build is what both Node's ESM loader and the esbuild
// bundle load; Node sees none of its named exports, only the default one.
import type * as RRuleModule from 'rrule';
import type { Options } from 'rrule';
import { dayOf, daysInMonth, fromDay, partsOf, toDay, weekdayOf } from '../../shared/dates.js';

/**
 * rrule, loaded on first use: reading a window the series stored needs it not
 * at all, and its load is a cost every command reading meetings would pay.
 * (A require, not an import, so that it waits until a rule is expanded; the
 * bundle points it at its own file, dist/vendor/rrule.cjs.)
 */
let lib: typeof RRuleModule | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rruleLib = (): typeof RRuleModule => (lib ??= require('rrule') as typeof RRuleModule);
const RR = () => rruleLib().RRule;

/** When a series falls: its stored rule, its first possible date (DTSTART's date) and its last one, inclusive. */
export interface Schedule {
  rrule: string;
  startsOn: string;
  until: string | null;
}

const DAY_MS = 86_400_000;

// ── the dates of a schedule ──────────────────────────────────────────────

/**
 * A stored rule ready to expand from any of its periods: rrule's options with
 * the defaults that hang on DTSTART filled in from the first date, the last
 * date COUNT or UNTIL allow (a day number; Infinity when open), and a key
 * naming the options, which series with the same rule share.
 */
interface Plan {
  options: Partial<Options>;
  last: number;
  key: string;
}

// Parsing a rule and counting its COUNT happen once per rule and first date;
// a month's dates once per rule and month, whichever series asks. rrule costs
// ~30 µs a month however few dates it finds, and a list expands 200 series.
const plans = new Map<string, Plan>();
const months = new Map<string, readonly string[]>();
const CACHE_MAX = 5_000;
const SOON_DAYS = 61;

/** A cached value, made on first use; the cache starts afresh when full. */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A rule's plan; COUNT becomes the date of its last occurrence, counted from the first date. */
function makePlan(rule: string, start: number): Plan {
  const { count, until, ...parsed } = RR().parseString(rule);
  const options = monthAtATime(withDefaults(parsed, start));
  const key = JSON.stringify(options);
  if (!count) return { options, key, last: until ? dayNumber(until) : Infinity };
  const counted = new (RR())({ ...options, dtstart: at(start), count }, true).all();
  return { options, key, last: counted.length > 0 ? dayNumber(counted.at(-1)!) : start - 1 };
}

/** Whether an option is set (rrule's parser gives a number or a list). */
function present(v: unknown): boolean {
  return v !== undefined && v !== null && (!Array.isArray(v) || v.length > 0);
}

/** rrule's own defaults that hang on DTSTART, filled in from the first date, so that starting from a later period keeps them. */
function withDefaults(o: Partial<Options>, start: number): Partial<Options> {
  if (present(o.byweekday) || present(o.bymonthday)) return o;
  const { month, day } = partsOf(start);
  if (o.freq === RR().YEARLY) return { ...o, bymonth: present(o.bymonth) ? o.bymonth! : month, bymonthday: day };
  if (o.freq === RR().MONTHLY) return { ...o, bymonthday: day };
  if (o.freq === RR().WEEKLY) return { ...o, byweekday: [weekdayOf(start)] };
  return o;
}

/**
 * DAILY and WEEKLY every 1 period as the same dates by month: rrule allocates
 * a year-long array for every period it visits, so a 30-day window costs
 * ~270 µs a day at a time and ~30 µs a month at a time. Without BYSETPOS,
 * every BY part is a filter on the period's days either way.
 */
function monthAtATime(o: Partial<Options>): Partial<Options> {
  if ((o.freq !== RR().DAILY && o.freq !== RR().WEEKLY) || (o.interval ?? 1) !== 1 || present(o.bysetpos)) return o;
  return { ...o, freq: RR().MONTHLY, byweekday: present(o.byweekday) ? o.byweekday! : [0, 1, 2, 3, 4, 5, 6] };
}

/**
 * The first day of the rule's period (day, week from WKST, month, year) in
 * which the series may fall on `a` or later: a multiple of INTERVAL periods
 * after the first date's, so that rrule iterates from there rather than from
 * the first date, and never before the first date.
 */
function periodStart(o: Partial<Options>, start: number, a: number): number {
  const n = o.interval ?? 1;
  const aligned = (first: number, here: number, step = 1) => first + Math.floor((here - first) / (n * step)) * n * step;
  if (o.freq === RR().DAILY) return aligned(start, a);
  if (o.freq === RR().WEEKLY) {
    const wkst = typeof o.wkst === 'number' ? o.wkst : (o.wkst?.weekday ?? 0);
    const weekStart = (d: number) => d - ((weekdayOf(d) - wkst + 7) % 7);
    return Math.max(start, aligned(weekStart(start), weekStart(a), 7));
  }
  if (o.freq === RR().MONTHLY) {
    const m = aligned(monthIndex(start), monthIndex(a));
    return Math.max(start, dayOf(Math.floor(m / 12), (m % 12) + 1, 1));
  }
  return Math.max(start, dayOf(aligned(partsOf(start).year, partsOf(a).year), 1, 1));
}

// The Gregorian calendar repeats every 400 years, weekdays and leap days alike.
const DAYS_IN_400_YEARS = 146_097;
const RRULE_MAX_YEAR = 9999;

/**
 * Whether a rule gives a date within `years` of its first date. rrule checks
 * UNTIL only against dates it finds, so for a rule that finds none it walks
 * on to the year 9999 (3 s for BYMONTH=4;BYMONTHDAY=31 from 2026): this looks
 * at the same dates a multiple of 400 years on, as close to 9999 as they fit,
 * so that the walk past the horizon stays under 400 years.
 */
export function occursWithinYears(rule: string, start: number, years: number): boolean {
  const { count: _count, until, ...parsed } = RR().parseString(rule);
  const { year, month, day } = partsOf(start);
  const end = Math.min(dayOf(year + years, month, day) - 1, until ? dayNumber(until) : Infinity);
  if (end < start) return false;
  const shift = Math.floor((RRULE_MAX_YEAR - partsOf(end).year) / 400) * DAYS_IN_400_YEARS;
  const options = monthAtATime(withDefaults(parsed, start));
  return new (RR())({ ...options, dtstart: at(start + shift), until: at(end + shift) }, true).after(at(start + shift), true) !== null;
}

/** Midnight UTC of a day number: a floating date as rrule reads one. */
function at(day: number): Date {
  return new Date(day * DAY_MS);
}

/** 'YYYY-MM-DD' of a floating date from rrule (toISOString costs ~1 µs a date, a third of rrule's own). */
function isoDate(d: Date): string {
  const [month, day] = [d.getUTCMonth() + 1, d.getUTCDate()];
  return `${d.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The day number of a floating date from rrule. */
function dayNumber(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

/** The schedule's plan, first date, and the first and last days within [from, to] it may fall on. */
function bounds(s: Schedule, from: string, to: number): { plan: Plan; start: number; a: number; b: number } {
  const start = toDay(s.startsOn);
  const plan = cached(plans, `${start} ${s.rrule}`, () => makePlan(s.rrule, start));
  return { plan, start, a: Math.max(toDay(from), start), b: Math.min(to, s.until === null ? Infinity : toDay(s.until), plan.last) };
}

/** The rule's dates in month `m` (year × 12 + month − 1) on or after the first date, ignoring COUNT and UNTIL. */
function monthDates(plan: Plan, start: number, m: number): readonly string[] {
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  const first = Math.max(start, dayOf(year, month, 1));
  const from = periodStart(plan.options, start, first);
  return cached(months, `${plan.key} ${from} ${m}`, () => {
    const rule = new (RR())({ ...plan.options, dtstart: at(from), until: at(dayOf(year, month, daysInMonth(year, month))) }, true);
    const min = first * DAY_MS;
    return rule.all().filter((d) => d.getTime() >= min).map(isoDate);
  });
}

/** A rule's dates in one month ('YYYY-MM'), as occurrenceDates gives them with no last date: what the meetings store so that reading needs no rrule. */
export interface MonthDates {
  startsOn: string;
  rrule: string;
  month: string;
  /** The days of the month the rule falls on, a bit a day: bit d − 1 for day d (1 << 30 for the 31st). */
  days: number;
}

/** The months (YYYY-MM) from the month of one date to that of another, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthIndex(toDay(from)); m <= monthIndex(toDay(to)); m++) out.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** The dates of a schedule in each month of [from, to], as stored (computed here when a series is written). */
export function monthDatesOf(s: Schedule, from: string, to: string): MonthDates[] {
  const free = { rrule: s.rrule, startsOn: s.startsOn, until: null };
  return monthsBetween(from, to).map((month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const dates = occurrenceDates(free, `${month}-01`, `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`);
    return { startsOn: s.startsOn, rrule: s.rrule, month, days: dates.reduce((bits, d) => bits | (1 << (Number(d.slice(8, 10)) - 1)), 0) };
  });
}

/** Per rule (first date and RRULE), per month index: its stored days. */
const storedMonths = new Map<string, Map<number, number>>();
const ruleKey = (startsOn: string, rrule: string) => `${startsOn} ${rrule}`;

/**
 * Hands the expansion the months stored with the series (the database's
 * memo of rrule's answers for their rules): a window they cover is read from
 * them, without rrule. Like the caches, it changes no result, only its cost.
 */
export function primeMonthDates(entries: readonly MonthDates[]): void {
  storedMonths.clear();
  for (const e of entries) {
    const key = ruleKey(e.startsOn, e.rrule);
    let months = storedMonths.get(key);
    if (months === undefined) storedMonths.set(key, (months = new Map()));
    months.set(Number(e.month.slice(0, 4)) * 12 + Number(e.month.slice(5, 7)) - 1, e.days);
  }
}

/** The dates from stored months when they cover the whole window, else undefined; each month's set bits only are visited. */
function storedDates(s: Schedule, from: string, to: string): string[] | undefined {
  const months = storedMonths.get(ruleKey(s.startsOn, s.rrule));
  if (months === undefined) return undefined;
  const a = from > s.startsOn ? from : s.startsOn;
  const b = s.until !== null && s.until < to ? s.until : to;
  if (a > b) return [];
  const [first, last] = [toDay(a), toDay(b)];
  const out: string[] = [];
  for (let m = monthIndex(first); m <= monthIndex(last); m++) {
    let days = months.get(m);
    if (days === undefined) return undefined;
    const day1 = dayOf(Math.floor(m / 12), (m % 12) + 1, 1);
    while (days !== 0) {
      const bit = 31 - Math.clz32(days & -days);
      days &= days - 1;
      const day = day1 + bit;
      if (day >= first && day <= last) out.push(fromDay(day));
    }
  }
  return out;
}

/** The month index (year × 12 + month − 1) of a day number. */
function monthIndex(day: number): number {
  const { year, month } = partsOf(day);
  return year * 12 + month - 1;
}

/**
 * The local dates on which the schedule falls within [from, to], ascending.
 * @example occurrenceDates({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', startsOn: '2026-01-05', until: null }, '2026-01-01', '2026-01-31') // ['2026-01-05', '2026-01-19']
 */
export function occurrenceDates(s: Schedule, from: string, to: string): string[] {
  const known = storedDates(s, from, to);
  if (known !== undefined) return known;
  const { plan, start, a, b } = bounds(s, from, toDay(to));
  if (a > b) return [];
  const [first, last] = [fromDay(a), fromDay(b)];
  const out: string[] = [];
  for (let m = monthIndex(a); m <= monthIndex(b); m++) out.push(...monthDates(plan, start, m).filter((d) => d >= first && d <= last));
  return out;
}

/** Whether `date` is one of the schedule's dates. */
export function isOccurrenceDate(s: Schedule, date: string): boolean {
  return occurrenceDates(s, date, date).length > 0;
}

/**
 * The schedule's first date on or after `from`, or undefined when the series
 * is over. The next two months come from the months already expanded (most
 * rules fall in them); a rarer date from rrule iterating on from there, only
 * until it finds one.
 */
export function nextOccurrenceDate(s: Schedule, from: string): string | undefined {
  const { plan, start, a, b } = bounds(s, from, Infinity);
  if (a > b) return undefined;
  const soon = occurrenceDates(s, fromDay(a), fromDay(Math.min(b, a + SOON_DAYS)))[0];
  if (soon !== undefined || a + SOON_DAYS >= b) return soon;
  const later = a + SOON_DAYS + 1;
  const rule = new (RR())({ ...plan.options, dtstart: at(periodStart(plan.options, start, later)), until: Number.isFinite(b) ? at(b) : null }, true);
  const next = rule.after(at(later), true);
  return next === null ? undefined : fromDay(dayNumber(next));
}
