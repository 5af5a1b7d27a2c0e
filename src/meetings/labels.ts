/** The message key of every meetings enum value: labels are looked up, never built from strings. */
import type { MessageKey } from '../i18n/index.js';
import type { ActionStatus, AttendanceStatus, MeetingKind } from './rules/meeting.js';

export const KIND_LABEL: Record<MeetingKind, MessageKey> = {
  morning: 'meetings.kind.morning',
  evening: 'meetings.kind.evening',
  weekly: 'meetings.kind.weekly',
  monthly: 'meetings.kind.monthly',
  custom: 'meetings.kind.custom',
};

export const ATTENDANCE_LABEL: Record<AttendanceStatus, MessageKey> = {
  present: 'meetings.attendance.present',
  late: 'meetings.attendance.late',
  absent: 'meetings.attendance.absent',
  excused: 'meetings.attendance.excused',
};

export const ACTION_STATUS_LABEL: Record<ActionStatus, MessageKey> = {
  open: 'meetings.action.open',
  done: 'meetings.action.done',
  dropped: 'meetings.action.dropped',
};
