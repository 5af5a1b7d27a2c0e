/** The audit trail of goals: every changed field with who, when, old and new. */
import { insertEvent, updateGoal } from './repository.js';
import type { Patch } from '../db/schema.js';
import type { Queryable } from '../db/sql.js';
import { InputError } from '../shared/errors.js';
import type { Goal } from './rules/goal.js';
import { stamp, type ServiceOptions } from '../shared/service.js';

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Records each changed field in the audit trail (goal fields, once each) and applies the patch. */
export async function patchGoal(tx: Queryable, o: ServiceOptions, goal: Goal, patch: Patch<'goals'>): Promise<void> {
  const now = stamp(o.now);
  const before = goal as unknown as Record<string, unknown>;
  const after = applyPatch(goal, patch) as unknown as Record<string, unknown>;
  const fields = new Set(Object.keys(patch).flatMap((column) => FIELD_OF[column] ?? []));
  for (const field of fields) {
    if (text(before[field]) === text(after[field])) continue;
    await insertEvent(tx, { goal_id: goal.id, at: now, actor: o.actor, field, old_value: text(before[field]), new_value: text(after[field]) });
  }
  await updateGoal(tx, goal.id, { ...patch, updated_at: now });
}

/** Goal column → Goal field, for the audit trail. */
export const FIELD_OF: Record<string, string> = {
  title: 'title',
  metric: 'metric',
  unit: 'unit',
  kind: 'kind',
  decimals: 'decimals',
  baseline: 'baseline',
  target: 'target',
  direction: 'direction',
  start_date: 'start',
  due_date: 'due',
  horizon: 'horizon',
  term: 'term',
  relevance: 'relevance',
  parent_id: 'parentId',
  weight: 'weight',
  cadence_days: 'cadenceDays',
  draft: 'draft',
  owner_member_id: 'ownerId',
  owner_department_id: 'ownerId',
  owner_type: 'ownerType',
  state: 'state',
  final_value: 'finalValue',
};


/** An archived goal keeps its history but takes no more work. */
export function refuseArchived(goal: Goal): void {
  if (goal.archivedAt !== null) throw new InputError('goals.err.archived', { id: goal.id });
}

/** The goal as a patch of columns would leave it, to lint it before writing. */
export function applyPatch(goal: Goal, patch: Patch<'goals'>): Goal {
  const out: Record<string, unknown> = { ...goal };
  for (const [column, value] of Object.entries(patch)) {
    const field = FIELD_OF[column];
    if (value === undefined || field === undefined || column === 'owner_member_id' || column === 'owner_department_id') continue;
    // Booleans are stored as 0/1; the goal (and the trail) says true/false.
    out[field] = typeof out[field] === 'boolean' && typeof value === 'number' ? value === 1 : value;
  }
  if (patch.owner_type !== undefined) out.ownerId = patch.owner_member_id ?? patch.owner_department_id ?? null;
  return out as unknown as Goal;
}
