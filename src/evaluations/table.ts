/** The evaluations feature's row types, one per table: the only place its column names live besides the SQL. */

interface RuleColumns {
  direction: string;
  target: number;
  target_high: number | null;
  threshold: number | null;
  threshold_high: number | null;
  /** JSON [{bound, score}], best first. */
  bands: string | null;
}

export interface EvalKpisRow extends RuleColumns {
  id: number;
  role_id: number;
  name: string;
  preset_key: string | null;
  unit: string | null;
  weight: number;
  source: string | null;
  goal_metric: string | null;
  goal_use: string | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvalSeasonsRow {
  id: number;
  name: string;
  preset_key: string | null;
  from_date: string;
  to_date: string;
  yearly: number;
  created_at: string;
}

export interface EvalSeasonOverridesRow extends Omit<RuleColumns, 'direction' | 'target'> {
  id: number;
  target: number | null;
  removed_at: string | null;
  season_id: number;
  kpi_name: string;
  role_id: number | null;
}

export interface EvalCyclesRow {
  id: number;
  period: string;
  from_date: string;
  to_date: string;
  w_kpi: number;
  w_self: number;
  w_peer: number;
  w_lead: number;
  /** JSON [{name, min}], best first. */
  grades: string;
  state: string;
  closed_at: string | null;
  actor: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvalEvaluationsRow {
  id: number;
  cycle_id: number;
  member_id: number;
  role_id: number | null;
  department_id: number | null;
  self_score: number | null;
  self_comment: string | null;
  self_at: string | null;
  lead_score: number | null;
  lead_comment: string | null;
  adjust: number;
  adjust_reason: string | null;
  reviewer: string | null;
  reviewed_at: string | null;
  kpi_score: number | null;
  final_score: number | null;
  grade: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvalItemsRow extends RuleColumns {
  id: number;
  evaluation_id: number;
  kpi_id: number | null;
  position: number;
  name: string;
  unit: string | null;
  weight: number;
  source: string | null;
  goal_metric: string | null;
  goal_use: string | null;
  /** JSON [{season, days, rule}]: the seasons' share of the cycle, frozen at open. */
  seasons: string | null;
  value: number | null;
  value_source: string | null;
  goal_id: number | null;
  recorded_at: string | null;
  actor: string | null;
}

export interface EvalPeersRow {
  evaluation_id: number;
  by_member_id: number;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface EvalAppealsRow {
  id: number;
  evaluation_id: number;
  reason: string;
  filed_on: string;
  actor: string | null;
  outcome: string | null;
  old_score: number | null;
  old_grade: string | null;
  new_score: number | null;
  new_grade: string | null;
  note: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface EvalRewardRulesRow {
  id: number;
  grade: string | null;
  rank_max: number | null;
  department_id: number | null;
  kind: string;
  coefficient: number | null;
  text: string | null;
  preset_key: string | null;
  removed_at: string | null;
  created_at: string;
}

/** Every value a KPI of an evaluation was given, in order (what an appeal changed is kept). */
export interface EvalItemValuesRow {
  id: number;
  item_id: number;
  value: number | null;
  value_source: string | null;
  goal_id: number | null;
  recorded_at: string;
  actor: string | null;
}
