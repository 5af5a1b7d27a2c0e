/** The report's calendar: ISO weeks against date-fns, and the reminder's window. */
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/shared/errors.js';
import { nextWeek, parseWeek, parseWindow, weekOf } from '../../../src/reports/rules/week.js';
import { windowDays } from '../../../src/reports/rules/remind.js';

const isoName = (date: string) => {
  const d = new Date(`${date}T12:00:00`);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
};

describe('weekOf', () => {
  it('Monday to Sunday around a Sunday and a Monday', () => {
    expect(weekOf('2026-11-29')).toEqual({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-30')).toEqual({ week: '2026-W49', from: '2026-11-30', to: '2026-12-06' });
    expect(weekOf('2026-11-23')).toEqual(weekOf('2026-11-27'));
  });

  it('agrees with date-fns on every day of 2025 to 2028', () => {
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2028, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const w = weekOf(date);
      expect(w.week, date).toBe(isoName(date));
      expect(w.from <= date && date <= w.to, date).toBe(true);
    }
  });

  it('the year boundaries: 2026-W01 starts 29 December 2025, 2026-W53 ends 3 January 2027', () => {
    expect(weekOf('2026-01-01').week).toBe('2026-W01');
    expect(weekOf('2025-12-29').week).toBe('2026-W01');
    expect(weekOf('2027-01-03')).toEqual({ week: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(weekOf('2027-01-04').week).toBe('2027-W01');
    expect(nextWeek(weekOf('2026-12-30')).week).toBe('2027-W01');
    expect(nextWeek(weekOf('2027-12-30')).week).toBe('2028-W01');
  });
});

describe('parseWeek', () => {
  const today = '2026-11-27';
  it('names, lower case and the compact form', () => {
    expect(parseWeek('2026-W48', today)).toEqual(weekOf(today));
    expect(parseWeek('2026w48', today)).toEqual(weekOf(today));
    expect(parseWeek(' 2026-W8 ', today).from).toBe('2026-02-16');
    expect(parseWeek('2026-W53', today)).toEqual({ week: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(parseWeek('2027-W01', today)).toEqual({ week: '2027-W01', from: '2027-01-04', to: '2027-01-10' });
    expect(parseWeek('2020-W53', today).from).toBe('2020-12-28');
  });

  it('this, last, next (and 本周, 上周, 下周)', () => {
    expect(parseWeek('this', today).week).toBe('2026-W48');
    expect(parseWeek('LAST', today).week).toBe('2026-W47');
    expect(parseWeek('next', today).week).toBe('2026-W49');
    expect(parseWeek('上周', today).week).toBe('2026-W47');
    expect(parseWeek('下周', '2026-12-31').week).toBe('2027-W01');
    expect(parseWeek('last', '2027-01-04').week).toBe('2026-W53');
  });

  it.each(['2027-W53', '2026-W54', '2026-W60', '2026-W00', 'foo', '2026-48', 'W48', '26-W48', ''])('refuses %j', (text) => {
    expect(() => parseWeek(text, today)).toThrow(InputError);
  });
});

describe('parseWindow', () => {
  it.each([
    ['24h', 24],
    ['36h', 36],
    ['3d', 72],
    ['7d', 168],
    ['2w', 336],
    ['1h', 1],
    ['8w', 1344],
    [' 2 D ', 48],
  ])('%j is %i hours', (text, hours) => {
    expect(parseWindow(text)).toBe(hours);
  });

  it.each(['0h', '0d', '9w', '1345h', 'abc', '', '-1d', '1.5d', '3m', '24'])('refuses %j', (text) => {
    expect(() => parseWindow(text)).toThrow(InputError);
  });

  it('windowDays: 24h is today only, 36h two days, 7d seven', () => {
    expect([1, 24, 25, 36, 48, 168].map(windowDays)).toEqual([1, 1, 2, 2, 2, 7]);
  });
});
