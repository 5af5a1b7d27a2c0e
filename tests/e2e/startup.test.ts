import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { spawn, tempDb } from '../helpers.js';

const LOAD = fileURLToPath(new URL('../../bin/load.cjs', import.meta.url));

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
  expect(spawn(t.db, ['demo', '--db', t.db, '--json']).code).toBe(0);
});
afterEach(() => t.cleanup());

/** Runs a command in-process through the launcher and lists the vendor bundles it loaded. */
function vendorsLoaded(args: string[]): string[] {
  const script = `
    const { loadBundle } = require(${JSON.stringify(LOAD)});
    process.stdout.write = () => true;
    loadBundle().run(['node', 'team', ...${JSON.stringify(args)}]).then((code) => {
      const vendors = Object.keys(require.cache).filter((f) => f.includes('/dist/vendor/')).map((f) => f.split('/').pop());
      process.stderr.write('@@' + JSON.stringify({ code, vendors }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
  const out = JSON.parse(r.stderr.split('@@').pop() ?? '') as { code: number; vendors: string[] };
  expect(out.code).toBe(0);
  return out.vendors;
}

describe('start-up budget', () => {
  it('list commands load neither zod nor the prompt library', () => {
    for (const cmd of [['members', 'list', '--json'], ['roles', 'list', '--json'], ['goals', 'list', '--json'], ['goals', 'tree', '1', '--json'], ['meetings', 'upcoming', '--days', '30', '--json'], ['meetings', 'list'], ['actions', 'list', '--json'], ['meetings', 'day', '--json'], ['training', 'status', '--json'], ['training', 'courses', 'list'], ['training', 'sessions', 'list', '--json'], ['training', 'report', '--json'], ['training', 'attempts', 'wu.xue', '--json'], ['training', 'courses', 'show', 'cs-basics', '--json'], ['training', 'sessions', 'show', '1', '--json'], ['kpis', 'list', '--json'], ['kpis', 'show', 'First response time', '--role', 'Customer service specialist (pre-sale)', '--json'], ['kpis', 'season', 'list'], ['evals', 'list'], ['evals', 'report', '--json'], ['evals', 'show', 'wu.xue', '--trend', '--json'], ['evals', 'rewards', '--format', 'csv'], ['evals', 'rules', 'list'], ['--help']]) {
      expect([cmd, vendorsLoaded(['--db', t.db, ...cmd])]).toEqual([cmd, []]);
    }
  });

  // The PostgreSQL client is a vendor bundle of its own: the list above proves SQLite never loads it.
  it.runIf(process.env.TEAM_TEST_PG)('a PostgreSQL database loads the PostgreSQL client, and only then', () => {
    const url = `${process.env.TEAM_TEST_PG}?schema=startup_${process.pid}`;
    expect(vendorsLoaded(['--db', url, 'members', 'list', '--json']).sort()).toEqual(['pg-cursor.cjs', 'pg.cjs', 'pgpass.cjs']);
    expect(vendorsLoaded(['--db', t.db, 'members', 'list', '--json'])).toEqual([]);
    onTestFinished(async () => {
      const c = new pg.Client({ connectionString: process.env.TEAM_TEST_PG });
      await c.connect();
      await c.query(`drop schema if exists startup_${process.pid} cascade`).finally(() => c.end());
    });
  });

  it('a write command loads zod but, given every flag, not the prompt library', () => {
    expect(vendorsLoaded(['--db', t.db, 'depts', 'add', 'Live', '--description', 'Douyin'])).toEqual(['zod.cjs']);
  });
});
