/**
 * Time zones, pure: the instant a local date and time is in an IANA zone, and
 * a zone's UTC offsets over a span of years, as a table of changes, taken
 * from the zone database through @date-fns/tz and stored with the meetings.
 * Reading a meeting's time then needs no Intl, whose first use costs a
 * process 20–30 ms (ICU loads its data): `team meetings upcoming` and the
 * reminders cron runs every morning pay nothing for it. A table is only a
 * faster way to the same answers: outside its span, or made with another
 * release of the zone database, the offsets come from Intl again.
 */
// The function's own module: the package's index also loads TZDate, whose set-up walks Date's prototype (~0.9 ms of every meetings, report and reminder run).
import { tzOffset } from '@date-fns/tz/tzOffset';
import { toDay } from '../../shared/dates.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Offsets from `fromMs` to `toMs`: each change as [instant, minutes east of UTC], the first at `fromMs`. */
export interface ZoneTable {
  zone: string;
  fromMs: number;
  toMs: number;
  changes: readonly (readonly [number, number])[];
}

/** The zone's offset at an instant, in minutes, from the zone database. */
export function zoneOffsetMinutes(zone: string, at: number): number {
  const minutes = tzOffset(zone, new Date(at));
  if (Number.isNaN(minutes)) throw new RangeError(`unknown time zone: ${zone}`);
  return minutes;
}

/**
 * The table of a zone from the first to the last date (inclusive): the
 * offset is read at noon UTC of every day, and a day whose offset differs
 * from the day before's is searched to the minute for its change.
 * @example buildZoneTable('Asia/Shanghai', '2026-01-01', '2026-12-31').changes // [[1767225600000, 480]]
 */
export function buildZoneTable(zone: string, from: string, to: string): ZoneTable {
  const { fromMs, toMs } = zoneSpan(from, to);
  const changes: [number, number][] = [[fromMs, zoneOffsetMinutes(zone, fromMs)]];
  let before = fromMs;
  let offset = changes[0]![1];
  for (let at = fromMs + DAY_MS / 2; at <= toMs + DAY_MS / 2; at += DAY_MS) {
    const now = zoneOffsetMinutes(zone, Math.min(at, toMs));
    if (now !== offset) {
      // The first minute with the new offset, between the two readings.
      let [lo, hi] = [before, Math.min(at, toMs)];
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (zoneOffsetMinutes(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      changes.push([hi, now]);
      offset = now;
    }
    before = Math.min(at, toMs);
  }
  return { zone, fromMs, toMs, changes };
}

/** The instants a table from the first to the last date (inclusive) spans. */
export function zoneSpan(from: string, to: string): { fromMs: number; toMs: number } {
  return { fromMs: toDay(from) * DAY_MS, toMs: (toDay(to) + 1) * DAY_MS - 1 };
}

/** The offset in minutes the table gives at an instant, or undefined outside its span. */
export function tableOffset(t: ZoneTable, at: number): number | undefined {
  if (at < t.fromMs || at > t.toMs) return undefined;
  let [lo, hi] = [0, t.changes.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.changes[mid]![0] <= at) lo = mid;
    else hi = mid - 1;
  }
  return t.changes[lo]![1];
}

/**
 * The instant a wall-clock time happens in a zone, as RFC 5545 (3.3.5) reads
 * local times: one that occurs twice (the clocks go back) is the first; one
 * that does not exist (the clocks go forward) uses the offset before the gap,
 * so it moves forward by the gap. The offsets are the zone database's, from
 * @date-fns/tz; TZDate alone is not enough, since its pick between the two
 * readings of a repeated time depends on the process's own zone.
 * @example zonedInstant('2026-03-08', '09:00', 'America/New_York') // 2026-03-08T13:00:00Z
 * @example zonedInstant('2026-03-08', '02:30', 'America/New_York') // 2026-03-08T07:30:00Z (03:30 EDT)
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  return new Date(zonedMs(date, time, zone));
}

/** zonedInstant as milliseconds since the epoch (no Date made: this runs for every occurrence listed). */
export function zonedMs(date: string, time: string, zone: string): number {
  // HH:MM as parseTime writes it (no array: this runs for every occurrence listed).
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const midnight = toDay(date) * DAY_MS;
  const wall = midnight + minutes * MINUTE_MS; // the wall clock read as if it were UTC
  // The offsets in force the day before and the day after (only a day with a change between them needs more work).
  const offsets = dayOffsets(zone, midnight);
  if (offsets[0] === offsets[1]) return wall - offsets[0];
  const readings = offsets.map((o) => wall - o).filter((at) => at + offsetAt(zone, at) === wall);
  return readings.length > 0 ? Math.min(...readings) : wall - offsets[0]!;
}

/**
 * The offsets at noon of the day before and of the day after a date, per zone
 * and date: each asks Intl, which costs microseconds, and 200 series over a
 * month would ask 15,000 times; a month has some 30 dates in a few zones.
 * Any change of offset on the date lies between the two (zones change at
 * most once a day, and never by a day).
 */
function dayOffsets(zone: string, midnight: number): readonly [number, number] {
  let days = offsetCache.get(zone);
  if (days === undefined || days.size >= OFFSET_CACHE_MAX) offsetCache.set(zone, (days = new Map()));
  let pair = days.get(midnight);
  if (pair === undefined) {
    pair = [offsetAt(zone, midnight - DAY_MS / 2), offsetAt(zone, midnight + DAY_MS + DAY_MS / 2)];
    days.set(midnight, pair);
  }
  return pair;
}
/** Per zone, per date (midnight UTC of the floating date). */
const offsetCache = new Map<string, Map<number, readonly [number, number]>>();
const OFFSET_CACHE_MAX = 10_000;

/** The zone's offset from UTC at an instant, in milliseconds: from a primed table when one covers it, else from the zone database. */
function offsetAt(zone: string, at: number): number {
  const t = zoneTables.get(zone);
  return ((t && tableOffset(t, at)) ?? zoneOffsetMinutes(zone, at)) * MINUTE_MS;
}

const zoneTables = new Map<string, ZoneTable>();

/**
 * Hands the expansion the stored offset tables of the zones (zones.ts): the
 * same offsets as the zone database gives, without loading Intl. Like the
 * caches, it changes no result, only what it costs.
 */
export function primeZoneTables(tables: readonly ZoneTable[]): void {
  // The tables of this database only, and the offsets read through the ones before forgotten.
  zoneTables.clear();
  offsetCache.clear();
  for (const t of tables) zoneTables.set(t.zone, t);
}
