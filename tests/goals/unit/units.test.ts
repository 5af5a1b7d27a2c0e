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
