/** The training repositories on a migrated database, on every engine: camelCase in and out, the catalog's parts, rounds and their filters, the one-open-round index, attempts and sessions. */
import { expect, it } from 'vitest';
import type { Db } from '../../../src/db/sql.js';
import { insertDepartment } from '../../../src/org/departments.repository.js';
import { insertMember, updateMember } from '../../../src/org/members.repository.js';
import { insertRole } from '../../../src/org/roles.repository.js';
import { findItem, findOpenItem, insertAssessment, insertItem, itemsOf, listAssessments, listItems, passedCourseIds, untouchedRefreshers, updateItem, type NewAssessment } from '../../../src/training/plans.repository.js';
import { findCourse, findCourseIdByName, insertCourse, listCourses, prerequisiteEdges, setCourseParts, updateCourse, type CourseRow } from '../../../src/training/repository.js';
import { findSession, insertSession, listSessions, markAttendance, type NewSession } from '../../../src/training/sessions.repository.js';
import { describeEngines } from '../../engines.js';

const NOW = '2026-11-23T12:00:00.000Z';
const LATER = '2026-11-24T08:30:00.000Z';

interface Org {
  sales: number;
  support: number;
  agent: number;
  lead: number;
  wu: number;
  li: number;
  zhao: number;
}

/** Two departments and roles; wu (agent, sales), li (lead, support), zhao (agent, sales). */
async function org(db: Db): Promise<Org> {
  const sales = await insertDepartment(db, { name: 'Sales', description: null, now: NOW });
  const support = await insertDepartment(db, { name: 'Support', description: null, now: NOW });
  const agent = await insertRole(db, { name: 'Agent', departmentId: sales, reportsToId: null, description: null, workflow: null, now: NOW });
  const lead = await insertRole(db, { name: 'Lead', departmentId: support, reportsToId: null, description: null, workflow: null, now: NOW });
  const person = (handle: string, roleId: number, departmentId: number) =>
    insertMember(db, { handle, name: handle.toUpperCase(), roleId, departmentId, managerId: null, hireDate: '2026-01-05', contact: null, shift: 'day', status: 'active', now: NOW });
  return { sales, support, agent, lead, wu: await person('wu', agent, sales), li: await person('li', lead, support), zhao: await person('zhao', agent, sales) };
}

const courseRow = (title: string, over: Partial<CourseRow> = {}): CourseRow => ({
  title,
  presetKey: null,
  topic: null,
  format: 'internal',
  hours: 1,
  trainerId: null,
  provider: null,
  onboarding: false,
  passMark: 60,
  refreshMonths: null,
  description: null,
  ...over,
});

const course = (db: Db, title: string, over: Partial<CourseRow> = {}) => insertCourse(db, courseRow(title, over), NOW);
const item = (db: Db, memberId: number, courseId: number, dueOn: string, over: { source?: 'onboarding' | 'plan' | 'role' | 'session' | 'refresher'; refreshOf?: number } = {}) =>
  insertItem(db, { memberId, courseId, source: over.source ?? 'plan', dueOn, refreshOf: over.refreshOf ?? null }, 'lead', NOW);
const ids = (xs: readonly { id: number }[]) => xs.map((x) => x.id);

describeEngines('training repository', (fresh) => {
  describe_courses(fresh);
  describe_items(fresh);
  describe_assessments(fresh);
  describe_sessions(fresh);
});

function describe_courses(fresh: () => Promise<Db>): void {
  it('a course comes back camelCase with its roles (role order), kinds (theory, simulation, practical) and prerequisites (by title, any case)', async () => {
    const db = await fresh();
    const o = await org(db);
    const returns = await course(db, 'b: returns');
    const complaints = await course(db, 'A: complaints');
    const id = await course(db, 'Product basics', { presetKey: 'product-basics', topic: 'product', format: 'online', hours: 1.5, trainerId: o.wu, provider: 'Acme', onboarding: true, passMark: 70, refreshMonths: 12, description: 'The catalogue' });
    await setCourseParts(db, id, { roleIds: [o.lead, o.agent, o.agent], assessments: ['practical', 'theory', 'simulation'], prerequisiteIds: [returns, complaints] });
    expect(await findCourse(db, id)).toEqual({
      id,
      title: 'Product basics',
      presetKey: 'product-basics',
      topic: 'product',
      format: 'online',
      hours: 1.5,
      trainerId: o.wu,
      trainer: 'wu',
      provider: 'Acme',
      onboarding: true,
      passMark: 70,
      refreshMonths: 12,
      description: 'The catalogue',
      retiredAt: null,
      roles: ['Agent', 'Lead'],
      roleIds: [o.agent, o.lead],
      assessments: ['theory', 'simulation', 'practical'],
      prerequisites: ['A: complaints', 'b: returns'],
      prerequisiteIds: [complaints, returns],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await findCourse(db, returns)).toMatchObject({ id: returns, onboarding: false, trainer: null, trainerId: null, refreshMonths: null, roles: [], roleIds: [], assessments: [], prerequisites: [], prerequisiteIds: [] });
    expect(await findCourse(db, id + 100)).toBeUndefined();
    const edges = await prerequisiteEdges(db);
    expect([...edges.keys()]).toEqual([id]);
    expect([...edges.get(id)!].sort((x, y) => x - y)).toEqual([returns, complaints].sort((x, y) => x - y));
  });

  it('setCourseParts replaces only the parts it is given', async () => {
    const db = await fresh();
    const o = await org(db);
    const pre = await course(db, 'Pre');
    const other = await course(db, 'Other');
    const id = await course(db, 'Main');
    await setCourseParts(db, id, { roleIds: [o.agent], assessments: ['theory', 'practical'], prerequisiteIds: [pre] });
    await setCourseParts(db, id, { roleIds: [o.lead] });
    expect(await findCourse(db, id)).toMatchObject({ roleIds: [o.lead], roles: ['Lead'], assessments: ['theory', 'practical'], prerequisiteIds: [pre] });
    await setCourseParts(db, id, { assessments: ['simulation'], prerequisiteIds: [other] });
    expect(await findCourse(db, id)).toMatchObject({ roleIds: [o.lead], assessments: ['simulation'], prerequisites: ['Other'], prerequisiteIds: [other] });
    await setCourseParts(db, id, { roleIds: [], assessments: [], prerequisiteIds: [] });
    expect(await findCourse(db, id)).toMatchObject({ roleIds: [], roles: [], assessments: [], prerequisiteIds: [], prerequisites: [] });
    expect(await prerequisiteEdges(db)).toEqual(new Map());
  });

  it('listCourses: catalog order, by role, onboarding only, retired only when asked, by ids', async () => {
    const db = await fresh();
    const o = await org(db);
    const a = await course(db, 'Zeta first', { onboarding: true });
    const b = await course(db, 'Alpha second');
    const c = await course(db, 'Retired one', { onboarding: true });
    await setCourseParts(db, a, { roleIds: [o.agent] });
    await setCourseParts(db, b, { roleIds: [o.agent, o.lead] });
    await setCourseParts(db, c, { roleIds: [o.agent] });
    await updateCourse(db, c, { retiredAt: LATER }, LATER);
    expect(ids(await listCourses(db))).toEqual([a, b]);
    expect(ids(await listCourses(db, { includeRetired: true }))).toEqual([a, b, c]);
    expect(await findCourse(db, c)).toMatchObject({ retiredAt: LATER, updatedAt: LATER, createdAt: NOW });
    expect(ids(await listCourses(db, { roleId: o.lead }))).toEqual([b]);
    expect(ids(await listCourses(db, { roleId: o.agent, includeRetired: true }))).toEqual([a, b, c]);
    expect(ids(await listCourses(db, { onboarding: true }))).toEqual([a]);
    expect(ids(await listCourses(db, { onboarding: true, includeRetired: true }))).toEqual([a, c]);
    expect(ids(await listCourses(db, { ids: [c, b] }))).toEqual([b]);
    expect(ids(await listCourses(db, { ids: [c, b], includeRetired: true }))).toEqual([b, c]);
    expect(await listCourses(db, { ids: [] })).toEqual([]);
    expect((await listCourses(db, { roleId: o.lead }))[0]).toMatchObject({ roles: ['Agent', 'Lead'] });
  });

  it('findCourseIdByName: the title in any case, or the preset key', async () => {
    const db = await fresh();
    const id = await course(db, 'Product basics', { presetKey: 'product-basics' });
    const other = await course(db, 'Returns');
    expect(await findCourseIdByName(db, 'Product basics')).toBe(id);
    expect(await findCourseIdByName(db, 'PRODUCT BASICS')).toBe(id);
    expect(await findCourseIdByName(db, 'product basics')).toBe(id);
    expect(await findCourseIdByName(db, 'product-basics')).toBe(id);
    expect(await findCourseIdByName(db, 'returns')).toBe(other);
    expect(await findCourseIdByName(db, 'Product')).toBeUndefined();
    expect(await findCourseIdByName(db, 'product basics ')).toBeUndefined();
  });

  it('a second course of the same title in another case is refused', async () => {
    const db = await fresh();
    await course(db, 'Returns');
    await expect(course(db, 'RETURNS')).rejects.toThrow();
  });
}

function describe_items(fresh: () => Promise<Db>): void {
  it('a round comes back camelCase with its member, course, due date and status; updateItem patches only what it is given', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await course(db, 'Returns');
    const id = await item(db, o.wu, c, '2026-12-01', { source: 'onboarding' });
    expect(await findItem(db, id)).toEqual({
      id,
      memberId: o.wu,
      member: 'wu',
      memberName: 'WU',
      courseId: c,
      course: 'Returns',
      source: 'onboarding',
      dueOn: '2026-12-01',
      startedOn: null,
      completedOn: null,
      passedOn: null,
      retakeDueOn: null,
      droppedOn: null,
      dropReason: null,
      failed: false,
      refreshOf: null,
      createdAt: NOW,
      due: '2026-12-01',
      status: 'planned',
    });
    expect(await findItem(db, id + 100)).toBeUndefined();
    await updateItem(db, id, { startedOn: '2026-11-24' }, LATER);
    expect(await findItem(db, id)).toMatchObject({ startedOn: '2026-11-24', dueOn: '2026-12-01', completedOn: null, status: 'started' });
    await updateItem(db, id, { completedOn: '2026-11-25' }, LATER);
    expect(await findItem(db, id)).toMatchObject({ startedOn: '2026-11-24', completedOn: '2026-11-25', status: 'completed' });
    await updateItem(db, id, { retakeDueOn: '2026-12-09' }, LATER);
    expect(await findItem(db, id)).toMatchObject({ retakeDueOn: '2026-12-09', dueOn: '2026-12-01', due: '2026-12-09', failed: true, status: 'failed' });
    await updateItem(db, id, { passedOn: '2026-12-05' }, LATER);
    expect(await findItem(db, id)).toMatchObject({ passedOn: '2026-12-05', failed: false, status: 'passed' });
    await updateItem(db, id, { startedOn: null, dueOn: '2026-12-31' }, LATER);
    expect(await findItem(db, id)).toMatchObject({ startedOn: null, dueOn: '2026-12-31', completedOn: '2026-11-25', passedOn: '2026-12-05' });
    const other = await item(db, o.li, c, '2026-12-01');
    await updateItem(db, other, { droppedOn: '2026-11-30', dropReason: 'left the role' }, LATER);
    expect(await findItem(db, other)).toMatchObject({ droppedOn: '2026-11-30', dropReason: 'left the role', status: 'dropped' });
    expect(await findItem(db, id)).toMatchObject({ droppedOn: null, dropReason: null });
  });

  it('one open round per member and course: a second is refused, a new one allowed once the first is passed or dropped', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await course(db, 'Returns', { refreshMonths: 12 });
    const other = await course(db, 'Complaints');
    const first = await item(db, o.wu, c, '2026-12-01');
    expect((await findOpenItem(db, o.wu, c))?.id).toBe(first);
    await expect(item(db, o.wu, c, '2027-01-01')).rejects.toThrow();
    expect(ids(await itemsOf(db, o.wu, c))).toEqual([first]);
    // Other members and other courses are not blocked.
    const li = await item(db, o.li, c, '2026-12-01');
    const wuOther = await item(db, o.wu, other, '2026-12-01');
    expect((await findOpenItem(db, o.li, c))?.id).toBe(li);
    expect((await findOpenItem(db, o.wu, other))?.id).toBe(wuOther);

    await updateItem(db, first, { completedOn: '2026-11-24', passedOn: '2026-11-24' }, LATER);
    expect(await findOpenItem(db, o.wu, c)).toBeUndefined();
    const refresher = await item(db, o.wu, c, '2027-11-24', { source: 'refresher', refreshOf: first });
    expect(await findOpenItem(db, o.wu, c)).toMatchObject({ id: refresher, source: 'refresher', refreshOf: first, status: 'planned' });
    await expect(item(db, o.wu, c, '2027-12-01')).rejects.toThrow();

    await updateItem(db, refresher, { droppedOn: '2026-11-25', dropReason: 'retired' }, LATER);
    expect(await findOpenItem(db, o.wu, c)).toBeUndefined();
    const third = await item(db, o.wu, c, '2027-01-01');
    expect(ids(await itemsOf(db, o.wu, c))).toEqual([first, refresher, third]);
    expect(await passedCourseIds(db, o.wu)).toEqual(new Set([c]));
    expect(await passedCourseIds(db, o.li)).toEqual(new Set());
  });

  it('listItems: member, course and round order; members, departments, roles; open; archived and dropped left out unless asked', async () => {
    const db = await fresh();
    const o = await org(db);
    const c1 = await course(db, 'One');
    const c2 = await course(db, 'Two');
    const i1 = await item(db, o.wu, c1, '2026-11-10');
    const i2 = await item(db, o.wu, c2, '2026-12-31');
    const i3 = await item(db, o.li, c1, '2026-11-01');
    const i4 = await item(db, o.li, c2, '2026-11-05');
    const i5 = await item(db, o.zhao, c1, '2026-11-01');
    await updateItem(db, i3, { completedOn: '2026-10-20', passedOn: '2026-10-20' }, NOW);
    const i6 = await item(db, o.li, c1, '2027-10-20', { source: 'refresher', refreshOf: i3 });
    await updateItem(db, i4, { droppedOn: '2026-11-06', dropReason: 'no longer needed' }, NOW);
    await updateMember(db, o.zhao, { archivedAt: NOW });

    expect(ids(await listItems(db))).toEqual([i3, i6, i1, i2]);
    expect(ids(await listItems(db, { includeArchived: true }))).toEqual([i3, i6, i1, i2, i5]);
    expect(ids(await listItems(db, { includeDropped: true }))).toEqual([i3, i6, i4, i1, i2]);
    expect(ids(await listItems(db, { memberId: o.wu }))).toEqual([i1, i2]);
    expect(ids(await listItems(db, { memberId: o.zhao }))).toEqual([]);
    expect(ids(await listItems(db, { memberId: o.zhao, includeArchived: true }))).toEqual([i5]);
    expect(ids(await listItems(db, { departmentId: o.sales }))).toEqual([i1, i2]);
    expect(ids(await listItems(db, { departmentId: o.sales, includeArchived: true }))).toEqual([i1, i2, i5]);
    expect(ids(await listItems(db, { roleId: o.lead }))).toEqual([i3, i6]);
    expect(ids(await listItems(db, { roleId: o.lead, includeDropped: true }))).toEqual([i3, i6, i4]);
    expect(ids(await listItems(db, { courseId: c1 }))).toEqual([i3, i6, i1]);
    expect(ids(await listItems(db, { open: true }))).toEqual([i6, i1, i2]);
    expect(ids(await listItems(db, { open: true, includeDropped: true }))).toEqual([i6, i1, i2]);
    expect(ids(await listItems(db, { open: true, courseId: c1, roleId: o.agent }))).toEqual([i1]);
  });

  it('listItems by date: due before (the retake date when there is one), passed and completed within [from, to]', async () => {
    const db = await fresh();
    const o = await org(db);
    const c1 = await course(db, 'One');
    const c2 = await course(db, 'Two');
    const c3 = await course(db, 'Three');
    const onTime = await item(db, o.wu, c1, '2026-11-10');
    const retakeSoon = await item(db, o.wu, c2, '2026-12-31');
    const retakeLater = await item(db, o.wu, c3, '2026-11-01');
    const passed = await item(db, o.li, c1, '2026-11-01');
    await updateItem(db, onTime, { completedOn: '2026-11-12' }, NOW);
    await updateItem(db, retakeSoon, { retakeDueOn: '2026-11-15' }, NOW);
    await updateItem(db, retakeLater, { retakeDueOn: '2026-12-01' }, NOW);
    await updateItem(db, passed, { completedOn: '2026-10-20', passedOn: '2026-10-21' }, NOW);

    expect(ids(await listItems(db, { dueBefore: '2026-11-16' }))).toEqual([onTime, retakeSoon]);
    expect(ids(await listItems(db, { dueBefore: '2026-11-15' }))).toEqual([onTime]);
    expect(ids(await listItems(db, { dueBefore: '2026-11-10' }))).toEqual([]);
    expect(ids(await listItems(db, { dueBefore: '2026-12-02' }))).toEqual([onTime, retakeSoon, retakeLater]);
    expect((await listItems(db, { dueBefore: '2026-11-16' })).map((i) => i.due)).toEqual(['2026-11-10', '2026-11-15']);

    expect(ids(await listItems(db, { passedFrom: '2026-10-21' }))).toEqual([passed]);
    expect(ids(await listItems(db, { passedFrom: '2026-10-22' }))).toEqual([]);
    expect(ids(await listItems(db, { passedTo: '2026-10-21' }))).toEqual([passed]);
    expect(ids(await listItems(db, { passedTo: '2026-10-20' }))).toEqual([]);
    expect(ids(await listItems(db, { passedFrom: '2026-10-01', passedTo: '2026-10-31' }))).toEqual([passed]);

    expect(ids(await listItems(db, { completedFrom: '2026-11-12', completedTo: '2026-11-12' }))).toEqual([onTime]);
    expect(ids(await listItems(db, { completedFrom: '2026-10-20' }))).toEqual([passed, onTime]);
    expect(ids(await listItems(db, { completedTo: '2026-11-11' }))).toEqual([passed]);
    expect(ids(await listItems(db, { completedFrom: '2026-11-13' }))).toEqual([]);
  });

  it('untouchedRefreshers: open refresher rounds of the course nobody began, with the pass they repeat', async () => {
    const db = await fresh();
    const o = await org(db);
    const qian = await insertMember(db, { handle: 'qian', name: 'QIAN', roleId: null, departmentId: null, managerId: null, hireDate: null, contact: null, shift: null, status: 'active', now: NOW });
    const sun = await insertMember(db, { handle: 'sun', name: 'SUN', roleId: null, departmentId: null, managerId: null, hireDate: null, contact: null, shift: null, status: 'active', now: NOW });
    const c = await course(db, 'Safety', { refreshMonths: 6 });
    const elsewhere = await course(db, 'Fire drill', { refreshMonths: 6 });
    const refresherOf = async (memberId: number, courseId: number, passedOn: string) => {
      const p = await item(db, memberId, courseId, passedOn);
      await updateItem(db, p, { completedOn: passedOn, passedOn }, NOW);
      return { p, r: await item(db, memberId, courseId, '2027-05-01', { source: 'refresher', refreshOf: p }) };
    };
    const wu = await refresherOf(o.wu, c, '2026-11-01');
    const li = await refresherOf(o.li, c, '2026-11-02');
    const zhao = await refresherOf(o.zhao, c, '2026-11-03');
    const q = await refresherOf(qian, c, '2026-11-04');
    const completed = await refresherOf(sun, c, '2026-11-05');
    await refresherOf(o.wu, elsewhere, '2026-11-06');
    await updateItem(db, li.r, { startedOn: '2026-11-20' }, NOW);
    await insertAssessment(db, { planItemId: zhao.r, memberId: o.zhao, courseId: c, kind: 'theory', score: 40, passed: false, assessorId: null, note: null, assessedOn: '2026-11-20' }, 'lead', NOW);
    await updateItem(db, q.r, { droppedOn: '2026-11-20', dropReason: 'left' }, NOW);
    await updateItem(db, completed.r, { completedOn: '2026-11-20' }, NOW);
    // An open round of the course that is not a refresher.
    const planned = await course(db, 'Planned only');
    await item(db, o.wu, planned, '2026-12-01');

    expect(await untouchedRefreshers(db, c)).toEqual([{ id: wu.r, passedOn: '2026-11-01' }]);
    expect(await untouchedRefreshers(db, planned)).toEqual([]);
    expect((await untouchedRefreshers(db, elsewhere)).map((x) => x.passedOn)).toEqual(['2026-11-06']);
  });
}

function describe_assessments(fresh: () => Promise<Db>): void {
  it('attempts come back camelCase in the order they were made (date, then entry), by round, course, member and date range', async () => {
    const db = await fresh();
    const o = await org(db);
    const c1 = await course(db, 'One');
    const c2 = await course(db, 'Two');
    const wu1 = await item(db, o.wu, c1, '2026-12-01');
    const li1 = await item(db, o.li, c1, '2026-12-01');
    const wu2 = await item(db, o.wu, c2, '2026-12-01');
    const attempt = (a: Partial<NewAssessment> & Pick<NewAssessment, 'planItemId' | 'memberId' | 'courseId' | 'assessedOn'>) =>
      insertAssessment(db, { kind: 'theory', score: 50, passed: false, assessorId: null, note: null, ...a }, 'lead', NOW);
    const late = await attempt({ planItemId: wu1, memberId: o.wu, courseId: c1, assessedOn: '2026-11-10', kind: 'practical', score: 72.5, passed: true, assessorId: o.li, note: 'steady' });
    const early = await attempt({ planItemId: wu1, memberId: o.wu, courseId: c1, assessedOn: '2026-11-05' });
    const sameDay = await attempt({ planItemId: li1, memberId: o.li, courseId: c1, assessedOn: '2026-11-05', kind: 'simulation', score: 0 });
    const two = await attempt({ planItemId: wu2, memberId: o.wu, courseId: c2, assessedOn: '2026-11-07', score: 100, passed: true });

    const all = await listAssessments(db, {});
    expect(ids(all)).toEqual([early, sameDay, two, late]);
    expect(all.find((a) => a.id === late)).toEqual({
      id: late,
      planItemId: wu1,
      memberId: o.wu,
      member: 'wu',
      courseId: c1,
      course: 'One',
      kind: 'practical',
      score: 72.5,
      passed: true,
      assessor: 'li',
      note: 'steady',
      assessedOn: '2026-11-10',
      createdAt: NOW,
    });
    expect(all.find((a) => a.id === sameDay)).toMatchObject({ kind: 'simulation', score: 0, passed: false, assessor: null, note: null });
    expect(ids(await listAssessments(db, { itemIds: [wu1] }))).toEqual([early, late]);
    expect(ids(await listAssessments(db, { itemIds: [wu2, li1] }))).toEqual([sameDay, two]);
    expect(await listAssessments(db, { itemIds: [] })).toEqual([]);
    expect(ids(await listAssessments(db, { courseId: c2 }))).toEqual([two]);
    expect(ids(await listAssessments(db, { memberId: o.li }))).toEqual([sameDay]);
    expect(ids(await listAssessments(db, { departmentId: o.sales }))).toEqual([early, two, late]);
    expect(ids(await listAssessments(db, { roleId: o.lead }))).toEqual([sameDay]);
    expect(ids(await listAssessments(db, { from: '2026-11-07' }))).toEqual([two, late]);
    expect(ids(await listAssessments(db, { to: '2026-11-07' }))).toEqual([early, sameDay, two]);
    expect(ids(await listAssessments(db, { from: '2026-11-06', to: '2026-11-09' }))).toEqual([two]);
    expect(ids(await listAssessments(db, { courseId: c1, from: '2026-11-05', to: '2026-11-05' }))).toEqual([early, sameDay]);
  });

  it('an archived member’s attempts stay in the history unless left out', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await course(db, 'One');
    const i = await item(db, o.zhao, c, '2026-12-01');
    const a = await insertAssessment(db, { planItemId: i, memberId: o.zhao, courseId: c, kind: 'theory', score: 90, passed: true, assessorId: null, note: null, assessedOn: '2026-11-05' }, 'lead', NOW);
    await updateMember(db, o.zhao, { archivedAt: NOW });
    expect(ids(await listAssessments(db, {}))).toEqual([a]);
    expect(ids(await listAssessments(db, { includeArchived: false }))).toEqual([]);
  });
}

function describe_sessions(fresh: () => Promise<Db>): void {
  const session = (courseId: number, over: Partial<NewSession> = {}): NewSession => ({ courseId, date: '2026-12-01', time: '09:00', durationMin: 90, timeZone: 'Asia/Shanghai', trainerId: null, place: null, ...over });

  it('a session comes back camelCase with its attendees (by handle, each once, invited)', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await course(db, 'Returns');
    const id = await insertSession(db, session(c, { trainerId: o.wu, place: 'Room 3', date: '2026-12-02', time: '14:30' }), [o.zhao, o.li, o.zhao], 'lead', NOW);
    expect(await findSession(db, id)).toEqual({
      id,
      courseId: c,
      course: 'Returns',
      date: '2026-12-02',
      time: '14:30',
      durationMin: 90,
      timeZone: 'Asia/Shanghai',
      trainer: 'wu',
      place: 'Room 3',
      attendedAt: null,
      attendees: [
        { memberId: o.li, handle: 'li', name: 'LI', status: 'invited' },
        { memberId: o.zhao, handle: 'zhao', name: 'ZHAO', status: 'invited' },
      ],
      createdAt: NOW,
    });
    const empty = await insertSession(db, session(c), [], 'lead', NOW);
    expect(await findSession(db, empty)).toMatchObject({ id: empty, trainer: null, place: null, attendees: [] });
    expect(await findSession(db, id + 100)).toBeUndefined();
  });

  it('listSessions: by date then time, within [from, to], by course, by invited member (with every attendee)', async () => {
    const db = await fresh();
    const o = await org(db);
    const c1 = await course(db, 'One');
    const c2 = await course(db, 'Two');
    const afternoon = await insertSession(db, session(c1, { date: '2026-12-02', time: '14:00' }), [o.wu, o.li], 'lead', NOW);
    const first = await insertSession(db, session(c2, { date: '2026-12-01', time: '09:00' }), [o.li], 'lead', NOW);
    const morning = await insertSession(db, session(c1, { date: '2026-12-02', time: '09:00' }), [o.zhao], 'lead', NOW);
    const last = await insertSession(db, session(c2, { date: '2026-12-10', time: '08:00' }), [], 'lead', NOW);

    expect(ids(await listSessions(db))).toEqual([first, morning, afternoon, last]);
    expect(ids(await listSessions(db, { from: '2026-12-02' }))).toEqual([morning, afternoon, last]);
    expect(ids(await listSessions(db, { to: '2026-12-02' }))).toEqual([first, morning, afternoon]);
    expect(ids(await listSessions(db, { from: '2026-12-02', to: '2026-12-02' }))).toEqual([morning, afternoon]);
    expect(ids(await listSessions(db, { from: '2026-12-03', to: '2026-12-09' }))).toEqual([]);
    expect(ids(await listSessions(db, { courseId: c2 }))).toEqual([first, last]);
    expect(ids(await listSessions(db, { courseId: c1, from: '2026-12-02', to: '2026-12-02' }))).toEqual([morning, afternoon]);
    expect(ids(await listSessions(db, { ids: [last, first] }))).toEqual([first, last]);
    expect(await listSessions(db, { ids: [] })).toEqual([]);
    const li = await listSessions(db, { memberId: o.li });
    expect(ids(li)).toEqual([first, afternoon]);
    expect(li.map((s) => s.attendees.map((a) => a.handle))).toEqual([['li'], ['li', 'wu']]);
    const dated = await listSessions(db, { to: '2026-12-01' });
    expect(dated.map((s) => s.attendees.map((a) => a.handle))).toEqual([['li']]);
    expect(ids(await listSessions(db, { memberId: o.li, courseId: c1 }))).toEqual([afternoon]);
  });

  it('markAttendance sets each status, adds members not invited, overwrites a second time, and stamps the session', async () => {
    const db = await fresh();
    const o = await org(db);
    const c = await course(db, 'Returns');
    const id = await insertSession(db, session(c), [o.wu, o.li], 'lead', NOW);
    const other = await insertSession(db, session(c, { date: '2026-12-03' }), [o.wu], 'lead', NOW);
    await markAttendance(db, id, new Map([[o.wu, 'present'], [o.zhao, 'absent']] as const), LATER);
    expect(await findSession(db, id)).toMatchObject({
      attendedAt: LATER,
      attendees: [
        { memberId: o.li, handle: 'li', status: 'invited' },
        { memberId: o.wu, handle: 'wu', status: 'present' },
        { memberId: o.zhao, handle: 'zhao', status: 'absent' },
      ],
    });
    await markAttendance(db, id, new Map([[o.wu, 'absent'], [o.li, 'present']] as const), '2026-11-25T10:00:00.000Z');
    const again = await findSession(db, id);
    expect(again?.attendedAt).toBe('2026-11-25T10:00:00.000Z');
    expect(again?.attendees.map((a) => [a.handle, a.status])).toEqual([
      ['li', 'present'],
      ['wu', 'absent'],
      ['zhao', 'absent'],
    ]);
    expect(await findSession(db, other)).toMatchObject({ attendedAt: null, attendees: [{ handle: 'wu', status: 'invited' }] });
  });
}
