/**
 * What the training report counts, counted by the database: a handful of
 * grouped queries over the period's rows (through the date indexes), never
 * the rounds and attempts themselves, however many there are.
 */
import type { Queryable, SqlValue } from '../db/sql.js';
import type { AssessmentKind } from './rules/training.js';

export interface CourseActivity {
  courseId: number;
  /** Rounds with an attempt in the period. */
  assessed: number;
  /** Of those, the settled: passed in the period, or with an attempt below the mark (the rest are still under way). */
  decided: number;
  /** Rounds passed in the period. */
  passed: number;
  /** Rounds with an attempt in the period and passed in it... */
  assessedPassed: number;
  /** ...of which never an attempt below the mark. */
  firstTry: number;
  completions: number;
  /** Members who completed the course or were present at one of its classes. */
  trained: number;
  meanScore: Partial<Record<AssessmentKind, number>>;
}

/** Each course's activity in [from, to] (one course when given): seven queries. */
export async function courseActivity(q: Queryable, from: string, to: string, courseId?: number): Promise<Map<number, CourseActivity>> {
  const only = (col: string) => (courseId === undefined ? '' : ` and ${col} = ?`);
  const p = (...dates: string[]): SqlValue[] => [...dates, ...(courseId === undefined ? [] : [courseId])];
  const out = new Map<number, CourseActivity>();
  const of = (id: number) => {
    let a = out.get(id);
    if (!a) out.set(id, (a = { courseId: id, assessed: 0, decided: 0, passed: 0, assessedPassed: 0, firstTry: 0, completions: 0, trained: 0, meanScore: {} }));
    return a;
  };
  for (const r of await q.all<{ courseId: number; kind: AssessmentKind; mean: number }>(`select course_id as "courseId", kind, avg(score) as mean from training_assessments where assessed_on >= ? and assessed_on <= ?${only('course_id')} group by course_id, kind`, p(from, to))) of(r.courseId).meanScore[r.kind] = r.mean;
  for (const r of await q.all<{ courseId: number; n: number }>(`select course_id as "courseId", count(distinct plan_item_id) as n from training_assessments where assessed_on >= ? and assessed_on <= ?${only('course_id')} group by course_id`, p(from, to))) of(r.courseId).assessed = r.n;
  for (const r of await q.all<{ courseId: number; n: number }>(
    `select i.course_id as "courseId", count(*) as n from training_plan_items i
     where i.id in (select plan_item_id from training_assessments where assessed_on >= ? and assessed_on <= ?${only('course_id')})
       and ((i.passed_on >= ? and i.passed_on <= ?) or exists (select 1 from training_assessments f where f.plan_item_id = i.id and f.passed = 0))
     group by i.course_id`,
    [...p(from, to), from, to],
  )) of(r.courseId).decided = r.n;
  for (const r of await q.all<{ courseId: number; n: number }>(`select course_id as "courseId", count(*) as n from training_plan_items where passed_on >= ? and passed_on <= ? and dropped_on is null${only('course_id')} group by course_id`, p(from, to))) of(r.courseId).passed = r.n;
  for (const r of await q.all<{ courseId: number; n: number; firstTry: number }>(
    `select i.course_id as "courseId", count(*) as n, sum(case when exists (select 1 from training_assessments f where f.plan_item_id = i.id and f.passed = 0) then 0 else 1 end) as "firstTry"
     from training_plan_items i
     where i.passed_on >= ? and i.passed_on <= ? and i.dropped_on is null${only('i.course_id')}
       and exists (select 1 from training_assessments a where a.plan_item_id = i.id and a.assessed_on >= ? and a.assessed_on <= ?)
     group by i.course_id`,
    [from, to, ...(courseId === undefined ? [] : [courseId]), from, to],
  )) {
    of(r.courseId).assessedPassed = r.n;
    of(r.courseId).firstTry = r.firstTry;
  }
  for (const r of await q.all<{ courseId: number; n: number }>(`select course_id as "courseId", count(*) as n from training_plan_items where completed_on >= ? and completed_on <= ? and dropped_on is null${only('course_id')} group by course_id`, p(from, to))) of(r.courseId).completions = r.n;
  for (const r of await q.all<{ courseId: number; n: number }>(
    `select t.course_id as "courseId", count(distinct t.member_id) as n from (
       select course_id, member_id from training_plan_items where completed_on >= ? and completed_on <= ? and dropped_on is null${only('course_id')}
       union
       select s.course_id, a.member_id from training_sessions s join training_session_attendees a on a.session_id = s.id where s.held_on >= ? and s.held_on <= ? and a.status = 'present'${only('s.course_id')}
     ) t group by t.course_id`,
    [...p(from, to), ...p(from, to)],
  )) of(r.courseId).trained = r.n;
  return out;
}

/** The passes in [from, to]: who passed which course when (for the effect on goals), as arrays. */
export async function passesBetween(q: Queryable, from: string, to: string, courseId?: number): Promise<{ memberId: number; courseId: number; passedOn: string }[]> {
  const { rows } = await q.tuples(
    `select member_id, course_id, passed_on from training_plan_items where passed_on >= ? and passed_on <= ? and dropped_on is null${courseId === undefined ? '' : ' and course_id = ?'} order by passed_on`,
    [from, to, ...(courseId === undefined ? [] : [courseId])],
  );
  return rows.map((r) => ({ memberId: r[0] as number, courseId: r[1] as number, passedOn: r[2] as string }));
}
