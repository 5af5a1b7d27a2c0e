'use strict';
// Compiles and runs the bundle (dist/team.cjs) with a V8 code cache written
// beside it at build time (scripts/code-cache.cjs), which saves parsing a
// megabyte on every start. A missing or rejected cache (another Node version)
// only costs that time back. Shared by bin/team and the cache writer.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'team.cjs');

/**
 * The command groups with a code cache of their own, by the command word that
 * picks it. A cache holds what its commands compiled, and loading one costs
 * its size: one cache of everything made `goals list` load the report's code
 * too (~2 ms of every start). Any cache of the bundle is valid for any
 * command, so a wrong pick only costs speed.
 */
const GROUPS = new Map([
  ['meetings', 'meetings'],
  ['actions', 'meetings'],
  ['training', 'training'],
  ['kpis', 'evals'],
  ['evals', 'evals'],
  ['report', 'report'],
  ['remind', 'report'],
  ['export', 'report'],
]);
/** The global options that take a value (src/cli/program.ts): their value is not the command. */
const VALUED = new Set(['--db', '--lang']);

/** The cache file for a command line: its group's, or the one of everything else (org, goals, help). */
function cacheFile(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUED.has(a)) i++;
    else if (!a.startsWith('-')) return GROUPS.has(a) ? `${file}.${GROUPS.get(a)}.cache` : `${file}.cache`;
  }
  return `${file}.cache`;
}

/**
 * @param {{ argv?: string[], cache?: boolean }} [opts] `argv`: a whole process.argv (node, script, then the arguments) whose command picks the cache, by default this process's; `cache: false` compiles from source (the cache writer)
 * @returns {{ script: import('node:vm').Script | undefined, run: (argv: string[]) => Promise<number> }}
 */
function loadBundle(opts = {}) {
  // The bundle is minified: a debugging run loads it as a plain module instead, with
  // its source map (dist/team.cjs.map), so that TEAM_DEBUG=1's stack names src/ files
  // and lines (Node maps no function names). Without the code cache: slower, and only then.
  if (process.env.TEAM_DEBUG === '1') {
    process.setSourceMapsEnabled(true);
    return { script: undefined, run: require(file).run };
  }
  const cache = opts.cache === false ? undefined : cacheFile((opts.argv ?? process.argv).slice(2));
  let cachedData;
  try {
    if (cache) cachedData = readFileSync(cache);
  } catch {
    // no cache: compile from source
  }
  // The build writes the bundle in ASCII (scripts/build.mjs): read as latin1, it is a one-byte string with no decoding.
  const script = new Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
  if (process.env.TEAM_DEBUG_CACHE) process.stderr.write(`code cache: ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'missing'} (${cache ? cache.slice(file.length + 1) : 'none'})\n`);
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext().call(bundle.exports, bundle.exports, (id) => bundle.require(id), bundle, file, dirname(file));
  return { script, run: bundle.exports.run };
}

module.exports = { loadBundle, file, GROUPS };
