import { describe, expect, it } from 'vitest';
import { knownUnit, MAX_QUANTITY, outOfRange, valueRange } from '../../../src/goals/rules/units.js';

describe('knownUnit', () => {
  it('money is additive with 2 decimals', () => {
    for (const u of ['¥', '元', '$', 'RMB', 'usd']) expect(knownUnit(u)).toEqual({ kind: 'additive', decimals: 2 });
  });

  it('counts are additive with 0 decimals', () => {
    for (const u of ['单', '件', '个', '人', 'orders', 'items', 'people', 'visitors', 'Order']) {
      expect(knownUnit(u)).toEqual({ kind: 'additive', decimals: 0 });
    }
  });

  it('rates, durations and scores are rates', () => {
    expect(knownUnit('%')).toEqual({ kind: 'rate', decimals: 1 });
    expect(knownUnit('s')).toEqual({ kind: 'rate', decimals: 0 });
    expect(knownUnit('秒')).toEqual({ kind: 'rate', decimals: 0 });
    for (const u of ['min', '分钟', 'h', '小时', 'score', '分', '星']) expect(knownUnit(u)).toEqual({ kind: 'rate', decimals: 1 });
  });

  it('ignores surrounding spaces, case and full-width forms', () => {
    expect(knownUnit(' ￥ ')).toEqual({ kind: 'additive', decimals: 2 });
    expect(knownUnit('％')).toEqual({ kind: 'rate', decimals: 1 });
    expect(knownUnit('SCORE')).toEqual({ kind: 'rate', decimals: 1 });
  });

  it('returns undefined for unknown or missing units', () => {
    expect(knownUnit('furlongs')).toBeUndefined();
    expect(knownUnit('天')).toBeUndefined();
    expect(knownUnit('')).toBeUndefined();
    expect(knownUnit(null)).toBeUndefined();
    expect(knownUnit(undefined)).toBeUndefined();
  });
});

describe('valueRange', () => {
  const nonNegative = { bound: 'nonNegative', min: 0, max: MAX_QUANTITY };
  const any = { bound: 'any', min: -MAX_QUANTITY, max: MAX_QUANTITY };

  it('durations, counts, scores and multiples are never negative', () => {
    for (const u of ['s', '秒', 'min', '分钟', 'h', '小时', '天', 'days', '单', '件', '人', 'orders', 'score', '星', '倍', ' SEC ']) {
      expect([u, valueRange(u)]).toEqual([u, nonNegative]);
    }
  });

  it('a percentage lies in 0–100, full-width or spelled out', () => {
    for (const u of ['%', '％', 'pct', 'Percent']) expect(valueRange(u, 'rate')).toEqual({ bound: 'percent', min: 0, max: 100 });
  });

  it('money is never negative as a total, either sign as an average', () => {
    expect(valueRange('¥', 'additive')).toEqual(nonNegative);
    expect(valueRange('元')).toEqual(nonNegative);
    expect(valueRange('¥', 'rate')).toEqual(any);
  });

  it('unknown or missing units take either sign, within a trillion', () => {
    for (const u of ['furlongs', 'nps', '', null, undefined]) expect(valueRange(u)).toEqual(any);
  });
});

describe('outOfRange', () => {
  it('is undefined for a value that fits, including the bounds', () => {
    expect(outOfRange(0, 's', 'rate')).toBeUndefined();
    expect(outOfRange(100, '%', 'rate')).toBeUndefined();
    expect(outOfRange(MAX_QUANTITY, '元', 'additive')).toBeUndefined();
    expect(outOfRange(-MAX_QUANTITY, null)).toBeUndefined();
  });

  it('gives the range a value falls outside of', () => {
    expect(outOfRange(-3, 's', 'rate')).toEqual({ bound: 'nonNegative', min: 0, max: MAX_QUANTITY });
    expect(outOfRange(100.1, '%', 'rate')?.bound).toBe('percent');
    expect(outOfRange(MAX_QUANTITY * 10, 'furlongs', 'rate')?.bound).toBe('any');
  });

  it('never lets NaN or Infinity through', () => {
    for (const v of [Number.NaN, Infinity, -Infinity]) expect(outOfRange(v, null)).toBeDefined();
  });
});

describe('kind and direction defaults (rules moved out of the service)', () => {
  it('resolveKind: the flag, else the unit, else the parent; an unknown unit needs --kind', async () => {
    const { resolveKind } = await import('../../../src/goals/rules/units.js');
    expect(resolveKind('¥', undefined, null)).toEqual({ kind: 'additive', decimals: 2 });
    expect(resolveKind('s', undefined, null)).toMatchObject({ kind: 'rate' });
    expect(resolveKind('件/人', 'rate', null)).toEqual({ kind: 'rate', decimals: 1 });
    expect(resolveKind('件/人', undefined, { kind: 'additive', decimals: 0 })).toEqual({ kind: 'additive', decimals: 0 });
    expect(resolveKind('件/人', undefined, null)).toBeUndefined();
    expect(resolveKind(null, undefined, null)).toEqual({ kind: null, decimals: 2 });
  });

  it('defaultDirection and directionFitsKind', async () => {
    const { defaultDirection, directionFitsKind } = await import('../../../src/goals/rules/units.js');
    expect([defaultDirection(38, 30), defaultDirection(100, 120), defaultDirection(5, 5), defaultDirection(null, 5)]).toEqual(['decrease', 'increase', null, null]);
    expect([directionFitsKind('additive', 'decrease'), directionFitsKind('additive', 'at-most'), directionFitsKind('rate', 'decrease')]).toEqual([false, true, true]);
  });

  it('grownTarget rounds to the metric\'s decimals', async () => {
    const { grownTarget } = await import('../../../src/goals/rules/templates.js');
    expect([grownTarget(1500000, 20, 2), grownTarget(333.33, 10, 2), grownTarget(7, 15, 0)]).toEqual([1800000, 366.66, 8]);
  });
});
