/** Rounds due or passed in a window, counted and listed in order with a limit: what reports read. */
import type { Queryable, SqlValue } from '../db/sql.js';
import { ITEM_SELECT, toItem, type ItemRow } from './plans.repository.js';
import type { PlanItem } from './rules/training.js';

const DUE = 'coalesce(i.retake_due_on, i.due_on)';

/** Whose rounds a digest counts: one member's, a department's, or everyone's; never an archived member's. */
export interface DigestScope {
  memberId?: number;
  departmentId?: number;
}

async function countAndList(q: Queryable, where: string[], params: SqlValue[], order: string, limit: number | undefined): Promise<{ total: number; items: PlanItem[] }> {
  const w = ` where ${where.join(' and ')}`;
  // Counted in the index alone (member_id is in it): no round, and no member, read.
  const total = Number((await q.get<{ n: number }>(`select count(*) as n from training_plan_items i${w}`, params))!.n);
  if (total === 0 || limit === 0) return { total, items: [] };
  const rows = await q.all<ItemRow>(`${ITEM_SELECT}${w} order by ${order}${limit === undefined ? '' : ' limit ?'}`, limit === undefined ? params : [...params, limit]);
  return { total, items: rows.map(toItem) };
}

/**
 * The scope on the round's member_id alone: archived members (few) by the
 * list of their ids, a department's by its members' ids. A join to members
 * in the where clause cost a member lookup per round counted (10–14 ms a
 * count of 10,000 rounds), and led SQLite to read the passed rounds member
 * by member.
 */
function scoped(f: DigestScope): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (f.memberId !== undefined) {
    where.push('i.member_id = ?');
    params.push(f.memberId);
  }
  if (f.departmentId !== undefined) {
    where.push('i.member_id in (select id from members where department_id = ? and archived_at is null)');
    params.push(f.departmentId);
  } else where.push('i.member_id not in (select id from members where archived_at is not null)');
  return { where, params };
}

/**
 * Within a day, rounds come by member id (the order members joined), then
 * course and id: the order of the indexes (open_due and passed end in
 * member_id), so a list cut at its limit reads its rows in index order and
 * stops. By handle it sorted the whole of its first day (260 rounds a day on
 * the bench, a member looked up for each: 1.2 ms a list, four lists a report).
 */
const WITHIN_DAY = 'i.member_id, i.course_id, i.id';

/** Open rounds due (after any retake) in [from, before), the earliest first. */
export function roundsDue(q: Queryable, f: DigestScope, w: { from?: string; before: string }, limit?: number): Promise<{ total: number; items: PlanItem[] }> {
  const { where, params } = scoped(f);
  where.push('i.passed_on is null', 'i.dropped_on is null', `${DUE} < ?`);
  params.push(w.before);
  if (w.from !== undefined) {
    where.push(`${DUE} >= ?`);
    params.push(w.from);
  }
  return countAndList(q, where, params, `${DUE}, ${WITHIN_DAY}`, limit);
}

/** Rounds passed within [from, to], in date order. */
export function roundsPassed(q: Queryable, f: DigestScope, from: string, to: string, limit?: number): Promise<{ total: number; items: PlanItem[] }> {
  const { where, params } = scoped(f);
  where.push('i.passed_on >= ?', 'i.passed_on <= ?');
  params.push(from, to);
  return countAndList(q, where, params, `i.passed_on, ${WITHIN_DAY}`, limit);
}
