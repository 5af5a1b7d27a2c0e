/**
 * Open goals read by their stored judgement (rules/evaluate.ts judgementSpan,
 * written by summary.repository.ts): counted by status, and the first few by urgency,
 * from the goals_in_play index, without judging each. A goal whose span does
 * not cover the day is read with what judging it takes, to be judged by the
 * caller. The filters are repository.ts's.
 */
import type { Queryable, SqlValue } from '../db/sql.js';
import { goalWhere, type GoalFilter } from './repository.js';
import type { GoalStatus } from './rules/evaluate.js';

/** The most urgent first: what needs a lead's attention before what is fine. */
export const URGENCY: Record<GoalStatus, number> = { 'off-track': 0, missed: 1, 'at-risk': 2, 'not-started': 3, draft: 4, 'on-track': 5, done: 6 };

const URGENCY_SQL = `case g.judged_status ${Object.entries(URGENCY)
  .map(([status, rank]) => `when '${status}' then ${rank}`)
  .join(' ')} end`;

/** The live open goals of `f` (its limit ignored) with `extra` terms, as SQL and parameters. */
function judgedWhere(f: GoalFilter, extra: string, values: readonly SqlValue[]): [string, SqlValue[]] {
  const [where, params] = goalWhere({ ...f, includeClosed: false, includeArchived: false, limit: undefined });
  return [[...where, extra].join(' and '), [...params, ...values]];
}

const COVERS = 'g.judged_from <= ? and g.judged_until >= ?';
const NOT_COVERS = '(g.judged_from is null or g.judged_from > ? or g.judged_until < ?)';

export interface JudgedCount {
  status: GoalStatus;
  stale: boolean;
  n: number;
}

/** How many of the goals of `f` whose judgement covers `day` there are, by status and staleness. */
export async function countJudged(q: Queryable, f: GoalFilter, day: string): Promise<JudgedCount[]> {
  const [where, params] = judgedWhere(f, COVERS, [day, day]);
  const rows = await q.all<{ status: GoalStatus; stale: number; n: number }>(
    `select g.judged_status as status, g.judged_stale as stale, count(*) as n from goals g where ${where} group by g.judged_status, g.judged_stale`,
    params,
  );
  return rows.map((r) => ({ status: r.status, stale: Number(r.stale) === 1, n: Number(r.n) }));
}

/**
 * Streams the first `limit` goals of `f` whose judgement covers `day` (the
 * most urgent, or with `stale` the stale ones by due date) with what judging
 * each takes, in no particular order: the caller judges and sorts them. Only
 * the chosen rows are read from the table.
 */
export async function eachJudgedFirst(q: Queryable, f: GoalFilter, day: string, o: { stale: boolean; limit: number }, onRow: (id: number, judge: string) => void): Promise<void> {
  const [where, params] = judgedWhere(f, `${COVERS}${o.stale ? ' and g.judged_stale = 1' : ''}`, [day, day]);
  const first = `select g.id from goals g where ${where} order by ${o.stale ? '' : `${URGENCY_SQL}, `}g.due_date, g.id limit ?`;
  return q.eachTuple(`select g.id, g.json_judge from goals g where g.id in (${first})`, [...params, o.limit], (r) => onRow(r[0] as number, r[1] as string));
}

/** Streams the goals of `f` whose judgement does not cover `day` (its span ended, or none was stored), with what judging each takes. */
export async function eachUnjudged(q: Queryable, f: GoalFilter, day: string, onRow: (id: number, judge: string) => void): Promise<void> {
  const [where, params] = judgedWhere(f, NOT_COVERS, [day, day]);
  return q.eachTuple(`select g.id, g.json_judge from goals g where ${where}`, params, (r) => onRow(r[0] as number, r[1] as string));
}
