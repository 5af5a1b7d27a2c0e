/** The message key of every evaluations enum value: labels are looked up, never built from strings. */
import type { MessageKey } from '../i18n/index.js';
import type { Part, RewardKind } from './rules/cycle.js';
import type { AppealOutcome, CycleState, GoalUse, ValueSource } from './rules/evaluation.js';
import type { KpiDirection } from './rules/scoring.js';

export const DIRECTION_LABEL: Record<KpiDirection, MessageKey> = {
  higher: 'evaluations.direction.higher',
  lower: 'evaluations.direction.lower',
  within: 'evaluations.direction.within',
};

export const PART_LABEL: Record<Part, MessageKey> = {
  kpi: 'evaluations.part.kpi',
  self: 'evaluations.part.self',
  peer: 'evaluations.part.peer',
  lead: 'evaluations.part.lead',
};

export const STATE_LABEL: Record<CycleState | 'appealed', MessageKey> = {
  open: 'evaluations.state.open',
  closed: 'evaluations.state.closed',
  appealed: 'evaluations.state.appealed',
};

export const REWARD_LABEL: Record<RewardKind, MessageKey> = {
  bonus: 'evaluations.reward.bonus',
  title: 'evaluations.reward.title',
  training: 'evaluations.reward.training',
  promotion: 'evaluations.reward.promotion',
  penalty: 'evaluations.reward.penalty',
};

export const OUTCOME_LABEL: Record<AppealOutcome, MessageKey> = {
  upheld: 'evaluations.outcome.upheld',
  changed: 'evaluations.outcome.changed',
};

export const SOURCE_LABEL: Record<ValueSource, MessageKey> = {
  manual: 'evaluations.source.manual',
  import: 'evaluations.source.import',
  goal: 'evaluations.source.goal',
};

export const GOAL_USE_LABEL: Record<GoalUse, MessageKey> = {
  value: 'evaluations.goalUse.value',
  attainment: 'evaluations.goalUse.attainment',
};
