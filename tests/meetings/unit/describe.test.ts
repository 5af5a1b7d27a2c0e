import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import { describeRule } from '../../../src/meetings/rules/describe.js';
import { parseCadence } from '../../../src/meetings/rules/cadence.js';
import { cadenceRrule, parseRrule } from '../../../src/meetings/rules/rule.js';

/** The stored rule of a cadence as typed (the first date is a Monday). */
const rule = (repeat: string, interval?: number) => cadenceRrule(parseCadence(repeat, interval, '2026-01-05'));

// [stored rule, English, Chinese]
const CASES: Array<[string, string, string]> = [
  [rule('daily'), 'every day', '每天'],
  [rule('daily', 3), 'every 3 days', '每 3 天'],
  [rule('workdays'), 'every weekday (Mon–Fri)', '每个工作日（周一至周五）'],
  [rule('weekly'), 'every Monday', '每周一'],
  [rule('weekly:mon,thu'), 'every Monday and Thursday', '每周一、周四'],
  [rule('weekly:mon,wed,fri'), 'every Monday, Wednesday and Friday', '每周一、周三、周五'],
  [rule('weekly:sat,sun'), 'every Saturday and Sunday', '每周六、周日'],
  [rule('weekly:mon-fri', 2), 'every 2 weeks on Monday, Tuesday, Wednesday, Thursday and Friday', '每 2 周的周一、周二、周三、周四、周五'],
  [rule('weekly', 2), 'every 2 weeks on Monday', '每 2 周的周一'],
  [rule('monthly:15'), 'monthly on the 15th', '每月 15 日'],
  [rule('monthly:31'), 'monthly on the 31st (the last day in shorter months)', '每月 31 日（小月为月末）'],
  [rule('monthly:29', 2), 'every 2 months on the 29th (the last day in shorter months)', '每 2 个月的 29 日（小月为月末）'],
  [rule('monthly:last'), 'monthly on the last day', '每月最后一天'],
  [rule('monthly:last', 3), 'every 3 months on the last day', '每 3 个月的最后一天'],
  [rule('monthly:first-mon'), 'monthly on the first Monday', '每月第一个周一'],
  [rule('monthly:2nd-tue'), 'monthly on the second Tuesday', '每月第二个周二'],
  [rule('monthly:3rd-wed'), 'monthly on the third Wednesday', '每月第三个周三'],
  [rule('monthly:4th-thu'), 'monthly on the fourth Thursday', '每月第四个周四'],
  [rule('monthly:last-fri'), 'monthly on the last Friday', '每月最后一个周五'],
  [rule('monthly:first-mon', 2), 'every 2 months on the first Monday', '每 2 个月的第一个周一'],
  [rule('monthly:first-workday'), 'monthly on the first working day', '每月第一个工作日'],
  [rule('monthly:last-workday'), 'monthly on the last working day', '每月最后一个工作日'],
  [rule('monthly:15', 2), 'every 2 months on the 15th', '每 2 个月的 15 日'],
  [rule('once'), 'once', '一次'],
  ['FREQ=WEEKLY;BYDAY=MO;COUNT=10', 'every Monday, 10 times', '每周一，共 10 次'],
  ['FREQ=DAILY;COUNT=2', 'every day, 2 times', '每天，共 2 次'],
  ['FREQ=WEEKLY;BYDAY=TU;COUNT=1', 'every Tuesday, 1 time', '每周二，共 1 次'],
  ['FREQ=DAILY;UNTIL=20270331', 'every day, until 2027-03-31', '每天，至 2027-03-31'],
  // A raw rule reads as a cadence when it is one: FREQ=WEEKLY from a Thursday is stored with BYDAY=TH.
  [parseRrule('rrule:freq=weekly', '2026-01-01'), 'every Thursday', '每周四'],
  [parseRrule('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;INTERVAL=2', '2026-01-01'), 'every 2 months on the last working day', '每 2 个月的最后一个工作日'],
  ['FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231', 'monthly on the last Friday, until 2027-12-31', '每月最后一个周五，至 2027-12-31'],
  // Rules no cadence gives are shown as stored, in both languages.
  ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'RRULE FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'RRULE FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'],
  ['FREQ=MONTHLY;BYMONTHDAY=31', 'RRULE FREQ=MONTHLY;BYMONTHDAY=31', 'RRULE FREQ=MONTHLY;BYMONTHDAY=31'],
  ['FREQ=DAILY;BYMONTH=6', 'RRULE FREQ=DAILY;BYMONTH=6', 'RRULE FREQ=DAILY;BYMONTH=6'],
  ['FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=2', 'RRULE FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=2', 'RRULE FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=2'],
  ['not a rule', 'RRULE not a rule', 'RRULE not a rule'],
];

describe('describeRule', () => {
  afterEach(async () => {
    await setLang('en');
  });

  it.each(CASES)('%s in English: %s', (stored, en) => {
    expect(describeRule(stored)).toBe(en);
  });

  it.each(CASES)('%s in Chinese: %s', async (stored, _en, zh) => {
    await setLang('zh');
    expect(describeRule(stored)).toBe(zh);
  });

  it('writes English ordinals right, and Chinese numbers alone', async () => {
    const day = (n: number) => describeRule(rule(`monthly:${n}`)).replace('monthly on the ', '').replace(' (the last day in shorter months)', '');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 28, 29, 30, 31].map(day)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '28th', '29th', '30th', '31st']);
    await setLang('zh');
    expect(describeRule(rule('monthly:1'))).toBe('每月 1 日');
    expect(describeRule(rule('monthly:22'))).toBe('每月 22 日');
  });

  it('says no English word in Chinese but in a rule shown as stored', async () => {
    await setLang('zh');
    for (const [stored] of CASES) {
      const text = describeRule(stored);
      if (!text.startsWith('RRULE ')) expect(text, stored).not.toMatch(/[A-Za-z]/);
    }
  });
});
