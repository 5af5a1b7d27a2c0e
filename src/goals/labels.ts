/** The message key of every goal enum value: labels are looked up, never built from strings. */
import type { MessageKey } from '../i18n/index.js';
import type { GoalStatus } from './rules/evaluate.js';
import type { GoalState, Term } from './rules/goal.js';
import type { Horizon } from './rules/periods.js';
import type { Direction, MetricKind } from './rules/units.js';

export type ReviewKind = 'self' | 'lead';
export type Outcome = 'reward' | 'none' | 'penalty';

export const DIRECTION_LABEL: Record<Direction, MessageKey> = {
  increase: 'direction.increase',
  decrease: 'direction.decrease',
  'at-least': 'direction.at-least',
  'at-most': 'direction.at-most',
};

export const KIND_LABEL: Record<MetricKind, MessageKey> = { additive: 'kind.additive', rate: 'kind.rate' };

export const STATE_LABEL: Record<GoalState, MessageKey> = { open: 'goal.state.open', achieved: 'goal.state.achieved', missed: 'goal.state.missed' };

export const STATUS_LABEL: Record<GoalStatus, MessageKey> = {
  draft: 'goalStatus.draft',
  'not-started': 'goalStatus.not-started',
  'on-track': 'goalStatus.on-track',
  'at-risk': 'goalStatus.at-risk',
  'off-track': 'goalStatus.off-track',
  done: 'goalStatus.done',
  missed: 'goalStatus.missed',
};

export const HORIZON_LABEL: Record<Horizon, MessageKey> = {
  year: 'horizon.year',
  quarter: 'horizon.quarter',
  month: 'horizon.month',
  week: 'horizon.week',
  custom: 'horizon.custom',
};

export const TERM_LABEL: Record<Term, MessageKey> = { long: 'goal.term.long', short: 'goal.term.short' };

export const REVIEW_KIND_LABEL: Record<ReviewKind, MessageKey> = { self: 'goal.review.self', lead: 'goal.review.lead' };

export const OUTCOME_LABEL: Record<Outcome, MessageKey> = { reward: 'goal.outcome.reward', none: 'goal.outcome.none', penalty: 'goal.outcome.penalty' };

/** A stored horizon (free text in the database) as a label, or the text itself if it is not one of ours. */
export function horizonKey(h: string): MessageKey | undefined {
  return (HORIZON_LABEL as Record<string, MessageKey | undefined>)[h];
}
