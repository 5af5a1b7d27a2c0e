/** Meeting series: add, edit, skip, move, end, refresh; each one transaction. (Their views: views.service.ts.) */
import type { Queryable } from '../db/sql.js';
import { getActiveMembers, resolveMemberId } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import { stamp, teamZone, type ServiceOptions } from '../shared/service.js';
import { findLog, lastLoggedDate } from './minutes.repository.js';
import { deleteSchedule, exceptionsOf, findMeetingById, findMeetingIdByName, insertMeeting, insertSchedule, putException, replaceAgenda, replaceAudience, schedulesOf, updateMeeting, updateSchedule, type Meeting } from './repository.js';
import { resolveAttendee, resolveMeetingId } from './resolve.js';
import { showMeetingById, type MeetingDetail } from './views.service.js';
import { primeExpansion, storeExpansion } from './expansion.service.js';
import { addDays, dayBefore } from '../shared/dates.js';
import { KIND_DEFAULTS, notOccurrence, ruleOccurrence, SOON, seriesOccurrences, versionOn, type MeetingException, type MeetingKind, type Occurrence, type ScheduleVersion } from './rules/meeting.js';
import { parseCadence, parseTime, parseZone } from './rules/cadence.js';
import { nextOccurrenceDate } from './rules/recurrence.js';
import { cadenceRrule, parseRrule } from './rules/rule.js';

export interface ScheduleInput {
  repeat?: string;
  interval?: number;
  rrule?: string;
  time?: string;
  duration?: number;
  zone?: string;
  /** The first date (add), or the date the change takes effect (edit); default today. */
  from?: string;
  until?: string;
}

export interface SeriesInput extends ScheduleInput {
  title?: string;
  kind?: MeetingKind;
  /** Members, departments or "all". */
  attendees?: string[];
  facilitator?: string | null;
  place?: string | null;
  /** The one shift the series is for; null for every shift. */
  shift?: string | null;
  agenda?: string[];
  presetKey?: string;
}

/** The rule, time, duration and zone of a new series, from its kind's defaults and what was given; checked. */
function scheduleOf(o: ServiceOptions, kind: MeetingKind, s: ScheduleInput): Omit<ScheduleVersion, 'id'> {
  const d = KIND_DEFAULTS[kind];
  const from = s.from ?? o.today;
  if (s.until !== undefined && s.until < from) throw new InputError('meetings.err.untilBeforeFrom', { from, until: s.until });
  const rrule = ruleOf(s, from, d.repeat);
  const timeText = s.time ?? d.time;
  if (timeText === undefined) throw new InputError('meetings.err.needTime', {});
  const v = { validFrom: from, validUntil: s.until ?? null, startsOn: from, rrule, time: parseTime(timeText), durationMin: s.duration ?? d.duration, zone: parseZone(s.zone ?? teamZone(o)) };
  if (nextOccurrenceDate({ rrule, startsOn: from, until: v.validUntil }, from) === undefined) throw new InputError('meetings.err.never', { from, until: s.until ?? '' });
  return v;
}

/** An RRULE from --rrule or --repeat (one of them), else the kind's default cadence. */
function ruleOf(s: ScheduleInput, from: string, fallback: string | undefined): string {
  if (s.rrule !== undefined && (s.repeat !== undefined || s.interval !== undefined)) throw new InputError('meetings.err.repeatAndRrule', {});
  if (s.rrule !== undefined) return parseRrule(s.rrule, from);
  const repeat = s.repeat ?? fallback;
  if (repeat === undefined) throw new InputError('meetings.err.needRepeat', {});
  return cadenceRrule(parseCadence(repeat, s.interval, from));
}

/** Who a series is for, resolved: everyone, or these members and departments. */
async function audienceFrom(q: Queryable, names: readonly string[] | undefined): Promise<{ everyone: boolean; memberIds: number[]; departmentIds: number[] }> {
  const out = { everyone: names === undefined || names.length === 0, memberIds: [] as number[], departmentIds: [] as number[] };
  for (const n of names ?? []) {
    const a = await resolveAttendee(q, n);
    if (a.kind === 'everyone') out.everyone = true;
    else if (a.kind === 'member' && !out.memberIds.includes(a.id)) out.memberIds.push(a.id);
    else if (a.kind === 'department' && !out.departmentIds.includes(a.id)) out.departmentIds.push(a.id);
  }
  if (out.everyone) return { everyone: true, memberIds: [], departmentIds: [] };
  return out;
}

/** The shifts the preset names; a team may use others, which its members then have. */
const KNOWN_SHIFTS = ['day', 'late', 'night'];

/** A series' shift as stored (lower case; null for every shift), one the team has: a typo would expect nobody. */
async function shiftOf(q: Queryable, s: string | null | undefined): Promise<string | null | undefined> {
  if (s === undefined) return undefined;
  if (s === null || s.trim() === '') return null;
  const shift = s.trim().toLowerCase();
  const shifts = new Set([...KNOWN_SHIFTS, ...(await getActiveMembers(q)).flatMap((m) => (m.shift ? [m.shift.trim().toLowerCase()] : []))]);
  if (!shifts.has(shift)) throw new InputError('meetings.err.badShift', { value: s, choices: [...shifts] });
  return shift;
}

/** Adds a series in one transaction. */
export async function addMeeting(o: ServiceOptions, input: SeriesInput): Promise<MeetingDetail> {
  const title = input.title?.trim();
  if (!title) throw new InputError('meetings.err.needTitle', {});
  const kind = input.kind ?? 'custom';
  const schedule = scheduleOf(o, kind, input);
  const id = await o.db.transaction(async (tx) => {
    if ((await findMeetingIdByName(tx, title)) !== undefined) throw new InputError('meetings.err.duplicate', { title });
    const audience = await audienceFrom(tx, input.attendees);
    const facilitatorId = input.facilitator ? await resolveMemberId(tx, input.facilitator) : null;
    const now = stamp(o.now);
    await storeExpansion(tx, schedule, o.today, now);
    const id = await insertMeeting(tx, { title, presetKey: input.presetKey ?? null, kind, facilitatorId, place: input.place?.trim() || null, shift: (await shiftOf(tx, input.shift)) ?? null, everyone: audience.everyone }, now);
    await insertSchedule(tx, id, schedule, now);
    await replaceAudience(tx, id, audience.memberIds, audience.departmentIds);
    await replaceAgenda(tx, id, cleanItems(input.agenda));
    return id;
  });
  return showMeetingById(o, o.db, id);
}

const cleanItems = (items: readonly string[] | undefined) => (items ?? []).map((s) => s.trim()).filter(Boolean);

const SCHEDULE_FIELDS = ['repeat', 'interval', 'rrule', 'time', 'duration', 'zone'] as const;

/**
 * Changes a series. Title, place, facilitator, audience and agenda change at
 * once; a change to the rule, time, duration or zone takes effect from
 * `from` (default today): the version in force then ends the day before and
 * a new one begins, so past occurrences keep the schedule they had.
 */
export async function editMeeting(o: ServiceOptions, ref: string, input: SeriesInput): Promise<MeetingDetail> {
  const { from, ...changes } = input;
  if (Object.values(changes).every((v) => v === undefined)) throw new InputError('meetings.err.noChange', {});
  if (from !== undefined && !SCHEDULE_FIELDS.some((f) => input[f] !== undefined)) throw new InputError('meetings.err.fromWithoutSchedule', {});
  const id = await o.db.transaction(async (tx) => {
    const id = await resolveMeetingId(tx, ref);
    const m = (await findMeetingById(tx, id))!;
    const now = stamp(o.now);
    const title = input.title?.trim();
    if (title !== undefined && title === '') throw new InputError('meetings.err.needTitle', {});
    if (title && title.toLowerCase() !== m.title.toLowerCase() && (await findMeetingIdByName(tx, title)) !== undefined) throw new InputError('meetings.err.duplicate', { title });
    const audience = input.attendees === undefined ? undefined : await audienceFrom(tx, input.attendees);
    const facilitatorId = input.facilitator === undefined ? undefined : input.facilitator === null ? null : await resolveMemberId(tx, input.facilitator);
    await updateMeeting(tx, id, { title, kind: input.kind, facilitatorId, place: input.place === undefined ? undefined : input.place?.trim() || null, shift: await shiftOf(tx, input.shift), everyone: audience?.everyone }, now);
    if (audience) await replaceAudience(tx, id, audience.memberIds, audience.departmentIds);
    if (input.agenda !== undefined) await replaceAgenda(tx, id, cleanItems(input.agenda));
    const versions = (await schedulesOf(tx, [id])).get(id) ?? [];
    if (SCHEDULE_FIELDS.some((f) => input[f] !== undefined)) await reschedule(o, tx, id, m.kind, versions, input, now);
    else if (input.until !== undefined) await setUntil(tx, id, versions, input.until);
    return id;
  });
  return showMeetingById(o, o.db, id);
}

/** A new schedule version from `input.from` (or today), or the current one changed in place when it has not begun by then. */
async function reschedule(o: ServiceOptions, tx: Queryable, id: number, kind: MeetingKind, versions: readonly ScheduleVersion[], input: SeriesInput, now: string): Promise<void> {
  const from = input.from ?? o.today;
  // History stays: a change begins today at the earliest, and after the last minutes.
  const earliest = await earliestChange(tx, id, o.today);
  if (from < earliest) throw new InputError('meetings.err.editPast', { from, date: earliest });
  const first = versions[0]!;
  const cur = versionOn(versions, from) ?? (from < first.validFrom ? first : undefined);
  if (!cur) throw new InputError('meetings.err.endedBefore', { date: from });
  const later = versions.filter((v) => v.validFrom > cur.validFrom);
  const until = input.until ?? (later.at(-1) ?? cur).validUntil;
  const begins = cur.validFrom >= from ? cur.validFrom : from;
  if (until !== null && until < begins) throw new InputError('meetings.err.untilBeforeFrom', { from: begins, until });
  const ruleChanged = input.repeat !== undefined || input.interval !== undefined || input.rrule !== undefined;
  // --interval alone keeps the rule (its weekdays, its day of the month) and changes how often.
  const rrule = input.repeat !== undefined || input.rrule !== undefined ? ruleOf(input, begins, KIND_DEFAULTS[kind].repeat) : input.interval !== undefined ? withInterval(cur.rrule, input.interval, begins) : cur.rrule;
  const next: Omit<ScheduleVersion, 'id'> = {
    validFrom: begins,
    validUntil: until,
    startsOn: ruleChanged ? begins : cur.startsOn,
    rrule,
    time: input.time !== undefined ? parseTime(input.time) : cur.time,
    durationMin: input.duration ?? cur.durationMin,
    zone: input.zone !== undefined ? parseZone(input.zone) : cur.zone,
  };
  if (nextOccurrenceDate({ rrule: next.rrule, startsOn: next.startsOn, until: next.validUntil }, begins) === undefined) throw new InputError('meetings.err.never', { from: begins, until: until ?? '' });
  await storeExpansion(tx, next, o.today, now);
  // Later versions were plans made before this change; it replaces them.
  for (const v of later) await deleteSchedule(tx, v.id);
  if (cur.validFrom >= from) await updateSchedule(tx, cur.id, next);
  else {
    await updateSchedule(tx, cur.id, { validUntil: dayBefore(from) });
    await insertSchedule(tx, id, next, now);
  }
}

/** The first date a change may touch: today, or the day after the series' last minutes if later. */
async function earliestChange(q: Queryable, id: number, today: string): Promise<string> {
  const last = await lastLoggedDate(q, id);
  return last !== null && last >= today ? addDays(last, 1) : today;
}

/** A rule with another INTERVAL, the rest as it was (checked as a raw rule is). */
function withInterval(rule: string, interval: number, startsOn: string): string {
  if (/(^|;)COUNT=1(;|$)/.test(rule)) throw new InputError('meetings.err.intervalNotAllowed', { value: rule });
  const parts = rule.split(';').filter((p) => !p.startsWith('INTERVAL='));
  if (interval > 1) parts.splice(1, 0, `INTERVAL=${interval}`);
  return parseRrule(parts.join(';'), startsOn);
}

/** A new last date for the series (the last version's end), never before its last minutes. */
async function setUntil(tx: Queryable, id: number, versions: readonly ScheduleVersion[], until: string): Promise<void> {
  const last = versions.at(-1)!;
  if (until < last.validFrom) throw new InputError('meetings.err.untilBeforeFrom', { from: last.validFrom, until });
  const held = await lastLoggedDate(tx, id);
  if (held !== null && until < held) throw new InputError('meetings.err.endBeforeHeld', { date: held });
  await updateSchedule(tx, last.id, { validUntil: until });
}

/** The occurrence a date names: its original date, or the date it was moved to. */
async function occurrenceNamed(q: Queryable, id: number, title: string, date: string): Promise<{ versions: ScheduleVersion[]; exceptions: MeetingException[]; occursOn: string }> {
  await primeExpansion(q, date, addDays(date, SOON));
  const versions = (await schedulesOf(q, [id])).get(id) ?? [];
  const exceptions = await exceptionsOf(q, id);
  const movedHere = exceptions.find((e) => e.kind === 'move' && e.movedTo === date);
  if (movedHere) return { versions, exceptions, occursOn: movedHere.occursOn };
  const own = exceptions.find((e) => e.occursOn === date);
  if (own?.kind === 'skip') throw new InputError('meetings.err.alreadySkipped', { title, date });
  if (ruleOccurrence(id, versions, date)) return { versions, exceptions, occursOn: date };
  throw notOccurrence(id, title, versions, exceptions, date);
}


async function refuseIfHeld(q: Queryable, id: number, title: string, occursOn: string): Promise<void> {
  const log = await findLog(q, id, occursOn);
  if (log) throw new InputError('meetings.err.alreadyHeld', { title, date: log.heldOn });
}

/** Cancels one occurrence. */
export async function skipOccurrence(o: ServiceOptions, ref: string, date: string): Promise<{ meeting: Meeting; occursOn: string }> {
  return o.db.transaction(async (tx) => {
    const meeting = (await findMeetingById(tx, await resolveMeetingId(tx, ref)))!;
    const { occursOn } = await occurrenceNamed(tx, meeting.id, meeting.title, date);
    await refuseIfHeld(tx, meeting.id, meeting.title, occursOn);
    await putException(tx, meeting.id, { occursOn, kind: 'skip', movedTo: null, movedTime: null }, o.actor, stamp(o.now));
    return { meeting, occursOn };
  });
}

/** Moves one occurrence to another date (and time). */
export async function moveOccurrence(o: ServiceOptions, ref: string, date: string, to: string, time?: string): Promise<{ meeting: Meeting; occurrence: Occurrence }> {
  const movedTime = time === undefined ? null : parseTime(time);
  return o.db.transaction(async (tx) => {
    const meeting = (await findMeetingById(tx, await resolveMeetingId(tx, ref)))!;
    const { versions, exceptions, occursOn } = await occurrenceNamed(tx, meeting.id, meeting.title, date);
    await refuseIfHeld(tx, meeting.id, meeting.title, occursOn);
    const original = ruleOccurrence(meeting.id, versions, occursOn)!;
    if (to === occursOn && (movedTime === null || movedTime === original.time)) throw new InputError('meetings.err.moveSame', { title: meeting.title, date: to });
    const there = seriesOccurrences(meeting.id, versions, exceptions, to, to).find((x) => x.occursOn !== occursOn);
    if (there) throw new InputError('meetings.err.moveClash', { title: meeting.title, date: to });
    const e: MeetingException = { occursOn, kind: 'move', movedTo: to, movedTime };
    await putException(tx, meeting.id, e, o.actor, stamp(o.now));
    const moved = seriesOccurrences(meeting.id, versions, [...exceptions.filter((x) => x.occursOn !== occursOn), e], to, to).find((x) => x.occursOn === occursOn)!;
    return { meeting, occurrence: moved };
  });
}

/** Ends a series: no occurrences from `from` (default today) on; its minutes and actions stay. */
export async function endMeeting(o: ServiceOptions, ref: string, from?: string): Promise<{ meeting: Meeting; lastDate: string }> {
  const date = from ?? o.today;
  return o.db.transaction(async (tx) => {
    const meeting = (await findMeetingById(tx, await resolveMeetingId(tx, ref)))!;
    const versions = (await schedulesOf(tx, [meeting.id])).get(meeting.id) ?? [];
    const last = versions.at(-1)!;
    if (last.validUntil !== null && last.validUntil < date) throw new InputError('meetings.err.alreadyEnded', { title: meeting.title, date: last.validUntil });
    // The minutes stay theirs: an end comes after the first date and after the last minutes.
    if (date <= versions[0]!.validFrom) throw new InputError('meetings.err.endBeforeStart', { title: meeting.title, date: versions[0]!.validFrom });
    const held = await lastLoggedDate(tx, meeting.id);
    if (held !== null && date <= held) throw new InputError('meetings.err.endBeforeHeld', { date: held });
    const lastDate = dayBefore(date);
    for (const v of versions) {
      // A version that would begin after the end was a plan, not history.
      if (v.validFrom >= date) await deleteSchedule(tx, v.id);
      else if (v.validUntil === null || v.validUntil > lastDate) await updateSchedule(tx, v.id, { validUntil: lastDate });
    }
    return { meeting, lastDate };
  });
}

/** Fails as add would on these attendees (the prompt checks the answer). */
export async function checkAttendees(o: ServiceOptions, names: readonly string[]): Promise<void> {
  await audienceFrom(o.db, names);
}

/** Whether a series already has this title (prompts check each answer). */
export async function isMeetingTitleTaken(o: ServiceOptions, title: string): Promise<boolean> {
  return (await findMeetingIdByName(o.db, title)) !== undefined;
}


/**
 * Stores again what reading every series needs (its zones' offsets, its
 * rules' dates for the next two years): after a Node upgrade brought a new
 * zone database, or when series were not written for a long time. Reading
 * never needs it to be right, only to be fast. One transaction.
 */
export async function refreshMeetings(o: ServiceOptions): Promise<{ series: number; versions: number }> {
  return o.db.transaction(async (tx) => {
    const schedules = await schedulesOf(tx);
    let versions = 0;
    for (const list of schedules.values()) {
      for (const v of list) {
        if (v.validUntil !== null && v.validUntil < o.today) continue;
        await storeExpansion(tx, v, o.today, stamp(o.now));
        versions++;
      }
    }
    return { series: schedules.size, versions };
  });
}
