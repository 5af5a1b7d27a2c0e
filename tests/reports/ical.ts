/**
 * Reading an ICS text back with ical.js, a parser of its own (not the library
 * that wrote it): its events, and the occurrences of every series expanded by
 * ical.js (RRULE, EXDATE, RECURRENCE-ID overrides, VTIMEZONE offsets).
 */
import ICAL from 'ical.js';

type Component = InstanceType<typeof ICAL.Component>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;

export interface Parsed {
  calendar: Component;
  events: IcalEvent[];
  /** The TZIDs of the VTIMEZONE components. */
  zones: string[];
}

/** Parses the text and registers its VTIMEZONEs, so times with a TZID mean instants. */
export function parseIcs(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const zones: string[] = [];
  for (const z of calendar.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(z);
    ICAL.TimezoneService.register(tz, tz.tzid);
    zones.push(tz.tzid);
  }
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)), zones };
}

export interface Instance {
  uid: string;
  title: string;
  /** The local date of its start, in its own zone. */
  date: string;
  startsAt: string;
  endsAt: string;
}

const iso = (t: Time): string => new Date(t.toUnixTime() * 1000).toISOString();
const localDate = (t: Time): string => t.toString().slice(0, 10);

/**
 * Every occurrence whose local start date lies in [from, to]: the series
 * expanded by ical.js with their overrides applied, and the single events.
 */
export function occurrences(p: Parsed, from: string, to: string): Instance[] {
  const masters = p.events.filter((e) => !e.isRecurrenceException());
  for (const x of p.events.filter((e) => e.isRecurrenceException())) {
    const master = masters.find((m) => m.uid === x.uid);
    if (!master) throw new Error(`override without its series: ${x.uid}`);
    master.relateException(x);
  }
  const out: Instance[] = [];
  const keep = (uid: string, title: string, start: Time, end: Time) => {
    if (localDate(start) >= from && localDate(start) <= to) out.push({ uid, title, date: localDate(start), startsAt: iso(start), endsAt: iso(end) });
  };
  // Moves can bring an occurrence from well after the window into it: expand a year past it.
  const stop = ICAL.Time.fromDateString(`${Number(to.slice(0, 4)) + 1}${to.slice(4)}`);
  for (const e of masters) {
    if (!e.isRecurring()) {
      keep(e.uid, e.summary, e.startDate, e.endDate);
      continue;
    }
    const it = e.iterator();
    for (let next = it.next(); next && next.compare(stop) <= 0; next = it.next()) {
      const d = e.getOccurrenceDetails(next);
      keep(e.uid, d.item.summary, d.startDate, d.endDate);
    }
  }
  return out;
}
