import { m20261123Goals } from '../goals/migrations/2026-11-23-goals.js';
import { m20261123Org } from '../org/migrations/2026-11-23-org.js';
import { m20261201GoalSummaries } from '../goals/migrations/2026-12-01-goal-summaries.js';

export interface Migration {
  /** Frozen once released: the name is the record kept in schema_migrations. */
  readonly name: string;
  /** SQLite DDL, applied in order inside one transaction with the record. */
  readonly statements: readonly string[];
}

/** Every migration, oldest first. Append only; never edit a released one. */
export const migrations: readonly Migration[] = [m20261123Org, m20261123Goals, m20261201GoalSummaries];
