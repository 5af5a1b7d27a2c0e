import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { fromBase, run, spawn, tempDb } from '../helpers.js';

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
    process.stdout.write = () => true;
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
