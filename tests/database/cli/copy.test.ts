/**
 * `team db copy`: the whole team into an empty database, ids kept, verified.
 * On SQLite (fast) the copies are SQLite → SQLite; in the PostgreSQL project
 * `t.db` is a server database, so the same tests copy PostgreSQL → SQLite,
 * and the round trips go SQLite → PostgreSQL → SQLite.
 */
import { TABLES } from '../../../src/db/schema.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, expectRejected, onPostgres, run, tempDb } from '../../helpers.js';
import { adminQuery } from '../../pg-schemas.js';
import { counts, demo, ENV, ok, printed, SECRET_URL } from '../fixture.js';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

interface Copied {
  from: string;
  to: string;
  tables: { table: string; rows: number; checksum: string }[];
}

const goalsJson = async (db: string) => (await ok(db, ['goals', 'list', '--json'])).stdout;

describe('team db copy into a new SQLite file', () => {
  it('copies every table, ids kept, into a new 0600 file, and prints each table\'s rows and checksum', async () => {
    await demo(t.db);
    const target = join(t.dir, 'copy.db');
    const r = await ok(t.db, ['db', 'copy', '--to', target, '--json']);
    const copied = r.json<Copied>();
    expect([copied.from, copied.to]).toEqual([printed(t.db), target]);
    expect(copied.tables.map(({ table, rows }) => ({ table, rows }))).toEqual(await counts(t.db));
    expect(copied.tables.every((c) => /^[0-9a-f]{64}$/.test(c.checksum))).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(await dumpDb(target)).toEqual(await dumpDb(t.db));
    expect(await goalsJson(target)).toBe(await goalsJson(t.db));
    expect(r.stderr).toBe(`Copied ${printed(t.db)} to ${target}: ${copied.tables.filter((c) => c.table !== 'schema_migrations').reduce((n, c) => n + c.rows, 0)} rows in ${TABLES.length} tables, ids kept; every table checked by count and sha256 checksum.\n`);
  });

  it('prints a table of table, rows and the start of each checksum for people', async () => {
    await demo(t.db);
    const target = join(t.dir, 'copy.db');
    const r = await ok(t.db, ['db', 'copy', '--to', target]);
    expect(r.stdout).toMatch(/│ Table +│ Rows │ Checksum \(sha256\) │/);
    expect(r.stdout).toMatch(/│ members +│ +12 │ [0-9a-f]{16} +│/);
  });

  it('copies from --from, whatever the current database is, and the copy goes on working', async () => {
    await demo(t.db);
    const other = tempDb();
    try {
      const target = join(t.dir, 'laptop.db');
      await ok(other.db, ['db', 'copy', '--from', t.db, '--to', target]);
      expect(await dumpDb(target)).toEqual(await dumpDb(t.db));
      // Ids go on after the copied ones.
      const added = (await ok(target, ['depts', 'add', 'Livestream', '--json'])).json<{ id: number }>();
      expect(added.id).toBe(7);
    } finally {
      await other.cleanup();
    }
  });
});

describe.skipIf(!onPostgres)('team db copy between SQLite and PostgreSQL', () => {
  it('SQLite → PostgreSQL → SQLite: both ends and the server hold the same rows and show the same goals', async () => {
    const laptop = join(t.dir, 'laptop.db');
    const back = join(t.dir, 'back.db');
    await demo(laptop);
    await ok(laptop, ['db', 'copy', '--to', t.db]);
    await ok(t.db, ['db', 'copy', '--to', back]);
    const dump = await dumpDb(laptop);
    expect(await dumpDb(t.db)).toEqual(dump);
    expect(await dumpDb(back)).toEqual(dump);
    const goals = await goalsJson(laptop);
    expect(await goalsJson(t.db)).toBe(goals);
    expect(await goalsJson(back)).toBe(goals);
  });

  it('gathers statistics for the team\'s own tables only, never another schema\'s of the same database', async () => {
    // A bare ANALYZE walked every schema: another team's, and one dropped meanwhile failed the copy
    // ("relation with OID … does not exist"). A table never analyzed has reltuples -1.
    const other = `other_team_${process.pid}_${Date.now()}`;
    await adminQuery(`create schema ${other}; create table ${other}.probe (x integer); insert into ${other}.probe values (1), (2), (3)`);
    try {
      const laptop = join(t.dir, 'laptop.db');
      await demo(laptop);
      await ok(laptop, ['db', 'copy', '--to', t.db]);
      const schema = new URL(t.db).searchParams.get('schema')!;
      const tuples = async (name: string) => (await adminQuery<{ n: number }>(`select reltuples::integer as n from pg_class where oid = to_regclass('${name}')`))[0]!.n;
      expect(await tuples(`${other}.probe`)).toBe(-1);
      expect(await tuples(`"${schema}".members`)).toBe(12);
    } finally {
      await adminQuery(`drop schema ${other} cascade`);
    }
  });

  it('PostgreSQL → SQLite → PostgreSQL: the same, and the checksums agree across engines', async () => {
    await demo(t.db);
    const laptop = join(t.dir, 'laptop.db');
    const server2 = tempDb();
    try {
      const there = (await ok(t.db, ['db', 'copy', '--to', laptop, '--json'])).json<Copied>();
      const back = (await ok(laptop, ['db', 'copy', '--to', server2.db, '--json'])).json<Copied>();
      expect(back.tables).toEqual(there.tables);
      expect(await dumpDb(server2.db)).toEqual(await dumpDb(t.db));
      expect(await goalsJson(server2.db)).toBe(await goalsJson(t.db));
      // The server's id sequences go on after the copied ids.
      expect((await ok(server2.db, ['depts', 'add', 'Livestream', '--json'])).json<{ id: number }>().id).toBe(7);
    } finally {
      await server2.cleanup();
    }
  });
});

describe('team db copy refuses, exit 2, nothing changed', () => {
  it('a target that already holds team data (the target unchanged)', async () => {
    await demo(t.db);
    const target = tempDb();
    try {
      await ok(target.db, ['init', '--preset', 'blank']);
      const source = await dumpDb(t.db);
      const r = await expectRejected(target.db, ['db', 'copy', '--from', t.db, '--to', target.db]);
      expect(r.stderr).toBe(`team: The target ${printed(target.db)} already holds team data (settings: 1 rows); db copy writes into an empty database only. Nothing was copied.\n`);
      expect(await dumpDb(t.db)).toEqual(source);
    } finally {
      await target.cleanup();
    }
  });

  it('the current database as its own target', async () => {
    await demo(t.db);
    const r = await expectRejected(t.db, ['db', 'copy', '--to', t.db]);
    expect(r.stderr).toBe(`team: The source and the target are the same database (${printed(t.db)}); copy to another one.\n`);
  });

  it.skipIf(onPostgres)('the same file by another name', async () => {
    await demo(t.db);
    const r = await expectRejected(t.db, ['db', 'copy', '--to', join(t.dir, '.', '..', t.dir.split('/').pop()!, 'team.db')]);
    expect(r.stderr).toMatch(/are the same database/);
  });

  it('a target in a folder that does not exist (no folder or file made)', async () => {
    await demo(t.db);
    const target = join(t.dir, 'nope', 'copy.db');
    const r = await expectRejected(t.db, ['db', 'copy', '--to', target]);
    expect(r.stderr).toBe(`team: The folder ${join(t.dir, 'nope')} does not exist (for ${target}); create it first, or check the path.\n`);
    expect(existsSync(join(t.dir, 'nope'))).toBe(false);
  });

  it('a source that does not exist (and writes no target)', async () => {
    await demo(t.db);
    const target = join(t.dir, 'copy.db');
    const r = await expectRejected(t.db, ['db', 'copy', '--from', join(t.dir, 'missing.db'), '--to', target]);
    expect(r.stderr).toBe(`team: No team database at ${join(t.dir, 'missing.db')} to copy: check --from, --db or TEAM_DB.\n`);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(t.dir, 'missing.db'))).toBe(false);
  });

  it('a missing or empty --to', async () => {
    await demo(t.db);
    expect((await expectRejected(t.db, ['db', 'copy'])).stderr).toBe('team: Missing --to <location>.\n');
    expect((await expectRejected(t.db, ['db', 'copy', '--to', ' '])).stderr).toBe('team: --to must not be empty.\n');
  });

  it('in Chinese too', async () => {
    await demo(t.db);
    const r = await expectRejected(t.db, ['--lang', 'zh', 'db', 'copy', '--to', t.db]);
    expect(r.stderr).toBe(`team: 源和目标是同一个数据库（${printed(t.db)}）；请复制到另一个数据库。\n`);
  });
});

describe('team db copy never prints a password', () => {
  it('of a target it cannot reach: one line, exit 1, no file written', async () => {
    await demo(t.db);
    const r = await run(t.db, ['db', 'copy', '--to', SECRET_URL], { env: ENV });
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'team: Cannot reach the database postgres://u:***@127.0.0.1:1/x: connect ECONNREFUSED 127.0.0.1:1\n']);
  });

  it('of a source it cannot reach', async () => {
    const target = join(t.dir, 'copy.db');
    const r = await run(t.db, ['db', 'copy', '--from', SECRET_URL, '--to', target], { env: ENV });
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'team: Cannot reach the database postgres://u:***@127.0.0.1:1/x: connect ECONNREFUSED 127.0.0.1:1\n']);
    expect(existsSync(target)).toBe(false);
  });

  it.skipIf(!onPostgres)('of a server that refuses the password', async () => {
    await demo(t.db);
    const u = new URL(t.db);
    u.password = 'wrong-s3cret';
    const r = await run(t.db, ['db', 'copy', '--from', u.toString(), '--to', join(t.dir, 'copy.db')], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toContain('s3cret');
    expect(r.stderr).toContain(':***@');
  });

  it.skipIf(!onPostgres)('of the server in its result', async () => {
    const laptop = join(t.dir, 'laptop.db');
    await demo(laptop);
    const r = await ok(laptop, ['db', 'copy', '--to', t.db]);
    const password = new URL(t.db).password;
    expect(r.stderr).toContain(printed(t.db));
    if (password) expect(r.stdout + r.stderr).not.toContain(`:${password}@`);
  });
});
