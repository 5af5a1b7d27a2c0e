/**
 * English words of meeting recurrence: what a bad cadence, rule, time, zone or
 * weekday says, and how a stored rule reads (rules/describe.ts). Keys start
 * with meetings.; the Chinese file has the same keys and {params}.
 */
export const recurrenceEn = {
  'meetings.err.badTime': 'Not a time: "{value}" (use HH:MM, 00:00–23:59).',
  'meetings.err.badZone': 'Unknown time zone "{value}": use an IANA name such as Asia/Shanghai, America/New_York or UTC.',
  'meetings.err.badZoneSuggest': 'Unknown time zone "{value}". Did you mean "{suggestion}"?',
  'meetings.err.badWeekday': 'Not a weekday: "{value}" (use {choices}, a range such as mon-fri, or 周一…周日).',
  'meetings.err.badCadence':
    'Unknown repeat "{value}": use once, daily, workdays, weekly (on the first date\'s weekday), weekly:mon,thu, weekly:mon-fri, monthly (on the first date\'s day), monthly:15, monthly:last, monthly:first-mon (first, 2nd, 3rd, 4th or last, any weekday), monthly:first-workday or monthly:last-workday.',
  'meetings.err.badInterval': '--interval must be a whole number from 1 to 99 (got "{value}").',
  'meetings.err.intervalNotAllowed': '--interval does not apply to "{value}": only daily, weekly and monthly repeat every N days, weeks or months.',
  'meetings.err.badMonthDay': 'Not a day of the month: "{value}" (use 1–31; 29–31 fall on the last day of shorter months).',
  'meetings.err.badRrule':
    'Cannot use the RRULE "{value}" (at {reason}): use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY with INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST and COUNT or UNTIL; the time of day comes from --time.',
  'meetings.err.rruleNever': 'The RRULE "{value}" gives no date in the 10 years from the first date; check BYMONTH, BYMONTHDAY, BYDAY and UNTIL.',

  'meetings.weekday.mo': 'Monday',
  'meetings.weekday.tu': 'Tuesday',
  'meetings.weekday.we': 'Wednesday',
  'meetings.weekday.th': 'Thursday',
  'meetings.weekday.fr': 'Friday',
  'meetings.weekday.sa': 'Saturday',
  'meetings.weekday.su': 'Sunday',
  'meetings.nth.first': 'first',
  'meetings.nth.second': 'second',
  'meetings.nth.third': 'third',
  'meetings.nth.fourth': 'fourth',
  'meetings.nth.last': 'last',
  // English ordinals by plural category: 1st 2nd 3rd 4th 11th 21st (Chinese writes the number alone).
  'meetings.ordinal.one': '{n}st',
  'meetings.ordinal.two': '{n}nd',
  'meetings.ordinal.few': '{n}rd',
  'meetings.ordinal.other': '{n}th',
  'meetings.list.and': '{init} and {last}',

  'meetings.rule.once': 'once',
  'meetings.rule.daily': 'every day',
  'meetings.rule.dailyEvery': 'every {n} days',
  'meetings.rule.workdays': 'every weekday (Mon–Fri)',
  'meetings.rule.weekly': 'every {days}',
  'meetings.rule.weeklyEvery': 'every {n} weeks on {days}',
  'meetings.rule.monthDay': 'monthly on the {day}',
  'meetings.rule.monthDayEvery': 'every {n} months on the {day}',
  'meetings.rule.monthDayOrLast': 'monthly on the {day} (the last day in shorter months)',
  'meetings.rule.monthDayOrLastEvery': 'every {n} months on the {day} (the last day in shorter months)',
  'meetings.rule.monthLastDay': 'monthly on the last day',
  'meetings.rule.monthLastDayEvery': 'every {n} months on the last day',
  'meetings.rule.monthWeekday': 'monthly on the {nth} {weekday}',
  'meetings.rule.monthWeekdayEvery': 'every {n} months on the {nth} {weekday}',
  'meetings.rule.monthWorkday': 'monthly on the {nth} working day',
  'meetings.rule.monthWorkdayEvery': 'every {n} months on the {nth} working day',
  'meetings.rule.countOne': '{rule}, 1 time',
  'meetings.rule.count': '{rule}, {count} times',
  'meetings.rule.until': '{rule}, until {date}',
  'meetings.rule.raw': 'RRULE {rule}',
} as const;
