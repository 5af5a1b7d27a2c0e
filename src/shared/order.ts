/**
 * Orders text by its UTF-16 code units: dates, times, handles and titles sort
 * the same on every machine and in every locale. `localeCompare` would load
 * ICU's collator on its first call (15 ms of a command's start-up) and order
 * by the process's locale, so that a cron job and a terminal could disagree.
 * @example ['2026-12-01', '2026-11-30'].sort(compareText) // ['2026-11-30', '2026-12-01']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
