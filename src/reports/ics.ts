/**
 * An iCalendar (RFC 5545) text from plain events: `team export ics` and
 * `team remind --format ics` build one. Times are wall-clock times of the
 * event's zone ('YYYY-MM-DDTHH:mm') written with that zone's TZID and a
 * VTIMEZONE for each zone used, so a calendar app shows them right wherever it
 * is; nothing here reads the machine's zone or the clock (DTSTAMP is `now`),
 * so the same events give the same text.
 *
 * ical-generator writes the text (escaping, folding at 75 octets without
 * splitting a character); it is required on first use, so no other command
 * loads it (the bundle points it at dist/vendor/ical-generator.cjs), and the
 * VTIMEZONE data comes from @touch4it/ical-timezones, which reads its zone
 * files beside itself (kept outside the bundle).
 */
import type * as IcalGenerator from 'ical-generator';
import type * as IcalTimezones from '@touch4it/ical-timezones';
import { addDays } from '../shared/dates.js';

export interface IcsEvent {
  /** Stable across exports (calendar apps update an event by it): 'meeting-3-v7@team'. */
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  /** Local 'YYYY-MM-DDTHH:mm' in `zone` (no zone: floating); 'YYYY-MM-DD' for an all-day event. */
  start: string;
  /** IANA zone of `start`, `exdates` and `recurrenceId`; 'UTC' writes UTC times. */
  zone?: string;
  allDay?: boolean;
  /** Length of a timed event (written as DURATION: every occurrence lasts the same); an all-day event lasts its day. */
  durationMin?: number;
  /** An RRULE value ('FREQ=WEEKLY;BYDAY=MO'); an UNTIL in it must be a UTC date-time when there is a zone. */
  rrule?: string;
  /** Occurrences left out (with `rrule`), as `start` is written. */
  exdates?: string[];
  /** The occurrence of the series with the same uid this event replaces, as `start` is written. */
  recurrenceId?: string;
  sequence?: number;
  /** When the event last changed: an ISO instant. */
  lastModified?: string;
}

export interface IcsOptions {
  /** The calendar's name (X-WR-CALNAME). */
  name: string;
  /** DTSTAMP of every event. */
  now: Date;
  prodId?: string;
}

/** Zones Intl spells by an older name than the VTIMEZONE data does (Node resolves 'Asia/Ho_Chi_Minh' to 'Asia/Saigon'). */
const ZONE_FILES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The VTIMEZONE of a zone under the name the events use, or null when the data has none. */
function vtimezone(zone: string): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getVtimezoneComponent } = require('@touch4it/ical-timezones') as typeof IcalTimezones;
  const file = ZONE_FILES[zone];
  const text = getVtimezoneComponent(file ?? zone);
  if (text === null || file === undefined) return text;
  return text.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^(X-LIC-LOCATION|TZURL):.*\r?\n/gm, '');
}

/** The calendar text (CRLF line ends, lines folded at 75 octets). */
export function buildIcs(events: readonly IcsEvent[], opts: IcsOptions): string {
  // A require, not an import: the bundle points it at its own file (dist/vendor/ical-generator.cjs), loaded only here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: ical } = require('ical-generator') as typeof IcalGenerator;
  const cal = ical({ name: opts.name, prodId: opts.prodId ?? '//team//team//EN', method: 'PUBLISH' as IcalGenerator.ICalCalendarMethod, timezone: { name: null, generator: vtimezone } });
  for (const e of events) cal.createEvent(eventData(e, opts.now));
  // ical-generator ends the last line without its CRLF, which RFC 5545 requires of every line.
  return `${cal.toString()}\r\n`;
}

function eventData(e: IcsEvent, now: Date): IcalGenerator.ICalEventData {
  const data: IcalGenerator.ICalEventData = { id: e.uid, summary: e.summary, stamp: now, start: e.start };
  if (e.description !== undefined) data.description = e.description;
  if (e.location !== undefined) data.location = e.location;
  if (e.sequence !== undefined) data.sequence = e.sequence;
  if (e.lastModified !== undefined) data.lastModified = new Date(e.lastModified);
  if (e.allDay) {
    // 'YYYY-MM-DD' is read as UTC midnight and, with no zone, written from its UTC fields: the date as given.
    data.allDay = true;
    data.start = checkDate(e.start);
    data.end = nextDay(e.start);
  } else {
    data.start = wallClock(e.start) as IcalGenerator.ICalDateTimeValue;
    if (e.zone !== undefined) data.timezone = e.zone;
    else data.floating = true;
    if (e.durationMin !== undefined) data.x = [['DURATION', duration(e.durationMin)]];
  }
  if (e.recurrenceId !== undefined) data.recurrenceId = (e.allDay ? checkDate(e.recurrenceId) : wallClock(e.recurrenceId)) as IcalGenerator.ICalDateTimeValue;
  if (e.rrule !== undefined) data.repeating = [`RRULE:${e.rrule.replace(/^RRULE:/i, '')}`, ...(e.exdates?.length ? [exdateLine(e)] : [])].join('\r\n');
  return data;
}

/** EXDATE in the form of DTSTART: dates, UTC times, times of a zone or floating times. */
function exdateLine(e: IcsEvent): string {
  const list = e.exdates!;
  if (e.allDay) return `EXDATE;VALUE=DATE:${list.map((d) => checkDate(d).replaceAll('-', '')).join(',')}`;
  const texts = list.map((d) => wallClockText(d));
  if (e.zone === undefined) return `EXDATE:${texts.join(',')}`;
  if (e.zone === 'UTC') return `EXDATE:${texts.map((x) => `${x}Z`).join(',')}`;
  return `EXDATE;TZID=${e.zone}:${texts.join(',')}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function fields(local: string): [number, number, number, number, number] {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`buildIcs: not a local date-time YYYY-MM-DDTHH:mm: ${local}`);
  return m.slice(1).map(Number) as [number, number, number, number, number];
}

/** 'YYYYMMDDTHHMMSS' of a local date-time. */
function wallClockText(local: string): string {
  fields(local);
  return `${local.slice(0, 10).replaceAll('-', '')}T${local.slice(11, 13)}${local.slice(14, 16)}00`;
}

/**
 * A wall-clock time as ical-generator takes a Temporal.PlainDateTime: it then
 * writes the fields as they are, with the event's TZID. (A string or a Date
 * would be read in the machine's zone, which has gaps and overlaps of its own.)
 */
function wallClock(local: string): object {
  const [year, month, day, hour, minute] = fields(local);
  const plain = {
    year, month, day, hour, minute, second: 0,
    toPlainDate: () => ({ year, month, day }),
    toZonedDateTime: (timeZoneId: string) => zoned(timeZoneId),
  };
  const zoned = (timeZoneId: string): object => {
    const z = {
      year, month, day, hour, minute, second: 0, timeZoneId,
      toPlainDateTime: () => plain,
      withTimeZone: () => z,
      // Only compared with another time of the same event; never written.
      toInstant: () => ({ epochMilliseconds: Date.UTC(year, month - 1, day, hour, minute) }),
    };
    return z;
  };
  return plain;
}

function checkDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`buildIcs: not a date YYYY-MM-DD: ${date}`);
  return date;
}

function nextDay(date: string): string {
  return addDays(checkDate(date), 1);
}

/** An RFC 5545 duration: 'PT15M', 'PT1H30M', 'P1DT2H'. */
function duration(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error(`buildIcs: not a duration in minutes: ${minutes}`);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const time = `${h ? `${h}H` : ''}${m || (!d && !h) ? `${m}M` : ''}`;
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
}
