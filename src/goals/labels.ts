/** The message key of every goal enum value: labels are looked up, never built from strings. */
import type { MessageKey } from '../i18n/index.js';
import type { GoalStatus } from './rules/evaluate.js';
import type { GoalState, Term } from './rules/goal.js';
import type { Horizon } from './rules/periods.js';
import type { Direction, MetricKind } from './rules/units.js';

export type ReviewKind = 'self' | 'lead';
export type Outcome = 'reward' | 'none' | 'penalty';

export const DIRECTION_LABEL: Record<Direction, MessageKey> = {
  increase: 'goals.direction.increase',
  decrease: 'goals.direction.decrease',
  'at-least': 'goals.direction.at-least',
  'at-most': 'goals.direction.at-most',
};

export const KIND_LABEL: Record<MetricKind, MessageKey> = { additive: 'goals.kind.additive', rate: 'goals.kind.rate' };

export const STATE_LABEL: Record<GoalState, MessageKey> = { open: 'goals.state.open', achieved: 'goals.state.achieved', missed: 'goals.state.missed' };

export const STATUS_LABEL: Record<GoalStatus, MessageKey> = {
  draft: 'goals.status.draft',
  'not-started': 'goals.status.not-started',
  'on-track': 'goals.status.on-track',
  'at-risk': 'goals.status.at-risk',
  'off-track': 'goals.status.off-track',
  done: 'goals.status.done',
  missed: 'goals.status.missed',
};

export const HORIZON_LABEL: Record<Horizon, MessageKey> = {
  year: 'goals.horizon.year',
  quarter: 'goals.horizon.quarter',
  month: 'goals.horizon.month',
  week: 'goals.horizon.week',
  custom: 'goals.horizon.custom',
};

export const TERM_LABEL: Record<Term, MessageKey> = { long: 'goals.term.long', short: 'goals.term.short' };

export const REVIEW_KIND_LABEL: Record<ReviewKind, MessageKey> = { self: 'goals.review.self', lead: 'goals.review.lead' };

export const OUTCOME_LABEL: Record<Outcome, MessageKey> = { reward: 'goals.outcome.reward', none: 'goals.outcome.none', penalty: 'goals.outcome.penalty' };

/** A stored horizon (free text in the database) as a label, or the text itself if it is not one of ours. */
export function horizonKey(h: string): MessageKey | undefined {
  return (HORIZON_LABEL as Record<string, MessageKey | undefined>)[h];
}

/**
 * The audit trail's field names as people read them. The stored names (Goal
 * fields, and the events created, split, archived, selfAssessment) stay as
 * they are in --json; a field not listed shows as stored.
 */
export const HISTORY_FIELD_LABEL: Record<string, MessageKey | undefined> = {
  created: 'goals.history.created',
  split: 'goals.history.split',
  archived: 'goals.history.archived',
  selfAssessment: 'goals.history.selfAssessment',
  title: 'goals.col.title',
  ownerId: 'goals.col.owner',
  ownerType: 'goals.col.owner',
  metric: 'goals.col.metric',
  unit: 'goals.history.unit',
  kind: 'goals.col.kind',
  decimals: 'goals.history.decimals',
  baseline: 'goals.col.baseline',
  target: 'goals.col.target',
  direction: 'goals.col.direction',
  start: 'goals.col.start',
  due: 'goals.col.due',
  horizon: 'goals.col.horizon',
  term: 'goals.history.term',
  relevance: 'goals.history.relevance',
  parentId: 'goals.col.parent',
  weight: 'goals.history.weight',
  cadenceDays: 'goals.history.cadence',
  draft: 'goals.history.draft',
  state: 'goals.col.state',
  finalValue: 'goals.history.finalValue',
};
