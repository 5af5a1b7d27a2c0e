import { describe, expect, it } from 'vitest';
import { dedupeSeries, evaluateGoal, progressOrigin, rollupSeries, type GoalFacts } from '../../../src/goals/rules/evaluate.js';

// November 2026: 29 days from start to due. 11-10 is day 9, 11-16 day 15, 11-23 day 22.
const nov = { start: '2026-11-01', due: '2026-11-30' };
const orders: GoalFacts = { unit: '单', kind: 'additive', baseline: null, target: 300, direction: 'increase', ...nov, draft: false, state: 'open', finalValue: null, cadenceDays: 7 };

describe('dedupeSeries', () => {
  it('keeps one point per date, the last recorded winning, sorted by date', () => {
    expect(
      dedupeSeries([
        { date: '2026-11-10', value: 100 },
        { date: '2026-11-05', value: 120 },
        { date: '2026-11-10', value: 90 },
        { date: '2026-11-23', value: 150 },
      ]),
    ).toEqual([
      { date: '2026-11-05', value: 120 },
      { date: '2026-11-10', value: 90 },
      { date: '2026-11-23', value: 150 },
    ]);
  });

  it('is empty for no points and does not touch its input', () => {
    expect(dedupeSeries([])).toEqual([]);
    const input = [{ date: '2026-11-02', value: 1 }, { date: '2026-11-01', value: 2 }];
    dedupeSeries(input);
    expect(input).toEqual([{ date: '2026-11-02', value: 1 }, { date: '2026-11-01', value: 2 }]);
  });
});

describe('rollupSeries', () => {
  it('additive: at each date any child moved, the sum of every child\'s latest value (staggered dates)', () => {
    expect(
      rollupSeries('additive', [
        { series: [{ date: '2026-11-01', value: 60000 }, { date: '2026-11-20', value: 70000 }], target: 100000 },
        { series: [{ date: '2026-11-10', value: 40000 }], target: 100000 },
        { series: [], target: 100000 },
      ]),
    ).toEqual([
      { date: '2026-11-01', value: 60000 },
      { date: '2026-11-10', value: 100000 },
      { date: '2026-11-20', value: 110000 },
    ]);
  });

  it('additive: children moving on the same date give one point; float sums are cleaned', () => {
    expect(
      rollupSeries('additive', [
        { series: [{ date: '2026-11-05', value: 0.1 }], target: 1 },
        { series: [{ date: '2026-11-05', value: 0.2 }], target: 1 },
      ]),
    ).toEqual([{ date: '2026-11-05', value: 0.3 }]);
  });

  it('rate: the weighted mean of the children that have a value so far', () => {
    expect(
      rollupSeries('rate', [
        { series: [{ date: '2026-11-10', value: 80 }, { date: '2026-11-20', value: 94 }], target: 95, weight: 3 },
        { series: [{ date: '2026-11-15', value: 90 }], target: 95 },
      ]),
    ).toEqual([
      { date: '2026-11-10', value: 80 },
      { date: '2026-11-15', value: 82.5 }, // (80 × 3 + 90) / 4
      { date: '2026-11-20', value: 93 }, // (94 × 3 + 90) / 4
    ]);
  });

  it('rate: children\'s targets do not weigh; zero weights everywhere give no point', () => {
    expect(rollupSeries('rate', [{ series: [{ date: '2026-11-10', value: 30 }], target: 10 }, { series: [{ date: '2026-11-10', value: 40 }], target: 1000 }])).toEqual([{ date: '2026-11-10', value: 35 }]);
    expect(rollupSeries('rate', [{ series: [{ date: '2026-11-10', value: 30 }], target: 10, weight: 0 }])).toEqual([]);
  });

  it('no child values: no points', () => {
    expect(rollupSeries('additive', [{ series: [], target: 1 }, { series: [], target: 2 }])).toEqual([]);
    expect(rollupSeries('rate', [])).toEqual([]);
  });
});

describe('progressOrigin', () => {
  it('an additive goal that increases counts from 0, whatever its baseline', () => {
    expect(progressOrigin({ kind: 'additive', direction: 'increase', baseline: 1500000 })).toBe(0);
    expect(progressOrigin({ kind: 'additive', direction: 'increase', baseline: null })).toBe(0);
  });

  it('every additive goal is a total counted from 0; levels move from their baseline', () => {
    expect(progressOrigin({ kind: 'additive', direction: 'at-most', baseline: 500 })).toBe(0);
    expect(progressOrigin({ kind: 'additive', direction: 'at-least', baseline: 500 })).toBe(0);
    expect(progressOrigin({ kind: 'rate', direction: 'increase', baseline: 90 })).toBe(90);
    expect(progressOrigin({ kind: 'rate', direction: 'decrease', baseline: null })).toBeNull();
    expect(progressOrigin({ kind: null, direction: 'increase', baseline: 7 })).toBe(7);
  });
});

describe('evaluateGoal', () => {
  it('an open leaf: value, progress, forecast from its own check-ins', () => {
    // (0, 0) and (9, 100): 322.2 at day 29
    const e = evaluateGoal(orders, [{ date: '2026-11-10', value: 100 }], null, '2026-11-10');
    expect(e.value).toBe(100);
    expect(e.progressPct).toBeCloseTo(33.333, 3);
    expect(e.expectedPct).toBeCloseTo(31.034, 3);
    expect(e.projected).toBeCloseTo(322.222, 3);
    expect([e.status, e.stale, e.lastCheckinDate]).toEqual(['on-track', false, '2026-11-10']);
    expect(e.series).toEqual([{ date: '2026-11-10', value: 100 }]);
  });

  it('additive increase counts progress from 0, not from last period\'s baseline', () => {
    const gmv: GoalFacts = { ...orders, unit: '¥', baseline: 1500000, target: 1800000 };
    expect(evaluateGoal(gmv, [{ date: '2026-11-16', value: 900000 }], null, '2026-11-16').progressPct).toBe(50);
  });

  it('a rate moves from its baseline; a decrease too (60 s → 30 s: 45 s is half way)', () => {
    const csat: GoalFacts = { ...orders, unit: '%', kind: 'rate', baseline: 90, target: 95 };
    expect(evaluateGoal(csat, [{ date: '2026-11-16', value: 92.5 }], null, '2026-11-16').progressPct).toBe(50);
    const frt: GoalFacts = { ...orders, unit: 's', kind: 'rate', baseline: 60, target: 30, direction: 'decrease' };
    const e = evaluateGoal(frt, [{ date: '2026-11-16', value: 45 }], null, '2026-11-16');
    expect([e.progressPct, e.projected, e.status]).toEqual([50, 31, 'at-risk']);
  });

  it('the forecast reported stays within the values the unit can take; the status is judged from the line itself', () => {
    // 60 s → 40 s in 4 days: the line reaches −85 s at the due date. A first response is never below 0 s.
    const frt: GoalFacts = { ...orders, unit: 's', kind: 'rate', baseline: 60, target: 30, direction: 'decrease' };
    const fast = evaluateGoal(frt, [{ date: '2026-11-05', value: 40 }], null, '2026-11-05');
    expect([fast.projected, fast.status]).toEqual([0, 'on-track']);
    expect(evaluateGoal({ ...frt, direction: 'at-most' }, [{ date: '2026-11-05', value: 40 }], null, '2026-11-05')).toMatchObject({ projected: 0, status: 'at-risk' });
    // A share: 50 % → 80 % in 4 days runs past 100 %.
    const share: GoalFacts = { ...orders, unit: '%', kind: 'rate', baseline: 50, target: 95 };
    expect(evaluateGoal(share, [{ date: '2026-11-05', value: 80 }], null, '2026-11-05')).toMatchObject({ projected: 100, status: 'on-track' });
    // The status is the line's, not the bound's: a line past a target of 100 % is on track (bounded, its progress would read 99.99…%),
    // and a budget in % whose line runs to 145 against a cap of 90 is off track (bounded at 100 it would look merely at risk).
    const full: GoalFacts = { ...share, baseline: 89.1, target: 100 };
    expect(evaluateGoal(full, [{ date: '2026-11-05', value: 95 }], null, '2026-11-05')).toMatchObject({ projected: 100, status: 'on-track' });
    const budget: GoalFacts = { ...orders, unit: '%', kind: 'additive', baseline: null, target: 90, direction: 'at-most' };
    expect(evaluateGoal(budget, [{ date: '2026-11-05', value: 20 }], null, '2026-11-05')).toMatchObject({ projected: 100, status: 'off-track' });
    // A unit of no known bound keeps the line's value, below 0 too.
    const points: GoalFacts = { ...frt, unit: 'pts' };
    expect(evaluateGoal(points, [{ date: '2026-11-05', value: 40 }], null, '2026-11-05').projected).toBeCloseTo(-85, 9);
  });

  it('several check-ins on a date: the last one recorded counts', () => {
    const e = evaluateGoal(orders, [{ date: '2026-11-10', value: 100 }, { date: '2026-11-10', value: 90 }], null, '2026-11-10');
    expect([e.value, e.series]).toEqual([90, [{ date: '2026-11-10', value: 90 }]]);
  });

  it('a draft has status "draft" and is never stale, even with check-ins', () => {
    const e = evaluateGoal({ ...orders, draft: true }, [{ date: '2026-11-02', value: 10 }], null, '2026-11-23');
    expect([e.status, e.stale, e.value, e.lastCheckinDate]).toEqual(['draft', false, 10, '2026-11-02']);
  });

  it('a goal missing its target, direction or dates cannot be judged: status "draft", no progress', () => {
    for (const facts of [{ ...orders, target: null }, { ...orders, direction: null }, { ...orders, due: null }, { ...orders, start: '2026-12-01' }]) {
      const e = evaluateGoal(facts, [{ date: '2026-11-10', value: 100 }], null, '2026-11-23');
      expect([e.status, e.progressPct, e.expectedPct, e.projected, e.value, e.stale]).toEqual(['draft', null, null, null, 100, false]);
    }
  });

  it('closed achieved: "done" with the final value and its progress', () => {
    const e = evaluateGoal({ ...orders, state: 'achieved', finalValue: 320 }, [{ date: '2026-11-10', value: 100 }], null, '2026-12-20');
    expect([e.status, e.value, e.stale]).toEqual(['done', 320, false]);
    expect(e.progressPct).toBeCloseTo(106.667, 3);
  });

  it('closed missed: "missed" with the final value, even if the last check-in met the target', () => {
    const e = evaluateGoal({ ...orders, state: 'missed', finalValue: 250 }, [{ date: '2026-11-29', value: 310 }], null, '2026-12-20');
    expect([e.status, e.value, e.stale]).toEqual(['missed', 250, false]);
    expect(e.progressPct).toBeCloseTo(83.333, 3);
  });

  it('closed without a final value keeps the last value', () => {
    const e = evaluateGoal({ ...orders, state: 'missed' }, [{ date: '2026-11-29', value: 150 }], null, '2026-12-20');
    expect([e.status, e.value, e.progressPct]).toEqual(['missed', 150, 50]);
  });

  it('a parent takes its series from the children and ignores its own check-ins', () => {
    const parent: GoalFacts = { ...orders, target: 300000, start: '2026-10-01', due: '2026-12-31' };
    const kids = [
      { series: [{ date: '2026-11-01', value: 60000 }, { date: '2026-11-20', value: 70000 }], target: 100000 },
      { series: [{ date: '2026-11-10', value: 40000 }], target: 100000 },
      { series: [], target: 100000 },
    ];
    const e = evaluateGoal(parent, [{ date: '2026-11-22', value: 1 }], kids, '2026-11-23');
    expect(e.series).toEqual([
      { date: '2026-11-01', value: 60000 },
      { date: '2026-11-10', value: 100000 },
      { date: '2026-11-20', value: 110000 },
    ]);
    expect([e.value, e.lastCheckinDate, e.status]).toEqual([110000, '2026-11-20', 'off-track']);
    expect(e.progressPct).toBeCloseTo(36.667, 3);
    expect(e.projected).toBeCloseTo(205957.52, 2);
  });

  it('a rate parent: the weighted mean of its children', () => {
    const parent: GoalFacts = { ...orders, kind: 'rate', baseline: 90, target: 95 };
    const e = evaluateGoal(parent, [], [{ series: [{ date: '2026-11-20', value: 94 }], target: 95, weight: 3 }, { series: [{ date: '2026-11-22', value: 90 }], target: 95 }], '2026-11-23');
    expect([e.value, e.progressPct]).toEqual([93, 60]);
  });

  it('an empty children list means a leaf: its own check-ins count', () => {
    expect(evaluateGoal(orders, [{ date: '2026-11-10', value: 100 }], [], '2026-11-10').value).toBe(100);
  });

  describe('stale: only open leaves that are neither done nor missed', () => {
    const old = [{ date: '2026-11-10', value: 100 }];
    it('an open leaf with no check-in for more than its cadence is stale; within it, not', () => {
      expect(evaluateGoal(orders, old, null, '2026-11-17').stale).toBe(false);
      expect(evaluateGoal(orders, old, null, '2026-11-18').stale).toBe(true);
      expect(evaluateGoal({ ...orders, cadenceDays: 14 }, old, null, '2026-11-18').stale).toBe(false);
    });

    it('no check-in at all counts from the start', () => {
      expect(evaluateGoal(orders, [], null, '2026-11-08').stale).toBe(false);
      expect(evaluateGoal(orders, [], null, '2026-11-09')).toMatchObject({ stale: true, status: 'at-risk' });
    });

    it('a parent is never stale itself', () => {
      const e = evaluateGoal(orders, [], [{ series: old, target: 300 }], '2026-11-23');
      expect([e.value, e.stale]).toEqual([100, false]);
    });

    it('a done or missed leaf is not stale', () => {
      expect(evaluateGoal(orders, [{ date: '2026-11-05', value: 300 }], null, '2026-11-23')).toMatchObject({ status: 'done', stale: false });
      expect(evaluateGoal(orders, old, null, '2026-12-20')).toMatchObject({ status: 'missed', stale: false });
      expect(evaluateGoal(orders, [], null, '2026-12-20')).toMatchObject({ status: 'missed', stale: false });
    });

    it('a closed goal is not stale', () => {
      expect(evaluateGoal({ ...orders, state: 'achieved', finalValue: 100 }, old, null, '2026-11-23').stale).toBe(false);
    });
  });
});
