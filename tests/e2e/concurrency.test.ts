/**
 * Concurrent writers lose nothing: 8 processes, each running 100 check-ins
 * (plus member additions) through the built program, one connection and one
 * transaction per command, on the same few goals at once, so that every write
 * rewrites the same summaries and the same parent. Each check-in adds 1 to the
 * value it reads, so a lost or stale read shows as a wrong value. Runs on
 * SQLite always, and on PostgreSQL when TEAM_TEST_PG names a server (in CI it
 * must: the PostgreSQL variant fails there without it).
 *
 * A "process" is tests/e2e/concurrency-worker.cjs, which calls the bundle's
 * run(argv, io) once per command: real separate processes and connections,
 * without 800 Node starts.
 */
import { spawn as spawnChild } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, spawn, tempDb, testEnv } from '../helpers.js';

const WORKER = fileURLToPath(new URL('./concurrency-worker.cjs', import.meta.url));
const PROCESSES = 8;
const CHECKINS = 100; // per process
const MEMBERS = 10; // per process, between the check-ins
const ENV = { TEAM_TODAY: '2026-11-23', TEAM_USER: 'lead' };
/** The sub-goals every process checks in on, in turn: ids 2-4 under parent #1. */
const CHILDREN = [2, 3, 4];

interface Exit {
  code: number | null;
  stderr: string;
}

/** Runs the worker on `commands` in a child process; resolves when it exits. */
function worker(db: string, commands: readonly (readonly string[])[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(process.execPath, [WORKER, JSON.stringify(commands)], { env: testEnv(db, { env: ENV }), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Process `p`'s writes: check-ins on the sub-goals in turn, a member added after every tenth. */
function writes(p: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < CHECKINS; i++) {
    out.push(['goals', 'checkin', String(CHILDREN[(p + i) % CHILDREN.length]), '--add', '1', '--note', `p${p} #${i}`]);
    if (i % 10 === 9) {
      const m = (i - 9) / 10;
      // The manager is read in the same transaction as the insert: an earlier member of this process.
      out.push(['members', 'add', `w${p}.${m}`, '--name', `Worker ${p}.${m}`, '--role', 'Customer service specialist (pre-sale)', ...(m > 0 ? ['--manager', `w${p}.${m - 1}`] : [])]);
    }
  }
  return out;
}

const SETUP = [
  ['init'],
  ['goals', 'add', 'Orders', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--baseline', '0', '--target', '100000', '--start', '2026-11-01', '--due', '2026-12-31', '--why', 'the shop plan'],
  ...[1, 2, 3].map((k) => ['goals', 'add', `Orders ${k}`, '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--baseline', '0', '--target', '30000', '--start', '2026-11-01', '--due', '2026-12-31', '--parent', '1']),
];

interface Target {
  name: string;
  /** Makes the database and gives its location (a file, or a PostgreSQL URL). */
  open(): Promise<string>;
  close(): Promise<void>;
}

const sqlite = (): Target => {
  const t = tempDb();
  return { name: 'sqlite', open: async () => t.db, close: () => t.cleanup() };
};

/**
 * A throwaway database on the TEAM_TEST_PG server (its role may create
 * databases, not schemas in the database it names), with team's tables in a
 * schema of it (`?schema=`, made by the program on first open), dropped afterwards.
 */
const postgres = (admin: string): Target => {
  const name = `team_conc_${process.pid}_${Date.now()}`;
  const exec = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  return {
    name: 'postgres',
    async open() {
      await exec(`create database ${name} template template0 encoding 'UTF8'`);
      const u = new URL(admin);
      u.pathname = `/${name}`;
      u.searchParams.set('schema', `conc_${process.pid}`);
      return u.toString();
    },
    close: () => exec(`drop database if exists ${name} with (force)`),
  };
};

interface Outcome {
  db: string;
  exits: Exit[];
}

/** Sets up the database, then runs the 8 writers at once. */
async function execute(t: Target): Promise<Outcome> {
  const db = await t.open();
  const setup = await worker(db, SETUP);
  if (setup.code !== 0 || setup.stderr !== '') throw new Error(`set-up failed: ${setup.stderr}`);
  return { db, exits: await Promise.all(Array.from({ length: PROCESSES }, (_, p) => worker(db, writes(p)))) };
}

const pgUrl = process.env.TEAM_TEST_PG;
const targets: Target[] = [sqlite(), ...(pgUrl ? [postgres(pgUrl)] : [])];
let started: Map<string, Promise<Outcome>> | undefined;
/**
 * Both engines' writers run at the same time, started by the first suite
 * that needs them: the SQLite ones spend much of their time waiting for the
 * file lock, which the PostgreSQL ones fill.
 */
function outcome(name: string): Promise<Outcome> {
  started ??= new Map(
    targets.map((t) => {
      const p = execute(t);
      p.catch(() => {}); // reported by the suite that awaits it
      return [t.name, p] as const;
    }),
  );
  return started.get(name)!;
}
afterAll(async () => {
  for (const t of targets) await t.close();
});

function suite(name: string): void {
  let db: string;
  let exits: Exit[];
  beforeAll(async () => {
    ({ db, exits } = await outcome(name));
  }, 180_000);

  it('every process exits 0: no write refused, none failed', () => {
    for (const e of exits) expect(e, e.stderr).toEqual({ code: 0, stderr: '' });
  });

  it('every check-in is stored, each adding 1 to the value before it', async () => {
    const [{ n }] = (await query<{ n: number }>(db, 'select count(*) as n from goal_checkins')) as [{ n: number }];
    expect(n).toBe(PROCESSES * CHECKINS);
    for (const id of CHILDREN) {
      const values = (await query<{ value: number }>(db, 'select value from goal_checkins where goal_id = ? order by id', id)).map((r) => r.value);
      // 1, 2, 3, …: each check-in saw the one committed before it.
      expect(values).toEqual(values.map((_, i) => i + 1));
      const [goal] = await query<{ last_value: number; summary_last_value: number; summary_points: number }>(db, 'select last_value, summary_last_value, summary_points from goals where id = ?', id);
      expect(goal).toEqual({ last_value: values.length, summary_last_value: values.length, summary_points: 1 });
    }
  });

  it('every member is there, with the manager given', async () => {
    const rows = await query<{ handle: string; manager: string | null }>(db, `select m.handle, b.handle as manager from members m left join members b on b.id = m.manager_id order by m.id`);
    const expected = Array.from({ length: PROCESSES }, (_, p) => Array.from({ length: MEMBERS }, (_, m) => ({ handle: `w${p}.${m}`, manager: m > 0 ? `w${p}.${m - 1}` : null }))).flat();
    expect(rows.length).toBe(PROCESSES * MEMBERS);
    expect(rows.sort((a, b) => (a.handle < b.handle ? -1 : 1))).toEqual(expected.sort((a, b) => (a.handle < b.handle ? -1 : 1)));
  });

  it('the parent rolls up every check-in, and the stored summaries are what a recomputation gives', async () => {
    const show = spawn(db, ['goals', 'show', '1', '--json'], { env: ENV });
    expect(show.code, show.stderr).toBe(0);
    expect(show.json<{ value: number; children: { value: number }[] }>()).toMatchObject({ value: PROCESSES * CHECKINS });
    const list = () => spawn(db, ['goals', 'list', '--all', '--json'], { env: ENV });
    const before = list();
    expect(before.code, before.stderr).toBe(0);
    const refresh = spawn(db, ['goals', 'refresh'], { env: ENV });
    expect(refresh.code, refresh.stderr).toBe(0);
    expect(list().json()).toEqual(before.json());
  });
}

describe('8 concurrent writers (sqlite)', () => suite('sqlite'));

describe.skipIf(!pgUrl && process.env.CI !== 'true')('8 concurrent writers (postgres)', () => {
  if (!pgUrl) {
    it('runs in CI', () => {
      throw new Error('CI=true but TEAM_TEST_PG is not set: the PostgreSQL concurrency test must run in CI');
    });
    return;
  }
  suite('postgres');
});
