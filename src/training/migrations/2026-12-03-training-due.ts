import type { Migration } from '../../db/migrations.js';

// When an open round is due now: the retake date after a failed attempt, else
// the plan's (rules/training.ts dueOf). Reports and reminders count and list
// the overdue and the soon-due rounds through this index, in due order,
// instead of reading every open round of a large team. The open ones are
// those with both dates null: equalities first, then the due date's range
// (a partial index on the date alone is not chosen without ANALYZE).
export const m20261203TrainingDue: Migration = {
  name: '2026-12-03-training-due',
  sqlite: [`create index training_plan_items_open_due on training_plan_items(passed_on, dropped_on, coalesce(retake_due_on, due_on))`],
  postgres: [`create index training_plan_items_open_due on training_plan_items(passed_on, dropped_on, (coalesce(retake_due_on, due_on)))`],
};
