import type { Migration } from '../../db/migrations.js';

// From here on the projection a goal reports stops at the values its unit can
// take (rules/evaluate.ts within: a first response is never forecast below
// 0 s, a share never above 100 %); statuses are still judged from the line.
// The bound needs the unit, which a goal's packed judge input carries from
// its next write (rules/view.ts packJudgeInput). The goals stored before then
// whose line may lie outside (any negative one; above 100 for %) are marked
// missing, so that no list reports them unbounded: lists judge those goals from
// their rows (and say that `team goals refresh` makes them fast again) until
// the next write or refresh stores them. The statement is unchanged since
// it was first applied; only this comment was corrected.
const dml = [
  `update goals set summary_points = null where archived_at is null and (summary_projected < 0 or (summary_projected > 100 and lower(trim(unit)) in ('%', '\uff05', 'pct', 'percent')))`,
];

export const m20261206GoalProjectionBounds: Migration = { name: '2026-12-06-goal-projection-bounds', sqlite: dml, postgres: dml };
