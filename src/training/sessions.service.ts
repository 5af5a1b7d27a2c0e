/** Training sessions: scheduling a class, taking its attendance (which starts the attendees' rounds), listing them. */
import type { Queryable } from '../db/sql.js';
import { parseTime, parseZone } from '../meetings/public.js';
import { EVERYONE_WORDS, findDepartment, findMember, getActiveMembers, getMemberById, resolveMemberId, resolveRoleId, suggestDepartment, suggestMember, type Member } from '../org/public.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { closestMatch } from '../shared/match.js';
import { stamp, teamZone, type ServiceOptions } from '../shared/service.js';
import { addDays } from '../shared/dates.js';
import { listItems } from './plans.repository.js';
import { readSettings } from './settings.service.js';
import { requireActiveMember, startRound, unstartRound } from './plans.service.js';
import { findCourse } from './repository.js';
import { resolveCourseId, resolveSession } from './resolve.js';
import type { AttendeeStatus, Session } from './rules/training.js';
import { findSession, insertSession, listSessions, markAttendance } from './sessions.repository.js';



export interface SessionInput {
  course: string;
  /** Default today. */
  date?: string;
  time: string;
  durationMin?: number;
  zone?: string;
  trainer?: string;
  place?: string;
  attendees?: readonly string[];
}

/** Members named one by one, by department or role, or "all"; archived members are refused unless `archived` (marking an invitee absent). */
async function resolveAttendees(q: Queryable, names: readonly string[], archived = false): Promise<Member[]> {
  const active = await getActiveMembers(q);
  const out = new Map<number, Member>();
  for (const raw of names) {
    const s = raw.trim();
    if (EVERYONE_WORDS.includes(s.toLowerCase())) {
      for (const m of active) out.set(m.id, m);
      continue;
    }
    const memberId = await findMember(q, s);
    if (memberId !== undefined) {
      const m = archived ? (await getMemberById(q, memberId))! : await requireActiveMember(q, memberId);
      out.set(m.id, m);
      continue;
    }
    const deptId = await findDepartment(q, s);
    if (deptId !== undefined) {
      for (const m of active.filter((x) => x.departmentId === deptId)) out.set(m.id, m);
      continue;
    }
    let roleId: number | undefined;
    try {
      roleId = await resolveRoleId(q, s);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      const candidates = [await suggestMember(q, s), await suggestDepartment(q, s), e.suggestion].filter((c): c is string => c !== undefined);
      throw new NotFoundError('training.kind.attendee', s, closestMatch(s, [...EVERYONE_WORDS, ...candidates]) ?? candidates[0]);
    }
    for (const m of active.filter((x) => x.roleId === roleId)) out.set(m.id, m);
  }
  return [...out.values()];
}

/**
 * `sessions add`: a class of an active course on a date and time (past dates
 * too, to record one held). Attendees default to everyone with the course
 * open in their plan (a refresher once it is due soon); the trainer to the course's.
 */
export async function addSession(o: ServiceOptions, input: SessionInput): Promise<Session> {
  const time = parseTime(input.time);
  const date = input.date ?? o.today;
  const zone = parseZone(input.zone ?? teamZone(o));
  return o.db.transaction(async (tx) => {
    const c = (await findCourse(tx, await resolveCourseId(tx, input.course)))!;
    if (c.retiredAt) throw new InputError('training.err.courseRetired', { course: c.title });
    let attendees: number[];
    if (input.attendees?.length) attendees = (await resolveAttendees(tx, input.attendees)).map((m) => m.id);
    else {
      // Everyone with the course open, less refreshers not yet due by the class (plus the due-soon days).
      const { soonDays } = await readSettings(tx);
      const horizon = addDays(date, soonDays);
      attendees = (await listItems(tx, { courseId: c.id, open: true })).filter((i) => i.source !== 'refresher' || i.due <= horizon).map((i) => i.memberId);
    }
    if (attendees.length === 0) throw new InputError('training.err.noAttendees', { course: c.title });
    const trainerId = input.trainer !== undefined ? (await requireActiveMember(tx, input.trainer)).id : c.trainerId;
    const durationMin = input.durationMin ?? Math.min(1440, Math.max(1, Math.round(c.hours * 60)));
    const id = await insertSession(tx, { courseId: c.id, date, time, durationMin, timeZone: zone, trainerId, place: input.place?.trim() || null }, attendees, o.actor, stamp(o.now));
    return (await findSession(tx, id))!;
  });
}

/** Whether a class of the course may be scheduled (known, not retired): checked before anything is asked. */
export async function checkSessionCourse(o: ServiceOptions, ref: string): Promise<void> {
  const c = (await findCourse(o.db, await resolveCourseId(o.db, ref)))!;
  if (c.retiredAt) throw new InputError('training.err.courseRetired', { course: c.title });
}

export interface SessionListOptions {
  course?: string;
  member?: string;
  from?: string;
  to?: string;
}

/** Sessions from `from` (default today) to `to`, by date and time. */
export async function getSessions(o: ServiceOptions, f: SessionListOptions): Promise<Session[]> {
  const from = f.from ?? o.today;
  if (f.to !== undefined && from > f.to) throw new InputError('training.err.fromAfterTo', { from, to: f.to });
  return o.db.snapshot(async (q) =>
    listSessions(q, {
      from,
      ...(f.to !== undefined && { to: f.to }),
      ...(f.course !== undefined && { courseId: await resolveCourseId(q, f.course) }),
      ...(f.member !== undefined && { memberId: await resolveMemberId(q, f.member) }),
    }),
  );
}

export function showSession(o: ServiceOptions, ref: string): Promise<Session> {
  return o.db.snapshot((q) => resolveSession(q, ref));
}

/**
 * `sessions attend`: takes attendance of a session held (today or before).
 * Everyone invited was there unless named absent; `present` adds people who
 * came uninvited. Each one present has the course started in their plan.
 */
export async function attendSession(o: ServiceOptions, ref: string, f: { absent?: readonly string[]; present?: readonly string[] }): Promise<Session> {
  return o.db.transaction(async (tx) => {
    const s = await resolveSession(tx, ref);
    if (s.date > o.today) throw new InputError('training.err.sessionFuture', { id: s.id, date: s.date });
    const c = (await findCourse(tx, s.courseId))!;
    const marks = new Map<number, AttendeeStatus>(s.attendees.map((a) => [a.memberId, 'present']));
    const absent = f.absent?.length ? await resolveAttendees(tx, f.absent, true) : [];
    const extra = f.present?.length ? await resolveAttendees(tx, f.present) : [];
    for (const m of absent) {
      if (!marks.has(m.id)) throw new InputError('training.err.notInvited', { handle: m.handle, id: s.id });
      marks.set(m.id, 'absent');
    }
    for (const m of extra) {
      if (absent.some((a) => a.id === m.id)) throw new InputError('training.err.presentAndAbsent', { handle: m.handle });
      marks.set(m.id, 'present');
    }
    await markAttendance(tx, s.id, marks, stamp(o.now));
    const before = new Map(s.attendees.map((a) => [a.memberId, a.status]));
    for (const [memberId, status] of marks) {
      // A correction: someone marked present before and absent now had the course started by this class alone.
      if (status === 'absent' && before.get(memberId) === 'present') await unstartRound(tx, o, memberId, c, s.date);
      if (status !== 'present') continue;
      const m = (await getMemberById(tx, memberId))!;
      if (m.archived) continue;
      await startRound(tx, o, m, c, s.date);
    }
    return (await findSession(tx, s.id))!;
  });
}
