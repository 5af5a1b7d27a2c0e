/**
 * The demo's training, relative to today: the newcomer's onboarding under
 * way (a course passed, one failed with a retake due), assigned courses with
 * their prerequisites, passed courses whose refreshers fall due (one
 * overdue), a class held last week with its attendance and one this week.
 */
import { addSession, assessMember, attendSession, completeCourse, planCourses } from '../training/public.js';
import { addDays, toDay, weekdayOf } from '../shared/dates.js';
import type { ServiceOptions } from '../shared/service.js';

/** The newcomer joined this many days ago: onboarding (30 days) is under way. */
export const DEMO_NEWCOMER_DAYS = 18;

/** A weekday of this week, today or later: two days on, or Friday, whichever comes first (today at the weekend). */
function laterThisWeek(today: string): string {
  const wd = weekdayOf(toDay(today));
  return wd >= 5 ? today : addDays(today, Math.min(2, 4 - wd));
}

export async function buildDemoTraining(o: ServiceOptions): Promise<void> {
  const go = { ...o, actor: 'demo' };
  const ago = (n: number) => addDays(o.today, -n);
  // The newcomer (he.tao, customer-service assistant): onboarding planned on hire.
  await completeCourse(go, 'he.tao', 'company-culture', ago(15));
  await assessMember(go, { member: 'he.tao', course: 'product-knowledge', kind: 'theory', score: 85, assessor: 'zhou.yang', date: ago(10) });
  await assessMember(go, { member: 'he.tao', course: 'cs-basics', kind: 'theory', score: 72, assessor: 'zhou.yang', note: 'FAQ', date: ago(6) });
  // Passed a quarter and more ago: the refresher is overdue.
  await assessMember(go, { member: 'xu.lin', course: 'platform-rules', kind: 'theory', score: 94, date: ago(100) });
  await assessMember(go, { member: 'wu.xue', course: 'platform-rules', kind: 'theory', score: 91, date: ago(80) });
  // Emotion management passed, conflict resolution (which needs it) failed in the role-play: a retake is due.
  await assessMember(go, { member: 'wu.xue', course: 'emotion-management', kind: 'simulation', score: 88, assessor: 'zhou.yang', date: ago(40) });
  await assessMember(go, { member: 'wu.xue', course: 'conflict-resolution', kind: 'simulation', score: 58, assessor: 'zhou.yang', date: ago(12) });
  await assessMember(go, { member: 'zheng.hao', course: 'emotion-management', kind: 'simulation', score: 76, assessor: 'zhou.yang', date: ago(40) });
  // Sales skills for the live host, with the product knowledge it needs first.
  await planCourses(go, { member: 'sun.li', courses: ['sales-skills'], due: addDays(o.today, 20) });
  await planCourses(go, { member: 'li.qiang', courses: ['data-tools', 'ecommerce-law'], due: addDays(o.today, 12) });
  // A class held last week (everyone who had it planned was there but one), one this week.
  await planCourses(go, { member: 'zheng.hao', courses: ['inquiry-process'], due: addDays(o.today, 5) });
  await assessMember(go, { member: 'zheng.hao', course: 'cs-basics', kind: 'theory', score: 90, date: ago(30) });
  await assessMember(go, { member: 'zheng.hao', course: 'cs-basics', kind: 'simulation', score: 84, date: ago(30) });
  const held = await addSession(go, { course: 'platform-rules', date: ago(6), time: '14:00', durationMin: 60, trainer: 'zhou.yang', place: '3F', attendees: ['xu.lin', 'zheng.hao', 'he.tao'] });
  await attendSession(go, String(held.id), { absent: ['he.tao'] });
  await addSession(go, { course: 'conflict-resolution', date: laterThisWeek(o.today), time: '15:00', durationMin: 90, trainer: 'zhou.yang', place: '3F', attendees: ['wu.xue', 'zheng.hao'] });
}
