/**
 * What reports and reminders read of training for a window: rounds passed
 * in it, rounds due in it, rounds overdue, and the classes held in it or
 * coming next. Each through its own index (due, passed, held dates).
 */
import { resolveDepartmentId, resolveMemberId } from '../org/public.js';
import { addDays } from '../shared/dates.js';
import type { Listed, ServiceOptions } from '../shared/service.js';
import { roundsDue, roundsPassed, type DigestScope } from './digest.repository.js';
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
  /** Rounds passed within the window. */
  passed: Listed<TrainingRound>;
  /** Open rounds due within the window (from today on). */
  due: Listed<TrainingRound>;
  /** Open rounds due before today, the longest overdue first. */
  overdue: Listed<TrainingRound>;
  /** Classes within the window. */
  sessions: Session[];
}

const round = (i: PlanItem, date: string): TrainingRound => ({ member: i.member, memberName: i.memberName, course: i.course, source: i.source, status: i.status, date });

/**
 * Training in [from, to] for everyone, a department or one member; each list
 * counted, and cut at `limit`. `only: 'due'`: the rounds due and the classes
 * (a window ahead); `only: 'open'`: the rounds due and overdue and the
 * classes, not the passed (reminders).
 */
export async function getTrainingDigest(o: ServiceOptions, f: { from: string; to: string; member?: string; dept?: string; limit?: number; only?: 'due' | 'open' }): Promise<TrainingDigest> {
  return o.db.snapshot(async (q) => {
    const scope: DigestScope = {};
    if (f.member !== undefined) scope.memberId = await resolveMemberId(q, f.member);
    if (f.dept !== undefined) scope.departmentId = await resolveDepartmentId(q, f.dept);
    const listed = (r: { total: number; items: PlanItem[] }, date: (i: PlanItem) => string) => ({ total: r.total, items: r.items.map((i) => round(i, date(i))) });
    const none = { total: 0, items: [] };
    // `only: 'due'`: a window ahead (next week), where nothing has passed and the overdue are today's anyway.
    const passed = f.only !== undefined ? none : listed(await roundsPassed(q, scope, f.from, f.to, f.limit), (i) => i.passedOn!);
    const dueFrom = f.from < o.today ? o.today : f.from;
    const due = listed(await roundsDue(q, scope, { from: dueFrom, before: addDays(f.to, 1) }, f.limit), (i) => i.due);
    const overdue = f.only === 'due' ? none : listed(await roundsDue(q, scope, { before: o.today }, f.limit), (i) => i.due);
    const sessions = await listSessions(q, { from: f.from, to: f.to, ...(scope.memberId !== undefined && { memberId: scope.memberId }) });
    return { passed, due, overdue, sessions };
  });
}
