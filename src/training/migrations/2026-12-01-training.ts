import { POSTGRES_TYPES, SQLITE_TYPES, type ColumnTypes } from '../../db/column-types.js';
import type { Migration } from '../../db/migrations.js';

/**
 * The training catalog and what members do with it. A course lists the roles
 * it is for, the assessment kinds that pass it and its prerequisites. A plan
 * item is one round of one course for one member (onboarding, assigned,
 * a refresher after a pass, ...): at most one open round per member and
 * course (a partial unique index). Assessments keep every attempt; sessions
 * are scheduled classes with their attendees. Nothing is deleted: a retired
 * course keeps its history, a dropped round its reason.
 */
const ddl = ({ id, text, name, real }: ColumnTypes): string[] => [
  `create table training_courses (
     id ${id},
     title ${name} not null unique,
     preset_key ${text} unique,
     topic ${text},
     format ${text} not null check (format in ('internal', 'external', 'online', 'roleplay', 'shadowing', 'sharing')),
     hours ${real} not null check (hours > 0 and hours <= 1000),
     trainer_id integer references members(id),
     provider ${text},
     onboarding integer not null default 0 check (onboarding in (0, 1)),
     pass_mark integer not null default 60 check (pass_mark between 0 and 100),
     refresh_months integer check (refresh_months between 1 and 60),
     description ${text},
     retired_at ${text},
     created_at ${text} not null,
     updated_at ${text} not null)`,
  `create table training_course_roles (
     course_id integer not null references training_courses(id),
     role_id integer not null references roles(id),
     primary key (course_id, role_id))`,
  `create index training_course_roles_role on training_course_roles(role_id, course_id)`,
  `create table training_course_assessments (
     course_id integer not null references training_courses(id),
     kind ${text} not null check (kind in ('theory', 'simulation', 'practical')),
     primary key (course_id, kind))`,
  `create table training_prerequisites (
     course_id integer not null references training_courses(id),
     requires_id integer not null references training_courses(id),
     primary key (course_id, requires_id),
     check (course_id <> requires_id))`,
  `create table training_plan_items (
     id ${id},
     member_id integer not null references members(id),
     course_id integer not null references training_courses(id),
     source ${text} not null check (source in ('onboarding', 'plan', 'role', 'session', 'refresher')),
     due_on ${text} not null,
     started_on ${text},
     completed_on ${text},
     passed_on ${text},
     retake_due_on ${text},
     refresh_of integer references training_plan_items(id),
     dropped_on ${text},
     drop_reason ${text},
     actor ${text},
     created_at ${text} not null,
     updated_at ${text} not null)`,
  `create unique index training_plan_items_open on training_plan_items(member_id, course_id) where passed_on is null and dropped_on is null`,
  `create index training_plan_items_member on training_plan_items(member_id, course_id)`,
  `create index training_plan_items_course on training_plan_items(course_id, passed_on)`,
  `create index training_plan_items_due on training_plan_items(due_on) where passed_on is null and dropped_on is null`,
  `create index training_plan_items_passed on training_plan_items(passed_on)`,
  `create index training_plan_items_completed on training_plan_items(completed_on)`,
  `create table training_sessions (
     id ${id},
     course_id integer not null references training_courses(id),
     held_on ${text} not null,
     start_time ${text} not null,
     duration_min integer not null check (duration_min between 1 and 1440),
     time_zone ${text} not null,
     trainer_id integer references members(id),
     place ${text},
     attended_at ${text},
     actor ${text},
     created_at ${text} not null)`,
  `create index training_sessions_held on training_sessions(held_on, course_id)`,
  `create index training_sessions_course on training_sessions(course_id, held_on)`,
  `create table training_session_attendees (
     session_id integer not null references training_sessions(id),
     member_id integer not null references members(id),
     status ${text} not null default 'invited' check (status in ('invited', 'present', 'absent')),
     primary key (session_id, member_id))`,
  `create index training_session_attendees_member on training_session_attendees(member_id, session_id)`,
  `create table training_assessments (
     id ${id},
     plan_item_id integer not null references training_plan_items(id),
     member_id integer not null references members(id),
     course_id integer not null references training_courses(id),
     kind ${text} not null check (kind in ('theory', 'simulation', 'practical')),
     score ${real} not null check (score >= 0 and score <= 100),
     passed integer not null check (passed in (0, 1)),
     assessor_id integer references members(id),
     note ${text},
     assessed_on ${text} not null,
     actor ${text},
     created_at ${text} not null)`,
  `create index training_assessments_item on training_assessments(plan_item_id, kind)`,
  `create index training_assessments_member on training_assessments(member_id, assessed_on)`,
  `create index training_assessments_course on training_assessments(course_id, assessed_on)`,
  `create index training_assessments_assessed on training_assessments(assessed_on)`,
];

export const m20261201Training: Migration = {
  name: '2026-12-01-training',
  sqlite: ddl(SQLITE_TYPES),
  postgres: ddl(POSTGRES_TYPES),
};
