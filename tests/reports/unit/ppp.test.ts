/** buildPpp: a line per kind only when its count is not zero, items cut at the limit. */
import { describe, expect, it } from 'vitest';
import { buildPpp, type PppInput } from '../../../src/reports/rules/ppp.js';

type Report = PppInput['report'];
const goal = (id: number, title: string, status: string, extra: Record<string, unknown> = {}) => ({ id, title, status, stale: false, state: 'open', due: '2026-12-01', ...extra });
const cycle = (state: 'open' | 'closed', to = '2026-11-30', missingValues = 0) => ({ period: to.slice(0, 7), from: `${to.slice(0, 7)}-01`, to, state, missingValues, evaluations: 3 });

function report(over: Record<string, unknown> = {}): Report {
  const base = {
    week: '2026-W48',
    from: '2026-11-23',
    to: '2026-11-29',
    asOf: '2026-11-27',
    dept: null,
    goals: { total: 0, counts: {}, stale: 0, items: [] },
    overdueGoals: { total: 0, items: [] },
    changes: { checkins: { total: 0, items: [] }, closed: { total: 0, items: [] } },
    meetings: { totals: { scheduled: 0, held: 0, missed: 0, absentMembers: 0 }, meetings: [], absences: [], nextWeek: 0 },
    actions: { open: 0, overdue: 0, dueNextWeek: 0, items: [] },
    training: { passed: { total: 0, items: [] }, due: { total: 0, items: [] }, dueNextWeek: { total: 0, items: [] }, overdue: { total: 0, items: [] }, sessions: [], nextSessions: [] },
    evaluations: { current: null, lastClosed: null },
  };
  return { ...base, ...over } as unknown as Report;
}
const input = (r: Report, over: Partial<PppInput> = {}): PppInput => ({ report: r, next: { week: '2026-W49', from: '2026-11-30', to: '2026-12-06' }, goalsDueNextWeek: { total: 0, items: [] }, staleGoals: r.goals.items.filter((g) => g.stale), actionsDueNextWeek: { total: 0, items: [] }, overdueActions: { total: 0, items: [] }, today: '2026-11-27', limit: 10, ...over });

describe('buildPpp', () => {
  it('an empty week: three empty lists', () => {
    expect(buildPpp(input(report()))).toEqual({ plans: [], progress: [], problems: [] });
  });

  it('a line for each count above zero, in the kinds\' order', () => {
    const items = [goal(1, 'Off', 'off-track'), goal(2, 'Risk', 'at-risk', { stale: true }), goal(3, 'Done', 'done')];
    const r = report({
      goals: { total: 3, counts: { 'off-track': 1, 'at-risk': 1, done: 1 }, stale: 1, items },
      overdueGoals: { total: 2, items: [goal(4, 'Late', 'missed')] },
      changes: { checkins: { total: 5, items: [{ goalId: 1 }, { goalId: 1 }, { goalId: 2 }] }, closed: { total: 1, items: [goal(5, 'Won', 'done', { state: 'achieved' })] } },
      meetings: { totals: { scheduled: 4, held: 3, missed: 1, absentMembers: 1 }, meetings: [{ title: 'Morning', missed: 1 }], absences: [{ name: 'Zheng', absent: 2 }], nextWeek: 6 },
      evaluations: { current: cycle('open', '2026-11-30', 2), lastClosed: null },
    });
    const p = buildPpp(input(r, { goalsDueNextWeek: { total: 1, items: [goal(6, 'Next', 'on-track')] } as never, overdueActions: { total: 1, items: [{ text: 'Fix', owner: 'wu' }] } as never }));
    expect(p.plans.map((l) => [l.kind, l.count])).toEqual([
      ['goalsDue', 1],
      ['meetings', 6],
      ['cycleCloses', 1],
    ]);
    expect(p.plans.find((l) => l.kind === 'cycleCloses')).toEqual({ kind: 'cycleCloses', count: 1, items: ['2026-11'], of: '2026-11-30' });
    expect(p.progress).toEqual([
      { kind: 'goalsAchieved', count: 1, items: ['Won'] },
      { kind: 'goalsDone', count: 1, items: ['Done'] },
      { kind: 'checkins', count: 5, items: [], of: 2 },
      { kind: 'meetingsHeld', count: 3, items: [], of: 4 },
    ]);
    expect(p.problems.map((l) => [l.kind, l.count, l.items])).toEqual([
      ['goalsOffTrack', 1, ['Off']],
      ['goalsAtRisk', 1, ['Risk']],
      ['goalsOverdue', 2, ['Late']],
      ['goalsStale', 1, ['Risk']],
      ['actionsOverdue', 1, ['Fix (wu)']],
      ['meetingsMissed', 1, ['Morning']],
      ['absences', 1, ['Zheng ×2']],
      ['evalMissing', 2, []],
    ]);
  });

  it('no cycleCloses line for a month closing after next week, or a closed one; no evalMissing at zero', () => {
    const later = buildPpp(input(report({ evaluations: { current: cycle('open', '2026-12-31'), lastClosed: null } })));
    expect(later).toEqual({ plans: [], progress: [], problems: [] });
    const closed = buildPpp(input(report({ evaluations: { current: cycle('closed'), lastClosed: null } })));
    expect(closed.plans).toEqual([]);
  });

  it('items are cut at the limit; the count stays whole', () => {
    const overdue = Array.from({ length: 15 }, (_, i) => ({ text: `T${i}`, owner: 'wu' }));
    const p = buildPpp(input(report(), { overdueActions: { total: 15, items: overdue } as never, limit: 10 }));
    expect(p.problems[0]).toMatchObject({ kind: 'actionsOverdue', count: 15 });
    expect(p.problems[0]!.items).toHaveLength(10);
    expect(buildPpp(input(report(), { overdueActions: { total: 15, items: overdue } as never, limit: Infinity })).problems[0]!.items).toHaveLength(15);
  });
});
