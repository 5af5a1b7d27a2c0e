/** Training's pure rules, at their boundaries: refresh intervals, month-end arithmetic, a round's result and status, due flags, the report's arithmetic and the prerequisite graph. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attainment, dueFlag, dueOf, effectWindows, isCurrent, mean, parseRefresh, percent, prerequisiteCycle, refreshDue, roundResult, roundStatus, type AssessmentKind, type Attempt, type Round,
} from '../../../src/training/rules/training.js';
import { addMonths, isCalendarDate } from '../../../src/shared/dates.js';

const round = (over: Partial<Round> = {}): Round => ({
  source: 'plan',
  dueOn: '2026-12-01',
  startedOn: null,
  completedOn: null,
  passedOn: null,
  retakeDueOn: null,
  droppedOn: null,
  failed: false,
  ...over,
});

let nextId = 1;
const attempt = (kind: AssessmentKind, score: number, assessedOn: string, id = nextId++): Attempt => ({ kind, score, assessedOn, id });

describe('parseRefresh', () => {
  it('names an interval in English, any case and spacing', () => {
    expect(parseRefresh('monthly')).toBe(1);
    expect(parseRefresh('Quarterly')).toBe(3);
    expect(parseRefresh('  HALF-YEARLY ')).toBe(6);
    expect(parseRefresh('yearly')).toBe(12);
    expect(parseRefresh('annually')).toBe(12);
  });

  it('names an interval in Chinese', () => {
    expect(parseRefresh('每月')).toBe(1);
    expect(parseRefresh('每季度')).toBe(3);
    expect(parseRefresh('每半年')).toBe(6);
    expect(parseRefresh('每年')).toBe(12);
  });

  it('takes a number of months, bare or with a unit', () => {
    expect(parseRefresh('3')).toBe(3);
    expect(parseRefresh('3m')).toBe(3);
    expect(parseRefresh('6 months')).toBe(6);
    expect(parseRefresh('1 month')).toBe(1);
    expect(parseRefresh('3个月')).toBe(3);
    expect(parseRefresh('1')).toBe(1);
    expect(parseRefresh('60')).toBe(60);
  });

  it('reads none and 0 as a course that is not repeated (null)', () => {
    expect(parseRefresh('0')).toBeNull();
    expect(parseRefresh('none')).toBeNull();
    expect(parseRefresh('None')).toBeNull();
    expect(parseRefresh('never')).toBeNull();
    expect(parseRefresh('无')).toBeNull();
  });

  it('is undefined past 60 months and for anything that is not an interval', () => {
    expect(parseRefresh('61')).toBeUndefined();
    expect(parseRefresh('61m')).toBeUndefined();
    expect(parseRefresh('abc')).toBeUndefined();
    expect(parseRefresh('')).toBeUndefined();
    expect(parseRefresh('-3')).toBeUndefined();
    expect(parseRefresh('3 weeks')).toBeUndefined();
    expect(parseRefresh('1.5')).toBeUndefined();
  });

  it('is undefined for words that are only names of Object.prototype', () => {
    for (const word of ['constructor', 'tostring', 'hasownproperty', '__proto__']) expect(parseRefresh(word), word).toBeUndefined();
  });
});

describe('refreshDue and addMonths', () => {
  it('keeps the day of the month when the month has it', () => {
    expect(refreshDue('2026-03-15', 12)).toBe('2027-03-15');
    expect(refreshDue('2026-03-15', 1)).toBe('2026-04-15');
    expect(addMonths('2026-03-15', 0)).toBe('2026-03-15');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(refreshDue('2026-01-31', 1)).toBe('2026-02-28');
    expect(refreshDue('2028-01-31', 1)).toBe('2028-02-29');
    expect(refreshDue('2026-08-31', 3)).toBe('2026-11-30');
    expect(refreshDue('2026-03-31', 1)).toBe('2026-04-30');
    expect(refreshDue('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('crosses the year end', () => {
    expect(refreshDue('2026-12-31', 2)).toBe('2027-02-28');
    expect(refreshDue('2026-11-30', 1)).toBe('2026-12-30');
    expect(refreshDue('2026-12-15', 1)).toBe('2027-01-15');
    expect(refreshDue('2026-01-31', 60)).toBe('2031-01-31');
  });

  it('goes back with negative months, clamping the same way', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-03-15', -12)).toBe('2025-03-15');
    expect(addMonths('2026-01-31', -14)).toBe('2024-11-30');
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });

  // An oracle written without the module's helpers.
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = (y: number, m: number) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
  const parts = (d: string) => d.split('-').map(Number) as [number, number, number];
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = fc
    .record({ y: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, monthDays(y, m)))}`);

  it('lands exactly n months later, on the same day or the month’s last (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), (from, n) => {
        const to = addMonths(from, n);
        expect(isCalendarDate(to)).toBe(true);
        const [y0, m0, d0] = parts(from);
        const [y1, m1, d1] = parts(to);
        expect(y1 * 12 + m1 - (y0 * 12 + m0)).toBe(n);
        expect(d1).toBe(Math.min(d0, monthDays(y1, m1)));
        expect(refreshDue(from, n)).toBe(to);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('roundResult', () => {
  it('a score exactly at the pass mark passes; 0.1 below fails', () => {
    const at = roundResult(['theory'], 80, [attempt('theory', 80, '2026-11-02')]);
    expect(at).toEqual({ passedKinds: ['theory'], pendingKinds: [], failedKinds: [], passed: true, passedOn: '2026-11-02' });
    const below = roundResult(['theory'], 80, [attempt('theory', 79.9, '2026-11-02')]);
    expect(below).toEqual({ passedKinds: [], pendingKinds: ['theory'], failedKinds: ['theory'], passed: false, passedOn: null });
  });

  it('a later lower score does not undo a kind already met', () => {
    const r = roundResult(['theory'], 60, [attempt('theory', 90, '2026-11-02'), attempt('theory', 10, '2026-11-09')]);
    expect(r.passed).toBe(true);
    expect(r.passedOn).toBe('2026-11-02');
    expect(r.failedKinds).toEqual([]);
  });

  it('a pass after a failure meets the kind on the pass’s date', () => {
    const r = roundResult(['practical'], 60, [attempt('practical', 59, '2026-11-02'), attempt('practical', 60, '2026-11-16')]);
    expect(r).toMatchObject({ passed: true, passedOn: '2026-11-16', failedKinds: [] });
  });

  it('passedOn is the day the LAST required kind was met, whatever order the attempts come in', () => {
    const attempts = [
      attempt('simulation', 75, '2026-11-20'),
      attempt('theory', 50, '2026-11-01'),
      attempt('practical', 90, '2026-11-05'),
      attempt('theory', 85, '2026-11-10'),
      attempt('simulation', 40, '2026-11-03'),
    ];
    const r = roundResult(['theory', 'simulation', 'practical'], 70, attempts);
    expect(r).toEqual({ passedKinds: ['theory', 'simulation', 'practical'], pendingKinds: [], failedKinds: [], passed: true, passedOn: '2026-11-20' });
    expect(roundResult(['theory', 'simulation', 'practical'], 70, [...attempts].reverse()).passedOn).toBe('2026-11-20');
  });

  it('a kind met twice counts from its first pass, not its later one', () => {
    const attempts = [attempt('theory', 95, '2026-11-20'), attempt('practical', 70, '2026-11-05'), attempt('theory', 70, '2026-11-10')];
    expect(roundResult(['theory', 'practical'], 60, attempts).passedOn).toBe('2026-11-10');
    const theoryFirst = [attempt('theory', 95, '2026-11-01'), attempt('practical', 70, '2026-11-05'), attempt('theory', 70, '2026-11-12')];
    expect(roundResult(['theory', 'practical'], 60, theoryFirst).passedOn).toBe('2026-11-05');
  });

  it('attempts on the same day are taken in entry order', () => {
    const r = roundResult(['theory'], 60, [attempt('theory', 40, '2026-11-05', 2), attempt('theory', 80, '2026-11-05', 1)]);
    expect(r).toMatchObject({ passed: true, passedOn: '2026-11-05', failedKinds: [] });
  });

  it('failedKinds are the pending kinds tried and fallen short; untried kinds are only pending', () => {
    const r = roundResult(['theory', 'simulation', 'practical'], 60, [attempt('theory', 61, '2026-11-01'), attempt('simulation', 30, '2026-11-02'), attempt('simulation', 59, '2026-11-03')]);
    expect(r).toEqual({ passedKinds: ['theory'], pendingKinds: ['simulation', 'practical'], failedKinds: ['simulation'], passed: false, passedOn: null });
  });

  it('attempts at kinds the course does not require count for nothing', () => {
    const r = roundResult(['theory'], 60, [attempt('practical', 100, '2026-11-01'), attempt('practical', 0, '2026-11-02')]);
    expect(r).toEqual({ passedKinds: [], pendingKinds: ['theory'], failedKinds: [], passed: false, passedOn: null });
  });

  it('no attempts: everything pending, nothing failed', () => {
    expect(roundResult(['theory', 'practical'], 60, [])).toEqual({ passedKinds: [], pendingKinds: ['theory', 'practical'], failedKinds: [], passed: false, passedOn: null });
  });

  it('a course with no required kinds is never passed by attempts', () => {
    expect(roundResult([], 60, [attempt('theory', 100, '2026-11-01')])).toEqual({ passedKinds: [], pendingKinds: [], failedKinds: [], passed: false, passedOn: null });
  });

  it('a pass mark of 0 passes any score, 100 only a full one', () => {
    expect(roundResult(['theory'], 0, [attempt('theory', 0, '2026-11-01')]).passed).toBe(true);
    expect(roundResult(['theory'], 100, [attempt('theory', 99.9, '2026-11-01')]).passed).toBe(false);
    expect(roundResult(['theory'], 100, [attempt('theory', 100, '2026-11-01')]).passed).toBe(true);
  });
});

describe('roundStatus', () => {
  const everything = round({ startedOn: '2026-11-01', completedOn: '2026-11-02', failed: true, retakeDueOn: '2026-11-16', passedOn: '2026-11-10', droppedOn: '2026-11-11' });

  it('dropped outranks passed, passed failed, failed completed, completed started, started planned', () => {
    expect(roundStatus(everything)).toBe('dropped');
    expect(roundStatus({ ...everything, droppedOn: null })).toBe('passed');
    expect(roundStatus({ ...everything, droppedOn: null, passedOn: null })).toBe('failed');
    expect(roundStatus({ ...everything, droppedOn: null, passedOn: null, failed: false })).toBe('completed');
    expect(roundStatus({ ...everything, droppedOn: null, passedOn: null, failed: false, completedOn: null })).toBe('started');
    expect(roundStatus(round())).toBe('planned');
  });

  it('each date alone gives its own status', () => {
    expect(roundStatus(round({ droppedOn: '2026-11-01' }))).toBe('dropped');
    expect(roundStatus(round({ passedOn: '2026-11-01' }))).toBe('passed');
    expect(roundStatus(round({ failed: true }))).toBe('failed');
    expect(roundStatus(round({ completedOn: '2026-11-01' }))).toBe('completed');
    expect(roundStatus(round({ startedOn: '2026-11-01' }))).toBe('started');
  });
});

describe('dueOf and dueFlag', () => {
  const today = '2026-11-23';

  it('a round due yesterday is overdue, whatever soonDays', () => {
    expect(dueFlag(round({ dueOn: '2026-11-22' }), today, 14)).toBe('overdue');
    expect(dueFlag(round({ dueOn: '2026-11-22' }), today, 0)).toBe('overdue');
    expect(dueFlag(round({ dueOn: '2025-01-01' }), today, 14)).toBe('overdue');
  });

  it('a round due today is due soon when soonDays ≥ 0, not overdue', () => {
    expect(dueFlag(round({ dueOn: today }), today, 0)).toBe('due-soon');
    expect(dueFlag(round({ dueOn: today }), today, 14)).toBe('due-soon');
  });

  it('due soon up to exactly today + soonDays, nothing a day beyond', () => {
    expect(dueFlag(round({ dueOn: '2026-12-07' }), today, 14)).toBe('due-soon');
    expect(dueFlag(round({ dueOn: '2026-12-08' }), today, 14)).toBeNull();
    expect(dueFlag(round({ dueOn: '2026-11-24' }), today, 1)).toBe('due-soon');
    expect(dueFlag(round({ dueOn: '2026-11-24' }), today, 0)).toBeNull();
  });

  it('a retake date overrides the plan’s due date, both ways', () => {
    const failedLate = round({ dueOn: '2026-11-01', retakeDueOn: '2026-12-20', failed: true });
    expect(dueOf(failedLate)).toBe('2026-12-20');
    expect(dueFlag(failedLate, today, 14)).toBeNull();
    const failedSoon = round({ dueOn: '2027-06-01', retakeDueOn: '2026-11-20', failed: true });
    expect(dueOf(failedSoon)).toBe('2026-11-20');
    expect(dueFlag(failedSoon, today, 14)).toBe('overdue');
    expect(dueOf(round({ dueOn: '2027-06-01' }))).toBe('2027-06-01');
  });

  it('a passed or dropped round carries no flag, however late', () => {
    expect(dueFlag(round({ dueOn: '2026-01-01', passedOn: '2026-11-01' }), today, 14)).toBeNull();
    expect(dueFlag(round({ dueOn: '2026-01-01', droppedOn: '2026-11-01' }), today, 14)).toBeNull();
    expect(dueFlag(round({ dueOn: today, passedOn: today }), today, 14)).toBeNull();
  });

  it('counts days across a month and a year end', () => {
    expect(dueFlag(round({ dueOn: '2027-01-06' }), '2026-12-23', 14)).toBe('due-soon');
    expect(dueFlag(round({ dueOn: '2027-01-07' }), '2026-12-23', 14)).toBeNull();
  });
});

describe('isCurrent', () => {
  const today = '2026-11-23';

  it('a passed round is current', () => {
    expect(isCurrent(round({ passedOn: '2025-01-01', dueOn: '2025-01-01' }), today)).toBe(true);
  });

  it('an open refresher is current until it is overdue (due today still counts)', () => {
    expect(isCurrent(round({ source: 'refresher', dueOn: '2026-12-01' }), today)).toBe(true);
    expect(isCurrent(round({ source: 'refresher', dueOn: today }), today)).toBe(true);
    expect(isCurrent(round({ source: 'refresher', dueOn: '2026-11-22' }), today)).toBe(false);
  });

  it('a failed refresher is not current, whatever its retake date; one past its own due date neither', () => {
    expect(isCurrent(round({ source: 'refresher', dueOn: '2026-11-01', retakeDueOn: '2026-11-30', failed: true }), today)).toBe(false);
    expect(isCurrent(round({ source: 'refresher', dueOn: '2026-12-30', retakeDueOn: '2026-12-20', failed: true }), today)).toBe(false);
    expect(isCurrent(round({ source: 'refresher', dueOn: '2026-11-01' }), today)).toBe(false);
    expect(isCurrent(round({ source: 'refresher', dueOn: '2026-12-30' }), today)).toBe(true);
  });

  it('a dropped refresher and any other open round are not current', () => {
    expect(isCurrent(round({ source: 'refresher', dueOn: '2026-12-01', droppedOn: '2026-11-01' }), today)).toBe(false);
    for (const source of ['onboarding', 'plan', 'role', 'session'] as const) expect(isCurrent(round({ source, dueOn: '2026-12-31', completedOn: '2026-11-01' }), today), source).toBe(false);
  });
});

describe('percent and mean', () => {
  it('percent is whole, rounded, null out of nothing', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(1, 8)).toBe(13);
    expect(percent(1, 200)).toBe(1);
  });

  it('percent rounds an exact half up, however the division falls in binary', () => {
    // 23/40 is 57.5 %, 29/200 is 14.5 %, 57/200 is 28.5 %.
    expect(percent(23, 40)).toBe(58);
    expect(percent(29, 200)).toBe(15);
    expect(percent(57, 200)).toBe(29);
  });

  it('mean rounds to one decimal, null for no values', () => {
    expect(mean([])).toBeNull();
    expect(mean([80])).toBe(80);
    expect(mean([70, 75, 76])).toBe(73.7);
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([80, 81, 81, 81])).toBe(80.8);
    expect(mean([80, 80, 80, 81])).toBe(80.3);
    expect(mean([0, 0, 100])).toBe(33.3);
    expect(mean([79.95])).toBe(80);
  });
});

describe('effectWindows', () => {
  it('looks 90 days before the pass and from it up to 90 days after', () => {
    expect(effectWindows('2026-06-01', '2026-11-23')).toEqual({ before: ['2026-03-03', '2026-05-31'], after: ['2026-06-01', '2026-08-30'] });
  });

  it('the window after never runs past today', () => {
    expect(effectWindows('2026-11-01', '2026-11-23')).toEqual({ before: ['2026-08-03', '2026-10-31'], after: ['2026-11-01', '2026-11-23'] });
    expect(effectWindows('2026-08-25', '2026-11-23').after).toEqual(['2026-08-25', '2026-11-23']);
    expect(effectWindows('2026-08-24', '2026-11-23').after).toEqual(['2026-08-24', '2026-11-22']);
  });

  it('a pass today has a one-day window after; a pass after today none', () => {
    expect(effectWindows('2026-11-23', '2026-11-23').after).toEqual(['2026-11-23', '2026-11-23']);
    const future = effectWindows('2026-11-24', '2026-11-23');
    expect(future.after).toBeNull();
    expect(future.before).toEqual(['2026-08-26', '2026-11-23']);
  });
});

describe('attainment', () => {
  it('clamps progress between 0 and 100', () => {
    expect(attainment(-20)).toBe(0);
    expect(attainment(0)).toBe(0);
    expect(attainment(42.5)).toBe(42.5);
    expect(attainment(100)).toBe(100);
    expect(attainment(150)).toBe(100);
  });
});

describe('prerequisiteCycle', () => {
  const edges = new Map<number, number[]>([
    [1, [2]],
    [2, [3]],
    [4, [3]],
  ]);

  it('a course requiring itself is a loop', () => {
    expect(prerequisiteCycle(5, [5], new Map())).toBe(5);
  });

  it('a direct loop: 3 may not require 2 when 2 requires 3', () => {
    expect(prerequisiteCycle(3, [2], edges)).toBe(2);
  });

  it('an indirect loop through a chain, reported by the first requirement that closes it', () => {
    expect(prerequisiteCycle(3, [7, 1], edges)).toBe(1);
    expect(prerequisiteCycle(3, [4, 1], edges)).toBe(4);
    expect(prerequisiteCycle(3, [1, 2], edges)).toBe(1);
  });

  it('no loop: shared prerequisites and unrelated courses', () => {
    expect(prerequisiteCycle(1, [3], edges)).toBeUndefined();
    expect(prerequisiteCycle(4, [2], edges)).toBeUndefined();
    expect(prerequisiteCycle(6, [1, 4], edges)).toBeUndefined();
    expect(prerequisiteCycle(1, [], edges)).toBeUndefined();
  });

  it('ends on a graph that already has a loop elsewhere', () => {
    const looped = new Map<number, number[]>([
      [1, [2]],
      [2, [1]],
    ]);
    expect(prerequisiteCycle(9, [1], looped)).toBeUndefined();
    expect(prerequisiteCycle(2, [1], looped)).toBe(1);
  });
});
