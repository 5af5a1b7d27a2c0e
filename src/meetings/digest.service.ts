/**
 * What the weekly report reads of the meetings: per series, the occurrences
 * scheduled in a window against the minutes held, with attendance; and who
 * was absent. Bounded by the series and the window, never by the history.
 */
import { attendanceByMeeting, attendanceCounts, logsBetween } from './minutes.repository.js';
import type { MeetingKind } from './rules/meeting.js';
import { tally, type AttendanceTally } from './rules/minutes.js';
import { getUpcoming } from './views.service.js';
import { getDepartmentMembers, resolveDepartmentId, resolveMemberId } from '../org/public.js';
import { toDay } from '../shared/dates.js';
import { compareText } from '../shared/order.js';
import type { ServiceOptions } from '../shared/service.js';

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
  meetings: MeetingWeekRow[];
  totals: { scheduled: number; held: number; missed: number } & AttendanceTally;
  /** Members absent from at least one meeting in the window, most absences first. */
  absences: { handle: string; name: string; absent: number }[];
}

/** Scheduled against held for [from, to], per series that has either, in the scope of a member or department. */
export async function getMeetingDigest(o: ServiceOptions, f: { from: string; to: string; member?: string; dept?: string }): Promise<MeetingDigest> {
  return o.db.snapshot(async (q) => {
    const days = toDay(f.to) - toDay(f.from) + 1;
    const occurrences = await getUpcoming(o, { from: f.from, days, ...(f.member !== undefined && { member: f.member }), ...(f.dept !== undefined && { dept: f.dept }) });
    const rows = new Map<number, MeetingWeekRow>();
    const row = (meetingId: number, title: string, kind: MeetingKind) => {
      let r = rows.get(meetingId);
      if (!r) rows.set(meetingId, (r = { meetingId, title, kind, scheduled: 0, held: 0, missed: 0, present: 0, late: 0, absent: 0, excused: 0, ratePct: null }));
      return r;
    };
    const logs = await logsBetween(q, f.from, f.to);
    const logged = new Set(logs.map((l) => `${l.meetingId}|${l.occursOn}`));
    for (const x of occurrences) {
      const r = row(x.meetingId, x.title, x.kind);
      r.scheduled++;
      if (x.date < o.today && !logged.has(`${x.meetingId}|${x.occursOn}`)) r.missed++;
    }
    // Minutes of a series outside the scope (or ended) are not this scope's meetings.
    const filtered = f.member !== undefined || f.dept !== undefined;
    for (const l of logs) {
      const r = rows.get(l.meetingId);
      if (r) r.held++;
      else if (!filtered) {
        const first = occurrences.find((x) => x.meetingId === l.meetingId);
        if (first) row(l.meetingId, first.title, first.kind).held++;
      }
    }
    for (const c of await attendanceByMeeting(q, f.from, f.to)) {
      const r = rows.get(c.meetingId);
      if (r) r[c.status] += Number(c.n);
    }
    const meetings = [...rows.values()].map((r) => ({ ...r, ...tally(r) }));
    const sum = (k: 'scheduled' | 'held' | 'missed' | 'present' | 'late' | 'absent' | 'excused') => meetings.reduce((a, r) => a + r[k], 0);
    const totals = { scheduled: sum('scheduled'), held: sum('held'), missed: sum('missed'), ...tally({ present: sum('present'), late: sum('late'), absent: sum('absent'), excused: sum('excused') }) };
    // Absences: of the member, or of the department's members, or everyone's.
    const memberId = f.member === undefined ? undefined : await resolveMemberId(q, f.member);
    const deptIds = f.dept === undefined ? undefined : new Set((await getDepartmentMembers(q, await resolveDepartmentId(q, f.dept))).map((m) => m.id));
    const absent = new Map<number, { handle: string; name: string; absent: number }>();
    for (const c of await attendanceCounts(q, f.from, f.to, memberId)) {
      if (c.status !== 'absent' || (deptIds && !deptIds.has(c.memberId))) continue;
      absent.set(c.memberId, { handle: c.handle, name: c.name, absent: Number(c.n) });
    }
    const absences = [...absent.values()].sort((a, b) => b.absent - a.absent || compareText(a.handle, b.handle));
    return { from: f.from, to: f.to, meetings, totals, absences };
  });
}
