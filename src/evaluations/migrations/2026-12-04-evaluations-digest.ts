import type { Migration } from '../../db/migrations.js';

// What the reports count of a cycle, through indexes alone (digest.repository.ts):
// - the evaluations still missing a KPI value: a partial index of the missing
//   items (value in it, so the probe needs no row);
// - per cycle and department: the missing self and lead scores, and the
//   locked grades (grouped in the index's order).
const ddl = [
  `create index eval_items_missing on eval_items(evaluation_id, value) where value is null`,
  `create index eval_evaluations_cycle_dept on eval_evaluations(cycle_id, department_id, grade, self_score, lead_score)`,
];

export const m20261204EvaluationsDigest: Migration = {
  name: '2026-12-04-evaluations-digest',
  sqlite: ddl,
  postgres: ddl,
};
