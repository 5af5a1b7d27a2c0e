import { describe, expect, it } from 'vitest';
import { knownUnit } from '../../../src/goals/rules/units.js';

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
