import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('README', () => {
  it('has the command reference generated from the current --help (npm run docs)', () => {
    const r = spawnSync(process.execPath, ['scripts/gen-readme.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('documents the two set-up commands and the test command', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(readme).toContain('npm install');
    expect(readme).toContain('npx team demo');
    expect(readme).toContain('npm test');
  });
});
