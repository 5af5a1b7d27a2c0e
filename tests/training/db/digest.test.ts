/**
 * What the reports read of training, on every engine: the rounds due, overdue
 * and passed, counted in the index (archived members left out by their ids,
 * not a join per round) and listed in the reports' order (by date, then
 * member id, course and id) with a limit — the
 * same rounds the member-joined filters give. `only: 'open'` reads no passed
 * rounds. Bounded: as many statements for three times the rounds, none
 * returning more rows than the limit.
 */
import { expect, it } from 'vitest';
import type { Db } from '../../../src/db/sql.js';
import { insertDepartment } from '../../../src/org/departments.repository.js';
import { insertMember } from '../../../src/org/members.repository.js';
import type { ServiceOptions } from '../../../src/shared/service.js';
import { roundsDue, roundsPassed } from '../../../src/training/digest.repository.js';
import { getTrainingDigest } from '../../../src/training/digest.service.js';
import { insertItem, listItems, updateItem } from '../../../src/training/plans.repository.js';
import { insertCourse, type CourseRow } from '../../../src/training/repository.js';
import type { PlanItem } from '../../../src/training/rules/training.js';
import { describeEngines, recording } from '../../engines.js';

const NOW = '2026-11-27T12:00:00.000Z';
const TODAY = '2026-11-27';

const courseRow = (title: string): CourseRow => ({ title, presetKey: null, topic: null, format: 'internal', hours: 1, trainerId: null, provider: null, onboarding: false, passMark: 60, refreshMonths: null, description: null });

/** `s` times over: members of two departments (some archived), each with a round of every course: open, failed (a retake date), passed (with its next round), dropped. */
async function build(db: Db, s: number): Promise<{ sales: number; support: number; ids: Map<string, number> }> {
  const sales = await insertDepartment(db, { name: 'Sales', description: null, now: NOW });
  const support = await insertDepartment(db, { name: 'Support', description: null, now: NOW });
  const ids = new Map<string, number>();
  for (let i = 0; i < 5 * s; i++) {
    // Handles run against the ids, so that an order by handle and one by id differ.
    const handle = i % 5 === 4 ? `gone${i}` : `m${900 - i}`;
    ids.set(handle, await insertMember(db, { handle, name: handle.toUpperCase(), roleId: null, departmentId: i % 2 === 0 ? sales : support, managerId: null, hireDate: null, contact: null, shift: 'day', status: 'active', now: NOW }));
  }
  await db.run(`update members set archived_at = ? where handle like 'gone%'`, [NOW]);
  const courses: number[] = [];
  for (let c = 0; c < 4; c++) courses.push(await insertCourse(db, courseRow(`Course ${c}`), NOW));
  let k = 0;
  for (const memberId of ids.values()) {
    for (const courseId of courses) {
      k++;
      // Due on one of a few dates (so that several rounds share a date): overdue, this week, next week.
      const dueOn = ['2026-11-10', '2026-11-20', '2026-11-27', '2026-11-28', '2026-12-01', '2026-12-03', '2026-12-20'][k % 7]!;
      const id = await insertItem(db, { memberId, courseId, source: 'plan', dueOn }, 'lead', NOW);
      if (k % 5 === 0) await updateItem(db, id, { retakeDueOn: ['2026-11-25', '2026-12-02'][k % 2]! }, NOW);
      else if (k % 3 === 0) {
        await updateItem(db, id, { passedOn: ['2026-11-23', '2026-11-26', '2026-11-02'][k % 3]!, completedOn: '2026-11-23' }, NOW);
        await insertItem(db, { memberId, courseId, source: 'refresher', dueOn: '2026-11-29', refreshOf: id }, 'lead', NOW);
      } else if (k % 7 === 3) await updateItem(db, id, { droppedOn: '2026-11-01', dropReason: 'no' }, NOW);
    }
  }
  return { sales, support, ids };
}

const options = (db: Db): ServiceOptions => ({ db, now: new Date(NOW), today: TODAY, actor: 'test' });
const view = (r: { total: number; items: PlanItem[] }) => ({ total: r.total, items: r.items.map((i) => i.id) });

describeEngines('training digest', (fresh) => {
  it('due, overdue and passed: the rounds the member-joined filters give, in the reports\' order, counted whole and cut at the limit', async () => {
    const db = await fresh();
    const t = await build(db, 2);
    const scopes = [{}, { departmentId: t.sales }, { departmentId: t.support }, { memberId: t.ids.get('m899')! }, { memberId: t.ids.get('gone4')! }];
    for (const scope of scopes) {
      const due = (from: string | undefined, before: string) =>
        listItems(db, { ...scope, ...(from !== undefined && { dueFrom: from }), dueBefore: before }).then((xs) => xs.sort((a, b) => a.due.localeCompare(b.due) || a.memberId - b.memberId || a.courseId - b.courseId || a.id - b.id));
      const passed = listItems(db, { ...scope, passedFrom: '2026-11-23', passedTo: '2026-11-29' }).then((xs) => xs.sort((a, b) => a.passedOn!.localeCompare(b.passedOn!) || a.memberId - b.memberId || a.courseId - b.courseId || a.id - b.id));
      for (const limit of [1, 4, undefined]) {
        const cut = (xs: PlanItem[]) => ({ total: xs.length, items: (limit === undefined ? xs : xs.slice(0, limit)).map((i) => i.id) });
        const name = `${JSON.stringify(scope)} limit ${limit}`;
        expect(view(await roundsDue(db, scope, { before: TODAY }, limit)), `overdue ${name}`).toEqual(cut(await due(undefined, TODAY)));
        expect(view(await roundsDue(db, scope, { from: TODAY, before: '2026-12-07' }, limit)), `due ${name}`).toEqual(cut(await due(TODAY, '2026-12-07')));
        expect(view(await roundsPassed(db, scope, '2026-11-23', '2026-11-29', limit)), `passed ${name}`).toEqual(cut(await passed));
      }
    }
    // Archived members' rounds count nowhere; there are some.
    const gone = t.ids.get('gone4')!;
    expect((await db.all<{ n: number }>('select count(*) as n from training_plan_items where member_id = ? and passed_on is null', [gone]))[0]!.n).not.toBe(0);
    expect((await roundsDue(db, {}, { before: '2027-12-31' })).items.some((i) => i.memberId === gone)).toBe(false);
    expect((await roundsDue(db, { memberId: gone }, { before: '2027-12-31' })).total).toBe(0);
    // More overdue than the limit: the count is whole.
    const overdue = await roundsDue(db, {}, { before: TODAY }, 3);
    expect(overdue.total).toBeGreaterThan(3);
    expect(overdue.items).toHaveLength(3);
  });

  it('the digest: only \'open\' reads the due and overdue rounds and the classes, no passed one; only \'due\' no overdue either', async () => {
    const db = await fresh();
    await build(db, 1);
    const all = await getTrainingDigest(options(db), { from: '2026-11-23', to: '2026-11-29', limit: 5 });
    expect(all.passed.total).toBeGreaterThan(0);
    const c = recording(db);
    const open = await getTrainingDigest({ ...options(db), db: c.db }, { from: '2026-11-23', to: '2026-11-29', limit: 5, only: 'open' });
    expect(open).toEqual({ ...all, passed: { total: 0, items: [] } });
    expect(c.log.some((s) => s.sql.includes('passed_on >='))).toBe(false);
    const due = await getTrainingDigest(options(db), { from: '2026-11-23', to: '2026-11-29', limit: 5, only: 'due' });
    expect(due).toEqual({ ...all, passed: { total: 0, items: [] }, overdue: { total: 0, items: [] } });
  });

  it('bounded: as many statements for three times the rounds, none returning more than the limit; the counts read no member', async () => {
    const runs: { statements: number; rows: number[] }[] = [];
    for (const s of [1, 3]) {
      const db = await fresh();
      await build(db, s);
      const c = recording(db);
      const o = { ...options(db), db: c.db };
      await getTrainingDigest(o, { from: '2026-11-23', to: '2026-11-29', limit: 4 });
      await getTrainingDigest(o, { from: '2026-11-23', to: '2026-11-29', dept: 'Sales', limit: 4 });
      await getTrainingDigest(o, { from: '2026-11-30', to: '2026-12-06', member: 'm899', limit: 4, only: 'due' });
      runs.push({ statements: c.log.length, rows: c.log.map((x) => x.rows) });
      for (const x of c.log.filter((x) => x.sql.startsWith('select count(*)'))) expect(x.sql).not.toMatch(/join members/);
    }
    expect(runs[1]!.statements).toBe(runs[0]!.statements);
    for (const r of runs) expect(Math.max(...r.rows)).toBeLessThanOrEqual(4);
  });
});
