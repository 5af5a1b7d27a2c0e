import type { Migration } from '../../db/migrations.js';

// The goals in play, most urgent first (judged.repository.ts eachJudgedFirst):
// the open goals ranked by their judged status, then due date and id, with
// what the window's filter reads beside them. The list of the first N reads
// them in this order and stops, instead of sorting every goal in play (4,000
// on the bench: 0.5 ms → 0.01 ms). The rank expression is written as the
// query writes it (URGENCY_SQL), or the index is not used:
// tests/goals/db/judged-plan.test.ts checks the plan. Plain DDL, valid on
// PostgreSQL too.
const ddl = [
  `create index goals_urgency on goals(state, archived_at, (case judged_status when 'off-track' then 0 when 'missed' then 1 when 'at-risk' then 2 when 'not-started' then 3 when 'draft' then 4 when 'on-track' then 5 when 'done' then 6 end), due_date, id, start_date, judged_from, judged_until)`,
];

export const m20261205GoalUrgency: Migration = { name: '2026-12-05-goal-urgency', sqlite: ddl, postgres: ddl };
