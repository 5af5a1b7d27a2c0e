import { m20261123Goals } from '../goals/migrations/2026-11-23-goals.js';
import { m20261123Org } from '../org/migrations/2026-11-23-org.js';
import { m20261201GoalSummaries } from '../goals/migrations/2026-12-01-goal-summaries.js';
import { m20261201GoalJson } from '../goals/migrations/2026-12-01-goal-json.js';
import { m20261203GoalActivity } from '../goals/migrations/2026-12-03-goal-activity.js';
import { m20261204GoalJudgement } from '../goals/migrations/2026-12-04-goal-judgement.js';
import { m20261201Meetings } from '../meetings/migrations/2026-12-01-meetings.js';
import { m20261202Evaluations } from '../evaluations/migrations/2026-12-02-evaluations.js';
import { m20261201Training } from '../training/migrations/2026-12-01-training.js';
import { m20261203TrainingDue } from '../training/migrations/2026-12-03-training-due.js';
import { m20261204MeetingsDigest } from '../meetings/migrations/2026-12-04-meetings-digest.js';
import { m20261204TrainingDigest } from '../training/migrations/2026-12-04-training-digest.js';
import { m20261204EvaluationsDigest } from '../evaluations/migrations/2026-12-04-evaluations-digest.js';
import { m20261205MeetingRuleDays } from '../meetings/migrations/2026-12-05-meeting-rule-days.js';
import { m20261205GoalUrgency } from '../goals/migrations/2026-12-05-goal-urgency.js';
import { m20261206GoalProjectionBounds } from '../goals/migrations/2026-12-06-goal-projection-bounds.js';

/**
 * One schema change, in each engine's own DDL side by side (the SQL of a
 * released migration is frozen; a dialect may be added beside it). Each
 * feature keeps its migrations in its own migrations/ folder; this list is
 * the one order they are applied in.
 */
export interface Migration {
  /** Frozen once released: the name is the record kept in schema_migrations. */
  readonly name: string;
  /** SQLite DDL, applied in order inside one transaction with the record. */
  readonly sqlite: readonly string[];
  /** PostgreSQL DDL for the same change (the PostgreSQL engine adds these). */
  readonly postgres?: readonly string[];
}

/** Every migration, oldest first. Append only; never edit a released one. A new feature appends its own here. */
export const migrations: readonly Migration[] = [m20261123Org, m20261123Goals, m20261201GoalSummaries, m20261201GoalJson, m20261201Meetings, m20261201Training, m20261202Evaluations, m20261203GoalActivity, m20261203TrainingDue, m20261204GoalJudgement, m20261204MeetingsDigest, m20261204TrainingDigest, m20261204EvaluationsDigest, m20261205MeetingRuleDays, m20261205GoalUrgency, m20261206GoalProjectionBounds];
