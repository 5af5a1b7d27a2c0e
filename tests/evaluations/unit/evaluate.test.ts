/** One evaluation scored from what is recorded in it (hand-built heads, items, peers and cycles), a cycle's team and department ranks, the peers' mean and a cycle's length. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADES, type Weights } from '../../../src/evaluations/rules/cycle.js';
import { cycleDays, peerMean, rankCycle, scoreEvaluation } from '../../../src/evaluations/rules/evaluate.js';
import type { Cycle, EvaluationHead, Item, Peer } from '../../../src/evaluations/rules/evaluation.js';
import type { Band, ScoreRule } from '../../../src/evaluations/rules/scoring.js';

const WEIGHTS_70_10_10_10: Weights = { kpi: 70, self: 10, peer: 10, lead: 10 };

const cycle = (over: Partial<Cycle> = {}): Cycle => ({
  id: 1,
  period: '2026-11',
  from: '2026-11-01',
  to: '2026-11-30',
  weights: WEIGHTS_70_10_10_10,
  grades: [...DEFAULT_GRADES],
  state: 'open',
  closedAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...over,
});

const head = (over: Partial<EvaluationHead> = {}): EvaluationHead => ({
  id: 1,
  cycleId: 1,
  period: '2026-11',
  memberId: 1,
  handle: 'wu',
  name: 'Wu Xue',
  roleId: 1,
  role: 'Customer service specialist (pre-sale)',
  departmentId: 1,
  department: 'Customer service',
  selfScore: null,
  selfComment: null,
  leadScore: null,
  leadComment: null,
  adjust: 0,
  adjustReason: null,
  reviewer: null,
  reviewedAt: null,
  kpiScore: null,
  finalScore: null,
  grade: null,
  ...over,
});

const lower = (target: number, threshold: number): ScoreRule => ({ direction: 'lower', target, targetHigh: null, threshold, thresholdHigh: null, bands: null });
const higher = (target: number, threshold: number): ScoreRule => ({ direction: 'higher', target, targetHigh: null, threshold, thresholdHigh: null, bands: null });
const bandsLower = (bands: Band[]): ScoreRule => ({ direction: 'lower', target: bands[0]!.bound, targetHigh: null, threshold: null, thresholdHigh: null, bands });

let nextId = 1;
const item = (name: string, weight: number, rule: ScoreRule, value: number | null, over: Partial<Item> = {}): Item => ({
  id: nextId,
  evaluationId: 1,
  kpiId: nextId,
  position: nextId++,
  name,
  unit: null,
  weight,
  source: null,
  goalMetric: null,
  goalUse: null,
  seasons: [],
  value,
  valueSource: value === null ? null : 'manual',
  goalId: null,
  recordedAt: value === null ? null : '2026-12-01T09:00:00.000Z',
  ...rule,
  ...over,
});

const peer = (by: string, score: number): Peer => ({ evaluationId: 1, byMemberId: by.length, by, score, comment: null });

describe('cycleDays', () => {
  it('counts the days of the cycle, both ends included', () => {
    expect(cycleDays({ from: '2026-11-01', to: '2026-11-30' })).toBe(30);
    expect(cycleDays({ from: '2026-12-01', to: '2026-12-31' })).toBe(31);
    expect(cycleDays({ from: '2028-02-01', to: '2028-02-29' })).toBe(29);
    expect(cycleDays({ from: '2027-02-01', to: '2027-02-28' })).toBe(28);
  });
});

describe('peerMean', () => {
  it('is null without a peer score', () => {
    expect(peerMean([])).toBeNull();
  });

  it('is the mean of the peers’ scores, to two decimals', () => {
    expect(peerMean([peer('zheng', 80)])).toBe(80);
    expect(peerMean([peer('zheng', 80), peer('zhou', 90)])).toBe(85);
    expect(peerMean([peer('zheng', 80), peer('zhou', 90), peer('li', 95)])).toBe(88.33);
    expect(peerMean([peer('zheng', 0), peer('zhou', 0)])).toBe(0);
  });
});

describe('scoreEvaluation', () => {
  // Response time 60 s on 30 (100) .. 90 (0) scores 50; conversion 4 % on 1 (0) .. 5 (100) scores 75.
  const response = (value: number | null) => item('First response time', 40, lower(30, 90), value);
  const conversion = (value: number | null) => item('Inquiry conversion', 60, higher(5, 1), value);

  it('scores each KPI, its weighted share, the parts, the final score and the grade', () => {
    const s = scoreEvaluation(head({ selfScore: 90, leadScore: 70 }), [response(60), conversion(4)], [peer('zheng', 80), peer('zhou', 90)], cycle());
    expect(s.items.map((i) => [i.name, i.score, i.weighted])).toEqual([
      ['First response time', 50, 20],
      ['Inquiry conversion', 75, 45],
    ]);
    // kpi 65 × 0.7 + self 90 × 0.1 + peer 85 × 0.1 + lead 70 × 0.1 = 45.5 + 9 + 8.5 + 7.
    expect(s.parts).toEqual({ kpi: 65, self: 90, peer: 85, lead: 70 });
    expect(s.finalScore).toBe(70);
    expect(s.grade).toBe('C');
    expect(s.missing).toEqual([]);
    expect(s.missingParts).toEqual([]);
    expect(s.peers.map((p) => p.by)).toEqual(['zheng', 'zhou']);
  });

  it('adds the lead’s adjustment before grading', () => {
    const s = scoreEvaluation(head({ selfScore: 90, leadScore: 70, adjust: 5 }), [response(60), conversion(4)], [peer('zheng', 85)], cycle());
    expect(s.finalScore).toBe(75);
    expect(s.grade).toBe('B');
  });

  it('grades by the cycle’s own grades', () => {
    const passFail = [
      { name: 'pass', min: 60 },
      { name: 'fail', min: 0 },
    ];
    const s = scoreEvaluation(head(), [response(60), conversion(4)], [], cycle({ weights: { kpi: 100, self: 0, peer: 0, lead: 0 }, grades: passFail }));
    expect(s.finalScore).toBe(65);
    expect(s.grade).toBe('pass');
  });

  it('lists what is missing: the KPI names without a value first, then the parts without a score', () => {
    const s = scoreEvaluation(head({ leadScore: 80 }), [response(null), conversion(4)], [], cycle());
    expect(s.missing).toEqual(['First response time', 'self', 'peer']);
    expect(s.missingParts).toEqual(['kpi', 'self', 'peer']);
    expect(s.items.map((i) => [i.score, i.weighted])).toEqual([
      [null, null],
      [75, 45],
    ]);
    expect(s.parts).toEqual({ kpi: null, self: null, peer: null, lead: 80 });
    expect(s.finalScore).toBeNull();
    expect(s.grade).toBeNull();
  });

  it('an evaluation with nothing recorded misses every KPI and every weighted part', () => {
    const s = scoreEvaluation(head(), [response(null), conversion(null)], [], cycle());
    expect(s.missing).toEqual(['First response time', 'Inquiry conversion', 'self', 'peer', 'lead']);
    expect(s.missingParts).toEqual(['kpi', 'self', 'peer', 'lead']);
  });

  it('parts weighing 0 are not missing, nor are KPI values when the KPI score weighs 0', () => {
    expect(scoreEvaluation(head(), [response(60), conversion(null)], [], cycle({ weights: { kpi: 100, self: 0, peer: 0, lead: 0 } })).missing).toEqual(['Inquiry conversion']);
    const leadOnly = scoreEvaluation(head({ leadScore: 80 }), [response(null)], [], cycle({ weights: { kpi: 0, self: 0, peer: 0, lead: 100 } }));
    expect(leadOnly.missing).toEqual([]);
    expect(leadOnly.missingParts).toEqual([]);
    expect(leadOnly.finalScore).toBe(80);
    expect(leadOnly.grade).toBe('B');
  });

  it('a KPI that a season covers in part scores pro rata over the cycle’s days', () => {
    // 50 s: 0 by the normal bands, 100 by 双11's ≤60 for 11 of November's 30 days → 36.67.
    const base = bandsLower([
      { bound: 30, score: 100 },
      { bound: 45, score: 80 },
    ]);
    const double11 = bandsLower([{ bound: 60, score: 100 }]);
    const it1 = item('First response time', 100, base, 50, { seasons: [{ season: '双11', days: 11, rule: double11 }] });
    const s = scoreEvaluation(head(), [it1], [], cycle({ weights: { kpi: 100, self: 0, peer: 0, lead: 0 } }));
    expect(s.items[0]).toMatchObject({ score: 36.67, weighted: 36.67 });
    expect(s.parts.kpi).toBe(36.67);
    expect(s.finalScore).toBe(36.7);
    expect(s.grade).toBe('D');
    // The same share of a 31-day month is smaller: 11/31 × 100.
    const december = scoreEvaluation(head(), [it1], [], cycle({ period: '2026-12', from: '2026-12-01', to: '2026-12-31', weights: { kpi: 100, self: 0, peer: 0, lead: 0 } }));
    expect(december.items[0]!.score).toBe(35.48);
  });

  it('keeps a weighted share to two decimals', () => {
    // 1 of 0..3 scores 33.33; at weight 25 its share is 8.3325 → 8.33.
    const s = scoreEvaluation(head(), [item('A', 25, higher(3, 0), 1), item('B', 75, higher(3, 0), 3)], [], cycle({ weights: { kpi: 100, self: 0, peer: 0, lead: 0 } }));
    expect(s.items.map((i) => i.weighted)).toEqual([8.33, 75]);
    expect(s.parts.kpi).toBe(83.33);
    expect(s.finalScore).toBe(83.3);
  });

  it('does not change the items it is given', () => {
    const items = [response(60)];
    scoreEvaluation(head(), items, [], cycle());
    expect(items[0]).not.toHaveProperty('score');
  });
});

describe('rankCycle', () => {
  const row = (name: string, finalScore: number | null, departmentId: number | null) => ({ name, finalScore, departmentId });

  it('ranks the team and each department, ties sharing a rank; no score, no rank', () => {
    const rows = [row('a', 90, 1), row('b', 88.5, 2), row('c', 88.5, 1), row('d', 70, 1), row('e', null, 2), row('f', 95, 2)];
    const ranks = rankCycle(rows);
    expect(rows.map((r) => [r.name, ranks.get(r)])).toEqual([
      ['a', { rank: 2, departmentRank: 1 }],
      ['b', { rank: 3, departmentRank: 2 }],
      ['c', { rank: 3, departmentRank: 2 }],
      ['d', { rank: 5, departmentRank: 3 }],
      ['e', { rank: null, departmentRank: null }],
      ['f', { rank: 1, departmentRank: 1 }],
    ]);
  });

  it('a department tie skips the next department rank (1, 1, 3)', () => {
    const rows = [row('a', 80, 1), row('b', 80, 1), row('c', 75, 1), row('d', 99, 2)];
    const ranks = rankCycle(rows);
    expect(rows.map((r) => ranks.get(r)!.departmentRank)).toEqual([1, 1, 3, 1]);
    expect(rows.map((r) => ranks.get(r)!.rank)).toEqual([2, 2, 4, 1]);
  });

  it('gives every row an entry, even an empty cycle none', () => {
    expect(rankCycle([]).size).toBe(0);
    const rows = [row('a', null, null), row('b', null, 1)];
    expect([...rankCycle(rows).values()]).toEqual([
      { rank: null, departmentRank: null },
      { rank: null, departmentRank: null },
    ]);
  });
});
