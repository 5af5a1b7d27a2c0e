/**
 * The shared set-up of the goal suites: one base database built once a worker for each seed
 * (the preset plus li, wang, zhao and chen), copied fresh for every test, and
 * runners pinned to TODAY and USER. Everything runs in-process.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { expectRejected, fromBase, run, tempDb, type RunResult } from '../helpers.js';

export const TODAY = '2026-11-23';
export const USER = 'lead';

export type Setup = (args: string[]) => Promise<void>;

/** Members: li #1 (Operations manager), wang #2, zhao #3, chen #4 (pre-sale customer service). */
export async function seedMembers(setup: Setup): Promise<void> {
  await setup(['init']);
  await setup(['members', 'add', 'li', '--name', 'Li Na', '--role', 'Operations manager']);
  for (const [h, n] of [['wang', 'Wang Fang'], ['zhao', 'Zhao Lei'], ['chen', 'Chen Jing']]) await setup(['members', 'add', h!, '--name', n!, '--role', 'Customer service specialist (pre-sale)']);
}

const opts = (today: string) => ({ env: { TEAM_TODAY: today, TEAM_USER: USER } });

/** Registers the hooks; the returned runners act on the current test's database (`fx.db`). */
export function goalsFixture(seed: (setup: Setup) => Promise<void> = seedMembers) {
  let t: ReturnType<typeof tempDb>;
  beforeEach(async () => {
    t = tempDb();
    // Seeded once a worker for each seed function (the default ones are shared by many files), then copied.
    await fromBase(t.db, seed, (base) =>
      seed(async (args) => {
        const r = await run(base, args, opts(TODAY));
        if (r.code !== 0) throw new Error(`setup failed: team ${args.join(' ')}: ${r.stderr}`);
      }),
    );
  });
  afterEach(() => t.cleanup());
  const team = (args: readonly string[], today = TODAY): Promise<RunResult> => run(t.db, args, opts(today));
  return {
    get db(): string {
      return t.db;
    },
    opts,
    team,
    async ok(args: readonly string[], today = TODAY): Promise<RunResult> {
      const r = await team(args, today);
      expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    },
    reject: (args: readonly string[], today = TODAY): Promise<RunResult> => expectRejected(t.db, args, opts(today)),
  };
}
