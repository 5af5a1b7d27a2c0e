/**
 * The stored form of a meeting series' rule: an RFC 5545 RRULE value without
 * DTSTART, its parts in a canonical order; a cadence written as one and read
 * back (cadenceRrule, cadenceOf), and a raw --rrule checked and normalised
 * (parseRrule). Pure.
 */
import { dateProblem, partsOf, toDay, weekdayOf } from '../../shared/dates.js';
import { InputError } from '../../shared/errors.js';
import { WEEKDAYS, WORKDAYS, type Cadence, type Nth, type Weekday } from './cadence.js';
import { occursWithinYears } from './recurrence.js';

// ── the stored rule ──────────────────────────────────────────────────────

/** The Nth of an RRULE's BYDAY ('1MO', '-1FR'). */
const NTH_PREFIX = new Map<string, Nth>([['1', 1], ['2', 2], ['3', 3], ['4', 4], ['-1', -1]]);

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
