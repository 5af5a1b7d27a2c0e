/** Training's report compares the KPI scores of closed evaluation cycles before and after a pass (issue 10: "training effectiveness now uses KPI scores"). */
import { describe, expect, it } from 'vitest';
import { evaluationsFixture, PRESALE_FULL } from '../fixture.js';

const fx = evaluationsFixture();
const { ok } = fx;

/** Pre-sale values that score every KPI 0: each on its threshold (first response beyond the last band). */
const PRESALE_ZERO: readonly (readonly [string, number])[] = [
  ['First response time', 61],
  ['Inquiry conversion', 20],
  ['Customer satisfaction', 80],
  ['Complex issues answered within 24 h', 80],
  ['Work quality', 60],
  ['Efficiency', 60],
];

async function cycle(period: string, values: readonly (readonly [string, number])[], close = true): Promise<void> {
  await ok(['evals', 'open', '--period', period, '--roles', 'Customer service specialist (pre-sale)']);
  await fx.record('wu', values, period);
  await fx.record('zheng', values, period);
  if (close) await ok(['evals', 'close', '--period', period]);
}

describe('the KPI effect of a course', () => {
  it('wu passed on 2026-10-15: September (0) ended before it, November (100) began after it; October (the month of the pass) and an open cycle do not count', async () => {
    await cycle('2026-09', PRESALE_ZERO);
    // October, the month of the pass, counts for neither side: its 0 would halve the after.
    await cycle('2026-10', PRESALE_ZERO);
    await cycle('2026-11', PRESALE_FULL);
    await cycle('2026-12', PRESALE_ZERO, false);
    await ok(['training', 'plan', 'wu', '--courses', 'Customer service basics', '--due', '2026-10-31'], '2026-10-01');
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory', '--score', '90', '--date', '2026-10-15'], '2026-10-15');
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'simulation', '--score', '90', '--date', '2026-10-15'], '2026-10-15');
    const report = (await ok(['training', 'report', '--from', '2026-10-01', '--to', '2026-12-01', '--json'])).json() as { courses: { course: string; kpiEffect: unknown; goalEffect: unknown }[] };
    const course = report.courses.find((c) => c.course === 'Customer service basics')!;
    expect(course.kpiEffect).toEqual({ members: 1, before: 0, after: 100, change: 100 });
    const table = await ok(['training', 'report', '--from', '2026-10-01', '--to', '2026-12-01'], undefined);
    expect(table.stdout).toContain('KPI effect');
    expect(table.stdout).toContain('0 → 100');
  });

  it('without closed cycles around the pass the effect counts nobody', async () => {
    await ok(['training', 'plan', 'wu', '--courses', 'Customer service basics', '--due', '2026-10-31'], '2026-10-01');
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory', '--score', '90', '--date', '2026-10-15'], '2026-10-15');
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'simulation', '--score', '90', '--date', '2026-10-15'], '2026-10-15');
    const report = (await ok(['training', 'report', '--from', '2026-10-01', '--to', '2026-12-01', '--json'])).json() as { courses: { course: string; kpiEffect: unknown }[] };
    expect(report.courses.find((c) => c.course === 'Customer service basics')!.kpiEffect).toEqual({ members: 0, before: null, after: null, change: null });
    expect((await ok(['training', 'report', '--from', '2026-10-01', '--to', '2026-12-01'])).stdout).not.toContain('KPI effect');
  });
});
