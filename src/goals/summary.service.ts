/**
 * The stored goal summaries (see rules/evaluate.ts summarize): what lists judge
 * goals from without reading check-ins, the JSON of each goal's view
 * (rules/view.ts goalJsonParts) that lists write goals from, and the span of
 * days its judgement holds (judgementSpan) that reports count by. Every write to a
 * goal calls `refreshSummaries` in its own transaction.
 */
import { listGoalIds, listGoalsAndAncestors } from './repository.js';
import { setGoalSummaries, type GoalSummaryRow } from './summary.repository.js';
import type { Queryable } from '../db/sql.js';
import type { ServiceOptions } from '../shared/service.js';
import { evaluateGoals } from './view.service.js';
import { goalJsonParts, packJudgeInput } from './rules/view.js';
import { judgementSpan } from './rules/evaluate.js';

/**
 * Recomputes, from check-ins, the summaries of the given goals and of every
 * goal above them (their roll-ups changed too): one evaluation of the
 * subtrees they sit in, one UPDATE a chunk of 500 goals. An archived goal's
 * summary and JSON are cleared: lists never show it without evaluating it in full.
 */
export async function refreshSummaries(tx: Queryable, goalIds: readonly number[], today: string): Promise<void> {
  if (goalIds.length === 0) return;
  const chain = await listGoalsAndAncestors(tx, [...new Set(goalIds)]);
  const live = chain.filter((g) => g.archivedAt === null);
  const rows: GoalSummaryRow[] = chain.filter((g) => g.archivedAt !== null).map((g) => ({ id: g.id, summary: null, json: null }));
  if (live.length > 0) {
    const { summaries } = await evaluateGoals(tx, live, today);
    // The goals as read inside this transaction, after the write: their JSON is current.
    for (const g of live) {
      const summary = summaries.get(g.id)!;
      rows.push({ id: g.id, summary, json: { ...goalJsonParts(g), judge: packJudgeInput(g, summary) }, span: judgementSpan(g, summary, today) });
    }
  }
  await setGoalSummaries(tx, rows);
}

/** `team goals refresh`: recomputes every goal's summary (a database from before them, or after a repair). */
export async function refreshAllSummaries(o: ServiceOptions): Promise<number> {
  return o.db.transaction(async (tx) => {
    const ids = await listGoalIds(tx);
    await refreshSummaries(tx, ids, o.today);
    return ids.length;
  });
}
