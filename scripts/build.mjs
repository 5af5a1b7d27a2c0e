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
 * Two libraries do at load what only some runs need, at a cost every command
 * paid; each line is rewritten to do it on first use, and the build fails if
 * the line is no longer there (a new version: look again).
 * - commander requires child_process for executable subcommands, which team
 *   never has: 3–6 ms of every start. Its only use, spawn, requires it then.
 * - string-width builds an Intl.Segmenter when it loads, which loads ICU's
 *   break iterators: 18 ms of every table, though cli/width.ts asks it for
 *   one character at a time, which is a grapheme of its own. One code point
 *   is measured without segmenting; longer text builds the Segmenter then.
 */
const PATCHES = [
  {
    file: /[\\/]commander[\\/]lib[\\/]command\.js$/,
    edits: [["const childProcess = require('node:child_process');", "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"]],
  },
  {
    file: /[\\/]string-width[\\/]index\.js$/,
    edits: [
      ['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
      // Its \\p{…} pattern is parsed when built (ICU's property tables: 0.4 ms of every table), and most text never reaches it (cli/width.ts).
      ['const defaultIgnorableCodePointRegex = /^\\p{Default_Ignorable_Code_Point}$/u;', 'let defaultIgnorableCodePointRegex;'],
      ['if (defaultIgnorableCodePointRegex.test(character)) {', 'if ((defaultIgnorableCodePointRegex ??= /^\\p{Default_Ignorable_Code_Point}$/u).test(character)) {'],
      [
        'for (const {segment: character} of segmenter.segment(string)) {',
        'for (const {segment: character} of (string.length === 1 || (string.length === 2 && string.codePointAt(0) > 0xFFFF) ? [{segment: string}] : (segmenter ??= new Intl.Segmenter()).segment(string))) {',
      ],
    ],
  },
];
/**
 * Every source file esbuild reads, as it reads it: the PATCHES applied, and in
 * ASCII. esbuild escapes strings itself but keeps regular expressions as
 * written, and a few characters of Chinese punctuation in them made V8 keep the
 * whole source as a two-byte string and decode it as UTF-8 on every start
 * (~4 ms, measured); in ASCII it is read as latin1 (bin/load.cjs), a copy. An
 * escape means the same character in a regular expression, a string or a
 * comment, where these are. Escaped here, before the source map is made, the
 * map's lines stay right (escaping the output after it shifted every mapping
 * after such a character on its minified line).
 */
const sources = {
  name: 'sources',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const { file, edits } of PATCHES) {
        if (!file.test(args.path)) continue;
        for (const [from, to] of edits) {
          if (!source.includes(from)) throw new Error(`build: ${args.path} no longer has \`${from}\`; update PATCHES in scripts/build.mjs`);
          source = source.replace(from, to);
        }
      }
      const contents = source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      return { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
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
    plugins: [vendorPlugin, sources],
    // Minified: a third less source to read and hash on every start, and less to parse for what the code
    // cache leaves out (2–5% of a list command's time, measured against the readable bundle; keepNames
    // gave it all back). Names are lost in stacks, so TEAM_DEBUG=1 loads it with this map (bin/load.cjs).
    minify: true,
    sourcemap: 'linked',
    define: { __VERSION__: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // pg's optional native binding and its Cloudflare Workers socket are never used here.
  ...Object.entries(vendor).map(([pkg, name]) => build({ ...common, minify: true, external: ['pg-native', 'cloudflare:sockets', '@touch4it/ical-timezones'], stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root }, outfile: `${tmp}/vendor/${name}.cjs` })),
]);
// The bundle in ASCII only (the sources plugin above), or the launcher would misread it as latin1.
const bundle = `${tmp}/team.cjs`;
const stray = /[^\0-\x7f]/.exec(readFileSync(bundle, 'latin1'));
if (stray) throw new Error(`build: dist/team.cjs has a byte beyond ASCII at ${stray.index}; see the sources plugin in scripts/build.mjs`);
writeFileSync(`${tmp}/package.json`, '{ "type": "commonjs" }\n');
// The code caches are Node's own (another version rejects them): which one built them, for tests/global-setup.ts.
writeFileSync(`${tmp}/node-version`, `${process.version}\n`);
rmSync(`${root}dist`, { recursive: true, force: true });
renameSync(tmp, `${root}dist`);
// Last, the V8 code cache for the fresh bundle (a child process: same flags as bin/team).
const cache = spawnSync(process.execPath, [`${root}scripts/code-cache.cjs`], { stdio: 'inherit' });
if (cache.status !== 0) process.stderr.write('build: the code cache step failed; team will start slower\n');
