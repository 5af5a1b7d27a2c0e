/**
 * A zone's UTC offsets over a span of years, as a table of changes, taken
 * from the zone database through @date-fns/tz and stored with the meetings.
 * Reading a meeting's time then needs no Intl, whose first use costs a
 * process 20–30 ms (ICU loads its data): `team meetings upcoming` and the
 * reminders cron runs every morning pay nothing for it. A table is only a
 * faster way to the same answers: outside its span, or made with another
 * release of the zone database, the offsets come from Intl again.
 */
import { tzOffset } from '@date-fns/tz';
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
