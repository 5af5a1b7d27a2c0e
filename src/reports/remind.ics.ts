/** Reminders as a calendar: placeholder until the ICS builder lands. */
import type { Reminders } from './remind.service.js';

export function remindIcs(_r: Reminders, _now: Date): string {
  return '';
}
