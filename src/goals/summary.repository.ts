/**
 * The write side of the stored goal summaries (summary.service.ts): a goal's
 * summary, its view's JSON parts and its judgement's span (null: unknown, to
 * be computed from its check-ins when read). json.repository.ts and
 * judged.repository.ts read them back.
 */
import type { Queryable } from '../db/sql.js';
import type { GoalSummary, JudgementSpan } from './rules/evaluate.js';
import type { GoalJsonParts } from './rules/view.js';

/** One goal's stored summary, the JSON of its view and the span its judgement holds (all null: cleared). */
export interface GoalSummaryRow {
  id: number;
  summary: GoalSummary | null;
  json: (GoalJsonParts & { judge: string }) | null;
  span?: JudgementSpan | null;
}

const SUMMARY_COLUMNS = [
  ['summary_points', 'integer'],
  ['summary_first_value', 'double precision'],
  ['summary_last_value', 'double precision'],
  ['summary_last_date', 'text'],
  ['summary_projected', 'double precision'],
  ['json_head', 'text'],
  ['json_tail', 'text'],
  ['json_judge', 'text'],
  ['judged_status', 'text'],
  ['judged_stale', 'integer'],
  ['judged_from', 'text'],
  ['judged_until', 'text'],
] as const;
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
      chunk.flatMap(({ id, summary: s, json, span = null }) => [
        id,
        s?.points ?? null,
        s?.firstValue ?? null,
        s?.lastValue ?? null,
        s?.lastDate ?? null,
        s?.projected ?? null,
        json?.head ?? null,
        json?.tail ?? null,
        json?.judge ?? null,
        span?.status ?? null,
        span === null ? null : span.stale ? 1 : 0,
        span?.from ?? null,
        span?.until ?? null,
      ]),
    );
  }
}
