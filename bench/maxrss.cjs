'use strict';
// Preloaded into the CLI by bench/run.mjs (`node --require bench/maxrss.cjs bin/team …`)
// for the absolute measurements: writes the process's peak RSS in kilobytes to the
// file named by BENCH_MAXRSS_FILE when it exits, however it exits.
const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
