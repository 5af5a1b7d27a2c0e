/** The message key of every training enum value: labels are looked up, never built from strings. */
import type { MessageKey } from '../i18n/index.js';
import type { AssessmentKind, AttendeeStatus, CourseFormat, DueFlag, ItemStatus, PlanSource } from './rules/training.js';

export const FORMAT_LABEL: Record<CourseFormat, MessageKey> = {
  internal: 'training.format.internal',
  external: 'training.format.external',
  online: 'training.format.online',
  roleplay: 'training.format.roleplay',
  shadowing: 'training.format.shadowing',
  sharing: 'training.format.sharing',
};

export const KIND_LABEL: Record<AssessmentKind, MessageKey> = {
  theory: 'training.kind.theory',
  simulation: 'training.kind.simulation',
  practical: 'training.kind.practical',
};

export const SOURCE_LABEL: Record<PlanSource, MessageKey> = {
  onboarding: 'training.source.onboarding',
  plan: 'training.source.plan',
  role: 'training.source.role',
  session: 'training.source.session',
  refresher: 'training.source.refresher',
};

export const STATUS_LABEL: Record<ItemStatus, MessageKey> = {
  planned: 'training.status.planned',
  started: 'training.status.started',
  completed: 'training.status.completed',
  failed: 'training.status.failed',
  passed: 'training.status.passed',
  dropped: 'training.status.dropped',
};

export const FLAG_LABEL: Record<DueFlag, MessageKey> = {
  overdue: 'training.flag.overdue',
  'due-soon': 'training.flag.dueSoon',
};

export const ATTENDEE_LABEL: Record<AttendeeStatus, MessageKey> = {
  invited: 'training.attendee.invited',
  present: 'training.attendee.present',
  absent: 'training.attendee.absent',
};

/** Why a round left the plan when the program dropped it (a lead's own reason is shown as typed). */
export const DROP_REASON_LABEL: Readonly<Record<string, MessageKey>> = {
  retired: 'training.drop.retired',
  'no-refresh': 'training.drop.noRefresh',
};
