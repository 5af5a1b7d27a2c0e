/**
 * What only a real process shows: a pipe closed early (EPIPE), and a
 * command that must end rather than spin (killed by a timeout if it hangs).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BIN, dumpDb, run, spawn, tempDb, type RunOptions, type RunResult } from '../helpers.js';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

async function ok(args: readonly string[], opts?: RunOptions): Promise<RunResult> {
  const r = await run(t.db, args, opts);
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

/** Runs `team --db DB ARGS… | head -1` in bash and returns team's own exit code (not head's). */
function pipedToHead(db: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const script = 'node "$0" --db "$1" "${@:2}" | head -1; exit "${PIPESTATUS[0]}"';
  const r = spawnSync('bash', ['-c', script, BIN, db, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: t.dir, LANG: 'en_US.UTF-8', NO_COLOR: '1', TZ: 'UTC' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('pipes', () => {
  it('`team demo | head -1` ends quietly with exit 0', () => {
    const r = pipedToHead(t.db, ['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Reporting lines\n');
    expect(r.stderr.split('\n')[0]).toBe(`Demo database: ${t.db}`);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it('a long list into a closed pipe ends quietly with exit 0 and an empty stderr', async () => {
    await ok(['init']);
    const raw = new Database(t.db);
    const insert = raw.prepare("insert into members (handle, name, status, created_at, updated_at) values (?, ?, 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
    raw.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`m${String(i).padStart(4, '0')}`, `Member ${i}`);
    })();
    raw.close();
    for (const args of [['members', 'list', '--json'], ['members', 'list'], ['members', 'list', '--format', 'csv'], ['org']]) {
      const r = pipedToHead(t.db, args);
      expect(r, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout.split('\n')).toHaveLength(2);
    }
  });
});

describe('standard error closed early', () => {
  it('a refused command still exits 2 when nobody reads its message (stderr into a pipe already closed)', async () => {
    await ok(['init']);
    // The reader exits at once; team's one line then meets a closed pipe (EPIPE).
    const script = 'node "$0" --db "$1" members show nobody 2>&1 >/dev/null | (exit 0); exit "${PIPESTATUS[0]}"';
    const r = spawnSync('bash', ['-c', script, BIN, t.db], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: t.dir, LANG: 'en_US.UTF-8', NO_COLOR: '1', TZ: 'UTC' } });
    expect([r.status, r.stderr]).toEqual([2, '']);
  });
});

describe('TEAM_DEBUG=1', () => {
  it('shows the stack of the minified bundle in the terms of src/: the error class by name, the source files and lines', () => {
    const r = spawn(join(t.dir, 'missing', 'team.db'), ['members', 'list'], { env: { TEAM_DEBUG: '1' } });
    const lines = r.stderr.split('\n');
    expect([r.code, lines[0]]).toEqual([2, `team: The folder ${join(t.dir, 'missing')} does not exist (for the database ${join(t.dir, 'missing', 'team.db')}); create it first, or check --db / TEAM_DB.`]);
    expect(lines[1]).toBe('InputError: err.db.noFolder');
    expect(lines[2]).toMatch(/^ {4}at .+ \(.+\/src\/db\/connection\.ts:\d+:\d+\)$/);
    expect(lines.filter((l) => l.includes('/dist/team.cjs:'))).toEqual([]);
  });

  it('names the right source line on a minified line that held Chinese punctuation in a regular expression (the meetings code)', async () => {
    await ok(['init']);
    const r = spawn(t.db, ['meetings', 'agenda', 'nothere'], { env: { TEAM_DEBUG: '1' } });
    // getAgenda's own call of resolveMeetingId, wherever the file now has it.
    const source = readFileSync(new URL('../../src/meetings/views.service.ts', import.meta.url), 'utf8').split('\n');
    const line = source.findIndex((l, i) => i > source.findIndex((x) => x.includes('export async function getAgenda')) && l.includes('await resolveMeetingId(q, ref)')) + 1;
    expect([r.code, r.stderr.split('\n')[1]]).toEqual([2, 'NotFoundError: err.notFound']);
    expect(r.stderr.split('\n').slice(2, 4).map((l) => l.replace(/^ +at (async )?\S+ \(.*\/src\//, 'src/').replace(/:\d+\)$/, ''))).toEqual(['src/meetings/resolve.ts:25', `src/meetings/views.service.ts:${line}`]);
  });
});

describe('a loop in the goal tree', () => {
  const env = { TEAM_TODAY: '2026-11-23', TEAM_USER: 'lead' };
  // A loop made the recursive descendant query spin forever (fixed in 059579e): run with a timeout so a regression fails instead of hanging.
  it.each([['2'], ['3']])('refuses to place a goal under its own sub-goal #%s (instead of hanging)', async (below) => {
    await ok(['init'], { env });
    await ok(['members', 'add', 'wang', '--name', 'Wang Fang', '--role', 'Customer service specialist (pre-sale)'], { env });
    await ok(['goals', 'add', 'Tmall orders 300 in December', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak'], { env });
    await ok(['goals', 'add', 'Wang: 100 Tmall orders in December', '--owner', 'wang', '--target', '100', '--parent', '1'], { env });
    await ok(['goals', 'split', '2', '--by', 'period', '--period', 'week'], { env });
    const before = await dumpDb(t.db);
    const r = spawnSync(process.execPath, [BIN, 'goals', 'edit', '1', '--parent', below], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TEAM_DB: t.db, LANG: 'en_US.UTF-8', NO_COLOR: '1', TZ: 'UTC', TEAM_TODAY: '2026-11-23', TEAM_USER: 'lead' },
      input: '', encoding: 'utf8', timeout: 8000,
    });
    expect([r.status, r.stderr]).toEqual([2, 'team: Goal #1 cannot be placed under itself or its own sub-goals.\n']);
    expect(await dumpDb(t.db)).toEqual(before);
  });});
