/** The goals repository on a migrated database: camelCase records in, Goals and check-ins out, one query per read. */
import { expect, it } from 'vitest';
import type { Db } from '../../../src/db/sql.js';
import { findGoalById, insertGoal, listDescendants, listGoals, updateGoal, type GoalRecord } from '../../../src/goals/repository.js';
import { eachCheckinPoint, findCheckinAsOf, findLastCheckin, insertCheckin, listCheckins } from '../../../src/goals/checkins.repository.js';
import { insertEvent, insertReview, listEvents, listReviews } from '../../../src/goals/history.repository.js';
import { insertDepartment } from '../../../src/org/departments.repository.js';
import { describeEngines } from '../../engines.js';

const NOW = '2026-11-23T12:00:00.000Z';

const record = (over: Partial<GoalRecord> = {}): GoalRecord => ({
  title: 'Q4 Tmall GMV ¥300,000',
  ownerType: 'team',
  ownerMemberId: null,
  ownerDepartmentId: null,
  metric: 'GMV',
  unit: '¥',
  kind: 'additive',
  decimals: 2,
  baseline: null,
  target: 300000,
  direction: 'increase',
  start: '2026-10-01',
  due: '2026-12-31',
  horizon: 'quarter',
  term: 'short',
  relevance: 'annual plan',
  parentId: null,
  weight: null,
  periodLabel: null,
  draft: false,
  cadenceDays: 7,
  state: 'open',
  finalValue: null,
  closedAt: null,
  lastValue: null,
  lastCheckinDate: null,
  archivedAt: null,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

async function family(db: Db): Promise<{ parent: number; kids: number[] }> {
  const parent = await insertGoal(db, record());
  const kids = [];
  for (const w of [2, 1]) kids.push(await insertGoal(db, record({ title: `child ${w}`, parentId: parent, weight: w, target: 100000 * w })));
  return { parent, kids };
}

describeEngines('goals repository', (fresh) => {
  it('a record goes in camelCase and comes back as a Goal, with its owner and live child count', async () => {
    const db = await fresh();
    const dept = await insertDepartment(db, { name: 'Customer service', description: null, now: NOW });
    const { parent } = await family(db);
    const own = await insertGoal(db, record({ title: 'CSAT 95%', ownerType: 'department', ownerDepartmentId: dept, unit: '%', kind: 'rate', decimals: 1, draft: true }));
    expect(await findGoalById(db, parent)).toMatchObject({ id: parent, ownerType: 'team', owner: 'team', start: '2026-10-01', due: '2026-12-31', childCount: 2, draft: false });
    expect(await findGoalById(db, own)).toMatchObject({ ownerType: 'department', ownerId: dept, owner: 'Customer service', ownerName: 'Customer service', draft: true });
    expect(await updateGoal(db, own, { draft: false, target: 96, due: '2026-12-15' })).toBe(true);
    expect(await findGoalById(db, own)).toMatchObject({ draft: false, target: 96, due: '2026-12-15' });
    expect((await listGoals(db, { ownerDepartmentId: dept })).map((g) => g.id)).toEqual([own]);
  });

  it('descendants come parents first; archived children leave the count and the cascade', async () => {
    const db = await fresh();
    const { parent, kids } = await family(db);
    const grandchild = await insertGoal(db, record({ title: 'grandchild', parentId: kids[0]!, target: 50000 }));
    expect((await listDescendants(db, [parent])).map((g) => g.id)).toEqual([...kids, grandchild]);
    await updateGoal(db, kids[1]!, { archivedAt: NOW });
    expect((await findGoalById(db, parent))!.childCount).toBe(1);
    expect((await listDescendants(db, [parent])).map((g) => g.id)).toEqual([kids[0], grandchild]);
  });

  it('check-ins: the latest by date, as of a date, and streamed by goal whatever the number of goals', async () => {
    const db = await fresh();
    const { kids } = await family(db);
    const [a, b] = kids as [number, number];
    for (const [goalId, date, value] of [[a, '2026-11-20', 70000], [a, '2026-11-01', 60000], [b, '2026-11-10', 40000], [a, '2026-11-20', 71000]] as const) {
      await insertCheckin(db, { goalId, date, value, note: null, actor: 'lead', createdAt: NOW });
    }
    expect(await findLastCheckin(db, a)).toMatchObject({ goalId: a, date: '2026-11-20', value: 71000, actor: 'lead', createdAt: NOW });
    expect(await findCheckinAsOf(db, a, '2026-11-15')).toMatchObject({ date: '2026-11-01', value: 60000 });
    expect((await listCheckins(db, [a])).map((c) => c.value)).toEqual([60000, 70000, 71000]);
    const seen: [number, string, number][] = [];
    await eachCheckinPoint(db, [b, a], (goalId, date, value) => seen.push([goalId, date, value]));
    expect(seen).toEqual([[a, '2026-11-01', 60000], [a, '2026-11-20', 70000], [a, '2026-11-20', 71000], [b, '2026-11-10', 40000]]);
    // Past the IN-list limit the same stream reads by id range, dropping goals outside the set.
    const many = [b, ...Array.from({ length: 600 }, (_, i) => 100000 + i)];
    const ranged: number[] = [];
    await eachCheckinPoint(db, many, (goalId) => ranged.push(goalId));
    expect(ranged).toEqual([b]);
  });

  it('the audit trail and reviews, in camelCase', async () => {
    const db = await fresh();
    const { parent } = await family(db);
    await insertEvent(db, { goalId: parent, at: NOW, actor: 'boss', field: 'target', old: '300000', new: '320000' });
    await insertReview(db, { goalId: parent, kind: 'lead', text: 'Achieved', score: 5, outcome: 'reward', outcomeNote: '服务之星', actor: 'boss', createdAt: NOW });
    expect(await listEvents(db, parent)).toEqual([{ id: expect.any(Number), goalId: parent, at: NOW, actor: 'boss', field: 'target', old: '300000', new: '320000' }]);
    expect(await listReviews(db, parent)).toEqual([{ id: expect.any(Number), goalId: parent, kind: 'lead', text: 'Achieved', score: 5, outcome: 'reward', outcomeNote: '服务之星', actor: 'boss', createdAt: NOW }]);
  });
});
