/**
 * The meeting series as a calendar reads them (reports' `team export ics`):
 * each series with its schedule versions, each version's first date and last
 * possible date, and the occurrences skipped or moved. A calendar expands the
 * rules itself, so this gives the rules, not the dates.
 *
 * Every series is given, ended ones too: a series is one event per schedule
 * version however long it ran, and a subscribed calendar deletes whatever
 * leaves the feed, so dropping ended series would erase their past meetings
 * from everyone's calendar.
 *
 * Like meetings' other reads it expands through the stored memos
 * (primeExpansion): rrule and Intl are only reached for what they do not
 * cover (a version that began before its series' memo, or a COUNT).
 */
import { getActiveMembers, resolveMemberId } from '../org/public.js';
import type { ServiceOptions } from '../shared/service.js';
import { addDays } from '../shared/dates.js';
import { primeExpansion } from './expansion.service.js';
import { audienceOf, exceptionsBetween, listMeetings, schedulesOf } from './repository.js';
import { isoAt, versionOn, type MeetingException, type MeetingKind, type ScheduleVersion } from './rules/meeting.js';
import { expects, type Audience } from './rules/minutes.js';
import { isOccurrenceDate, nextOccurrenceDate, occurrenceDates, type Schedule } from './rules/recurrence.js';
import { zonedMs } from './rules/zones.js';

/** One schedule version that meets at least once. */
export interface CalendarVersion extends ScheduleVersion {
  /** The date of its first occurrence (a calendar's DTSTART must be one). */
  firstDate: string;
  /** The last date it may meet on (its end, its rule's UNTIL or the date its COUNT runs out), null while open-ended. */
  lastDate: string | null;
  /** The instant it would begin on lastDate (an RRULE's UNTIL for a start with a zone is a UTC instant), ISO; null while open-ended. */
  untilAt: string | null;
  /** The stored rule without COUNT and UNTIL: the version's end is lastDate. */
  pattern: string;
  /** Original dates of its occurrences that were cancelled. */
  skipped: string[];
  /** Its occurrences held on another date or at another time. */
  moved: { occursOn: string; date: string; time: string }[];
}

export interface CalendarSeries {
  id: number;
  title: string;
  kind: MeetingKind;
  place: string | null;
  facilitator: string | null;
  shift: string | null;
  updatedAt: string;
  versions: CalendarVersion[];
}

/** The days after a version's first possible date its first occurrence is looked for in the memos before asking rrule. */
const LOOK_AHEAD = 61;
/** How far back the memos are read: they never go back further than a series written two years ago keeps. */
const MEMO_BACK_DAYS = 3 * 366;

/** Every series (for `member`, those that expect them, their shift included) with the versions a calendar needs. */
export async function getCalendarSeries(o: ServiceOptions, f: { member?: string }): Promise<CalendarSeries[]> {
  return o.db.snapshot(async (q) => {
    const memberId = f.member === undefined ? undefined : await resolveMemberId(q, f.member);
    const meetings = await listMeetings(q);
    const schedules = await schedulesOf(q);
    const firsts = [...schedules.values()].flat().map((v) => v.validFrom);
    const oldest = firsts.reduce((m, d) => (d < m ? d : m), o.today);
    const floor = addDays(o.today, -MEMO_BACK_DAYS);
    await primeExpansion(q, oldest > floor ? oldest : floor, addDays(o.today, LOOK_AHEAD));
    const audience = memberId === undefined ? undefined : await audienceOf(q);
    const member = memberId === undefined ? undefined : (await getActiveMembers(q)).find((m) => m.id === memberId);
    const exceptions = await exceptionsBetween(q, '0000-01-01', '9999-12-31');
    const out: CalendarSeries[] = [];
    for (const m of meetings) {
      if (audience !== undefined) {
        const a: Audience = { everyone: m.everyone, memberIds: audience.get(m.id)?.memberIds ?? [], departmentIds: audience.get(m.id)?.departmentIds ?? [], shift: m.shift };
        // An archived member is expected nowhere (getUpcoming reads the active members too).
        if (member === undefined || !expects(a, member)) continue;
      }
      const versions = schedules.get(m.id) ?? [];
      const list = versions.flatMap((v) => calendarVersion(v, versions, exceptions.get(m.id) ?? []) ?? []);
      if (list.length === 0) continue;
      out.push({ id: m.id, title: m.title, kind: m.kind, place: m.place, facilitator: m.facilitator, shift: m.shift, updatedAt: m.updatedAt, versions: list });
    }
    return out;
  });
}

/** A version as a calendar event: its first date, its end and its exceptions; undefined when it never meets. */
function calendarVersion(v: ScheduleVersion, all: readonly ScheduleVersion[], exceptions: readonly MeetingException[]): CalendarVersion | undefined {
  const s: Schedule = { rrule: v.rrule, startsOn: v.startsOn, until: v.validUntil };
  const from = v.validFrom > v.startsOn ? v.validFrom : v.startsOn;
  const soon = addDays(from, LOOK_AHEAD);
  const firstDate = occurrenceDates(s, from, soon)[0] ?? (v.validUntil !== null && v.validUntil <= soon ? undefined : nextOccurrenceDate(s, addDays(soon, 1)));
  if (firstDate === undefined) return undefined;
  const lastDate = lastDateOf(v, s, firstDate);
  const mine = exceptions.filter((e) => versionOn(all, e.occursOn) === v && isOccurrenceDate(s, e.occursOn));
  return {
    ...v,
    firstDate,
    lastDate,
    untilAt: lastDate === null ? null : isoAt(zonedMs(lastDate, v.time, v.zone)),
    pattern: v.rrule.split(';').filter((p) => !/^(COUNT|UNTIL)=/.test(p)).join(';'),
    skipped: mine.filter((e) => e.kind === 'skip').map((e) => e.occursOn),
    moved: mine.filter((e) => e.kind === 'move').map((e) => ({ occursOn: e.occursOn, date: e.movedTo!, time: e.movedTime ?? v.time })),
  };
}

/** The last date a version may meet on: the earliest of its end, its rule's UNTIL and its COUNT's last date; null when none. */
function lastDateOf(v: ScheduleVersion, s: Schedule, firstDate: string): string | null {
  const until = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})/.exec(v.rrule);
  const ends = [v.validUntil, until ? `${until[1]}-${until[2]}-${until[3]}` : null];
  // COUNT's last date: a one-off's is its only date; others (a raw rule only) are counted.
  const count = /(?:^|;)COUNT=(\d+)/.exec(v.rrule);
  if (count) ends.push(count[1] === '1' ? firstDate : (occurrenceDates(s, firstDate, '9999-12-31').at(-1) ?? firstDate));
  return ends.filter((d): d is string => d !== null).reduce<string | null>((m, d) => (m === null || d < m ? d : m), null);
}
