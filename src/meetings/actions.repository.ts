/** Action items: what a meeting asked someone to do, until it is done or dropped. */
import type { Patch } from '../db/schema.js';
import { insertRow, toColumns, updateRow, type Queryable, type SqlValue } from '../db/sql.js';
import type { ActionItem, ActionStatus } from './rules/meeting.js';

export type { ActionItem };

const SELECT = `select a.id, a.meeting_id as "meetingId", g.title as meeting, a.log_id as "logId", l.held_on as "raisedOn", a.owner_id as "ownerId",
    m.handle as owner, m.name as "ownerName", a.text, a.due_date as due, a.status, a.note, a.closed_at as "closedAt", a.created_at as "createdAt", a.updated_at as "updatedAt"
  from action_items a join meetings g on g.id = a.meeting_id join meeting_logs l on l.id = a.log_id join members m on m.id = a.owner_id`;

export interface ActionFilter {
  ownerId?: number;
  meetingId?: number;
  status?: ActionStatus;
  /** Open and due before this date. */
  overdueOn?: string;
  /** Raised at a meeting held before this date. */
  raisedBefore?: string;
}

/** Action items, open first, then by due date (none last) and id; each filter goes through an index. */
export async function listActions(q: Queryable, f: ActionFilter = {}): Promise<ActionItem[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (f.ownerId !== undefined) add('a.owner_id = ?', f.ownerId);
  if (f.meetingId !== undefined) add('a.meeting_id = ?', f.meetingId);
  if (f.status !== undefined) add('a.status = ?', f.status);
  if (f.overdueOn !== undefined) add("a.status = 'open' and a.due_date < ?", f.overdueOn);
  if (f.raisedBefore !== undefined) add('l.held_on < ?', f.raisedBefore);
  const order = "order by case a.status when 'open' then 0 when 'done' then 1 else 2 end, a.due_date is null, a.due_date, a.id";
  return q.all(`${SELECT}${where.length ? ` where ${where.join(' and ')}` : ''} ${order}`, params);
}

/** Whose open items a digest reads: one owner's, a department's active members', or everyone's (undefined). */
export interface ActionScope {
  ownerId?: number;
  departmentId?: number;
}

/** A digest's where clause: open items of the scope (both scope filters run in the index: owner_id is in the status index), and its parameters. */
function openWhere(f: ActionScope): { where: string[]; params: SqlValue[]; add: (sql: string, ...values: SqlValue[]) => void } {
  const where = ["a.status = 'open'"];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (f.ownerId !== undefined) add('a.owner_id = ?', f.ownerId);
  if (f.departmentId !== undefined) add('a.owner_id in (select id from members where department_id = ? and archived_at is null)', f.departmentId);
  return { where, params, add };
}

export interface OpenActionCounts {
  open: number;
  /** Due before `today`. */
  overdue: number;
  /** Due in the range asked for (0 without one). */
  due: number;
}

/** How many open items the scope has, overdue, and due in [from, to]: one pass over the index, no item read. */
export async function countOpenActions(q: Queryable, f: ActionScope, today: string, range?: { from: string; to: string }): Promise<OpenActionCounts> {
  const { where, params } = openWhere(f);
  const r = await q.get<{ open: number; overdue: number | null; due: number | null }>(
    `select count(*) as open, sum(case when a.due_date < ? then 1 else 0 end) as overdue,
       sum(case when a.due_date >= ? and a.due_date <= ? then 1 else 0 end) as due
     from action_items a where ${where.join(' and ')}`,
    [today, range?.from ?? '', range?.to ?? '', ...params],
  );
  return { open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0), due: range === undefined ? 0 : Number(r?.due ?? 0) };
}

const limited = (limit: number | undefined): [string, SqlValue[]] => (limit === undefined ? ['', []] : [' limit ?', [limit]]);

/**
 * The scope's open items due in [from, to] or before `before` (a date at
 * least), by due date then id: the index's order, so only the first `limit`
 * are read (all when undefined).
 */
export async function openActionsDue(q: Queryable, f: ActionScope, w: { from?: string; to?: string; before?: string }, limit?: number): Promise<ActionItem[]> {
  const { where, params, add } = openWhere(f);
  add('a.due_date is not null');
  if (w.from !== undefined) add('a.due_date >= ?', w.from);
  if (w.to !== undefined) add('a.due_date <= ?', w.to);
  if (w.before !== undefined) add('a.due_date < ?', w.before);
  const [tail, more] = limited(limit);
  return q.all(`${SELECT} where ${where.join(' and ')} order by a.due_date, a.id${tail}`, [...params, ...more]);
}

/** The scope's open items without a due date, by id (the index's order): the first `limit`. */
export async function openActionsUndated(q: Queryable, f: ActionScope, limit?: number): Promise<ActionItem[]> {
  const { where, params, add } = openWhere(f);
  add('a.due_date is null');
  const [tail, more] = limited(limit);
  return q.all(`${SELECT} where ${where.join(' and ')} order by a.id${tail}`, [...params, ...more]);
}

export async function findAction(q: Queryable, id: number): Promise<ActionItem | undefined> {
  return q.get(`${SELECT} where a.id = ?`, [id]);
}

/** The actions decided at these meetings. */
export async function actionsOfLogs(q: Queryable, logIds: readonly number[]): Promise<ActionItem[]> {
  if (logIds.length === 0) return [];
  return q.all(`${SELECT} where a.log_id in (${logIds.map(() => '?').join(', ')}) order by a.id`, logIds as SqlValue[]);
}

export async function insertAction(tx: Queryable, a: { meetingId: number; logId: number; ownerId: number; text: string; due: string | null }, actor: string, now: string): Promise<number> {
  return insertRow(tx, 'action_items', { meeting_id: a.meetingId, log_id: a.logId, owner_id: a.ownerId, text: a.text, due_date: a.due, status: 'open', note: null, closed_at: null, actor, created_at: now, updated_at: now });
}

export async function updateAction(tx: Queryable, id: number, patch: { status?: ActionStatus; due?: string | null; note?: string | null; closedAt?: string | null }, now: string): Promise<void> {
  await updateRow(tx, 'action_items', id, { ...(toColumns(patch, { status: 'status', due: 'due_date', note: 'note', closedAt: 'closed_at' }) as Patch<'action_items'>), updated_at: now });
}

/** How many open items each series carries (for upcoming): one query, counted in the (status, meeting) index's order. */
export async function openCountsByMeeting(q: Queryable): Promise<Map<number, number>> {
  const rows = await q.all<{ meetingId: number; n: number }>(`select meeting_id as "meetingId", count(*) as n from action_items where status = 'open' group by meeting_id`);
  return new Map(rows.map((r) => [r.meetingId, r.n]));
}

/** The open items raised at meetings held on or after a date (today's, mostly: few), by series, with the date raised. */
export async function openActionsRaisedSince(q: Queryable, from: string): Promise<{ meetingId: number; raisedOn: string }[]> {
  // From the few recent meetings to their items (cross join: SQLite keeps this order); `|| ''` keeps the
  // status index, which would walk every open item, out of it.
  return q.all(`select a.meeting_id as "meetingId", l.held_on as "raisedOn" from meeting_logs l cross join action_items a where a.log_id = l.id and l.held_on >= ? and a.status || '' = 'open'`, [from]);
}
