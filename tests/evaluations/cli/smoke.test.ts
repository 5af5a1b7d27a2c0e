/** The life of a cycle end to end: open, record, close, report, rewards (the other suites go into each step). */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { evaluationsFixture, PRESALE_FULL } from '../fixture.js';

const fx = evaluationsFixture();
const { ok } = fx;

describe('a cycle from open to rewards', () => {
  it('opens 2026-11 for the four active members, scores wu 100 in the month of 双11 and ranks her first', async () => {
    const opened = JSON.parse((await ok(['evals', 'open', '--period', '2026-11', '--json'])).stdout);
    expect(opened.added).toEqual(['li', 'wu', 'zheng', 'zhou']);
    expect(opened.cycle).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-30', state: 'open', weights: { kpi: 100, self: 0, peer: 0, lead: 0 } });
    await fx.record('wu', PRESALE_FULL);
    const shown = JSON.parse((await ok(['evals', 'show', 'wu', '--json'])).stdout).evaluation;
    expect(shown.items.map((i: { score: number }) => i.score)).toEqual([100, 100, 100, 100, 100, 100]);
    // 双11 covers 11 of November's 30 days for first response and satisfaction.
    expect(shown.items[0].seasons).toEqual([expect.objectContaining({ season: 'Double 11', days: 11 })]);
    expect(shown.finalScore).toBe(100);
    expect(shown.grade).toBe('A');
    const closed = await ok(['evals', 'close', '--period', '2026-11', '--allow-missing']);
    expect(closed.stderr).toContain('Cycle 2026-11 closed: 1 evaluation(s) scored and locked.');
    const rows = await query<{ final_score: number; grade: string }>(fx.db, "select final_score, grade from eval_evaluations e join members m on m.id = e.member_id where m.handle = 'wu'");
    expect(rows).toEqual([{ final_score: 100, grade: 'A' }]);
    const rewards = JSON.parse((await ok(['evals', 'rewards', '--period', '2026-11', '--json'])).stdout);
    expect(rewards.rows.filter((r: { handle: string }) => r.handle === 'wu').map((r: { kind: string; text: string | null; coefficient: number | null }) => [r.kind, r.coefficient ?? r.text])).toEqual([
      ['bonus', 1.2],
      ['training', 'A place on an external course'],
      ['title', 'Employee of the month (优秀员工奖)'],
      ['title', 'Service star (服务之星)'],
    ]);
  });
});
