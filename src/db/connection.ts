import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Failure, InputError, TeamError } from '../shared/errors.js';
import { isPostgresUrl } from './location.js';
import { ensureDir, placeNew, removeDatabaseFiles, tempBeside } from './files.js';
import { migrations } from './migrations.js';
import type { Db, Queryable, SqlValue } from './sql.js';

export interface OpenOptions {
  /** `--db`; else TEAM_DB; else the XDG data folder. */
  path?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

export interface OpenedDb {
  db: Db;
  path: string;
  /**
   * True when no file exists yet: the database is built in memory and reaches
   * the disk only through `save()`, so a command that fails or only reads
   * leaves nothing behind, and `team init` lands whole or not at all.
   */
  created: boolean;
  /**
   * Whether the database is on disk now. For a new one, writes it out first
   * (mode 0600, atomically) if the command wrote anything; false if it did not.
   */
  save(): boolean;
}

/**
 * The compiled addon's path. Handing it to better-sqlite3 skips the
 * `bindings` package, which probes a dozen paths on every start.
 */
function nativeBinding(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
}

/**
 * `--db`, else TEAM_DB, else ~/.local/share/team/team.db (XDG), and whether
 * it is that default. An empty TEAM_DB counts as unset (`TEAM_DB= team …`);
 * an empty `--db` was typed on purpose, so it is an error.
 */
async function locate(opts: OpenOptions): Promise<{ path: string; isDefault: boolean }> {
  const env = opts.env ?? process.env;
  if (opts.path !== undefined) {
    if (opts.path.trim() === '') throw new InputError('err.db.emptyPath', {});
    return { path: asLocation(opts.path), isDefault: false };
  }
  if (env.TEAM_DB) return { path: asLocation(env.TEAM_DB), isDefault: false };
  const { default: envPaths } = await import('env-paths');
  return { path: join(envPaths('team', { suffix: '' }).data, 'team.db'), isDefault: true };
}

/** A location as given: a file path made absolute, a PostgreSQL URL as it is. */
const asLocation = (given: string): string => (isPostgresUrl(given) ? given : resolve(given));

/** Where the database lives: `--db`, else TEAM_DB, else ~/.local/share/team/team.db (XDG); a PostgreSQL URL as given. */
export async function locateDatabase(opts: OpenOptions): Promise<string> {
  return (await locate(opts)).path;
}

/**
 * Opens and migrates the database. A missing file is not created here: see
 * `OpenedDb.created`. Only the default location's folder is made on demand;
 * elsewhere a missing folder is a mistyped path. Refuses, untouched, a
 * database written by a newer program.
 */
export async function openDatabase(opts: OpenOptions = {}): Promise<OpenedDb> {
  const { path, isDefault } = await locate(opts);
  if (isPostgresUrl(path)) {
    const { openPostgres } = await import('./postgres.js');
    return { db: await openPostgres(path), path, created: false, save: () => true };
  }
  if (existsSync(path)) return openExisting(path);
  const folder = dirname(path);
  if (!isDefault && !existsSync(folder)) throw new InputError('err.db.noFolder', { folder, path });
  return openNew(path, isDefault);
}

function openExisting(path: string): OpenedDb {
  const readonly = !canWrite(path);
  let sqlite: Database.Database;
  try {
    sqlite = readonly ? openReadOnly(path) : new Database(path, { fileMustExist: true, nativeBinding: nativeBinding() });
  } catch (e) {
    throw new Failure('err.db.open', { path, reason: (e as Error).message });
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    // A 4 MB page cache, not the 16 MB better-sqlite3 builds in: a short-lived
    // process reads most pages once, and a whole-database list filled all 16 MB
    // (~20 MB of its peak RSS) for no gain in time.
    sqlite.pragma('cache_size = -4000');
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new Failure('err.db.newer', { path, version, known: migrations.length });
    }
    // Setting the journal mode writes the file: only when it is not WAL yet.
    if (!readonly && sqlite.pragma('journal_mode', { simple: true }) !== 'wal') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    if (version < migrations.length) {
      if (readonly) throw new Failure('err.db.readonlyOld', { path, version, known: migrations.length });
      migrate(sqlite, version);
    }
  } catch (e) {
    sqlite.close();
    throw e instanceof TeamError ? e : (readOnlyError(e, path) ?? new Failure('err.db.open', { path, reason: (e as Error).message }));
  }
  return { db: wrap(sqlite, path, readonly), path, created: false, save: () => true };
}

/**
 * Whether this user can write the database: the file, and its folder (WAL
 * mode creates -wal and -shm files next to it) unless those already exist
 * writable. access(2) is right for root too: it fails only on a read-only mount.
 */
function canWrite(path: string): boolean {
  const ok = (p: string) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  return ok(path) && (ok(dirname(path)) || (ok(`${path}-wal`) && ok(`${path}-shm`)));
}

/**
 * Read-only access. SQLite reads a WAL database in place when its -shm index
 * exists or can be made; in a read-only folder it cannot be made, and with no
 * -wal file the main file holds every committed change, so a private
 * in-memory copy of it is read instead.
 */
function openReadOnly(path: string): Database.Database {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  try {
    sqlite.pragma('user_version', { simple: true });
    return sqlite;
  } catch (e) {
    sqlite.close();
    const code = String((e as { code?: unknown }).code);
    if (existsSync(`${path}-wal`) || !(code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) throw e;
    const bytes = readFileSync(path);
    // Header bytes 18-19 say WAL (2); the in-memory copy uses a rollback journal (1).
    if (bytes.length > 19 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
    return new Database(bytes, { readonly: true, nativeBinding: nativeBinding() });
  }
}

/** A database that does not exist yet: migrated in memory, written out by `save()` if the command wrote. */
function openNew(path: string, isDefault: boolean): OpenedDb {
  const sqlite = new Database(':memory:', { nativeBinding: nativeBinding() });
  sqlite.pragma('foreign_keys = ON');
  migrate(sqlite, 0);
  const changes = () => (sqlite.prepare('select total_changes() n').get() as { n: number }).n;
  const migrated = changes();
  return {
    db: wrap(sqlite, path, false),
    path,
    created: true,
    save() {
      if (changes() === migrated) return false;
      writeNew(path, sqlite.serialize(), isDefault);
      return true;
    },
  };
}

/**
 * Puts a new database file in place whole (making the default folder, 0700,
 * first): written and switched to WAL under a temporary name, then linked to
 * `path`, which fails rather than replace a database another command created
 * meanwhile. Stopped part-way, it leaves at most the temporary file (and only
 * if killed), never a half-made `path`.
 */
function writeNew(path: string, bytes: Buffer, makeFolder: boolean): void {
  const tmp = tempBeside(path);
  const clean = () => removeDatabaseFiles(tmp);
  try {
    if (makeFolder) ensureDir(dirname(path));
    clean();
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      // A write can stop short (a full disk, a size limit): go on until it fails.
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const file = new Database(tmp, { fileMustExist: true, nativeBinding: nativeBinding() });
    try {
      file.pragma('journal_mode = WAL');
    } finally {
      file.close();
    }
    if (!placeNew(tmp, path)) throw new Failure('err.db.raced', { path });
  } catch (e) {
    if (e instanceof TeamError) throw e;
    throw new Failure('err.db.save', { path, reason: (e as Error).message });
  } finally {
    clean();
  }
}

/**
 * SQLite's online backup of the database file `path` into `file`, a new empty
 * file the caller made (so it keeps the caller's mode): a consistent copy
 * taken while other connections keep reading and writing (WAL readers do not
 * block writers). Everything after the first step goes in one step, one read
 * snapshot, so writes meanwhile never restart it.
 * @example await backupSqlite('/srv/team.db', '/backups/.team.db.tmp')
 */
export async function backupSqlite(path: string, file: string): Promise<void> {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  try {
    sqlite.pragma('busy_timeout = 5000');
    await sqlite.backup(file, { progress: () => 0x7fffffff });
  } finally {
    sqlite.close();
  }
}

/** SQLite's "attempt to write a readonly database" (file mode, mount, folder), as one clear line. */
function readOnlyError(e: unknown, path: string): TeamError | undefined {
  return String((e as { code?: unknown })?.code).startsWith('SQLITE_READONLY') ? new Failure('err.db.readonly', { path }) : undefined;
}

/** Applies the pending migrations, each with its record, one transaction each. */
function migrate(sqlite: Database.Database, from: number): void {
  if (from === 0) {
    sqlite.exec('create table if not exists schema_migrations (name text primary key, applied_at text not null)');
  }
  const record = () => sqlite.prepare('insert into schema_migrations (name, applied_at) values (?, ?)');
  for (let i = from; i < migrations.length; i++) {
    const m = migrations[i]!;
    sqlite.transaction(() => {
      // Another process may have applied it while this one waited for the lock.
      if ((sqlite.pragma('user_version', { simple: true }) as number) > i) return;
      for (const stmt of m.sqlite) sqlite.exec(stmt);
      record().run(m.name, new Date().toISOString());
      sqlite.pragma(`user_version = ${i + 1}`);
    }).immediate();
  }
}

function queryable(sqlite: Database.Database, path: string): Queryable {
  // Prepared statements are cached per SQL text: list commands reuse them.
  const cache = new Map<string, Database.Statement>();
  const prep = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  return {
    dialect: 'sqlite',
    async all<R>(sql: string, params: readonly SqlValue[] = []) {
      return prep(sql).all(...params) as R[];
    },
    async get<R>(sql: string, params: readonly SqlValue[] = []) {
      return prep(sql).get(...params) as R | undefined;
    },
    async tuples(sql: string, params: readonly SqlValue[] = []) {
      const s = prep(sql);
      const rows = s.raw(true).all(...params) as SqlValue[][];
      s.raw(false);
      return { columns: s.columns().map((c) => c.name), rows };
    },
    async eachTuple(sql: string, params: readonly SqlValue[], onRow: (row: SqlValue[]) => void) {
      const s = prep(sql).raw(true);
      try {
        for (const row of s.iterate(...params) as IterableIterator<SqlValue[]>) onRow(row);
      } finally {
        s.raw(false);
      }
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const s = prep(sql);
      if (s.reader) {
        s.all(...params);
        return { changes: 0 };
      }
      try {
        return { changes: s.run(...params).changes };
      } catch (e) {
        throw readOnlyError(e, path) ?? e;
      }
    },
  };
}

function wrap(sqlite: Database.Database, path: string, readonly: boolean): Db {
  const q = queryable(sqlite, path);
  let depth = 0;
  return {
    ...q,
    location: path,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // One connection, one writer: nested calls join the outer transaction.
      if (depth > 0) return fn(q);
      // Refused before anything runs, so nothing is half done.
      if (readonly) throw new Failure('err.db.readonly', { path });
      depth++;
      try {
        sqlite.exec('begin immediate');
        const result = await fn(q);
        sqlite.exec('commit');
        return result;
      } catch (e) {
        if (sqlite.inTransaction) sqlite.exec('rollback');
        throw readOnlyError(e, path) ?? e;
      } finally {
        depth--;
      }
    },
    async snapshot<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      if (depth > 0) return fn(q);
      depth++;
      try {
        // Deferred: the first read takes the snapshot; works on a read-only file too.
        sqlite.exec('begin');
        return await fn(q);
      } finally {
        if (sqlite.inTransaction) sqlite.exec('commit');
        depth--;
      }
    },
    async close() {
      sqlite.close();
    },
  };
}
