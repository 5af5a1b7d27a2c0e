/** Meeting series: the series, its schedule versions, audience, agenda template and exceptions. */
import type { Patch } from '../db/schema.js';
import { columnIndex, IN_LIST_MAX, insertRow, toColumns, updateRow, type Queryable, type SqlValue } from '../db/sql.js';
import type { Meeting, MeetingException, MeetingKind, ScheduleVersion } from './rules/meeting.js';
import type { MonthDates } from './rules/recurrence.js';

export type { Meeting };

export interface MeetingFields {
  title: string;
  presetKey?: string | null;
  kind: MeetingKind;
  facilitatorId: number | null;
  place: string | null;
  shift: string | null;
  everyone: boolean;
}

const SELECT = `select m.id, m.title, m.preset_key as "presetKey", m.kind, m.facilitator_id as "facilitatorId", f.handle as facilitator,
    m.place, m.shift, m.everyone, m.created_at as "createdAt", m.updated_at as "updatedAt"
  from meetings m left join members f on f.id = m.facilitator_id`;

type MeetingRow = Omit<Meeting, 'everyone'> & { everyone: number };
const toMeeting = (r: MeetingRow): Meeting => ({ ...r, everyone: r.everyone === 1 });

/** Every series, by id (read as tuples: the list of every series is read by every upcoming). */
export async function listMeetings(q: Queryable): Promise<Meeting[]> {
  const { columns, rows } = await q.tuples(`${SELECT} order by m.id`);
  const c = columnIndex<MeetingRow>(columns);
  return rows.map((r) => ({
    id: r[c.id] as number,
    title: r[c.title] as string,
    presetKey: r[c.presetKey] as string | null,
    kind: r[c.kind] as Meeting['kind'],
    facilitatorId: r[c.facilitatorId] as number | null,
    facilitator: r[c.facilitator] as string | null,
    place: r[c.place] as string | null,
    shift: r[c.shift] as string | null,
    everyone: r[c.everyone] === 1,
    createdAt: r[c.createdAt] as string,
    updatedAt: r[c.updatedAt] as string,
  }));
}

export async function findMeetingById(q: Queryable, id: number): Promise<Meeting | undefined> {
  const r = await q.get<MeetingRow>(`${SELECT} where m.id = ?`, [id]);
  return r && toMeeting(r);
}

/** A series by title (any case) or preset key. */
export async function findMeetingIdByName(q: Queryable, name: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from meetings where title = ? or preset_key = ? order by id', [name, name]))?.id;
}

/** Ids and titles, for names typed in part and for suggestions. */
export async function listMeetingRefs(q: Queryable): Promise<{ id: number; title: string; presetKey: string | null }[]> {
  return q.all('select id, title, preset_key as "presetKey" from meetings order by id');
}

export async function insertMeeting(tx: Queryable, f: MeetingFields, now: string): Promise<number> {
  return insertRow(tx, 'meetings', { title: f.title, preset_key: f.presetKey ?? null, kind: f.kind, facilitator_id: f.facilitatorId, place: f.place, shift: f.shift, everyone: f.everyone ? 1 : 0, created_at: now, updated_at: now });
}

export async function updateMeeting(tx: Queryable, id: number, patch: Partial<Omit<MeetingFields, 'everyone' | 'presetKey'>> & { everyone?: boolean }, now: string): Promise<void> {
  const { everyone, ...rest } = patch;
  const cols = toColumns({ ...rest, everyone: everyone === undefined ? undefined : everyone ? 1 : 0 }, { title: 'title', kind: 'kind', facilitatorId: 'facilitator_id', place: 'place', shift: 'shift', everyone: 'everyone' });
  await updateRow(tx, 'meetings', id, { ...(cols as Patch<'meetings'>), updated_at: now });
}

const VERSION = `select id, meeting_id as "meetingId", valid_from as "validFrom", valid_until as "validUntil", starts_on as "startsOn", rrule,
    start_time as time, duration_min as "durationMin", time_zone as zone from meeting_schedules`;

/** The schedule versions of these series (all series when `ids` is undefined), each list in date order. */
export async function schedulesOf(q: Queryable, ids?: readonly number[]): Promise<Map<number, ScheduleVersion[]>> {
  const rows = await inChunks<ScheduleVersion & { meetingId: number }>(q, VERSION, 'meeting_id', ids, 'order by meeting_id, valid_from');
  // Fields named, not a rest pattern: that costs more than the query for every series.
  return groupBy(rows, (r) => r.meetingId, (r): ScheduleVersion => ({ id: r.id, validFrom: r.validFrom, validUntil: r.validUntil, startsOn: r.startsOn, rrule: r.rrule, time: r.time, durationMin: r.durationMin, zone: r.zone }));
}

export async function insertSchedule(tx: Queryable, meetingId: number, v: Omit<ScheduleVersion, 'id'>, now: string): Promise<number> {
  return insertRow(tx, 'meeting_schedules', { meeting_id: meetingId, valid_from: v.validFrom, valid_until: v.validUntil, starts_on: v.startsOn, rrule: v.rrule, start_time: v.time, duration_min: v.durationMin, time_zone: v.zone, created_at: now });
}

/** Ends a version on a date (inclusive), or changes it in place when it has not begun. */
export async function updateSchedule(tx: Queryable, id: number, patch: Partial<Omit<ScheduleVersion, 'id'>>): Promise<void> {
  await updateRow(tx, 'meeting_schedules', id, toColumns(patch, { validFrom: 'valid_from', validUntil: 'valid_until', startsOn: 'starts_on', rrule: 'rrule', time: 'start_time', durationMin: 'duration_min', zone: 'time_zone' }) as Patch<'meeting_schedules'>);
}

/** A version that had not begun when the series ended: a plan, not history. */
export async function deleteSchedule(tx: Queryable, id: number): Promise<void> {
  await tx.run('delete from meeting_schedules where id = ?', [id]);
}

/** Who each series is for when it is not for everyone. */
export async function audienceOf(q: Queryable, ids?: readonly number[]): Promise<Map<number, { memberIds: number[]; departmentIds: number[] }>> {
  const rows = await inChunks<{ meetingId: number; memberId: number | null; departmentId: number | null }>(q, 'select meeting_id as "meetingId", member_id as "memberId", department_id as "departmentId" from meeting_audience', 'meeting_id', ids, 'order by id');
  const out = new Map<number, { memberIds: number[]; departmentIds: number[] }>();
  for (const r of rows) {
    const a = out.get(r.meetingId) ?? { memberIds: [], departmentIds: [] };
    if (r.memberId !== null) a.memberIds.push(r.memberId);
    if (r.departmentId !== null) a.departmentIds.push(r.departmentId);
    out.set(r.meetingId, a);
  }
  return out;
}

export async function replaceAudience(tx: Queryable, meetingId: number, memberIds: readonly number[], departmentIds: readonly number[]): Promise<void> {
  await tx.run('delete from meeting_audience where meeting_id = ?', [meetingId]);
  for (const id of memberIds) await insertRow(tx, 'meeting_audience', { meeting_id: meetingId, member_id: id, department_id: null });
  for (const id of departmentIds) await insertRow(tx, 'meeting_audience', { meeting_id: meetingId, member_id: null, department_id: id });
}

export async function agendaOf(q: Queryable, meetingId: number): Promise<string[]> {
  return (await q.all<{ text: string }>('select text from meeting_agenda_items where meeting_id = ? order by position', [meetingId])).map((r) => r.text);
}

export async function replaceAgenda(tx: Queryable, meetingId: number, items: readonly string[]): Promise<void> {
  await tx.run('delete from meeting_agenda_items where meeting_id = ?', [meetingId]);
  for (const [i, text] of items.entries()) await insertRow(tx, 'meeting_agenda_items', { meeting_id: meetingId, position: i + 1, text });
}

const EXCEPTION = `select meeting_id as "meetingId", occurs_on as "occursOn", kind, moved_to as "movedTo", moved_time as "movedTime" from meeting_exceptions`;

/** A series' exceptions, all of them. */
export async function exceptionsOf(q: Queryable, meetingId: number): Promise<MeetingException[]> {
  return (await q.all<MeetingException & { meetingId: number }>(`${EXCEPTION} where meeting_id = ? order by occurs_on`, [meetingId])).map(({ meetingId: _, ...e }) => e);
}

/** Every series' exceptions that touch [from, to]: by original date or by the date moved to (both indexed). */
export async function exceptionsBetween(q: Queryable, from: string, to: string): Promise<Map<number, MeetingException[]>> {
  const rows = await q.all<MeetingException & { meetingId: number }>(`${EXCEPTION} where occurs_on between ? and ? union ${EXCEPTION} where moved_to between ? and ? order by 1, 2`, [from, to, from, to]);
  return groupBy(rows, (r) => r.meetingId, (r): MeetingException => ({ occursOn: r.occursOn, kind: r.kind, movedTo: r.movedTo, movedTime: r.movedTime }));
}

/** Records a skip or a move of the occurrence first dated `occursOn` (replacing an earlier one). */
export async function putException(tx: Queryable, meetingId: number, e: MeetingException, actor: string, now: string): Promise<void> {
  await tx.run('delete from meeting_exceptions where meeting_id = ? and occurs_on = ?', [meetingId, e.occursOn]);
  await insertRow(tx, 'meeting_exceptions', { meeting_id: meetingId, occurs_on: e.occursOn, kind: e.kind, moved_to: e.movedTo, moved_time: e.movedTime, actor, created_at: now });
}

/** Rows of `sql` for these ids (all rows when undefined), IN_LIST_MAX ids a statement. */
async function inChunks<R>(q: Queryable, sql: string, column: string, ids: readonly number[] | undefined, order: string): Promise<R[]> {
  if (ids === undefined) return q.all<R>(`${sql} ${order}`);
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += IN_LIST_MAX) {
    const chunk = ids.slice(i, i + IN_LIST_MAX) as SqlValue[];
    out.push(...(await q.all<R>(`${sql} where ${column} in (${chunk.map(() => '?').join(', ')}) ${order}`, chunk)));
  }
  return out;
}

function groupBy<R, K, V>(rows: readonly R[], key: (r: R) => K, value: (r: R) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(value(r));
    else out.set(k, [value(r)]);
  }
  return out;
}

/** Per series (these, or all): the last date it was held and how many of its action items are open (an index seek each, in one query). */
export async function seriesStats(q: Queryable, id?: number): Promise<Map<number, { lastHeld: string | null; openActions: number }>> {
  const rows = await q.all<{ id: number; lastHeld: string | null; openActions: number }>(
    `select m.id,
      (select max(l.held_on) from meeting_logs l where l.meeting_id = m.id) as "lastHeld",
      (select count(*) from action_items a where a.meeting_id = m.id and a.status = 'open') as "openActions"
    from meetings m${id === undefined ? '' : ' where m.id = ?'}`,
    id === undefined ? [] : [id],
  );
  return new Map(rows.map((r) => [r.id, { lastHeld: r.lastHeld, openActions: r.openActions }]));
}

export interface StoredZoneTable {
  zone: string;
  tzdata: string;
  coversFrom: string;
  coversTo: string;
  changes: [number, number][];
}

/** Every stored zone table (a few rows: one per zone the series use). */
export async function listZoneTables(q: Queryable): Promise<StoredZoneTable[]> {
  const rows = await q.all<Omit<StoredZoneTable, 'changes'> & { changes: string }>('select zone, tzdata, covers_from as "coversFrom", covers_to as "coversTo", changes from meeting_time_zones');
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as [number, number][] }));
}

/** Stores a zone's table, replacing the one it had. */
export async function putZoneTable(tx: Queryable, t: StoredZoneTable, now: string): Promise<void> {
  await tx.run('delete from meeting_time_zones where zone = ?', [t.zone]);
  await tx.run('insert into meeting_time_zones (zone, tzdata, covers_from, covers_to, changes, updated_at) values (?, ?, ?, ?, ?, ?)', [t.zone, t.tzdata, t.coversFrom, t.coversTo, JSON.stringify(t.changes), now]);
}

/** The stored months of every rule in these months (one query through the month index). */
export async function listRuleMonths(q: Queryable, months: readonly string[]): Promise<MonthDates[]> {
  if (months.length === 0) return [];
  const { rows } = await q.tuples(`select starts_on, rrule, month, days from meeting_rule_dates where month in (${months.map(() => '?').join(', ')})`, months as SqlValue[]);
  return rows.map((r) => ({ startsOn: r[0] as string, rrule: r[1] as string, month: r[2] as string, days: Number(r[3]) }));
}

/** Stores a rule's months (those it already has are left: a rule's dates never change). */
export async function putRuleMonths(tx: Queryable, entries: readonly MonthDates[]): Promise<void> {
  for (const e of entries) {
    await tx.run('insert into meeting_rule_dates (starts_on, rrule, month, days) values (?, ?, ?, ?) on conflict (starts_on, rrule, month) do nothing', [e.startsOn, e.rrule, e.month, e.days]);
  }
}
