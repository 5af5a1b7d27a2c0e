/**
 * The database file itself: a read-only database can be read, `team init`
 * lands whole or not at all, and a file (or folder) is created only by a
 * command that writes, and only where it was meant to be.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations.js';
import { BIN, dumpDb, query, spawn, tempDb, type RunOptions, type RunResult } from '../helpers.js';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(async () => {
  chmodSync(t.dir, 0o700); // a test may have made it read-only
  await t.cleanup();
});

function ok(args: readonly string[], opts?: RunOptions): RunResult {
  const r = spawn(t.db, args, opts);
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

/** Exactly one line on stderr, no stack trace. */
function oneLine(r: RunResult): string {
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr;
}

// Root ignores permission bits, so as root the read-only cases run as `nobody`
// (setpriv, util-linux); as anyone else they run as that user.
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
// `nobody` must also be able to run the checkout (a clone inside a 0700 folder cannot be): else skip.
const canDropRights = !isRoot || (hasSetpriv && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--version']).status === 0);

/** `team …` as a user without write access to files made by the test. */
function runUnprivileged(db: string, args: readonly string[]): RunResult {
  const env = { PATH: process.env.PATH ?? '', HOME: '/tmp', TEAM_DB: db, LANG: 'en_US.UTF-8', NO_COLOR: '1', TZ: 'UTC' };
  const [cmd, argv] = isRoot ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const r = spawnSync(cmd, argv as string[], { env, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: <T>() => JSON.parse(r.stdout) as T };
}

/** The folder's names and the database's bytes, for "nothing was touched" assertions. */
function snapshot(): { files: string[]; bytes: Buffer } {
  return { files: readdirSync(t.dir).sort(), bytes: readFileSync(t.db) };
}

describe.skipIf(!canDropRights)('a read-only database', () => {
  beforeEach(() => {
    ok(['init']);
    ok(['members', 'add', 'li.na', '--name', 'Li Na', '--role', 'Customer service manager']);
    chmodSync(t.db, 0o444);
  });

  it('in a read-only folder (no room for the -wal and -shm files) can be read, and is left untouched', () => {
    chmodSync(t.dir, 0o555);
    const before = snapshot();
    const members = runUnprivileged(t.db, ['members', 'list', '--json']);
    expect([members.code, members.stderr]).toEqual([0, '']);
    expect(members.json<{ handle: string }[]>().map((m) => m.handle)).toEqual(['li.na']);
    expect(runUnprivileged(t.db, ['depts', 'list', '--json']).json<unknown[]>()).toHaveLength(6);
    expect(runUnprivileged(t.db, ['roles', 'show', 'Customer service manager', '--json']).json<{ holders: unknown[] }>().holders).toHaveLength(1);
    const goals = runUnprivileged(t.db, ['goals', 'list']);
    expect([goals.code, goals.stderr]).toEqual([0, 'No goals match.\n']);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a write with one translated line (exit 1), whether the folder or only the file is read-only', async () => {
    for (const mode of [0o555, 0o777]) {
      chmodSync(t.dir, mode);
      const before = snapshot();
      const r = runUnprivileged(t.db, ['depts', 'add', 'Live']);
      expect([r.code, oneLine(r), r.stdout], `folder ${mode.toString(8)}`).toEqual([1, `team: The database ${t.db} is read-only (no write permission on the file or its folder); nothing was written.\n`, '']);
      const zh = runUnprivileged(t.db, ['--lang', 'zh', 'members', 'archive', 'li.na']);
      expect([zh.code, oneLine(zh)]).toEqual([1, `team: 数据库 ${t.db} 是只读的（对文件或其所在文件夹没有写权限）；没有写入任何内容。\n`]);
      expect(snapshot().bytes.equals(before.bytes)).toBe(true);
    }
    chmodSync(t.dir, 0o700);
    expect(await query(t.db, 'select count(*) n from departments')).toEqual([{ n: 6 }]);
  });
});

describe('team init is one unit', () => {
  // Node ignores SIGXFSZ, so under a file-size limit the writes fail with
  // EFBIG part-way through, as on a full disk.
  const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

  it.skipIf(!hasPrlimit)('stopped part-way by a full disk, leaves either the whole preset or no database at all', async () => {
    const outcomes: number[] = [];
    // A new database holds the preset, its meetings with their stored dates, its courses and its KPIs: 580 KiB.
    // Every 64 KiB (two spawns each): eleven limits, both outcomes, within the time a loaded CI machine gives.
    for (let kb = 48; kb <= 688; kb += 64) {
      const d = tempDb();
      try {
        const env = { PATH: process.env.PATH ?? '', HOME: d.dir, TEAM_DB: d.db, LANG: 'en_US.UTF-8', NO_COLOR: '1' };
        const r = spawnSync('prlimit', [`--fsize=${kb * 1024}`, process.execPath, BIN, 'init'], { env, encoding: 'utf8' });
        outcomes.push(r.status ?? -1);
        const where = `limit ${kb} KiB: ${r.stderr}`;
        expect([0, 1], where).toContain(r.status);
        expect(r.stderr.trim().split('\n'), where).toHaveLength(1);
        if (r.status === 0) {
          expect(await query(d.db, 'select (select count(*) from departments) d, (select count(*) from roles) r, (select value from settings where key = ?) p', 'preset'), where).toEqual([{ d: 6, r: 14, p: 'ecommerce' }]);
        } else {
          expect(readdirSync(d.dir), where).toEqual([]);
          expect(r.stderr, where).toMatch(/^team: Cannot write the new database .*: .*file too large.*\. Nothing was saved\.\n$/);
        }
        // Whatever happened, init can simply be run again.
        expect(spawn(d.db, ['init']).code, where).toBe(0);
        expect(await query(d.db, 'select count(*) n from roles'), where).toEqual([{ n: 14 }]);
      } finally {
        await d.cleanup();
      }
    }
    // The limits cover both outcomes, so the failure path really ran.
    expect(outcomes).toContain(0);
    expect(outcomes).toContain(1);
  }, 120_000);

  it('on an existing database, a preset failing half-way adds none of it', async () => {
    ok(['init', '--preset', 'blank']);
    const raw = new Database(t.db);
    raw.exec("create trigger boom before insert on roles when (select count(*) from roles) >= 5 begin select raise(abort, 'boom'); end");
    raw.close();
    const before = await dumpDb(t.db);
    const r = spawn(t.db, ['init']);
    expect([r.code, oneLine(r)]).toEqual([1, 'team: Unexpected error: boom (TEAM_DEBUG=1 shows the details)\n']);
    expect(await dumpDb(t.db)).toEqual(before);
  });
});

describe('where a database is created', () => {
  const xdg = () => join(t.dir, 'xdg');
  const defaultDb = () => join(xdg(), 'team', 'team.db');

  it('the default location (XDG data folder) is made on demand, 0700 and 0600, in WAL mode, announced on stderr', async () => {
    for (const TEAM_DB of [undefined, '']) {
      const r = spawn(t.db, ['depts', 'add', 'Live'], { env: { TEAM_DB, XDG_DATA_HOME: xdg() } });
      expect([r.code, r.stderr], `TEAM_DB=${TEAM_DB}`).toEqual([0, `Created a new database at ${defaultDb()}.\nAdded department Live.\n`]);
      expect(readdirSync(join(xdg(), 'team'))).toEqual(['team.db']);
      expect(statSync(join(xdg(), 'team')).mode & 0o777).toBe(0o700);
      expect(statSync(defaultDb()).mode & 0o777).toBe(0o600);
      expect(await query(defaultDb(), 'pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await query(defaultDb(), 'pragma user_version')).toEqual([{ user_version: migrations.length }]);
      expect(await query(defaultDb(), 'select name from departments')).toEqual([{ name: 'Live' }]);
      await t.cleanup();
      t = tempDb();
    }
  });

  it('a new file at --db or TEAM_DB in an existing folder: the same, with the notice', async () => {
    const r = spawn(t.db, ['members', 'add', 'li.na', '--name', 'Li Na', '--role', 'none']);
    expect([r.code, r.stderr]).toEqual([0, `Created a new database at ${t.db}.\nAdded member li.na (Li Na).\n`]);
    expect(statSync(t.db).mode & 0o777).toBe(0o600);
    expect(await query(t.db, 'pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await query(t.db, 'select handle from members')).toEqual([{ handle: 'li.na' }]);
  });

  it('elsewhere, a missing folder is an error (exit 2) and nothing is made', () => {
    const shop = join(t.dir, 'shop');
    const typo = join(shop, 'tema.db');
    const viaFlag = spawn(t.db, ['--db', typo, 'members', 'list']);
    expect([viaFlag.code, oneLine(viaFlag)]).toEqual([2, `team: The folder ${shop} does not exist (for the database ${typo}); create it first, or check --db / TEAM_DB.\n`]);
    const viaEnv = spawn(typo, ['depts', 'add', 'Live']);
    expect([viaEnv.code, viaEnv.stderr]).toEqual([2, viaFlag.stderr]);
    const zh = spawn(typo, ['--lang', 'zh', 'init']);
    expect([zh.code, oneLine(zh)]).toEqual([2, `team: 文件夹 ${shop} 不存在（数据库 ${typo}）；请先创建该文件夹，或检查 --db / TEAM_DB。\n`]);
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('--db "" is an error (exit 2), not the default database', () => {
    const r = spawn(t.db, ['--db', '', 'depts', 'add', 'Live'], { env: { XDG_DATA_HOME: xdg() } });
    expect([r.code, oneLine(r)]).toEqual([2, 'team: --db needs a path; leave it out to use the default database.\n']);
    expect(spawn(t.db, ['--db', '', 'members', 'list'], { env: { XDG_DATA_HOME: xdg() } }).code).toBe(2);
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('a command refused for bad input creates no file', () => {
    for (const args of [
      ['members', 'add', 'x', '--status', 'bogus'],
      ['members', 'add', 'x'],
      ['members', 'add', 'x', '--name', 'X', '--role', 'Nope'],
      ['goals', 'list', '--status', 'nope'],
      ['goals', 'add', 'Sell more', '--owner', 'team', '--metric', 'GMV', '--target', '-'],
      ['depts', 'edit', 'Nope', '--name', 'Live'],
      ['roles', 'duties', 'add', 'Nope', 'Answer within 30 s'],
      ['init', '--preset', 'nope'],
    ]) {
      const r = spawn(t.db, args);
      expect(r.code, args.join(' ')).toBeGreaterThan(0);
      oneLine(r);
      expect(readdirSync(t.dir), args.join(' ')).toEqual([]);
    }
  });

  it('a read on a missing database says so (exit 1) and creates nothing', () => {
    const line = `team: No team database at ${t.db} yet: create it with team init (or check --db / TEAM_DB).\n`;
    for (const args of [['members', 'list'], ['depts', 'list', '--json'], ['org'], ['goals', 'tree'], ['members', 'show', 'li.na'], ['roles', 'show', 'Customer service manager']]) {
      const r = spawn(t.db, args);
      expect([r.code, oneLine(r), r.stdout], args.join(' ')).toEqual([1, line, '']);
    }
    const zh = spawn(t.db, ['--lang', 'zh', 'members', 'list']);
    expect([zh.code, oneLine(zh)]).toEqual([1, `team: ${t.db} 还没有团队数据库：用 team init 创建（或检查 --db / TEAM_DB）。\n`]);
    expect(readdirSync(t.dir)).toEqual([]);
  });
});
