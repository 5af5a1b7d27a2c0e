import { describe, expect, it } from 'vitest';
import { splitPeriods } from '../../../src/goals/rules/periods.js';
import { planSplit, splitExact, type SplitInput } from '../../../src/goals/rules/split.js';

const sumCents = (xs: number[]): number => xs.reduce((a, x) => a + Math.round(x * 100), 0);

describe('splitExact', () => {
  it('gives the leftover cent to the earlier share', () => {
    expect(splitExact(100000, [1, 1, 1], 2)).toEqual([33333.34, 33333.33, 33333.33]);
  });

  it('splits by weights', () => {
    expect(splitExact(100, [2, 1, 1], 0)).toEqual([50, 25, 25]);
    expect(splitExact(100, [2, 1, 1], 2)).toEqual([50, 25, 25]);
    // quotas 50.5, 25.25, 25.25: floors sum to 100, the one left goes to the largest remainder
    expect(splitExact(101, [2, 1, 1], 0)).toEqual([51, 25, 25]);
  });

  it('splits ¥99,999.99 over 7 weighted members exactly', () => {
    // 9,999,999 cents / 11 per weight unit: remainders .4545 (w3), .6364 (w2), .8182 (w1); 5 cents left
    const shares = splitExact(99999.99, [3, 2, 2, 1, 1, 1, 1], 2);
    expect(shares).toEqual([27272.72, 18181.82, 18181.81, 9090.91, 9090.91, 9090.91, 9090.91]);
    expect(sumCents(shares)).toBe(9999999);
  });

  it('gives a single unit to the first share', () => {
    expect(splitExact(1, [1, 1, 1], 0)).toEqual([1, 0, 0]);
  });

  it('handles zero weights and zero totals', () => {
    expect(splitExact(10, [1, 0, 1], 0)).toEqual([5, 0, 5]);
    expect(splitExact(11, [1, 0, 1], 0)).toEqual([6, 0, 5]);
    expect(splitExact(0, [1, 1], 2)).toEqual([0, 0]);
    expect(Object.is(splitExact(-1, [1, 1, 1], 0)[2], 0)).toBe(true); // never -0
  });

  it('splits negative totals by magnitude', () => {
    expect(splitExact(-100, [1, 1, 1], 0)).toEqual([-34, -33, -33]);
    expect(splitExact(-1, [1, 1, 1], 0)).toEqual([-1, 0, 0]);
  });

  it('returns clean decimals, with no floating-point artefacts', () => {
    expect(splitExact(0.3, [1, 2], 1)).toEqual([0.1, 0.2]);
    expect(splitExact(0.3, [1, 1, 1], 1)).toEqual([0.1, 0.1, 0.1]);
    expect(splitExact(1, [0.1, 0.2, 0.7], 2)).toEqual([0.1, 0.2, 0.7]);
    expect(splitExact(0.07, [1, 1], 2)).toEqual([0.04, 0.03]);
  });

  it('rounds the total to the precision first (half away from zero)', () => {
    expect(splitExact(10.5, [1, 1], 0)).toEqual([6, 5]);
    expect(splitExact(-10.5, [1, 1], 0)).toEqual([-6, -5]);
  });

  it('rejects bad weights, totals and precision', () => {
    expect(() => splitExact(10, [], 0)).toThrow(RangeError);
    expect(() => splitExact(10, [0, 0], 0)).toThrow(RangeError);
    expect(() => splitExact(10, [1, -1], 0)).toThrow(RangeError);
    expect(() => splitExact(10, [1, Number.NaN], 0)).toThrow(RangeError);
    expect(() => splitExact(Number.POSITIVE_INFINITY, [1], 0)).toThrow(RangeError);
    expect(() => splitExact(10, [1], -1)).toThrow(RangeError);
    expect(() => splitExact(10, [1], 1.5)).toThrow(RangeError);
    expect(() => splitExact(1e20, [1], 2)).toThrow(RangeError);
  });
});

const q1 = { start: '2026-01-01', due: '2026-03-31' };
const three = [{ id: 1 }, { id: 2 }, { id: 3 }];

describe('planSplit', () => {
  it('splits ¥100,000 over 3 members × 3 months exactly at every level', () => {
    const periods = splitPeriods(q1.start, q1.due, 'month');
    const children = planSplit({ ...q1, target: 100000, baseline: null, kind: 'additive', decimals: 2, by: 'member,period', members: three, periods });
    expect(children.map((c) => [c.memberId, c.period?.label, c.target, c.start, c.due])).toEqual([
      [1, '2026-01', 11111.12, '2026-01-01', '2026-01-31'],
      [1, '2026-02', 11111.11, '2026-02-01', '2026-02-28'],
      [1, '2026-03', 11111.11, '2026-03-01', '2026-03-31'],
      [2, '2026-01', 11111.11, '2026-01-01', '2026-01-31'],
      [2, '2026-02', 11111.11, '2026-02-01', '2026-02-28'],
      [2, '2026-03', 11111.11, '2026-03-01', '2026-03-31'],
      [3, '2026-01', 11111.11, '2026-01-01', '2026-01-31'],
      [3, '2026-02', 11111.11, '2026-02-01', '2026-02-28'],
      [3, '2026-03', 11111.11, '2026-03-01', '2026-03-31'],
    ]);
    expect(children.every((c) => c.baseline === null)).toBe(true);
    expect(sumCents(children.map((c) => c.target))).toBe(10000000);
  });

  it('splits ¥99,999.99 over 7 weighted members, keeping the parent dates', () => {
    const members = [3, 2, 2, 1, 1, 1, 1].map((weight, i) => ({ id: i + 1, weight }));
    const children = planSplit({ ...q1, target: 99999.99, baseline: 80000, kind: 'additive', decimals: 2, by: 'member', members });
    expect(children.map((c) => c.target)).toEqual([27272.72, 18181.82, 18181.81, 9090.91, 9090.91, 9090.91, 9090.91]);
    // 8,000,000 cents / 11: remainders .7273 (w1), .4545 (w2), .1818 (w3); 4 cents left go to the four w1 members
    expect(children.map((c) => c.baseline)).toEqual([21818.18, 14545.45, 14545.45, 7272.73, 7272.73, 7272.73, 7272.73]);
    expect(sumCents(children.map((c) => c.baseline ?? 0))).toBe(8000000);
    expect(children.every((c) => c.period === null && c.start === q1.start && c.due === q1.due)).toBe(true);
  });

  it('gives 1 order over 3 members to the first', () => {
    const children = planSplit({ ...q1, target: 1, baseline: 0, kind: 'additive', decimals: 0, by: 'member', members: three });
    expect(children.map((c) => c.target)).toEqual([1, 0, 0]);
    expect(children.map((c) => c.baseline)).toEqual([0, 0, 0]);
  });

  it('splits 100 over member weights [2,1,1], a missing weight counting 1', () => {
    const members = [{ id: 7, weight: 2 }, { id: 8 }, { id: 9, weight: 1 }];
    const children = planSplit({ ...q1, target: 100, baseline: null, kind: 'additive', decimals: 0, by: 'member', members });
    expect(children.map((c) => [c.memberId, c.target])).toEqual([[7, 50], [8, 25], [9, 25]]);
  });

  it('splits a quarter starting mid-month by period weight', () => {
    const periods = splitPeriods('2026-01-15', '2026-04-14', 'month');
    const children = planSplit({ target: 100000, baseline: null, kind: 'additive', decimals: 2, by: 'period', periods, start: '2026-01-15', due: '2026-04-14' });
    // weights 17/31, 1, 1, 14/30 = 255:465:465:217 of 1402; 10,000,000 cents → quotas
    // 1818830.24, 3316690.44, 3316690.44, 1547788.87; 2 cents left → last and second
    expect(children.map((c) => [c.memberId, c.period?.label, c.target, c.start, c.due])).toEqual([
      [null, '2026-01', 18188.3, '2026-01-15', '2026-01-31'],
      [null, '2026-02', 33166.91, '2026-02-01', '2026-02-28'],
      [null, '2026-03', 33166.9, '2026-03-01', '2026-03-31'],
      [null, '2026-04', 15477.89, '2026-04-01', '2026-04-14'],
    ]);
  });

  it('keeps member rows exact and spreads leftovers across period columns', () => {
    const periods = splitPeriods(q1.start, q1.due, 'month');
    const two = [{ id: 1 }, { id: 2 }];
    const children = planSplit({ ...q1, target: 4, baseline: null, kind: 'additive', decimals: 0, by: 'member,period', members: two, periods });
    // member 1: 2 → [1,1,0]; member 2: 2, column deficits [.33,.33,1.33] → period 3 first, then period 1
    expect(children.map((c) => c.target)).toEqual([1, 1, 0, 1, 0, 1]);
    const column = (label: string): number => children.filter((c) => c.period?.label === label).reduce((a, c) => a + c.target, 0);
    expect([column('2026-01'), column('2026-02'), column('2026-03')]).toEqual([2, 1, 1]);
  });

  it('gives every rate child the parent target and baseline', () => {
    const periods = splitPeriods(q1.start, q1.due, 'month');
    const children = planSplit({ ...q1, target: 30, baseline: 45, kind: 'rate', decimals: 0, by: 'member,period', members: three, periods });
    expect(children).toHaveLength(9);
    expect(children.every((c) => c.target === 30 && c.baseline === 45)).toBe(true);
    expect(children[4]).toEqual({ memberId: 2, deptId: null, period: periods[1], target: 30, baseline: 45, start: '2026-02-01', due: '2026-02-28' });
  });

  it('splits a negative additive baseline by magnitude', () => {
    const children = planSplit({ ...q1, target: 0, baseline: -10, kind: 'additive', decimals: 0, by: 'member', members: three });
    expect(children.map((c) => c.baseline)).toEqual([-4, -3, -3]);
    expect(children.map((c) => c.target)).toEqual([0, 0, 0]);
  });

  it('requires members or periods for the chosen split', () => {
    const base: SplitInput = { ...q1, target: 10, baseline: null, kind: 'additive', decimals: 0, by: 'member' };
    expect(() => planSplit(base)).toThrow(RangeError);
    expect(() => planSplit({ ...base, members: [] })).toThrow(RangeError);
    expect(() => planSplit({ ...base, by: 'period' })).toThrow(RangeError);
    expect(() => planSplit({ ...base, by: 'member,period', members: three })).toThrow(RangeError);
    expect(() => planSplit({ ...base, members: [{ id: 1, weight: 0 }] })).toThrow(RangeError);
  });
});

describe('planSplit by quarter and by department', () => {
  const year = { start: '2026-01-01', due: '2026-12-31' };

  it('splits ¥1,000,000.01 over the four quarters of a year exactly', () => {
    const periods = splitPeriods(year.start, year.due, 'quarter');
    const children = planSplit({ ...year, target: 1000000.01, baseline: null, kind: 'additive', decimals: 2, by: 'period', periods });
    expect(children.map((c) => [c.period?.label, c.target, c.start, c.due])).toEqual([
      ['2026-Q1', 250000.01, '2026-01-01', '2026-03-31'],
      ['2026-Q2', 250000, '2026-04-01', '2026-06-30'],
      ['2026-Q3', 250000, '2026-07-01', '2026-09-30'],
      ['2026-Q4', 250000, '2026-10-01', '2026-12-31'],
    ]);
    expect(sumCents(children.map((c) => c.target))).toBe(100000001);
  });

  it('weighs a year goal starting mid-quarter by the days of its first quarter', () => {
    // Aug 15–Dec 31: Q3 47/92 of a quarter, Q4 whole: 47:92 of 139
    const periods = splitPeriods('2026-08-15', '2026-12-31', 'quarter');
    const children = planSplit({ start: '2026-08-15', due: '2026-12-31', target: 139, baseline: null, kind: 'additive', decimals: 0, by: 'period', periods });
    expect(children.map((c) => c.target)).toEqual([47, 92]);
  });

  it('splits among departments by weight, rows carrying deptId and no memberId', () => {
    const depts = [{ id: 1, weight: 3 }, { id: 3, weight: 2 }, { id: 5, weight: 1 }];
    const children = planSplit({ ...year, target: 1000000.01, baseline: 600000, kind: 'additive', decimals: 2, by: 'dept', depts });
    // 100,000,001 cents / 6: quotas 50,000,000.5, 33,333,333.67, 16,666,666.83; 2 cents left → the largest remainders (depts 5 and 3)
    expect(children.map((c) => [c.deptId, c.memberId, c.target, c.baseline, c.period])).toEqual([
      [1, null, 500000, 300000, null],
      [3, null, 333333.34, 200000, null],
      [5, null, 166666.67, 100000, null],
    ]);
    expect(sumCents(children.map((c) => c.target))).toBe(100000001);
  });

  it('splits by department and quarter: each department\'s quarters sum to its share', () => {
    const periods = splitPeriods(year.start, year.due, 'quarter');
    const children = planSplit({ ...year, target: 1000000.01, baseline: null, kind: 'additive', decimals: 2, by: 'dept,period', depts: [{ id: 1 }, { id: 2 }, { id: 3 }], periods });
    expect(children).toHaveLength(12);
    for (const id of [1, 2, 3]) expect(children.filter((c) => c.deptId === id).map((c) => c.period?.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // 33,333,334 cents over 4 quarters: 8,333,333.5 each, the 2 extra cents to the earlier quarters
    expect(children.filter((c) => c.deptId === 1).map((c) => c.target)).toEqual([83333.34, 83333.34, 83333.33, 83333.33]);
    expect(sumCents(children.filter((c) => c.deptId === 1).map((c) => c.target))).toBe(33333334);
    expect(sumCents(children.map((c) => c.target))).toBe(100000001);
  });

  it('gives every department of a rate goal the parent target', () => {
    const children = planSplit({ ...year, target: 95, baseline: 90, kind: 'rate', decimals: 1, by: 'dept', depts: [{ id: 1 }, { id: 2 }] });
    expect(children.map((c) => [c.deptId, c.target, c.baseline])).toEqual([[1, 95, 90], [2, 95, 90]]);
  });

  it('requires departments for a split by dept', () => {
    expect(() => planSplit({ ...year, target: 10, baseline: null, kind: 'additive', decimals: 0, by: 'dept' })).toThrow(RangeError);
    expect(() => planSplit({ ...year, target: 10, baseline: null, kind: 'additive', decimals: 0, by: 'dept', depts: [] })).toThrow(RangeError);
  });
});
