/**
 * `team db copy` and `team db backup`: a whole team database into another,
 * or into a new SQLite file. Both open their databases themselves (a source
 * and a target, by location), since which databases to open is the request.
 * Nothing is written unless the whole copy succeeds: a new SQLite target is
 * built in memory and written out (0600, never over a file) only at the end;
 * an existing one is filled in one transaction.
 */
import { closeSync, existsSync, openSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupSqlite, locateDatabase, openDatabase, type OpenedDb } from '../db/connection.js';
import { placeNew, removeDatabaseFiles, tempBeside } from '../db/files.js';
import { copyDatabase, countRows, type TableCheck } from '../db/copy.js';
import { isPostgresUrl, redactUrl } from '../db/location.js';
import { Failure, InputError, TeamError } from '../shared/errors.js';
import type { TableCount } from './info.service.js';
import { urlIdentity } from './rules/location.js';

export type { TableCheck };

export interface CopyRequest {
  /** The source: a SQLite path or a PostgreSQL URL; undefined for the current database (TEAM_DB, else the default). */
  from: string | undefined;
  /** The target: a SQLite path (a new file, or an empty database) or a PostgreSQL URL of an empty database. */
  to: string;
  env: NodeJS.ProcessEnv;
}

export interface CopyResult {
  /** Printable locations (no password). */
  from: string;
  to: string;
  /** Each table's rows and checksum, the same in the source and, read back, the target. */
  tables: TableCheck[];
}

export interface BackupRequest {
  from: string | undefined;
  /** The new SQLite file; it must not exist. */
  file: string;
  env: NodeJS.ProcessEnv;
}

export interface BackupResult {
  from: string;
  /** The backup's absolute path. */
  file: string;
  /** What the backup holds, read back from it. */
  tables: TableCount[];
}

/** What makes two locations one database: the real path of a file, the server, database and schema of a URL. */
function identity(location: string): string {
  if (isPostgresUrl(location)) return urlIdentity(location);
  try {
    return realpathSync(location);
  } catch {
    return location;
  }
}

/** A SQLite target whose folder is missing is a mistyped path, refused before anything is opened. */
function assertFolder(path: string): void {
  if (!isPostgresUrl(path) && !existsSync(path) && !existsSync(dirname(path))) throw new InputError('database.err.noFolder', { folder: dirname(path), path });
}

/** Opens the source, which must hold a team database (no new one is made for it). */
async function openSource(from: string | undefined, env: NodeJS.ProcessEnv): Promise<OpenedDb> {
  const source = await openDatabase({ path: from, env });
  if (source.created) {
    await source.db.close();
    throw new InputError('database.err.noSource', { path: redactUrl(source.path) });
  }
  return source;
}

/**
 * Copies the whole team database at `from` (else the current one) into the
 * empty database at `to`, ids kept, in one transaction, verified by counts
 * and checksums. Refuses the source itself, a missing source, a non-empty
 * target and a target in a missing folder, all before writing anything.
 * @example await copyTeamDatabase({ from: undefined, to: 'postgres://lead@db/team', env })
 */
export async function copyTeamDatabase(req: CopyRequest): Promise<CopyResult> {
  const [fromAt, toAt] = [await locateDatabase({ path: req.from, env: req.env }), await locateDatabase({ path: req.to, env: req.env })];
  if (identity(fromAt) === identity(toAt)) throw new InputError('database.err.same', { path: redactUrl(toAt) });
  assertFolder(toAt);
  const source = await openSource(req.from, req.env);
  try {
    const target = await openDatabase({ path: toAt, env: req.env });
    try {
      const tables = await copyDatabase(source.db, target.db);
      // A new SQLite file reaches the disk only now, whole.
      target.save();
      return { from: source.db.location, to: target.db.location, tables };
    } finally {
      await target.db.close();
    }
  } finally {
    await source.db.close();
  }
}

/**
 * A consistent SQLite copy of the database at `from` (else the current one)
 * in the new file `file` (mode 0600, never over an existing file), taken
 * while others keep working: SQLite's online backup from a SQLite database,
 * the copy of `db copy` from PostgreSQL. Returns what the backup holds.
 * @example await backupTeamDatabase({ from: undefined, file: 'backups/team-2026-11-23.db', env })
 */
export async function backupTeamDatabase(req: BackupRequest): Promise<BackupResult> {
  if (isPostgresUrl(req.file)) throw new InputError('database.err.backupUrl', { path: redactUrl(req.file) });
  const file = resolve(req.file);
  if (existsSync(file)) throw new InputError('database.err.exists', { path: file });
  assertFolder(file);
  const source = await openSource(req.from, req.env);
  try {
    if (source.db.dialect === 'sqlite') return { from: source.db.location, file, tables: await onlineBackup(source.path, file) };
    const target = await openDatabase({ path: file, env: req.env });
    try {
      const tables = await copyDatabase(source.db, target.db);
      target.save();
      return { from: source.db.location, file, tables: tables.map(({ table, rows }) => ({ table, rows })) };
    } finally {
      await target.db.close();
    }
  } finally {
    await source.db.close();
  }
}

/**
 * SQLite's online backup into a temporary file beside `file` (made 0600
 * before any page is written), read back as a team database, then linked to
 * `file`, which fails rather than replace a file made meanwhile. Stopped
 * part-way, it leaves at most the temporary file, never a half-made `file`.
 */
async function onlineBackup(source: string, file: string): Promise<TableCount[]> {
  const tmp = tempBeside(file);
  const clean = () => removeDatabaseFiles(tmp);
  try {
    clean();
    closeSync(openSync(tmp, 'wx', 0o600));
    await backupSqlite(source, tmp);
    const copy = await openDatabase({ path: tmp, env: {} });
    let tables: TableCount[];
    try {
      tables = await copy.db.snapshot((q) => countRows(q));
    } finally {
      await copy.db.close();
    }
    if (!placeNew(tmp, file)) throw new InputError('database.err.exists', { path: file });
    return tables;
  } catch (e) {
    if (e instanceof TeamError) throw e;
    throw new Failure('database.err.backup', { path: file, reason: (e as Error).message.split('\n')[0]! });
  } finally {
    clean();
  }
}
