/** The demo team's evaluations, whatever day the demo runs: the month before last and last month closed (with an appeal), this month open, last month's rewards. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDb } from '../../helpers.js';
import { addDays } from '../../../src/shared/dates.js';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const ok = async (args: string[], today: string, env: Record<string, string> = {}) => {
  const r = await run(t.db, args, { env: { TEAM_TODAY: today, TEAM_USER: 'lead', ...env } });
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};

describe('the demo evaluates', () => {
  // The first of a month, a January (the cycles cross a year), a leap day.
  it.each([
    ['2026-12-01', ['2026-12', '2026-11', '2026-10']],
    ['2027-01-15', ['2027-01', '2026-12', '2026-11']],
    ['2028-02-29', ['2028-02', '2028-01', '2027-12']],
  ])('on %s: two closed cycles and one open, every grade from A to D, an appeal decided, the rewards', async (today, periods) => {
    const demo = (await ok(['demo', '--db', t.db, '--json'], today)).json<{ rewards: { period: string; state: string; rows: { handle: string; kind: string | null; grade: string | null }[] } }>();
    const cycles = (await ok(['evals', 'list', '--json'], today)).json<{ period: string; state: string; evaluations: number; scored: number; appeals: number; weights: Record<string, number> }[]>();
    // he.tao joined 18 days ago: evaluated from the month he was hired in.
    const hired = addDays(today, -18).slice(0, 7);
    const n = (period: string) => (hired <= period ? 12 : 11);
    expect(cycles.map((c) => [c.period, c.state, c.evaluations, c.scored, c.appeals])).toEqual([
      [periods[0], 'open', 12, 0, 0],
      [periods[1], 'closed', n(periods[1]!), n(periods[1]!), 1],
      [periods[2], 'closed', n(periods[2]!), n(periods[2]!), 0],
    ]);
    expect(cycles[1]!.weights).toEqual({ kpi: 70, self: 10, peer: 10, lead: 10 });
    // Last month's rewards: by grade and rank, everyone listed.
    expect(demo.rewards.period).toBe(periods[1]);
    expect(demo.rewards.state).toBe('closed');
    expect(new Set(demo.rewards.rows.map((r) => r.handle)).size).toBe(n(periods[1]!));
    expect(new Set(demo.rewards.rows.map((r) => r.grade))).toEqual(new Set(['A', 'B', 'C', 'D']));
    const report = (await ok(['evals', 'report', '--period', periods[1]!, '--json'], today)).json<{ ranking: { handle: string; rank: number }[]; missing: unknown[]; gradeCounts: { grade: string; count: number }[] }>();
    expect(report.missing).toEqual([]);
    expect(report.ranking[0]).toMatchObject({ handle: 'wu.xue', rank: 1 });
    // zheng.hao's appeal changed his score (his satisfaction value corrected to 96).
    const zheng = (await ok(['evals', 'show', 'zheng.hao', '--period', periods[1]!, '--json'], today)).json<{ evaluation: { appeals: { outcome: string; oldScore: number; newScore: number }[]; items: { name: string; value: number }[] } }>().evaluation;
    expect(zheng.appeals).toHaveLength(1);
    expect(zheng.appeals[0]!.outcome).toBe('changed');
    expect(zheng.appeals[0]!.newScore).toBeGreaterThan(zheng.appeals[0]!.oldScore);
    expect(zheng.items.find((i) => i.name === 'Customer satisfaction')!.value).toBe(96);
    // This month: open, about half of the values in.
    const open = (await ok(['evals', 'report', '--json'], today)).json<{ period: string; state: string; missing: { handle: string }[] }>();
    expect([open.period, open.state]).toEqual([periods[0], 'open']);
    expect(open.missing.length).toBe(12);
    expect(open.period >= hired).toBe(true);
    // The trend of the last three months, for the leads' monthly talk.
    const trend = (await ok(['evals', 'show', 'wu.xue', '--trend', '3', '--json'], today)).json<{ trend: { periods: { period: string }[] } }>().trend;
    expect(trend.periods.map((p) => p.period)).toEqual([...periods].reverse());
  });

  it('prints last month\'s rewards after the training (that table fitting 80 columns), in English and Chinese', async () => {
    for (const lang of ['en', 'zh']) {
      const dir = tempDb();
      try {
        const r = await run(dir.db, ['--lang', lang, 'demo', '--db', dir.db], { env: { TEAM_TODAY: '2026-12-01', TEAM_USER: 'lead', COLUMNS: '80' } });
        expect(r.code).toBe(0);
        const heading = lang === 'en' ? 'Rewards for 2026-11: by grade and rank (team evals rewards)' : '2026-11 奖惩：按等级与名次（team evals rewards）';
        expect(r.stdout).toContain(heading);
        const after = r.stdout.slice(r.stdout.indexOf(heading));
        expect(after).toContain(lang === 'en' ? 'title: Service star' : '称号: 服务之星');
        expect(after).toContain(lang === 'en' ? 'rank ≤ 1 in Customer' : '客服部内名次 ≤ 1');
        const { default: stringWidth } = await import('string-width');
        for (const line of after.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      } finally {
        await dir.cleanup();
      }
    }
  });
});
