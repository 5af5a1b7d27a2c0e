/** `team db info`: what the database is and where, its schema and how much it holds. */
import { statSync } from 'node:fs';
import { countRows, type TableCount } from '../db/copy.js';
import type { ServiceOptions } from '../shared/service.js';
import { readSchemaVersion, readServerVersion } from './repository.js';

export type { TableCount };

export interface DatabaseInfo {
  engine: 'sqlite' | 'postgres';
  /** A file path, or a URL without its password. */
  location: string;
  /** Migrations applied. */
  schemaVersion: number;
  tables: TableCount[];
  /** SQLite: the database file's size; null on PostgreSQL. */
  fileBytes: number | null;
  /** SQLite: the size of its -wal file (changes not yet checkpointed into it), null when there is none. */
  walBytes: number | null;
  /** PostgreSQL: `show server_version`; null on SQLite. */
  serverVersion: string | null;
}

/** A file's size, or null when it does not exist (a database not yet written, no -wal file). */
function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/**
 * Reads the facts of the database in one snapshot (the counts agree with each other).
 * @example const info = await getDatabaseInfo(o); info.tables.find((t) => t.table === 'goals')?.rows
 */
export async function getDatabaseInfo(o: Pick<ServiceOptions, 'db'>): Promise<DatabaseInfo> {
  const { db } = o;
  const read = await db.snapshot(async (q) => ({ schemaVersion: await readSchemaVersion(q), tables: await countRows(q), serverVersion: await readServerVersion(q) }));
  const sqlite = db.dialect === 'sqlite';
  return {
    engine: db.dialect,
    location: db.location,
    schemaVersion: read.schemaVersion,
    tables: read.tables,
    fileBytes: sqlite ? sizeOf(db.location) : null,
    walBytes: sqlite ? sizeOf(`${db.location}-wal`) : null,
    serverVersion: read.serverVersion,
  };
}
