/** Closing goals: the owner's self-assessment, the lead's review, and archiving (never deleting). */
import { getMemberById } from '../org/public.js';
import type { Queryable } from '../db/sql.js';
import { InputError, label } from '../shared/errors.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { patchGoal, refuseArchived } from './audit.service.js';
import { insertEvent, insertReview, listReviews } from './history.repository.js';
import { STATE_LABEL, type Outcome } from './labels.js';
import { findGoalById, listArchivedWith, listDescendants, setGoalsArchived, type GoalPatch } from './repository.js';
import { resolveGoalId } from './resolve.js';
import type { Goal, GoalView } from './rules/goal.js';
import { isMet } from './rules/progress.js';
import { outcomeContradicts } from './rules/review.js';
import { refreshSummaries } from './summary.service.js';
import { checkValue } from './values.js';
import { viewGoal } from './view.service.js';

/**
 * A lead's outcome that contradicts the result (a reward on a missed goal, a
 * penalty on an achieved one): the CLI asks, or wants --yes; nothing is written.
 */
export class OutcomeContradictionError extends InputError {
  constructor(readonly detail: { id: number; result: 'achieved' | 'missed'; outcome: Outcome; final: number; target: number | null; unit: string | null; decimals: number }) {
    // Unformatted params, in case it is shown as is; the CLI formats the quantities.
    super(detail.result === 'achieved' ? 'goals.err.outcomeContradicts.achieved' : 'goals.err.outcomeContradicts.missed', { id: detail.id, value: detail.final, target: detail.target ?? '', outcome: detail.outcome });
    this.name = 'OutcomeContradictionError';
  }
}

/** The handle of the member who owns `goal` when they have left (are archived); undefined otherwise. */
export async function archivedOwner(q: Queryable, goal: Goal): Promise<string | undefined> {
  if (goal.ownerType !== 'member' || goal.ownerId === null) return undefined;
  const m = await getMemberById(q, goal.ownerId);
  return m?.archived ? m.handle : undefined;
}

export interface ReviewInput {
  self?: string;
  selfScore?: number;
  lead?: string;
  score?: number;
  outcome?: 'reward' | 'none' | 'penalty';
  outcomeNote?: string;
  final?: number;
  /** Record an outcome that contradicts the result (the user confirmed, or passed --yes). */
  allowContradiction?: boolean;
}

/**
 * The goal-management loop: the owner's self-assessment, then the lead's
 * review, which closes the goal as achieved or missed with its final value.
 * A member's goal needs the self-assessment first, as the seeds prescribe,
 * unless the member has left (is archived): then the lead closes it without
 * one, and the trail records the waiver (`selfAssessmentWaived`).
 */
export async function reviewGoal(o: ServiceOptions, ref: string, input: ReviewInput): Promise<{ goal: GoalView; closed: boolean; selfAssessmentWaived: boolean; owner: string }> {
  if (input.self === undefined && input.lead === undefined) throw new InputError('goals.err.reviewNeedsText');
  if (input.lead !== undefined && (input.score === undefined || input.outcome === undefined)) throw new InputError('goals.err.leadNeeds');
  // A score or outcome without the text it belongs to would be dropped: say so.
  if (input.lead === undefined && (input.score !== undefined || input.outcome !== undefined || input.outcomeNote !== undefined || input.final !== undefined)) throw new InputError('goals.err.leadOnly');
  if (input.self === undefined && input.selfScore !== undefined) throw new InputError('goals.err.selfOnly');
  return o.db.transaction(async (tx) => {
    const goal = (await findGoalById(tx, await resolveGoalId(tx, ref)))!;
    refuseArchived(goal);
    if (goal.draft) throw new InputError('goals.err.draftReview', { id: goal.id });
    if (goal.state !== 'open') throw new InputError('goals.err.closed', { id: goal.id, state: label(STATE_LABEL[goal.state]) });
    const now = stamp(o.now);
    if (input.self !== undefined) {
      await insertReview(tx, { goalId: goal.id, kind: 'self', text: input.self, score: input.selfScore ?? null, outcome: null, outcomeNote: null, actor: o.actor, createdAt: now });
    }
    if (input.lead === undefined) return { goal: await viewGoal(tx, goal.id, o.today), closed: false, selfAssessmentWaived: false, owner: goal.owner };
    let selfAssessmentWaived = false;
    if (goal.ownerType === 'member' && !(await listReviews(tx, goal.id)).some((r) => r.kind === 'self')) {
      // A member who has left will never write it: the lead may close the goal without it.
      if ((await archivedOwner(tx, goal)) === undefined) throw new InputError('goals.err.selfFirst', { owner: goal.owner });
      selfAssessmentWaived = true;
    }
    const current = await viewGoal(tx, goal.id, o.today);
    checkValue('--final', input.final, goal.unit, goal.kind);
    const final = input.final ?? current.value;
    if (final === null) throw new InputError('goals.err.finalNeeded', { id: goal.id });
    const achieved = goal.target !== null && goal.direction !== null && isMet(goal.target, final, goal.direction);
    const result = achieved ? 'achieved' : 'missed';
    if (input.outcome !== undefined && !input.allowContradiction && outcomeContradicts(input.outcome, result)) {
      throw new OutcomeContradictionError({ id: goal.id, result, outcome: input.outcome, final, target: goal.target, unit: goal.unit, decimals: goal.decimals });
    }
    await insertReview(tx, { goalId: goal.id, kind: 'lead', text: input.lead, score: input.score ?? null, outcome: input.outcome ?? null, outcomeNote: input.outcomeNote ?? null, actor: o.actor, createdAt: now });
    const patch: GoalPatch = { state: achieved ? 'achieved' : 'missed', finalValue: final, closedAt: now };
    if (selfAssessmentWaived) await insertEvent(tx, { goalId: goal.id, at: now, actor: o.actor, field: 'selfAssessment', old: null, new: 'waived: owner archived' });
    await patchGoal(tx, o, goal, patch);
    await refreshSummaries(tx, [goal.id], o.today);
    return { goal: await viewGoal(tx, goal.id, o.today), closed: true, selfAssessmentWaived, owner: goal.owner };
  });
}

/**
 * Archives a goal and everything below it: they leave lists, trees and their
 * parent's roll-up, keep their check-ins and trail, and take no more work.
 */
export async function archiveGoal(o: ServiceOptions, ref: string): Promise<{ goal: Goal; count: number }> {
  return o.db.transaction(async (tx) => {
    const goal = (await findGoalById(tx, await resolveGoalId(tx, ref)))!;
    refuseArchived(goal);
    const ids = [goal.id, ...(await listDescendants(tx, [goal.id])).map((g) => g.id)];
    const now = stamp(o.now);
    await setGoalsArchived(tx, ids, now);
    for (const id of ids) await insertEvent(tx, { goalId: id, at: now, actor: o.actor, field: 'archived', old: null, new: id === goal.id ? 'archived' : `with #${goal.id}` });
    // Clears the archived goals' summaries and takes them out of the parent's roll-up.
    await refreshSummaries(tx, ids, o.today);
    return { goal: (await findGoalById(tx, goal.id))!, count: ids.length };
  });
}

/** Brings back a goal archived with `archiveGoal`, with the sub-goals archived along with it. */
export async function restoreGoal(o: ServiceOptions, ref: string): Promise<{ goal: Goal; count: number }> {
  return o.db.transaction(async (tx) => {
    const goal = (await findGoalById(tx, await resolveGoalId(tx, ref)))!;
    if (goal.archivedAt === null) throw new InputError('goals.err.notArchived', { id: goal.id });
    if (goal.parentId !== null && (await findGoalById(tx, goal.parentId))!.archivedAt !== null) throw new InputError('goals.err.parentArchived', { id: goal.id, parent: goal.parentId });
    const ids = [goal.id, ...(await listArchivedWith(tx, goal.id, goal.archivedAt))];
    const now = stamp(o.now);
    await setGoalsArchived(tx, ids, null);
    for (const id of ids) await insertEvent(tx, { goalId: id, at: now, actor: o.actor, field: 'archived', old: 'archived', new: null });
    await refreshSummaries(tx, ids, o.today);
    return { goal: (await findGoalById(tx, goal.id))!, count: ids.length };
  });
}

