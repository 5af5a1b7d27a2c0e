'use strict';
// Compiles and runs the bundle (dist/team.cjs) with the V8 code cache written
// beside it at build time (scripts/code-cache.cjs), which saves parsing half a
// megabyte on every start. A missing or rejected cache (another Node version)
// only costs that time back. Shared by bin/team and the cache writer.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'team.cjs');

/** @returns {{ script: import('node:vm').Script, run: (argv: string[]) => Promise<number> }} */
function loadBundle() {
  // The bundle is minified: a debugging run loads it as a plain module instead, with
  // its source map (dist/team.cjs.map), so that TEAM_DEBUG=1's stack names src/ files,
  // lines and functions. Without the code cache: slower, and only then.
  if (process.env.TEAM_DEBUG === '1') {
    process.setSourceMapsEnabled(true);
    return { script: undefined, run: require(file).run };
  }
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile from source
  }
  // The build writes the bundle in ASCII (scripts/build.mjs): read as latin1, it is a one-byte string with no decoding.
  const script = new Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
  if (process.env.TEAM_DEBUG_CACHE) process.stderr.write(`code cache: ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'missing'}\n`);
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext().call(bundle.exports, bundle.exports, (id) => bundle.require(id), bundle, file, dirname(file));
  return { script, run: bundle.exports.run };
}

module.exports = { loadBundle, file };
