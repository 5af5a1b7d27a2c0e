/** `evals show --trend`: the last N periods up to the one shown. */
import { describe, expect, it } from 'vitest';
import { evaluationsFixture, ROLE } from '../fixture.js';

const fx = evaluationsFixture();
const { ok } = fx;

/** Five cycles of the pre-sale role, July to November 2026 (wu and zheng in each). */
async function fiveCycles(): Promise<void> {
  for (const period of ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) await ok(['evals', 'open', '--period', period, '--roles', ROLE.presale]);
}
const trendOf = async (period: string, n: number) =>
  (JSON.parse((await ok(['evals', 'show', 'wu', '--period', period, '--trend', String(n), '--json'])).stdout) as { trend: { periods: { period: string }[] } }).trend.periods.map((p) => p.period);

describe('evals show --trend', () => {
  it('of the latest period: its N last periods, oldest first', async () => {
    await fiveCycles();
    expect(await trendOf('2026-11', 3)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  // showEvaluation (views.service.ts) takes the member's latest N evaluations overall
  // (listEvaluations { memberId, lastPeriods: N }) and only then drops those after the
  // period shown: for an earlier period the trend loses the periods before it.
  it('Bug: of an earlier period, the trend holds the N periods up to it (shows only those among the latest N overall)', async () => {
    await fiveCycles();
    // Shown: ['2026-09'] (of the latest 3: 2026-11, 2026-10, 2026-09), and [] for 2026-08.
    expect(await trendOf('2026-09', 3)).toEqual(['2026-07', '2026-08', '2026-09']);
  });
});
