/** The goals feature's row types, one per table: the only place its column names live besides the SQL. */

export interface GoalsRow {
  id: number;
  title: string;
  owner_type: 'member' | 'department' | 'team';
  owner_member_id: number | null;
  owner_department_id: number | null;
  metric: string | null;
  unit: string | null;
  kind: 'additive' | 'rate' | null;
  decimals: number;
  baseline: number | null;
  target: number | null;
  direction: 'increase' | 'decrease' | 'at-least' | 'at-most' | null;
  start_date: string | null;
  due_date: string | null;
  horizon: string;
  term: 'long' | 'short';
  relevance: string | null;
  parent_id: number | null;
  weight: number | null;
  period_label: string | null;
  draft: number;
  cadence_days: number;
  state: 'open' | 'achieved' | 'missed';
  final_value: number | null;
  closed_at: string | null;
  last_value: number | null;
  last_checkin_date: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** The stored summary (2026-12-01 migration); summary_points null = not computed yet. */
  summary_points: number | null;
  summary_first_value: number | null;
  summary_last_value: number | null;
  summary_last_date: string | null;
  summary_projected: number | null;
  /** The view's stored JSON less owner and judgement (2026-12-01 goal-json migration; rules/view.ts); null = not current. */
  json_head: string | null;
  json_tail: string | null;
  /** packJudgeInput's text: facts, precision and summary (rules/view.ts). */
  json_judge: string | null;
  /** The judgement on judged_from, unchanged through judged_until (2026-12-04 goal-judgement migration; rules/evaluate.ts judgementSpan); null = judge when read. */
  judged_status: string | null;
  judged_stale: number | null;
  judged_from: string | null;
  judged_until: string | null;
}

export interface GoalCheckinsRow {
  id: number;
  goal_id: number;
  date: string;
  value: number;
  note: string | null;
  actor: string | null;
  created_at: string;
}

export interface GoalReviewsRow {
  id: number;
  goal_id: number;
  kind: 'self' | 'lead';
  text: string;
  score: number | null;
  outcome: 'reward' | 'none' | 'penalty' | null;
  outcome_note: string | null;
  actor: string | null;
  created_at: string;
}

export interface GoalEventsRow {
  id: number;
  goal_id: number;
  at: string;
  actor: string | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
}
