/** Training sessions: scheduled classes of a course and who attends them. */
import { insertRow, updateRow, type Queryable, type SqlValue } from '../db/sql.js';
import type { AttendeeStatus, Session, SessionAttendee } from './rules/training.js';

type SessionHead = Omit<Session, 'attendees'>;

const SELECT = `select s.id, s.course_id as "courseId", c.title as course, s.held_on as date, s.start_time as time, s.duration_min as "durationMin", s.time_zone as "timeZone",
    m.handle as trainer, s.place, s.attended_at as "attendedAt", s.created_at as "createdAt"
  from training_sessions s join training_courses c on c.id = s.course_id left join members m on m.id = s.trainer_id`;

export interface SessionFilter {
  courseId?: number;
  from?: string;
  to?: string;
  /** Sessions this member is invited to. */
  memberId?: number;
  ids?: readonly number[];
}

/** Sessions by date and time, with their attendees: two queries whatever the count. */
export async function listSessions(q: Queryable, f: SessionFilter = {}): Promise<Session[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (f.courseId !== undefined) add('s.course_id = ?', f.courseId);
  if (f.from !== undefined) add('s.held_on >= ?', f.from);
  if (f.to !== undefined) add('s.held_on <= ?', f.to);
  if (f.memberId !== undefined) add('s.id in (select session_id from training_session_attendees where member_id = ?)', f.memberId);
  if (f.ids !== undefined) {
    if (f.ids.length === 0) return [];
    add(`s.id in (${f.ids.map(() => '?').join(', ')})`, ...f.ids);
  }
  const clause = where.length ? ` where ${where.join(' and ')}` : '';
  const heads = await q.all<SessionHead>(`${SELECT}${clause} order by s.held_on, s.start_time, s.id`, params);
  if (heads.length === 0) return [];
  const attendees = await q.all<SessionAttendee & { sessionId: number }>(
    `select a.session_id as "sessionId", a.member_id as "memberId", m.handle, m.name, a.status
     from training_session_attendees a join members m on m.id = a.member_id
     where a.session_id in (select s.id from training_sessions s${clause}) order by m.handle`,
    params,
  );
  const bySession = new Map<number, SessionAttendee[]>();
  for (const { sessionId, ...a } of attendees) bySession.set(sessionId, [...(bySession.get(sessionId) ?? []), a]);
  return heads.map((h) => ({ ...h, attendees: bySession.get(h.id) ?? [] }));
}

export async function findSession(q: Queryable, id: number): Promise<Session | undefined> {
  const [s] = await listSessions(q, { ids: [id] });
  return s;
}

export interface NewSession {
  courseId: number;
  date: string;
  time: string;
  durationMin: number;
  timeZone: string;
  trainerId: number | null;
  place: string | null;
}

export async function insertSession(tx: Queryable, s: NewSession, attendeeIds: readonly number[], actor: string, now: string): Promise<number> {
  const id = await insertRow(tx, 'training_sessions', { course_id: s.courseId, held_on: s.date, start_time: s.time, duration_min: s.durationMin, time_zone: s.timeZone, trainer_id: s.trainerId, place: s.place, attended_at: null, actor, created_at: now });
  for (const m of new Set(attendeeIds)) await tx.run("insert into training_session_attendees (session_id, member_id, status) values (?, ?, 'invited')", [id, m]);
  return id;
}

/** Takes attendance: each member's status (members not invited are added). */
export async function markAttendance(tx: Queryable, sessionId: number, marks: ReadonlyMap<number, AttendeeStatus>, now: string): Promise<void> {
  for (const [memberId, status] of marks) {
    await tx.run('insert into training_session_attendees (session_id, member_id, status) values (?, ?, ?) on conflict (session_id, member_id) do update set status = excluded.status', [sessionId, memberId, status]);
  }
  await updateRow(tx, 'training_sessions', sessionId, { attended_at: now });
}
