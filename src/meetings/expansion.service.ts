/**
 * What a series stores so that reading it needs neither Intl nor rrule: its
 * zone's offsets (rules/zones.ts) and its rule's dates month by month, both
 * made when the series is written and handed to the expansion when one is
 * read. They are memos of the libraries' answers, so they never change a
 * result: a window or zone they do not cover is computed as before.
 */
import type { Queryable } from '../db/sql.js';
import { listRuleMonths, listZoneTables, putRuleMonths, putZoneTable } from './repository.js';
import { addDays } from '../shared/dates.js';
import { type ScheduleVersion } from './rules/meeting.js';
import { monthDatesOf, monthsBetween, primeMonthDates } from './rules/recurrence.js';
import { buildZoneTable, primeZoneTables, zoneSpan } from './rules/zones.js';

/** The release of the zone database this Node reads; a table made with another is not used. */
const TZDATA = process.versions.tz ?? `node ${process.version}`;
/** A zone table spans two years back and ten on; it is renewed by a write once less than three years are left. */
const BACK_DAYS = 2 * 366;
const AHEAD_DAYS = 10 * 366;
const RENEW_DAYS = 3 * 366;
/** A rule's dates are stored from last month to two years on. */
const RULE_BACK_DAYS = 31;
const RULE_AHEAD_DAYS = 2 * 366;

/** Hands the expansion the stored zone tables (made with this zone database) and the rules' dates in [from, to]: two small queries. */
export async function primeExpansion(q: Queryable, from: string, to: string): Promise<void> {
  const zones = await listZoneTables(q);
  primeZoneTables(zones.filter((r) => r.tzdata === TZDATA).map((r) => ({ zone: r.zone, ...zoneSpan(r.coversFrom, r.coversTo), changes: r.changes })));
  primeMonthDates(await listRuleMonths(q, monthsBetween(from, to)));
}

/** Stores what reading a schedule version needs: its zone's table (made or renewed) and its rule's months, inside the caller's transaction. */
export async function storeExpansion(tx: Queryable, v: Omit<ScheduleVersion, 'id'>, today: string, now: string): Promise<void> {
  await ensureZoneTable(tx, v.zone, today, now);
  const from = v.validFrom > addDays(today, -RULE_BACK_DAYS) ? v.validFrom : addDays(today, -RULE_BACK_DAYS);
  const to = addDays(today, RULE_AHEAD_DAYS);
  if (from <= to) await putRuleMonths(tx, monthDatesOf({ rrule: v.rrule, startsOn: v.startsOn, until: null }, from, to));
}

async function ensureZoneTable(tx: Queryable, zone: string, today: string, now: string): Promise<void> {
  const have = (await listZoneTables(tx)).find((r) => r.zone === zone);
  if (have && have.tzdata === TZDATA && have.coversFrom <= addDays(today, -BACK_DAYS / 2) && have.coversTo >= addDays(today, RENEW_DAYS)) return;
  const [from, to] = [addDays(today, -BACK_DAYS), addDays(today, AHEAD_DAYS)];
  const t = buildZoneTable(zone, from, to);
  await putZoneTable(tx, { zone, tzdata: TZDATA, coversFrom: from, coversTo: to, changes: t.changes.map(([at, min]) => [at, min]) }, now);
}
