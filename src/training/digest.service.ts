/**
 * What reports and reminders read of training for a window: rounds passed
 * in it, rounds due in it, rounds overdue, and the classes held in it or
 * coming next. Each through its own index (due, passed, held dates).
 */
import { resolveDepartmentId, resolveMemberId } from '../org/public.js';
import { addDays } from '../shared/dates.js';
import type { ServiceOptions } from '../shared/service.js';
import { listItems, type ItemFilter, type MemberScope } from './plans.repository.js';
import type { PlanItem, Session } from './rules/training.js';
import { listSessions } from './sessions.repository.js';

export interface TrainingRound {
  member: string;
  memberName: string;
  course: string;
  source: PlanItem['source'];
  status: PlanItem['status'];
  /** Due (after any retake), or passed on for a pass. */
  date: string;
}

export interface TrainingDigest {
  passed: TrainingRound[];
  /** Open rounds due within the window. */
  due: TrainingRound[];
  /** Open rounds due before today: how many, and the longest overdue first. */
  overdue: { total: number; rounds: TrainingRound[] };
  /** Classes within the window, and those of the `nextDays` after it. */
  sessions: Session[];
  nextSessions: Session[];
}

const round = (i: PlanItem, date: string): TrainingRound => ({ member: i.member, memberName: i.memberName, course: i.course, source: i.source, status: i.status, date });

/** Training in [from, to] for everyone, a department or one member. */
export async function getTrainingDigest(o: ServiceOptions, f: { from: string; to: string; member?: string; dept?: string; nextDays?: number; limit?: number }): Promise<TrainingDigest> {
  return o.db.snapshot(async (q) => {
    const scope: MemberScope = {};
    if (f.member !== undefined) scope.memberId = await resolveMemberId(q, f.member);
    if (f.dept !== undefined) scope.departmentId = await resolveDepartmentId(q, f.dept);
    const items = (x: ItemFilter) => listItems(q, { ...scope, ...x });
    const byDate = (a: TrainingRound, b: TrainingRound) => a.date.localeCompare(b.date) || a.member.localeCompare(b.member) || a.course.localeCompare(b.course);
    const passed = (await items({ passedFrom: f.from, passedTo: f.to })).map((i) => round(i, i.passedOn!)).sort(byDate);
    const due = (await items({ dueFrom: f.from < o.today ? o.today : f.from, dueBefore: addDays(f.to, 1) })).map((i) => round(i, i.due)).sort(byDate);
    const overdueAll = (await items({ dueBefore: o.today })).map((i) => round(i, i.due)).sort(byDate);
    const sessionsIn = async (from: string, to: string) => listSessions(q, { from, to, ...(scope.memberId !== undefined && { memberId: scope.memberId }) });
    const nextDays = f.nextDays ?? 7;
    return {
      passed,
      due,
      overdue: { total: overdueAll.length, rounds: f.limit === undefined ? overdueAll : overdueAll.slice(0, f.limit) },
      sessions: await sessionsIn(f.from, f.to),
      nextSessions: nextDays > 0 ? await sessionsIn(addDays(f.to, 1), addDays(f.to, nextDays)) : [],
    };
  });
}
