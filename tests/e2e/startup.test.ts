import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { BIN, fromBase, run, spawn, tempDb } from '../helpers.js';

const LOAD = fileURLToPath(new URL('../../bin/load.cjs', import.meta.url));

let t: ReturnType<typeof tempDb>;
// The demo team is built by the binary once for the file; each test gets a copy.
beforeEach(async () => {
  t = tempDb();
  await fromBase(t.db, 'demo', async (db) => {
    expect(spawn(db, ['demo', '--db', db, '--json']).code).toBe(0);
  });
});
afterEach(() => t.cleanup());

/** Runs a command in-process through the launcher and lists the vendor bundles it loaded. */
function vendorsLoaded(args: string[]): string[] {
  const script = `
    const { loadBundle } = require(${JSON.stringify(LOAD)});
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

  it('each command group starts from a code cache of its own (bin/load.cjs picks it by the command word), which V8 accepts', () => {
    const cases: [string[], string][] = [
      [['roles', 'list'], 'cache'],
      [['--lang', 'zh', 'goals', 'list'], 'cache'],
      [['--help'], 'cache'],
      [['meetings', 'upcoming'], 'meetings.cache'],
      [['actions', 'list'], 'meetings.cache'],
      [['training', 'status'], 'training.cache'],
      [['kpis', 'list'], 'evals.cache'],
      [['evals', 'list'], 'evals.cache'],
      [['report', 'weekly'], 'report.cache'],
      // The value of --db is not the command, though it is a word of its own.
      [['--db', t.db, 'remind', '--within', '7d'], 'report.cache'],
      [['export', 'ics'], 'report.cache'],
    ];
    for (const [args, cache] of cases) {
      const r = spawn(t.db, args, { env: { TEAM_DEBUG_CACHE: '1' } });
      expect([args, r.code, r.stderr.split('\n')[0]]).toEqual([args, 0, `code cache: used (${cache})`]);
    }
  });

  it('a write command loads zod but, given every flag, not the prompt library', () => {
    expect(vendorsLoaded(['--db', t.db, 'depts', 'add', 'Live', '--description', 'Douyin'])).toEqual(['zod.cjs']);
  });
});

/**
 * Runs a command in-process through the launcher, with Intl's constructors,
 * localeCompare and toLocaleString watched, and says which it used and which
 * of Node's own modules it loaded that bare node had not: the first ICU
 * service costs 6–28 ms, child_process 3–6 ms.
 */
function icuAndModules(args: string[], env: Record<string, string> = {}): { icu: string[]; modules: string[] } {
  const script = `
    const used = new Set();
    for (const k of ['NumberFormat', 'DateTimeFormat', 'Segmenter', 'PluralRules', 'Collator', 'ListFormat', 'RelativeTimeFormat']) {
      const Real = Intl[k];
      Intl[k] = function (...a) { used.add(k); return new Real(...a); };
    }
    for (const [o, m] of [[String.prototype, 'localeCompare'], [Number.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleString']]) {
      const real = o[m];
      o[m] = function (...a) { used.add(m); return real.apply(this, a); };
    }
    const before = new Set(process.moduleLoadList);
    const { loadBundle } = require(${JSON.stringify(LOAD)});
    loadBundle().run(['node', 'team', ...${JSON.stringify(args)}]).then((code) => {
      const modules = process.moduleLoadList.filter((m) => !before.has(m) && /^NativeModule (child_process|readline|http|https|tls|crypto|zlib|worker_threads)$/.test(m));
      process.stderr.write('@@' + JSON.stringify({ code, icu: [...used], modules }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', TEAM_TODAY: '2026-11-27', ...env } });
  const out = JSON.parse(r.stderr.split('@@').pop() ?? '') as { code: number; icu: string[]; modules: string[] };
  expect(out.code, r.stderr).toBe(0);
  return { icu: out.icu, modules: out.modules };
}

describe('start-up: no ICU, no child_process', () => {
  it('tables, lists and reports in English and Chinese use no Intl service and load no child_process', () => {
    for (const lang of ['en', 'zh']) {
      for (const cmd of [['members', 'list'], ['roles', 'list'], ['goals', 'list'], ['goals', 'list', '--json'], ['report', 'weekly'], ['report', 'weekly', '--json'], ['remind', '--within', '7d'], ['--help']]) {
        expect([lang, cmd, icuAndModules(['--db', t.db, ...cmd], { TEAM_LANG: lang })]).toEqual([lang, cmd, { icu: [], modules: [] }]);
      }
    }
  });

  it('the bundle is ASCII (the launcher reads it as latin1), and its escaped patterns still match Chinese punctuation', () => {
    const bundle = readFileSync(fileURLToPath(new URL('../../dist/team.cjs', import.meta.url)));
    expect(bundle.findIndex((b) => b > 0x7f)).toBe(-1);
    // A full-width comma splits a list as a comma does: /[,，]/ in the source is /[,\uff0c]/ in the bundle.
    expect(spawn(t.db, ['members', 'add', 'fw', '--name', 'Full Width', '--role', 'Customer service specialist (pre-sale)', '--hire-date', '2024-01-02']).code).toBe(0);
    const goal = spawn(t.db, ['goals', 'add', '--template', 'gmv-quarter', '--owner', 'team', '--baseline', '1500000', '--json']);
    expect(goal.code).toBe(0);
    const split = spawn(t.db, ['goals', 'split', String((JSON.parse(goal.stdout) as { id: number }).id), '--by', 'member', '--members', 'fw，chen.jing', '--json']);
    expect([split.code, split.stderr]).toEqual([0, expect.stringContaining('2 sub-goals')]);
    expect((JSON.parse(split.stdout) as { owner: string }[]).map((g) => g.owner)).toEqual(['fw', 'chen.jing']);
  });

  it('the bundle measures text as the source does (its string-width measures one character without a Segmenter)', async () => {
    // Names with what needs a Segmenter (emoji sequences, combining marks, flags) and what does not.
    for (const [h, name] of [['fam', 'Fam 👨‍👩‍👧 ily'], ['acc', 'Zoë Åström'], ['flag', '王 🇨🇳 ✔️'], ['kana', 'カタカナ ｶﾀｶﾅ 한국어']] as const) {
      expect(spawn(t.db, ['members', 'add', h, '--name', name, '--role', 'Customer service specialist (pre-sale)', '--hire-date', '2024-01-02']).code).toBe(0);
    }
    for (const columns of ['200', '40']) {
      const spawned = spawn(t.db, ['members', 'list'], { env: { COLUMNS: columns } });
      const inProcess = await run(t.db, ['members', 'list'], { env: { COLUMNS: columns } });
      expect(spawned.code).toBe(0);
      expect(spawned.stdout).toBe(inProcess.stdout);
    }
  });
});

/**
 * Runs bin/team with its three descriptors as given (pipes, files, /dev/null)
 * and a preload that records which of Node's stream modules it loaded: a
 * command whose output goes to a pipe, a file or /dev/null writes it with
 * write(2) and never loads tty or net (cli/io.ts), 2–5 ms of every start.
 */
function streamsLoaded(args: string[], stdio: ('pipe' | 'ignore' | number)[]): { code: number; stdout: string; modules: string[] } {
  const dir = t.dir;
  const preload = `${dir}/modules.cjs`;
  const record = `${dir}/modules.json`;
  writeFileSync(preload, `const before = new Set(process.moduleLoadList); process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m) && /^NativeModule (tty|net|stream)$/.test(m)))));`);
  const r = spawnSync(process.execPath, ['-r', preload, BIN, '--db', t.db, ...args], { stdio, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'en_US.UTF-8', NO_COLOR: '1', TZ: 'UTC' } });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', modules: JSON.parse(readFileSync(record, 'utf8')) as string[] };
}

describe('start-up: standard streams', () => {
  it('output to a pipe, a file or /dev/null is written without loading tty or net, and is the same text', () => {
    const piped = streamsLoaded(['members', 'list'], ['pipe', 'pipe', 'pipe']);
    expect([piped.code, piped.modules]).toEqual([0, []]);
    expect(piped.stdout).toMatch(/^┌.*\n│ Handle +│ Name/);
    const file = `${t.dir}/out.txt`;
    const fd = openSync(file, 'w');
    try {
      expect(streamsLoaded(['members', 'list'], ['ignore', fd, fd])).toMatchObject({ code: 0, modules: [] });
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    expect(streamsLoaded(['members', 'list', '--json'], ['ignore', 'ignore', 'ignore'])).toMatchObject({ code: 0, modules: [] });
    // A message on stderr (a refused command) takes the same way: one line, exit 2.
    const refused = spawnSync(process.execPath, [BIN, '--db', t.db, 'members', 'show', 'nobody'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: t.dir, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
    expect([refused.status, refused.stdout, refused.stderr.split('\n').length]).toEqual([2, '', 2]);
  });

  it('a large output into a pipe arrives whole (write(2) is repeated until every byte is written)', () => {
    const raw = new Database(t.db);
    const insert = raw.prepare("insert into members (handle, name, status, created_at, updated_at) values (?, ?, 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
    raw.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`m${String(i).padStart(4, '0')}`, `Member ${i} 王芳`);
    })();
    raw.close();
    // ~1 MB: many times a pipe's 64 KB, so the reader empties it while team writes.
    const r = spawnSync(process.execPath, [BIN, '--db', t.db, 'members', 'list', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { PATH: process.env.PATH ?? '', HOME: t.dir, LANG: 'en_US.UTF-8' } });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1 << 19);
    const members = JSON.parse(r.stdout) as { handle: string; name: string }[];
    expect(members).toHaveLength(3012);
    expect(members.find((m) => m.handle === 'm2999')?.name).toBe('Member 2999 王芳');
  });
});
