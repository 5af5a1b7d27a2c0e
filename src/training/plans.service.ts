/**
 * Plans and what members do with them: planning courses (for a member or a
 * role's holders), onboarding on hire, completion, assessments with retakes,
 * and the refresher round a pass opens. Each command is one transaction.
 */
import type { HookContext, Notice } from '../db/hooks.js';
import type { Queryable } from '../db/sql.js';
import { getActiveMembers, getMemberById, resolveMemberId, resolveRoleId, type Member } from '../org/public.js';
import { addDays } from '../shared/dates.js';
import { InputError, label } from '../shared/errors.js';
import { KIND_LABEL } from './labels.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { findItem, findOpenItem, insertAssessment, insertItem, listAssessments, listItems, markOpenAttempts, passedCourseIds, roundKeys, updateItem, type ItemPatch } from './plans.repository.js';
import { findCourse, listCourses } from './repository.js';
import { resolveCourseId } from './resolve.js';
import { retakeDue, roundResult, refreshDue, type Assessment, type AssessmentKind, type Course, type PlanItem, type PlanSource, type RoundResult } from './rules/training.js';
import { readSettings } from './settings.service.js';

/** A member who may take part: not archived. */
export async function requireActiveMember(q: Queryable, ref: string | number): Promise<Member> {
  const id = typeof ref === 'number' ? ref : await resolveMemberId(q, ref);
  const m = (await getMemberById(q, id))!;
  if (m.archived) throw new InputError('training.err.memberArchived', { handle: m.handle });
  return m;
}

/** Whether the member may take part (known, not archived): a prompt asks nothing before this holds. */
export async function checkMember(o: ServiceOptions, ref: string): Promise<void> {
  await requireActiveMember(o.db, ref);
}

async function courseOf(q: Queryable, ref: string): Promise<Course> {
  return (await findCourse(q, await resolveCourseId(q, ref)))!;
}

function requireNotRetired(c: Course): void {
  if (c.retiredAt) throw new InputError('training.err.courseRetired', { course: c.title });
}

function requireNotFuture(date: string, today: string): void {
  if (date > today) throw new InputError('training.err.futureDate', { date, today });
}

/** The course's prerequisites the member has not passed, by title. */
/** The course's prerequisites the member has not passed, by title; a retired one no longer holds anyone back (it can no longer be passed). */
async function missingPrerequisites(q: Queryable, memberId: number, c: Course): Promise<string[]> {
  if (c.prerequisiteIds.length === 0) return [];
  const passed = await passedCourseIds(q, memberId);
  const retired = new Set((await listCourses(q, { includeRetired: true, ids: c.prerequisiteIds })).filter((p) => p.retiredAt).map((p) => p.id));
  return c.prerequisites.filter((_, i) => !passed.has(c.prerequisiteIds[i]!) && !retired.has(c.prerequisiteIds[i]!));
}

async function requirePrerequisites(q: Queryable, m: Member, c: Course): Promise<void> {
  const missing = await missingPrerequisites(q, m.id, c);
  if (missing.length > 0) throw new InputError('training.err.prerequisite', { handle: m.handle, course: c.title, missing });
}

export interface Skipped {
  member: string;
  course: string;
  reason: 'open' | 'passed';
}

export interface PlanResult {
  planned: PlanItem[];
  skipped: Skipped[];
  due: string;
}

/**
 * Puts courses in members' plans, each due on `due`, with the prerequisites
 * they have not passed or planned (due the same day). A course already open
 * for a member, or passed and not repeated, is skipped and said so.
 */
async function planFor(tx: Queryable, members: readonly Member[], courses: readonly Course[], due: string, source: PlanSource, actor: string, now: string): Promise<{ planned: number[]; skipped: Skipped[] }> {
  const planned: number[] = [];
  const skipped: Skipped[] = [];
  const all = await listCourses(tx, { includeRetired: true });
  const byId = new Map(all.map((c) => [c.id, c]));
  // Everyone's rounds of these courses and their prerequisites, read once (not per member and course).
  const related = new Set<number>();
  const gather = (c: Course) => {
    if (related.has(c.id)) return;
    related.add(c.id);
    for (const p of c.prerequisiteIds) gather(byId.get(p)!);
  };
  for (const c of courses) gather(c);
  const keys = await roundKeys(tx, [...related]);
  for (const m of members) {
    const passed = new Set([...related].filter((id) => keys.passed.has(`${m.id}:${id}`)));
    // Prerequisites first, each course once, in the order asked.
    const wanted: Course[] = [];
    const visit = (c: Course, seen: Set<number>) => {
      if (seen.has(c.id)) return;
      seen.add(c.id);
      for (const p of c.prerequisiteIds) if (!passed.has(p)) visit(byId.get(p)!, seen);
      if (!wanted.includes(c)) wanted.push(c);
    };
    const seen = new Set<number>();
    for (const c of courses) visit(c, seen);
    for (const c of wanted) {
      const asked = courses.includes(c);
      if (keys.open.has(`${m.id}:${c.id}`)) {
        if (asked) skipped.push({ member: m.handle, course: c.title, reason: 'open' });
        continue;
      }
      if (passed.has(c.id) && !c.refreshMonths) {
        if (asked) skipped.push({ member: m.handle, course: c.title, reason: 'passed' });
        continue;
      }
      if (c.retiredAt) continue;
      planned.push(await insertItem(tx, { memberId: m.id, courseId: c.id, source, dueOn: due }, actor, now));
    }
  }
  return { planned, skipped };
}

export interface PlanInput {
  member?: string;
  role?: string;
  courses?: readonly string[];
  due?: string;
}

/** `training plan`: courses for one member, or for everyone holding a role (by default the role's courses). */
export async function planCourses(o: ServiceOptions, input: PlanInput): Promise<PlanResult> {
  if ((input.member === undefined) === (input.role === undefined)) throw new InputError('training.err.planWho', {});
  if (input.due !== undefined && input.due < o.today) throw new InputError('training.err.dueInPast', { due: input.due, today: o.today });
  return o.db.transaction(async (tx) => {
    const settings = await readSettings(tx);
    const due = input.due ?? addDays(o.today, settings.onboardingDays);
    let members: Member[];
    let courses: Course[];
    if (input.member !== undefined) {
      members = [await requireActiveMember(tx, input.member)];
      if (!input.courses?.length) throw new InputError('training.err.planCourses', {});
    } else {
      const roleId = await resolveRoleId(tx, input.role!);
      members = (await getActiveMembers(tx)).filter((m) => m.roleId === roleId);
      if (members.length === 0) throw new InputError('training.err.roleNoMembers', { role: input.role! });
    }
    if (input.courses?.length) {
      courses = [];
      for (const ref of input.courses!) courses.push(await courseOf(tx, ref));
    } else {
      courses = await listCourses(tx, { roleId: members[0]!.roleId! });
      if (courses.length === 0) throw new InputError('training.err.roleNoCourses', { role: input.role! });
    }
    for (const c of courses) requireNotRetired(c);
    const { planned, skipped } = await planFor(tx, members, courses, due, input.member !== undefined ? 'plan' : 'role', o.actor, stamp(o.now));
    // What was written, in one read: its ids come after every earlier round's.
    const written = new Set(planned);
    const items = planned.length === 0 ? [] : (await listItems(tx, { fromId: Math.min(...planned) })).filter((i) => written.has(i.id)).sort((a, b) => a.id - b.id);
    return { planned: items, skipped, due };
  });
}

/**
 * Onboarding (the org feature's memberRole hook, db/hooks.ts): the role's
 * onboarding courses, due the onboarding days after the date the member took
 * the role (on a change of role, those the old role's onboarding did not
 * have). A hire whose onboarding time is already over gets none.
 */
export async function planOnboarding(tx: Queryable, c: HookContext, e: { memberId: number; roleId: number; from: string; hired: boolean; previousRoleId?: number | null }): Promise<Notice[]> {
  let courses = await listCourses(tx, { roleId: e.roleId, onboarding: true });
  // A new role brings only its own onboarding: what the old role's onboarding had (company culture) came with that one.
  if (!e.hired && e.previousRoleId) {
    const had = new Set((await listCourses(tx, { roleId: e.previousRoleId, onboarding: true })).map((x) => x.id));
    courses = courses.filter((x) => !had.has(x.id));
  }
  if (courses.length === 0) return [];
  const m = (await getMemberById(tx, e.memberId))!;
  const settings = await readSettings(tx);
  const due = addDays(e.from, settings.onboardingDays);
  if (due < c.today) return [{ key: 'training.onboarding.over', params: { handle: m.handle, from: e.from, due } }];
  const { planned } = await planFor(tx, [m], courses, due, 'onboarding', c.actor, stamp(c.now));
  if (planned.length === 0) return [];
  return [{ key: 'training.onboarding.planned', params: { handle: m.handle, count: planned.length, due } }];
}

/** The date of the pass an open refresher repeats (undefined for any other round): what is dated on or before it belongs to that pass. */
async function repeatedPass(tx: Queryable, open: PlanItem | undefined): Promise<string | undefined> {
  return open?.refreshOf == null ? undefined : ((await findItem(tx, open.refreshOf))?.passedOn ?? undefined);
}

/** The member's open round of the course, or a new one begun on `date` (due as a plan is). */
async function roundFor(tx: Queryable, o: { actor: string; now: Date }, m: Member, c: Course, date: string, source: PlanSource): Promise<PlanItem> {
  const open = await findOpenItem(tx, m.id, c.id);
  if (open) {
    const before = await repeatedPass(tx, open);
    if (before !== undefined && date <= before) throw new InputError('training.err.beforePass', { handle: m.handle, course: c.title, passed: before, date });
    return open;
  }
  requireNotRetired(c);
  if ((await passedCourseIds(tx, m.id)).has(c.id) && !c.refreshMonths) throw new InputError('training.err.alreadyPassed', { handle: m.handle, course: c.title });
  const settings = await readSettings(tx);
  const id = await insertItem(tx, { memberId: m.id, courseId: c.id, source, dueOn: addDays(date, settings.onboardingDays) }, o.actor, stamp(o.now));
  return (await findItem(tx, id))!;
}

/** Marks a round passed on `date`; a course with a refresh interval opens its next round, due that many months on. */
async function passRound(tx: Queryable, o: { actor: string; now: Date }, item: PlanItem, c: Course, date: string, patch: ItemPatch = {}): Promise<void> {
  const now = stamp(o.now);
  await updateItem(tx, item.id, { startedOn: item.startedOn ?? date, ...patch, passedOn: date, completedOn: item.completedOn ?? date, retakeDueOn: null }, now);
  if (c.refreshMonths && !c.retiredAt) await insertItem(tx, { memberId: item.memberId, courseId: c.id, source: 'refresher', dueOn: refreshDue(date, c.refreshMonths), refreshOf: item.id }, o.actor, now);
}

/**
 * After a course's assessments or pass mark change: its open rounds are
 * judged again by the new rule (a round now met passes on the day it was
 * met; a course now without assessment passes the rounds completed), and,
 * when it has just become repeated, those who passed it get their refresher.
 * Rounds already passed stay passed. A handful of queries for the whole course.
 */
export async function resettleCourse(tx: Queryable, o: { actor: string; now: Date; today: string }, c: Course, became: { judged: boolean; repeated: boolean }): Promise<void> {
  if (became.judged) {
    // Archived members' rounds too: a member restored later finds them judged as everyone's.
    const open = await listItems(tx, { courseId: c.id, open: true, includeArchived: true });
    // The open rounds' attempts are marked by the new mark (the report and the latest scores read the mark); passed rounds keep theirs.
    await markOpenAttempts(tx, c.id, c.passMark);
    const attempts = await listAssessments(tx, { courseId: c.id });
    const { retakeDays } = await readSettings(tx);
    for (const r of open) {
      const mine = attempts.filter((a) => a.planItemId === r.id);
      if (c.assessments.length === 0) {
        if (r.completedOn) await passRound(tx, o, r, c, r.completedOn);
        else if (r.retakeDueOn) await updateItem(tx, r.id, { retakeDueOn: null }, stamp(o.now));
        continue;
      }
      if (mine.length === 0) continue;
      const result = roundResult(c.assessments, c.passMark, mine);
      if (result.passed) await passRound(tx, o, r, c, result.passedOn!);
      else await updateItem(tx, r.id, { retakeDueOn: retakeDue(result, mine, retakeDays) }, stamp(o.now));
    }
  }
  if (became.repeated && c.refreshMonths && !c.retiredAt) {
    // Each member's latest round (archived members too): a pass with nothing open after it gets the refresher it would have had.
    const latest = new Map<number, PlanItem>();
    for (const r of await listItems(tx, { courseId: c.id, includeArchived: true })) latest.set(r.memberId, r);
    for (const r of latest.values()) if (r.passedOn) await insertItem(tx, { memberId: r.memberId, courseId: c.id, source: 'refresher', dueOn: refreshDue(r.passedOn, c.refreshMonths), refreshOf: r.id }, o.actor, stamp(o.now));
  }
}

/**
 * Undoes what a class started for someone now marked absent from it: the
 * round's start, when it came from that class alone (same date, nothing
 * completed or attempted since).
 */
export async function unstartRound(tx: Queryable, o: { now: Date }, memberId: number, c: Course, date: string): Promise<void> {
  const open = await findOpenItem(tx, memberId, c.id);
  if (!open || open.startedOn !== date || open.completedOn) return;
  if ((await listAssessments(tx, { itemIds: [open.id] })).length > 0) return;
  await updateItem(tx, open.id, { startedOn: null }, stamp(o.now));
}

/**
 * Marks a course started (a session attended): the open round, or a new one;
 * nothing for someone who has passed it for good (or when the course is
 * retired and they have no round open): they were there all the same.
 */
export async function startRound(tx: Queryable, o: { actor: string; now: Date }, m: Member, c: Course, date: string): Promise<void> {
  const open = await findOpenItem(tx, m.id, c.id);
  if (!open && (c.retiredAt || (!c.refreshMonths && (await passedCourseIds(tx, m.id)).has(c.id)))) return;
  // A class on or before the pass a refresher repeats belongs to the round that passed: nothing to start.
  const repeated = await repeatedPass(tx, open);
  if (repeated !== undefined && date <= repeated) return;
  const item = await roundFor(tx, o, m, c, date, 'session');
  if (!item.startedOn || item.startedOn > date) await updateItem(tx, item.id, { startedOn: date }, stamp(o.now));
}

/** `training complete`: the course was taken in full on `date`; a course with no assessment passes with it. */
export async function completeCourse(o: ServiceOptions, memberRef: string, courseRef: string, date = o.today): Promise<PlanItem> {
  requireNotFuture(date, o.today);
  return o.db.transaction(async (tx) => {
    const m = await requireActiveMember(tx, memberRef);
    const c = await courseOf(tx, courseRef);
    await requirePrerequisites(tx, m, c);
    const item = await roundFor(tx, o, m, c, date, 'plan');
    if (item.completedOn) throw new InputError('training.err.alreadyCompleted', { handle: m.handle, course: c.title, date: item.completedOn });
    if (c.assessments.length === 0) await passRound(tx, o, item, c, date);
    else await updateItem(tx, item.id, { completedOn: date, startedOn: item.startedOn ?? date }, stamp(o.now));
    return (await findItem(tx, item.id))!;
  });
}

export interface AssessInput {
  member: string;
  course: string;
  kind: AssessmentKind;
  score: number;
  assessor?: string;
  note?: string;
  date?: string;
}

export interface AssessResult {
  assessment: Assessment;
  item: PlanItem;
  result: RoundResult;
  passMark: number;
}

/**
 * `training assess`: one attempt, kept for good. The round passes when every
 * required kind has met the pass mark; an attempt below it on a kind not yet
 * met opens a retake, due the retake days after the latest such attempt.
 */
export async function assessMember(o: ServiceOptions, input: AssessInput): Promise<AssessResult> {
  const date = input.date ?? o.today;
  requireNotFuture(date, o.today);
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > 100) throw new InputError('training.err.score', { value: String(input.score) });
  return o.db.transaction(async (tx) => {
    const m = await requireActiveMember(tx, input.member);
    const c = await courseOf(tx, input.course);
    if (c.assessments.length === 0) throw new InputError('training.err.noAssessments', { course: c.title });
    if (!c.assessments.includes(input.kind)) throw new InputError('training.err.kindNotRequired', { course: c.title, kinds: c.assessments.map((k) => label(KIND_LABEL[k])) });
    await requirePrerequisites(tx, m, c);
    const assessorId = input.assessor === undefined ? null : (await requireActiveMember(tx, input.assessor)).id;
    if (assessorId === m.id) throw new InputError('training.err.selfAssessor', { handle: m.handle });
    const item = await roundFor(tx, o, m, c, date, 'plan');
    const passed = input.score >= c.passMark;
    const id = await insertAssessment(tx, { planItemId: item.id, memberId: m.id, courseId: c.id, kind: input.kind, score: input.score, passed, assessorId, note: input.note?.trim() || null, assessedOn: date }, o.actor, stamp(o.now));
    const attempts = await listAssessments(tx, { itemIds: [item.id] });
    const result = roundResult(c.assessments, c.passMark, attempts);
    // Begun on its first attempt (or class), whichever came first, backdated attempts included.
    const startedOn = [item.startedOn, ...attempts.map((a) => a.assessedOn)].filter((d): d is string => d !== null).sort()[0]!;
    if (result.passed) {
      await passRound(tx, o, item, c, result.passedOn!, { startedOn });
    } else {
      const settings = await readSettings(tx);
      await updateItem(tx, item.id, { startedOn, retakeDueOn: retakeDue(result, attempts, settings.retakeDays) }, stamp(o.now));
    }
    return { assessment: attempts.find((a) => a.id === id)!, item: (await findItem(tx, item.id))!, result, passMark: c.passMark };
  });
}

/** `training drop`: takes an open round out of the plan, saying why (kept on record). */
export async function dropRound(o: ServiceOptions, memberRef: string, courseRef: string, reason: string): Promise<PlanItem> {
  if (reason.trim() === '') throw new InputError('training.err.dropReason', {});
  return o.db.transaction(async (tx) => {
    const id = await resolveMemberId(tx, memberRef);
    const m = (await getMemberById(tx, id))!;
    const c = await courseOf(tx, courseRef);
    const item = await findOpenItem(tx, m.id, c.id);
    if (!item) throw new InputError('training.err.notPlanned', { handle: m.handle, course: c.title });
    await updateItem(tx, item.id, { droppedOn: o.today, dropReason: reason.trim() }, stamp(o.now));
    return (await findItem(tx, item.id))!;
  });
}
