import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Failure, TeamError } from '../shared/errors.js';
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
  /** True when this call created the file. */
  created: boolean;
}

/**
 * The compiled addon's path. Handing it to better-sqlite3 skips the
 * `bindings` package, which probes a dozen paths on every start.
 */
function nativeBinding(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
}

/** Where the database lives: `--db`, else TEAM_DB, else ~/.local/share/team/team.db (XDG). */
export async function locateDatabase(opts: OpenOptions): Promise<string> {
  const env = opts.env ?? process.env;
  if (opts.path) return resolve(opts.path);
  if (env.TEAM_DB) return resolve(env.TEAM_DB);
  const { default: envPaths } = await import('env-paths');
  return join(envPaths('team', { suffix: '' }).data, 'team.db');
}

/**
 * Opens (creating with mode 0600 if missing) and migrates the database.
 * Refuses, untouched, a database written by a newer program.
 */
export async function openDatabase(opts: OpenOptions = {}): Promise<OpenedDb> {
  const path = await locateDatabase(opts);
  let created = false;
  if (!existsSync(path)) {
    ensureDir(dirname(path));
    try {
      closeSync(openSync(path, 'wx', 0o600));
      created = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Failure('err.db.open', { path, reason: (e as Error).message });
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: true, nativeBinding: nativeBinding() });
  } catch (e) {
    throw new Failure('err.db.open', { path, reason: (e as Error).message });
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new Failure('err.db.newer', { path, version, known: migrations.length });
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    if (version < migrations.length) migrate(sqlite, version);
  } catch (e) {
    sqlite.close();
    if (e instanceof TeamError) throw e;
    throw new Failure('err.db.open', { path, reason: (e as Error).message });
  }
  return { db: wrap(sqlite), path, created };
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdirSync spins forever
 * on some paths (seen with /proc/nope), where this fails with a clear error.
 */
function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Failure('err.db.open', { path: dir, reason: (e as Error).message });
  }
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
      for (const stmt of m.statements) sqlite.exec(stmt);
      record().run(m.name, new Date().toISOString());
      sqlite.pragma(`user_version = ${i + 1}`);
    }).immediate();
  }
}

function queryable(sqlite: Database.Database): Queryable {
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
    async run(sql: string, params: readonly SqlValue[] = []) {
      const s = prep(sql);
      if (s.reader) {
        s.all(...params);
        return { changes: 0, lastId: 0 };
      }
      const r = s.run(...params);
      return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
    },
  };
}

function wrap(sqlite: Database.Database): Db {
  const q = queryable(sqlite);
  let depth = 0;
  return {
    ...q,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // One connection, one writer: nested calls join the outer transaction.
      if (depth > 0) return fn(q);
      depth++;
      sqlite.exec('begin immediate');
      try {
        const result = await fn(q);
        sqlite.exec('commit');
        return result;
      } catch (e) {
        if (sqlite.inTransaction) sqlite.exec('rollback');
        throw e;
      } finally {
        depth--;
      }
    },
    close() {
      sqlite.close();
    },
  };
}
