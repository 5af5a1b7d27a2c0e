import type { SmartContext, SmartDraft } from '../../../src/goals/rules/smart.js';

/** A goal that passes every SMART check. */
export const goodGoal: SmartDraft = {
  title: 'Q2 天猫店 GMV 提升 20%',
  metric: 'GMV',
  unit: '元',
  baseline: 100,
  target: 120,
  direction: 'increase',
  start: '2026-04-01',
  due: '2026-06-30',
  parentId: null,
  relevance: '年度 GMV 目标的第二季度',
};

export const noHistory: SmartContext = { today: '2026-04-01', history: { values: [], pastGoals: [] } };

/** +60 % in 60 days: 30 % per 30 days. */
export const steep: SmartDraft = { ...goodGoal, baseline: 100, target: 160, start: '2026-01-01', due: '2026-03-02' };

export function withHistory(
  values: SmartContext['history']['values'],
  pastGoals: SmartContext['history']['pastGoals'] = [],
): SmartContext {
  return { today: '2026-01-01', history: { values, pastGoals } };
}

/** One scenario per code, so tests can check every code is reachable and its message placeholders are filled. */
export const scenarios: Array<{ goal: SmartDraft; context: SmartContext }> = [
  { goal: { ...goodGoal, title: '提高销售额', metric: null, target: null, direction: null, due: null, relevance: null }, context: noHistory },
  { goal: { ...goodGoal, target: 100 }, context: noHistory },
  { goal: { ...goodGoal, target: 80 }, context: noHistory },
  { goal: { ...goodGoal, due: '2026-03-01' }, context: noHistory },
  { goal: steep, context: withHistory([{ date: '2025-10-01', value: 100 }, { date: '2025-10-31', value: 110 }]) },
  { goal: steep, context: withHistory([{ date: '2025-10-01', value: 100 }, { date: '2025-10-31', value: 90 }]) },
  { goal: steep, context: withHistory([], [{ baseline: 100, target: 110, start: '2025-01-01', due: '2025-01-31' }]) },
];
