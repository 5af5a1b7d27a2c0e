// Builds dist/ from src/ with esbuild. Run by `npm install` (prepare) and `npm run build`.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// Build beside dist/ and swap it in, so a concurrent run never sees half a build.
const tmp = `${root}dist.tmp-${process.pid}`;
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir: tmp,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
rmSync(`${root}dist`, { recursive: true, force: true });
renameSync(tmp, `${root}dist`);
