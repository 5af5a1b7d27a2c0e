/** The meetings repositories on a migrated database, on every engine: camelCase in and out, versions in order, exceptions by window, memos stored once. */
import { expect, it } from 'vitest';
import type { Db } from '../../../src/db/sql.js';
import { findAction, insertAction, listActions, openActionsRaisedSince, openCountsByMeeting, updateAction } from '../../../src/meetings/actions.repository.js';
import { attendanceCounts, findLog, insertAttendance, insertLog, insertPlanItems, lastLoggedDate, markPlanItems, planItemsOn } from '../../../src/meetings/minutes.repository.js';
import {
  audienceOf, exceptionsBetween, findMeetingById, findMeetingIdByName, insertMeeting, insertSchedule, listMeetings, listRuleMonths, listZoneTables, putException, putRuleMonths, putZoneTable, replaceAudience, schedulesOf, updateSchedule,
} from '../../../src/meetings/repository.js';
import { insertDepartment } from '../../../src/org/departments.repository.js';
import { insertMember } from '../../../src/org/members.repository.js';
import { describeEngines } from '../../engines.js';

const NOW = '2026-11-23T12:00:00.000Z';
const WORKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

async function team(db: Db): Promise<{ dept: number; wu: number; li: number }> {
  const dept = await insertDepartment(db, { name: 'Customer service', description: null, now: NOW });
  const person = (handle: string) => insertMember(db, { handle, name: handle.toUpperCase(), roleId: null, departmentId: dept, managerId: null, hireDate: null, contact: null, shift: 'day', status: 'active', now: NOW });
  return { dept, wu: await person('wu'), li: await person('li') };
}

async function series(db: Db, title = 'Morning meeting'): Promise<number> {
  const id = await insertMeeting(db, { title, presetKey: 'morning', kind: 'morning', facilitatorId: null, place: '3F', shift: null, everyone: true }, NOW);
  await insertSchedule(db, id, { validFrom: '2026-11-23', validUntil: '2026-11-30', startsOn: '2026-11-23', rrule: WORKDAYS, time: '09:00', durationMin: 15, zone: 'Asia/Shanghai' }, NOW);
  await insertSchedule(db, id, { validFrom: '2026-12-01', validUntil: null, startsOn: '2026-11-23', rrule: WORKDAYS, time: '09:30', durationMin: 15, zone: 'Asia/Shanghai' }, NOW);
  return id;
}

describeEngines('meetings repository', (fresh) => {
  it('a series and its schedule versions come back camelCase, by title (any case) or preset key', async () => {
    const db = await fresh();
    const id = await series(db);
    expect(await findMeetingById(db, id)).toMatchObject({ id, title: 'Morning meeting', presetKey: 'morning', kind: 'morning', place: '3F', everyone: true, facilitator: null });
    expect(await findMeetingIdByName(db, 'MORNING MEETING')).toBe(id);
    expect(await findMeetingIdByName(db, 'morning')).toBe(id);
    expect((await listMeetings(db)).map((m) => m.title)).toEqual(['Morning meeting']);
    const versions = (await schedulesOf(db, [id])).get(id)!;
    expect(versions.map((v) => [v.validFrom, v.validUntil, v.time])).toEqual([
      ['2026-11-23', '2026-11-30', '09:00'],
      ['2026-12-01', null, '09:30'],
    ]);
    await updateSchedule(db, versions[1]!.id, { validUntil: '2026-12-31' });
    expect((await schedulesOf(db)).get(id)![1]!.validUntil).toBe('2026-12-31');
  });

  it('audiences, exceptions by either date, and the memos (stored once, read by month)', async () => {
    const db = await fresh();
    const { dept, wu } = await team(db);
    const id = await series(db);
    await replaceAudience(db, id, [wu], [dept]);
    expect((await audienceOf(db, [id])).get(id)).toEqual({ memberIds: [wu], departmentIds: [dept] });
    await putException(db, id, { occursOn: '2026-11-24', kind: 'skip', movedTo: null, movedTime: null }, 'lead', NOW);
    await putException(db, id, { occursOn: '2026-11-20', kind: 'move', movedTo: '2026-11-25', movedTime: '10:00' }, 'lead', NOW);
    await putException(db, id, { occursOn: '2026-11-24', kind: 'move', movedTo: '2026-11-26', movedTime: null }, 'lead', NOW);
    expect((await exceptionsBetween(db, '2026-11-25', '2026-11-26')).get(id)).toEqual([
      { occursOn: '2026-11-20', kind: 'move', movedTo: '2026-11-25', movedTime: '10:00' },
      { occursOn: '2026-11-24', kind: 'move', movedTo: '2026-11-26', movedTime: null },
    ]);
    // The 1st, 2nd and 31st: bits 0, 1 and 30.
    const month = { startsOn: '2026-11-23', rrule: WORKDAYS, month: '2026-12', days: 1 | 2 | (1 << 30) };
    await putRuleMonths(db, [month]);
    await putRuleMonths(db, [{ ...month, days: 4 }]);
    expect(await listRuleMonths(db, ['2026-12', '2027-01'])).toEqual([month]);
    await putZoneTable(db, { zone: 'Asia/Shanghai', tzdata: '2025c', coversFrom: '2024-01-01', coversTo: '2036-01-01', changes: [[1704067200000, 480]] }, NOW);
    expect(await listZoneTables(db)).toEqual([{ zone: 'Asia/Shanghai', tzdata: '2025c', coversFrom: '2024-01-01', coversTo: '2036-01-01', changes: [[1704067200000, 480]] }]);
  });

  it('minutes, attendance counts, plans, and actions with their open counts', async () => {
    const db = await fresh();
    const { wu, li } = await team(db);
    const id = await series(db);
    const log = await insertLog(db, id, { occursOn: '2026-11-23', heldOn: '2026-11-24', time: '09:00', durationMin: 15, extra: false, notes: null }, 'lead', NOW);
    expect(await findLog(db, id, '2026-11-23')).toMatchObject({ id: log, heldOn: '2026-11-24', extra: false });
    expect(await lastLoggedDate(db, id)).toBe('2026-11-24');
    await insertAttendance(db, log, [{ memberId: wu, status: 'late' }, { memberId: li, status: 'present' }]);
    expect(await attendanceCounts(db, '2026-11-01', '2026-11-30')).toEqual([
      { memberId: li, handle: 'li', name: 'LI', status: 'present', n: 1 },
      { memberId: wu, handle: 'wu', name: 'WU', status: 'late', n: 1 },
    ]);
    await insertPlanItems(db, log, wu, '2026-11-24', 1, ['a', 'b']);
    const items = await planItemsOn(db, '2026-11-24', wu);
    await markPlanItems(db, [items[0]!.id], true, log);
    expect((await planItemsOn(db, '2026-11-24')).map((i) => [i.handle, i.position, i.text, i.done])).toEqual([
      ['wu', 1, 'a', true],
      ['wu', 2, 'b', null],
    ]);
    const a = await insertAction(db, { meetingId: id, logId: log, ownerId: wu, text: 'templates', due: '2026-11-27' }, 'lead', NOW);
    const b = await insertAction(db, { meetingId: id, logId: log, ownerId: li, text: 'campaign', due: null }, 'lead', NOW);
    expect(await findAction(db, a)).toMatchObject({ id: a, meeting: 'Morning meeting', raisedOn: '2026-11-24', owner: 'wu', ownerName: 'WU', status: 'open', due: '2026-11-27' });
    await updateAction(db, b, { status: 'done', closedAt: NOW }, NOW);
    expect((await listActions(db, {})).map((x) => [x.id, x.status])).toEqual([[a, 'open'], [b, 'done']]);
    expect((await listActions(db, { overdueOn: '2026-11-28' })).map((x) => x.id)).toEqual([a]);
    expect(await openCountsByMeeting(db)).toEqual(new Map([[id, 1]]));
    expect(await openActionsRaisedSince(db, '2026-11-24')).toEqual([{ meetingId: id, raisedOn: '2026-11-24' }]);
    expect(await openActionsRaisedSince(db, '2026-11-25')).toEqual([]);
  });
});
