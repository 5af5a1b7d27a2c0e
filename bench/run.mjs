// Start-up benchmark for the `team` CLI: `npm run bench [-- --pairs N] [--only text] [--strict]`.
//
// A CLI run is mostly Node start-up plus module loading, so absolute times say
// more about the machine than about the code. Each command is therefore timed
// against `node -e 0`, alternating the two run by run so that both see the
// same machine state (turbo, load from other processes, page cache), and the
// median of the per-pair ratios is compared with a target. The ratio is what
// the targets are written in: it stays meaningful on a slow laptop or a busy
// CI runner, where milliseconds would not.
//
// The whole-database goal views (ABSOLUTE) are the exception: their cost is the
// data, so they are judged by median wall time and peak RSS.
//
// Commands that do not exist yet (or break) are reported as n/a instead of
// aborting, so the bench can land before the features it measures. Only
// --strict turns a missed target into a failing exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BIN, cliEnv, OWNER_HANDLE, REPORT_WEEK, REPORTS_TODAY, ROOT, TMP, TREE_TITLE, ensureDatabases } from './seed.mjs';

const WARMUP_PAIRS = 3;
const MIN_PAIRS = 20;
const DEFAULT_PAIRS = 25;

/**
 * What is measured. `db` names a database from seed.mjs; `args` may use the
 * seed's ids; `today`, when given, pins TEAM_TODAY for the command (both
 * environments), for commands whose output depends on the date.
 */
const BENCHES = [
  { name: 'team --help', target: 1.3, db: null, args: () => ['--help'] },
  { name: 'team roles list --json', target: 1.5, db: 'preset', args: () => ['roles', 'list', '--json'] },
  { name: 'team members list --json', target: 1.6, db: 'members', args: () => ['members', 'list', '--json'] },
  { name: `team goals list --owner ${OWNER_HANDLE} --json`, target: 1.5, db: 'goals', args: () => ['goals', 'list', '--owner', OWNER_HANDLE, '--json'] },
  { name: `team goals tree <${TREE_TITLE}> --json`, target: 1.6, db: 'goals', args: (seed) => ['goals', 'tree', String(seed.treeId), '--json'] },
  // Issue 8: within 1.3× the clean ratio of `goals list --owner`, measured in the same run.
  { name: 'team meetings upcoming --days 30 --json (200 series)', relativeTo: { name: `team goals list --owner ${OWNER_HANDLE} --json`, factor: 1.3 }, db: 'meetings', args: () => ['meetings', 'upcoming', '--days', '30', '--json'] },
  // Issue 9: one member's training, as a lead checks it, in the same terms as meetings upcoming.
  { name: `team training status --member ${OWNER_HANDLE} --json`, relativeTo: { name: `team goals list --owner ${OWNER_HANDLE} --json`, factor: 1.3 }, db: 'training', args: () => ['training', 'status', '--member', OWNER_HANDLE, '--json'] },
  // Issue 10: one member's evaluation with six months of trend, as a lead opens it in the monthly talk.
  { name: `team evals show ${OWNER_HANDLE} --trend --json`, relativeTo: { name: `team goals list --owner ${OWNER_HANDLE} --json`, factor: 1.3 }, db: 'evaluations', args: () => ['evals', 'show', OWNER_HANDLE, '--trend', '--json'] },
  // Issue 11: the week at a glance and what is due, on the database with everything at once, within 1.5× the clean ratio of
  // `goals list --owner`. They run on the Friday of the seeded week (the real date would give an empty week): see seed.mjs REPORTS_TODAY.
  { name: `team report weekly --json (${REPORT_WEEK.week})`, relativeTo: { name: `team goals list --owner ${OWNER_HANDLE} --json`, factor: 1.5 }, db: 'reports', today: REPORTS_TODAY, args: () => ['report', 'weekly', '--json'] },
  { name: `team report weekly (${REPORT_WEEK.week}, table)`, relativeTo: { name: `team goals list --owner ${OWNER_HANDLE} --json`, factor: 1.5 }, db: 'reports', today: REPORTS_TODAY, args: () => ['report', 'weekly'] },
  { name: `team remind --within 7d --json (from ${REPORTS_TODAY})`, relativeTo: { name: `team goals list --owner ${OWNER_HANDLE} --json`, factor: 1.5 }, db: 'reports', today: REPORTS_TODAY, args: () => ['remind', '--within', '7d', '--json'] },
  { name: `team remind --within 7d (from ${REPORTS_TODAY}, text)`, relativeTo: { name: `team goals list --owner ${OWNER_HANDLE} --json`, factor: 1.5 }, db: 'reports', today: REPORTS_TODAY, args: () => ['remind', '--within', '7d'] },
];

/**
 * Views over the whole bench database, judged in absolute terms: their cost is
 * the data (20,000 goals, 100,000 check-ins, 15 MB of JSON), not start-up, so
 * a ratio to `node -e 0` would say little. Budgets: median wall time and peak
 * RSS. TEAM_TODAY is pinned so that every run evaluates the same statuses.
 */
const ABSOLUTE = [
  { name: 'team goals list --json', wallMs: 350, rssMb: 100, db: 'goals', args: () => ['goals', 'list', '--json'] },
  { name: 'team goals list --status at-risk --json', wallMs: 350, rssMb: 100, db: 'goals', args: () => ['goals', 'list', '--status', 'at-risk', '--json'] },
  { name: 'team goals list --status stale --json', wallMs: 350, rssMb: 100, db: 'goals', args: () => ['goals', 'list', '--status', 'stale', '--json'] },
  { name: 'team goals tree --json', wallMs: 350, rssMb: 100, db: 'goals', args: () => ['goals', 'tree', '--json'] },
  // The whole team's training (2,000 members, 30,000 rounds, 5.6 MB of JSON), as the weekly report will read it;
  // and the last 90 days' report over it (counted by the database).
  { name: 'team training status --json', wallMs: 700, rssMb: 150, db: 'training', args: () => ['training', 'status', '--json'] },
  { name: 'team training report --json', wallMs: 500, rssMb: 100, db: 'training', args: () => ['training', 'report', '--json'] },
  // A month's cycle for 2,000 members (12,000 KPI values scored, ranked in the team and each department), and its rewards for payroll.
  { name: 'team evals report --period 2026-10 --json', wallMs: 500, rssMb: 120, db: 'evaluations', args: () => ['evals', 'report', '--period', '2026-10', '--json'] },
  { name: 'team evals rewards --period 2026-10 --format csv', wallMs: 500, rssMb: 120, db: 'evaluations', args: () => ['evals', 'rewards', '--period', '2026-10', '--format', 'csv'] },
];
const ABSOLUTE_TODAY = '2026-11-23';
const WARMUP_RUNS = 1;
const DEFAULT_RUNS = 7;
const MAXRSS_PRELOAD = `${ROOT}bench/maxrss.cjs`;

const USAGE = `usage: node bench/run.mjs [--pairs N] [--runs N] [--only <substring>] [--strict]
  --pairs N        measured pairs per command (default ${DEFAULT_PAIRS}, after ${WARMUP_PAIRS} warm-up pairs)
  --runs N         measured runs per whole-database view (default ${DEFAULT_RUNS}, after ${WARMUP_RUNS} warm-up run)
  --only <text>    run only the commands whose name contains <text> (case-insensitive)
  --strict         exit 1 when a command misses its target
Databases are built in bench/.tmp/ on first use; delete it to rebuild them.`;

function parseArgs(argv) {
  const opts = { pairs: DEFAULT_PAIRS, runs: DEFAULT_RUNS, only: undefined, strict: false };
  const value = (i, flag) => {
    if (i >= argv.length || argv[i].startsWith('--')) usage(`${flag} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    switch (flag) {
      case '--pairs': {
        const raw = inline ?? value(++i, flag);
        if (!/^\d+$/.test(raw) || Number(raw) < 1) usage(`--pairs must be a positive integer, not '${raw}'`);
        opts.pairs = Number(raw);
        break;
      }
      case '--runs': {
        const raw = inline ?? value(++i, flag);
        if (!/^\d+$/.test(raw) || Number(raw) < 1) usage(`--runs must be a positive integer, not '${raw}'`);
        opts.runs = Number(raw);
        break;
      }
      case '--only':
        opts.only = inline ?? value(++i, flag);
        break;
      case '--strict':
        opts.strict = true;
        break;
      case '-h':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        usage(`unknown argument '${argv[i]}'`);
    }
  }
  return opts;
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Linear-interpolated quantile, to show the spread next to the median. */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};

// Two environments: this machine's as configured (what the issue's targets
// were calibrated in, and what CI has), and a clean one without
// NODE_EXTRA_CA_CERTS, which shows the CLI's own overhead over bare node.
const ENV = cliEnv();
const CLEAN_ENV = cliEnv({ clean: true });
const HAS_CA = Boolean(process.env.NODE_EXTRA_CA_CERTS);

/** One timed run. Output is discarded so terminal or pipe speed is not measured. */
function timed(argv, env = ENV) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, env, stdio: 'ignore' });
  const ms = performance.now() - t0;
  return { ms, ok: r.status === 0 && !r.error, code: r.error ? r.error.code : (r.status ?? r.signal) };
}

/**
 * Runs once more with stderr captured, to say why a run failed: the CLI's own
 * first line, or for a Node crash the error line rather than the
 * `node:internal/…:283` location Node prints first.
 */
function whyFailed(argv, env = ENV) {
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.error) return r.error.message;
  const lines = (r.stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  if (r.status === 0) return `failed once, then passed on a re-run (${lines[0] ?? 'no stderr'})`;
  const line = lines[0]?.startsWith('team:') ? lines[0] : (lines.find((l) => /^(\w*Error\b|Error \[)/.test(l)) ?? lines[0]);
  return line ?? `exit ${r.status ?? r.signal}, no stderr`;
}

const BASELINE = ['-e', '0'];

/** A command's environment: `env`, with its TEAM_TODAY when it pins one. */
const envOf = (bench, env) => (bench.today ? { ...env, TEAM_TODAY: bench.today } : env);

function measure(bench, argv, pairs, env = ENV) {
  const base = [];
  const cmd = [];
  for (let i = 0; i < WARMUP_PAIRS + pairs; i++) {
    const b = timed(BASELINE, env);
    if (!b.ok) throw new Error(`\`node -e 0\` failed (${b.code}): the machine, not the CLI, is broken`);
    const c = timed(argv, env);
    if (!c.ok) {
      const reason = whyFailed(argv, env);
      const when = i < WARMUP_PAIRS ? `warm-up run ${i + 1}` : `run ${i - WARMUP_PAIRS + 1}`;
      process.stderr.write(`bench: ${bench.name}: ${when} exited with ${c.code}: ${reason}\n`);
      return { failed: `command failed: ${reason}` };
    }
    if (i >= WARMUP_PAIRS) {
      base.push(b.ms);
      cmd.push(c.ms);
    }
  }
  const ratios = cmd.map((c, i) => c / base[i]);
  return { base, cmd, ratios };
}

/**
 * Absolute measurement of one view: wall time of each run (spawn to exit,
 * output discarded) and the CLI's own peak RSS, reported by a preload on exit
 * (portable, unlike /usr/bin/time -v, and not inflated by this harness).
 */
function measureAbsolute(bench, argv, runs, baseEnv = CLEAN_ENV) {
  const rssFile = `${TMP}maxrss-${process.pid}.txt`;
  const env = { ...baseEnv, TEAM_TODAY: ABSOLUTE_TODAY, BENCH_MAXRSS_FILE: rssFile };
  const wall = [];
  const rss = [];
  for (let i = 0; i < WARMUP_RUNS + runs; i++) {
    rmSync(rssFile, { force: true });
    const r = timed(['--require', MAXRSS_PRELOAD, ...argv], env);
    if (!r.ok) {
      const reason = whyFailed(argv, env);
      process.stderr.write(`bench: ${bench.name}: run ${i + 1} exited with ${r.code}: ${reason}\n`);
      return { failed: `command failed: ${reason}` };
    }
    if (i < WARMUP_RUNS) continue;
    wall.push(r.ms);
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  rmSync(rssFile, { force: true });
  return { wall, rss };
}

function absoluteTable(rows) {
  const head = ['view', 'budget', 'median ms', 'min–max ms', 'peak RSS MB (max)', 'with CA ms', 'result'];
  const body = rows.map((r) =>
    r.status === 'n/a'
      ? [r.name, `≤ ${r.wallMs} ms, ≤ ${r.rssMb} MB`, 'n/a', '', '', '', `n/a (${r.reason})`]
      : [r.name, `≤ ${r.wallMs} ms, ≤ ${r.rssMb} MB`, fmtMs(r.medianMs), `${fmtMs(r.minMs)}–${fmtMs(r.maxMs)}`, r.maxRssMb.toFixed(1), r.withCaMedianMs === null ? '–' : fmtMs(r.withCaMedianMs), r.status],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  widths[widths.length - 1] = head[head.length - 1].length;
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function row(bench, seed) {
  const args = [...(bench.db ? ['--db', seed.paths[bench.db]] : []), ...bench.args(seed)];
  const shown = `${bench.today ? `TEAM_TODAY=${bench.today} ` : ''}team ${args.map((a) => (a.startsWith(ROOT) ? a.slice(ROOT.length) : a)).join(' ')}`;
  return { bench, argv: [BIN, ...args], shown };
}

const fmtRatio = (r) => `${r.toFixed(2)}×`;
const fmtMs = (ms) => ms.toFixed(1);

function table(rows) {
  const head = ['command', 'target', 'median ratio', 'ratio p25–p75', 'median ms', 'node -e 0 ms', 'clean ratio', 'clean ms', 'result'];
  // The result comes last so that a long n/a reason only makes its own line longer.
  const body = rows.map((r) =>
    r.status === 'n/a'
      ? [r.name, `≤ ${fmtRatio(r.target)}`, 'n/a', '', '', '', '', '', `n/a (${r.reason})`]
      : [r.name, `≤ ${fmtRatio(r.target)}`, fmtRatio(r.medianRatio), `${r.p25Ratio.toFixed(2)}–${r.p75Ratio.toFixed(2)}`, fmtMs(r.medianMs), fmtMs(r.baselineMedianMs), r.clean ? fmtRatio(r.clean.medianRatio) : '–', r.clean ? fmtMs(r.clean.medianMs) : '–', r.status],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  widths[widths.length - 1] = head[head.length - 1].length;
  const line = (cells) => cells.map((c, i) => (i >= 1 && i <= 7 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** A command's target ratio: its own, or a factor of another command's (clean) ratio measured earlier in this run. */
function targetOf(bench, results) {
  if (!bench.relativeTo) return bench.target;
  const ref = results.find((r) => r.name === bench.relativeTo.name);
  if (!ref || ref.status === 'n/a') return Number.NaN;
  return bench.relativeTo.factor * (ref.clean?.medianRatio ?? ref.medianRatio);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const matches = (b) => !opts.only || b.name.toLowerCase().includes(opts.only.toLowerCase());
  // A command judged against another brings that one along.
  const benches = BENCHES.filter((b) => matches(b) || BENCHES.some((o) => matches(o) && o.relativeTo?.name === b.name));
  const absolutes = ABSOLUTE.filter(matches);
  if (!benches.length && !absolutes.length) usage(`--only '${opts.only}' matches none of: ${[...BENCHES, ...ABSOLUTE].map((b) => b.name).join(', ')}`);
  if (benches.length && opts.pairs < MIN_PAIRS) process.stderr.write(`bench: warning: ${opts.pairs} pairs is below the ${MIN_PAIRS} the targets assume; medians will be noisy\n`);

  const seed = ensureDatabases([...new Set([...benches, ...absolutes].map((b) => b.db).filter(Boolean))]);
  const results = [];
  for (const bench of benches) {
    const { argv, shown } = row(bench, seed);
    process.stderr.write(`bench: ${bench.name} (${WARMUP_PAIRS} + ${opts.pairs} pairs)…\n`);
    const m = measure(bench, argv, opts.pairs, envOf(bench, ENV));
    const target = targetOf(bench, results);
    const base = { name: bench.name, argv: shown, target, db: bench.db, ...(bench.today && { today: bench.today }) };
    if (m.failed) {
      results.push({ ...base, status: 'n/a', reason: m.failed });
      continue;
    }
    const medianRatio = median(m.ratios);
    const c = HAS_CA ? measure(bench, argv, opts.pairs, envOf(bench, CLEAN_ENV)) : null;
    results.push({
      clean: c && !c.failed ? { medianRatio: median(c.ratios), medianMs: median(c.cmd), baselineMedianMs: median(c.base) } : null,
      ...base,
      // A target relative to another command compares clean ratio with clean ratio.
      status: (bench.relativeTo && c && !c.failed ? median(c.ratios) : medianRatio) <= target ? 'PASS' : 'FAIL',
      medianRatio,
      p25Ratio: quantile(m.ratios, 0.25),
      p75Ratio: quantile(m.ratios, 0.75),
      medianMs: median(m.cmd),
      baselineMedianMs: median(m.base),
      samples: { ratio: m.ratios, ms: m.cmd, baselineMs: m.base },
    });
  }

  const absolute = [];
  for (const bench of absolutes) {
    const { argv, shown } = row(bench, seed);
    process.stderr.write(`bench: ${bench.name} (${WARMUP_RUNS} + ${opts.runs} runs)…\n`);
    const m = measureAbsolute(bench, argv, opts.runs);
    const base = { name: bench.name, argv: shown, wallMs: bench.wallMs, rssMb: bench.rssMb, db: bench.db, today: ABSOLUTE_TODAY };
    if (m.failed) {
      absolute.push({ ...base, status: 'n/a', reason: m.failed });
      continue;
    }
    const medianMs = median(m.wall);
    const maxRssMb = Math.max(...m.rss);
    // Shown beside the judged (clean) figure: what this machine's CA bundle adds to every Node start.
    const withCa = HAS_CA ? measureAbsolute(bench, argv, opts.runs, ENV) : null;
    absolute.push({
      ...base,
      withCaMedianMs: withCa && !withCa.failed ? median(withCa.wall) : null,
      status: medianMs <= bench.wallMs && maxRssMb <= bench.rssMb ? 'PASS' : 'FAIL',
      medianMs,
      minMs: Math.min(...m.wall),
      maxMs: Math.max(...m.wall),
      medianRssMb: median(m.rss),
      maxRssMb,
      samples: { ms: m.wall, rssMb: m.rss },
    });
  }

  if (results.length) process.stdout.write(`${table(results)}\n`);
  if (absolute.length) process.stdout.write(`${results.length ? '\n' : ''}${absoluteTable(absolute)}\n`);
  if (HAS_CA && results.length) process.stdout.write('targets are judged in this machine\'s environment (NODE_EXTRA_CA_CERTS set, as in CI and the issue\'s calibration); "clean" drops it and shows the overhead over bare node\n');
  if (HAS_CA && absolute.length) process.stdout.write('views are judged without NODE_EXTRA_CA_CERTS (the clean environment: the CA bundle is a cost of every Node start on this machine, not of the view); "with CA ms" shows them with it\n');
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    pairs: opts.pairs,
    warmupPairs: WARMUP_PAIRS,
    runs: opts.runs,
    warmupRuns: WARMUP_RUNS,
    only: opts.only ?? null,
    strict: opts.strict,
    results,
    absolute,
  };
  mkdirSync(TMP, { recursive: true });
  writeFileSync(`${TMP}last.json.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${TMP}last.json.tmp`, `${TMP}last.json`);
  process.stderr.write('bench: wrote bench/.tmp/last.json\n');

  const failed = [...results, ...absolute].filter((r) => r.status === 'FAIL');
  if (opts.strict && failed.length) {
    process.stderr.write(`bench: --strict: ${failed.length} command(s) missed the target: ${failed.map((r) => r.name).join(', ')}\n`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (e) {
  // The harness itself broke (seeding, node -e 0): nothing was measured, so say so and fail.
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
