/** Meeting series: add, edit, skip, move, end, and the views of them (list, show, upcoming, agenda). */
import type { Queryable } from '../db/sql.js';
import { getActiveMembers, listAllDepartments, resolveDepartmentId, resolveMemberId, type Member } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { actionsOfLogs, listActions, openCountsByMeeting as openActionCounts, type ActionItem } from './actions.repository.js';
import { attendanceOf, decisionsOf, findLog, latestLogs, type AttendanceEntry, type MeetingLog } from './minutes.repository.js';
import {
  agendaOf, audienceOf, deleteSchedule, exceptionsBetween, exceptionsOf, findMeetingById, findMeetingIdByName, insertMeeting, insertSchedule, listMeetings, putException, replaceAgenda, replaceAudience, schedulesOf, seriesStats, updateMeeting, updateSchedule, type Meeting,
} from './repository.js';
import { resolveAttendee, resolveMeetingId } from './resolve.js';
import { primeExpansion, storeExpansion } from './expansion.service.js';
import { addDays, byStart, dayBefore, expects, KIND_DEFAULTS, nextOccurrences, ruleOccurrence, seriesOccurrences, versionOn, type Audience, type MeetingException, type MeetingKind, type Occurrence, type ScheduleVersion } from './rules/meeting.js';
import { cadenceRrule, nextOccurrenceDate, parseCadence, parseRrule, parseTime, parseZone } from './rules/recurrence.js';

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

/** A series with what it is for, its rule now and its next date. */
export interface MeetingSummary extends Meeting {
  rrule: string;
  time: string;
  durationMin: number;
  zone: string;
  startsOn: string;
  until: string | null;
  /** True once the series has no more dates. */
  ended: boolean;
  attendees: string[];
  next: { date: string; time: string; startsAt: string } | null;
  lastHeld: string | null;
  openActions: number;
}

export interface MinutesView {
  date: string;
  occursOn: string;
  time: string;
  notes: string | null;
  attendance: { handle: string; name: string; status: AttendanceEntry['status'] }[];
  decisions: string[];
  actions: ActionItem[];
}

export interface MeetingDetail extends MeetingSummary {
  agenda: string[];
  schedules: ScheduleVersion[];
  exceptions: MeetingException[];
  upcoming: Occurrence[];
  lastMinutes: MinutesView | null;
}

/** The days ahead a next date is looked for in the stored months first (two months: most rules fall in them). */
const SOON = 62;

/** The machine's zone, when the team has not set one (TEAM_TZ). */
const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The rule, time, duration and zone of a new series, from its kind's defaults and what was given; checked. */
function scheduleOf(o: ServiceOptions, kind: MeetingKind, s: ScheduleInput): Omit<ScheduleVersion, 'id'> {
  const d = KIND_DEFAULTS[kind];
  const from = s.from ?? o.today;
  if (s.until !== undefined && s.until < from) throw new InputError('meetings.err.untilBeforeFrom', { from, until: s.until });
  const rrule = ruleOf(s, from, d.repeat);
  const timeText = s.time ?? d.time;
  if (timeText === undefined) throw new InputError('meetings.err.needTime', {});
  const v = { validFrom: from, validUntil: s.until ?? null, startsOn: from, rrule, time: parseTime(timeText), durationMin: s.duration ?? d.duration, zone: parseZone(s.zone ?? o.zone ?? machineZone()) };
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

const cleanShift = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim().toLowerCase());

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
    const id = await insertMeeting(tx, { title, presetKey: input.presetKey ?? null, kind, facilitatorId, place: input.place?.trim() || null, shift: cleanShift(input.shift) ?? null, everyone: audience.everyone }, now);
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
  const id = await o.db.transaction(async (tx) => {
    const id = await resolveMeetingId(tx, ref);
    const m = (await findMeetingById(tx, id))!;
    const now = stamp(o.now);
    const title = input.title?.trim();
    if (title !== undefined && title === '') throw new InputError('meetings.err.needTitle', {});
    if (title && title.toLowerCase() !== m.title.toLowerCase() && (await findMeetingIdByName(tx, title)) !== undefined) throw new InputError('meetings.err.duplicate', { title });
    const audience = input.attendees === undefined ? undefined : await audienceFrom(tx, input.attendees);
    const facilitatorId = input.facilitator === undefined ? undefined : input.facilitator === null ? null : await resolveMemberId(tx, input.facilitator);
    await updateMeeting(tx, id, { title, kind: input.kind, facilitatorId, place: input.place === undefined ? undefined : input.place?.trim() || null, shift: cleanShift(input.shift), everyone: audience?.everyone }, now);
    if (audience) await replaceAudience(tx, id, audience.memberIds, audience.departmentIds);
    if (input.agenda !== undefined) await replaceAgenda(tx, id, cleanItems(input.agenda));
    const versions = (await schedulesOf(tx, [id])).get(id) ?? [];
    if (SCHEDULE_FIELDS.some((f) => input[f] !== undefined)) await reschedule(o, tx, id, m.kind, versions, input, now);
    else if (input.until !== undefined) await setUntil(tx, versions, input.until);
    return id;
  });
  return showMeetingById(o, o.db, id);
}

/** A new schedule version from `input.from` (or today), or the current one changed in place when it has not begun by then. */
async function reschedule(o: ServiceOptions, tx: Queryable, id: number, kind: MeetingKind, versions: readonly ScheduleVersion[], input: SeriesInput, now: string): Promise<void> {
  const from = input.from ?? o.today;
  const first = versions[0]!;
  const cur = versionOn(versions, from) ?? (from < first.validFrom ? first : undefined);
  if (!cur) throw new InputError('meetings.err.endedBefore', { date: from });
  const later = versions.filter((v) => v.validFrom > cur.validFrom);
  const until = input.until ?? (later.at(-1) ?? cur).validUntil;
  const begins = cur.validFrom >= from ? cur.validFrom : from;
  if (until !== null && until < begins) throw new InputError('meetings.err.untilBeforeFrom', { from: begins, until });
  const ruleChanged = input.repeat !== undefined || input.interval !== undefined || input.rrule !== undefined;
  const rrule = ruleChanged ? ruleOf(input, begins, KIND_DEFAULTS[kind].repeat) : cur.rrule;
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

/** A new last date for the series (the last version's end). */
async function setUntil(tx: Queryable, versions: readonly ScheduleVersion[], until: string): Promise<void> {
  const last = versions.at(-1)!;
  if (until < last.validFrom) throw new InputError('meetings.err.untilBeforeFrom', { from: last.validFrom, until });
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
  throw await notOccurrence(id, title, versions, exceptions, date);
}

/** "X does not meet on D; the nearest date after it is …". */
export async function notOccurrence(id: number, title: string, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], date: string): Promise<InputError> {
  const next = nextOccurrences(id, versions, exceptions, date, 1)[0];
  return next ? new InputError('meetings.err.notOccurrenceNext', { title, date, next: next.date }) : new InputError('meetings.err.notOccurrence', { title, date });
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
    const lastDate = dayBefore(date);
    for (const v of versions) {
      if (v.validFrom >= date && v !== versions[0]) await deleteSchedule(tx, v.id);
      else if (v.validUntil === null || v.validUntil > lastDate) await updateSchedule(tx, v.id, { validUntil: lastDate });
    }
    return { meeting, lastDate };
  });
}

/** Who each series expects, by handle: "all", or the members and department names. */
function audienceNames(m: Meeting, a: { memberIds: number[]; departmentIds: number[] } | undefined, members: ReadonlyMap<number, Member>, departments: ReadonlyMap<number, string>): string[] {
  if (m.everyone) return ['all'];
  return [...(a?.departmentIds ?? []).map((id) => departments.get(id) ?? `#${id}`), ...(a?.memberIds ?? []).map((id) => members.get(id)?.handle ?? `#${id}`)];
}

async function departmentNames(q: Queryable): Promise<Map<number, string>> {
  return new Map((await listAllDepartments(q)).map((d) => [d.id, d.name]));
}

/** Every series with its rule now, its next date, when it was last held and its open actions. */
export async function getMeetings(o: ServiceOptions): Promise<MeetingSummary[]> {
  return o.db.snapshot(async (q) => {
    await primeExpansion(q, o.today, addDays(o.today, SOON));
    const meetings = await listMeetings(q);
    const schedules = await schedulesOf(q);
    const audience = await audienceOf(q);
    const stats = await seriesStats(q);
    const members = await getActiveMembers(q);
    const depts = await departmentNames(q);
    const exceptions = await exceptionsBetween(q, o.today, addDays(o.today, 2 * 366));
    const byId = new Map(members.map((m) => [m.id, m]));
    return meetings.map((m) => summary(o, m, schedules.get(m.id) ?? [], exceptions.get(m.id) ?? [], audienceNames(m, audience.get(m.id), byId, depts), stats.get(m.id)));
  });
}

function summary(o: ServiceOptions, m: Meeting, versions: readonly ScheduleVersion[], exceptions: readonly MeetingException[], attendees: string[], stats: { lastHeld: string | null; openActions: number } | undefined): MeetingSummary {
  const now = versionOn(versions, o.today) ?? versions.find((v) => v.validFrom > o.today) ?? versions.at(-1)!;
  const next = nextOccurrences(m.id, versions, exceptions, o.today, 1)[0];
  const until = versions.at(-1)!.validUntil;
  return {
    ...m,
    rrule: now.rrule,
    time: now.time,
    durationMin: now.durationMin,
    zone: now.zone,
    startsOn: versions[0]!.validFrom,
    until,
    ended: next === undefined && until !== null && until < o.today,
    attendees,
    next: next ? { date: next.date, time: next.time, startsAt: next.startsAt } : null,
    lastHeld: stats?.lastHeld ?? null,
    openActions: stats?.openActions ?? 0,
  };
}

/** One series in full: rule versions, exceptions, audience, agenda, the next five dates and the last minutes. */
export async function showMeeting(o: ServiceOptions, ref: string): Promise<MeetingDetail> {
  return o.db.snapshot(async (q) => showMeetingById(o, q, await resolveMeetingId(q, ref)));
}

async function showMeetingById(o: ServiceOptions, q: Queryable, id: number): Promise<MeetingDetail> {
  // Five next dates: five months of a monthly series.
  await primeExpansion(q, o.today, addDays(o.today, 6 * 31));
  const m = (await findMeetingById(q, id))!;
  const versions = await schedulesOf(q, [id]).then((s) => s.get(id) ?? []);
  const exceptions = await exceptionsOf(q, id);
  const audience = await audienceOf(q, [id]);
  const agenda = await agendaOf(q, id);
  const logs = await latestLogs(q, id, 1);
  const members = await getActiveMembers(q);
  const depts = await departmentNames(q);
  const stats = (await seriesStats(q)).get(id);
  const byId = new Map(members.map((x) => [x.id, x]));
  const base = summary(o, m, versions, exceptions, audienceNames(m, audience.get(id), byId, depts), stats);
  return { ...base, agenda, schedules: versions, exceptions, upcoming: nextOccurrences(id, versions, exceptions, o.today, 5), lastMinutes: logs[0] ? await minutesOf(q, logs[0]) : null };
}

/** What was recorded at one meeting. */
export async function minutesOf(q: Queryable, log: MeetingLog): Promise<MinutesView> {
  const attendance = await attendanceOf(q, [log.id]);
  const decisions = await decisionsOf(q, [log.id]);
  const actions = await actionsOfLogs(q, [log.id]);
  return { date: log.heldOn, occursOn: log.occursOn, time: log.time, notes: log.notes, attendance: attendance.map(({ handle, name, status }) => ({ handle, name, status })), decisions: decisions.map((d) => d.text), actions };
}

export interface UpcomingItem extends Occurrence {
  title: string;
  kind: MeetingKind;
  place: string | null;
  facilitator: string | null;
  shift: string | null;
  /** Open action items the series carries into it. */
  carriedActions: number;
}

/**
 * The occurrences of every series on the `days` days from today, in time
 * order; for one member only the series that expect them (their shift
 * included), for a department those that expect any of its members.
 */
export async function getUpcoming(o: ServiceOptions, f: { days?: number; member?: string; dept?: string }): Promise<UpcomingItem[]> {
  return o.db.snapshot(async (q) => {
    const days = f.days ?? 7;
    const to = addDays(o.today, days - 1);
    const memberId = f.member === undefined ? undefined : await resolveMemberId(q, f.member);
    const deptId = f.dept === undefined ? undefined : await resolveDepartmentId(q, f.dept);
    await primeExpansion(q, o.today, to);
    const meetings = await listMeetings(q);
    const schedules = await schedulesOf(q);
    const filtered = memberId !== undefined || deptId !== undefined;
    const audience = filtered ? await audienceOf(q) : new Map<number, { memberIds: number[]; departmentIds: number[] }>();
    const exceptions = await exceptionsBetween(q, o.today, to);
    const open = await openActionCounts(q);
    // Whose meetings: only read when asked for (2,000 members are not read to list everyone's).
    const who = !filtered ? [] : (await getActiveMembers(q)).filter((m) => (memberId === undefined || m.id === memberId) && (deptId === undefined || m.departmentId === deptId));
    const out: UpcomingItem[] = [];
    for (const m of meetings) {
      if (filtered) {
        const a: Audience = { everyone: m.everyone, memberIds: audience.get(m.id)?.memberIds ?? [], departmentIds: audience.get(m.id)?.departmentIds ?? [], shift: m.shift };
        if (!who.some((x) => expects(a, x))) continue;
      }
      const carriedActions = open.get(m.id) ?? 0;
      for (const x of seriesOccurrences(m.id, schedules.get(m.id) ?? [], exceptions.get(m.id) ?? [], o.today, to)) {
        // The occurrence itself becomes the item: a copy (let alone a spread) of a thousand many-field objects costs more than the expansion.
        const item = x as UpcomingItem;
        item.title = m.title;
        item.kind = m.kind;
        item.place = m.place;
        item.facilitator = m.facilitator;
        item.shift = m.shift;
        item.carriedActions = carriedActions;
        out.push(item);
      }
    }
    return out.sort(byStart);
  });
}

export interface AgendaView {
  meetingId: number;
  title: string;
  date: string;
  time: string;
  zone: string;
  items: string[];
  /** Open action items raised at earlier meetings of the series. */
  carried: ActionItem[];
  /** The decisions of the last meeting before this one. */
  lastDecisions: { date: string; decisions: string[] } | null;
}

/** The agenda of an occurrence (default: the next one): template items, carried-over actions, the last decisions. */
export async function getAgenda(o: ServiceOptions, ref: string, date?: string): Promise<AgendaView> {
  return o.db.snapshot(async (q) => {
    const id = await resolveMeetingId(q, ref);
    const m = (await findMeetingById(q, id))!;
    await primeExpansion(q, date ?? o.today, addDays(date ?? o.today, SOON));
    const versions = (await schedulesOf(q, [id])).get(id) ?? [];
    const exceptions = await exceptionsOf(q, id);
    const occ = date === undefined ? nextOccurrences(id, versions, exceptions, o.today, 1)[0] : seriesOccurrences(id, versions, exceptions, date, date)[0];
    if (!occ) throw date === undefined ? new InputError('meetings.err.noNext', { title: m.title }) : await notOccurrence(id, m.title, versions, exceptions, date);
    const items = await agendaOf(q, id);
    const carried = await listActions(q, { meetingId: id, status: 'open', raisedBefore: occ.date });
    const last = await latestLogs(q, id, 1, occ.date);
    const decisions = last[0] ? (await decisionsOf(q, [last[0].id])).map((d) => d.text) : [];
    return { meetingId: id, title: m.title, date: occ.date, time: occ.time, zone: occ.zone, items, carried, lastDecisions: last[0] ? { date: last[0].heldOn, decisions } : null };
  });
}

/** Whether a series already has this title (prompts check each answer). */
export async function isMeetingTitleTaken(o: ServiceOptions, title: string): Promise<boolean> {
  return (await findMeetingIdByName(o.db, title)) !== undefined;
}

/** Fails as the command would when `name` is no member (prompts check action owners as they are typed). */
export async function checkMemberName(o: ServiceOptions, name: string): Promise<void> {
  await resolveMemberId(o.db, name);
}

/** The occurrences of one series held within [from, to], in time order (past ones included). */
export async function getOccurrences(o: ServiceOptions, ref: string, from: string, to: string): Promise<Occurrence[]> {
  return o.db.snapshot(async (q) => {
    const id = await resolveMeetingId(q, ref);
    await primeExpansion(q, from, to);
    const versions = (await schedulesOf(q, [id])).get(id) ?? [];
    return seriesOccurrences(id, versions, await exceptionsOf(q, id), from, to);
  });
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
