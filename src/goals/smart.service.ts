/** The SMART lint with its history: earlier goals and check-ins on the same metric and owner. */
import { listPastGoalsOnMetric } from './repository.js';
import { listCheckins } from './checkins.repository.js';
import type { Queryable } from '../db/sql.js';
import type { Goal, OwnerType } from './rules/goal.js';
import { lintSmart, type SmartDraft, type SmartReport } from './rules/smart.js';

export type SmartVerdict = SmartReport;

export async function lintDraft(q: Queryable, draft: SmartDraft, owner: { type: OwnerType; id: number | null }, today: string, excludeId: number | null): Promise<SmartVerdict> {
  const history: { values: { date: string; value: number }[]; pastGoals: { baseline: number; target: number; start: string; due: string }[] } = { values: [], pastGoals: [] };
  if (draft.metric) {
    const past = await listPastGoalsOnMetric(
      q,
      draft.metric,
      { type: owner.type, memberId: owner.type === 'member' ? owner.id : null, departmentId: owner.type === 'department' ? owner.id : null },
      excludeId,
    );
    for (const g of past) {
      if (g.start && g.due && g.baseline !== null && g.target !== null) history.pastGoals.push({ baseline: g.baseline, target: g.target, start: g.start, due: g.due });
    }
    history.values = (await listCheckins(q, past.map((g) => g.id))).map((c) => ({ date: c.date, value: c.value })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return lintSmart(draft, { today, history });
}

export function draftOf(g: Goal): SmartDraft {
  return {
    title: g.title,
    metric: g.metric,
    unit: g.unit,
    baseline: g.baseline,
    target: g.target,
    direction: g.direction,
    start: g.start,
    due: g.due,
    parentId: g.parentId,
    relevance: g.relevance,
  };
}

/** `team goals check`: the lint of a stored goal. */
export function lintGoal(q: Queryable, g: Goal, today: string): Promise<SmartVerdict> {
  return lintDraft(q, draftOf(g), { type: g.ownerType, id: g.ownerId }, today, g.id);
}
