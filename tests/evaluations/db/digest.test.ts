/**
 * What the reports read of the evaluations, on every engine: an open cycle's
 * gaps (a KPI value missing, through the partial index of missing items; self,
 * lead and peer scores) and a closed cycle's grades, per department or member;
 * `only: 'open'` (reminders) reads the month's cycle alone, and nothing of a
 * closed one. Bounded: as many statements for three times the team.
 */
import { expect, it } from 'vitest';
import type { Db } from '../../../src/db/sql.js';
import { insertCycle, insertEvaluation, insertItem, setItemValue, setPeer, updateCycle, updateEvaluation, type ItemValues } from '../../../src/evaluations/cycles.repository.js';
import { digestCounts, gradeCounts } from '../../../src/evaluations/digest.repository.js';
import { getEvaluationDigest } from '../../../src/evaluations/digest.service.js';
import type { Grade, Weights } from '../../../src/evaluations/rules/cycle.js';
import { insertDepartment } from '../../../src/org/departments.repository.js';
import { insertMember } from '../../../src/org/members.repository.js';
import type { ServiceOptions } from '../../../src/shared/service.js';
import { describeEngines, recording } from '../../engines.js';

const NOW = '2026-12-01T12:00:00.000Z';
const GRADES: Grade[] = [
  { name: 'A', min: 90 },
  { name: 'B', min: 75 },
  { name: 'C', min: 60 },
  { name: 'D', min: 0 },
];
const MIXED: Weights = { kpi: 70, self: 10, peer: 10, lead: 10 };

const item = (name: string, position: number): ItemValues => ({ kpiId: null, position, name, unit: '%', direction: 'higher', target: 95, targetHigh: null, threshold: 60, thresholdHigh: null, bands: null, weight: 50, source: null, goalMetric: null, goalUse: null, seasons: [] });

interface Expected {
  evaluations: number;
  missingValues: number;
  missingSelf: number;
  missingLead: number;
  missingPeer: number;
}

/** `s` times over: members of two departments, October closed with grades, November open with some values, self, lead and peer scores missing. */
async function build(db: Db, s: number) {
  const sales = await insertDepartment(db, { name: 'Sales', description: null, now: NOW });
  const support = await insertDepartment(db, { name: 'Support', description: null, now: NOW });
  const october = await insertCycle(db, { period: '2026-10', from: '2026-10-01', to: '2026-10-31', weights: MIXED, grades: GRADES }, 'lead', NOW);
  const november = await insertCycle(db, { period: '2026-11', from: '2026-11-01', to: '2026-11-30', weights: MIXED, grades: GRADES }, 'lead', NOW);
  const expected = new Map<number, Expected>([
    [0, { evaluations: 0, missingValues: 0, missingSelf: 0, missingLead: 0, missingPeer: 0 }],
    [sales, { evaluations: 0, missingValues: 0, missingSelf: 0, missingLead: 0, missingPeer: 0 }],
    [support, { evaluations: 0, missingValues: 0, missingSelf: 0, missingLead: 0, missingPeer: 0 }],
  ]);
  const grades = new Map<number, Map<string, number>>([[0, new Map()], [sales, new Map()], [support, new Map()]]);
  const members: number[] = [];
  for (let i = 0; i < 6 * s; i++) {
    const dept = i % 3 === 0 ? support : sales;
    const m = await insertMember(db, { handle: `m${String(i).padStart(3, '0')}`, name: `M${i}`, roleId: null, departmentId: dept, managerId: null, hireDate: null, contact: null, shift: 'day', status: 'active', now: NOW });
    members.push(m);
    const old = await insertEvaluation(db, { cycleId: october, memberId: m, roleId: null, departmentId: dept }, NOW);
    const grade = GRADES[i % 3]!.name;
    await updateEvaluation(db, old, { finalScore: 80, grade }, NOW);
    for (const key of [0, dept]) grades.get(key)!.set(grade, (grades.get(key)!.get(grade) ?? 0) + 1);
    const e = await insertEvaluation(db, { cycleId: november, memberId: m, roleId: null, departmentId: dept }, NOW);
    // Two KPIs: both recorded, one, or none.
    const recorded = i % 3;
    for (const [p, name] of ['Quality', 'Speed'].entries()) {
      const id = await insertItem(db, e, item(name, p + 1));
      if (p < recorded) await setItemValue(db, id, { value: 90, source: 'manual', goalId: null }, 'lead', NOW);
    }
    if (i % 2 === 0) await updateEvaluation(db, e, { selfScore: 80 }, NOW);
    if (i % 4 === 0) await updateEvaluation(db, e, { leadScore: 70 }, NOW);
    if (i % 5 === 0 && i > 0) await setPeer(db, e, members[0]!, 75, null, NOW);
    for (const key of [0, dept]) {
      const x = expected.get(key)!;
      x.evaluations++;
      if (recorded < 2) x.missingValues++;
      if (i % 2 !== 0) x.missingSelf++;
      if (i % 4 !== 0) x.missingLead++;
      if (!(i % 5 === 0 && i > 0)) x.missingPeer++;
    }
  }
  await updateCycle(db, october, { state: 'closed', closedAt: NOW }, NOW);
  return { sales, support, october, november, members, expected, grades };
}

const options = (db: Db): ServiceOptions => ({ db, now: new Date(NOW), today: '2026-12-01', actor: 'test' });

describeEngines('evaluations digest', (fresh) => {
  it('an open cycle\'s gaps, for everyone, a department, a member; a closed cycle\'s grades', async () => {
    const db = await fresh();
    const t = await build(db, 2);
    expect(await digestCounts(db, t.november, {})).toEqual(t.expected.get(0));
    expect(await digestCounts(db, t.november, { departmentId: t.sales })).toEqual(t.expected.get(t.sales));
    expect(await digestCounts(db, t.november, { departmentId: t.support })).toEqual(t.expected.get(t.support));
    // m001: one KPI recorded (a value missing), no self, no lead, no peer.
    expect(await digestCounts(db, t.november, { memberId: t.members[1]! })).toEqual({ evaluations: 1, missingValues: 1, missingSelf: 1, missingLead: 1, missingPeer: 1 });
    // m002: both recorded.
    expect((await digestCounts(db, t.november, { memberId: t.members[2]! })).missingValues).toBe(0);
    const asRows = (m: Map<string, number>) => [...m].map(([grade, n]) => ({ grade, n })).sort((a, b) => (a.grade < b.grade ? -1 : 1));
    expect(await gradeCounts(db, t.october, {})).toEqual(asRows(t.grades.get(0)!));
    expect(await gradeCounts(db, t.october, { departmentId: t.support })).toEqual(asRows(t.grades.get(t.support)!));
  });

  it('only \'open\': the month\'s cycle while open, no last closed one, and nothing read of a closed cycle', async () => {
    const db = await fresh();
    const t = await build(db, 1);
    const o = options(db);
    const full = await getEvaluationDigest(o, { period: '2026-11' });
    expect(full.lastClosed?.grades.length).toBeGreaterThan(0);
    const c = recording(db);
    const open = await getEvaluationDigest({ ...o, db: c.db }, { period: '2026-11', only: 'open' });
    expect(open).toEqual({ current: full.current, lastClosed: null });
    // The cycle, then its counts: no list of cycles, no grades.
    expect(c.log).toHaveLength(2);
    c.log.length = 0;
    expect(await getEvaluationDigest({ ...o, db: c.db }, { period: '2026-10', only: 'open' })).toEqual({ current: null, lastClosed: null });
    expect(c.log).toHaveLength(1);
    expect(await getEvaluationDigest(o, { period: '2026-09', only: 'open' })).toEqual({ current: null, lastClosed: null });
    expect((await getEvaluationDigest(o, { period: '2026-11', dept: 'Sales', only: 'open' })).current).toMatchObject(t.expected.get(t.sales)!);
  });

  it('bounded: as many statements for three times the team', async () => {
    const counts: number[] = [];
    for (const s of [1, 3]) {
      const db = await fresh();
      await build(db, s);
      const c = recording(db);
      const o = { ...options(db), db: c.db };
      await getEvaluationDigest(o, { period: '2026-11' });
      await getEvaluationDigest(o, { period: '2026-11', dept: 'Support' });
      await getEvaluationDigest(o, { period: '2026-11', member: 'm001', only: 'open' });
      counts.push(c.log.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
