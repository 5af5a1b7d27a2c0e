/** The meetings feature's row types, one per table: the only place its column names live besides the SQL. */

export interface MeetingsRow {
  id: number;
  title: string;
  preset_key: string | null;
  kind: string;
  facilitator_id: number | null;
  place: string | null;
  shift: string | null;
  /** 1: every active member is expected; 0: the members and departments in meeting_audience. */
  everyone: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingSchedulesRow {
  id: number;
  meeting_id: number;
  valid_from: string;
  valid_until: string | null;
  starts_on: string;
  rrule: string;
  start_time: string;
  duration_min: number;
  time_zone: string;
  created_at: string;
}

export interface MeetingAudienceRow {
  id: number;
  meeting_id: number;
  member_id: number | null;
  department_id: number | null;
}

export interface MeetingAgendaItemsRow {
  id: number;
  meeting_id: number;
  position: number;
  text: string;
}

export interface MeetingExceptionsRow {
  id: number;
  meeting_id: number;
  occurs_on: string;
  kind: string;
  moved_to: string | null;
  moved_time: string | null;
  actor: string | null;
  created_at: string;
}

export interface MeetingLogsRow {
  id: number;
  meeting_id: number;
  occurs_on: string;
  held_on: string;
  start_time: string;
  duration_min: number;
  extra: number;
  notes: string | null;
  actor: string | null;
  created_at: string;
}

export interface MeetingAttendanceRow {
  log_id: number;
  member_id: number;
  status: string;
}

export interface MeetingDecisionsRow {
  id: number;
  log_id: number;
  position: number;
  text: string;
}

export interface ActionItemsRow {
  id: number;
  meeting_id: number;
  log_id: number;
  owner_id: number;
  text: string;
  due_date: string | null;
  status: string;
  note: string | null;
  closed_at: string | null;
  actor: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingPlanItemsRow {
  id: number;
  log_id: number;
  member_id: number;
  plan_date: string;
  position: number;
  text: string;
  done: number | null;
  checked_log_id: number | null;
}

export interface MeetingProblemsRow {
  id: number;
  log_id: number;
  member_id: number | null;
  held_on: string;
  text: string;
}

export interface MeetingTimeZonesRow {
  zone: string;
  /** The release of the zone database the offsets come from (process.versions.tz). */
  tzdata: string;
  covers_from: string;
  covers_to: string;
  /** JSON: [[instant ms, minutes east of UTC], …]. */
  changes: string;
  updated_at: string;
}

export interface MeetingRuleDatesRow {
  starts_on: string;
  rrule: string;
  /** YYYY-MM. */
  month: string;
  /** The rule's days in that month, a bit a day: bit d − 1 for day d. */
  days: number;
}
