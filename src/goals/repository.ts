import type { Goal } from './rules/goal.js';
import type { Insertable, Patch } from '../db/schema.js';
import type { GoalCheckinsRow, GoalEventsRow, GoalReviewsRow, GoalsRow } from './table.js';
import { insertRow, updateRow, type ColumnIndex, type Queryable, type SqlValue } from '../db/sql.js';

/** A goal row with its owner's display name and how many children it has. */
export type GoalListRow = Omit<GoalsRow, 'last_value' | 'last_checkin_date'> & { owner_handle: string | null; owner_name: string | null; owner_department: string | null; child_count: number };

// The columns are named, not g.*: every value read costs (a list reads 20,000 rows),
// last_value/last_checkin_date are not part of a Goal, and the mapper reads rows by position.
const COLUMN_NAMES = [
  'g.id', 'g.title', 'g.owner_type', 'g.owner_member_id', 'g.owner_department_id', 'g.metric', 'g.unit', 'g.kind', 'g.decimals', 'g.baseline', 'g.target',
  'g.direction', 'g.start_date', 'g.due_date', 'g.horizon', 'g.term', 'g.relevance', 'g.parent_id', 'g.weight', 'g.period_label', 'g.draft', 'g.cadence_days',
  'g.state', 'g.final_value', 'g.closed_at', 'g.archived_at', 'g.created_at', 'g.updated_at',
  'm.handle as owner_handle', 'm.name as owner_name', 'd.name as owner_department',
  '(select count(*) from goals c where c.parent_id = g.id and c.archived_at is null) as child_count',
];
const COLUMNS = COLUMN_NAMES.join(', ');
const OWNER_JOINS = `left join members m on m.id = g.owner_member_id
  left join departments d on d.id = g.owner_department_id`;
const SELECT = `select ${COLUMNS} from goals g ${OWNER_JOINS}`;
/** Where each column of SELECT sits in a row. */
const COL = Object.fromEntries(COLUMN_NAMES.map((n, i) => [/(\w+)$/.exec(n)![1], i])) as ColumnIndex<GoalListRow>;

/**
 * The one mapper from goal rows to Goals (its key order is the JSON's). Rows
 * are streamed as arrays rather than read as objects with 32 keys and kept:
 * for 20,000 goals that is much of what a list costs, in time and memory.
 */
async function selectGoals(q: Queryable, sql: string, params: readonly SqlValue[]): Promise<Goal[]> {
  const out: Goal[] = [];
  await q.eachTuple(sql, params, (r) => {
    const ownerType = r[COL.owner_type] as GoalListRow['owner_type'];
    const department = r[COL.owner_department] as string | null;
    out.push({
      id: r[COL.id] as number,
      title: r[COL.title] as string,
      ownerType,
      ownerId: (r[COL.owner_member_id] ?? r[COL.owner_department_id]) as number | null,
      owner: ownerType === 'member' ? ((r[COL.owner_handle] as string | null) ?? '') : ownerType === 'department' ? (department ?? '') : 'team',
      ownerName: ownerType === 'member' ? (r[COL.owner_name] as string | null) : department,
      metric: r[COL.metric] as string | null,
      unit: r[COL.unit] as string | null,
      kind: r[COL.kind] as GoalListRow['kind'],
      decimals: r[COL.decimals] as number,
      baseline: r[COL.baseline] as number | null,
      target: r[COL.target] as number | null,
      direction: r[COL.direction] as GoalListRow['direction'],
      start: r[COL.start_date] as string | null,
      due: r[COL.due_date] as string | null,
      horizon: r[COL.horizon] as string,
      term: r[COL.term] as GoalListRow['term'],
      relevance: r[COL.relevance] as string | null,
      parentId: r[COL.parent_id] as number | null,
      weight: r[COL.weight] as number | null,
      periodLabel: r[COL.period_label] as string | null,
      draft: r[COL.draft] === 1,
      cadenceDays: r[COL.cadence_days] as number,
      state: r[COL.state] as GoalListRow['state'],
      finalValue: r[COL.final_value] as number | null,
      closedAt: r[COL.closed_at] as string | null,
      childCount: r[COL.child_count] as number,
      archivedAt: r[COL.archived_at] as string | null,
      createdAt: r[COL.created_at] as string,
      updatedAt: r[COL.updated_at] as string,
    });
  });
  return out;
}

export interface GoalFilter {
  ownerMemberId?: number;
  ownerDepartmentId?: number;
  /** Goals owned by the department or by any member of it. */
  departmentId?: number;
  team?: boolean;
  parentId?: number;
  topLevel?: boolean;
  horizon?: string;
  dueBefore?: string;
  dueAfter?: string;
  includeClosed?: boolean;
  includeArchived?: boolean;
}

/** Goals matching the filter, by due date; each filter narrows through an index. */
export async function listGoals(q: Queryable, f: GoalFilter): Promise<Goal[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (!f.includeClosed) add(`g.state = 'open'`);
  if (!f.includeArchived) add('g.archived_at is null');
  if (f.ownerMemberId !== undefined) add('g.owner_member_id = ?', f.ownerMemberId);
  if (f.ownerDepartmentId !== undefined) add('g.owner_department_id = ?', f.ownerDepartmentId);
  if (f.departmentId !== undefined) {
    add('(g.owner_department_id = ? or g.owner_member_id in (select id from members where department_id = ?))', f.departmentId, f.departmentId);
  }
  if (f.team) add(`g.owner_type = 'team'`);
  if (f.parentId !== undefined) add('g.parent_id = ?', f.parentId);
  if (f.topLevel) add('g.parent_id is null');
  if (f.horizon !== undefined) add('g.horizon = ?', f.horizon);
  if (f.dueBefore !== undefined) add('g.due_date <= ?', f.dueBefore);
  if (f.dueAfter !== undefined) add('g.due_date >= ?', f.dueAfter);
  const sql = `${SELECT}${where.length ? ` where ${where.join(' and ')}` : ''} order by g.due_date is null, g.due_date, g.id`;
  return selectGoals(q, sql, params);
}

export async function findGoalById(q: Queryable, id: number): Promise<Goal | undefined> {
  return (await selectGoals(q, `${SELECT} where g.id = ?`, [id]))[0];
}

export async function findGoalIdsByTitle(q: Queryable, title: string): Promise<number[]> {
  return (await q.all<{ id: number }>('select id from goals where title = ? order by id', [title])).map((r) => r.id);
}

export async function listGoalTitles(q: Queryable): Promise<string[]> {
  return (await q.all<{ title: string }>('select title from goals order by id')).map((r) => r.title);
}

/** Archives (or, with null, restores) goals by id. */
export async function setGoalsArchived(q: Queryable, ids: readonly number[], at: string | null): Promise<void> {
  for (const id of ids) await q.run('update goals set archived_at = ?, updated_at = coalesce(?, updated_at) where id = ?', [at, at, id]);
}

/** The goals below `rootId` archived at the same moment as it (archived along with it). */
export async function listArchivedWith(q: Queryable, rootId: number, at: string): Promise<number[]> {
  const sql = `with recursive sub(id) as (
      select id from goals where parent_id = ? and archived_at = ?
      union all
      select g.id from goals g join sub on g.parent_id = sub.id where g.archived_at = ?)
    select id from sub`;
  return (await q.all<{ id: number }>(sql, [rootId, at, at])).map((r) => r.id);
}

/** Every goal below the given ones (children, grandchildren, …), parents before children. */
export async function listDescendants(q: Queryable, rootIds: readonly number[]): Promise<Goal[]> {
  if (rootIds.length === 0) return [];
  const sql = `with recursive sub(id, depth) as (
      select id, 1 from goals where parent_id in (${rootIds.map(() => '?').join(', ')}) and archived_at is null
      union all
      select g.id, sub.depth + 1 from goals g join sub on g.parent_id = sub.id where g.archived_at is null)
    select ${COLUMNS} from sub cross join goals g ${OWNER_JOINS}
    where g.id = sub.id order by sub.depth, g.id`;
  // CROSS JOIN keeps SQLite from scanning every goal to probe the few in sub (20 ms → 1 ms on 20,000 goals);
  // the same text is plain SQL for PostgreSQL.
  return selectGoals(q, sql, rootIds);
}

/** The check-ins of the given goals, oldest first (in recording order within a date). */
export async function listCheckins(q: Queryable, goalIds: readonly number[]): Promise<GoalCheckinsRow[]> {
  const out: GoalCheckinsRow[] = [];
  // Bounded IN lists keep every statement within SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < goalIds.length; i += 500) {
    const chunk = goalIds.slice(i, i + 500);
    out.push(...(await q.all<GoalCheckinsRow>(`select * from goal_checkins where goal_id in (${chunk.map(() => '?').join(', ')}) order by goal_id, date, id`, chunk)));
  }
  return out;
}

/** Above this many goals, check-ins are read by id range (one query) rather than by an IN list. */
const IN_LIST_MAX = 500;

/**
 * Streams the check-ins of the given goals to `onCheckin`, ordered by goal,
 * date and recording order, in one query whatever the number of goals: an IN
 * list for a few, else the id range they span, skipping the goals outside the
 * set here. Rows are not kept: 100,000 of them would be ~50 MB.
 */
export async function eachCheckinPoint(q: Queryable, goalIds: readonly number[], onCheckin: (goalId: number, date: string, value: number) => void): Promise<void> {
  if (goalIds.length === 0) return;
  const cols = 'select goal_id, date, value from goal_checkins';
  const order = 'order by goal_id, date, id';
  const emit = (r: SqlValue[]) => onCheckin(r[0] as number, r[1] as string, r[2] as number);
  if (goalIds.length <= IN_LIST_MAX) return q.eachTuple(`${cols} where goal_id in (${goalIds.map(() => '?').join(', ')}) ${order}`, goalIds, emit);
  let min = Infinity;
  let max = -Infinity;
  for (const id of goalIds) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const wanted = new Set(goalIds);
  const all = wanted.size === max - min + 1;
  return q.eachTuple(`${cols} where goal_id >= ? and goal_id <= ? ${order}`, [min, max], all ? emit : (r) => wanted.has(r[0] as number) && emit(r));
}

export function insertGoal(q: Queryable, g: Insertable<'goals'>): Promise<number> {
  return insertRow(q, 'goals', g);
}

export function updateGoal(q: Queryable, id: number, patch: Patch<'goals'>): Promise<boolean> {
  return updateRow(q, 'goals', id, patch);
}

export function insertCheckin(q: Queryable, c: Insertable<'goal_checkins'>): Promise<number> {
  return insertRow(q, 'goal_checkins', c);
}

/** The newest check-in of a goal by date (then by recording order). */
export function findLastCheckin(q: Queryable, goalId: number): Promise<GoalCheckinsRow | undefined> {
  return q.get<GoalCheckinsRow>('select * from goal_checkins where goal_id = ? order by date desc, id desc limit 1', [goalId]);
}

export async function countGoalsOwnedByDepartment(q: Queryable, departmentId: number): Promise<number> {
  return (await q.get<{ n: number }>('select count(*) as n from goals where owner_department_id = ?', [departmentId]))!.n;
}

/** The newest check-in on or before `date`. */
export function findCheckinAsOf(q: Queryable, goalId: number, date: string): Promise<GoalCheckinsRow | undefined> {
  return q.get<GoalCheckinsRow>('select * from goal_checkins where goal_id = ? and date <= ? order by date desc, id desc limit 1', [goalId, date]);
}

export function insertEvent(q: Queryable, e: Insertable<'goal_events'>): Promise<number> {
  return insertRow(q, 'goal_events', e);
}

export function listEvents(q: Queryable, goalId: number): Promise<GoalEventsRow[]> {
  return q.all<GoalEventsRow>('select * from goal_events where goal_id = ? order by at, id', [goalId]);
}

export function insertReview(q: Queryable, r: Insertable<'goal_reviews'>): Promise<number> {
  return insertRow(q, 'goal_reviews', r);
}

export function listReviews(q: Queryable, goalId: number): Promise<GoalReviewsRow[]> {
  return q.all<GoalReviewsRow>('select * from goal_reviews where goal_id = ? order by created_at, id', [goalId]);
}

/** Earlier goals on the same metric and owner (for the A check), newest first; uses the owner indexes. */
export function listPastGoalsOnMetric(q: Queryable, metric: string, owner: { type: string; memberId: number | null; departmentId: number | null }, excludeId: number | null): Promise<GoalsRow[]> {
  const [ownerSql, ownerParams]: [string, SqlValue[]] =
    owner.type === 'member' ? ['owner_member_id = ?', [owner.memberId]] : owner.type === 'department' ? ['owner_department_id = ?', [owner.departmentId]] : [`owner_type = 'team'`, []];
  return q.all<GoalsRow>(
    `select * from goals where ${ownerSql} and metric = ? and id <> ? and draft = 0 and baseline is not null and target is not null order by id desc limit 50`,
    [...ownerParams, metric, excludeId ?? 0],
  );
}
