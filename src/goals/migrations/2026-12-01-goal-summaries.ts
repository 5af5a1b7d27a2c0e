import type { Migration } from '../../db/migrations.js';

// Each goal's summary: what its evaluation takes from its series (own check-ins
// or its children's roll-up) and facts, independent of today, so that lists
// judge goals without reading a single check-in. Kept current by every write
// that changes a series or the facts (summary.service.ts refreshSummaries).
// A null summary_points means "unknown" (a goal from before this migration):
// readers then evaluate that goal from its check-ins, as before.
// PostgreSQL's `real` is single precision: its DDL says double precision.
export const m20261201GoalSummaries: Migration = {
  name: '2026-12-01-goal-summaries',
  sqlite: [
    // Points in the series (one per date); null = no summary yet.
    `alter table goals add column summary_points integer`,
    // The series' first value (where a decrease without a baseline counts from).
    `alter table goals add column summary_first_value real`,
    // Its last value and date: the goal's current value and last check-in date.
    `alter table goals add column summary_last_value real`,
    `alter table goals add column summary_last_date text`,
    // The least-squares projection at the due date (depends on start, due and baseline).
    `alter table goals add column summary_projected real`,
  ],
  postgres: [
    `alter table goals add column summary_points integer`,
    `alter table goals add column summary_first_value double precision`,
    `alter table goals add column summary_last_value double precision`,
    `alter table goals add column summary_last_date text collate "C"`,
    `alter table goals add column summary_projected double precision`,
  ],
};
