/**
 * Expansion of stored rules into local dates, checked against calendars
 * written out by hand (from python's calendar module, not from the code under
 * test), against rrule used the plain way (from DTSTART, no shortcuts), and
 * by properties; and local times in zones across daylight-saving changes.
 */
import { inputError } from './errors.js';
import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import rrule from 'rrule';
import { describe, expect, it } from 'vitest';
import { parseCadence, WEEKDAYS, type Cadence } from '../../../src/meetings/rules/cadence.js';
import { isOccurrenceDate, nextOccurrenceDate, occurrenceDates, type Schedule } from '../../../src/meetings/rules/recurrence.js';
import { cadenceOf, cadenceRrule, parseRrule } from '../../../src/meetings/rules/rule.js';
import { zonedInstant } from '../../../src/meetings/rules/zones.js';
import { fromDay, toDay } from '../../../src/shared/dates.js';

const { RRule } = rrule;

/** A schedule of a cadence typed as a lead would. */
const series = (repeat: string, startsOn: string, until: string | null = null, interval?: number): Schedule => ({ rrule: cadenceRrule(parseCadence(repeat, interval, startsOn)), startsOn, until });
const raw = (rule: string, startsOn: string, until: string | null = null): Schedule => ({ rrule: parseRrule(rule, startsOn), startsOn, until });

describe('occurrenceDates: hand-worked calendars', () => {
  it('the last Monday of each month of 2026 and 2027', () => {
    expect(occurrenceDates(series('monthly:last-mon', '2026-01-01'), '2026-01-01', '2027-12-31')).toEqual([
      '2026-01-26', '2026-02-23', '2026-03-30', '2026-04-27', '2026-05-25', '2026-06-29', '2026-07-27', '2026-08-31', '2026-09-28', '2026-10-26', '2026-11-30', '2026-12-28',
      '2027-01-25', '2027-02-22', '2027-03-29', '2027-04-26', '2027-05-31', '2027-06-28', '2027-07-26', '2027-08-30', '2027-09-27', '2027-10-25', '2027-11-29', '2027-12-27',
    ]);
  });

  it('the first working day of each month of 2026 and 2027', () => {
    expect(occurrenceDates(series('monthly:first-workday', '2026-01-01'), '2026-01-01', '2027-12-31')).toEqual([
      '2026-01-01', '2026-02-02', '2026-03-02', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-03', '2026-09-01', '2026-10-01', '2026-11-02', '2026-12-01',
      '2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-03', '2027-06-01', '2027-07-01', '2027-08-02', '2027-09-01', '2027-10-01', '2027-11-01', '2027-12-01',
    ]);
  });

  it('the last working day of each month of 2026', () => {
    expect(occurrenceDates(series('monthly:last-workday', '2026-01-01'), '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-30', '2026-11-30', '2026-12-31',
    ]);
  });

  it('the first Monday of each month of 2026', () => {
    expect(occurrenceDates(series('monthly:first-mon', '2026-01-01'), '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-05', '2026-02-02', '2026-03-02', '2026-04-06', '2026-05-04', '2026-06-01', '2026-07-06', '2026-08-03', '2026-09-07', '2026-10-05', '2026-11-02', '2026-12-07',
    ]);
  });

  it('monthly on the 31st through 2027: a shorter month gives its last day, February 2028 the 29th', () => {
    expect(occurrenceDates(series('monthly:31', '2027-01-01'), '2027-01-01', '2028-03-31')).toEqual([
      '2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30', '2027-07-31', '2027-08-31', '2027-09-30', '2027-10-31', '2027-11-30', '2027-12-31',
      '2028-01-31', '2028-02-29', '2028-03-31',
    ]);
  });

  it('monthly on the 29th across 2027 and 2028: February 2027 gives the 28th, February 2028 the 29th', () => {
    expect(occurrenceDates(series('monthly:29', '2027-01-01'), '2027-01-01', '2028-12-31')).toEqual([
      '2027-01-29', '2027-02-28', '2027-03-29', '2027-04-29', '2027-05-29', '2027-06-29', '2027-07-29', '2027-08-29', '2027-09-29', '2027-10-29', '2027-11-29', '2027-12-29',
      '2028-01-29', '2028-02-29', '2028-03-29', '2028-04-29', '2028-05-29', '2028-06-29', '2028-07-29', '2028-08-29', '2028-09-29', '2028-10-29', '2028-11-29', '2028-12-29',
    ]);
  });

  it('monthly with no day takes the first date\'s: from 31 January, the 31st or the month\'s last day', () => {
    expect(occurrenceDates(series('monthly', '2026-01-31'), '2026-01-01', '2026-06-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
  });

  it('a raw FREQ=MONTHLY from the 31st keeps RFC 5545\'s meaning: months without a 31st are skipped', () => {
    expect(occurrenceDates(raw('FREQ=MONTHLY', '2026-01-31'), '2026-01-01', '2026-08-31')).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31']);
  });

  it('29 February yearly, as a raw rule and as FREQ=YEARLY from a 29 February', () => {
    const leapDays = ['2028-02-29', '2032-02-29', '2036-02-29', '2040-02-29'];
    expect(occurrenceDates(raw('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2026-01-01'), '2026-01-01', '2040-12-31')).toEqual(leapDays);
    expect(occurrenceDates(raw('FREQ=YEARLY', '2028-02-29'), '2026-01-01', '2040-12-31')).toEqual(leapDays);
    expect(nextOccurrenceDate(raw('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2026-01-01'), '2028-03-01')).toBe('2032-02-29');
  });

  it('every 2 weeks on Monday from a Monday', () => {
    expect(occurrenceDates(series('weekly:mon', '2026-01-05', null, 2), '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16', '2026-03-02', '2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27',
    ]);
    // A window 156 weeks on gives the same fortnights.
    expect(occurrenceDates(series('weekly:mon', '2026-01-05', null, 2), '2029-01-01', '2029-01-31')).toEqual(['2029-01-01', '2029-01-15', '2029-01-29']);
  });

  it('every 2 weeks counts weeks from the first date\'s week (Monday to Sunday): from a Wednesday, that week\'s Monday is past, so the first is two weeks on', () => {
    expect(occurrenceDates(series('weekly:mon', '2026-01-07', null, 2), '2026-01-01', '2026-02-28')).toEqual(['2026-01-19', '2026-02-02', '2026-02-16']);
  });

  it('workdays over a month (March 2026)', () => {
    expect(occurrenceDates(series('workdays', '2026-01-01'), '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
      '2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31',
    ]);
  });

  it('once: the first date, and nothing else', () => {
    const s = series('once', '2026-05-15');
    expect(occurrenceDates(s, '2026-01-01', '2027-12-31')).toEqual(['2026-05-15']);
    expect(occurrenceDates(s, '2026-05-16', '2027-12-31')).toEqual([]);
    expect(occurrenceDates(s, '2026-01-01', '2026-05-14')).toEqual([]);
    expect(nextOccurrenceDate(s, '2026-01-01')).toBe('2026-05-15');
    expect(nextOccurrenceDate(s, '2026-05-16')).toBeUndefined();
  });

  it('every 3 days counts from the first date, wherever the window starts', () => {
    expect(occurrenceDates(series('daily', '2026-01-01', null, 3), '2026-01-01', '2026-01-20')).toEqual(['2026-01-01', '2026-01-04', '2026-01-07', '2026-01-10', '2026-01-13', '2026-01-16', '2026-01-19']);
    expect(occurrenceDates(series('daily', '2026-01-01', null, 3), '2026-01-11', '2026-01-20')).toEqual(['2026-01-13', '2026-01-16', '2026-01-19']);
  });

  it('until cuts a series, inclusive, on top of the rule\'s own UNTIL', () => {
    expect(occurrenceDates(series('weekly:mon', '2026-01-01', '2026-02-09'), '2026-01-01', '2026-12-31')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09']);
    expect(occurrenceDates(series('weekly:mon', '2026-01-01', '2026-02-08'), '2026-01-01', '2026-12-31')).toHaveLength(5);
    expect(nextOccurrenceDate(series('weekly:mon', '2026-01-01', '2026-02-09'), '2026-02-10')).toBeUndefined();
    const ruleUntil = raw('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260126', '2026-01-01');
    expect(occurrenceDates(ruleUntil, '2026-01-01', '2026-12-31')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    expect(occurrenceDates({ ...ruleUntil, until: '2026-01-13' }, '2026-01-01', '2026-12-31')).toEqual(['2026-01-05', '2026-01-12']);
  });

  it('COUNT counts from the first date, whatever the window', () => {
    // 2026-01-01 is a Thursday.
    const s = raw('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5', '2026-01-01');
    expect(occurrenceDates(s, '2026-01-01', '2026-12-31')).toEqual(['2026-01-01', '2026-01-05', '2026-01-08', '2026-01-12', '2026-01-15']);
    expect(occurrenceDates(s, '2026-01-10', '2026-12-31')).toEqual(['2026-01-12', '2026-01-15']);
    expect(nextOccurrenceDate(s, '2026-01-13')).toBe('2026-01-15');
    expect(nextOccurrenceDate(s, '2026-01-16')).toBeUndefined();
    expect(occurrenceDates({ ...s, until: '2026-01-06' }, '2026-01-01', '2026-12-31')).toEqual(['2026-01-01', '2026-01-05']);
  });

  it('a window before the first date, or after until, is empty; one day is a window too', () => {
    const s = series('daily', '2026-03-01', '2026-03-31');
    expect(occurrenceDates(s, '2026-01-01', '2026-02-28')).toEqual([]);
    expect(occurrenceDates(s, '2026-04-01', '2026-04-30')).toEqual([]);
    expect(occurrenceDates(s, '2026-03-10', '2026-03-10')).toEqual(['2026-03-10']);
    expect(occurrenceDates(s, '2026-03-20', '2026-03-10')).toEqual([]);
  });

  it('isOccurrenceDate and nextOccurrenceDate', () => {
    const s = series('monthly:last-fri', '2026-01-01');
    expect(isOccurrenceDate(s, '2026-01-30')).toBe(true);
    expect(isOccurrenceDate(s, '2026-01-23')).toBe(false);
    expect(isOccurrenceDate(s, '2025-12-26')).toBe(false); // before the first date
    expect(nextOccurrenceDate(s, '2025-06-01')).toBe('2026-01-30');
    expect(nextOccurrenceDate(s, '2026-01-30')).toBe('2026-01-30');
    expect(nextOccurrenceDate(s, '2026-01-31')).toBe('2026-02-27');
    expect(nextOccurrenceDate(series('daily', '2023-06-01'), '2026-06-10')).toBe('2026-06-10');
  });
});

describe('parseRrule', () => {
  it.each([
    ['rrule:byday=fr,mo;freq=weekly;interval=2;wkst=mo', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR'],
    ['RRULE:FREQ=DAILY;INTERVAL=1', 'FREQ=DAILY'],
    ['FREQ=weekly;byday=mo;wkst=su;', 'FREQ=WEEKLY;BYDAY=MO;WKST=SU'],
    ['FREQ=MONTHLY;BYDAY=+1MO', 'FREQ=MONTHLY;BYDAY=1MO'],
    ['FREQ=MONTHLY;BYMONTHDAY=15,1,15', 'FREQ=MONTHLY;BYMONTHDAY=1,15'],
    ['UNTIL=20270331T235959Z;FREQ=DAILY', 'FREQ=DAILY;UNTIL=20270331'],
    ['FREQ=DAILY;UNTIL=20270331T090000', 'FREQ=DAILY;UNTIL=20270331'],
    ['FREQ=YEARLY;BYMONTH=12,6;BYDAY=-1FR', 'FREQ=YEARLY;BYMONTH=6,12;BYDAY=-1FR'],
    ['COUNT=10;FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TU;COUNT=10'],
    ['FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'],
  ])('%s → %s', (text, rule) => {
    expect(parseRrule(text, '2026-01-01')).toBe(rule);
  });

  it('writes out what the rule would take from the first date, so that a later first date keeps its meaning', () => {
    // 2026-01-01 is a Thursday.
    expect(parseRrule('FREQ=WEEKLY', '2026-01-01')).toBe('FREQ=WEEKLY;BYDAY=TH');
    expect(parseRrule('FREQ=WEEKLY;INTERVAL=2', '2026-01-01')).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    expect(parseRrule('FREQ=MONTHLY', '2026-01-31')).toBe('FREQ=MONTHLY;BYMONTHDAY=31');
    expect(parseRrule('FREQ=YEARLY', '2028-02-29')).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29');
    expect(parseRrule('FREQ=YEARLY;BYMONTH=6', '2026-01-15')).toBe('FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15');
    expect(parseRrule('FREQ=MONTHLY;BYDAY=1MO', '2026-01-31')).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(parseRrule('FREQ=DAILY', '2026-01-31')).toBe('FREQ=DAILY');
  });

  it.each([
    ['FREQ=HOURLY', 'FREQ=HOURLY'],
    ['FREQ=SECONDLY', 'FREQ=SECONDLY'],
    ['FREQ=DAILY;BYHOUR=9', 'BYHOUR'],
    ['FREQ=DAILY;BYMINUTE=30', 'BYMINUTE'],
    ['FREQ=DAILY;BYSECOND=0', 'BYSECOND'],
    ['DTSTART=20260101T090000Z;FREQ=DAILY', 'DTSTART'],
    ['DTSTART:20260101T090000\nRRULE:FREQ=DAILY', 'DTSTART'],
    ['FREQ=DAILY;TZID=Asia/Shanghai', 'TZID'],
    ['FREQ=YEARLY;BYYEARDAY=100', 'BYYEARDAY'],
    ['FREQ=YEARLY;BYWEEKNO=20', 'BYWEEKNO'],
    ['FREQ=YEARLY;BYEASTER=0', 'BYEASTER'],
    ['BYDAY=MO', 'FREQ'],
    ['', 'FREQ'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ'],
    ['FREQ=DAILY;;BYDAY=MO', ';'],
    ['FREQ=DAILY;BYDAY', 'BYDAY'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL=0'],
    ['FREQ=DAILY;INTERVAL=abc', 'INTERVAL=ABC'],
    ['FREQ=DAILY;INTERVAL=2.5', 'INTERVAL=2.5'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0'],
    ['FREQ=DAILY;COUNT=-3', 'COUNT=-3'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH=13'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY=32'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY=0'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,,2', 'BYMONTHDAY=1,,2'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=XX'],
    ['FREQ=WEEKLY;BYDAY=MO10', 'BYDAY=MO10'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY=1MO'],
    ['FREQ=DAILY;BYDAY=-1FR', 'BYDAY=-1FR'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'BYDAY=6MO'],
    ['FREQ=MONTHLY;BYDAY=0MO', 'BYDAY=0MO'],
    ['FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO', 'BYSETPOS=0'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY'],
    ['FREQ=DAILY;WKST=XX', 'WKST=XX'],
    ['FREQ=DAILY;UNTIL=garbage', 'UNTIL=GARBAGE'],
    ['FREQ=DAILY;UNTIL=20270231', 'UNTIL=20270231'],
    ['FREQ=DAILY;UNTIL=20270331T250000Z', 'UNTIL=20270331T250000Z'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270331', 'COUNT;UNTIL'],
  ])('refuses %j, naming %s', (text, reason) => {
    expect(inputError(() => parseRrule(text, '2026-01-01'))).toMatchObject({ key: 'meetings.err.badRrule', params: { value: text, reason } });
  });

  it('refuses a rule that gives no date in the 10 years from the first date', () => {
    for (const never of ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31', 'FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31', 'FREQ=DAILY;UNTIL=20251231', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30']) {
      expect(inputError(() => parseRrule(never, '2026-01-01')), never).toMatchObject({ key: 'meetings.err.rruleNever', params: { value: never } });
    }
    // Every 4 years from 2025: 2025, 2029, 2033 have no 29 February.
    expect(inputError(() => parseRrule('FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29', '2025-01-01')).key).toBe('meetings.err.rruleNever');
    expect(parseRrule('FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29', '2028-01-01')).toBe('FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29');
  });
});

describe('zonedInstant', () => {
  const utc = (date: string, time: string, zone: string) => zonedInstant(date, time, zone).toISOString().slice(0, 16) + 'Z';

  it('09:00 daily across the US spring change (8 March 2026)', () => {
    expect(utc('2026-03-07', '09:00', 'America/New_York')).toBe('2026-03-07T14:00Z');
    expect(utc('2026-03-08', '09:00', 'America/New_York')).toBe('2026-03-08T13:00Z');
    expect(utc('2026-03-09', '09:00', 'America/New_York')).toBe('2026-03-09T13:00Z');
  });

  it('09:00 daily across the US autumn change (1 November 2026)', () => {
    expect(utc('2026-10-31', '09:00', 'America/New_York')).toBe('2026-10-31T13:00Z');
    expect(utc('2026-11-01', '09:00', 'America/New_York')).toBe('2026-11-01T14:00Z');
    expect(utc('2026-11-02', '09:00', 'America/New_York')).toBe('2026-11-02T14:00Z');
  });

  it('09:00 daily across the European changes (29 March and 25 October 2026)', () => {
    expect(utc('2026-03-28', '09:00', 'Europe/Berlin')).toBe('2026-03-28T08:00Z');
    expect(utc('2026-03-29', '09:00', 'Europe/Berlin')).toBe('2026-03-29T07:00Z');
    expect(utc('2026-10-24', '09:00', 'Europe/Berlin')).toBe('2026-10-24T07:00Z');
    expect(utc('2026-10-25', '09:00', 'Europe/Berlin')).toBe('2026-10-25T08:00Z');
    expect(utc('2026-10-26', '09:00', 'Europe/Berlin')).toBe('2026-10-26T08:00Z');
  });

  it('a time the clocks skip moves forward by the gap', () => {
    expect(utc('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30Z'); // 03:30 EDT
    expect(utc('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30Z'); // 03:30 CEST
    expect(utc('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:45Z'); // a 30-minute gap: 02:45 +11:00
  });

  it('a time the clocks repeat is its first occurrence (RFC 5545), whatever the process zone', () => {
    expect(utc('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30Z'); // 01:30 EDT, not EST
    expect(utc('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30Z'); // 02:30 CEST, not CET
    expect(utc('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45Z'); // +11:00, not +10:30
  });

  it('Asia/Shanghai is +08:00 all year: 09:00 is 01:00Z on every date', () => {
    for (let d = toDay('2026-01-01'); d <= toDay('2026-12-31'); d++) expect(utc(fromDay(d), '09:00', 'Asia/Shanghai')).toBe(`${fromDay(d)}T01:00Z`);
  });

  it('agrees with TZDate wherever a wall-clock time happens once', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo', 'UTC']) {
      for (let d = toDay('2026-01-01'); d <= toDay('2026-12-31'); d++) {
        const [year, month, dayOfMonth] = fromDay(d).split('-').map(Number);
        expect(zonedInstant(fromDay(d), '12:15', zone).getTime(), `${zone} ${fromDay(d)}`).toBe(new TZDate(year!, month! - 1, dayOfMonth!, 12, 15, zone).getTime());
      }
    }
  });
});

// ── properties ───────────────────────────────────────────────────────────

const weekday = fc.constantFrom(...WEEKDAYS);
const interval = fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 5 }), fc.constant(99));
const cadence: fc.Arbitrary<Cadence> = fc.oneof(
  fc.constant({ kind: 'once' as const }),
  interval.map((n) => ({ kind: 'daily' as const, interval: n })),
  fc.constant({ kind: 'workdays' as const }),
  fc.record({ kind: fc.constant('weekly' as const), interval, weekdays: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }).map((ds) => WEEKDAYS.filter((d) => ds.includes(d))) }),
  fc.record({ kind: fc.constant('monthly-day' as const), interval, day: fc.integer({ min: 1, max: 31 }) }),
  fc.record({ kind: fc.constant('monthly-last-day' as const), interval }),
  fc.record({ kind: fc.constant('monthly-weekday' as const), interval, nth: fc.constantFrom(1, 2, 3, 4, -1 as const), weekday }),
  fc.record({ kind: fc.constant('monthly-workday' as const), interval, nth: fc.constantFrom(1, -1 as const) }),
);
// Raw rules a calendar app might export, including ones whose meaning hangs on DTSTART.
const rawRule = fc.constantFrom(
  'FREQ=WEEKLY', 'FREQ=MONTHLY', 'FREQ=YEARLY', 'FREQ=DAILY;COUNT=15', 'FREQ=DAILY;INTERVAL=2;COUNT=15', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU',
  'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA', 'FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=2', 'FREQ=DAILY;BYDAY=FR;BYMONTHDAY=13', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;UNTIL=20280101', 'FREQ=YEARLY;BYDAY=20MO', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=DAILY;BYMONTH=1,7', 'FREQ=WEEKLY;BYDAY=TH;COUNT=7', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1SU', 'FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYDAY=1WE',
);
const day = (min: string, max: string) => fc.integer({ min: toDay(min), max: toDay(max) });
const schedule: fc.Arbitrary<Schedule> = fc
  .record({ start: day('2024-01-01', '2028-12-31'), rule: fc.oneof(cadence.map((c) => ({ c })), rawRule.map((r) => ({ r }))), span: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }) })
  .map(({ start, rule, span }) => ({ startsOn: fromDay(start), rrule: 'c' in rule ? cadenceRrule(rule.c) : rule.r, until: span === null ? null : fromDay(start + span) }));
/** A window [a, c] around the schedule's first date, and a day b within it to split at. */
const window = (s: Schedule) => fc.tuple(fc.integer({ min: -60, max: 900 }), fc.integer({ min: 0, max: 120 }), fc.nat()).map(([off, len, cut]) => {
  const a = toDay(s.startsOn) + off;
  return { a: fromDay(a), b: fromDay(a + (cut % (len + 1))), c: fromDay(a + len) };
});
const withWindow = schedule.chain((s) => window(s).map((w) => ({ s, ...w })));

/** The schedule's dates in [from, to] the plain way: rrule from DTSTART, capped by until. */
function plainRrule(s: Schedule, from: string, to: string): string[] {
  const rule = new RRule({ ...RRule.parseString(s.rrule), dtstart: new Date(`${s.startsOn}T00:00:00Z`) });
  const dates = rule.between(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), true).map((d) => d.toISOString().slice(0, 10));
  return dates.filter((d) => s.until === null || d <= s.until);
}

describe('properties', () => {
  it('dates lie within [startsOn, until], ascending and unique; isOccurrenceDate agrees; [a, c] = [a, b] + [b + 1, c]', () => {
    fc.assert(
      fc.property(withWindow, ({ s, a, b, c }) => {
        const dates = occurrenceDates(s, a, c);
        for (const [i, d] of dates.entries()) {
          expect(d >= s.startsOn && d >= a && d <= c).toBe(true);
          if (s.until !== null) expect(d <= s.until).toBe(true);
          if (i > 0) expect(d > dates[i - 1]!).toBe(true);
        }
        for (let d = toDay(a); d <= toDay(c); d++) expect(isOccurrenceDate(s, fromDay(d))).toBe(dates.includes(fromDay(d)));
        expect([...occurrenceDates(s, a, b), ...occurrenceDates(s, fromDay(toDay(b) + 1), c)]).toEqual(dates);
      }),
      { numRuns: 300 },
    );
  });

  it('the dates are those of rrule iterating the plain way from DTSTART, and the next date its first', () => {
    fc.assert(
      fc.property(withWindow, ({ s, a, c }) => {
        expect(occurrenceDates(s, a, c)).toEqual(plainRrule(s, a, c));
        // Nine years reach past the longest gap generated (every 99 months).
        const horizon = fromDay(toDay(a) + 9 * 366);
        const next = nextOccurrenceDate(s, a);
        expect(next !== undefined && next <= horizon ? next : undefined).toBe(plainRrule(s, a, horizon)[0]);
      }),
      { numRuns: 200 },
    );
  });

  it('a cadence\'s rule is already normal, and reads back as a cadence of the same rule (weekly on Mon–Fri reads back as workdays)', () => {
    fc.assert(
      fc.property(cadence, day('2024-01-01', '2028-12-31'), (c, start) => {
        const rule = cadenceRrule(c);
        expect(parseRrule(rule, fromDay(start))).toBe(rule);
        expect(cadenceRrule(cadenceOf(rule)!.cadence)).toBe(rule);
      }),
    );
    expect(cadenceOf(cadenceRrule({ kind: 'weekly', interval: 1, weekdays: ['mo', 'tu', 'we', 'th', 'fr'] }))).toEqual({ cadence: { kind: 'workdays' } });
  });
});
