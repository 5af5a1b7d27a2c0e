/** The audit trail of goals: every changed field with who, when, old and new. */
import { updateGoal, type GoalPatch } from './repository.js';
import { insertEvent } from './history.repository.js';
import type { Queryable } from '../db/sql.js';
import { InputError } from '../shared/errors.js';
import type { Goal } from './rules/goal.js';
import { stamp, type ServiceOptions } from '../shared/service.js';

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Records each changed field in the audit trail (goal fields, once each) and applies the patch. */
export async function patchGoal(tx: Queryable, o: ServiceOptions, goal: Goal, patch: GoalPatch): Promise<void> {
  const now = stamp(o.now);
  const before = goal as unknown as Record<string, unknown>;
  const after = applyPatch(goal, patch) as unknown as Record<string, unknown>;
  const fields = new Set(Object.keys(patch).flatMap((k) => AUDITED[k as keyof GoalPatch] ?? []));
  for (const field of fields) {
    if (text(before[field]) === text(after[field])) continue;
    await insertEvent(tx, { goalId: goal.id, at: now, actor: o.actor, field, old: text(before[field]), new: text(after[field]) });
  }
  await updateGoal(tx, goal.id, { ...patch, updatedAt: now });
}

/**
 * Which Goal field a stored field shows as, for the audit trail: the owner is
 * stored as a type and one of two ids, and recorded as one `ownerId`. Fields
 * not listed (timestamps, the last check-in mirror) are not audited.
 */
const AUDITED: Partial<Record<keyof GoalPatch, keyof Goal>> = {
  title: 'title',
  metric: 'metric',
  unit: 'unit',
  kind: 'kind',
  decimals: 'decimals',
  baseline: 'baseline',
  target: 'target',
  direction: 'direction',
  start: 'start',
  due: 'due',
  horizon: 'horizon',
  term: 'term',
  relevance: 'relevance',
  parentId: 'parentId',
  weight: 'weight',
  cadenceDays: 'cadenceDays',
  draft: 'draft',
  ownerMemberId: 'ownerId',
  ownerDepartmentId: 'ownerId',
  ownerType: 'ownerType',
  state: 'state',
  finalValue: 'finalValue',
};


/** An archived goal keeps its history but takes no more work. */
export function refuseArchived(goal: Goal): void {
  if (goal.archivedAt !== null) throw new InputError('goals.err.archived', { id: goal.id });
}

/** The goal as a patch would leave it, to lint it before writing. */
export function applyPatch(goal: Goal, patch: GoalPatch): Goal {
  const out: Record<string, unknown> = { ...goal };
  for (const [k, value] of Object.entries(patch)) {
    const field = AUDITED[k as keyof GoalPatch];
    if (value === undefined || field === undefined || k === 'ownerMemberId' || k === 'ownerDepartmentId') continue;
    out[field] = value;
  }
  if (patch.ownerType !== undefined) out.ownerId = patch.ownerMemberId ?? patch.ownerDepartmentId ?? null;
  return out as unknown as Goal;
}
