/**
 * Test helpers. Most tests run the program in-process: `run()` calls the
 * entry point's `run(argv, io)` with captured stdout/stderr, its own
 * environment and a temporary database, so a command costs milliseconds, not
 * a Node start. `spawn()` runs the real bin/team, for what only a process
 * shows (start-up, pipes, signals, terminal prompts). Both read the database
 * back through the program's own query seam, never SQLite's catalog.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySchema, isMigrated, takeSchema } from './pg-schemas.js';
import { openDatabase } from '../src/db/connection.js';
import { isPostgresUrl } from '../src/db/location.js';
import { TABLES } from '../src/db/schema.js';
import type { Db, SqlValue } from '../src/db/sql.js';
import { run as runProgram } from '../src/cli/main.js';

export const BIN = fileURLToPath(new URL('../bin/team', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws if it is not). */
  json: <T = unknown>() => T;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Standard input (spawned runs only). */
  input?: string;
}

/** A clean environment: English, no colour, no terminal, UTC, TEAM_DB pointing at `db`; `opts.env` adds or (undefined) removes. */
export function testEnv(db: string, opts: RunOptions = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TEAM_DB: db, LANG: 'en_US.UTF-8', NO_COLOR: '1', TZ: 'UTC' };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

const result = (code: number, stdout: string, stderr: string): RunResult => ({ code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T });

/**
 * Runs `team …args` in-process as a user would from a script: no terminal,
 * the environment from `testEnv`. Resolves with exit code and output.
 * @example const r = await run(db, ['goals', 'list', '--json']); r.json()
 */
export async function run(db: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runProgram([process.execPath, 'team', ...args], {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdinIsTTY: false,
    env: testEnv(db, opts),
  });
  return result(code, stdout, stderr);
}

/** Runs the real bin/team in a child process (build first: the e2e global setup does). */
export function spawn(db: string, args: readonly string[], opts: RunOptions & { timeout?: number } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: testEnv(db, opts), input: opts.input ?? '', encoding: 'utf8', timeout: opts.timeout });
  return result(r.status ?? -1, r.stdout, r.stderr);
}

/**
 * The engine this project's tests run on: `sqlite`, or `postgres` in the
 * PostgreSQL project (vitest.config.ts), where the same suites run against a
 * real server. Tests of what only one engine has (files, modes) skip on the other.
 */
export const ENGINE: 'sqlite' | 'postgres' = process.env.TEAM_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = ENGINE === 'postgres';

/**
 * A fresh, empty database for one test and a folder for its files;
 * `cleanup()` removes the folder. `db` is a file path inside the folder on
 * SQLite; on PostgreSQL, the URL of a schema of its own in the run's test
 * database (tests/pg-schemas.ts). `file` is always a SQLite path, for the tests of files.
 */
export function tempDb(): { dir: string; db: string; file: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'team-test-'));
  const file = join(dir, 'team.db');
  const pg = onPostgres ? takeSchema() : undefined;
  return {
    dir,
    db: pg?.url ?? file,
    file,
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (!pg) return;
      await closeReader(pg.url);
      await pg.release();
    },
  };
}

/**
 * Copies a test's base database into a fresh one made by tempDb, both of one
 * engine: a file copy on SQLite (the base is closed, so checkpointed), INSERT
 * … SELECT between schemas on PostgreSQL (db copy's own code has its own tests).
 */
export async function cloneDb(from: string, to: string): Promise<void> {
  if (isPostgresUrl(from) !== isPostgresUrl(to)) throw new Error(`cloneDb: ${from} and ${to} are not of one engine`);
  if (!isPostgresUrl(to)) return copyFileSync(from, to);
  const [a, b] = [from, to].map((u) => new URL(u).searchParams.get('schema')!) as [string, string];
  // A new schema is migrated by its first open (one from the pool already is).
  if (!isMigrated(b)) await (await openDatabase({ path: to, env: {} })).db.close();
  await copySchema(a, b);
}

const bases = new Map<unknown, Map<string, Promise<string>>>();

/**
 * Makes the fresh database `db` (tempDb's `db`, or its SQLite `file`) a copy
 * of the base `name` stands for (a string, or the seed function itself), which
 * `build` makes the first time a worker needs it, by running the program for
 * real, on `db`'s engine. For suites that start each test from the same team:
 * in the shared module graph (vitest.config.ts) files with the same seed
 * share its base. The tests of the commands that build it run them themselves.
 */
export async function fromBase(db: string, name: string | object, build: (base: string) => Promise<void>): Promise<void> {
  const engine = isPostgresUrl(db) ? 'server' : 'file';
  const byEngine = bases.get(name) ?? new Map<string, Promise<string>>();
  bases.set(name, byEngine);
  let base = byEngine.get(engine);
  if (!base) {
    base = (async () => {
      const t = tempDb();
      process.once('exit', () => rmSync(t.dir, { recursive: true, force: true }));
      const at = isPostgresUrl(db) ? t.db : t.file;
      await build(at);
      return at;
    })();
    byEngine.set(engine, base);
  }
  await cloneDb(await base, db);
}

/**
 * Makes `db` (fresh, from tempDb) the database plain `team init` makes: the
 * e-commerce preset in English, cloned from one init made once per worker
 * (init costs ~70 ms on SQLite, ~500 ms on PostgreSQL, a round trip a row).
 */
export async function initDb(db: string): Promise<void> {
  await fromBase(db, 'init', async (base) => {
    const r = await run(base, ['init']);
    if (r.code !== 0) throw new Error(`team init failed: ${r.stderr}`);
  });
}

// On PostgreSQL the helpers' reads share one connection per test database
// (a connection costs ~20 ms), closed by tempDb's cleanup.
const readers = new Map<string, Promise<Db>>();

/** Reads `path` through the program's seam: a connection of its own on SQLite, the test's reader on PostgreSQL. */
async function reading<T>(path: string, fn: (db: Db) => Promise<T>): Promise<T> {
  if (onPostgres) {
    let db = readers.get(path);
    if (!db) readers.set(path, (db = openDatabase({ path, env: {} }).then((o) => o.db)));
    return fn(await db);
  }
  const { db } = await openDatabase({ path, env: {} });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function closeReader(path: string): Promise<void> {
  const db = readers.get(path);
  readers.delete(path);
  if (db) await (await db).close();
}

/** Writes to the database behind the program's back (through its seam, in one statement): to stage what a test needs. */
export async function exec(path: string, sql: string, ...params: SqlValue[]): Promise<void> {
  const { db } = await openDatabase({ path, env: {} });
  try {
    await db.run(sql, params);
  } finally {
    await db.close();
  }
}

/** Runs a query on the database through the program's seam (read-only use). */
export async function query<T = Record<string, unknown>>(path: string, sql: string, ...params: SqlValue[]): Promise<T[]> {
  return reading(path, (db) => db.all<T>(sql, params));
}

/** Every row of every table the program knows, for "the database is unchanged" assertions. */
export async function dumpDb(path: string): Promise<Record<string, unknown[]>> {
  return reading(path, async (db) => {
    const dump: Record<string, unknown[]> = {};
    // In a total order the same on both engines: by every column, values compared as JavaScript does.
    for (const table of TABLES) dump[table] = (await db.all<Record<string, SqlValue>>(`select * from ${table}`)).sort(byEveryColumn);
    return dump;
  });
}

function byEveryColumn(a: Record<string, SqlValue>, b: Record<string, SqlValue>): number {
  for (const k of Object.keys(a)) {
    const [x, y] = [a[k]!, b[k]!];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/** A failing command must leave one line on stderr, exit 2, and the database as it was. */
export async function expectRejected(db: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const before = await dumpDb(db);
  const r = await run(db, args, opts);
  const after = await dumpDb(db);
  if (r.code !== 2) throw new Error(`expected exit 2, got ${r.code}: ${r.stderr}${r.stdout}`);
  if (r.stderr.trim().split('\n').length !== 1) throw new Error(`expected one stderr line, got: ${r.stderr}`);
  if (/\n\s+at /.test(r.stderr)) throw new Error(`stack trace on stderr: ${r.stderr}`);
  if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error('the database changed');
  return r;
}
