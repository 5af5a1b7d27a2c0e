/** Minutes: logging a meeting (attendance, notes, decisions, actions, plans, problems) and the views of them (day, attendance). */
import type { Queryable } from '../db/sql.js';
import { getActiveMembers, getMemberById, resolveMemberId, type Member } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { insertAction } from './actions.repository.js';
import { attendanceCounts, countMarkedBy, findLog, findLogById, insertAttendance, insertDecisions, insertLog, insertPlanItems, insertProblems, markPlanItems, planItemsOn, problemsOn, type PlanItem, type Problem } from './minutes.repository.js';
import { audienceOf, exceptionsOf, findMeetingById, schedulesOf, type Meeting } from './repository.js';
import { resolveMeetingId } from './resolve.js';
import { primeExpansion } from './expansion.service.js';
import { addDays } from '../shared/dates.js';
import { extraOccurrence, notOccurrence, SOON, seriesOccurrences, type AttendanceStatus, type Occurrence } from './rules/meeting.js';
import { completionPct, defaultStatus, expects, parseAction, parseDone, parsePlan, splitProblem, tally, type AttendanceTally } from './rules/minutes.js';
import { minutesOf, type MinutesView } from './views.service.js';

export interface LogInput {
  date?: string;
  /** Log a date the rule does not give. */
  extra?: boolean;
  absent?: string[];
  late?: string[];
  excused?: string[];
  notes?: string;
  decisions?: string[];
  /** "owner: text [due]". */
  actions?: string[];
  /** "handle: item; item" (the morning's plan for the day). */
  plans?: string[];
  /** "handle: 1,3" or "handle: all" (what got done of the plan). */
  done?: string[];
  /** "handle: text" or a problem of the team's (日报). */
  problems?: string[];
}

export interface LogResult extends MinutesView {
  meetingId: number;
  title: string;
  extra: boolean;
  counts: Omit<AttendanceTally, 'ratePct'>;
  planned: number;
  /** Plan items of the day marked done / not done by this meeting. */
  markedDone: number;
  markedNotDone: number;
  problems: { handle: string | null; text: string }[];
}

/**
 * Records the minutes of one occurrence (default: today's), in one
 * transaction. Everyone the series expects is present unless named absent,
 * late or excused (members on leave are excused). A date that is not an
 * occurrence is refused unless `extra`; an evening meeting settles the day's
 * plans: what is not named done is not done.
 */
export async function logMeeting(o: ServiceOptions, ref: string, input: LogInput): Promise<LogResult> {
  const date = input.date ?? o.today;
  if (date > o.today) throw new InputError('meetings.err.logFuture', { date });
  const actions = (input.actions ?? []).map(parseAction);
  const plans = (input.plans ?? []).map(parsePlan);
  const done = (input.done ?? []).map(parseDone);
  const decisions = (input.decisions ?? []).map((d) => d.trim()).filter(Boolean);
  for (const a of actions) if (a.due !== null && a.due < date) throw new InputError('meetings.err.actionDueBefore', { text: a.text, due: a.due, date });
  const logId = await o.db.transaction(async (tx) => {
    const { meeting, occ } = await loggable(tx, ref, date, input.extra === true);
    const now = stamp(o.now);
    const members = await getActiveMembers(tx);
    const attendance = await attendanceFor(tx, meeting, members, input);
    const logId = await insertLog(tx, meeting.id, { occursOn: occ.occursOn, heldOn: date, time: occ.time, durationMin: occ.durationMin, extra: occ.extra, notes: input.notes?.trim() || null }, o.actor, now);
    await insertAttendance(tx, logId, attendance);
    await insertDecisions(tx, logId, decisions);
    for (const a of actions) await insertAction(tx, { meetingId: meeting.id, logId, ownerId: await resolveMemberId(tx, a.owner), text: a.text, due: a.due }, o.actor, now);
    for (const p of plans) {
      const memberId = await resolveMemberId(tx, p.owner);
      const have = await planItemsOn(tx, date, memberId);
      await insertPlanItems(tx, logId, memberId, date, (have.at(-1)?.position ?? 0) + 1, p.items);
    }
    await settlePlans(tx, logId, date, done, meeting.kind === 'evening');
    const handles = new Map(members.map((m) => [m.handle.toLowerCase(), m.id]));
    const problems = (input.problems ?? []).map((p) => splitProblem(p, (s) => handles.has(s.toLowerCase())));
    await insertProblems(tx, logId, date, problems.map((p) => ({ memberId: p.owner === null ? null : handles.get(p.owner.toLowerCase())!, text: p.text })));
    return logId;
  });
  return o.db.snapshot((q) => logResult(q, logId, date));
}

/** The series and the occurrence a log of `date` is for, or the reason there can be none: not a date of the series (unless extra, within the series' dates), already logged. */
async function loggable(q: Queryable, ref: string, date: string, extra: boolean): Promise<{ meeting: Meeting; occ: Occurrence & { extra: boolean } }> {
  const meeting = (await findMeetingById(q, await resolveMeetingId(q, ref)))!;
  const occ = await occurrenceToLog(q, meeting, date, extra);
  const existing = await findLog(q, meeting.id, occ.occursOn);
  if (existing) throw new InputError('meetings.err.alreadyLogged', { title: meeting.title, date: existing.heldOn });
  return { meeting, occ };
}

/** The occurrence held on `date`, or an extra one when asked for; else the error names the nearest date. */
async function occurrenceToLog(q: Queryable, meeting: Meeting, date: string, extra: boolean): Promise<Occurrence & { extra: boolean }> {
  await primeExpansion(q, date, addDays(date, SOON));
  const versions = (await schedulesOf(q, [meeting.id])).get(meeting.id) ?? [];
  const exceptions = await exceptionsOf(q, meeting.id);
  const occ = seriesOccurrences(meeting.id, versions, exceptions, date, date)[0];
  if (occ) return { ...occ, extra: false };
  if (!extra) throw notOccurrence(meeting.id, meeting.title, versions, exceptions, date, true);
  const [first, end] = [versions[0]!.validFrom, versions.at(-1)!.validUntil];
  if (date < first) throw new InputError('meetings.err.extraBeforeStart', { title: meeting.title, date: first });
  if (end !== null && date > end) throw new InputError('meetings.err.extraAfterEnd', { title: meeting.title, date: end });
  return { ...extraOccurrence(meeting.id, versions, date), extra: true };
}

/**
 * Checks, before a terminal asks for the minutes, that `date` can be logged
 * (the same refusals as logMeeting's), and says what kind of meeting it is
 * and whom it expects.
 */
export async function prepareLog(o: ServiceOptions, ref: string, f: { date?: string; extra?: boolean }): Promise<{ kind: Meeting['kind']; expected: string[] }> {
  const date = f.date ?? o.today;
  if (date > o.today) throw new InputError('meetings.err.logFuture', { date });
  return o.db.snapshot(async (q) => {
    const { meeting } = await loggable(q, ref, date, f.extra === true);
    const members = await getActiveMembers(q);
    const handles = new Map(members.map((m) => [m.id, m.handle]));
    return { kind: meeting.kind, expected: (await attendanceFor(q, meeting, members, {})).map((e) => handles.get(e.memberId)!) };
  });
}

/** Fails as logMeeting would on this answer of a terminal's: a member who is not expected, an owner who is no member, done items the day's plan does not have. */
export async function checkLogAnswer(o: ServiceOptions, answer: { attendees?: string[]; expected?: readonly string[]; owner?: string; done?: string; date?: string }): Promise<void> {
  await o.db.snapshot(async (q) => {
    for (const name of answer.attendees ?? []) {
      const m = await getMemberById(q, await resolveMemberId(q, name));
      if (!answer.expected?.includes(m!.handle)) throw new InputError('meetings.err.notAttendeeHere', { handle: m!.handle });
    }
    if (answer.owner !== undefined) await resolveMemberId(q, answer.owner);
    if (answer.done !== undefined) checkDone(parseDone(answer.done), await planItemsOn(q, answer.date ?? o.today, await resolveMemberId(q, parseDone(answer.done).owner)), answer.date ?? o.today);
  });
}

/** The plan items a done mark names, or the reason it names none. */
function checkDone(d: { owner: string; items: number[] | 'all' }, own: readonly PlanItem[], date: string): PlanItem[] {
  if (own.length === 0) throw new InputError('meetings.err.noPlan', { handle: d.owner, date });
  if (d.items === 'all') return [...own];
  return d.items.map((n) => {
    const item = own.find((i) => i.position === n);
    if (!item) throw new InputError('meetings.err.noPlanItem', { handle: own[0]!.handle, n, count: own.length, date });
    return item;
  });
}

/** Who was expected and how they came: present by default, the named ones absent, late or excused. */
async function attendanceFor(q: Queryable, meeting: Meeting, members: readonly Member[], input: Pick<LogInput, 'absent' | 'late' | 'excused'>): Promise<{ memberId: number; status: AttendanceStatus }[]> {
  const a = (await audienceOf(q, [meeting.id])).get(meeting.id);
  const audience = { everyone: meeting.everyone, memberIds: a?.memberIds ?? [], departmentIds: a?.departmentIds ?? [], shift: meeting.shift };
  const expected = members.filter((m) => expects(audience, m));
  const status = new Map(expected.map((m) => [m.id, defaultStatus(m)]));
  const named = new Map<number, AttendanceStatus>();
  for (const [list, s] of [[input.absent, 'absent'], [input.late, 'late'], [input.excused, 'excused']] as const) {
    for (const name of list ?? []) {
      const id = await resolveMemberId(q, name);
      const m = members.find((x) => x.id === id);
      if (!m || !status.has(id)) throw new InputError('meetings.err.notAttendee', { handle: m?.handle ?? name, title: meeting.title });
      const before = named.get(id);
      if (before !== undefined && before !== s) throw new InputError('meetings.err.twoStatuses', { handle: m.handle });
      named.set(id, s);
      status.set(id, s);
    }
  }
  return [...status].map(([memberId, s]) => ({ memberId, status: s }));
}

/** Marks the day's plan items done as named; the named members' other items, and on an evening meeting everyone's, not done. */
async function settlePlans(tx: Queryable, logId: number, date: string, done: readonly { owner: string; items: number[] | 'all' }[], wholeDay: boolean): Promise<void> {
  const items = await planItemsOn(tx, date);
  const doneIds = new Set<number>();
  const settled = new Set<number>();
  for (const d of done) {
    const memberId = await resolveMemberId(tx, d.owner);
    for (const item of checkDone(d, items.filter((i) => i.memberId === memberId), date)) doneIds.add(item.id);
    settled.add(memberId);
  }
  const notDone = items.filter((i) => !doneIds.has(i.id) && (settled.has(i.memberId) || (wholeDay && i.done === null)));
  await markPlanItems(tx, [...doneIds], true, logId);
  await markPlanItems(tx, notDone.map((i) => i.id), false, logId);
}

async function logResult(q: Queryable, logId: number, date: string): Promise<LogResult> {
  const full = (await findLogById(q, logId))!;
  const meeting = (await findMeetingById(q, full.meetingId))!;
  const minutes = await minutesOf(q, full);
  const count = (s: AttendanceStatus) => minutes.attendance.filter((a) => a.status === s).length;
  const plans = (await planItemsOn(q, date)).filter((p) => p.logId === logId);
  const marked = await countMarkedBy(q, logId);
  const problems = (await problemsOn(q, date)).filter((p) => p.logId === logId).map(({ handle, text }) => ({ handle, text }));
  return {
    ...minutes,
    meetingId: meeting.id,
    title: meeting.title,
    extra: full.extra,
    counts: { present: count('present'), late: count('late'), absent: count('absent'), excused: count('excused') },
    planned: plans.length,
    markedDone: marked.done,
    markedNotDone: marked.notDone,
    problems,
  };
}

export interface DayMember {
  handle: string;
  name: string;
  planned: number;
  done: number;
  notDone: number;
  /** Not yet reviewed by an evening meeting. */
  pending: number;
  completionPct: number | null;
  items: { position: number; text: string; done: boolean | null }[];
  problems: string[];
}

export interface DayView {
  date: string;
  planned: number;
  done: number;
  completionPct: number | null;
  members: DayMember[];
  /** Problems of the team's, not one member's. */
  problems: string[];
  /** What is not done and carries to tomorrow's plan. */
  carry: { handle: string; text: string }[];
}

/** Plan vs done for a day (早会 → 夕会): per member, their plan, what got done, the rate, problems and what carries over. */
export async function getDay(o: ServiceOptions, f: { date?: string; member?: string }): Promise<DayView> {
  return o.db.snapshot(async (q) => {
    const date = f.date ?? o.today;
    const memberId = f.member === undefined ? undefined : await resolveMemberId(q, f.member);
    const handle = memberId === undefined ? undefined : (await getMemberById(q, memberId))!.handle;
    const items = await planItemsOn(q, date, memberId);
    const problems = await problemsOn(q, date);
    return dayView(date, items, handle === undefined ? problems : problems.filter((p) => p.handle === handle), handle !== undefined);
  });
}

function dayView(date: string, items: readonly PlanItem[], problems: readonly Problem[], oneMember: boolean): DayView {
  const byMember = new Map<string, DayMember>();
  const memberOf = (handle: string, name: string) => {
    let m = byMember.get(handle);
    if (!m) byMember.set(handle, (m = { handle, name, planned: 0, done: 0, notDone: 0, pending: 0, completionPct: null, items: [], problems: [] }));
    return m;
  };
  for (const i of items) {
    const m = memberOf(i.handle, i.name);
    m.planned++;
    if (i.done === true) m.done++;
    else if (i.done === false) m.notDone++;
    else m.pending++;
    m.items.push({ position: i.position, text: i.text, done: i.done });
  }
  const team: string[] = [];
  for (const p of problems) {
    if (p.handle === null) team.push(p.text);
    else {
      const known = byMember.get(p.handle);
      if (known) known.problems.push(p.text);
      else memberOf(p.handle, p.name ?? p.handle).problems.push(p.text);
    }
  }
  const members = [...byMember.values()].sort((a, b) => (a.handle < b.handle ? -1 : 1));
  for (const m of members) m.completionPct = completionPct(m.done, m.planned);
  const planned = members.reduce((s, m) => s + m.planned, 0);
  const done = members.reduce((s, m) => s + m.done, 0);
  return {
    date,
    planned,
    done,
    completionPct: completionPct(done, planned),
    members,
    problems: oneMember ? [] : team,
    carry: items.filter((i) => i.done !== true).map((i) => ({ handle: i.handle, text: i.text })),
  };
}

export interface AttendanceRow extends AttendanceTally {
  handle: string;
  name: string;
}

/** Attendance per member over meetings held in [from, to] (default: the last 30 days): counts by status and the rate. */
export async function getAttendance(o: ServiceOptions, f: { from?: string; to?: string; member?: string }): Promise<{ from: string; to: string; members: AttendanceRow[] }> {
  const to = f.to ?? o.today;
  const from = f.from ?? addDays(to, -29);
  if (to < from) throw new InputError('meetings.err.toBeforeFrom', { from, to });
  return o.db.snapshot(async (q) => {
    const memberId = f.member === undefined ? undefined : await resolveMemberId(q, f.member);
    const counts = await attendanceCounts(q, from, to, memberId);
    const rows = new Map<string, AttendanceRow & { memberId: number }>();
    for (const c of counts) {
      const r = rows.get(c.handle) ?? { memberId: c.memberId, handle: c.handle, name: c.name, present: 0, late: 0, absent: 0, excused: 0, ratePct: null };
      r[c.status] += c.n;
      rows.set(c.handle, r);
    }
    return { from, to, members: [...rows.values()].map(({ memberId: _, ...r }) => ({ ...r, ...tally(r) })) };
  });
}


