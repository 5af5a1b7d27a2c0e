'use strict';
// Writes the V8 code caches of the bundle: dist/team.cjs.cache, and one per
// command group (dist/team.cjs.<group>.cache; bin/load.cjs picks by the
// command word). Each is taken after running the commands people and cron run
// most of its group (reads), so the functions they need are in it and little
// else: a smaller cache loads faster. Each group compiles in a process of its
// own, so no cache carries another's code; so is the demo data they read.
// Run by scripts/build.mjs; bin/load.cjs reads them.
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { loadBundle, file, GROUPS } = require('../bin/load.cjs');

// A debugging run loads the bundle without its cache (bin/load.cjs): not this one.
delete process.env.TEAM_DEBUG;

/** What each cache is taken after; `db` is the demo database. The group '' is everything else (org, goals, help). */
const COMMANDS = {
  '': (db) => [
    ['--help'],
    ['--db', db, 'members', 'list', '--json'],
    ['--db', db, 'members', 'list'],
    ['--db', db, 'roles', 'list', '--json'],
    ['--db', db, 'org', '--json'],
    ['--db', db, 'goals', 'list', '--json'],
    ['--db', db, 'goals', 'list', '--owner', 'chen.jing', '--json'],
    ['--db', db, 'goals', 'tree', '--json'],
    // In Chinese too: its text takes the tables' paths for wide characters (measured, wrapped by grapheme), which English never reaches.
    ['--db', db, '--lang', 'zh', 'members', 'list'],
  ],
  // What cron runs every morning (reminders read it too); the other meetings views compile on first use.
  meetings: (db) => [['--db', db, 'meetings', 'upcoming', '--days', '30', '--json'], ['--db', db, 'meetings', 'upcoming']],
  training: (db) => [['--db', db, 'training', 'status', '--member', 'chen.jing', '--json'], ['--db', db, 'training', 'status', '--json']],
  evals: (db) => [['--db', db, 'evals', 'show', 'chen.jing', '--trend', '--json'], ['--db', db, 'evals', 'report', '--json']],
  // The Monday report and the morning reminders (their code is otherwise compiled on every run: ~10 ms of each).
  // Last: tests/global-setup.ts takes this file as the end of a build.
  report: (db) => [
    ['--db', db, 'report', 'weekly', '--json'],
    ['--db', db, 'report', 'weekly'],
    ['--db', db, 'remind', '--within', '7d', '--json'],
    ['--db', db, 'remind', '--within', '7d'],
    ['--db', db, '--lang', 'zh', 'report', 'weekly'],
  ],
};

/** In this process: compiles the bundle from source, runs `group`'s commands on `db`, writes its cache. */
async function writeCache(group, db) {
  // Output is thrown away; the program's own streams (cli/io.ts) write to the descriptors directly.
  const quiet = { write: () => true };
  const { script, run } = loadBundle({ cache: false });
  try {
    for (const argv of COMMANDS[group](db)) {
      const code = await run(['node', 'team', ...argv], { stdout: quiet, stderr: quiet, stdinIsTTY: false, env: process.env });
      // A command that fails stops early: its cache would quietly lack what it runs.
      if (code !== 0) throw new Error(`team ${argv.slice(2).join(' ')} exited with ${code}`);
    }
  } finally {
    process.exitCode = 0;
  }
  writeFileSync(group === '' ? `${file}.cache` : `${file}.${group}.cache`, script.createCachedData());
}

/** The demo database once, then a process per cache. */
function main() {
  const dir = mkdtempSync(join(tmpdir(), 'team-cache-'));
  try {
    const db = join(dir, 'team.db');
    const demo = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'team'), '--db', db, 'demo'], { stdio: 'ignore' });
    if (demo.status !== 0) throw new Error('the demo database could not be built');
    // Each group in turn (one failing leaves the others be); the build says when any failed.
    for (const group of Object.keys(COMMANDS)) {
      const r = spawnSync(process.execPath, [__filename, group, db], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Every group bin/load.cjs can pick has commands here.
for (const g of new Set(GROUPS.values())) if (!COMMANDS[g]) throw new Error(`code-cache: no commands for the group ${g}`);

const [group, db] = process.argv.slice(2);
try {
  if (group === undefined) main();
  else
    writeCache(group, db).catch((e) => {
      process.stderr.write(`code cache not written: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
} catch (e) {
  // A build without a cache still works, only slower to start: say so, and let the build warn.
  process.stderr.write(`code cache not written: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
