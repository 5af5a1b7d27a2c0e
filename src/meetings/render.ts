/** How meetings look to people: rules in words, times, attendance and action tables. */
import { t } from '../i18n/index.js';
import type { Column } from '../cli/output.js';
import { shiftText } from '../org/ui.js';
import type { ActionItem } from './rules/meeting.js';
import { ACTION_STATUS_LABEL, ATTENDANCE_LABEL, KIND_LABEL } from './labels.js';
import type { AttendanceRow } from './minutes.service.js';
import type { AttendanceStatus, MeetingKind } from './rules/meeting.js';
import { describeRule } from './rules/describe.js';
import type { MeetingSummary, UpcomingItem } from './views.service.js';

export const kindText = (k: MeetingKind) => t(KIND_LABEL[k]);
export const attendanceText = (s: AttendanceStatus) => t(ATTENDANCE_LABEL[s]);

/** "every weekday (Mon–Fri) 09:00", with the zone when asked. */
export function ruleText(rrule: string, time: string, zone?: string): string {
  return `${describeRule(rrule)} ${time}${zone ? ` (${zone})` : ''}`;
}

/** 09:00–09:15. */
export function timeRange(time: string, durationMin: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = (h * 60 + m + durationMin) % 1440;
  return `${time}–${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

const pct = (v: number | null) => (v === null ? '' : `${v}%`);
export const rateText = pct;

/** Who a series is for, in words: everyone, or the departments and handles; and its shift. */
export function attendeesText(m: Pick<MeetingSummary, 'attendees' | 'everyone' | 'shift'>): string {
  const who = m.everyone ? t('meetings.everyone') : m.attendees.join(t('list.separator'));
  return m.shift ? `${who} · ${t('meetings.shiftOnly', { shift: shiftText(m.shift) ?? m.shift })}` : who;
}

/** A zone column: in a table only the zones other than the reader's (and none when all are theirs); CSV and Markdown name every one. */
function zoneColumn<T extends { zone: string }>(homeZone: string | undefined): Column<T> {
  return { header: 'meetings.col.zone', value: (r) => (r.zone === homeZone ? '' : r.zone), plain: (r) => r.zone, priority: 1, hideEmpty: true };
}

export const meetingColumns = (homeZone?: string): readonly Column<MeetingSummary>[] => [
  { header: 'col.id', value: (m) => m.id, align: 'right' },
  { header: 'meetings.col.title', value: (m) => m.title, wrap: 24 },
  { header: 'meetings.col.kind', value: (m) => kindText(m.kind), priority: 3 },
  { header: 'meetings.col.rule', value: (m) => (m.ended ? t('meetings.ended') : ruleText(m.rrule, m.time)), wrap: 30 },
  { header: 'meetings.col.duration', value: (m) => m.durationMin, align: 'right', priority: 4 },
  zoneColumn(homeZone),
  { header: 'meetings.col.attendees', value: attendeesText, wrap: 20, priority: 5 },
  { header: 'meetings.col.next', value: (m) => (m.next ? `${m.next.date} ${m.next.time}` : '') },
  { header: 'meetings.col.lastHeld', value: (m) => m.lastHeld, priority: 2 },
  { header: 'meetings.col.openActions', value: (m) => m.openActions, align: 'right', priority: 1 },
];

export const upcomingColumns = (homeZone?: string): readonly Column<UpcomingItem>[] => [
  { header: 'meetings.col.date', value: (o) => o.date },
  { header: 'meetings.col.time', value: (o) => timeRange(o.time, o.durationMin) },
  { header: 'meetings.col.title', value: (o) => o.title, wrap: 24 },
  zoneColumn(homeZone),
  { header: 'meetings.col.place', value: (o) => o.place, wrap: 20, priority: 4, hideEmpty: true },
  { header: 'meetings.col.carried', value: (o) => (o.carriedActions > 0 ? o.carriedActions : ''), align: 'right', priority: 3, hideEmpty: true },
  { header: 'meetings.col.note', value: (o) => [o.movedFrom && t('meetings.movedFrom', { date: o.movedFrom }), o.shift && t('meetings.shiftOnly', { shift: shiftText(o.shift) ?? o.shift })].filter(Boolean).join(' · '), wrap: 24, priority: 2, hideEmpty: true },
];

export const attendanceColumns: readonly Column<AttendanceRow>[] = [
  { header: 'meetings.col.member', value: (r) => `${r.name} (${r.handle})`, wrap: 24 },
  { header: 'meetings.col.present', value: (r) => r.present, align: 'right' },
  { header: 'meetings.col.late', value: (r) => r.late, align: 'right' },
  { header: 'meetings.col.absent', value: (r) => r.absent, align: 'right' },
  { header: 'meetings.col.excused', value: (r) => r.excused, align: 'right' },
  { header: 'meetings.col.rate', value: (r) => pct(r.ratePct), plain: (r) => r.ratePct, align: 'right' },
];

export const actionColumns: readonly Column<ActionItem>[] = [
  { header: 'col.id', value: (a) => a.id, align: 'right' },
  { header: 'meetings.col.owner', value: (a) => a.owner },
  { header: 'meetings.col.action', value: (a) => a.text, wrap: 36 },
  { header: 'meetings.col.due', value: (a) => a.due },
  { header: 'meetings.col.status', value: (a) => t(ACTION_STATUS_LABEL[a.status]) },
  { header: 'meetings.col.title', value: (a) => a.meeting, wrap: 16, priority: 2 },
  { header: 'meetings.col.raised', value: (a) => a.raisedOn, priority: 1 },
  { header: 'meetings.col.note', value: (a) => a.note, wrap: 24, priority: 3, hideEmpty: true },
];
