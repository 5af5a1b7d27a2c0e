/**
 * A meeting series' cadence as a lead types it (--repeat daily, workdays,
 * weekly:mon,thu, monthly:last-workday, in English or Chinese), and the
 * weekdays, times and zones of its schedule; pure. Its stored form, an
 * RRULE: rule.ts; the dates it falls on: recurrence.ts.
 */
import { partsOf, toDay, weekdayOf } from '../../shared/dates.js';
import { InputError } from '../../shared/errors.js';
import { closestMatch } from '../../shared/match.js';

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


/** Monday to Friday. */
export const WORKDAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr'];
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
