'use strict';
// Writes dist/team.cjs.cache: V8's compiled code for the bundle, taken after
// running the commands people and cron run most (reads), so the functions they
// need are in it and little else: a smaller cache loads faster. The demo data
// they read is built by a separate process, so its code stays out of the cache.
// Run by scripts/build.mjs; bin/load.cjs reads it.
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { loadBundle, file } = require('../bin/load.cjs');

// A debugging run loads the bundle without its cache (bin/load.cjs): not this one.
delete process.env.TEAM_DEBUG;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'team-cache-'));
  const db = join(dir, 'team.db');
  const demo = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'team'), '--db', db, 'demo'], { stdio: 'ignore' });
  if (demo.status !== 0) throw new Error('the demo database could not be built');
  // Output is thrown away; the program's own streams (cli/io.ts) write to the descriptors directly.
  const quiet = { write: () => true };
  const { script, run } = loadBundle();
  try {
    const commands = [
      ['--help'],
      ['--db', db, 'members', 'list', '--json'],
      ['--db', db, 'members', 'list'],
      ['--db', db, 'roles', 'list', '--json'],
      ['--db', db, 'org', '--json'],
      ['--db', db, 'goals', 'list', '--json'],
      ['--db', db, 'goals', 'tree', '--json'],
      // What cron runs every morning (reminders read it too); the other meetings views compile on first use.
      ['--db', db, 'meetings', 'upcoming', '--days', '30', '--json'],
      // The Monday report and the morning reminders (their code is otherwise compiled on every run: ~10 ms of each).
      ['--db', db, 'report', 'weekly', '--json'],
      ['--db', db, 'report', 'weekly'],
      ['--db', db, 'remind', '--within', '7d', '--json'],
      ['--db', db, 'remind', '--within', '7d'],
      // In Chinese too: its text takes the tables' paths for wide characters (measured, wrapped by grapheme), which English never reaches.
      ['--db', db, '--lang', 'zh', 'report', 'weekly'],
      ['--db', db, '--lang', 'zh', 'members', 'list'],
    ];
    for (const argv of commands) await run(['node', 'team', ...argv], { stdout: quiet, stderr: quiet, stdinIsTTY: false, env: process.env });
  } finally {
    process.exitCode = 0;
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(`${file}.cache`, script.createCachedData());
}

main().catch((e) => {
  // A build without a cache still works, only slower to start: say so, do not fail.
  process.stderr.write(`code cache not written: ${e instanceof Error ? e.message : String(e)}\n`);
});
