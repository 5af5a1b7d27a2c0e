/**
 * `team db backup FILE`: a consistent SQLite copy in a new file, never over
 * one: SQLite's online backup from SQLite (while another connection holds a
 * write transaction open), the copy of `db copy` from PostgreSQL.
 */
import { TABLES } from '../../../src/db/schema.js';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, expectRejected, onPostgres, query, run, tempDb } from '../../helpers.js';
import { counts, demo, ENV, ok, printed, SECRET_URL } from '../fixture.js';

let t: ReturnType<typeof tempDb>;
beforeEach(async () => {
  t = tempDb();
  await demo(t.db);
});
afterEach(() => t.cleanup());

interface Backup {
  from: string;
  file: string;
  tables: { table: string; rows: number }[];
}

describe('team db backup', () => {
  it('writes every table into a new 0600 SQLite file, and says where and how many rows', async () => {
    const file = join(t.dir, 'backup.db');
    const r = await ok(t.db, ['db', 'backup', file, '--json']);
    const b = r.json<Backup>();
    // Nothing left beside it but the backup (no temporary file; read before the helpers open it).
    expect(readdirSync(t.dir).filter((f) => f.startsWith('backup.db'))).toEqual(['backup.db']);
    expect(b).toEqual({ from: printed(t.db), file, tables: await counts(t.db) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await dumpDb(file)).toEqual(await dumpDb(t.db));
    expect((await ok(file, ['goals', 'list', '--json'])).stdout).toBe((await ok(t.db, ['goals', 'list', '--json'])).stdout);
    const rows = b.tables.filter((c) => c.table !== 'schema_migrations').reduce((n, c) => n + c.rows, 0);
    expect(r.stderr).toBe(`Backed up ${printed(t.db)} to ${file} (${rows} rows in ${TABLES.length} tables, mode 0600).\n`);
  });

  it('prints the tables and their rows for people', async () => {
    const r = await ok(t.db, ['db', 'backup', join(t.dir, 'b.db')]);
    expect(r.stdout).toMatch(/│ Table +│ Rows │/);
    expect(r.stdout).toMatch(/│ members +│ +12 │/);
  });

  it.skipIf(onPostgres)('works while another connection holds a write transaction open, and copies only what was committed', async () => {
    const writer = new Database(t.db);
    try {
      writer.pragma('busy_timeout = 100');
      writer.exec('begin immediate');
      writer.prepare("insert into settings (key, value) values ('uncommitted', 'yes')").run();
      const file = join(t.dir, 'backup.db');
      const started = Date.now();
      await ok(t.db, ['db', 'backup', file]);
      expect(Date.now() - started).toBeLessThan(4000); // not waiting out a busy timeout
      expect(await query(file, "select * from settings where key = 'uncommitted'")).toEqual([]);
      writer.exec('commit');
    } finally {
      writer.close();
    }
    expect(await query(t.db, "select value from settings where key = 'uncommitted'")).toEqual([{ value: 'yes' }]);
  });
});

describe('team db backup refuses, exit 2, nothing changed', () => {
  it('a FILE that exists: never overwritten', async () => {
    const file = join(t.dir, 'old.db');
    writeFileSync(file, 'keep me');
    const r = await expectRejected(t.db, ['db', 'backup', file]);
    expect(r.stderr).toBe(`team: ${file} already exists; team db backup never replaces a file: name a new one.\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it.skipIf(onPostgres)('the database itself as FILE', async () => {
    expect((await expectRejected(t.db, ['db', 'backup', t.db])).stderr).toMatch(/already exists/);
  });

  it('a FILE in a folder that does not exist', async () => {
    const file = join(t.dir, 'nope', 'b.db');
    const r = await expectRejected(t.db, ['db', 'backup', file]);
    expect(r.stderr).toBe(`team: The folder ${join(t.dir, 'nope')} does not exist (for ${file}); create it first, or check the path.\n`);
    expect(existsSync(join(t.dir, 'nope'))).toBe(false);
  });

  it('a PostgreSQL URL as FILE, without its password', async () => {
    const r = await expectRejected(t.db, ['db', 'backup', SECRET_URL]);
    expect(r.stderr).toBe('team: team db backup writes a SQLite file; to copy into the PostgreSQL database postgres://u:***@127.0.0.1:1/x use team db copy --to.\n');
  });

  it('no FILE, or an empty one', async () => {
    expect((await expectRejected(t.db, ['db', 'backup'])).stderr).toBe('team: Missing argument file.\n');
    expect((await expectRejected(t.db, ['db', 'backup', ''])).stderr).toBe('team: FILE must not be empty.\n');
  });

  it.skipIf(onPostgres)('a database that does not exist yet (no backup written)', async () => {
    const fresh = tempDb();
    try {
      const file = join(fresh.dir, 'b.db');
      const r = await run(fresh.db, ['db', 'backup', file]);
      expect([r.code, r.stderr]).toEqual([2, `team: No team database at ${fresh.db} to copy: check --from, --db or TEAM_DB.\n`]);
      expect(existsSync(file)).toBe(false);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('team db backup never prints a password', () => {
  it('of a server it cannot reach: one line, exit 1, no file', async () => {
    const file = join(t.dir, 'b.db');
    const r = await run(t.db, ['--db', SECRET_URL, 'db', 'backup', file], { env: ENV });
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'team: Cannot reach the database postgres://u:***@127.0.0.1:1/x: connect ECONNREFUSED 127.0.0.1:1\n']);
    expect(existsSync(file)).toBe(false);
  });

  it.skipIf(!onPostgres)('of the server it backs up', async () => {
    const r = await ok(t.db, ['db', 'backup', join(t.dir, 'b.db'), '--json']);
    const password = new URL(t.db).password;
    expect(r.json<Backup>().from).toBe(printed(t.db));
    if (password) expect(r.stdout + r.stderr).not.toContain(`:${password}@`);
  });
});
