import { describe, expect, it } from 'vitest';
import { daysInMonth, fromDay, toDay, weekdayOf } from '../../../src/shared/dates.js';

describe('dates', () => {
  it('counts days since 1970-01-01 and back', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('1970-02-01')).toBe(31);
    expect(fromDay(toDay('2028-02-29'))).toBe('2028-02-29');
    expect(toDay('2026-03-01') - toDay('2026-02-01')).toBe(28);
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => toDay('2026-2-1')).toThrow(RangeError);
    expect(() => toDay('2026-02-30')).toThrow(RangeError);
    expect(() => toDay('2026-01-01T00:00')).toThrow(RangeError);
  });

  it('numbers weekdays Monday = 0', () => {
    expect(weekdayOf(toDay('2026-01-12'))).toBe(0);
    expect(weekdayOf(toDay('2026-01-01'))).toBe(3);
    expect(weekdayOf(toDay('2026-01-18'))).toBe(6);
    expect(weekdayOf(toDay('1969-12-29'))).toBe(0);
  });

  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});
