/** The views of the meeting series: list, show, upcoming, agenda, one series' occurrences; each reads one state of the database. */
import type { Queryable } from '../db/sql.js';
import { getActiveMembers, listAllDepartments, resolveDepartmentId, resolveMemberId, type Member } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';
import { actionsOfLogs, listActions, openActionsRaisedSince, openCountsByMeeting as openActionCounts, type ActionItem } from './actions.repository.js';
import { attendanceOf, decisionsOf, latestLogs, loggedOccurrences, type AttendanceEntry, type MeetingLog } from './minutes.repository.js';
import { agendaOf, audienceOf, exceptionsBetween, exceptionsOf, findMeetingById, listMeetings, schedulesOf, seriesStats, type Meeting } from './repository.js';
import { resolveMeetingId } from './resolve.js';
import { primeExpansion } from './expansion.service.js';
import { addDays } from '../shared/dates.js';
import { inTimeOrder, nextOccurrences, notOccurrence, SOON, seriesOccurrences, seriesSlots, versionOn, type MeetingException, type MeetingKind, type Occurrence, type ScheduleVersion, type Slot } from './rules/meeting.js';
import { expects, type Audience } from './rules/minutes.js';

/** A series with what it is for, its rule now and its next date. */
export interface MeetingSummary extends Meeting {
  rrule: string;
  time: string;
  durationMin: number;
  zone: string;
  /** The series' first date. */
  firstDate: string;
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
    firstDate: versions[0]!.validFrom,
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

/** One series in full by id (add and edit show what they wrote). */
export async function showMeetingById(o: ServiceOptions, q: Queryable, id: number): Promise<MeetingDetail> {
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
  const stats = (await seriesStats(q, id)).get(id);
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
 * The series a member or a department expects (everyone's when neither), with
 * their schedules and the exceptions in [from, to], the expansion primed for
 * the window: what expanding them needs.
 */
async function seriesInScope(q: Queryable, f: { from: string; to: string; member?: string; dept?: string }): Promise<{ meetings: Meeting[]; schedules: Map<number, ScheduleVersion[]>; exceptions: Map<number, MeetingException[]> }> {
  const memberId = f.member === undefined ? undefined : await resolveMemberId(q, f.member);
  const deptId = f.dept === undefined ? undefined : await resolveDepartmentId(q, f.dept);
  await primeExpansion(q, f.from, f.to);
  const all = await listMeetings(q);
  const schedules = await schedulesOf(q);
  const exceptions = await exceptionsBetween(q, f.from, f.to);
  if (memberId === undefined && deptId === undefined) return { meetings: all, schedules, exceptions };
  const audience = await audienceOf(q);
  // Whose meetings: only read when asked for (2,000 members are not read to list everyone's).
  const who = (await getActiveMembers(q)).filter((m) => (memberId === undefined || m.id === memberId) && (deptId === undefined || m.departmentId === deptId));
  const meetings = all.filter((m) => {
    const a: Audience = { everyone: m.everyone, memberIds: audience.get(m.id)?.memberIds ?? [], departmentIds: audience.get(m.id)?.departmentIds ?? [], shift: m.shift };
    return who.some((x) => expects(a, x));
  });
  return { meetings, schedules, exceptions };
}

/**
 * The occurrences of every series on the `days` days from `from` (today), in time
 * order; for one member only the series that expect them (their shift
 * included), for a department those that expect any of its members.
 */
export async function getUpcoming(o: ServiceOptions, f: { days?: number; member?: string; dept?: string; from?: string }): Promise<UpcomingItem[]> {
  return o.db.snapshot(async (q) => {
    const days = f.days ?? 7;
    const from = f.from ?? o.today;
    const to = addDays(from, days - 1);
    const { meetings, schedules, exceptions } = await seriesInScope(q, { from, to, ...(f.member !== undefined && { member: f.member }), ...(f.dept !== undefined && { dept: f.dept }) });
    const open = await openActionCounts(q);
    // An occurrence carries the items raised before it: not those of its own day or later.
    const recent = await openActionsRaisedSince(q, from);
    const out: UpcomingItem[] = [];
    for (const m of meetings) {
      const total = open.get(m.id) ?? 0;
      const raised = recent.filter((r) => r.meetingId === m.id);
      for (const x of seriesOccurrences(m.id, schedules.get(m.id) ?? [], exceptions.get(m.id) ?? [], from, to)) {
        const carriedActions = raised.length === 0 ? total : total - raised.filter((r) => r.raisedOn >= x.date).length;
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
    return inTimeOrder(out);
  });
}

/**
 * Each series in the scope with its occurrences in [from, to] as slots (in
 * time order within the series; the series in id order): the occurrences
 * getUpcoming lists, without what only a list shows (actions carried,
 * instants written) and without sorting them all.
 */
export async function getSlots(o: ServiceOptions, f: { from: string; to: string; member?: string; dept?: string }): Promise<{ meeting: Meeting; slots: Slot[] }[]> {
  return o.db.snapshot(async (q) => {
    const { meetings, schedules, exceptions } = await seriesInScope(q, f);
    return meetings.map((meeting) => ({ meeting, slots: seriesSlots(meeting.id, schedules.get(meeting.id) ?? [], exceptions.get(meeting.id) ?? [], f.from, f.to) }));
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
    // The next one not yet held: once today's has minutes, tomorrow's agenda carries what it raised.
    const held = date === undefined ? new Set(await loggedOccurrences(q, id, o.today)) : new Set<string>();
    const occ = date === undefined ? nextOccurrences(id, versions, exceptions, o.today, 3).find((x) => !held.has(x.occursOn)) : seriesOccurrences(id, versions, exceptions, date, date)[0];
    if (!occ) throw date === undefined ? new InputError('meetings.err.noNext', { title: m.title }) : notOccurrence(id, m.title, versions, exceptions, date);
    const items = await agendaOf(q, id);
    const carried = await listActions(q, { meetingId: id, status: 'open', raisedBefore: occ.date });
    const last = await latestLogs(q, id, 1, occ.date);
    const decisions = last[0] ? (await decisionsOf(q, [last[0].id])).map((d) => d.text) : [];
    return { meetingId: id, title: m.title, date: occ.date, time: occ.time, zone: occ.zone, items, carried, lastDecisions: last[0] ? { date: last[0].heldOn, decisions } : null };
  });
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

