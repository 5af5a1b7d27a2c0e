/**
 * What the reports read of the meetings, on every engine: the open action
 * items counted by the database and listed in the index's order, the first
 * `limit` only (the same items and counts the reports computed from every open
 * item before); the absences counted and cut; the attendance of each log.
 * Bounded: as many statements on a team three times the size, none returning
 * more rows than the limit (or than the window's minutes).
 */
import { expect, it } from 'vitest';
import type { Db } from '../../../src/db/sql.js';
import { countOpenActions, insertAction, listActions, openActionsDue, openActionsUndated, updateAction, type ActionItem } from '../../../src/meetings/actions.repository.js';
import { getActionDigest } from '../../../src/meetings/digest.service.js';
import { absencesBetween, attendanceCounts, insertAttendance, insertLog, logAttendanceBetween } from '../../../src/meetings/minutes.repository.js';
import { insertMeeting } from '../../../src/meetings/repository.js';
import type { AttendanceStatus } from '../../../src/meetings/rules/meeting.js';
import { insertDepartment } from '../../../src/org/departments.repository.js';
import { insertMember } from '../../../src/org/members.repository.js';
import type { ServiceOptions } from '../../../src/shared/service.js';
import { describeEngines, recording } from '../../engines.js';

const NOW = '2026-11-27T12:00:00.000Z';
const TODAY = '2026-11-27';
const NEXT = { from: '2026-11-30', to: '2026-12-06' };
const STATUSES: AttendanceStatus[] = ['present', 'late', 'absent', 'excused'];

interface Team {
  sales: number;
  support: number;
  /** handle → id; `gone*` are archived (in sales). */
  ids: Map<string, number>;
  handles: string[];
}

/**
 * `s` times over: members in two departments (some archived), series with
 * minutes on the days of November, attendance with absences, and action items
 * overdue, due next week, later, undated, done and dropped.
 */
async function build(db: Db, s: number): Promise<Team> {
  const sales = await insertDepartment(db, { name: 'Sales', description: null, now: NOW });
  const support = await insertDepartment(db, { name: 'Support', description: null, now: NOW });
  const ids = new Map<string, number>();
  const person = async (handle: string, departmentId: number) => ids.set(handle, await insertMember(db, { handle, name: handle.toUpperCase(), roleId: null, departmentId, managerId: null, hireDate: null, contact: null, shift: 'day', status: 'active', now: NOW }));
  for (let i = 0; i < 6 * s; i++) await person(`m${String(i).padStart(3, '0')}`, i % 3 === 2 ? support : sales);
  for (let i = 0; i < s; i++) await person(`gone${i}`, sales);
  await db.run(`update members set archived_at = ? where handle like 'gone%'`, [NOW]);
  const handles = [...ids.keys()];
  let k = 0;
  for (let m = 0; m < 2 * s; m++) {
    const meeting = await insertMeeting(db, { title: `Series ${m}`, kind: 'morning', facilitatorId: null, place: null, shift: null, everyone: true }, NOW);
    for (let d = 1; d <= 27; d += 2) {
      const day = `2026-11-${String(d).padStart(2, '0')}`;
      const log = await insertLog(db, meeting, { occursOn: day, heldOn: day, time: '09:00', durationMin: 15, extra: false, notes: null }, 'lead', NOW);
      await insertAttendance(db, log, handles.map((h, i) => ({ memberId: ids.get(h)!, status: STATUSES[((i * i * (m + 1) + d * (i % 5)) % 7) % 4]! })));
      for (let a = 0; a < 3; a++, k++) {
        const due = k % 9 === 0 ? null : k % 4 === 0 ? `2026-12-0${1 + (k % 6)}` : k % 5 === 0 ? '2027-01-15' : `2026-11-${String(1 + (k % 28)).padStart(2, '0')}`;
        const id = await insertAction(db, { meetingId: meeting, logId: log, ownerId: ids.get(handles[k % handles.length]!)!, text: `action ${k}`, due }, 'lead', NOW);
        if (k % 11 === 0) await updateAction(db, id, { status: 'done', closedAt: NOW }, NOW);
        if (k % 13 === 0) await updateAction(db, id, { status: 'dropped', note: 'no', closedAt: NOW }, NOW);
      }
    }
  }
  return { sales, support, ids, handles };
}

const options = (db: Db): ServiceOptions => ({ db, now: new Date(NOW), today: TODAY, actor: 'test' });

/** What the weekly report and reminders computed before, from every open item (getActions' order: due date, none last, then id). */
async function naive(db: Db, owners: (a: ActionItem) => boolean, limit: number | undefined) {
  const open = (await listActions(db, { status: 'open' })).filter(owners);
  const cut = (xs: ActionItem[]) => (limit === undefined ? xs : xs.slice(0, limit));
  const overdue = open.filter((a) => a.due !== null && a.due < TODAY);
  const due = open.filter((a) => a.due !== null && a.due >= NEXT.from && a.due <= NEXT.to);
  const sorted = [...open].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id - b.id);
  return { open: { total: open.length, items: cut(sorted) }, overdue: { total: overdue.length, items: cut(overdue) }, due: { total: due.length, items: cut(due) } };
}

describeEngines('meetings digest', (fresh) => {
  it('the action digest: the counts and first items the reports computed from every open item, for everyone, a department, an owner', async () => {
    const db = await fresh();
    const t = await build(db, 2);
    // Sales' active members: the department's members, archived ones left out (as the report's department filter had it).
    const salesActive = new Set((await db.all<{ handle: string }>('select handle from members where department_id = ? and archived_at is null', [t.sales])).map((r) => r.handle));
    expect(salesActive.size).toBe(8);
    const cases: [string, { owner?: string; dept?: string }, (a: ActionItem) => boolean][] = [
      ['everyone (archived owners too)', {}, () => true],
      ['a department', { dept: 'Sales' }, (a) => salesActive.has(a.owner)],
      ['an owner', { owner: 'm001' }, (a) => a.owner === 'm001'],
      ['an archived owner', { owner: 'gone0' }, (a) => a.owner === 'gone0'],
    ];
    for (const [name, scope, owners] of cases) {
      for (const limit of [1, 3, 10, undefined]) {
        const got = await getActionDigest(options(db), { ...scope, due: NEXT, ...(limit !== undefined && { limit }) });
        const want = await naive(db, owners, limit);
        const view = (l: { total: number; items: ActionItem[] }) => ({ total: l.total, items: l.items.map((a) => [a.id, a.due, a.owner]) });
        expect({ open: view(got.open), overdue: view(got.overdue), due: view(got.due) }, `${name}, limit ${limit}`).toEqual({ open: view(want.open), overdue: view(want.overdue), due: view(want.due) });
      }
    }
    // The lists are cut, the counts whole; the undated come last.
    const all = await getActionDigest(options(db), { due: NEXT });
    expect(all.overdue.total).toBeGreaterThan(10);
    const ten = await getActionDigest(options(db), { due: NEXT, limit: 10 });
    expect([ten.open.total, ten.overdue.total, ten.due.total]).toEqual([all.open.total, all.overdue.total, all.due.total]);
    expect([ten.open.items.length, ten.overdue.items.length]).toEqual([10, 10]);
    expect(all.open.items.at(-1)!.due).toBeNull();
    expect(all.open.items.findIndex((a) => a.due === null)).toBe(all.open.items.length - all.open.items.filter((a) => a.due === null).length);
  });

  it('the action digest without a range counts none due; open: false reads no open list (reminders)', async () => {
    const db = await fresh();
    await build(db, 1);
    const o = options(db);
    const plain = await getActionDigest(o, { limit: 5 });
    expect(plain.due).toEqual({ total: 0, items: [] });
    const c = recording(db);
    const remind = await getActionDigest({ ...o, db: c.db }, { due: { from: TODAY, to: '2026-12-03' }, open: false, limit: 5 });
    expect(remind.open.items).toEqual([]);
    expect(remind.open.total).toBe(plain.open.total);
    expect(remind.overdue).toEqual(plain.overdue);
    // A count, then the overdue and the due lists: no open list.
    expect(c.log.map((s) => s.rows)).toEqual([1, 5, 5]);
  });

  it('the repository: counts in one pass, the dated by due date then id, the undated by id', async () => {
    const db = await fresh();
    const t = await build(db, 1);
    const open = await listActions(db, { status: 'open' });
    const counts = await countOpenActions(db, {}, TODAY, NEXT);
    expect(counts).toEqual({ open: open.length, overdue: open.filter((a) => a.due !== null && a.due < TODAY).length, due: open.filter((a) => a.due !== null && a.due >= NEXT.from && a.due <= NEXT.to).length });
    expect(await countOpenActions(db, {}, TODAY)).toEqual({ ...counts, due: 0 });
    const dated = await openActionsDue(db, {}, {});
    expect(dated.map((a) => a.id)).toEqual(open.filter((a) => a.due !== null).map((a) => a.id));
    expect((await openActionsDue(db, {}, { before: TODAY }, 4)).map((a) => a.id)).toEqual(dated.filter((a) => a.due! < TODAY).slice(0, 4).map((a) => a.id));
    expect((await openActionsUndated(db, {}, 2)).map((a) => a.id)).toEqual(open.filter((a) => a.due === null).slice(0, 2).map((a) => a.id));
    const m1 = t.ids.get('m001')!;
    expect((await openActionsDue(db, { ownerId: m1 }, NEXT)).every((a) => a.ownerId === m1 && a.due! >= NEXT.from && a.due! <= NEXT.to)).toBe(true);
    expect((await countOpenActions(db, { departmentId: t.support }, TODAY)).open).toBe(open.filter((a) => ['m002', 'm005'].includes(a.owner)).length);
  });

  it('absences: how many members, the first `limit` (most absences first, then handle), of a member, a department (archived left out) or anyone', async () => {
    const db = await fresh();
    const t = await build(db, 2);
    const [from, to] = ['2026-11-09', '2026-11-15'];
    const counts = (await attendanceCounts(db, from, to)).filter((c) => c.status === 'absent');
    const active = new Set((await db.all<{ id: number }>('select id from members where department_id = ? and archived_at is null', [t.sales])).map((r) => r.id));
    const expected = (keep: (memberId: number) => boolean) => counts.filter((c) => keep(c.memberId)).map((c) => ({ handle: c.handle, name: c.name, absent: Number(c.n) })).sort((a, b) => b.absent - a.absent || (a.handle < b.handle ? -1 : 1));
    const everyone = expected(() => true);
    expect(everyone.length).toBeGreaterThan(5);
    expect(new Set(everyone.map((a) => a.absent)).size).toBeGreaterThan(1);
    expect(await absencesBetween(db, from, to, {})).toEqual({ total: everyone.length, items: everyone });
    expect(await absencesBetween(db, from, to, {}, 5)).toEqual({ total: everyone.length, items: everyone.slice(0, 5) });
    const sales = expected((id) => active.has(id));
    expect(sales.some((a) => a.handle.startsWith('gone'))).toBe(false);
    expect(everyone.some((a) => a.handle.startsWith('gone'))).toBe(true);
    expect(await absencesBetween(db, from, to, { departmentId: t.sales }, 3)).toEqual({ total: sales.length, items: sales.slice(0, 3) });
    const m3 = t.ids.get('m003')!;
    expect(await absencesBetween(db, from, to, { memberId: m3 })).toEqual({ total: 1, items: expected((id) => id === m3) });
    expect(await absencesBetween(db, '2027-01-01', '2027-01-31', {}, 5)).toEqual({ total: 0, items: [] });
  });

  it('attendance per log: each status counted, as the grouped attendance has it', async () => {
    const db = await fresh();
    await build(db, 1);
    const [from, to] = ['2026-11-09', '2026-11-15'];
    const logs = await logAttendanceBetween(db, from, to);
    const grouped = await db.all<{ meetingId: number; status: AttendanceStatus; n: number }>(
      `select l.meeting_id as "meetingId", a.status, count(*) as n from meeting_logs l join meeting_attendance a on a.log_id = l.id where l.held_on between ? and ? group by l.meeting_id, a.status`,
      [from, to],
    );
    const summed = new Map<string, number>();
    for (const l of logs) for (const s of STATUSES) summed.set(`${l.meetingId}|${s}`, (summed.get(`${l.meetingId}|${s}`) ?? 0) + l[s]);
    for (const g of grouped) expect(summed.get(`${g.meetingId}|${g.status}`), `${g.meetingId} ${g.status}`).toBe(Number(g.n));
    expect(logs.map((l) => l.occursOn)).toEqual([...logs.map((l) => l.occursOn)].sort());
    expect(logs).toHaveLength(2 * 4);
  });

  it('bounded: as many statements for a team three times the size, none returning more than the limit', async () => {
    const runs: { statements: number; rows: number[] }[] = [];
    for (const s of [1, 3]) {
      const db = await fresh();
      await build(db, s);
      const c = recording(db);
      const o = { ...options(db), db: c.db };
      await getActionDigest(o, { due: NEXT, limit: 4 });
      await getActionDigest(o, { dept: 'Sales', due: NEXT, limit: 4 });
      await getActionDigest(o, { owner: 'm001', due: NEXT, limit: 4, open: false });
      const absences = await absencesBetween(c.db, '2026-11-01', '2026-11-30', {}, 4);
      expect(absences.total).toBeGreaterThan(4);
      runs.push({ statements: c.log.length, rows: c.log.map((x) => x.rows) });
    }
    expect(runs[1]!.statements).toBe(runs[0]!.statements);
    for (const r of runs) expect(Math.max(...r.rows)).toBeLessThanOrEqual(4);
  });
});
