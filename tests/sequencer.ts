/**
 * The order the test files start in. vitest's own runs one project after
 * another, so the spawned layer (e2e: terminals waiting for a prompt to
 * settle, child processes, mostly idle) filled every worker for its first two
 * minutes while the CPU-bound in-process files waited. Here the busy files of
 * every project start longest first (known durations, else the larger file),
 * and the spawned files are spread evenly among them, so that while one
 * worker waits on a terminal the others keep the cores busy.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class Interleaved extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(config.root, f.moduleId)}`;
    // Seconds known from the last run; an unknown file by its size, as vitest does (larger first).
    const weight = (f: TestSpecification) => cache.getFileTestResults(key(f))?.duration ?? (cache.getFileStats(key(f))?.size ?? 0) / 1e6;
    const longestFirst = (list: TestSpecification[]) => list.map((f) => [weight(f), f] as const).sort((a, b) => b[0] - a[0]).map(([, f]) => f);
    const waiting = longestFirst(files.filter((f) => f.project.name === 'e2e'));
    const busy = longestFirst(files.filter((f) => f.project.name !== 'e2e'));
    if (!waiting.length || !busy.length) return [...waiting, ...busy];
    const every = Math.max(1, Math.floor(busy.length / waiting.length));
    const out: TestSpecification[] = [];
    busy.forEach((f, i) => {
      if (i % every === 0 && waiting.length) out.push(waiting.shift()!);
      out.push(f);
    });
    return [...out, ...waiting];
  }
}
