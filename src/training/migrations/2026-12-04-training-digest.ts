import type { Migration } from '../../db/migrations.js';

// The reports' training counts (overdue, due in a window, passed in one) and
// their first N rows, through the index alone: the due and passed indexes
// gain member_id, so archived members (few) are left out by a list of their
// ids instead of a join to members per round (digest.repository.ts). Each
// replaces its narrower self under the same name. PostgreSQL's index-only
// scan of an expression index needs the expression's columns too: included.
export const m20261204TrainingDigest: Migration = {
  name: '2026-12-04-training-digest',
  sqlite: [
    `drop index training_plan_items_open_due`,
    `create index training_plan_items_open_due on training_plan_items(passed_on, dropped_on, coalesce(retake_due_on, due_on), member_id)`,
    `drop index training_plan_items_passed`,
    `create index training_plan_items_passed on training_plan_items(passed_on, member_id)`,
  ],
  postgres: [
    `drop index training_plan_items_open_due`,
    `create index training_plan_items_open_due on training_plan_items(passed_on, dropped_on, (coalesce(retake_due_on, due_on)), member_id) include (retake_due_on, due_on)`,
    `drop index training_plan_items_passed`,
    `create index training_plan_items_passed on training_plan_items(passed_on, member_id)`,
  ],
};
