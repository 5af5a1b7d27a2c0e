/** Shared by the `team db` tests: a run that must succeed, the demo team, and the row counts of a database. */
import { expect } from 'vitest';
import { redactUrl } from '../../src/db/location.js';
import { TABLES } from '../../src/db/schema.js';
import { fromBase, query, run, type RunOptions, type RunResult } from '../helpers.js';

/** The clock and the actor every `team db` test runs with. */
export const ENV = { TEAM_TODAY: '2026-11-23', TEAM_USER: 'lead' };

/** A URL with a password and nothing listening: every message about it must leave the password out. */
export const SECRET_URL = 'postgres://u:s3cret@127.0.0.1:1/x';

/** Runs `team …args` with TEAM_DB = `db` and expects exit 0. */
export async function ok(db: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const r = await run(db, args, { ...opts, env: { ...ENV, ...opts.env } });
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

/**
 * Makes the fresh `db` the demo shop team (12 members, goals with check-ins,
 * meetings, training, evaluations): `team demo` runs once per worker and
 * engine (~3 s on PostgreSQL) and is cloned from then on.
 */
export async function demo(db: string): Promise<void> {
  await fromBase(db, 'demo', async (base) => {
    await ok(base, ['--db', base, 'demo', '--json']);
  });
}

/** Every table's row count, read through the program's seam. */
export async function counts(db: string): Promise<{ table: string; rows: number }[]> {
  const out: { table: string; rows: number }[] = [];
  for (const table of TABLES) out.push({ table, rows: (await query<{ n: number }>(db, `select count(*) as n from ${table}`))[0]!.n });
  return out;
}

/** The location as the program prints it (a test server's password left out). */
export const printed = (db: string): string => redactUrl(db);
