import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('README: team on the PATH', () => {
  it('the documented global install puts a working `team` in npm\'s bin folder (here a temporary prefix)', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith('npm install -g'));
    expect(line, 'README shows how to put team on the PATH').toBeDefined();
    const words = line!.split('#')[0]!.trim().split(/\s+/);
    const prefix = mkdtempSync(join(tmpdir(), 'team-global-'));
    try {
      const install = spawnSync('npm', [...words.slice(1), '--prefix', prefix, '--no-audit', '--no-fund'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
      expect(install.status, install.stderr).toBe(0);
      const team = join(prefix, 'bin', 'team');
      const db = join(prefix, 'shop.db');
      const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
      expect(spawnSync(team, ['--version'], { encoding: 'utf8' }).stdout).toBe(`${version}\n`);
      // From anywhere: the tour's first command through the installed link.
      const init = spawnSync(team, ['--db', db, 'init', '--json'], { cwd: tmpdir(), encoding: 'utf8', env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`, HOME: prefix, LANG: 'en_US.UTF-8' } });
      expect(init.status, init.stderr).toBe(0);
      expect(JSON.parse(init.stdout)).toMatchObject({ preset: 'ecommerce', departments: 6, roles: 14 });
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
