/** The course catalog: add, edit, retire (history kept), list and show. */
import type { Queryable } from '../db/sql.js';
import { resolveRoleId } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import { mapSeq, stamp, type ServiceOptions } from '../shared/service.js';
import { untouchedRefreshers, updateItem } from './plans.repository.js';
import { requireActiveMember, resettleCourse } from './plans.service.js';
import { findCourse, findCourseByTitle, insertCourse, listCourses, prerequisiteEdges, setCourseParts, updateCourse, type CoursePatch } from './repository.js';
import { resolveCourseId } from './resolve.js';
import { prerequisiteCycle, refreshDue, type AssessmentKind, type Course, type CourseFormat } from './rules/training.js';

/** A course as a command gives it; names still to be resolved. Undefined: not given (on edit, unchanged). */
export interface CourseInput {
  title?: string;
  topic?: string | null;
  format?: CourseFormat;
  hours?: number;
  trainer?: string | null;
  provider?: string | null;
  roles?: readonly string[];
  onboarding?: boolean;
  passMark?: number;
  assessments?: readonly AssessmentKind[];
  refreshMonths?: number | null;
  prerequisites?: readonly string[];
  description?: string | null;
}

export const COURSE_DEFAULTS = { format: 'internal', hours: 1, passMark: 60 } as const;

async function resolveParts(tx: Queryable, id: number | undefined, input: CourseInput) {
  const roleIds = input.roles && (await mapSeq(input.roles, (r) => resolveRoleId(tx, r)));
  const prerequisiteIds = input.prerequisites && (await mapSeq(input.prerequisites, (p) => resolveCourseId(tx, p)));
  if (prerequisiteIds && id !== undefined) {
    if (prerequisiteIds.includes(id)) throw new InputError('training.err.selfPrerequisite', {});
    const loop = prerequisiteCycle(id, prerequisiteIds, await prerequisiteEdges(tx));
    if (loop !== undefined) throw new InputError('training.err.prerequisiteLoop', { course: (await findCourse(tx, loop))!.title });
  }
  for (const p of prerequisiteIds ?? []) {
    const c = (await findCourse(tx, p))!;
    if (c.retiredAt) throw new InputError('training.err.prerequisiteRetired', { course: c.title });
  }
  const trainerId = input.trainer === undefined ? undefined : input.trainer === null ? null : (await requireActiveMember(tx, input.trainer)).id;
  return { roleIds, prerequisiteIds, trainerId };
}

async function requireFreeTitle(tx: Queryable, title: string, self?: number): Promise<void> {
  const same = await findCourseByTitle(tx, title);
  if (same && same.id !== self) throw new InputError('training.err.titleTaken', { title: same.title });
}

/** Whether a new course may have this title (the add wizard asks again at once). */
export async function checkCourseTitle(o: ServiceOptions, title: string): Promise<void> {
  if (title === '') throw new InputError('training.err.needTitle', {});
  await requireFreeTitle(o.db, title);
}

/** Whether every role named exists (the wizard checks the answer as it is given). */
export async function checkRoles(o: ServiceOptions, roles: readonly string[]): Promise<void> {
  for (const r of roles) await resolveRoleId(o.db, r);
}

/** Whether every course named exists (a prompt checks the answer as it is given). */
export async function checkCourses(o: ServiceOptions, courses: readonly string[]): Promise<void> {
  if (courses.length === 0) throw new InputError('training.err.planCourses', {});
  for (const c of courses) await resolveCourseId(o.db, c);
}

export async function addCourse(o: ServiceOptions, input: CourseInput & { title: string }, presetKey: string | null = null): Promise<Course> {
  return o.db.transaction(async (tx) => {
    await requireFreeTitle(tx, input.title);
    const { roleIds, prerequisiteIds, trainerId } = await resolveParts(tx, undefined, input);
    const id = await insertCourse(
      tx,
      {
        title: input.title,
        presetKey,
        topic: input.topic ?? null,
        format: input.format ?? COURSE_DEFAULTS.format,
        hours: input.hours ?? COURSE_DEFAULTS.hours,
        trainerId: trainerId ?? null,
        provider: input.provider ?? null,
        onboarding: input.onboarding ?? false,
        passMark: input.passMark ?? COURSE_DEFAULTS.passMark,
        refreshMonths: input.refreshMonths ?? null,
        description: input.description ?? null,
      },
      stamp(o.now),
    );
    await setCourseParts(tx, id, { roleIds: roleIds ?? [], assessments: input.assessments ?? [], prerequisiteIds: prerequisiteIds ?? [] });
    return (await findCourse(tx, id))!;
  });
}

export function getCourses(o: ServiceOptions, f: { role?: string; all?: boolean }): Promise<Course[]> {
  return o.db.snapshot(async (q) => listCourses(q, { includeRetired: Boolean(f.all), ...(f.role !== undefined && { roleId: await resolveRoleId(q, f.role) }) }));
}

export async function showCourse(o: ServiceOptions, ref: string): Promise<Course> {
  return o.db.snapshot(async (q) => (await findCourse(q, await resolveCourseId(q, ref)))!);
}

/**
 * Changes a course. Rounds already passed stay passed; open ones are judged
 * again by a new pass mark or set of kinds; a new refresh interval moves the
 * refresher rounds nobody has begun ("none" drops them), and a course that
 * becomes repeated gives those who passed it their refresher.
 */
export async function editCourse(o: ServiceOptions, ref: string, input: CourseInput): Promise<Course> {
  if (Object.values(input).every((v) => v === undefined)) throw new InputError('err.nothingToChange');
  return o.db.transaction(async (tx) => {
    const id = await resolveCourseId(tx, ref);
    const before = (await findCourse(tx, id))!;
    if (input.title !== undefined) await requireFreeTitle(tx, input.title, id);
    const { roleIds, prerequisiteIds, trainerId } = await resolveParts(tx, id, input);
    const now = stamp(o.now);
    const patch: CoursePatch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.topic !== undefined && { topic: input.topic }),
      ...(input.format !== undefined && { format: input.format }),
      ...(input.hours !== undefined && { hours: input.hours }),
      ...(trainerId !== undefined && { trainerId }),
      ...(input.provider !== undefined && { provider: input.provider }),
      ...(input.onboarding !== undefined && { onboarding: input.onboarding }),
      ...(input.passMark !== undefined && { passMark: input.passMark }),
      ...(input.refreshMonths !== undefined && { refreshMonths: input.refreshMonths }),
      ...(input.description !== undefined && { description: input.description }),
    };
    await updateCourse(tx, id, patch, now);
    await setCourseParts(tx, id, { ...(roleIds && { roleIds }), ...(input.assessments && { assessments: input.assessments }), ...(prerequisiteIds && { prerequisiteIds }) });
    if (input.refreshMonths !== undefined && input.refreshMonths !== before.refreshMonths) {
      for (const r of await untouchedRefreshers(tx, id)) {
        await updateItem(tx, r.id, input.refreshMonths === null ? { droppedOn: o.today, dropReason: 'no-refresh' } : { dueOn: refreshDue(r.passedOn, input.refreshMonths) }, now);
      }
    }
    const after = (await findCourse(tx, id))!;
    const judged = after.passMark !== before.passMark || after.assessments.join() !== before.assessments.join();
    const repeated = before.refreshMonths === null && after.refreshMonths !== null;
    if (judged || repeated) await resettleCourse(tx, o, after, { judged, repeated });
    return (await findCourse(tx, id))!;
  });
}

/** Retires a course: it leaves the catalog's lists and takes no new plans or sessions; its history stays, and its refreshers nobody has begun are dropped. */
export async function retireCourse(o: ServiceOptions, ref: string): Promise<Course> {
  return o.db.transaction(async (tx) => {
    const id = await resolveCourseId(tx, ref);
    const c = (await findCourse(tx, id))!;
    if (c.retiredAt) throw new InputError('training.err.alreadyRetired', { course: c.title });
    const now = stamp(o.now);
    await updateCourse(tx, id, { retiredAt: now }, now);
    for (const r of await untouchedRefreshers(tx, id)) await updateItem(tx, r.id, { droppedOn: o.today, dropReason: 'retired' }, now);
    return (await findCourse(tx, id))!;
  });
}
