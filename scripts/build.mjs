// Builds dist/ from src/ with esbuild. Run by `npm install` (prepare) and `npm run build`.
//
// Shape, chosen by measurement (see bench/README.md): one CommonJS bundle,
// dist/team.cjs. CommonJS because Node 20's ESM loader alone costs more than
// the whole start-up budget leaves (loader, module compile, cjs-module-lexer
// for the native addon's wrapper). Commands are still loaded lazily: every
// `import()` in the source becomes a module that esbuild initialises only on
// first use. The heavy libraries only some commands need, zod and
// @inquirer/prompts (writes), pg (a PostgreSQL database), rrule (meetings), csv-parse (imports) and ical-generator (calendars), are bundled
// apart into dist/vendor/ so that no SQLite list command even parses them.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// Build beside dist/ and swap it in, so a concurrent run never sees half a build.
const tmp = `${root}dist.tmp-${process.pid}`;
mkdirSync(`${tmp}/vendor`, { recursive: true });

const vendor = { zod: 'zod', '@inquirer/prompts': 'inquirer-prompts', pg: 'pg', 'pg-cursor': 'pg-cursor', pgpass: 'pgpass', rrule: 'rrule', 'csv-parse/sync': 'csv-parse', 'ical-generator': 'ical-generator' };
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

/** Points the vendored libraries at their separate bundles. */
const vendorPlugin = {
  name: 'vendor',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(vendor).map((k) => k.replace(/[/@]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: `./vendor/${vendor[args.path]}.cjs`, external: true }));
  },
};

/**
 * commander requires child_process when it loads, for executable subcommands
 * team never has: 3–6 ms of every start. Its only use, spawn, requires it then.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`build: commander no longer requires child_process as expected (${args.path}); update lazyChildProcess`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { team: 'src/cli/main.ts' },
    outdir: tmp,
    outExtension: { '.js': '.cjs' },
    // The addon is loaded from node_modules; its JS wrapper is bundled.
    // ical-timezones reads its zone files beside itself: required from node_modules, never bundled.
    external: ['*.node', 'bindings', '@touch4it/ical-timezones'],
    plugins: [vendorPlugin, lazyChildProcess],
    define: { __VERSION__: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // pg's optional native binding and its Cloudflare Workers socket are never used here.
  ...Object.entries(vendor).map(([pkg, name]) => build({ ...common, minify: true, external: ['pg-native', 'cloudflare:sockets', '@touch4it/ical-timezones'], stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root }, outfile: `${tmp}/vendor/${name}.cjs` })),
]);
writeFileSync(`${tmp}/package.json`, '{ "type": "commonjs" }\n');
rmSync(`${root}dist`, { recursive: true, force: true });
renameSync(tmp, `${root}dist`);
// Last, the V8 code cache for the fresh bundle (a child process: same flags as bin/team).
const cache = spawnSync(process.execPath, [`${root}scripts/code-cache.cjs`], { stdio: 'inherit' });
if (cache.status !== 0) process.stderr.write('build: the code cache step failed; team will start slower\n');
