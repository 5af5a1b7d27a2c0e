/**
 * A stored rule in words, in the reader's language: 'every Monday and
 * Thursday' / '每周一、周四'. A rule no cadence gives (YEARLY, BYMONTH, a raw
 * BYMONTHDAY=31 that skips shorter months…) is shown as it is stored.
 */
import { t, type MessageKey } from '../../i18n/index.js';
import type { Cadence, Nth, Weekday } from './cadence.js';
import { cadenceOf } from './rule.js';

const WEEKDAY_LABEL: Record<Weekday, MessageKey> = {
  mo: 'meetings.weekday.mo',
  tu: 'meetings.weekday.tu',
  we: 'meetings.weekday.we',
  th: 'meetings.weekday.th',
  fr: 'meetings.weekday.fr',
  sa: 'meetings.weekday.sa',
  su: 'meetings.weekday.su',
};

const NTH_LABEL: Record<Nth, MessageKey> = { 1: 'meetings.nth.first', 2: 'meetings.nth.second', 3: 'meetings.nth.third', 4: 'meetings.nth.fourth', [-1]: 'meetings.nth.last' };

/** How a rule reads: the kinds of Cadence, with the 29th–31st apart (they say what a shorter month does). */
type Shape = Cadence['kind'] | 'monthly-day-or-last';

/** The words of each shape, every 1 period and every N. */
const RULE_LABEL: Record<Shape, { one: MessageKey; every: MessageKey }> = {
  once: { one: 'meetings.rule.once', every: 'meetings.rule.once' },
  daily: { one: 'meetings.rule.daily', every: 'meetings.rule.dailyEvery' },
  workdays: { one: 'meetings.rule.workdays', every: 'meetings.rule.workdays' },
  weekly: { one: 'meetings.rule.weekly', every: 'meetings.rule.weeklyEvery' },
  'monthly-day': { one: 'meetings.rule.monthDay', every: 'meetings.rule.monthDayEvery' },
  'monthly-day-or-last': { one: 'meetings.rule.monthDayOrLast', every: 'meetings.rule.monthDayOrLastEvery' },
  'monthly-last-day': { one: 'meetings.rule.monthLastDay', every: 'meetings.rule.monthLastDayEvery' },
  'monthly-weekday': { one: 'meetings.rule.monthWeekday', every: 'meetings.rule.monthWeekdayEvery' },
  'monthly-workday': { one: 'meetings.rule.monthWorkday', every: 'meetings.rule.monthWorkdayEvery' },
};

/** English ordinals by plural category (1st, 2nd, 3rd, 4th, 11th, 21st); Chinese writes the number alone. */
const ORDINAL_LABEL: Record<Intl.LDMLPluralRule, MessageKey> = {
  zero: 'meetings.ordinal.other',
  one: 'meetings.ordinal.one',
  two: 'meetings.ordinal.two',
  few: 'meetings.ordinal.few',
  many: 'meetings.ordinal.other',
  other: 'meetings.ordinal.other',
};
// Made on first use: Intl's first object costs a process milliseconds, and a list in JSON says no rule in words.
let ordinalRules: Intl.PluralRules | undefined;
const englishOrdinal = () => (ordinalRules ??= new Intl.PluralRules('en', { type: 'ordinal' }));

/**
 * A stored rule in words, with its COUNT or UNTIL; the rule itself ('RRULE …')
 * when it is not the form of a cadence.
 * @example describeRule('FREQ=WEEKLY;BYDAY=MO,TH') // 'every Monday and Thursday' (zh: '每周一、周四')
 * @example describeRule('FREQ=MONTHLY;BYDAY=-1FR;COUNT=6') // 'monthly on the last Friday, 6 times'
 */
export function describeRule(rrule: string): string {
  const known = cadenceOf(rrule);
  if (known === undefined) return t('meetings.rule.raw', { rule: rrule });
  const rule = cadenceWords(known.cadence);
  if (known.count !== undefined) return t(known.count === 1 ? 'meetings.rule.countOne' : 'meetings.rule.count', { rule, count: known.count });
  if (known.until !== undefined) return t('meetings.rule.until', { rule, date: known.until });
  return rule;
}

/** A cadence in words. */
function cadenceWords(c: Cadence): string {
  const shape: Shape = c.kind === 'monthly-day' && c.day > 28 ? 'monthly-day-or-last' : c.kind;
  const n = 'interval' in c ? c.interval : 1;
  return t(n === 1 ? RULE_LABEL[shape].one : RULE_LABEL[shape].every, { n, ...cadenceParams(c) });
}

/** The words a cadence's message fills in: its weekdays, day, Nth. */
function cadenceParams(c: Cadence): Record<string, string> {
  switch (c.kind) {
    case 'weekly':
      return { days: listOf(c.weekdays.map((d) => t(WEEKDAY_LABEL[d]))) };
    case 'monthly-day':
      return { day: t(ORDINAL_LABEL[englishOrdinal().select(c.day)], { n: c.day }) };
    case 'monthly-weekday':
      return { nth: t(NTH_LABEL[c.nth]), weekday: t(WEEKDAY_LABEL[c.weekday]) };
    case 'monthly-workday':
      return { nth: t(NTH_LABEL[c.nth]) };
    default:
      return {};
  }
}

/** Words joined as the reader's language lists them: 'A, B and C' / 'A、B、C'. */
function listOf(words: readonly string[]): string {
  if (words.length < 2) return words.join('');
  return t('meetings.list.and', { init: words.slice(0, -1).join(t('list.separator')), last: words.at(-1)! });
}
