import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Two layers: `fast` runs the program in-process (unit, repository and CLI
 * tests: the edit-test loop, `npm run test:fast`), `e2e` spawns the built
 * bin/team for what only a real process shows (start-up, pipes, signals,
 * terminal prompts, file permissions). `npm test` runs both.
 */
export default defineConfig({
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // vitest's default on 2 cores is one worker; the spawned layer mostly waits on child processes.
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], env: { TZ: 'UTC' } } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] } },
    ],
  },
});
