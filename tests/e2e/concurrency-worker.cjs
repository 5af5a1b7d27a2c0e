'use strict';
// One writer of tests/e2e/concurrency.test.ts: a separate process that runs
// the built program's run(argv, io) once per command line given (a JSON array
// of argument arrays in argv[2]), one after another, as that many `team`
// processes would, without paying a Node start for each: every command opens
// its own connection and writes in its own transaction. Prints nothing when
// every command exits 0; otherwise how many failed, the first few with their
// output, and exits 1.
const { loadBundle } = require('../../bin/load.cjs');

async function main() {
  const { run } = loadBundle();
  const commands = JSON.parse(process.argv[2]);
  const failures = [];
  for (const args of commands) {
    let out = '';
    let err = '';
    const code = await run([process.execPath, 'team', ...args], {
      stdout: { write: (s) => (out += s), isTTY: false },
      stderr: { write: (s) => (err += s), isTTY: false },
      stdinIsTTY: false,
      env: process.env,
    });
    if (code !== 0) failures.push(`team ${args.join(' ')} → ${code}\n${err}${out}`);
  }
  if (failures.length > 0) {
    process.stderr.write(`${failures.length} of ${commands.length} commands failed; the first:\n${failures.slice(0, 5).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
