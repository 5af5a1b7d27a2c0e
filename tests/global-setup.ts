// Builds dist/ before the spawned layer, so it runs the real bin/team. Skipped
// when dist/ is newer than every source file (npm install has just built it,
// as in CI): the build costs several seconds of a one-minute suite.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function builtAt(): number {
  try {
    // Caches made by another Node are rejected: as good as no build.
    if (readFileSync(join(root, 'dist/node-version'), 'utf8').trim() !== process.version) return 0;
    // The report's code cache is the last file the build writes (scripts/code-cache.cjs).
    return Math.min(statSync(join(root, 'dist/team.cjs')).mtimeMs, statSync(join(root, 'dist/team.cjs.report.cache')).mtimeMs);
  } catch {
    return 0;
  }
}

export default function setup(): void {
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'data')), newest(join(root, 'scripts/build.mjs')), newest(join(root, 'scripts/code-cache.cjs')), newest(join(root, 'bin/load.cjs')), newest(join(root, 'package.json')), newest(join(root, 'package-lock.json')), newest(join(root, 'tsconfig.json')));
  if (builtAt() > sources) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}
