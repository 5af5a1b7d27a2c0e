import { describe, expect, it } from 'vitest';
import { isMet, isStale, progressPct, rollup, sparkline } from '../../../src/goals/rules/progress.js';

describe('progressPct', () => {
  it('measures the way from baseline to target', () => {
    expect(progressPct(100, 200, 150, 'increase')).toBe(50);
    expect(progressPct(60, 30, 45, 'decrease')).toBe(50);
    expect(progressPct(0, 900, 765, 'increase')).toBe(85);
  });

  it('goes over 100 on overshoot and below 0 when moving away', () => {
    expect(progressPct(100, 200, 260, 'increase')).toBe(160);
    expect(progressPct(100, 200, 80, 'increase')).toBe(-20);
    expect(progressPct(60, 30, 66, 'decrease')).toBe(-20);
    expect(progressPct(60, 30, 24, 'decrease')).toBe(120);
  });

  it('counts an increase without baseline from 0; a decrease without baseline has no progress', () => {
    expect(progressPct(null, 200, 50, 'increase')).toBe(25);
    expect(progressPct(null, 30, 45, 'decrease')).toBeNull();
  });

  it('when baseline equals target: 100 if met, else 0', () => {
    expect(progressPct(50, 50, 50, 'increase')).toBe(100);
    expect(progressPct(50, 50, 49, 'increase')).toBe(0);
  });

  it('at-least/at-most: 100 when the bound holds, else the way from a failing baseline, else 0', () => {
    expect(progressPct(20, 30, 25, 'at-most')).toBe(100);
    expect(progressPct(null, 30, 30, 'at-most')).toBe(100);
    expect(progressPct(40, 30, 34, 'at-most')).toBe(60);
    expect(progressPct(90, 95, 93, 'at-least')).toBe(60);
    expect(progressPct(null, 95, 93, 'at-least')).toBe(0);
    // the baseline held the bound; now broken: no meaningful fraction
    expect(progressPct(97, 95, 93, 'at-least')).toBe(0);
    expect(progressPct(28, 30, 33, 'at-most')).toBe(0);
  });
});

describe('isMet', () => {
  it('compares by direction, bounds inclusive', () => {
    expect(isMet(100, 100, 'increase')).toBe(true);
    expect(isMet(100, 99, 'increase')).toBe(false);
    expect(isMet(100, 99, 'at-least')).toBe(false);
    expect(isMet(30, 30, 'decrease')).toBe(true);
    expect(isMet(30, 31, 'decrease')).toBe(false);
    expect(isMet(30, 29, 'at-most')).toBe(true);
    expect(isMet(30, 31, 'at-most')).toBe(false);
  });

  it('tolerates floating-point sums', () => {
    expect(isMet(0.3, 0.1 + 0.2, 'at-most')).toBe(true);
    expect(isMet(0.3, 0.1 + 0.2 - 1e-6, 'increase')).toBe(false);
  });
});

describe('isStale', () => {
  const start = '2026-03-01';
  it('is never stale before start', () => {
    expect(isStale(null, start, '2026-02-20')).toBe(false);
    expect(isStale('2026-02-01', start, '2026-02-28')).toBe(false);
  });

  it('without check-ins, counts from the start', () => {
    expect(isStale(null, start, '2026-03-08')).toBe(false); // 7 days: not longer than the cadence
    expect(isStale(null, start, '2026-03-09')).toBe(true);
  });

  it('counts from the last check-in', () => {
    expect(isStale('2026-03-10', start, '2026-03-17')).toBe(false);
    expect(isStale('2026-03-10', start, '2026-03-18')).toBe(true);
  });

  it('honours a custom cadence', () => {
    expect(isStale('2026-03-10', start, '2026-03-11', 1)).toBe(false);
    expect(isStale('2026-03-10', start, '2026-03-12', 1)).toBe(true);
    expect(isStale('2026-03-10', start, '2026-03-30', 30)).toBe(false);
  });

  it('treats a check-in before start as none', () => {
    expect(isStale('2026-02-20', start, '2026-03-05')).toBe(false);
    expect(isStale('2026-02-20', start, '2026-03-09')).toBe(true);
  });
});

describe('rollup', () => {
  it('sums additive children, a missing value counting 0', () => {
    expect(rollup('additive', [{ target: 10, value: 4 }, { target: 10, value: null }])).toBe(4);
    expect(rollup('additive', [{ target: 5, value: 10 }, { target: 5, value: null }, { target: 5, value: 5 }])).toBe(15);
    expect(rollup('additive', [{ target: 1, value: 0.1 }, { target: 1, value: 0.2 }])).toBe(0.3);
    expect(rollup('additive', [{ target: 1, value: -3 }, { target: 1, value: 3 }])).toBe(0);
  });

  it('is null when no child has a value', () => {
    expect(rollup('additive', [{ target: 10, value: null }])).toBeNull();
    expect(rollup('additive', [])).toBeNull();
    expect(rollup('rate', [{ target: 10, value: null }])).toBeNull();
  });

  it('averages rates over the children with a value, weight 1 by default (not the target)', () => {
    expect(rollup('rate', [{ target: 100, value: 80 }, { target: 1, value: 90 }])).toBe(85);
    expect(rollup('rate', [{ target: 95, value: 80 }, { target: 95, value: null }, { target: 95, value: 90 }])).toBe(85);
    expect(rollup('rate', [{ target: 95, value: 80, weight: 3 }, { target: 95, value: 90 }])).toBe(82.5);
    expect(rollup('rate', [{ target: 1, value: 0.1 }, { target: 1, value: 0.2 }, { target: 1, value: 0.3 }])).toBe(0.2);
  });

  it('is null when all rate weights are 0, and rejects negative weights', () => {
    expect(rollup('rate', [{ target: 1, value: 5, weight: 0 }])).toBeNull();
    expect(() => rollup('rate', [{ target: 1, value: 5, weight: -1 }, { target: 1, value: 5, weight: 2 }])).toThrow(RangeError);
  });
});

describe('sparkline', () => {
  it('draws nothing for no values', () => {
    expect(sparkline([])).toBe('');
  });

  it('maps the range onto eight bars', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 10])).toBe('▁█');
    expect(sparkline([0, 5, 10])).toBe('▁▅█'); // 3.5 rounds to bar 4
    expect(sparkline([-2, 0, 2, -2])).toBe('▁▅█▁');
  });

  it('draws a flat line for constant values', () => {
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([3])).toBe('▄');
  });

  it('rejects non-finite values', () => {
    expect(() => sparkline([1, Number.NaN])).toThrow(RangeError);
  });
});
