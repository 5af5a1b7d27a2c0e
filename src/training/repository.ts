/** The course catalog: courses with their roles, assessment kinds and prerequisites. */
import type { Patch } from '../db/schema.js';
import { insertRow, toColumns, updateRow, type Queryable, type SqlValue } from '../db/sql.js';
import { ASSESSMENT_KINDS, type AssessmentKind, type Course, type CourseFormat } from './rules/training.js';

interface CourseHead extends Omit<Course, 'onboarding' | 'roles' | 'roleIds' | 'assessments' | 'prerequisites' | 'prerequisiteIds'> {
  onboarding: number;
}

const SELECT = `select c.id, c.title, c.preset_key as "presetKey", c.topic, c.format, c.hours, c.trainer_id as "trainerId", m.handle as trainer, c.provider,
    c.onboarding, c.pass_mark as "passMark", c.refresh_months as "refreshMonths", c.description, c.retired_at as "retiredAt", c.created_at as "createdAt", c.updated_at as "updatedAt"
  from training_courses c left join members m on m.id = c.trainer_id`;

export interface CourseFilter {
  roleId?: number;
  ids?: readonly number[];
  includeRetired?: boolean;
  onboarding?: boolean;
}

/** Courses in catalog order (the order they were added: the preset's is its curriculum's) with their roles, kinds and prerequisites: four queries whatever the count. */
export async function listCourses(q: Queryable, f: CourseFilter = {}): Promise<Course[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (!f.includeRetired) where.push('c.retired_at is null');
  if (f.onboarding) where.push('c.onboarding = 1');
  if (f.roleId !== undefined) {
    where.push('c.id in (select course_id from training_course_roles where role_id = ?)');
    params.push(f.roleId);
  }
  if (f.ids !== undefined) {
    if (f.ids.length === 0) return [];
    where.push(`c.id in (${f.ids.map(() => '?').join(', ')})`);
    params.push(...f.ids);
  }
  const heads = await q.all<CourseHead>(`${SELECT}${where.length ? ` where ${where.join(' and ')}` : ''} order by c.id`, params);
  return withParts(q, heads);
}

export async function findCourse(q: Queryable, id: number): Promise<Course | undefined> {
  const [c] = await listCourses(q, { ids: [id], includeRetired: true });
  return c;
}

async function withParts(q: Queryable, heads: CourseHead[]): Promise<Course[]> {
  if (heads.length === 0) return [];
  // The whole catalog's links in three queries: a catalog is tens of courses, never a growing table.
  const roles = await q.all<{ courseId: number; roleId: number; name: string }>('select r.course_id as "courseId", r.role_id as "roleId", o.name from training_course_roles r join roles o on o.id = r.role_id order by o.id');
  const kinds = await q.all<{ courseId: number; kind: AssessmentKind }>('select course_id as "courseId", kind from training_course_assessments');
  const prereqs = await q.all<{ courseId: number; requiresId: number; title: string }>('select p.course_id as "courseId", p.requires_id as "requiresId", c.title from training_prerequisites p join training_courses c on c.id = p.requires_id order by c.title');
  const byCourse = new Map<number, Course>();
  const out = heads.map((h) => {
    const c: Course = { ...h, format: h.format as CourseFormat, onboarding: h.onboarding === 1, roles: [], roleIds: [], assessments: [], prerequisites: [], prerequisiteIds: [] };
    byCourse.set(c.id, c);
    return c;
  });
  for (const r of roles) {
    const c = byCourse.get(r.courseId);
    if (!c) continue;
    c.roles.push(r.name);
    c.roleIds.push(r.roleId);
  }
  for (const k of kinds) byCourse.get(k.courseId)?.assessments.push(k.kind);
  for (const c of out) c.assessments.sort((a, b) => ASSESSMENT_KINDS.indexOf(a) - ASSESSMENT_KINDS.indexOf(b));
  for (const p of prereqs) {
    const c = byCourse.get(p.courseId);
    if (!c) continue;
    c.prerequisites.push(p.title);
    c.prerequisiteIds.push(p.requiresId);
  }
  return out;
}

/** Every course's title and preset key, retired ones too, for name matching. */
export function listCourseRefs(q: Queryable): Promise<{ id: number; title: string; presetKey: string | null; retiredAt: string | null }[]> {
  return q.all('select id, title, preset_key as "presetKey", retired_at as "retiredAt" from training_courses order by id');
}

export async function findCourseIdByName(q: Queryable, title: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from training_courses where title = ? or preset_key = ?', [title, title]))?.id;
}

/** Whether a course has this id. */
export async function courseIdExists(q: Queryable, id: number): Promise<boolean> {
  return (await q.get('select 1 as one from training_courses where id = ?', [id])) !== undefined;
}

/** The course with this title (any case), if any: a title is unique. */
export async function findCourseByTitle(q: Queryable, title: string): Promise<{ id: number; title: string } | undefined> {
  return q.get('select id, title from training_courses where title = ?', [title]);
}

/** Every prerequisite link, course → the courses it requires. */
export async function prerequisiteEdges(q: Queryable): Promise<Map<number, number[]>> {
  const rows = await q.all<{ courseId: number; requiresId: number }>('select course_id as "courseId", requires_id as "requiresId" from training_prerequisites');
  const edges = new Map<number, number[]>();
  for (const r of rows) edges.set(r.courseId, [...(edges.get(r.courseId) ?? []), r.requiresId]);
  return edges;
}

export interface CourseRow {
  title: string;
  presetKey: string | null;
  topic: string | null;
  format: CourseFormat;
  hours: number;
  trainerId: number | null;
  provider: string | null;
  onboarding: boolean;
  passMark: number;
  refreshMonths: number | null;
  description: string | null;
}

export function insertCourse(tx: Queryable, c: CourseRow, now: string): Promise<number> {
  return insertRow(tx, 'training_courses', {
    title: c.title,
    preset_key: c.presetKey,
    topic: c.topic,
    format: c.format,
    hours: c.hours,
    trainer_id: c.trainerId,
    provider: c.provider,
    onboarding: c.onboarding ? 1 : 0,
    pass_mark: c.passMark,
    refresh_months: c.refreshMonths,
    description: c.description,
    retired_at: null,
    created_at: now,
    updated_at: now,
  });
}

export type CoursePatch = Partial<Omit<CourseRow, 'presetKey' | 'onboarding'>> & { onboarding?: boolean; retiredAt?: string | null };

export async function updateCourse(tx: Queryable, id: number, patch: CoursePatch, now: string): Promise<void> {
  const { onboarding, ...rest } = patch;
  const cols = toColumns(rest, { title: 'title', topic: 'topic', format: 'format', hours: 'hours', trainerId: 'trainer_id', provider: 'provider', passMark: 'pass_mark', refreshMonths: 'refresh_months', description: 'description', retiredAt: 'retired_at' }) as Patch<'training_courses'>;
  await updateRow(tx, 'training_courses', id, { ...cols, ...(onboarding !== undefined && { onboarding: onboarding ? 1 : 0 }), updated_at: now });
}

/** Replaces a course's roles, kinds or prerequisites (each given one). */
export async function setCourseParts(tx: Queryable, id: number, parts: { roleIds?: readonly number[]; assessments?: readonly AssessmentKind[]; prerequisiteIds?: readonly number[] }): Promise<void> {
  if (parts.roleIds) {
    await tx.run('delete from training_course_roles where course_id = ?', [id]);
    for (const r of new Set(parts.roleIds)) await tx.run('insert into training_course_roles (course_id, role_id) values (?, ?)', [id, r]);
  }
  if (parts.assessments) {
    await tx.run('delete from training_course_assessments where course_id = ?', [id]);
    for (const k of new Set(parts.assessments)) await tx.run('insert into training_course_assessments (course_id, kind) values (?, ?)', [id, k]);
  }
  if (parts.prerequisiteIds) {
    await tx.run('delete from training_prerequisites where course_id = ?', [id]);
    for (const p of new Set(parts.prerequisiteIds)) await tx.run('insert into training_prerequisites (course_id, requires_id) values (?, ?)', [id, p]);
  }
}
