import type { Migration } from '../../db/migrations.js';

// What a week did to the goals, for the weekly report: the check-ins dated in
// the week and the goals closed in it, each read through its own index
// instead of scanning 100,000 check-ins or 20,000 goals. Plain DDL, valid on
// PostgreSQL too. The open goals past due are counted (and the first few
// listed) from the third index alone: state and archived_at equal, due_date a range.
export const m20261203GoalActivity: Migration = {
  name: '2026-12-03-goal-activity',
  sqlite: [`create index goal_checkins_date on goal_checkins(date, goal_id)`, `create index goals_closed_at on goals(closed_at) where closed_at is not null`, `create index goals_state_archived_due on goals(state, archived_at, due_date)`],
  postgres: [`create index goal_checkins_date on goal_checkins(date, goal_id)`, `create index goals_closed_at on goals(closed_at) where closed_at is not null`, `create index goals_state_archived_due on goals(state, archived_at, due_date)`],
};
