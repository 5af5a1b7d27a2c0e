import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import Interleaved from './tests/sequencer.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The PostgreSQL project: the repository and in-process CLI suites again, on
 * the real server TEAM_TEST_PG names (a URL of a database of a role that may create databases;
 * `.ci/run` starts one). In CI it must run; elsewhere it is skipped, saying so.
 */
const pgUrl = process.env.TEAM_TEST_PG;

/**
 * The files that replace a module with vi.mock. Every other file shares one
 * module graph per worker (`isolate: false`): the program is built to run many
 * commands in one process (each test already does), and evaluating its modules
 * again for each of ~110 files cost more than half of the in-process suite's
 * time. A mock needs a graph of its own, so these files keep isolation.
 */
const MOCKING = ['tests/cli/db/query-counts.test.ts'];
/** What a file of a shared graph must not inherit from the one before (tests/setup.ts). */
const SHARED_SETUP = ['tests/setup.ts'];
if (!pgUrl) {
  if (process.env.CI === 'true') throw new Error('CI=true but TEAM_TEST_PG is not set: the PostgreSQL suite must run in CI (.ci/run starts the server)');
  if (!process.argv.includes('--project') || process.argv.includes('pg'))
    process.stderr.write('PostgreSQL suite skipped: set TEAM_TEST_PG=postgres://user:password@localhost/dbname (a role that may create databases, and its own database) to run it, as .ci/run does\n');
}
const PG_INCLUDE = ['tests/*/cli/**/*.test.ts', 'tests/*/db/**/*.test.ts'];
// Each command there is a round of statements over the network: the longest suites need more than 30 s.
const pg = { testTimeout: 120_000, env: { TZ: 'UTC', TEAM_TEST_ENGINE: 'postgres' }, globalSetup: ['tests/pg-setup.ts'] } as const;
// In-process runs of one test database share its connections (tests/pg-sessions.ts).
const PG_SESSIONS = 'tests/pg-sessions.ts';
const pgProjects = [
  { extends: true, test: { ...pg, name: 'pg', include: PG_INCLUDE, exclude: MOCKING, isolate: false, setupFiles: [...SHARED_SETUP, PG_SESSIONS] } },
  { extends: true, test: { ...pg, name: 'pg-isolated', include: MOCKING, setupFiles: [PG_SESSIONS] } },
] as const;

/**
 * Two layers: `fast` runs the program in-process (unit, repository and CLI
 * tests: the edit-test loop, `npm run test:fast`), `e2e` spawns the built
 * bin/team for what only a real process shows (start-up, pipes, signals,
 * terminal prompts, file permissions). `npm test` runs both, and `pg`.
 */
export default defineConfig({
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // vitest's default on 2 cores is one worker; the spawned layer mostly waits on child processes,
    // and tests/sequencer.ts spreads its files among the busy ones, so one worker more than cores can wait on them.
    maxWorkers: 3,
    sequence: { sequencer: Interleaved },
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', ...MOCKING], env: { TZ: 'UTC' }, isolate: false, setupFiles: SHARED_SETUP } },
      { extends: true, test: { name: 'fast-isolated', include: MOCKING, env: { TZ: 'UTC' } } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] } },
      ...(pgUrl ? pgProjects : []),
    ],
  },
});
