/**
 * What the weekly report and reminders read of the meetings: per series, the
 * occurrences scheduled in a window against the minutes held, with
 * attendance; who was absent; and the open action items. Bounded by the
 * series and the window, never by the history: counts come from the
 * database, lists are its first `limit` rows.
 */
import { countOpenActions, openActionsDue, openActionsUndated, type ActionItem, type ActionScope } from './actions.repository.js';
import { absencesBetween, logAttendanceBetween, type Absence } from './minutes.repository.js';
import type { Meeting } from './repository.js';
import { ATTENDANCE_STATUSES, byStart, type MeetingKind, type Slot } from './rules/meeting.js';
import { byAttention, tally, type AttendanceTally } from './rules/minutes.js';
import { getSlots } from './views.service.js';
import { resolveDepartmentId, resolveMemberId } from '../org/public.js';
import type { Listed, ServiceOptions } from '../shared/service.js';

export interface MeetingWeekRow extends AttendanceTally {
  meetingId: number;
  title: string;
  kind: MeetingKind;
  /** Occurrences the schedule has in the window. */
  scheduled: number;
  /** Minutes logged in the window (extra meetings included). */
  held: number;
  /** Scheduled before today and no minutes. */
  missed: number;
}

export interface MeetingDigest {
  from: string;
  to: string;
  /** How many series were scheduled in the window. */
  total: number;
  /** Their rows, those that most need attention first (byAttention; then in the order of their first occurrences): the first `limit`. */
  meetings: MeetingWeekRow[];
  /** absentMembers: how many members were absent from at least one meeting (the absences listed are the first `limit` of them). */
  totals: { scheduled: number; held: number; missed: number } & AttendanceTally & { absentMembers: number };
  /** Members absent from at least one meeting in the window, most absences first (then by handle): the first `limit`. */
  absences: Absence[];
  /** With `through`: the occurrences scheduled after `to` through that day (next week's, for the weekly report). */
  scheduledLater: number;
}

/** Scheduled against held for [from, to], per series scheduled then, in the scope of a member or department; the first `limit` rows and absences (all when undefined), the totals of all. */
export async function getMeetingDigest(o: ServiceOptions, f: { from: string; to: string; through?: string; member?: string; dept?: string; limit?: number }): Promise<MeetingDigest> {
  return o.db.snapshot(async (q) => {
    // One expansion for the window and what comes after it (each costs the series, their schedules and exceptions).
    const last = f.through !== undefined && f.through > f.to ? f.through : f.to;
    const series = await getSlots(o, { from: f.from, to: last, ...(f.member !== undefined && { member: f.member }), ...(f.dept !== undefined && { dept: f.dept }) });
    const logs = await logAttendanceBetween(q, f.from, f.to);
    // Each series' logged occurrences (a key string per scheduled one cost more than the count).
    const logged = new Map<number, Set<string>>();
    for (const l of logs) {
      const dates = logged.get(l.meetingId);
      if (dates) dates.add(l.occursOn);
      else logged.set(l.meetingId, new Set([l.occursOn]));
    }
    // A row per series scheduled in the window, in the order of their first occurrences (then id), as the time-ordered list gives them:
    // the order ties keep in the byAttention sort below.
    // A series' slots are in time order: its first is the first of them.
    const scheduled: { meeting: Meeting; slots: Slot[] }[] = [];
    let scheduledLater = 0;
    for (const { meeting, slots } of series) {
      const within = slots.filter((x) => x.date <= f.to);
      scheduledLater += slots.length - within.length;
      if (within.length > 0) scheduled.push({ meeting, slots: within });
    }
    scheduled.sort((a, b) => byStart(a.slots[0]!, b.slots[0]!));
    const rows = new Map<number, MeetingWeekRow>();
    for (const { meeting, slots } of scheduled) {
      const held = logged.get(meeting.id);
      let missed = 0;
      for (const x of slots) if (x.date < o.today && !held?.has(x.occursOn)) missed++;
      rows.set(meeting.id, { meetingId: meeting.id, title: meeting.title, kind: meeting.kind, scheduled: slots.length, held: 0, missed, present: 0, late: 0, absent: 0, excused: 0, ratePct: null });
    }
    // Minutes count for a series scheduled in the window: one outside the scope, ended, or not due this week is not this week's.
    for (const l of logs) {
      const r = rows.get(l.meetingId);
      if (!r) continue;
      r.held++;
      for (const s of ATTENDANCE_STATUSES) r[s] += l[s];
    }
    const meetings = [...rows.values()].map((r) => ({ ...r, ...tally(r) })).sort(byAttention);
    const sum = (k: 'scheduled' | 'held' | 'missed' | 'present' | 'late' | 'absent' | 'excused') => meetings.reduce((a, r) => a + r[k], 0);
    // Absences: of the member, or of the department's (active) members, or everyone's; counted, the first `limit` listed.
    const memberId = f.member === undefined ? undefined : await resolveMemberId(q, f.member);
    const departmentId = f.dept === undefined ? undefined : await resolveDepartmentId(q, f.dept);
    const absent = await absencesBetween(q, f.from, f.to, { ...(memberId !== undefined && { memberId }), ...(departmentId !== undefined && { departmentId }) }, f.limit);
    const totals = { scheduled: sum('scheduled'), held: sum('held'), missed: sum('missed'), ...tally({ present: sum('present'), late: sum('late'), absent: sum('absent'), excused: sum('excused') }), absentMembers: absent.total };
    return { from: f.from, to: f.to, total: meetings.length, meetings: f.limit === undefined ? meetings : meetings.slice(0, f.limit), totals, absences: absent.items, scheduledLater };
  });
}

export interface ActionDigest {
  /** Open items: how many, and the first `limit` by due date (so the overdue first), then id; those without a date last. */
  open: Listed<ActionItem>;
  /** Open items due before today: how many, and the first `limit`, the longest overdue first. */
  overdue: Listed<ActionItem>;
  /** Open items due in `f.due` (none asked: 0), the earliest first. */
  due: Listed<ActionItem>;
}

/**
 * The open action items of one owner, of a department's (active) members, or
 * everyone's: counted by the database, each list its first `limit` rows in
 * index order (all when undefined). `open: false` leaves the open list out
 * (reminders show the overdue and the due ones only).
 */
export async function getActionDigest(o: ServiceOptions, f: { owner?: string; dept?: string; due?: { from: string; to: string }; limit?: number; open?: boolean }): Promise<ActionDigest> {
  return o.db.snapshot(async (q) => {
    const scope: ActionScope = {};
    if (f.owner !== undefined) scope.ownerId = await resolveMemberId(q, f.owner);
    if (f.dept !== undefined) scope.departmentId = await resolveDepartmentId(q, f.dept);
    const { limit } = f;
    const counts = await countOpenActions(q, scope, o.today, f.due);
    const list = async (n: number, read: () => Promise<ActionItem[]>): Promise<Listed<ActionItem>> => ({ total: n, items: n === 0 || limit === 0 ? [] : await read() });
    const overdue = await list(counts.overdue, () => openActionsDue(q, scope, { before: o.today }, limit));
    const range = f.due;
    const due = range === undefined ? { total: 0, items: [] } : await list(counts.due, () => openActionsDue(q, scope, range, limit));
    let open: Listed<ActionItem> = { total: counts.open, items: [] };
    if (f.open !== false && counts.open > 0) {
      // The dated ones in due order (the overdue first), then the undated ones by id: each in its index's order.
      const dated = counts.overdue >= (limit ?? Infinity) ? overdue.items : await openActionsDue(q, scope, {}, limit);
      const rest = limit === undefined ? undefined : limit - dated.length;
      open = { total: counts.open, items: rest === 0 || dated.length === counts.open ? dated : [...dated, ...(await openActionsUndated(q, scope, rest))] };
    }
    return { open, overdue, due };
  });
}
