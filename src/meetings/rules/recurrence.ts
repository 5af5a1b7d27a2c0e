/**
 * The recurrence of meeting series, pure: a cadence as a lead types it, its
 * stored form (an RFC 5545 RRULE value without DTSTART), the local dates it
 * falls on (the instant a local date and time is in a zone: zones.ts).
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
import { dateProblem, dayOf, daysInMonth, fromDay, partsOf, toDay, weekdayOf } from '../../shared/dates.js';
import { InputError } from '../../shared/errors.js';
import { closestMatch } from '../../shared/match.js';

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

export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Nth = 1 | 2 | 3 | 4 | -1;

export type Cadence =
  | { kind: 'once' }
  | { kind: 'daily'; interval: number }
  | { kind: 'workdays' } // Mon–Fri
  | { kind: 'weekly'; interval: number; weekdays: Weekday[] }
  | { kind: 'monthly-day'; interval: number; day: number } // 1–31; in a shorter month, that month's last day
  | { kind: 'monthly-last-day'; interval: number }
  | { kind: 'monthly-weekday'; interval: number; nth: Nth; weekday: Weekday }
  | { kind: 'monthly-workday'; interval: number; nth: 1 | -1 }; // first / last working day (Mon–Fri)

/** When a series falls: its stored rule, its first possible date (DTSTART's date) and its last one, inclusive. */
export interface Schedule {
  rrule: string;
  startsOn: string;
  until: string | null;
}

const DAY_MS = 86_400_000;
const WORKDAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr'];
const MAX_INTERVAL = 99;

// ── cadence, as a lead types it ──────────────────────────────────────────

type CadenceWord = 'once' | 'daily' | 'workdays' | 'weekly' | 'monthly';
const CADENCE_WORDS = new Map<string, CadenceWord>([
  ['once', 'once'], ['一次', 'once'], ['daily', 'daily'], ['每天', 'daily'], ['workdays', 'workdays'], ['weekdays', 'workdays'],
  ['工作日', 'workdays'], ['weekly', 'weekly'], ['每周', 'weekly'], ['monthly', 'monthly'], ['每月', 'monthly'],
]);
const NTH_WORDS = new Map<string, Nth>([
  ['first', 1], ['1st', 1], ['second', 2], ['2nd', 2], ['third', 3], ['3rd', 3], ['fourth', 4], ['4th', 4], ['last', -1],
]);
/** The Nth of an RRULE's BYDAY ('1MO', '-1FR'). */
const NTH_PREFIX = new Map<string, Nth>([['1', 1], ['2', 2], ['3', 3], ['4', 4], ['-1', -1]]);

/**
 * What a lead types for --repeat, with --interval N (default 1) and the
 * series' first date, which `weekly` and `monthly` without a day fall on.
 * @example parseCadence('weekly:mon,thu', 2, '2026-03-02') // { kind: 'weekly', interval: 2, weekdays: ['mo', 'th'] }
 * @example parseCadence('monthly', undefined, '2026-01-31') // { kind: 'monthly-day', interval: 1, day: 31 }
 */
export function parseCadence(text: string, interval: number | undefined, startsOn: string): Cadence {
  const normal = text.normalize('NFKC').trim().toLowerCase();
  const colon = normal.indexOf(':');
  const word = CADENCE_WORDS.get((colon < 0 ? normal : normal.slice(0, colon)).trim());
  const arg = colon < 0 ? undefined : normal.slice(colon + 1).trim();
  if (word === undefined) throw new InputError('meetings.err.badCadence', { value: text });
  const n = checkInterval(interval, word, text);
  if (arg === '') throw new InputError('meetings.err.badCadence', { value: text });
  if (word === 'weekly') return { kind: 'weekly', interval: n, weekdays: arg === undefined ? [WEEKDAYS[weekdayOf(toDay(startsOn))]!] : parseWeekdays(arg) };
  if (word === 'monthly') return monthlyCadence(arg, n, startsOn, text);
  if (arg !== undefined) throw new InputError('meetings.err.badCadence', { value: text });
  return word === 'daily' ? { kind: 'daily', interval: n } : { kind: word };
}

/** --interval: a whole number 1–99, and only for cadences that repeat every N periods. */
function checkInterval(interval: number | undefined, word: CadenceWord, text: string): number {
  if (interval === undefined) return 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL) throw new InputError('meetings.err.badInterval', { value: String(interval) });
  if (word === 'once' || word === 'workdays') throw new InputError('meetings.err.intervalNotAllowed', { value: text });
  return interval;
}

/** `monthly`, `monthly:15`, `monthly:last` (or last-day), `monthly:2nd-tue`, `monthly:last-workday`. */
function monthlyCadence(arg: string | undefined, interval: number, startsOn: string, text: string): Cadence {
  if (arg === undefined) return { kind: 'monthly-day', interval, day: partsOf(toDay(startsOn)).day };
  if (/^\d+$/.test(arg)) return { kind: 'monthly-day', interval, day: monthDay(arg) };
  if (arg === 'last' || arg === 'last-day') return { kind: 'monthly-last-day', interval };
  const m = /^([a-z0-9]+)-(.+)$/.exec(arg);
  const nth = m ? NTH_WORDS.get(m[1]!) : undefined;
  if (m === null || nth === undefined) throw new InputError('meetings.err.badCadence', { value: text });
  if (m[2] === 'workday' || m[2] === 'workdays') {
    if (nth !== 1 && nth !== -1) throw new InputError('meetings.err.badCadence', { value: text });
    return { kind: 'monthly-workday', interval, nth };
  }
  const days = parseWeekdays(m[2]!);
  if (days.length !== 1) throw new InputError('meetings.err.badCadence', { value: text });
  return { kind: 'monthly-weekday', interval, nth, weekday: days[0]! };
}

/** A day of the month, 1–31. */
function monthDay(text: string): number {
  const day = Number(text);
  if (day < 1 || day > 31) throw new InputError('meetings.err.badMonthDay', { value: text });
  return day;
}

// ── weekdays, times, zones ───────────────────────────────────────────────

const WEEKDAY_NAMES = new Map<string, Weekday>(
  WEEKDAYS.flatMap((d, i) => {
    const english = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][i]!;
    const chinese = ['一', '二', '三', '四', '五', '六', '日'][i]!;
    const forms = [d, english.slice(0, 3), english, ...(d === 'tu' ? ['tues'] : d === 'th' ? ['thur', 'thurs'] : [])];
    const han = [chinese, ...(d === 'su' ? ['天'] : [])].flatMap((c) => ['周', '星期', '礼拜'].map((p) => p + c));
    return [...forms, ...han].map((name): [string, Weekday] => [name, d]);
  }),
);
const WEEKDAY_CHOICES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Weekday names as a lead types them, in Monday-first order without repeats:
 * mo/mon/monday (any case), 周一/星期一/礼拜一, 周日/周天/星期日; ranges
 * (mon-fri, 周一-周五, 周一至周五, fri-mon wraps); lists split by , ， or 、.
 * @example parseWeekdays('周一至周三、fri') // ['mo', 'tu', 'we', 'fr']
 */
export function parseWeekdays(text: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of text.normalize('NFKC').split(/[,、]/)) for (const d of weekdayRange(part, text)) days.add(d);
  return WEEKDAYS.filter((d) => days.has(d));
}

/** One weekday, or a range of them ('mon-fri', '周五至周一' wraps over the weekend). */
function weekdayRange(part: string, text: string): Weekday[] {
  const ends = part.split(/[-–—~至到]/).map((e) => WEEKDAY_NAMES.get(e.trim().toLowerCase()));
  if (ends.length > 2 || ends.some((e) => e === undefined)) throw new InputError('meetings.err.badWeekday', { value: text, choices: WEEKDAY_CHOICES });
  const [a, b = a] = ends.map((e) => WEEKDAYS.indexOf(e!));
  return Array.from({ length: ((b! - a! + 7) % 7) + 1 }, (_, i) => WEEKDAYS[(a! + i) % 7]!);
}

/**
 * 'HH:MM' from '9:00', '09:00' or '9：30' (a full-width colon), 00:00–23:59.
 * @example parseTime('9：30') // '09:30'
 */
export function parseTime(text: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.normalize('NFKC').trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new InputError('meetings.err.badTime', { value: text });
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/**
 * An IANA zone name as Intl spells it ('asia/shanghai' → 'Asia/Shanghai').
 * Abbreviations other than UTC and GMT are refused although Intl knows some:
 * it reads EST as America/Panama, which keeps no daylight saving time.
 * @example parseZone('utc') // 'UTC'
 */
export function parseZone(text: string): string {
  const name = text.trim();
  const known = canonicalZone(name);
  if (known !== undefined) return known;
  const suggestion = zoneSuggestion(name);
  throw new InputError(suggestion ? 'meetings.err.badZoneSuggest' : 'meetings.err.badZone', { value: text, ...(suggestion && { suggestion }) });
}

/** The zone's name as Intl resolves it, or undefined when Intl does not know it or it is an abbreviation. */
function canonicalZone(name: string): string | undefined {
  if (!name.includes('/') && !/^(utc|gmt)$/i.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The known zone closest to a misspelt one, or the zone of a city typed alone ('shanghai', 'new york'). */
function zoneSuggestion(name: string): string | undefined {
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC']; // Intl does not list UTC
  if (name.includes('/')) return closestMatch(name, zones);
  if (!/^[\p{L} _-]{5,}$/u.test(name)) return undefined; // an abbreviation such as EST is part of too many names (Budapest)
  const city = closestMatch(name.replaceAll(' ', '_'), zones.map((z) => z.slice(z.lastIndexOf('/') + 1)));
  return city && zones.find((z) => z.endsWith(`/${city}`));
}

// ── the stored rule ──────────────────────────────────────────────────────

const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
type Freq = (typeof FREQS)[number];

/** An RRULE's parts as RFC 5545 spells their values (UNTIL as YYYY-MM-DD here). */
interface RuleParts {
  freq: Freq;
  interval?: number;
  bymonth?: number[];
  bymonthday?: number[];
  byday?: string[];
  bysetpos?: number[];
  wkst?: string;
  count?: number;
  until?: string;
}
/** The canonical order of the parts in a stored rule. */
const PART_ORDER = ['freq', 'interval', 'bymonth', 'bymonthday', 'byday', 'bysetpos', 'wkst', 'count', 'until'] as const;
type PartName = (typeof PART_ORDER)[number];

/** The stored text of a rule's parts, in the canonical order. */
function formatRule(p: RuleParts): string {
  return PART_ORDER.flatMap((k) => {
    const v = p[k];
    if (v === undefined) return [];
    return [`${k.toUpperCase()}=${k === 'until' ? String(v).replaceAll('-', '') : Array.isArray(v) ? v.join(',') : v}`];
  }).join(';');
}

/**
 * The stored form of a cadence: an RRULE value without DTSTART.
 * @example cadenceRrule({ kind: 'workdays' }) // 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'
 * @example cadenceRrule({ kind: 'monthly-day', interval: 1, day: 30 }) // 'FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1'
 */
export function cadenceRrule(c: Cadence): string {
  return formatRule(cadenceParts(c));
}

/** A cadence as rule parts; INTERVAL only when above 1. */
function cadenceParts(c: Cadence): RuleParts {
  const every = (freq: Freq, interval: number): RuleParts => (interval > 1 ? { freq, interval } : { freq });
  const days = (ds: readonly Weekday[]): string[] => ds.map((d) => d.toUpperCase());
  switch (c.kind) {
    case 'once': return { freq: 'DAILY', count: 1 };
    case 'daily': return every('DAILY', c.interval);
    case 'workdays': return { freq: 'WEEKLY', byday: days(WORKDAYS) };
    case 'weekly': return { ...every('WEEKLY', c.interval), byday: days(c.weekdays) };
    // The 29th–31st, or the month's last day when it is shorter: still plain RFC 5545, so calendar apps agree.
    case 'monthly-day': return c.day <= 28 ? { ...every('MONTHLY', c.interval), bymonthday: [c.day] } : { ...every('MONTHLY', c.interval), bymonthday: range(28, c.day), bysetpos: [-1] };
    case 'monthly-last-day': return { ...every('MONTHLY', c.interval), bymonthday: [-1] };
    case 'monthly-weekday': return { ...every('MONTHLY', c.interval), byday: [`${c.nth}${c.weekday.toUpperCase()}`] };
    case 'monthly-workday': return { ...every('MONTHLY', c.interval), byday: days(WORKDAYS), bysetpos: [c.nth] };
  }
}

/** The whole numbers from `a` to `b`. */
function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * The cadence a stored rule is the form of (with its COUNT or UNTIL, if any),
 * or undefined when no cadence gives exactly this rule (the inverse of cadenceRrule).
 * @example cadenceOf('FREQ=MONTHLY;BYDAY=-1FR;COUNT=6') // { cadence: { kind: 'monthly-weekday', interval: 1, nth: -1, weekday: 'fr' }, count: 6 }
 */
export function cadenceOf(rule: string): { cadence: Cadence; count?: number; until?: string } | undefined {
  let parts: RuleParts;
  try {
    parts = ruleParts(rule);
  } catch {
    return undefined;
  }
  if (formatRule(parts) === 'FREQ=DAILY;COUNT=1') return { cadence: { kind: 'once' } };
  const { count, until, wkst: _wkst, ...shape } = parts;
  const cadence = guessCadence(shape);
  if (cadence === undefined || cadenceRrule(cadence) !== formatRule(shape)) return undefined;
  return { cadence, ...(count !== undefined && { count }), ...(until !== undefined && { until }) };
}

/** The cadence rule parts look like; cadenceOf checks that it gives exactly them. */
function guessCadence(p: RuleParts): Cadence | undefined {
  const interval = p.interval ?? 1;
  const weekdays = (p.byday ?? []).map((d) => WEEKDAYS.find((w) => w.toUpperCase() === d)).filter((d) => d !== undefined);
  if (p.freq === 'DAILY') return { kind: 'daily', interval };
  if (p.freq === 'WEEKLY') return formatRule(p) === cadenceRrule({ kind: 'workdays' }) ? { kind: 'workdays' } : { kind: 'weekly', interval, weekdays };
  if (p.freq !== 'MONTHLY') return undefined;
  const day = p.bymonthday?.at(-1);
  if (day === -1) return { kind: 'monthly-last-day', interval };
  if (day !== undefined) return { kind: 'monthly-day', interval, day };
  const pos = p.bysetpos?.[0];
  if (pos === 1 || pos === -1) return { kind: 'monthly-workday', interval, nth: pos };
  const m = /^([+-]?\d+)([A-Z]{2})$/.exec(p.byday?.[0] ?? '');
  const nth = NTH_PREFIX.get(m?.[1] ?? '');
  const weekday = WEEKDAYS.find((w) => w.toUpperCase() === m?.[2]);
  return nth && weekday ? { kind: 'monthly-weekday', interval, nth, weekday } : undefined;
}

// ── checking a raw rule ──────────────────────────────────────────────────

const RRULE_DAYS = WEEKDAYS.map((d) => d.toUpperCase());

/**
 * A raw --rrule checked and normalised: upper case, no 'RRULE:' prefix, the
 * parts in a canonical order, lists sorted, INTERVAL=1 and WKST=MO (the
 * defaults) left out, UNTIL as a date, and the weekday or day rrule would take
 * from the first date written out ('FREQ=WEEKLY' → 'FREQ=WEEKLY;BYDAY=TH'). Throws InputError('meetings.err.badRrule')
 * naming the offending part, or 'meetings.err.rruleNever' for a rule that
 * gives no date in the 10 years from `startsOn`.
 * @example parseRrule('rrule:byday=fr,mo;freq=weekly;interval=2', '2026-01-05') // 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR'
 */
export function parseRrule(text: string, startsOn: string): string {
  const rule = formatRule(withStartParts(ruleParts(text), toDay(startsOn)));
  if (!occursWithinYears(rule, toDay(startsOn), NEVER_YEARS)) throw new InputError('meetings.err.rruleNever', { value: text });
  return rule;
}

/**
 * The parts rrule takes from DTSTART when a rule leaves them out (WEEKLY's
 * weekday, MONTHLY's day, YEARLY's month and day), written out: the stored
 * rule then means the same from a later first date (a new schedule version).
 */
function withStartParts(p: RuleParts, start: number): RuleParts {
  if (p.byday !== undefined || p.bymonthday !== undefined) return p;
  const { month, day } = partsOf(start);
  if (p.freq === 'WEEKLY') return { ...p, byday: [RRULE_DAYS[weekdayOf(start)]!] };
  if (p.freq === 'MONTHLY') return { ...p, bymonthday: [day] };
  if (p.freq === 'YEARLY') return { ...p, bymonth: p.bymonth ?? [month], bymonthday: [day] };
  return p;
}

const NEVER_YEARS = 10;
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
function occursWithinYears(rule: string, start: number, years: number): boolean {
  const { count: _count, until, ...parsed } = RR().parseString(rule);
  const { year, month, day } = partsOf(start);
  const end = Math.min(dayOf(year + years, month, day) - 1, until ? dayNumber(until) : Infinity);
  if (end < start) return false;
  const shift = Math.floor((RRULE_MAX_YEAR - partsOf(end).year) / 400) * DAYS_IN_400_YEARS;
  const options = monthAtATime(withDefaults(parsed, start));
  return new (RR())({ ...options, dtstart: at(start + shift), until: at(end + shift) }, true).after(at(start + shift), true) !== null;
}

/**
 * A rule's parts, each value checked here: the rrule library's parser takes
 * 'INTERVAL=abc' or 'UNTIL=20270231' (as 2027-03-03) without a word.
 */
function ruleParts(text: string): RuleParts {
  const bad = (reason: string) => new InputError('meetings.err.badRrule', { value: text, reason });
  const raw = new Map<PartName, string>();
  const body = text.normalize('NFKC').trim().toUpperCase().replace(/^RRULE:\s*/, '').replace(/;$/, '');
  if (body === '') throw bad('FREQ');
  for (const piece of body.split(';').map((x) => x.trim())) {
    const m = /^([A-Z]+)=(.*)$/.exec(piece);
    if (!m) throw bad(/^[A-Z]+/.exec(piece)?.[0] ?? (piece || ';'));
    const name = PART_ORDER.find((k) => k.toUpperCase() === m[1]);
    if (name === undefined || raw.has(name)) throw bad(m[1]!);
    raw.set(name, m[2]!);
  }
  const parts: Partial<RuleParts> = {};
  for (const [name, value] of raw) if (!setPart(parts, name, value)) throw bad(`${name.toUpperCase()}=${value}`);
  return checkParts(parts, raw, bad);
}

/** Sets one part from its text; false when the text is not a valid value. */
function setPart<K extends PartName>(parts: Partial<RuleParts>, name: K, text: string): boolean {
  const value = PART_VALUE[name](text);
  if (value !== undefined) parts[name] = value;
  return value !== undefined;
}

/** The parts together: FREQ present, COUNT or UNTIL (not both), BYDAY's Nth and BYSETPOS where they mean something; defaults left out. */
function checkParts(p: Partial<RuleParts>, raw: Map<PartName, string>, bad: (reason: string) => InputError): RuleParts {
  const { freq } = p;
  if (freq === undefined) throw bad('FREQ');
  if (p.count !== undefined && p.until !== undefined) throw bad('COUNT;UNTIL');
  const maxNth = freq === 'MONTHLY' ? 5 : freq === 'YEARLY' ? 53 : 0;
  if (p.byday?.some((d) => Math.abs(Number(d.slice(0, -2))) > maxNth)) throw bad(`BYDAY=${raw.get('byday')}`);
  if (freq === 'WEEKLY' && p.bymonthday !== undefined) throw bad('BYMONTHDAY'); // RFC 5545: not with WEEKLY
  if (p.bysetpos !== undefined && p.bymonth === undefined && p.bymonthday === undefined && p.byday === undefined) throw bad('BYSETPOS');
  const { interval, wkst, ...rest } = p;
  return { ...rest, freq, ...(interval !== undefined && interval > 1 && { interval }), ...(wkst !== undefined && wkst !== 'MO' && { wkst }) };
}

/** A positive whole number up to `max`. */
function positive(v: string, max: number): number | undefined {
  const n = /^\d{1,4}$/.test(v) ? Number(v) : 0;
  return n >= 1 && n <= max ? n : undefined;
}

/** A sorted list of whole numbers 1–max (or ±1–max), without repeats. */
function numbers(v: string, max: number, signed: boolean): number[] | undefined {
  const xs = v.split(',').map((x) => ((signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(x) ? Number(x) : 0));
  if (!xs.every((x) => x !== 0 && Math.abs(x) <= max)) return undefined;
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** BYDAY's weekdays with their optional Nth ('MO', '1MO', '-1FR'), Monday first, without repeats. */
function byday(v: string): string[] | undefined {
  const days = v.split(',').map((d) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d));
  if (days.some((m) => m === null || (m[1] !== undefined && Number(m[1]) === 0))) return undefined;
  const key = (m: RegExpExecArray) => RRULE_DAYS.indexOf(m[2]!) * 1000 + Number(m[1] ?? 0);
  const sorted = days.filter((m) => m !== null).sort((a, b) => key(a) - key(b));
  return [...new Set(sorted.map((m) => `${m[1] === undefined ? '' : Number(m[1])}${m[2]}`))];
}

/** UNTIL as a date: YYYYMMDD, or a date-time YYYYMMDDTHHMMSS[Z] whose date is kept. */
function untilDate(v: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T([01]\d|2[0-3])[0-5]\d[0-5]\dZ?)?$/.exec(v);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  return m && dateProblem(date) === undefined ? date : undefined;
}

/** Each part's value as the text of a rule writes it, or undefined when it is not a valid one. */
const PART_VALUE: { [K in PartName]: (v: string) => RuleParts[K] | undefined } = {
  freq: (v) => FREQS.find((f) => f === v),
  interval: (v) => positive(v, 999),
  bymonth: (v) => numbers(v, 12, false),
  bymonthday: (v) => numbers(v, 31, true),
  byday,
  bysetpos: (v) => numbers(v, 366, true),
  wkst: (v) => RRULE_DAYS.find((d) => d === v),
  count: (v) => positive(v, 9999),
  until: untilDate,
};

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
  return { ...o, freq: RR().MONTHLY, byweekday: present(o.byweekday) ? o.byweekday! : range(0, 6) };
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
