import type { Db } from '../db/sql.js';

/** What every service takes: the database and the clock, injectable in tests. */
export interface ServiceOptions {
  db: Db;
  now: Date;
}

export const stamp = (now: Date) => now.toISOString();
