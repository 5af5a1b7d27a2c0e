import { describe, expect, it } from 'vitest';
import { addDays, dateProblem, dayBefore, daysInMonth, fromDay, toDay, weekdayOf } from '../../../src/shared/dates.js';

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

describe('dateProblem', () => {
  it('is undefined for a calendar day', () => {
    for (const d of ['2026-02-28', '2028-02-29', '2026-12-31', '1970-01-01']) expect(dateProblem(d)).toBeUndefined();
  });

  it('says which month is too short, leap years included', () => {
    expect(dateProblem('2026-02-30')).toEqual({ kind: 'day', year: 2026, month: 2, days: 28 });
    expect(dateProblem('2026-02-29')).toEqual({ kind: 'day', year: 2026, month: 2, days: 28 });
    expect(dateProblem('2100-02-29')).toEqual({ kind: 'day', year: 2100, month: 2, days: 28 });
    expect(dateProblem('2026-04-31')).toEqual({ kind: 'day', year: 2026, month: 4, days: 30 });
    expect(dateProblem('2026-04-00')).toEqual({ kind: 'day', year: 2026, month: 4, days: 30 });
  });

  it('names a month that does not exist', () => {
    expect(dateProblem('2026-13-01')).toEqual({ kind: 'month', month: 13 });
    expect(dateProblem('2026-00-10')).toEqual({ kind: 'month', month: 0 });
  });

  it('calls anything not written YYYY-MM-DD a format problem', () => {
    for (const d of ['2026-2-3', '2026/02/03', '03.02.2026', '', '2026-02-03T08:00', ' 2026-02-03']) expect(dateProblem(d)).toEqual({ kind: 'format' });
  });
});

describe('addDays', () => {
  it('crosses month ends and leap days both ways', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  });
});
