import type { Migration } from '../../db/migrations.js';

// From here on a goal's projection stops at the values its unit can take
// (rules/progress.ts trend): a first response is never forecast below 0 s, a
// share never above 100 %. Summaries stored earlier by the unbounded line are
// marked missing where they may lie outside those values, so that no list shows
// them: lists judge those goals from their check-ins (and say that `team goals
// refresh` makes them fast again) until the next write or refresh stores them.
// Statuses are unchanged: a target lies within its unit's values, so bounding
// the line never moves it across the target (stored judgements stay valid).
const dml = [
  `update goals set summary_points = null where archived_at is null and (summary_projected < 0 or (summary_projected > 100 and lower(trim(unit)) in ('%', '\uff05', 'pct', 'percent')))`,
];

export const m20261206GoalProjectionBounds: Migration = { name: '2026-12-06-goal-projection-bounds', sqlite: dml, postgres: dml };
