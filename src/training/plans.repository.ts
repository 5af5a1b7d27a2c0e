/** Plan items (one round of a course for a member) and their assessments. */
import type { Patch } from '../db/schema.js';
import { insertRow, toColumns, updateRow, type Queryable, type SqlValue } from '../db/sql.js';
import { dueOf, roundStatus, type Assessment, type AssessmentKind, type PlanItem, type PlanSource, type Round } from './rules/training.js';

export interface ItemRow extends Omit<PlanItem, 'due' | 'status' | 'failed'> {
  failed: number;
}

export const ITEM_SELECT = `select i.id, i.member_id as "memberId", m.handle as member, m.name as "memberName", i.course_id as "courseId", c.title as course, i.source,
    i.due_on as "dueOn", i.started_on as "startedOn", i.completed_on as "completedOn", i.passed_on as "passedOn", i.retake_due_on as "retakeDueOn",
    case when i.retake_due_on is not null and i.passed_on is null then 1 else 0 end as failed,
    i.refresh_of as "refreshOf", i.dropped_on as "droppedOn", i.drop_reason as "dropReason", i.created_at as "createdAt"
  from training_plan_items i join members m on m.id = i.member_id join training_courses c on c.id = i.course_id`;

export const toItem = (r: ItemRow): PlanItem => {
  const round = { ...r, source: r.source as PlanSource, failed: r.failed === 1 };
  return { ...round, due: dueOf(round), status: roundStatus(round) };
};

/** Whose rounds: one member, a department's or a role's members; archived members only when asked. */
export interface MemberScope {
  memberId?: number;
  departmentId?: number;
  roleId?: number;
  includeArchived?: boolean;
}

export function scopeWhere(f: MemberScope, add: (sql: string, ...values: SqlValue[]) => void): void {
  if (f.memberId !== undefined) add('m.id = ?', f.memberId);
  if (f.departmentId !== undefined) add('m.department_id = ?', f.departmentId);
  if (f.roleId !== undefined) add('m.role_id = ?', f.roleId);
  if (!f.includeArchived) add('m.archived_at is null');
}

export interface ItemFilter extends MemberScope {
  courseId?: number;
  /** Open rounds only (not passed, not dropped). */
  open?: boolean;
  /** Open and due (after any retake) before this date. */
  dueBefore?: string;
  /** Open and due (after any retake) on or after this date. */
  dueFrom?: string;
  /** Passed within [from, to]. */
  passedFrom?: string;
  passedTo?: string;
  /** Completed (a pass completes too) within [from, to]. */
  completedFrom?: string;
  completedTo?: string;
  includeDropped?: boolean;
  /** Rounds from this id on (those a command has just written). */
  fromId?: number;
}

/** Plan items by member, course (catalog order), then round; each filter narrows through an index. */
export async function listItems(q: Queryable, f: ItemFilter = {}): Promise<PlanItem[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  scopeWhere(f, add);
  if (f.courseId !== undefined) add('i.course_id = ?', f.courseId);
  if (f.open || f.dueBefore !== undefined || f.dueFrom !== undefined) add('i.passed_on is null and i.dropped_on is null');
  if (f.dueFrom !== undefined) add('(i.due_on >= ? or i.retake_due_on >= ?)', f.dueFrom, f.dueFrom);
  if (f.dueBefore !== undefined) add('(i.due_on < ? or i.retake_due_on < ?)', f.dueBefore, f.dueBefore);
  if (f.passedFrom !== undefined) add('i.passed_on >= ?', f.passedFrom);
  if (f.passedTo !== undefined) add('i.passed_on <= ?', f.passedTo);
  if (f.completedFrom !== undefined) add('i.completed_on >= ?', f.completedFrom);
  if (f.completedTo !== undefined) add('i.completed_on <= ?', f.completedTo);
  if (!f.includeDropped) add('i.dropped_on is null');
  if (f.fromId !== undefined) add('i.id >= ?', f.fromId);
  const rows = await q.all<ItemRow>(`${ITEM_SELECT}${where.length ? ` where ${where.join(' and ')}` : ''} order by m.handle, i.course_id, i.id`, params);
  const items = rows.map(toItem);
  return f.dueBefore === undefined && f.dueFrom === undefined ? items : items.filter((i) => (f.dueBefore === undefined || i.due < f.dueBefore) && (f.dueFrom === undefined || i.due >= f.dueFrom));
}

export async function findItem(q: Queryable, id: number): Promise<PlanItem | undefined> {
  const r = await q.get<ItemRow>(`${ITEM_SELECT} where i.id = ?`, [id]);
  return r && toItem(r);
}

/** The member's open round of the course, if any (there is at most one). */
export async function findOpenItem(q: Queryable, memberId: number, courseId: number): Promise<PlanItem | undefined> {
  const r = await q.get<ItemRow>(`${ITEM_SELECT} where i.member_id = ? and i.course_id = ? and i.passed_on is null and i.dropped_on is null`, [memberId, courseId]);
  return r && toItem(r);
}

/** The member's rounds of the course, oldest first (dropped ones too). */
export async function itemsOf(q: Queryable, memberId: number, courseId: number): Promise<PlanItem[]> {
  return (await q.all<ItemRow>(`${ITEM_SELECT} where i.member_id = ? and i.course_id = ? order by i.id`, [memberId, courseId])).map(toItem);
}

/** The ids of the courses a member has passed at least once. */
export async function passedCourseIds(q: Queryable, memberId: number): Promise<Set<number>> {
  const rows = await q.all<{ courseId: number }>('select distinct course_id as "courseId" from training_plan_items where member_id = ? and passed_on is not null', [memberId]);
  return new Set(rows.map((r) => r.courseId));
}

/** A member's latest round of one course, as the status reads it (no names: the caller has the members and the catalog). */
export interface LatestRound extends Round {
  id: number;
  memberId: number;
  courseId: number;
}

/**
 * Each member's latest round of each course in scope (dropped rounds left
 * out), by member, then course: one pass over the (member, course) index,
 * read as arrays, since a whole team's status reads tens of thousands.
 */
export async function latestRounds(q: Queryable, f: MemberScope): Promise<LatestRound[]> {
  const where: string[] = ['i.dropped_on is null'];
  const params: SqlValue[] = [];
  scopeWhere(f, (sql, ...values) => (where.push(sql), params.push(...values)));
  const { rows } = await q.tuples(
    `select i.id, i.member_id, i.course_id, i.source, i.due_on, i.started_on, i.completed_on, i.passed_on, i.retake_due_on
     from training_plan_items i join members m on m.id = i.member_id where ${where.join(' and ')} order by i.member_id, i.course_id, i.id`,
    params,
  );
  const out: LatestRound[] = [];
  for (const r of rows) {
    const round: LatestRound = {
      id: r[0] as number,
      memberId: r[1] as number,
      courseId: r[2] as number,
      source: r[3] as PlanSource,
      dueOn: r[4] as string,
      startedOn: r[5] as string | null,
      completedOn: r[6] as string | null,
      passedOn: r[7] as string | null,
      retakeDueOn: r[8] as string | null,
      droppedOn: null,
      failed: r[8] !== null && r[7] === null,
    };
    // Rows come by member, course, round: a later round of the same course replaces the one before.
    const last = out.at(-1);
    if (last && last.memberId === round.memberId && last.courseId === round.courseId) out[out.length - 1] = round;
    else out.push(round);
  }
  return out;
}

/** Each member's latest attempt of each kind (by date, then entry), with the course's title: one query, a window over the attempts. */
export async function latestAttempts(q: Queryable, f: MemberScope): Promise<{ memberId: number; kind: AssessmentKind; score: number; course: string; date: string; passed: boolean }[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  scopeWhere(f, (sql, ...values) => (where.push(sql), params.push(...values)));
  const rows = await q.all<{ memberId: number; kind: AssessmentKind; score: number; course: string; date: string; passed: number }>(
    `select x.member_id as "memberId", x.kind, x.score, c.title as course, x.assessed_on as date, x.passed
     from (select a.member_id, a.kind, a.score, a.course_id, a.assessed_on, a.passed,
             row_number() over (partition by a.member_id, a.kind order by a.assessed_on desc, a.id desc) as n
           from training_assessments a join members m on m.id = a.member_id${where.length ? ` where ${where.join(' and ')}` : ''}) x
     join training_courses c on c.id = x.course_id where x.n = 1`,
    params,
  );
  return rows.map((r) => ({ ...r, passed: r.passed === 1 }));
}

/** Who has which of these courses open, and who has passed which: one query over the courses' rounds, for planning many members at once. */
export async function roundKeys(q: Queryable, courseIds: readonly number[]): Promise<{ open: Set<string>; passed: Set<string> }> {
  const open = new Set<string>();
  const passed = new Set<string>();
  if (courseIds.length === 0) return { open, passed };
  const { rows } = await q.tuples(`select member_id, course_id, passed_on, dropped_on from training_plan_items where course_id in (${courseIds.map(() => '?').join(', ')})`, courseIds as SqlValue[]);
  for (const [member, course, passedOn, droppedOn] of rows) {
    const key = `${member}:${course}`;
    if (passedOn !== null) passed.add(key);
    else if (droppedOn === null) open.add(key);
  }
  return { open, passed };
}

export interface NewItem {
  memberId: number;
  courseId: number;
  source: PlanSource;
  dueOn: string;
  refreshOf?: number | null;
}

export function insertItem(tx: Queryable, i: NewItem, actor: string, now: string): Promise<number> {
  return insertRow(tx, 'training_plan_items', {
    member_id: i.memberId,
    course_id: i.courseId,
    source: i.source,
    due_on: i.dueOn,
    started_on: null,
    completed_on: null,
    passed_on: null,
    retake_due_on: null,
    refresh_of: i.refreshOf ?? null,
    dropped_on: null,
    drop_reason: null,
    actor,
    created_at: now,
    updated_at: now,
  });
}

export interface ItemPatch {
  dueOn?: string;
  startedOn?: string | null;
  completedOn?: string | null;
  passedOn?: string | null;
  retakeDueOn?: string | null;
  droppedOn?: string | null;
  dropReason?: string | null;
}

export async function updateItem(tx: Queryable, id: number, patch: ItemPatch, now: string): Promise<void> {
  const cols = toColumns(patch, { dueOn: 'due_on', startedOn: 'started_on', completedOn: 'completed_on', passedOn: 'passed_on', retakeDueOn: 'retake_due_on', droppedOn: 'dropped_on', dropReason: 'drop_reason' }) as Patch<'training_plan_items'>;
  await updateRow(tx, 'training_plan_items', id, { ...cols, updated_at: now });
}

/** Open refresher rounds of a course that nobody has started, with the pass they repeat. */
export async function untouchedRefreshers(q: Queryable, courseId: number): Promise<{ id: number; passedOn: string }[]> {
  return q.all(
    `select i.id, p.passed_on as "passedOn" from training_plan_items i join training_plan_items p on p.id = i.refresh_of
     where i.course_id = ? and i.source = 'refresher' and i.passed_on is null and i.dropped_on is null and i.started_on is null and i.completed_on is null
       and not exists (select 1 from training_assessments a where a.plan_item_id = i.id)`,
    [courseId],
  );
}

const SELECT_ASSESSMENT = `select a.id, a.plan_item_id as "planItemId", a.member_id as "memberId", m.handle as member, a.course_id as "courseId", c.title as course, a.kind, a.score,
    a.passed, s.handle as assessor, a.note, a.assessed_on as "assessedOn", a.created_at as "createdAt"
  from training_assessments a join members m on m.id = a.member_id join training_courses c on c.id = a.course_id left join members s on s.id = a.assessor_id`;

const toAssessment = (r: Omit<Assessment, 'passed'> & { passed: number }): Assessment => ({ ...r, kind: r.kind as AssessmentKind, passed: r.passed === 1 });

export interface AssessmentFilter extends MemberScope {
  itemIds?: readonly number[];
  courseId?: number;
  from?: string;
  to?: string;
}

/** Attempts in the order they were made (date, then entry). */
export async function listAssessments(q: Queryable, f: AssessmentFilter): Promise<Assessment[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (f.itemIds !== undefined) {
    if (f.itemIds.length === 0) return [];
    add(`a.plan_item_id in (${f.itemIds.map(() => '?').join(', ')})`, ...f.itemIds);
  }
  scopeWhere({ includeArchived: true, ...f }, add);
  if (f.courseId !== undefined) add('a.course_id = ?', f.courseId);
  if (f.from !== undefined) add('a.assessed_on >= ?', f.from);
  if (f.to !== undefined) add('a.assessed_on <= ?', f.to);
  const rows = await q.all<Omit<Assessment, 'passed'> & { passed: number }>(`${SELECT_ASSESSMENT}${where.length ? ` where ${where.join(' and ')}` : ''} order by a.assessed_on, a.id`, params);
  return rows.map(toAssessment);
}

/** The rounds with an attempt in [from, to] that have, at any time, an attempt below the pass mark: one query. */
export async function roundsWithFailure(q: Queryable, from: string, to: string, courseId?: number): Promise<Set<number>> {
  const course = courseId === undefined ? '' : ' and course_id = ?';
  const rows = await q.all<{ id: number }>(
    `select distinct plan_item_id as id from training_assessments where passed = 0
       and plan_item_id in (select plan_item_id from training_assessments where assessed_on >= ? and assessed_on <= ?${course})`,
    [from, to, ...(courseId === undefined ? [] : [courseId])],
  );
  return new Set(rows.map((r) => r.id));
}

/** Marks the attempts of a course's open rounds passed or not by a (new) pass mark: one statement. */
export async function markOpenAttempts(tx: Queryable, courseId: number, passMark: number): Promise<void> {
  await tx.run(
    `update training_assessments set passed = case when score >= ? then 1 else 0 end
     where course_id = ? and plan_item_id in (select id from training_plan_items where course_id = ? and passed_on is null and dropped_on is null)`,
    [passMark, courseId, courseId],
  );
}

export interface NewAssessment {
  planItemId: number;
  memberId: number;
  courseId: number;
  kind: AssessmentKind;
  score: number;
  passed: boolean;
  assessorId: number | null;
  note: string | null;
  assessedOn: string;
}

export function insertAssessment(tx: Queryable, a: NewAssessment, actor: string, now: string): Promise<number> {
  return insertRow(tx, 'training_assessments', {
    plan_item_id: a.planItemId,
    member_id: a.memberId,
    course_id: a.courseId,
    kind: a.kind,
    score: a.score,
    passed: a.passed ? 1 : 0,
    assessor_id: a.assessorId,
    note: a.note,
    assessed_on: a.assessedOn,
    actor,
    created_at: now,
  });
}
