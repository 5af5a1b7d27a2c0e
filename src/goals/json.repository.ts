/**
 * Goals read as the stored JSON of their views (rules/view.ts; written by
 * summary.repository.ts): what whole-database lists and the tree are
 * written from. The filters and the tree walk are repository.ts's.
 */
import { jsonText, type Queryable } from '../db/sql.js';
import { descendantsSql, listSql, OWNER_JOINS, TOP_LEVEL_CHILDREN, type GoalFilter } from './repository.js';

/**
 * What writing a goal's view from its stored JSON takes (rules/view.ts): its
 * view's JSON up to the judgement, the owner spliced in by the query, and
 * what judging it takes, packed. Two text values a row instead of 37, none
 * of them stringified (each value read costs, 20,000 times).
 */
export interface GoalJsonRow {
  /** The view's JSON from `{"id":` to `"updatedAt":…`, owner included (see goalJson). */
  json: string;
  /** packJudgeInput's text. */
  judge: string;
}

/** A row below a tree's roots says where it sits. */
export interface GoalJsonNodeRow extends GoalJsonRow {
  id: number;
  parentId: number;
}

// The owner as toGoal shows it, quoted as JSON by the engine (null → null).
const OWNER = `case g.owner_type when 'member' then coalesce(m.handle, '') when 'department' then coalesce(d.name, '') else 'team' end`;
const OWNER_NAME = `case g.owner_type when 'member' then m.name when 'department' then d.name end`;
const goalJsonText = (d: Queryable['dialect']) => `g.json_head || ',"owner":' || ${jsonText(d, OWNER)} || ',"ownerName":' || ${jsonText(d, OWNER_NAME)} || ',' || g.json_tail`;
const JSON_TEXT = { sqlite: goalJsonText('sqlite'), postgres: goalJsonText('postgres') };
// The ids given as one JSON array, with their positions (j.key), each id as j.id.
const IDS = { sqlite: '(select value as id, key from json_each(?)) j', postgres: '(select value::integer as id, key from json_array_elements_text(?::json) with ordinality t(value, key)) j' };

/**
 * How many live goals lack their stored summary or JSON (a database from
 * before them): while any does, lists cannot be written from the stored JSON.
 * Counted from a partial index that is empty after normal use.
 */
export async function countGoalsWithoutJson(q: Queryable): Promise<number> {
  return (await q.get<{ n: number }>('select count(*) as n from goals where archived_at is null and (summary_points is null or json_head is null or json_judge is null)'))!.n;
}

/** Streams the goals of `listGoals` (live goals only: no includeArchived) as stored JSON rows. Check countGoalsWithoutJson first. */
export async function eachListedGoalJson(q: Queryable, f: GoalFilter, onRow: (r: GoalJsonRow) => void): Promise<void> {
  const [sql, params] = listSql({ ...f, includeArchived: false }, `select ${JSON_TEXT[q.dialect]}, g.json_judge from goals g ${OWNER_JOINS}`, true);
  return q.eachTuple(sql, params, (r) => onRow({ json: r[0] as string, judge: r[1] as string }));
}

/** Streams the ids of the goals of `listGoals` (live only) with what judging each takes: a status filter's first pass. */
export async function eachListedGoalJudge(q: Queryable, f: GoalFilter, onRow: (id: number, judge: string) => void): Promise<void> {
  const [sql, params] = listSql({ ...f, includeArchived: false }, `select g.id, g.json_judge from goals g`, true);
  return q.eachTuple(sql, params, (r) => onRow(r[0] as number, r[1] as string));
}

/**
 * Streams the given goals' JSON up to the judgement (see GoalJsonRow), in the
 * order given, in one query however many: the ids go as one JSON array.
 */
export async function eachGoalJsonById(q: Queryable, ids: readonly number[], onRow: (id: number, json: string) => void): Promise<void> {
  if (ids.length === 0) return;
  const sql = `select g.id, ${JSON_TEXT[q.dialect]} from ${IDS[q.dialect]} cross join goals g ${OWNER_JOINS}
    where g.id = j.id and g.archived_at is null and g.json_head is not null order by j.key`;
  return q.eachTuple(sql, [JSON.stringify(ids)], (r) => onRow(r[0] as number, r[1] as string));
}

/** `eachListedGoalJson` for a tree's roots: with each goal's id, to find what is below it. */
export async function eachListedGoalJsonNode(q: Queryable, f: GoalFilter, onRow: (r: GoalJsonRow & { id: number }) => void): Promise<void> {
  const [sql, params] = listSql({ ...f, includeArchived: false }, `select ${JSON_TEXT[q.dialect]}, g.json_judge, g.id from goals g ${OWNER_JOINS}`, true);
  return q.eachTuple(sql, params, (r) => onRow({ json: r[0] as string, judge: r[1] as string, id: r[2] as number }));
}

/**
 * Streams the goals of `eachDescendantOfTopLevel` as stored JSON rows, in no
 * particular order (the caller groups them by parent; sorting wide rows costs).
 * Check countGoalsWithoutJson first.
 */
export async function eachDescendantOfTopLevelJson(q: Queryable, onRow: (r: GoalJsonNodeRow) => void): Promise<void> {
  const sql = descendantsSql(TOP_LEVEL_CHILDREN, `${JSON_TEXT[q.dialect]}, g.json_judge, g.id, g.parent_id`, false);
  return q.eachTuple(sql, [], (r) => onRow({ json: r[0] as string, judge: r[1] as string, id: r[2] as number, parentId: r[3] as number }));
}
