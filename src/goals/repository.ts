import type { Goal } from './rules/goal.js';
import type { GoalSummary } from './rules/evaluate.js';
import type { Insertable, Patch } from '../db/schema.js';
import type { GoalsRow } from './table.js';
import { IN_LIST_MAX, insertRow, updateRow, type ColumnIndex, type Queryable, type SqlValue } from '../db/sql.js';

/** A goal row with its owner's display name and how many children it has. */
type GoalListRow = Omit<GoalsRow, 'last_value' | 'last_checkin_date' | 'json_head' | 'json_tail' | 'json_judge'> & { owner_handle: string | null; owner_name: string | null; owner_department: string | null; child_count: number };

// The columns are named, not g.*: every value read costs (a list reads 20,000 rows),
// last_value/last_checkin_date are not part of a Goal, and the mapper reads rows by position.
const COLUMN_NAMES = [
  'g.id', 'g.title', 'g.owner_type', 'g.owner_member_id', 'g.owner_department_id', 'g.metric', 'g.unit', 'g.kind', 'g.decimals', 'g.baseline', 'g.target',
  'g.direction', 'g.start_date', 'g.due_date', 'g.horizon', 'g.term', 'g.relevance', 'g.parent_id', 'g.weight', 'g.period_label', 'g.draft', 'g.cadence_days',
  'g.state', 'g.final_value', 'g.closed_at', 'g.archived_at', 'g.created_at', 'g.updated_at',
  'm.handle as owner_handle', 'm.name as owner_name', 'd.name as owner_department',
  '(select count(*) from goals c where c.parent_id = g.id and c.archived_at is null) as child_count',
  // The stored summary last: lists judge goals from it instead of reading check-ins.
  'g.summary_points', 'g.summary_first_value', 'g.summary_last_value', 'g.summary_last_date', 'g.summary_projected',
];
const COLUMNS = COLUMN_NAMES.join(', ');
export const OWNER_JOINS = `left join members m on m.id = g.owner_member_id
  left join departments d on d.id = g.owner_department_id`;
const SELECT = `select ${COLUMNS} from goals g ${OWNER_JOINS}`;
/** Where each column of SELECT sits in a row. */
const COL = Object.fromEntries(COLUMN_NAMES.map((n, i) => [/(\w+)$/.exec(n)![1], i])) as ColumnIndex<GoalListRow>;

/**
 * The one mapper from goal rows to Goals (its key order is the JSON's). Rows
 * are streamed as arrays rather than read as objects with 37 keys and kept:
 * for 20,000 goals that is much of what a list costs, in time and memory.
 */
function toGoal(r: SqlValue[]): Goal {
  const ownerType = r[COL.owner_type] as GoalListRow['owner_type'];
  return {
    id: r[COL.id] as number,
    title: r[COL.title] as string,
    ownerType,
    ownerId: (r[COL.owner_member_id] ?? r[COL.owner_department_id]) as number | null,
    owner: ownerOf(r, COL),
    ownerName: ownerNameOf(r, COL),
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
  };
}

type OwnerColumns = Record<'owner_type' | 'owner_handle' | 'owner_name' | 'owner_department', number>;

/** A goal's owner as shown: the member's handle, the department's name, or "team". */
function ownerOf(r: SqlValue[], c: OwnerColumns): string {
  const type = r[c.owner_type];
  return type === 'member' ? ((r[c.owner_handle] as string | null) ?? '') : type === 'department' ? ((r[c.owner_department] as string | null) ?? '') : 'team';
}

/** The owner's display name: the member's name or the department's; null for the team. */
function ownerNameOf(r: SqlValue[], c: OwnerColumns): string | null {
  const type = r[c.owner_type];
  return (type === 'member' ? r[c.owner_name] : type === 'department' ? r[c.owner_department] : null) as string | null;
}

/**
 * The stored summary of a goal row; null when it was never computed (a goal
 * from before the summaries). Whether the goal is a leaf is its live child
 * count: every write that changes the count refreshes the summaries.
 */
function toSummary(r: SqlValue[]): GoalSummary | null {
  const points = r[COL.summary_points] as number | null;
  if (points === null) return null;
  return {
    points,
    firstValue: r[COL.summary_first_value] as number | null,
    lastValue: r[COL.summary_last_value] as number | null,
    lastDate: r[COL.summary_last_date] as string | null,
    projected: r[COL.summary_projected] as number | null,
    leaf: r[COL.child_count] === 0,
  };
}

async function selectGoals(q: Queryable, sql: string, params: readonly SqlValue[]): Promise<Goal[]> {
  const out: Goal[] = [];
  await q.eachTuple(sql, params, (r) => out.push(toGoal(r)));
  return out;
}

/** A goal with its stored summary (null: not computed yet), as streamed to a reader. */
export type OnGoal = (goal: Goal, summary: GoalSummary | null) => void;

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
  /** Begun on or before this date (or with no start). */
  startBefore?: string;
  /** Closed within [from, to] (dates; closed_at is a timestamp). */
  closedFrom?: string;
  closedTo?: string;
  /** At most this many, in the list's order. */
  limit?: number;
}

/** Goals matching the filter, by due date; each filter narrows through an index. */
export async function listGoals(q: Queryable, f: GoalFilter): Promise<Goal[]> {
  const [sql, params] = listSql(f);
  return selectGoals(q, sql, params);
}

/** Streams the goals of `listGoals` with their stored summaries, keeping none of them. */
export async function eachListedGoal(q: Queryable, f: GoalFilter, onGoal: OnGoal): Promise<void> {
  const [sql, params] = listSql(f);
  return q.eachTuple(sql, params, (r) => onGoal(toGoal(r), toSummary(r)));
}

export function listSql(f: GoalFilter, select = SELECT, fromJson = false): [string, SqlValue[]] {
  const [where, params] = goalWhere(f, fromJson);
  if (f.limit !== undefined) params.push(f.limit);
  // The first N of a due-date range (reports' past-due goals) has no undated goal: ordered by the
  // date alone, an index gives them without sorting the range. Lists keep the order the list index has.
  const dated = f.limit !== undefined && (f.dueBefore !== undefined || f.dueAfter !== undefined);
  return [`${select}${where.length ? ` where ${where.join(' and ')}` : ''} order by ${dated ? '' : 'g.due_date is null, '}g.due_date, g.id${f.limit !== undefined ? ' limit ?' : ''}`, params];
}

/** The filter's terms (on `goals g`, to be joined with `and`) and their parameters; its limit is the caller's. */
export function goalWhere(f: GoalFilter, fromJson = false): [string[], SqlValue[]] {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  // A list from stored JSON over all open goals, or a due-date or horizon slice
  // of them, reads goals_list_json alone (partial on this term; every column
  // such a list filters on is in it); one narrowed by owner or parent keeps
  // that filter's own, smaller index. The term filters nothing: a live goal
  // without its JSON sends the caller the other way first (countGoalsWithoutJson).
  const narrowed = f.ownerMemberId !== undefined || f.ownerDepartmentId !== undefined || f.departmentId !== undefined || f.team || f.parentId !== undefined;
  if (fromJson && !narrowed && !f.includeClosed) add('g.json_judge is not null');
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
  if (f.startBefore !== undefined) add('(g.start_date is null or g.start_date <= ?)', f.startBefore);
  if (f.closedFrom !== undefined) add('g.closed_at >= ?', f.closedFrom);
  // A timestamp on the last day sorts after the bare date: compare with the next day's start.
  if (f.closedTo !== undefined) add('g.closed_at < ?', `${f.closedTo}T99`);
  return [where, params];
}

/** How many goals the filter lists (its limit ignored). */
export async function countGoals(q: Queryable, f: GoalFilter): Promise<number> {
  const [sql, params] = listSql({ ...f, limit: undefined }, 'select count(*) as n from goals g');
  return Number((await q.get<{ n: number }>(sql.replace(/ order by .*$/, ''), params))!.n);
}

/** The goals with these ids (archived ones too), in id order. */
export async function listGoalsById(q: Queryable, ids: readonly number[]): Promise<Goal[]> {
  if (ids.length === 0) return [];
  return selectGoals(q, `${SELECT} where g.id in (${ids.map(() => '?').join(', ')}) order by g.id`, ids);
}

export async function findGoalById(q: Queryable, id: number): Promise<Goal | undefined> {
  return (await selectGoals(q, `${SELECT} where g.id = ?`, [id]))[0];
}

/** Streams one goal with its stored summary. */
export async function eachGoalById(q: Queryable, id: number, onGoal: OnGoal): Promise<void> {
  return q.eachTuple(`${SELECT} where g.id = ?`, [id], (r) => onGoal(toGoal(r), toSummary(r)));
}

export async function findGoalIdsByTitle(q: Queryable, title: string): Promise<number[]> {
  return (await q.all<{ id: number }>('select id from goals where title = ? order by id', [title])).map((r) => r.id);
}

export async function listGoalTitles(q: Queryable): Promise<string[]> {
  return (await q.all<{ title: string }>('select title from goals order by id')).map((r) => r.title);
}

/** Archives (or, with null, restores) goals by id. */
export async function setGoalsArchived(q: Queryable, ids: readonly number[], at: string | null): Promise<void> {
  // The stored JSON describes the row as it was: cleared until refreshSummaries writes it again.
  for (const id of ids) await q.run('update goals set archived_at = ?, updated_at = coalesce(?, updated_at), json_head = null, json_tail = null, json_judge = null, judged_from = null where id = ?', [at, at, id]);
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
  return selectGoals(q, descendantsSql(childrenSeed(rootIds.length)), rootIds);
}

/** Streams the goals of `listDescendants` with their stored summaries. */
export async function eachDescendant(q: Queryable, rootIds: readonly number[], onGoal: OnGoal): Promise<void> {
  if (rootIds.length === 0) return;
  return q.eachTuple(descendantsSql(childrenSeed(rootIds.length)), rootIds, (r) => onGoal(toGoal(r), toSummary(r)));
}

/**
 * Streams every goal below the open top-level goals (what `goals tree` shows
 * under its roots), with stored summaries, in `listDescendants` order, in one
 * query that needs no list of the roots first.
 */
export async function eachDescendantOfTopLevel(q: Queryable, onGoal: OnGoal): Promise<void> {
  return q.eachTuple(descendantsSql(TOP_LEVEL_CHILDREN), [], (r) => onGoal(toGoal(r), toSummary(r)));
}

// From the children's side: the few goals with a parent (goals_parent), each parent
// then looked up by id; from the roots' side SQLite probes all 16,000 (11 ms → 48 ms).
export const TOP_LEVEL_CHILDREN = `select c.id, 1 from goals c cross join goals p
      where c.parent_id is not null and c.archived_at is null
        and p.id = c.parent_id and p.parent_id is null and p.state = 'open' and p.archived_at is null`;

/** The children of `roots` goals given as `?` placeholders (ids and depth 1), for descendantsSql. */
function childrenSeed(roots: number): string {
  return `select id, 1 from goals where parent_id in (${Array.from({ length: roots }, () => '?').join(', ')}) and archived_at is null`;
}

/** Every live goal below the first generation `seed` selects (as id, depth 1), parents before children. */
export function descendantsSql(seed: string, columns = COLUMNS, ordered = true): string {
  // CROSS JOIN keeps SQLite from scanning every goal to probe the few in sub (20 ms → 1 ms on 20,000 goals);
  // the same text is plain SQL for PostgreSQL.
  return `with recursive sub(id, depth) as (
      ${seed}
      union all
      select g.id, sub.depth + 1 from goals g join sub on g.parent_id = sub.id where g.archived_at is null)
    select ${columns} from sub cross join goals g ${OWNER_JOINS}
    where g.id = sub.id${ordered ? ' order by sub.depth, g.id' : ''}`;
}

/** The given goals and every goal above them (parent, grandparent, …), archived or not. */
export async function listGoalsAndAncestors(q: Queryable, ids: readonly number[]): Promise<Goal[]> {
  const byId = new Map<number, Goal>();
  for (let i = 0; i < ids.length; i += IN_LIST_MAX) {
    const chunk = ids.slice(i, i + IN_LIST_MAX);
    const sql = `with recursive up(id) as (
        select id from goals where id in (${chunk.map(() => '?').join(', ')})
        union
        select g.parent_id from goals g join up on g.id = up.id where g.parent_id is not null)
      select ${COLUMNS} from up cross join goals g ${OWNER_JOINS}
      where g.id = up.id order by g.id`;
    for (const g of await selectGoals(q, sql, chunk)) byId.set(g.id, g);
  }
  return [...byId.values()];
}

/** Every goal's id (for recomputing all summaries). */
export async function listGoalIds(q: Queryable): Promise<number[]> {
  return (await q.all<{ id: number }>('select id from goals order by id')).map((r) => r.id);
}

/**
 * A goal as stored, camelCase: what insertGoal takes. The Goal's fields less
 * what is derived when read (the id, the owner's display, the child count),
 * with the owner as stored (a type and one of two ids) and the last-check-in
 * mirror. The repository alone knows the column names.
 */
export type GoalRecord = Omit<Goal, 'id' | 'ownerId' | 'owner' | 'ownerName' | 'childCount'> & {
  ownerMemberId: number | null;
  ownerDepartmentId: number | null;
  lastValue: number | null;
  lastCheckinDate: string | null;
};

/** Any subset of a goal's stored fields, for updateGoal. */
export type GoalPatch = Partial<GoalRecord>;

const GOAL_COLUMN: { readonly [K in keyof GoalRecord]: keyof GoalsRow } = {
  title: 'title',
  ownerType: 'owner_type',
  ownerMemberId: 'owner_member_id',
  ownerDepartmentId: 'owner_department_id',
  metric: 'metric',
  unit: 'unit',
  kind: 'kind',
  decimals: 'decimals',
  baseline: 'baseline',
  target: 'target',
  direction: 'direction',
  start: 'start_date',
  due: 'due_date',
  horizon: 'horizon',
  term: 'term',
  relevance: 'relevance',
  parentId: 'parent_id',
  weight: 'weight',
  periodLabel: 'period_label',
  draft: 'draft',
  cadenceDays: 'cadence_days',
  state: 'state',
  finalValue: 'final_value',
  closedAt: 'closed_at',
  lastValue: 'last_value',
  lastCheckinDate: 'last_checkin_date',
  archivedAt: 'archived_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** camelCase fields → columns; booleans are stored as 0/1. */
function goalColumns(g: GoalPatch): Patch<'goals'> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(g)) if (v !== undefined) row[GOAL_COLUMN[k as keyof GoalRecord]] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  return row as Patch<'goals'>;
}

export function insertGoal(q: Queryable, g: GoalRecord): Promise<number> {
  return insertRow(q, 'goals', goalColumns(g) as Insertable<'goals'>);
}

/** Changes a goal's row. Its stored JSON no longer describes it: cleared until refreshSummaries writes it again. */
export async function updateGoal(q: Queryable, id: number, patch: GoalPatch): Promise<boolean> {
  const columns = goalColumns(patch);
  if (Object.keys(columns).length === 0) return false;
  return updateRow(q, 'goals', id, { ...columns, json_head: null, json_tail: null, json_judge: null });
}

export async function countGoalsOwnedByDepartment(q: Queryable, departmentId: number): Promise<number> {
  return (await q.get<{ n: number }>('select count(*) as n from goals where owner_department_id = ?', [departmentId]))!.n;
}

/** What the A (achievable) check reads of an earlier goal. */
export interface PastGoal {
  id: number;
  baseline: number;
  target: number;
  start: string | null;
  due: string | null;
  state: GoalsRow['state'];
  finalValue: number | null;
}

/** Earlier goals on the same metric and owner (for the A check), newest first; uses the owner indexes. */
export async function listPastGoalsOnMetric(q: Queryable, metric: string, owner: { type: string; memberId: number | null; departmentId: number | null }, excludeId: number | null): Promise<PastGoal[]> {
  const [ownerSql, ownerParams]: [string, SqlValue[]] =
    owner.type === 'member' ? ['owner_member_id = ?', [owner.memberId]] : owner.type === 'department' ? ['owner_department_id = ?', [owner.departmentId]] : [`owner_type = 'team'`, []];
  const rows = await q.all<Pick<GoalsRow, 'id' | 'baseline' | 'target' | 'start_date' | 'due_date' | 'state' | 'final_value'>>(
    `select id, baseline, target, start_date, due_date, state, final_value from goals where ${ownerSql} and metric = ? and id <> ? and draft = 0 and baseline is not null and target is not null order by id desc limit 50`,
    [...ownerParams, metric, excludeId ?? 0],
  );
  return rows.map((r) => ({ id: r.id, baseline: r.baseline!, target: r.target!, start: r.start_date, due: r.due_date, state: r.state, finalValue: r.final_value }));
}
