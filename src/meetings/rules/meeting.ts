/**
 * Pure rules of meetings: what a series and an occurrence are, and how a
 * series' schedule versions and exceptions become occurrences. (What a log
 * records: minutes.ts.)
 */
import { addDays, fromDay } from '../../shared/dates.js';
import { InputError } from '../../shared/errors.js';
import { isOccurrenceDate, occurrenceDates } from './recurrence.js';
import { zonedMs } from './zones.js';

export const MEETING_KINDS = ['morning', 'evening', 'weekly', 'monthly', 'custom'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A meeting series as stored (its schedule versions apart). */
export interface Meeting {
  id: number;
  title: string;
  presetKey: string | null;
  kind: MeetingKind;
  facilitatorId: number | null;
  /** The facilitator's handle. */
  facilitator: string | null;
  place: string | null;
  shift: string | null;
  everyone: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An action item with the names it refers to. */
export interface ActionItem {
  id: number;
  meetingId: number;
  meeting: string;
  logId: number;
  /** The date of the meeting that decided it. */
  raisedOn: string;
  ownerId: number;
  owner: string;
  ownerName: string;
  text: string;
  due: string | null;
  status: ActionStatus;
  note: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a kind of meeting defaults to when `add` is not told: the rhythm the seeds describe (早会 09:00 on workdays, 15 minutes …). */
export const KIND_DEFAULTS: Record<MeetingKind, { repeat?: string; time?: string; duration: number }> = {
  morning: { repeat: 'workdays', time: '09:00', duration: 15 },
  evening: { repeat: 'workdays', time: '17:45', duration: 15 },
  weekly: { repeat: 'weekly:mon', time: '10:00', duration: 60 },
  monthly: { repeat: 'monthly:first-workday', time: '14:00', duration: 90 },
  custom: { duration: 30 },
};

/** One version of a series' schedule: it covers the dates validFrom…validUntil. */
export interface ScheduleVersion {
  id: number;
  validFrom: string;
  validUntil: string | null;
  /** The rule's anchor (DTSTART's date). */
  startsOn: string;
  rrule: string;
  time: string;
  durationMin: number;
  zone: string;
}

export interface MeetingException {
  occursOn: string;
  kind: 'skip' | 'move';
  movedTo: string | null;
  movedTime: string | null;
}

/** An occurrence's start in milliseconds, for sorting: a symbol key, so JSON leaves it out. */
export const START_MS = Symbol('startMs');

/** One meeting as it happens (or happened): its original date names it, `date` is when it is held. */
export interface Occurrence {
  [START_MS]: number;
  meetingId: number;
  /** The date the rule gave it (the occurrence's identity). */
  occursOn: string;
  date: string;
  time: string;
  durationMin: number;
  zone: string;
  /** ISO instants of its start and end. */
  startsAt: string;
  endsAt: string;
  /** The original date when it was moved. */
  movedFrom: string | null;
}

/** The days ahead a next date is looked for in the stored months first (two months: most rules fall in them). */
export const SOON = 62;

/** The version of a schedule that covers `date`. */
export function versionOn(versions: readonly ScheduleVersion[], date: string): ScheduleVersion | undefined {
  return versions.find((v) => v.validFrom <= date && (v.validUntil === null || date <= v.validUntil));
}

/** Whether the rule of the version covering `date` falls on it (exceptions aside). */
export function isRuleDate(versions: readonly ScheduleVersion[], date: string): boolean {
  const v = versionOn(versions, date);
  return v !== undefined && isOccurrenceDate({ rrule: v.rrule, startsOn: v.startsOn, until: v.validUntil }, date);
}

function occurrence(meetingId: number, v: ScheduleVersion, occursOn: string, date: string, time: string, movedFrom: string | null): Occurrence {
  const start = zonedMs(date, time, v.zone);
  return { meetingId, occursOn, date, time, durationMin: v.durationMin, zone: v.zone, startsAt: isoAt(start), endsAt: isoAt(start + v.durationMin * MINUTE_MS), movedFrom, [START_MS]: start };
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * An instant written as Date's toISOString writes it (2026-11-23T01:00:00.000Z),
 * without making a Date: it runs twice for every occurrence a list shows.
 * Meetings begin on the minute, so the clock part comes from a table of the
 * day's 1,440 minutes and the date from the few dates a list spans.
 * @example isoAt(Date.UTC(2026, 10, 23, 1)) // '2026-11-23T01:00:00.000Z'
 */
export function isoAt(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const minute = (ms - day * DAY_MS) / MINUTE_MS;
  if (!Number.isInteger(minute)) return new Date(ms).toISOString();
  let date = dayText.get(day);
  if (date === undefined) {
    if (dayText.size >= 10_000) dayText.clear();
    dayText.set(day, (date = fromDay(day)));
  }
  return `${date}T${clockOf(minute)}:00.000Z`;
}
const dayText = new Map<number, string>();
const clocks: string[] = [];
/** 'HH:MM' of a minute of the day. */
function clockOf(minute: number): string {
  return (clocks[minute] ??= `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
}

const NO_EXCEPTIONS: ReadonlyMap<string, MeetingException> = new Map();

/** What time order needs of an occurrence (byStart). */
type Timed = { [START_MS]: number; meetingId: number };

/** What an expansion makes of each occurrence it finds: a whole Occurrence, or only what a count needs. */
type Make<T> = (meetingId: number, v: ScheduleVersion, occursOn: string, date: string, time: string, movedFrom: string | null) => T;

function expand<T extends Timed>(make: Make<T>, meetingId: number, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], from: string, to: string): T[] {
  const byDate = exceptions.length === 0 ? NO_EXCEPTIONS : new Map(exceptions.map((e) => [e.occursOn, e]));
  const out: T[] = [];
  for (const v of versions) {
    const a = v.validFrom > from ? v.validFrom : from;
    const b = v.validUntil !== null && v.validUntil < to ? v.validUntil : to;
    if (a > b) continue;
    for (const d of occurrenceDates({ rrule: v.rrule, startsOn: v.startsOn, until: v.validUntil }, a, b)) {
      const e = byDate.get(d);
      if (e === undefined) out.push(make(meetingId, v, d, d, v.time, null));
      else if (e.kind === 'move' && e.movedTo! >= from && e.movedTo! <= to) out.push(make(meetingId, v, d, e.movedTo!, e.movedTime ?? v.time, d));
    }
  }
  // Moved in from outside the window.
  for (const e of exceptions) {
    if (e.kind !== 'move' || e.movedTo! < from || e.movedTo! > to || (e.occursOn >= from && e.occursOn <= to)) continue;
    const v = versionOn(versions, e.occursOn);
    if (v && isRuleDate(versions, e.occursOn)) out.push(make(meetingId, v, e.occursOn, e.movedTo!, e.movedTime ?? v.time, e.occursOn));
  }
  // Each version's dates come in order and versions follow each other: only a move can break the order.
  return exceptions.some((e) => e.kind === 'move') ? out.sort(byStart) : out;
}

/**
 * A series' occurrences held within [from, to] (dates in the series' zone),
 * in time order: each version's rule over its own dates, skipped ones left
 * out, moved ones at their new date and time (a move into the window counts,
 * a move out of it does not).
 */
export function seriesOccurrences(meetingId: number, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], from: string, to: string): Occurrence[] {
  return expand(occurrence, meetingId, versions, exceptions, from, to);
}

/** An occurrence as counts see it: which, on what date, and when it starts (no instants written). */
export interface Slot extends Timed {
  occursOn: string;
  date: string;
}

const slot: Make<Slot> = (meetingId, v, occursOn, date, time) => ({ meetingId, occursOn, date, [START_MS]: zonedMs(date, time, v.zone) });

/** The same occurrences as seriesOccurrences, in the same order, as slots: what a digest counts. */
export function seriesSlots(meetingId: number, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], from: string, to: string): Slot[] {
  return expand(slot, meetingId, versions, exceptions, from, to);
}

/**
 * Occurrences in time order (byStart), sorted a UTC day at a time: a month
 * of two hundred series is a thousand occurrences, and thirty small sorts
 * cost half of one large one.
 */
export function inTimeOrder<T extends Occurrence>(list: readonly T[]): T[] {
  const days = new Map<number, T[]>();
  for (const o of list) {
    const day = Math.floor(o[START_MS] / DAY_MS);
    const bucket = days.get(day);
    if (bucket) bucket.push(o);
    else days.set(day, [o]);
  }
  return [...days.keys()].sort((a, b) => a - b).flatMap((d) => days.get(d)!.sort(byStart));
}

/** Time order; the series id breaks ties, so the order is stable. */
export function byStart(a: Timed, b: Timed): number {
  return a[START_MS] - b[START_MS] || a.meetingId - b.meetingId;
}

/** The occurrence held on `date` (a moved one at its new date), if any. */
export function occurrenceOn(meetingId: number, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], date: string): Occurrence | undefined {
  return seriesOccurrences(meetingId, versions, exceptions, date, date)[0];
}

/** The occurrence named by its original date, skipped or not (for skip and move). */
export function ruleOccurrence(meetingId: number, versions: readonly ScheduleVersion[], date: string): Occurrence | undefined {
  const v = versionOn(versions, date);
  if (!v || !isRuleDate(versions, date)) return undefined;
  return occurrence(meetingId, v, date, date, v.time, null);
}

/** An occurrence logged although the rule has none that day (`--extra`): at the time of the version then in force, or the nearest one. */
export function extraOccurrence(meetingId: number, versions: readonly ScheduleVersion[], date: string, time?: string): Occurrence {
  const v = versionOn(versions, date) ?? versions.filter((x) => x.validFrom <= date).at(-1) ?? versions[0]!;
  return occurrence(meetingId, v, date, date, time ?? v.time, null);
}


/**
 * The next `count` occurrences held on or after `from`, looking ahead a month
 * at a time for at most `years` years (a series that has ended stops sooner).
 */
export function nextOccurrences(meetingId: number, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], from: string, count: number, years = 2): Occurrence[] {
  const out: Occurrence[] = [];
  const openEnded = versions.some((v) => v.validUntil === null);
  const last = versions.reduce((m, v) => (v.validUntil !== null && v.validUntil > m ? v.validUntil : m), '');
  const stop = addDays(from, Math.round(years * 366));
  for (let a = from; out.length < count && a <= stop && (openEnded || a <= last); a = addDays(a, 31)) {
    out.push(...seriesOccurrences(meetingId, versions, exceptions, a, addDays(a, 30)));
  }
  return out.slice(0, count);
}

/** "X does not meet on D; its next date is …", with the hint of logging an extra meeting when it is a log that was refused. */
export function notOccurrence(id: number, title: string, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], date: string, forLog = false): InputError {
  const next = nextOccurrences(id, versions, exceptions, date, 1)[0];
  if (next) return new InputError(forLog ? 'meetings.err.notOccurrenceNext' : 'meetings.err.notDateNext', { title, date, next: next.date });
  return new InputError(forLog ? 'meetings.err.notOccurrence' : 'meetings.err.notDate', { title, date });
}
