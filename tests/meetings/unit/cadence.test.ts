import { inputError } from './errors.js';
import { describe, expect, it } from 'vitest';
import { parseCadence, parseTime, parseWeekdays, parseZone, type Cadence } from '../../../src/meetings/rules/cadence.js';
import { cadenceOf, cadenceRrule } from '../../../src/meetings/rules/rule.js';

// 2026-01-31 is a Saturday.
const SAT_31 = '2026-01-31';

describe('parseCadence: what a lead types for --repeat', () => {
  it.each<[string, number | undefined, Cadence]>([
    ['once', undefined, { kind: 'once' }],
    ['一次', undefined, { kind: 'once' }],
    ['daily', undefined, { kind: 'daily', interval: 1 }],
    ['Daily', 3, { kind: 'daily', interval: 3 }],
    ['每天', 2, { kind: 'daily', interval: 2 }],
    ['workdays', undefined, { kind: 'workdays' }],
    ['weekdays', undefined, { kind: 'workdays' }],
    ['工作日', undefined, { kind: 'workdays' }],
    ['weekly', undefined, { kind: 'weekly', interval: 1, weekdays: ['sa'] }],
    ['每周', 2, { kind: 'weekly', interval: 2, weekdays: ['sa'] }],
    ['weekly:mon,thu', undefined, { kind: 'weekly', interval: 1, weekdays: ['mo', 'th'] }],
    ['WEEKLY:Thu, Mon', 2, { kind: 'weekly', interval: 2, weekdays: ['mo', 'th'] }],
    ['weekly:mon-fri', undefined, { kind: 'weekly', interval: 1, weekdays: ['mo', 'tu', 'we', 'th', 'fr'] }],
    ['每周：周一、周四', undefined, { kind: 'weekly', interval: 1, weekdays: ['mo', 'th'] }],
    ['monthly', undefined, { kind: 'monthly-day', interval: 1, day: 31 }],
    ['每月', 3, { kind: 'monthly-day', interval: 3, day: 31 }],
    ['monthly:15', undefined, { kind: 'monthly-day', interval: 1, day: 15 }],
    ['monthly:1', 2, { kind: 'monthly-day', interval: 2, day: 1 }],
    ['monthly:last', undefined, { kind: 'monthly-last-day', interval: 1 }],
    ['monthly:last-day', 2, { kind: 'monthly-last-day', interval: 2 }],
    ['monthly:first-mon', undefined, { kind: 'monthly-weekday', interval: 1, nth: 1, weekday: 'mo' }],
    ['monthly:2nd-tue', undefined, { kind: 'monthly-weekday', interval: 1, nth: 2, weekday: 'tu' }],
    ['monthly:3rd-wed', undefined, { kind: 'monthly-weekday', interval: 1, nth: 3, weekday: 'we' }],
    ['monthly:4th-thu', 2, { kind: 'monthly-weekday', interval: 2, nth: 4, weekday: 'th' }],
    ['monthly:last-fri', undefined, { kind: 'monthly-weekday', interval: 1, nth: -1, weekday: 'fr' }],
    ['monthly:first-周一', undefined, { kind: 'monthly-weekday', interval: 1, nth: 1, weekday: 'mo' }],
    ['monthly:first-workday', undefined, { kind: 'monthly-workday', interval: 1, nth: 1 }],
    ['monthly:last-workday', 3, { kind: 'monthly-workday', interval: 3, nth: -1 }],
  ])('%s (interval %s)', (text, interval, cadence) => {
    expect(parseCadence(text, interval, SAT_31)).toEqual(cadence);
  });

  it('refuses an unknown cadence, naming it', () => {
    for (const bad of ['', 'fortnightly', 'weekly:', 'daily:2', 'once:x', 'monthly:5th-mon', 'monthly:2nd-workday', 'monthly:first-mon,tue', 'monthly:first', 'monthly:mon', 'yearly']) {
      expect(inputError(() => parseCadence(bad, undefined, SAT_31)), bad).toMatchObject({ key: 'meetings.err.badCadence', params: { value: bad } });
    }
  });

  it('refuses a day of the month outside 1–31', () => {
    for (const bad of ['0', '32', '99', '00']) expect(inputError(() => parseCadence(`monthly:${bad}`, undefined, SAT_31))).toMatchObject({ key: 'meetings.err.badMonthDay', params: { value: bad } });
  });

  it('refuses a weekday it does not know inside weekly: and monthly:', () => {
    expect(inputError(() => parseCadence('weekly:mon,funday', undefined, SAT_31)).key).toBe('meetings.err.badWeekday');
    expect(inputError(() => parseCadence('monthly:first-xyz', undefined, SAT_31)).key).toBe('meetings.err.badWeekday');
  });

  it('takes --interval as a whole number 1–99', () => {
    for (const bad of [0, 100, -1, 1.5, Number.NaN]) expect(inputError(() => parseCadence('daily', bad, SAT_31))).toMatchObject({ key: 'meetings.err.badInterval', params: { value: String(bad) } });
    expect(parseCadence('weekly', 99, SAT_31)).toMatchObject({ interval: 99 });
  });

  it('refuses --interval for once and workdays, even 1', () => {
    for (const text of ['once', 'workdays', '工作日']) for (const n of [1, 2]) expect(inputError(() => parseCadence(text, n, SAT_31))).toMatchObject({ key: 'meetings.err.intervalNotAllowed', params: { value: text } });
  });
});

describe('cadenceRrule: the stored form', () => {
  it.each<[Cadence, string]>([
    [{ kind: 'once' }, 'FREQ=DAILY;COUNT=1'],
    [{ kind: 'daily', interval: 1 }, 'FREQ=DAILY'],
    [{ kind: 'daily', interval: 3 }, 'FREQ=DAILY;INTERVAL=3'],
    [{ kind: 'workdays' }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    [{ kind: 'weekly', interval: 1, weekdays: ['mo', 'th'] }, 'FREQ=WEEKLY;BYDAY=MO,TH'],
    [{ kind: 'weekly', interval: 2, weekdays: ['mo'] }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
    [{ kind: 'monthly-day', interval: 1, day: 15 }, 'FREQ=MONTHLY;BYMONTHDAY=15'],
    [{ kind: 'monthly-day', interval: 1, day: 28 }, 'FREQ=MONTHLY;BYMONTHDAY=28'],
    [{ kind: 'monthly-day', interval: 1, day: 29 }, 'FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1'],
    [{ kind: 'monthly-day', interval: 2, day: 31 }, 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30,31;BYSETPOS=-1'],
    [{ kind: 'monthly-last-day', interval: 1 }, 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    [{ kind: 'monthly-weekday', interval: 1, nth: 1, weekday: 'mo' }, 'FREQ=MONTHLY;BYDAY=1MO'],
    [{ kind: 'monthly-weekday', interval: 1, nth: -1, weekday: 'fr' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
    [{ kind: 'monthly-workday', interval: 1, nth: 1 }, 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1'],
    [{ kind: 'monthly-workday', interval: 4, nth: -1 }, 'FREQ=MONTHLY;INTERVAL=4;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'],
  ])('%j → %s, and back', (cadence, rule) => {
    expect(cadenceRrule(cadence)).toBe(rule);
    expect(cadenceOf(rule)).toEqual({ cadence });
  });

  it('cadenceOf keeps COUNT and UNTIL beside the cadence, and knows no other rule', () => {
    expect(cadenceOf('FREQ=WEEKLY;BYDAY=MO;COUNT=10')).toEqual({ cadence: { kind: 'weekly', interval: 1, weekdays: ['mo'] }, count: 10 });
    expect(cadenceOf('FREQ=DAILY;UNTIL=20270331')).toEqual({ cadence: { kind: 'daily', interval: 1 }, until: '2027-03-31' });
    for (const other of ['FREQ=MONTHLY;BYMONTHDAY=31', 'FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=MONTHLY', 'FREQ=WEEKLY', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=MONTHLY;BYDAY=5MO', 'FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=1', 'FREQ=DAILY;BYMONTH=6', 'nonsense']) {
      expect(cadenceOf(other), other).toBeUndefined();
    }
  });
});

describe('parseWeekdays', () => {
  it('reads English names in any case and Chinese names, Monday first, without repeats', () => {
    expect(parseWeekdays('mo')).toEqual(['mo']);
    expect(parseWeekdays('Mon')).toEqual(['mo']);
    expect(parseWeekdays('MONDAY')).toEqual(['mo']);
    expect(parseWeekdays('sun,sat,fri,thu,wed,tue,mon')).toEqual(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);
    expect(parseWeekdays('tues, thurs, thur')).toEqual(['tu', 'th']);
    expect(parseWeekdays('周一,星期二,礼拜三')).toEqual(['mo', 'tu', 'we']);
    expect(parseWeekdays('周日')).toEqual(['su']);
    expect(parseWeekdays('周天')).toEqual(['su']);
    expect(parseWeekdays('星期日')).toEqual(['su']);
    expect(parseWeekdays('星期天、礼拜日')).toEqual(['su']);
    expect(parseWeekdays('mon,mon,monday')).toEqual(['mo']);
  });

  it('reads ranges, and lists split by , ， or 、', () => {
    expect(parseWeekdays('mon-fri')).toEqual(['mo', 'tu', 'we', 'th', 'fr']);
    expect(parseWeekdays('周一-周五')).toEqual(['mo', 'tu', 'we', 'th', 'fr']);
    expect(parseWeekdays('周一至周五')).toEqual(['mo', 'tu', 'we', 'th', 'fr']);
    expect(parseWeekdays('周一至周三，周五')).toEqual(['mo', 'tu', 'we', 'fr']);
    expect(parseWeekdays('mon、wed')).toEqual(['mo', 'we']);
    expect(parseWeekdays('fri-mon')).toEqual(['mo', 'fr', 'sa', 'su']);
    expect(parseWeekdays('sat - sun')).toEqual(['sa', 'su']);
  });

  it('refuses anything else, listing the names it takes', () => {
    for (const bad of ['', 'funday', 'mon,', 'mon-tue-wed', 'm', '周八', 'mon fri']) {
      expect(inputError(() => parseWeekdays(bad)), bad).toMatchObject({ key: 'meetings.err.badWeekday', params: { value: bad, choices: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] } });
    }
  });
});

describe('parseTime', () => {
  it('gives HH:MM from one- or two-digit hours and a half- or full-width colon', () => {
    expect(parseTime('9:00')).toBe('09:00');
    expect(parseTime('09:00')).toBe('09:00');
    expect(parseTime('9：30')).toBe('09:30');
    expect(parseTime(' 00:00 ')).toBe('00:00');
    expect(parseTime('23:59')).toBe('23:59');
  });

  it('refuses a time outside 00:00–23:59 or in another form', () => {
    for (const bad of ['24:00', '25:00', '12:60', '9', '9:5', '9.30', '0930', '9:00am', '', '-1:00', '123:00']) {
      expect(inputError(() => parseTime(bad)), bad).toMatchObject({ key: 'meetings.err.badTime', params: { value: bad } });
    }
  });
});

describe('parseZone', () => {
  it('gives the name as Intl spells it', () => {
    expect(parseZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(parseZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(parseZone(' America/New_York ')).toBe('America/New_York');
    expect(parseZone('UTC')).toBe('UTC');
    expect(parseZone('utc')).toBe('UTC');
    expect(parseZone('Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('suggests the closest known name for a typo', () => {
    expect(inputError(() => parseZone('Asia/Shangai'))).toMatchObject({ key: 'meetings.err.badZoneSuggest', params: { value: 'Asia/Shangai', suggestion: 'Asia/Shanghai' } });
    expect(inputError(() => parseZone('America/NewYork'))).toMatchObject({ key: 'meetings.err.badZoneSuggest', params: { suggestion: 'America/New_York' } });
    expect(inputError(() => parseZone('shanghai'))).toMatchObject({ key: 'meetings.err.badZoneSuggest', params: { value: 'shanghai', suggestion: 'Asia/Shanghai' } });
    expect(inputError(() => parseZone('new york'))).toMatchObject({ key: 'meetings.err.badZoneSuggest', params: { suggestion: 'America/New_York' } });
  });

  it('refuses unknown names and abbreviations (Intl reads EST as Panama, without daylight saving)', () => {
    for (const bad of ['', 'Mars/Olympus_Mons_Base', 'EST', 'CET', 'PRC', 'EST5EDT', '+08:00']) {
      const e = inputError(() => parseZone(bad));
      expect(e.key, bad).toBe('meetings.err.badZone');
      expect(e.params, bad).toEqual({ value: bad });
    }
  });
});
