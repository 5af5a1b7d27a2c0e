/** Minutes: a log per held occurrence, with attendance, decisions, plans (早会) and problems (日报). */
import { insertRow, type Queryable, type SqlValue } from '../db/sql.js';
import type { AttendanceStatus } from './rules/meeting.js';

/** What a log records of the occurrence it is the minutes of. */
export interface LogFields {
  occursOn: string;
  heldOn: string;
  time: string;
  durationMin: number;
  extra: boolean;
  notes: string | null;
}

export interface MeetingLog extends LogFields {
  id: number;
  meetingId: number;
  actor: string | null;
  createdAt: string;
}

const LOG = `select id, meeting_id as "meetingId", occurs_on as "occursOn", held_on as "heldOn", start_time as time, duration_min as "durationMin",
    extra, notes, actor, created_at as "createdAt" from meeting_logs`;
type LogRow = Omit<MeetingLog, 'extra'> & { extra: number };
const toLog = (r: LogRow): MeetingLog => ({ ...r, extra: r.extra === 1 });

export async function insertLog(tx: Queryable, meetingId: number, f: LogFields, actor: string, now: string): Promise<number> {
  return insertRow(tx, 'meeting_logs', { meeting_id: meetingId, occurs_on: f.occursOn, held_on: f.heldOn, start_time: f.time, duration_min: f.durationMin, extra: f.extra ? 1 : 0, notes: f.notes, actor, created_at: now });
}

/** The minutes of one occurrence (named by its original date). */
export async function findLog(q: Queryable, meetingId: number, occursOn: string): Promise<MeetingLog | undefined> {
  const r = await q.get<LogRow>(`${LOG} where meeting_id = ? and occurs_on = ?`, [meetingId, occursOn]);
  return r && toLog(r);
}

export async function findLogById(q: Queryable, id: number): Promise<MeetingLog | undefined> {
  const r = await q.get<LogRow>(`${LOG} where id = ?`, [id]);
  return r && toLog(r);
}

/** How many plan items a meeting marked done and not done. */
export async function countMarkedBy(q: Queryable, logId: number): Promise<{ done: number; notDone: number }> {
  const rows = await q.all<{ done: number; n: number }>('select done, count(*) as n from meeting_plan_items where checked_log_id = ? group by done', [logId]);
  return { done: rows.find((r) => r.done === 1)?.n ?? 0, notDone: rows.find((r) => r.done === 0)?.n ?? 0 };
}

/** A series' latest minutes held before `before` (exclusive; all when undefined), newest first. */
export async function latestLogs(q: Queryable, meetingId: number, limit: number, before?: string): Promise<MeetingLog[]> {
  const rows = before === undefined
    ? await q.all<LogRow>(`${LOG} where meeting_id = ? order by held_on desc, id desc limit ?`, [meetingId, limit])
    : await q.all<LogRow>(`${LOG} where meeting_id = ? and held_on < ? order by held_on desc, id desc limit ?`, [meetingId, before, limit]);
  return rows.map(toLog);
}

/** Whether a series has minutes of occurrences first dated in these dates (an occurrence with minutes cannot be skipped or moved). */
export async function loggedOccurrences(q: Queryable, meetingId: number, from: string): Promise<string[]> {
  return (await q.all<{ occursOn: string }>('select occurs_on as "occursOn" from meeting_logs where meeting_id = ? and (occurs_on >= ? or held_on >= ?) order by occurs_on', [meetingId, from, from])).map((r) => r.occursOn);
}

export async function insertAttendance(tx: Queryable, logId: number, rows: readonly { memberId: number; status: AttendanceStatus }[]): Promise<void> {
  // One statement for the whole meeting (the table has no id to return).
  if (rows.length === 0) return;
  await tx.run(`insert into meeting_attendance (log_id, member_id, status) values ${rows.map(() => '(?, ?, ?)').join(', ')}`, rows.flatMap((r) => [logId, r.memberId, r.status]));
}

export interface AttendanceEntry {
  logId: number;
  handle: string;
  name: string;
  status: AttendanceStatus;
}

/** Who came to these meetings, by handle. */
export async function attendanceOf(q: Queryable, logIds: readonly number[]): Promise<AttendanceEntry[]> {
  if (logIds.length === 0) return [];
  return q.all(`select a.log_id as "logId", m.handle, m.name, a.status from meeting_attendance a join members m on m.id = a.member_id
    where a.log_id in (${logIds.map(() => '?').join(', ')}) order by a.log_id, m.handle`, logIds as SqlValue[]);
}

export interface AttendanceCount {
  memberId: number;
  handle: string;
  name: string;
  status: AttendanceStatus;
  n: number;
}

/** Attendance counts per member and status over meetings held in [from, to] (one grouped query, through the held-date index). */
export async function attendanceCounts(q: Queryable, from: string, to: string, memberId?: number): Promise<AttendanceCount[]> {
  const params: SqlValue[] = [from, to];
  if (memberId !== undefined) params.push(memberId);
  return q.all(`select a.member_id as "memberId", m.handle, m.name, a.status, count(*) as n
    from meeting_logs l join meeting_attendance a on a.log_id = l.id join members m on m.id = a.member_id
    where l.held_on between ? and ?${memberId !== undefined ? ' and a.member_id = ?' : ''}
    group by a.member_id, m.handle, m.name, a.status order by m.handle, a.status`, params);
}

export async function insertDecisions(tx: Queryable, logId: number, texts: readonly string[]): Promise<void> {
  for (const [i, text] of texts.entries()) await insertRow(tx, 'meeting_decisions', { log_id: logId, position: i + 1, text });
}

/** The decisions of these meetings, in order. */
export async function decisionsOf(q: Queryable, logIds: readonly number[]): Promise<{ logId: number; text: string }[]> {
  if (logIds.length === 0) return [];
  return q.all(`select log_id as "logId", text from meeting_decisions where log_id in (${logIds.map(() => '?').join(', ')}) order by log_id, position`, logIds as SqlValue[]);
}

export interface PlanItem {
  id: number;
  logId: number;
  memberId: number;
  handle: string;
  name: string;
  planDate: string;
  position: number;
  text: string;
  done: boolean | null;
}

const PLAN = `select p.id, p.log_id as "logId", p.member_id as "memberId", m.handle, m.name, p.plan_date as "planDate", p.position, p.text, p.done
  from meeting_plan_items p join members m on m.id = p.member_id`;
type PlanRow = Omit<PlanItem, 'done'> & { done: number | null };
const toPlan = (r: PlanRow): PlanItem => ({ ...r, done: r.done === null ? null : r.done === 1 });

/** The plans made for `date` (every member, or one), by member and position. */
export async function planItemsOn(q: Queryable, date: string, memberId?: number): Promise<PlanItem[]> {
  const rows = memberId === undefined
    ? await q.all<PlanRow>(`${PLAN} where p.plan_date = ? order by m.handle, p.position`, [date])
    : await q.all<PlanRow>(`${PLAN} where p.plan_date = ? and p.member_id = ? order by p.position`, [date, memberId]);
  return rows.map(toPlan);
}

export async function insertPlanItems(tx: Queryable, logId: number, memberId: number, date: string, firstPosition: number, texts: readonly string[]): Promise<void> {
  for (const [i, text] of texts.entries()) await insertRow(tx, 'meeting_plan_items', { log_id: logId, member_id: memberId, plan_date: date, position: firstPosition + i, text, done: null, checked_log_id: null });
}

/** Marks plan items done or not, by the meeting that reviewed them. */
export async function markPlanItems(tx: Queryable, ids: readonly number[], done: boolean, logId: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(`update meeting_plan_items set done = ?, checked_log_id = ? where id in (${ids.map(() => '?').join(', ')})`, [done ? 1 : 0, logId, ...ids]);
}

export async function insertProblems(tx: Queryable, logId: number, heldOn: string, rows: readonly { memberId: number | null; text: string }[]): Promise<void> {
  for (const r of rows) await insertRow(tx, 'meeting_problems', { log_id: logId, member_id: r.memberId, held_on: heldOn, text: r.text });
}

export interface Problem {
  logId: number;
  handle: string | null;
  name: string | null;
  text: string;
}

/** The problems raised on `date` (日报), in the order raised. */
export async function problemsOn(q: Queryable, date: string): Promise<Problem[]> {
  return q.all(`select p.log_id as "logId", m.handle, m.name, p.text from meeting_problems p left join members m on m.id = p.member_id where p.held_on = ? order by p.id`, [date]);
}

/** The latest date a series' minutes name: held on, or first dated (a moved occurrence has both); null without minutes. */
export async function lastLoggedDate(q: Queryable, meetingId: number): Promise<string | null> {
  const r = await q.get<{ held: string | null; occurs: string | null }>('select max(held_on) as held, max(occurs_on) as occurs from meeting_logs where meeting_id = ?', [meetingId]);
  const [a, b] = [r?.held ?? null, r?.occurs ?? null];
  return a === null || (b !== null && b > a) ? b : a;
}

export interface LogAttendance {
  meetingId: number;
  occursOn: string;
  present: number;
  late: number;
  absent: number;
  excused: number;
}

/**
 * The minutes held in [from, to], one row a log with its attendance counted
 * by status: each count a probe of the (log, status) index, so no attendance
 * row is read, and no grouping (grouped by meeting, SQLite scanned all of the
 * attendance; grouped by status it sorted the window's rows).
 */
export async function logAttendanceBetween(q: Queryable, from: string, to: string): Promise<LogAttendance[]> {
  const n = (status: AttendanceStatus) => `(select count(*) from meeting_attendance a where a.log_id = l.id and a.status = '${status}') as ${status}`;
  const rows = await q.all<LogAttendance>(`select l.meeting_id as "meetingId", l.occurs_on as "occursOn", ${n('present')}, ${n('late')}, ${n('absent')}, ${n('excused')}
    from meeting_logs l where l.held_on between ? and ? order by l.held_on, l.meeting_id`, [from, to]);
  return rows.map((r) => ({ ...r, present: Number(r.present), late: Number(r.late), absent: Number(r.absent), excused: Number(r.excused) }));
}

export interface Absence {
  handle: string;
  name: string;
  /** Meetings missed in the window. */
  absent: number;
}

/**
 * Who was absent from meetings held in [from, to] (one member, a
 * department's active members, or anyone): how many members, and the first
 * `limit` (all when undefined), the most absences first, then by handle.
 * Only the absent rows are read, in the (log, status) index.
 */
export async function absencesBetween(q: Queryable, from: string, to: string, f: { memberId?: number; departmentId?: number }, limit?: number): Promise<{ total: number; items: Absence[] }> {
  const params: SqlValue[] = [from, to];
  let scope = '';
  if (f.memberId !== undefined) {
    scope += ' and a.member_id = ?';
    params.push(f.memberId);
  }
  if (f.departmentId !== undefined) {
    scope += ' and m.department_id = ? and m.archived_at is null';
    params.push(f.departmentId);
  }
  if (limit !== undefined) params.push(limit);
  // The total is the count of groups (a window over the grouped rows), before the limit.
  const rows = await q.all<Absence & { total: number }>(
    `select m.handle, m.name, count(*) as absent, count(*) over () as total
     from meeting_logs l cross join meeting_attendance a join members m on m.id = a.member_id
     where a.log_id = l.id and l.held_on between ? and ? and a.status = 'absent'${scope}
     group by a.member_id, m.handle, m.name order by absent desc, m.handle${limit === undefined ? '' : ' limit ?'}`,
    params,
  );
  return { total: Number(rows[0]?.total ?? 0), items: rows.map((r) => ({ handle: r.handle, name: r.name, absent: Number(r.absent) })) };
}
