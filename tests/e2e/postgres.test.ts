/**
 * What only a real process shows on a PostgreSQL database: warnings the
 * client library would print on stderr (its own ~/.pgpass lookup, its reading
 * of sslmode), for URLs written as libpq users write them.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, tempDb } from '../helpers.js';

const server = process.env.TEAM_TEST_PG;

describe.runIf(server)('a PostgreSQL database, from a real process', () => {
  const schema = `e2e_${process.pid}`;
  const t = tempDb();
  const url = new URL(server ?? 'postgres://x');
  const withSchema = (u: URL, extra = '') => `${u.toString()}?schema=${schema}${extra}`;

  beforeAll(() => {
    expect(spawn(withSchema(url), ['init']).code).toBe(0);
  });
  afterAll(async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`).finally(() => c.end());
    await t.cleanup();
  });

  it('takes the password from ~/.pgpass (PGPASSFILE) without a warning', () => {
    const file = join(t.dir, 'pgpass');
    writeFileSync(file, `*:*:*:${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}\n`);
    chmodSync(file, 0o600);
    const bare = new URL(url);
    bare.password = '';
    const r = spawn(withSchema(bare), ['depts', 'list', '--json'], { env: { PGPASSFILE: file } });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
  });

  it('reads sslmode as libpq does: prefer falls back to a plain connection on a server without SSL, silently', () => {
    for (const mode of ['prefer', 'allow', 'disable']) {
      const r = spawn(withSchema(url, `&sslmode=${mode}`), ['depts', 'list', '--json']);
      expect([mode, r.code, r.stderr]).toEqual([mode, 0, '']);
    }
    const required = spawn(withSchema(url, '&sslmode=require'), ['depts', 'list']);
    expect(required.code).toBe(1);
    expect(required.stderr).toMatch(/^team: Cannot reach the database postgres:\/\/[^:]+:\*\*\*@.*: The server does not support SSL connections\n$/);
  });
});
