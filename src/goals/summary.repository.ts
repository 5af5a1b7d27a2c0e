/**
 * The write side of the stored goal summaries (summary.service.ts): a goal's
 * summary, its view's JSON parts and its judgement's span (null: unknown, to
 * be computed from its check-ins when read). json.repository.ts and
 * judged.repository.ts read them back.
 */
import type { Queryable, SqlValue } from '../db/sql.js';
import type { GoalSummary, JudgementSpan } from './rules/evaluate.js';
import type { GoalJsonParts } from './rules/view.js';

/** One goal's stored summary, the JSON of its view and the span its judgement holds (all null: cleared). */
export interface GoalSummaryRow {
  id: number;
  summary: GoalSummary | null;
  json: (GoalJsonParts & { judge: string }) | null;
  span?: JudgementSpan | null;
}

/** Each stored column, its type (PostgreSQL's, for the first row's casts) and its value in a row. */
const SUMMARY_COLUMNS: readonly (readonly [column: string, type: string, value: (r: GoalSummaryRow) => SqlValue])[] = [
  ['summary_points', 'integer', (r) => r.summary?.points ?? null],
  ['summary_first_value', 'double precision', (r) => r.summary?.firstValue ?? null],
  ['summary_last_value', 'double precision', (r) => r.summary?.lastValue ?? null],
  ['summary_last_date', 'text', (r) => r.summary?.lastDate ?? null],
  ['summary_projected', 'double precision', (r) => r.summary?.projected ?? null],
  ['json_head', 'text', (r) => r.json?.head ?? null],
  ['json_tail', 'text', (r) => r.json?.tail ?? null],
  ['json_judge', 'text', (r) => r.json?.judge ?? null],
  ['judged_status', 'text', (r) => r.span?.status ?? null],
  ['judged_stale', 'integer', (r) => (r.span == null ? null : r.span.stale ? 1 : 0)],
  ['judged_from', 'text', (r) => r.span?.from ?? null],
  ['judged_until', 'text', (r) => r.span?.until ?? null],
];
/** Rows an UPDATE: 13 parameters each, within both engines' limits (SQLite 32,766, PostgreSQL 65,535). */
const SUMMARY_CHUNK = 500;

/**
 * Stores many goals' summaries, one UPDATE … FROM (VALUES …) a chunk of rows
 * rather than a statement a goal (a round trip each on PostgreSQL: 20,000 of
 * them for `goals refresh` on a large team). PostgreSQL types a VALUES
 * list's parameters from its first row, so that row casts them. Not audited,
 * not a change of the goal.
 */
export async function setGoalSummaries(q: Queryable, rows: readonly GoalSummaryRow[]): Promise<void> {
  const cast = (type: string) => (q.dialect === 'postgres' ? `cast(? as ${type})` : '?');
  const first = `(${[cast('integer'), ...SUMMARY_COLUMNS.map(([, type]) => cast(type))].join(', ')})`;
  const other = `(${new Array(SUMMARY_COLUMNS.length + 1).fill('?').join(', ')})`;
  const set = SUMMARY_COLUMNS.map(([c], i) => `${c} = v.column${i + 2}`).join(', ');
  for (let from = 0; from < rows.length; from += SUMMARY_CHUNK) {
    const chunk = rows.slice(from, from + SUMMARY_CHUNK);
    await q.run(
      `update goals set ${set} from (values ${[first, ...new Array(chunk.length - 1).fill(other)].join(', ')}) as v where goals.id = v.column1`,
      chunk.flatMap((r) => [r.id, ...SUMMARY_COLUMNS.map(([, , value]) => value(r))]),
    );
  }
}
