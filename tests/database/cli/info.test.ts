/** `team db info`: the engine, where the database is (never a password), its schema, rows and size. */
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/db/migrations.js';
import { ENGINE, onPostgres, run, tempDb } from '../../helpers.js';
import { counts, demo, ok, printed, SECRET_URL } from '../fixture.js';

let t: ReturnType<typeof tempDb>;
beforeEach(async () => {
  t = tempDb();
  await demo(t.db);
});
afterEach(() => t.cleanup());

interface Info {
  engine: string;
  location: string;
  schemaVersion: number;
  tables: { table: string; rows: number }[];
  fileBytes: number | null;
  walBytes: number | null;
  serverVersion: string | null;
}

describe('team db info --json', () => {
  it('says the engine, the printable location, the schema version and every table\'s rows', async () => {
    const info = (await ok(t.db, ['db', 'info', '--json'])).json<Info>();
    expect(Object.keys(info)).toEqual(['engine', 'location', 'schemaVersion', 'tables', 'fileBytes', 'walBytes', 'serverVersion']);
    expect(info).toMatchObject({ engine: ENGINE, location: printed(t.db), schemaVersion: migrations.length });
    expect(info.tables).toEqual(await counts(t.db));
    expect(info.tables.find((r) => r.table === 'members')?.rows).toBe(12);
  });

  it.skipIf(onPostgres)('gives the file\'s size (and its -wal file\'s) on SQLite, no server version', async () => {
    const info = (await ok(t.db, ['db', 'info', '--json'])).json<Info>();
    expect(info.fileBytes).toBe(statSync(t.db).size);
    expect(info.walBytes).toEqual(expect.any(Number));
    expect(info.serverVersion).toBeNull();
  });

  it.skipIf(!onPostgres)('gives the server\'s version on PostgreSQL, no file size, and no password', async () => {
    const r = await ok(t.db, ['db', 'info', '--json']);
    const info = r.json<Info>();
    expect(info.serverVersion).toMatch(/^\d+(\.\d+)?/);
    expect([info.fileBytes, info.walBytes]).toEqual([null, null]);
    const password = new URL(t.db).password;
    if (password) expect(r.stdout + r.stderr).not.toContain(`:${password}@`);
  });
});

describe('team db info for people', () => {
  it('prints the facts, then a table of rows per table', async () => {
    const r = await ok(t.db, ['db', 'info']);
    expect(r.stdout).toContain(`Engine          ${ENGINE}\n`);
    expect(r.stdout).toContain(`Location        ${printed(t.db)}\n`);
    expect(r.stdout).toContain(`Schema version  ${migrations.length}\n`);
    expect(r.stdout).toMatch(onPostgres ? /Server version {2}\d+/ : /File size {7}[\d,]+ bytes/);
    expect(r.stdout).toMatch(/│ members +│ +12 │/);
  });

  it('speaks Chinese', async () => {
    const r = await ok(t.db, ['--lang', 'zh', 'db', 'info']);
    expect(r.stdout).toContain('引擎');
    expect(r.stdout).toContain('结构版本');
    expect(r.stdout).toMatch(/│ 表 +│ 行数 │/);
  });
});

describe('team db info refuses', () => {
  it.skipIf(onPostgres)('a database that does not exist yet (and creates none)', async () => {
    const fresh = tempDb();
    try {
      const r = await run(fresh.db, ['db', 'info']);
      expect([r.code, r.stderr]).toEqual([1, `team: No team database at ${fresh.db} yet: create it with team init (or check --db / TEAM_DB).\n`]);
    } finally {
      await fresh.cleanup();
    }
  });

  it('a server it cannot reach in one line, without the password (exit 1)', async () => {
    const r = await run(t.db, ['--db', SECRET_URL, 'db', 'info']);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'team: Cannot reach the database postgres://u:***@127.0.0.1:1/x: connect ECONNREFUSED 127.0.0.1:1\n']);
  });
});
