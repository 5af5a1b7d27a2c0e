import type { Migration } from '../../db/migrations.js';

// Each open goal's status and staleness as last judged, and the days through
// which that judgement holds (rules/evaluate.ts judgementSpan), written with
// its summary. Reports count the goals in play by status from the index alone
// instead of judging thousands of goals each run; a goal whose span does not
// cover today (or that predates the columns: null) is judged when read.
// Changing how rules/evaluate.ts judges means a migration that clears
// judged_from, since the stored spans were worked out by the old rules.
// The few archived goals get an index of their own. Plain DDL, valid on
// PostgreSQL too.
const ddl = [
  'alter table goals add column judged_status text',
  'alter table goals add column judged_stale integer',
  'alter table goals add column judged_from text',
  'alter table goals add column judged_until text',
  'create index goals_in_play on goals(state, archived_at, due_date, start_date, judged_from, judged_until, judged_status, judged_stale)',
  // The few archived goals, so that counting a week's check-ins need not look up each one's goal.
  'create index goals_archived on goals(archived_at) where archived_at is not null',
  // The week's newest check-ins, newest first (date, then entry), read in that order and cut at N.
  'create index goal_checkins_date_id on goal_checkins(date, id)',
];

export const m20261204GoalJudgement: Migration = { name: '2026-12-04-goal-judgement', sqlite: ddl, postgres: ddl };
