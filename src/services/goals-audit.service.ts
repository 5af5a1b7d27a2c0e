/** The audit trail of goals: every changed field with who, when, old and new. */
import { insertEvent, updateGoal } from '../db/repositories/goals.repository.js';
import type { Patch } from '../db/schema.js';
import type { Queryable } from '../db/sql.js';
import { TeamError } from '../domain/errors.js';
import type { Goal } from '../domain/goals/goal.js';
import { stamp, type ServiceOptions } from './context.js';

export interface GoalServiceOptions extends ServiceOptions {
  today: string;
  /** Who did it, for the audit trail. */
  actor: string;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Records each changed field in the audit trail and applies the patch. */
export async function patchGoal(tx: Queryable, o: GoalServiceOptions, goal: Goal, patch: Patch<'goals'>, names: Record<string, string>): Promise<void> {
  const now = stamp(o.now);
  const before = goal as unknown as Record<string, unknown>;
  for (const [column, raw] of Object.entries(patch)) {
    const field = names[column];
    // Booleans are stored as 0/1: the trail says true/false on both sides.
    const value = typeof before[field ?? ''] === 'boolean' && typeof raw === 'number' ? raw === 1 : raw;
    if (field === undefined || value === undefined || text(before[field]) === text(value)) continue;
    await insertEvent(tx, { goal_id: goal.id, at: now, actor: o.actor, field, old_value: text(before[field]), new_value: text(value) });
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
  if (goal.archivedAt !== null) throw new TeamError('err.goal.archived', { id: goal.id });
}
