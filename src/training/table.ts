/** The training feature's row types, one per table: the only place its column names live besides the SQL. */

export interface TrainingCoursesRow {
  id: number;
  title: string;
  preset_key: string | null;
  topic: string | null;
  format: string;
  hours: number;
  trainer_id: number | null;
  provider: string | null;
  onboarding: number;
  pass_mark: number;
  refresh_months: number | null;
  description: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingCourseRolesRow {
  course_id: number;
  role_id: number;
}

export interface TrainingCourseAssessmentsRow {
  course_id: number;
  kind: string;
}

export interface TrainingPrerequisitesRow {
  course_id: number;
  requires_id: number;
}

export interface TrainingPlanItemsRow {
  id: number;
  member_id: number;
  course_id: number;
  source: string;
  due_on: string;
  started_on: string | null;
  completed_on: string | null;
  passed_on: string | null;
  retake_due_on: string | null;
  /** The passed round this refresher repeats. */
  refresh_of: number | null;
  dropped_on: string | null;
  drop_reason: string | null;
  actor: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingSessionsRow {
  id: number;
  course_id: number;
  held_on: string;
  start_time: string;
  duration_min: number;
  time_zone: string;
  trainer_id: number | null;
  place: string | null;
  /** When attendance was taken. */
  attended_at: string | null;
  actor: string | null;
  created_at: string;
}

export interface TrainingSessionAttendeesRow {
  session_id: number;
  member_id: number;
  status: string;
}

export interface TrainingAssessmentsRow {
  id: number;
  plan_item_id: number;
  member_id: number;
  course_id: number;
  kind: string;
  score: number;
  passed: number;
  assessor_id: number | null;
  note: string | null;
  assessed_on: string;
  actor: string | null;
  created_at: string;
}
