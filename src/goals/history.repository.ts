/** A goal's history: the audit trail and the reviews, camelCase in and out. */
import { insertRow, type Queryable } from '../db/sql.js';
import type { GoalEventsRow, GoalReviewsRow } from './table.js';

/** One entry of a goal's audit trail: a field's old and new value, who and when. */
export interface GoalEvent {
  id: number;
  goalId: number;
  at: string;
  actor: string | null;
  field: string;
  old: string | null;
  new: string | null;
}

export function insertEvent(q: Queryable, e: Omit<GoalEvent, 'id'>): Promise<number> {
  return insertRow(q, 'goal_events', { goal_id: e.goalId, at: e.at, actor: e.actor, field: e.field, old_value: e.old, new_value: e.new });
}

export async function listEvents(q: Queryable, goalId: number): Promise<GoalEvent[]> {
  const rows = await q.all<GoalEventsRow>('select * from goal_events where goal_id = ? order by at, id', [goalId]);
  return rows.map((r) => ({ id: r.id, goalId: r.goal_id, at: r.at, actor: r.actor, field: r.field, old: r.old_value, new: r.new_value }));
}

/** A self-assessment or a lead's review. */
export interface GoalReview {
  id: number;
  goalId: number;
  kind: GoalReviewsRow['kind'];
  text: string;
  score: number | null;
  outcome: GoalReviewsRow['outcome'];
  outcomeNote: string | null;
  actor: string | null;
  createdAt: string;
}

export function insertReview(q: Queryable, r: Omit<GoalReview, 'id'>): Promise<number> {
  return insertRow(q, 'goal_reviews', { goal_id: r.goalId, kind: r.kind, text: r.text, score: r.score, outcome: r.outcome, outcome_note: r.outcomeNote, actor: r.actor, created_at: r.createdAt });
}

export async function listReviews(q: Queryable, goalId: number): Promise<GoalReview[]> {
  const rows = await q.all<GoalReviewsRow>('select * from goal_reviews where goal_id = ? order by created_at, id', [goalId]);
  return rows.map((r) => ({ id: r.id, goalId: r.goal_id, kind: r.kind, text: r.text, score: r.score, outcome: r.outcome, outcomeNote: r.outcome_note, actor: r.actor, createdAt: r.created_at }));
}
