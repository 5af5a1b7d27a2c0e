import { POSTGRES_TYPES, SQLITE_TYPES, type ColumnTypes } from '../../db/column-types.js';
import type { Migration } from '../../db/migrations.js';

/**
 * Meeting series and what happens at them. A series' schedule is kept in
 * versions (meeting_schedules): an edit starts a new version from a date, so
 * past occurrences keep the time and rule they had. Exceptions (skip, move)
 * are keyed by the occurrence's original date; minutes (meeting_logs) by the
 * occurrence too, with the date it was held. Action items, decisions, plans
 * (早会) and problems (日报) belong to a log.
 */
const ddl = ({ id, text, name }: ColumnTypes): string[] => [
  `create table meetings (
     id ${id},
     title ${name} not null unique,
     preset_key ${text} unique,
     kind ${text} not null check (kind in ('morning', 'evening', 'weekly', 'monthly', 'custom')),
     facilitator_id integer references members(id),
     place ${text},
     shift ${text},
     everyone integer not null default 1,
     created_at ${text} not null,
     updated_at ${text} not null)`,
  `create table meeting_schedules (
     id ${id},
     meeting_id integer not null references meetings(id),
     valid_from ${text} not null,
     valid_until ${text},
     starts_on ${text} not null,
     rrule ${text} not null,
     start_time ${text} not null,
     duration_min integer not null check (duration_min between 1 and 1440),
     time_zone ${text} not null,
     created_at ${text} not null)`,
  `create index meeting_schedules_meeting on meeting_schedules(meeting_id, valid_from)`,
  `create table meeting_audience (
     id ${id},
     meeting_id integer not null references meetings(id),
     member_id integer references members(id),
     department_id integer references departments(id),
     check ((member_id is null) <> (department_id is null)))`,
  `create index meeting_audience_meeting on meeting_audience(meeting_id)`,
  `create table meeting_agenda_items (
     id ${id},
     meeting_id integer not null references meetings(id),
     position integer not null,
     text ${text} not null,
     unique (meeting_id, position))`,
  `create table meeting_exceptions (
     id ${id},
     meeting_id integer not null references meetings(id),
     occurs_on ${text} not null,
     kind ${text} not null check (kind in ('skip', 'move')),
     moved_to ${text},
     moved_time ${text},
     actor ${text},
     created_at ${text} not null,
     unique (meeting_id, occurs_on),
     check ((kind = 'move') = (moved_to is not null)))`,
  `create index meeting_exceptions_occurs on meeting_exceptions(occurs_on)`,
  `create index meeting_exceptions_moved on meeting_exceptions(moved_to)`,
  `create table meeting_logs (
     id ${id},
     meeting_id integer not null references meetings(id),
     occurs_on ${text} not null,
     held_on ${text} not null,
     start_time ${text} not null,
     duration_min integer not null,
     extra integer not null default 0,
     notes ${text},
     actor ${text},
     created_at ${text} not null,
     unique (meeting_id, occurs_on))`,
  `create index meeting_logs_held on meeting_logs(held_on, meeting_id)`,
  `create index meeting_logs_meeting_held on meeting_logs(meeting_id, held_on)`,
  `create table meeting_attendance (
     log_id integer not null references meeting_logs(id),
     member_id integer not null references members(id),
     status ${text} not null check (status in ('present', 'late', 'absent', 'excused')),
     primary key (log_id, member_id))`,
  `create index meeting_attendance_member on meeting_attendance(member_id, log_id)`,
  `create table meeting_decisions (
     id ${id},
     log_id integer not null references meeting_logs(id),
     position integer not null,
     text ${text} not null,
     unique (log_id, position))`,
  `create table action_items (
     id ${id},
     meeting_id integer not null references meetings(id),
     log_id integer not null references meeting_logs(id),
     owner_id integer not null references members(id),
     text ${text} not null,
     due_date ${text},
     status ${text} not null default 'open' check (status in ('open', 'done', 'dropped')),
     note ${text},
     closed_at ${text},
     actor ${text},
     created_at ${text} not null,
     updated_at ${text} not null)`,
  `create index action_items_status_due on action_items(status, due_date)`,
  `create index action_items_owner on action_items(owner_id, status)`,
  `create index action_items_meeting on action_items(meeting_id, status)`,
  `create index action_items_status_meeting on action_items(status, meeting_id)`,
  `create index action_items_log on action_items(log_id)`,
  `create table meeting_plan_items (
     id ${id},
     log_id integer not null references meeting_logs(id),
     member_id integer not null references members(id),
     plan_date ${text} not null,
     position integer not null,
     text ${text} not null,
     done integer check (done in (0, 1)),
     checked_log_id integer references meeting_logs(id),
     unique (plan_date, member_id, position))`,
  `create table meeting_problems (
     id ${id},
     log_id integer not null references meeting_logs(id),
     member_id integer references members(id),
     held_on ${text} not null,
     text ${text} not null)`,
  `create index meeting_problems_held on meeting_problems(held_on)`,
  // The UTC offsets of the zones the series use, from the zone database (rules/zones.ts): reading needs no Intl.
  `create table meeting_time_zones (
     zone ${text} primary key,
     tzdata ${text} not null,
     covers_from ${text} not null,
     covers_to ${text} not null,
     changes ${text} not null,
     updated_at ${text} not null)`,
  // rrule's dates for a rule from a first date, a month a row (JSON): reading a window they cover needs no rrule.
  `create table meeting_rule_dates (
     starts_on ${text} not null,
     rrule ${text} not null,
     month ${text} not null,
     dates ${text} not null,
     primary key (starts_on, rrule, month))`,
  `create index meeting_rule_dates_month on meeting_rule_dates(month)`,
];

export const m20261201Meetings: Migration = {
  name: '2026-12-01-meetings',
  sqlite: ddl(SQLITE_TYPES),
  postgres: ddl(POSTGRES_TYPES),
};
