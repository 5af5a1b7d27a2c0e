import type { Migration } from '../../db/migrations.js';

// What the weekly report and reminders read of the meetings, through indexes
// alone (digest.service.ts):
// - open action items counted and listed in due order, the first N only: the
//   (status, due) and (owner, status) indexes gain the due date and id (the
//   list's order) and the owner (a department's members are filtered in the
//   index); each replaces its narrower self under the same name.
// - attendance per meeting, and who was absent, over the week's minutes: the
//   status and member beside each log's rows, so no attendance row is read.
const ddl = [
  `drop index action_items_status_due`,
  `create index action_items_status_due on action_items(status, due_date, id, owner_id)`,
  `drop index action_items_owner`,
  `create index action_items_owner on action_items(owner_id, status, due_date, id)`,
  `create index meeting_attendance_log_status on meeting_attendance(log_id, status, member_id)`,
];

export const m20261204MeetingsDigest: Migration = {
  name: '2026-12-04-meetings-digest',
  sqlite: ddl,
  postgres: ddl,
};
