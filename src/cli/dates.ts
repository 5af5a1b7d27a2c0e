/**
 * Date input errors that say what is wrong: "use YYYY-MM-DD" for text that is
 * not a date at all, "February 2026 has 28 days" for a day that does not
 * exist. Free of zod, so list commands and the clock can use it.
 */
import { dateProblem } from '../shared/dates.js';
import { InputError, label, type MessageParams } from '../shared/errors.js';
import type { MessageKey } from '../i18n/index.js';

const MONTH_LABEL: readonly MessageKey[] = ['month.1', 'month.2', 'month.3', 'month.4', 'month.5', 'month.6', 'month.7', 'month.8', 'month.9', 'month.10', 'month.11', 'month.12'];

/** The message key and parameters for a bad date, or undefined when `value` is a calendar day. */
export function dateIssue(field: string, value: string): { key: MessageKey; params: MessageParams } | undefined {
  const p = dateProblem(value);
  if (p === undefined) return undefined;
  if (p.kind === 'format') return { key: 'err.invalidDate', params: { field, value } };
  if (p.kind === 'month') return { key: 'err.noSuchMonth', params: { field, value, month: p.month } };
  return { key: 'err.noSuchDay', params: { field, value, year: p.year, month: p.month, monthName: label(MONTH_LABEL[p.month - 1]!), days: p.days } };
}

/** Throws an InputError naming `field` unless `value` is a calendar day written YYYY-MM-DD. */
export function checkDate(field: string, value: string): void {
  const issue = dateIssue(field, value);
  if (issue) throw new InputError(issue.key, issue.params);
}
