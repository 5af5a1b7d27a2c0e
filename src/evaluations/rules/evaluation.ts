/** What evaluations are made of, as the program sees them (camelCase; the JSON shapes of `kpis … --json` and `evals … --json`). */
import type { Grade, RewardKind, Weights } from './cycle.js';
import type { Override, ScoreRule, SeasonPart } from './scoring.js';

/** A KPI template of a role. */
export interface Kpi extends ScoreRule {
  id: number;
  roleId: number;
  role: string;
  name: string;
  presetKey: string | null;
  unit: string | null;
  weight: number;
  /** Where the value comes from (a note for the lead: 千牛 report, ERP, …). */
  source: string | null;
  /** The metric of the member's goal that gives the value, when it comes from a goal. */
  goalMetric: string | null;
  /** What of the goal is the value: its value (a response time, a rate), or its attainment in % (sales against each member's own target). */
  goalUse: GoalUse | null;
  removedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A season's override of one KPI (of every role with a KPI of that name, or of one role); null: the KPI's own. */
export interface SeasonOverride extends Override {
  id: number;
  kpi: string;
  roleId: number | null;
  role: string | null;
}

export interface Season {
  id: number;
  name: string;
  presetKey: string | null;
  from: string;
  to: string;
  yearly: boolean;
  overrides: SeasonOverride[];
  createdAt: string;
}

export type CycleState = 'open' | 'closed';

export interface Cycle {
  id: number;
  period: string;
  from: string;
  to: string;
  weights: Weights;
  grades: Grade[];
  state: CycleState;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type GoalUse = 'value' | 'attainment';

export type ValueSource = 'manual' | 'import' | 'goal';

/** One KPI of one evaluation, frozen when the cycle opened. */
export interface Item extends ScoreRule {
  id: number;
  evaluationId: number;
  kpiId: number | null;
  position: number;
  name: string;
  unit: string | null;
  weight: number;
  source: string | null;
  goalMetric: string | null;
  goalUse: GoalUse | null;
  seasons: SeasonPart[];
  value: number | null;
  valueSource: ValueSource | null;
  goalId: number | null;
  recordedAt: string | null;
}

/** One member's evaluation in a cycle, as stored (scores of a closed cycle are kept as they were locked). */
export interface EvaluationHead {
  id: number;
  cycleId: number;
  period: string;
  memberId: number;
  handle: string;
  name: string;
  roleId: number | null;
  role: string | null;
  departmentId: number | null;
  department: string | null;
  selfScore: number | null;
  selfComment: string | null;
  leadScore: number | null;
  leadComment: string | null;
  adjust: number;
  adjustReason: string | null;
  reviewer: string | null;
  reviewedAt: string | null;
  kpiScore: number | null;
  finalScore: number | null;
  grade: string | null;
}

export interface Peer {
  evaluationId: number;
  byMemberId: number;
  by: string;
  score: number;
  comment: string | null;
}

export type AppealOutcome = 'upheld' | 'changed';

export interface Appeal {
  id: number;
  evaluationId: number;
  reason: string;
  filedOn: string;
  outcome: AppealOutcome | null;
  oldScore: number | null;
  oldGrade: string | null;
  newScore: number | null;
  newGrade: string | null;
  note: string | null;
  decidedAt: string | null;
}

export type { RewardKind };
