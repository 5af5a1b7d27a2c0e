/** Rounds due or passed in a window, counted and listed in order with a limit: what reports read. */
import type { Queryable, SqlValue } from '../db/sql.js';
import { ITEM_SELECT, scopeWhere, toItem, type ItemRow, type MemberScope } from './plans.repository.js';
import type { PlanItem } from './rules/training.js';

const DUE = 'coalesce(i.retake_due_on, i.due_on)';

async function countAndList(q: Queryable, where: string[], params: SqlValue[], order: string, limit: number | undefined): Promise<{ total: number; items: PlanItem[] }> {
  const w = ` where ${where.join(' and ')}`;
  const total = Number((await q.get<{ n: number }>(`select count(*) as n from training_plan_items i join members m on m.id = i.member_id${w}`, params))!.n);
  if (total === 0 || limit === 0) return { total, items: [] };
  const rows = await q.all<ItemRow>(`${ITEM_SELECT}${w} order by ${order}${limit === undefined ? '' : ' limit ?'}`, limit === undefined ? params : [...params, limit]);
  return { total, items: rows.map(toItem) };
}

function scoped(f: MemberScope): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  scopeWhere(f, (sql, ...values) => {
    where.push(sql);
    params.push(...values);
  });
  return { where, params };
}

/** Open rounds due (after any retake) in [from, before), the earliest first. */
export function roundsDue(q: Queryable, f: MemberScope, w: { from?: string; before: string }, limit?: number): Promise<{ total: number; items: PlanItem[] }> {
  const { where, params } = scoped(f);
  where.push('i.passed_on is null', 'i.dropped_on is null', `${DUE} < ?`);
  params.push(w.before);
  if (w.from !== undefined) {
    where.push(`${DUE} >= ?`);
    params.push(w.from);
  }
  return countAndList(q, where, params, `${DUE}, m.handle, i.course_id, i.id`, limit);
}

/** Rounds passed within [from, to], in date order. */
export function roundsPassed(q: Queryable, f: MemberScope, from: string, to: string, limit?: number): Promise<{ total: number; items: PlanItem[] }> {
  const { where, params } = scoped(f);
  where.push('i.passed_on >= ?', 'i.passed_on <= ?');
  params.push(from, to);
  return countAndList(q, where, params, 'i.passed_on, m.handle, i.course_id, i.id', limit);
}
