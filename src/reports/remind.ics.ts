/**
 * Reminders as a calendar (`team remind --format ics`): a meeting or class at
 * its time in its zone, everything due on a day as an all-day event, with a
 * UID per item so a calendar app that imports it twice updates instead of
 * duplicating. Built with the same ical-generator builder as `export ics`.
 */
import { buildIcs, type IcsEvent } from './ics.js';
import { itemText, remindTitle } from './remind.render.js';
import type { Reminders } from './remind.service.js';

export function remindIcs(r: Reminders, now: Date): string {
  const events: IcsEvent[] = r.items.map((i) => {
    const uid = `remind-${i.ref.replace(/[^\w.-]+/g, '-')}@team`;
    const timed = i.time !== null && i.zone !== null;
    return {
      uid,
      summary: itemText(i),
      // What is overdue is still to do: it sits on today, not on the day it was due.
      ...(timed ? { start: `${i.date}T${i.time}`, zone: i.zone!, durationMin: Number(i.detail.durationMin ?? 30) } : { start: i.overdue ? r.from : i.date, allDay: true }),
      ...(typeof i.detail.place === 'string' && i.detail.place !== '' && { location: i.detail.place }),
    };
  });
  return buildIcs(events, { name: remindTitle(r), now });
}
