/** Test helpers: run the real binary on a temporary database and read the database back. */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  input?: string;
}

/**
 * Runs `team …args` as a user would, with a clean environment: English,
 * no colour, no terminal, TEAM_DB pointing at `db`.
 */
export function run(db: string, args: readonly string[], opts: RunOptions = {}): RunResult {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TEAM_DB: db, LANG: 'en_US.UTF-8', NO_COLOR: '1', TZ: 'UTC' };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], { env, input: opts.input ?? '', encoding: 'utf8' });
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T>() => JSON.parse(r.stdout) as T,
  };
}

/** A fresh folder with a database path inside; `cleanup()` removes it. */
export function tempDb(): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'team-test-'));
  return { dir, db: join(dir, 'team.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of every table, for "the database is unchanged" assertions. */
export function dumpDb(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]));
  } finally {
    db.close();
  }
}

/** Runs a SQL query on the database directly. */
export function query<T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Asserts-friendly: a failing command must leave one line on stderr, exit 2, and the database as it was. */
export function expectRejected(db: string, args: readonly string[], opts: RunOptions = {}): RunResult {
  const before = dumpDb(db);
  const r = run(db, args, opts);
  const after = dumpDb(db);
  if (r.code !== 2) throw new Error(`expected exit 2, got ${r.code}: ${r.stderr}${r.stdout}`);
  if (r.stderr.trim().split('\n').length !== 1) throw new Error(`expected one stderr line, got: ${r.stderr}`);
  if (/\n\s+at /.test(r.stderr)) throw new Error(`stack trace on stderr: ${r.stderr}`);
  if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error('the database changed');
  return r;
}
