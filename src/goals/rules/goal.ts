/** A goal as the program sees it (camelCase; the JSON shape of `goals … --json`). */
import type { Evaluation, GoalStatus } from './evaluate.js';
import type { Direction, MetricKind } from './units.js';

export type OwnerType = 'member' | 'department' | 'team';
export type GoalState = 'open' | 'achieved' | 'missed';
export type Term = 'long' | 'short';

export interface Goal {
  id: number;
  title: string;
  ownerType: OwnerType;
  /** Member or department id; null for the team. */
  ownerId: number | null;
  /** Member handle, department name, or "team". */
  owner: string;
  ownerName: string | null;
  metric: string | null;
  unit: string | null;
  kind: MetricKind | null;
  decimals: number;
  baseline: number | null;
  target: number | null;
  direction: Direction | null;
  start: string | null;
  due: string | null;
  horizon: string;
  term: Term;
  relevance: string | null;
  parentId: number | null;
  weight: number | null;
  periodLabel: string | null;
  draft: boolean;
  cadenceDays: number;
  state: GoalState;
  finalValue: number | null;
  closedAt: string | null;
  childCount: number;
  /** Set when archived: out of lists, roll-ups and check-ins; history kept. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A goal with where it stands today: its evaluation, less the series behind it. */
export interface GoalView extends Goal, Omit<Evaluation, 'series'> {}

export const GOAL_STATUSES: readonly GoalStatus[] = ['draft', 'not-started', 'on-track', 'at-risk', 'off-track', 'done', 'missed'];

/** Rounds for display and JSON at the goal's precision (no 0.1+0.2 artefacts). */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}
