/**
 * The report's calendar: ISO weeks (2026-W48 is Monday 23 to Sunday 29
 * November 2026) and the reminder's window (24h, 7d, 2w). Week arithmetic
 * comes from date-fns; dates are local calendar dates, YYYY-MM-DD. Pure.
 */
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { lightFormat } from 'date-fns/lightFormat';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { addDays } from '../../shared/dates.js';
import { InputError } from '../../shared/errors.js';

export interface Week {
  /** ISO week name, e.g. 2026-W48. */
  week: string;
  /** Monday. */
  from: string;
  /** Sunday. */
  to: string;
}

/** A local date at noon (no day slips across a zone change). */
const noon = (date: string) => new Date(`${date}T12:00:00`);
const ymd = (d: Date) => lightFormat(d, 'yyyy-MM-dd');

/** The ISO week that contains `date`. */
export function weekOf(date: string): Week {
  const d = noon(date);
  const from = ymd(startOfISOWeek(d));
  return { week: `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`, from, to: addDays(from, 6) };
}

/** "2026-W48" (or "2026w48") → that week, and "this", "last" or "next" from `today`; a week the year does not have is refused. */
export function parseWeek(text: string, today: string): Week {
  const word = text.trim().toLowerCase();
  if (word === 'this' || word === '本周') return weekOf(today);
  if (word === 'last' || word === '上周') return weekOf(addDays(today, -7));
  if (word === 'next' || word === '下周') return weekOf(addDays(today, 7));
  const m = /^(\d{4})-?[Ww](\d{1,2})$/.exec(text.trim());
  if (!m) throw new InputError('reports.err.week', { value: text });
  const year = Number(m[1]);
  const n = Number(m[2]);
  // 4 January is always in week 1 of its ISO year.
  const jan4 = noon(`${m[1]}-01-04`);
  const weeks = getISOWeeksInYear(jan4);
  if (n < 1 || n > weeks) throw new InputError('reports.err.weekRange', { value: text, year, weeks });
  return weekOf(ymd(setISOWeek(jan4, n)));
}

/** The week after. */
export const nextWeek = (w: Week): Week => weekOf(addDays(w.from, 7));

/** The reminder's window: "24h", "36h", "3d", "7d", "2w" → hours (1 hour to 8 weeks). */
export function parseWindow(text: string): number {
  const m = /^(\d{1,4})\s*(h|d|w)$/i.exec(text.trim());
  if (!m) throw new InputError('reports.err.within', { value: text });
  const hours = Number(m[1]) * { h: 1, d: 24, w: 168 }[m[2]!.toLowerCase() as 'h' | 'd' | 'w'];
  if (hours < 1 || hours > 8 * 168) throw new InputError('reports.err.withinRange', { value: text });
  return hours;
}
