import { describe, expect, it } from 'vitest';
import { currentPeriod, deriveHorizon, isLongTerm, splitPeriods } from '../../../src/goals/rules/periods.js';

describe('deriveHorizon', () => {
  it('names exact calendar periods', () => {
    expect(deriveHorizon('2026-01-01', '2026-12-31')).toBe('year');
    expect(deriveHorizon('2026-04-01', '2026-06-30')).toBe('quarter');
    expect(deriveHorizon('2026-10-01', '2026-12-31')).toBe('quarter');
    expect(deriveHorizon('2026-02-01', '2026-02-28')).toBe('month');
    expect(deriveHorizon('2028-02-01', '2028-02-29')).toBe('month');
    expect(deriveHorizon('2026-01-12', '2026-01-18')).toBe('week');
  });

  it('falls back to the inclusive length', () => {
    expect(deriveHorizon('2026-03-15', '2027-01-08')).toBe('year'); // 300 days
    expect(deriveHorizon('2026-03-15', '2027-01-07')).toBe('custom'); // 299 days
    expect(deriveHorizon('2026-01-01', '2027-06-30')).toBe('year'); // multi-year
    expect(deriveHorizon('2026-01-15', '2026-04-14')).toBe('quarter'); // 90 days
    expect(deriveHorizon('2026-01-15', '2026-04-04')).toBe('quarter'); // 80 days
    expect(deriveHorizon('2026-01-15', '2026-04-24')).toBe('quarter'); // 100 days
    expect(deriveHorizon('2026-01-15', '2026-04-25')).toBe('custom'); // 101 days
    expect(deriveHorizon('2026-01-15', '2026-02-14')).toBe('month'); // 31 days
    expect(deriveHorizon('2026-01-15', '2026-02-11')).toBe('month'); // 28 days
    expect(deriveHorizon('2026-01-15', '2026-02-10')).toBe('custom'); // 27 days
    expect(deriveHorizon('2026-01-14', '2026-01-20')).toBe('week'); // Wed–Tue, 7 days
    expect(deriveHorizon('2026-01-01', '2026-01-20')).toBe('custom');
  });

  it('a partial quarter or month starting on the 1st is judged by length', () => {
    expect(deriveHorizon('2026-04-01', '2026-06-29')).toBe('quarter'); // 90 days, not exact
    expect(deriveHorizon('2026-02-01', '2026-02-27')).toBe('custom'); // 27 days
  });

  it('is custom when due is before start', () => {
    expect(deriveHorizon('2026-02-01', '2026-01-01')).toBe('custom');
  });
});

describe('isLongTerm', () => {
  it('is true for a year horizon or a span over a year', () => {
    expect(isLongTerm('2026-01-01', '2026-12-31')).toBe(true);
    expect(isLongTerm('2026-01-01', '2028-12-31')).toBe(true);
    expect(isLongTerm('2026-04-01', '2026-06-30')).toBe(false);
    expect(isLongTerm('2026-01-01', '2026-08-31')).toBe(false);
  });
});

describe('splitPeriods', () => {
  it('splits a quarter into three full months', () => {
    expect(splitPeriods('2026-01-01', '2026-03-31', 'month')).toEqual([
      { start: '2026-01-01', end: '2026-01-31', label: '2026-01', weight: 1 },
      { start: '2026-02-01', end: '2026-02-28', label: '2026-02', weight: 1 },
      { start: '2026-03-01', end: '2026-03-31', label: '2026-03', weight: 1 },
    ]);
  });

  it('clips edge months and weighs them by covered days', () => {
    expect(splitPeriods('2026-01-15', '2026-04-14', 'month')).toEqual([
      { start: '2026-01-15', end: '2026-01-31', label: '2026-01', weight: 17 / 31 },
      { start: '2026-02-01', end: '2026-02-28', label: '2026-02', weight: 1 },
      { start: '2026-03-01', end: '2026-03-31', label: '2026-03', weight: 1 },
      { start: '2026-04-01', end: '2026-04-14', label: '2026-04', weight: 14 / 30 },
    ]);
  });

  it('crosses a year boundary', () => {
    expect(splitPeriods('2025-12-31', '2026-01-01', 'month')).toEqual([
      { start: '2025-12-31', end: '2025-12-31', label: '2025-12', weight: 1 / 31 },
      { start: '2026-01-01', end: '2026-01-01', label: '2026-01', weight: 1 / 31 },
    ]);
  });

  it('splits into ISO weeks Monday–Sunday', () => {
    expect(splitPeriods('2026-01-14', '2026-01-27', 'week')).toEqual([
      { start: '2026-01-14', end: '2026-01-18', label: '2026-W03', weight: 5 / 7 },
      { start: '2026-01-19', end: '2026-01-25', label: '2026-W04', weight: 1 },
      { start: '2026-01-26', end: '2026-01-27', label: '2026-W05', weight: 2 / 7 },
    ]);
  });

  it('labels weeks by ISO week-year (2026 has 53 weeks; 2025-12-29 is in 2026-W01)', () => {
    expect(splitPeriods('2026-12-28', '2027-01-04', 'week').map((p) => p.label)).toEqual(['2026-W53', '2027-W01']);
    expect(splitPeriods('2025-12-29', '2026-01-04', 'week')).toEqual([
      { start: '2025-12-29', end: '2026-01-04', label: '2026-W01', weight: 1 },
    ]);
    expect(splitPeriods('2027-01-03', '2027-01-03', 'week')).toEqual([
      { start: '2027-01-03', end: '2027-01-03', label: '2026-W53', weight: 1 / 7 },
    ]);
  });

  it('gives one period for a single day and throws when due is before start', () => {
    expect(splitPeriods('2026-02-10', '2026-02-10', 'month')).toEqual([
      { start: '2026-02-10', end: '2026-02-10', label: '2026-02', weight: 1 / 28 },
    ]);
    expect(() => splitPeriods('2026-02-10', '2026-02-09', 'month')).toThrow(RangeError);
  });
});

describe('splitPeriods by quarter', () => {
  it('splits a calendar year into four whole quarters labelled YYYY-Qn', () => {
    expect(splitPeriods('2026-01-01', '2026-12-31', 'quarter')).toEqual([
      { start: '2026-01-01', end: '2026-03-31', label: '2026-Q1', weight: 1 },
      { start: '2026-04-01', end: '2026-06-30', label: '2026-Q2', weight: 1 },
      { start: '2026-07-01', end: '2026-09-30', label: '2026-Q3', weight: 1 },
      { start: '2026-10-01', end: '2026-12-31', label: '2026-Q4', weight: 1 },
    ]);
  });

  it('clips a goal starting mid-quarter and weighs the edge quarters by covered days', () => {
    // Q3 2026 has 92 days, Aug 15–Sep 30 is 47 of them; Q1 2027 has 90, Jan 1–Feb 10 is 41
    expect(splitPeriods('2026-08-15', '2027-02-10', 'quarter')).toEqual([
      { start: '2026-08-15', end: '2026-09-30', label: '2026-Q3', weight: 47 / 92 },
      { start: '2026-10-01', end: '2026-12-31', label: '2026-Q4', weight: 1 },
      { start: '2027-01-01', end: '2027-02-10', label: '2027-Q1', weight: 41 / 90 },
    ]);
  });

  it('counts February 29 in a leap year’s first quarter (91 days, not 90)', () => {
    expect(splitPeriods('2028-02-15', '2028-05-31', 'quarter')).toEqual([
      { start: '2028-02-15', end: '2028-03-31', label: '2028-Q1', weight: 46 / 91 },
      { start: '2028-04-01', end: '2028-05-31', label: '2028-Q2', weight: 61 / 91 },
    ]);
    expect(splitPeriods('2026-02-15', '2026-03-31', 'quarter')[0]!.weight).toBe(45 / 90);
  });

  it('gives one quarter for a range inside it, and one per quarter across years', () => {
    expect(splitPeriods('2026-11-23', '2026-11-23', 'quarter')).toEqual([{ start: '2026-11-23', end: '2026-11-23', label: '2026-Q4', weight: 1 / 92 }]);
    expect(splitPeriods('2026-12-31', '2027-12-31', 'quarter').map((p) => p.label)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });

  it('names whole quarter children quarters and clipped ones by their length', () => {
    const horizons = splitPeriods('2026-08-15', '2027-06-30', 'quarter').map((p) => deriveHorizon(p.start, p.end));
    expect(horizons).toEqual(['custom', 'quarter', 'quarter', 'quarter']);
  });
});

describe('currentPeriod', () => {
  it.each([
    ['year', '2028-02-29', ['2028-01-01', '2028-12-31']],
    ['quarter', '2026-11-23', ['2026-10-01', '2026-12-31']],
    ['quarter', '2026-03-31', ['2026-01-01', '2026-03-31']],
    ['month', '2028-02-10', ['2028-02-01', '2028-02-29']],
    ['month', '2026-02-28', ['2026-02-01', '2026-02-28']],
    ['week', '2026-11-23', ['2026-11-23', '2026-11-29']],
    ['week', '2027-01-01', ['2026-12-28', '2027-01-03']],
  ] as const)('%s containing %s', (horizon, today, expected) => {
    expect(currentPeriod(horizon, today)).toEqual(expected);
  });
});
