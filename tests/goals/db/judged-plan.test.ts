/**
 * The goals in play, most urgent first, on every engine: the first N by
 * judged status, then due date and id, among the goals whose judgement covers
 * the day. On SQLite the list reads the goals_urgency index in its order and
 * stops (no sort of every goal in play): the index's rank expression must stay
 * the query's (URGENCY_SQL).
 */
import { expect, it } from 'vitest';
import type { Db, Queryable, SqlValue } from '../../../src/db/sql.js';
import { eachJudgedFirst, URGENCY } from '../../../src/goals/judged.repository.js';
import type { GoalStatus } from '../../../src/goals/rules/evaluate.js';
import { describeEngines } from '../../engines.js';

const DAY = '2026-11-27';
const STATUSES = Object.keys(URGENCY) as GoalStatus[];

async function build(db: Db): Promise<{ id: number; status: GoalStatus; due: string; covers: boolean; inPlay: boolean }[]> {
  const at = '2026-10-01T00:00:00.000Z';
  const out = [];
  for (let i = 0; i < 60; i++) {
    const status = STATUSES[(i * 5) % STATUSES.length]!;
    const due = `2026-12-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    // Some spans end before the day (judged when read, not here); some goals are past due (not in play).
    const covers = i % 9 !== 4;
    const pastDue = i % 11 === 3;
    const row = await db.get<{ id: number }>(
      `insert into goals (title, owner_type, metric, unit, kind, decimals, baseline, target, direction, start_date, due_date, horizon, term, created_at, updated_at, judged_status, judged_stale, judged_from, judged_until)
       values (?, 'team', 'GMV', '¥', 'additive', 2, 0, 100, 'increase', '2026-11-01', ?, 'month', 'short', ?, ?, ?, 0, ?, ?) returning id`,
      [`Goal ${i}`, pastDue ? '2026-11-20' : due, at, at, status, '2026-11-20', covers ? '2026-12-31' : '2026-11-26'],
    );
    out.push({ id: row!.id, status, due: pastDue ? '2026-11-20' : due, covers, inPlay: !pastDue });
  }
  return out;
}

describeEngines('goals in play by urgency', (fresh) => {
  it('lists the first N by status rank, due date and id, only goals whose judgement covers the day; on SQLite in index order', async () => {
    const db = await fresh();
    const goals = await build(db);
    const seen: { sql: string; params: readonly SqlValue[] }[] = [];
    const q: Queryable = { ...db, dialect: db.dialect, eachTuple: (sql, params, onRow) => (seen.push({ sql, params }), db.eachTuple(sql, params, onRow)) } as Queryable;
    const filter = { dueAfter: '2026-11-23', startBefore: '2026-11-29' };
    const ids: number[] = [];
    await eachJudgedFirst(q, filter, DAY, { stale: false, limit: 12 }, (id) => ids.push(id));
    const expected = goals
      .filter((g) => g.covers && g.inPlay)
      .sort((a, b) => URGENCY[a.status] - URGENCY[b.status] || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || a.id - b.id)
      .slice(0, 12)
      .map((g) => g.id);
    // The rows come in no particular order: the set is the first twelve.
    expect(ids.sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    if (db.dialect === 'sqlite') {
      const { sql, params } = seen[0]!;
      const plan = (await db.all<{ detail: string }>(`explain query plan ${sql}`, [...params])).map((r) => r.detail).join('\n');
      expect(plan).toContain('goals_urgency');
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });
});
