/**
 * The shared set-up of the goal suites: one base database built once per file
 * (the preset plus li, wang, zhao and chen), copied fresh for every test with
 * SQLite's `vacuum into`, and runners pinned to TODAY and USER.
 */
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { expectRejected, run, tempDb, type RunResult } from '../helpers.js';

export const TODAY = '2026-11-23';
export const USER = 'lead';

export type Setup = (args: string[]) => void;

/** Members: li #1 (Operations manager), wang #2, zhao #3, chen #4 (pre-sale customer service). */
export function seedMembers(setup: Setup): void {
  setup(['init']);
  setup(['members', 'add', 'li', '--name', 'Li Na', '--role', 'Operations manager']);
  for (const [h, n] of [['wang', 'Wang Fang'], ['zhao', 'Zhao Lei'], ['chen', 'Chen Jing']]) setup(['members', 'add', h!, '--name', n!, '--role', 'Customer service specialist (pre-sale)']);
}

const opts = (today: string) => ({ env: { TEAM_TODAY: today, TEAM_USER: USER } });

/** Registers the hooks; the returned runners act on the current test's database (`fx.db`). */
export function goalsFixture(seed: (setup: Setup) => void = seedMembers) {
  let base: ReturnType<typeof tempDb>;
  let t: ReturnType<typeof tempDb>;
  beforeAll(() => {
    base = tempDb();
    seed((args) => {
      const r = run(base.db, args, opts(TODAY));
      if (r.code !== 0) throw new Error(`setup failed: team ${args.join(' ')}: ${r.stderr}`);
    });
  });
  afterAll(() => base.cleanup());
  beforeEach(() => {
    t = tempDb();
    const src = new Database(base.db, { readonly: true });
    try {
      src.exec(`vacuum into '${t.db}'`);
    } finally {
      src.close();
    }
  });
  afterEach(() => t.cleanup());
  const team = (args: readonly string[], today = TODAY): RunResult => run(t.db, args, opts(today));
  return {
    get db(): string {
      return t.db;
    },
    opts,
    team,
    ok(args: readonly string[], today = TODAY): RunResult {
      const r = team(args, today);
      expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    },
    reject: (args: readonly string[], today = TODAY): RunResult => expectRejected(t.db, args, opts(today)),
  };
}
