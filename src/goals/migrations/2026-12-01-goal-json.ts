import type { Migration } from '../../db/migrations.js';

// Each goal's view as stored JSON text, less its owner and today's judgement
// (rules/view.ts goalJsonParts), and what judging it takes as one text: a
// whole-database `goals list --json` then writes each goal from three text
// columns instead of reading 37 values and stringifying them. Written with the
// summary by refreshSummaries; cleared by every other write to the row, so a
// goal whose text is not current is never written from it (readers fall
// back to building the view). Plain DDL, valid on PostgreSQL too.
export const m20261201GoalJson: Migration = {
  name: '2026-12-01-goal-json',
  sqlite: [
    `alter table goals add column json_head text`,
    `alter table goals add column json_tail text`,
    // What judging it takes (facts, precision, summary) as one JSON array (packJudgeInput).
    `alter table goals add column json_judge text`,
    // Whole-database lists read straight from this index, in their order, with
    // all they write: one sequential pass over it instead of a sort and 20,000
    // lookups into the table's wide rows (~30 % of such a list's time). Partial
    // on a term only those queries state (json_judge is not null), so that a
    // list narrowed by owner or parent keeps its own, smaller index.
    `create index goals_list_json on goals(state, archived_at, (due_date is null), due_date, id, parent_id, horizon, owner_type, owner_member_id, owner_department_id, json_judge, json_head, json_tail)
       where json_judge is not null and state = 'open' and archived_at is null`,
    // The few live goals a fast list cannot write from stored parts: found
    // without scanning every goal (empty after normal use).
    `create index goals_unsummarized on goals(id) where archived_at is null and (summary_points is null or json_head is null or json_judge is null)`,
  ],
  // PostgreSQL caps an index entry at ~2.7 kB, less than a long goal's JSON:
  // the same columns, the list index without the JSON in it.
  postgres: [
    `alter table goals add column json_head text`,
    `alter table goals add column json_tail text`,
    `alter table goals add column json_judge text`,
    `create index goals_list_json on goals(state, archived_at, (due_date is null), due_date, id) where json_judge is not null and state = 'open' and archived_at is null`,
    `create index goals_unsummarized on goals(id) where archived_at is null and (summary_points is null or json_head is null or json_judge is null)`,
  ],
};
