/**
 * A PostgreSQL location from the command line: what is printed about it
 * (never its password), and, on the PostgreSQL project's server, migrations
 * under the advisory lock and the server's own errors as one line.
 */
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { redactUrl } from '../../../src/db/location.js';
import { migrations } from '../../../src/db/migrations.js';
import { dumpDb, onPostgres, query, run, tempDb } from '../../helpers.js';

describe('a server that cannot be reached', () => {
  // Port 1 on loopback refuses at once: no server needed.
  const url = 'postgres://lead:s3cret@127.0.0.1:1/team';
  it('is one line, exit 1, naming the location without its password (--db and TEAM_DB)', async () => {
    for (const r of [await run('', ['--db', url, 'members', 'list']), await run(url, ['goals', 'list', '--json']), await run(url, ['init'])]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^team: Cannot reach the database postgres:\/\/lead:\*\*\*@127\.0\.0\.1:1\/team: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    }
  });

  it('a URL the client cannot parse is a usage error (exit 2), its password left out', async () => {
    const r = await run('', ['--db', 'postgres://lead:s3cret@host:badport/team', 'members', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('team: postgres://***@host:badport/team is not a PostgreSQL URL (postgres://user:password@host:port/database): Invalid URL\n');
  });

  it('in Chinese too', async () => {
    const r = await run(url, ['--lang', 'zh', 'members', 'list']);
    expect(r.stderr).toBe('team: 无法连接数据库 postgres://lead:***@127.0.0.1:1/team：connect ECONNREFUSED 127.0.0.1:1\n');
  });
});

describe.runIf(onPostgres)('on the server', () => {
  it('init names the database without its password, and later commands find it', async () => {
    const t = tempDb();
    try {
      const r = await run(t.db, ['init', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(new URL(t.db).password.length).toBeGreaterThan(3); // the test URL carries one
      expect(r.stdout + r.stderr).not.toContain(new URL(t.db).password);
      expect(r.json<{ database: string }>().database).toBe(redactUrl(t.db));
      expect((await run(t.db, ['roles', 'list', '--json'])).json<unknown[]>().length).toBeGreaterThan(10);
    } finally {
      await t.cleanup();
    }
  });

  it('two leads opening a new database at once apply each migration once (advisory lock)', async () => {
    const t = tempDb();
    try {
      const opened = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ path: t.db, env: {} })));
      await Promise.all(opened.map((o) => o.db.close()));
      expect(await query(t.db, 'select name from schema_migrations order by name')).toEqual(migrations.map((m) => ({ name: m.name })).sort((a, b) => (a.name < b.name ? -1 : 1)));
    } finally {
      await t.cleanup();
    }
  });

  it('a database this user may only read: reads work, a write is one line (exit 1) and changes nothing', async () => {
    const t = tempDb();
    try {
      expect((await run(t.db, ['init'])).code).toBe(0);
      const readOnly = `${t.db}&options=${encodeURIComponent('-c default_transaction_read_only=on')}`;
      const before = await dumpDb(t.db);
      expect((await run(readOnly, ['depts', 'list', '--json'])).code).toBe(0);
      const r = await run(readOnly, ['depts', 'add', 'Live commerce']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`team: The database ${redactUrl(readOnly)} does not let this user write (cannot execute INSERT in a read-only transaction); nothing was written.\n`);
      expect(await dumpDb(t.db)).toEqual(before);
    } finally {
      await t.cleanup();
    }
  });

  it('?schema= teams beside a team in public: each sees its own, names stay case-insensitive in all', async () => {
    // A database of its own: its public schema gets a team, which no other test may see.
    const base = new URL(inject('pgUrl'));
    const name = `team_two_${process.pid}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      base.pathname = `/${name}`;
      const inPublic = base.toString();
      const inSchema = `${inPublic}?schema=shop2`;
      // The first team of this database is a schema's: citext is installed there, and the others must still find it.
      const first = `${inPublic}?schema=shop1`;
      expect((await run(first, ['init'])).code).toBe(0);
      expect((await run(first, ['members', 'add', 'zhao', '--name', '赵磊', '--role', 'Customer service manager'])).code).toBe(0);
      expect((await run(first, ['members', 'show', 'ZHAO', '--json'])).json<{ handle: string }>().handle).toBe('zhao');
      expect((await run(inPublic, ['init'])).code).toBe(0);
      expect((await run(inPublic, ['members', 'add', 'li.na', '--name', '李娜', '--role', 'Customer service manager'])).code).toBe(0);
      expect((await run(inSchema, ['members', 'list', '--json'])).json()).toEqual([]);
      expect((await run(inSchema, ['init'])).code).toBe(0);
      expect((await run(inSchema, ['members', 'add', 'wang', '--name', '王芳', '--role', 'Customer service manager'])).code).toBe(0);
      expect((await run(inSchema, ['members', 'add', 'WANG', '--name', 'Wang', '--role', 'Customer service manager'])).code).toBe(2);
      expect((await run(inPublic, ['members', 'list', '--json'])).json<{ handle: string }[]>().map((m) => m.handle)).toEqual(['li.na']);
      expect((await run(inSchema, ['members', 'show', 'Wang', '--json'])).json<{ handle: string }>().handle).toBe('wang');
    } finally {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });

  it('names are case-insensitive as on SQLite: one handle, one department, whatever the case', async () => {
    const t = tempDb();
    try {
      expect((await run(t.db, ['init'])).code).toBe(0);
      expect((await run(t.db, ['members', 'add', 'Li.Na', '--name', '李娜', '--role', 'Customer service manager'])).code).toBe(0);
      const again = await run(t.db, ['members', 'add', 'li.na', '--name', 'Li Na', '--role', 'Customer service manager']);
      expect(again.code).toBe(2);
      expect((await run(t.db, ['members', 'show', 'LI.NA', '--json'])).json<{ handle: string }>().handle).toBe('Li.Na');
      expect((await run(t.db, ['depts', 'add', 'customer SERVICE'])).code).toBe(2);
    } finally {
      await t.cleanup();
    }
  });
});
