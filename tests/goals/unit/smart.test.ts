import { describe, expect, it } from 'vitest';
import { lintSmart, SMART_CODES, type SmartDraft } from '../../../src/goals/rules/smart.js';
import { isVagueTitle } from '../../../src/goals/rules/title.js';
import { goodGoal, noHistory, scenarios, steep, withHistory } from './smart-fixtures.js';

const codes = (goal: SmartDraft, context = noHistory): string[] => lintSmart(goal, context).findings.map((f) => f.code);

describe('isVagueTitle (S)', () => {
  it('flags generic titles without a number or object', () => {
    for (const t of ['提高销售额', 'raise sales', '提升服务质量', '提高效率', '加强团队建设', 'Do better', 'Improve sales performance', '做好工作', '做好店的工作' /* one meaningful character left */]) {
      expect([t, isVagueTitle(t)]).toEqual([t, true]);
    }
  });

  it('flags titles under 4 characters, even with a digit', () => {
    for (const t of ['', '   ', 'GMV', 'Q1', '销售额']) expect([t, isVagueTitle(t)]).toEqual([t, true]);
  });

  it('accepts titles with a digit or a specific object', () => {
    for (const t of [
      'Q1 天猫店 GMV 提升 20%',
      '客服首次响应降到30秒',
      'Grow Tmall store repeat orders',
      '提升GMV',
      'raise GMV', // one latin word is enough
      '提高好评', // two Chinese characters are enough
      '提高客户满意度',
      '提高销售额１０％', // full-width digits count
      'Raise sales 20% this quarter',
    ]) {
      expect([t, isVagueTitle(t)]).toEqual([t, false]);
    }
  });
});

describe('lintSmart', () => {
  it('passes a SMART goal', () => {
    expect(lintSmart(goodGoal, noHistory)).toEqual({ ok: true, blocking: false, findings: [] });
  });

  it('S: a vague title is a blocking error with the title', () => {
    expect(lintSmart({ ...goodGoal, title: ' 提高销售额 ' }, noHistory)).toEqual({
      ok: false,
      blocking: true,
      findings: [{ letter: 'S', severity: 'error', code: 'smart.S.vague', params: { title: '提高销售额' } }],
    });
  });

  it('M: missing metric, target or direction', () => {
    expect(codes({ ...goodGoal, metric: null })).toEqual(['smart.M.noMetric']);
    expect(codes({ ...goodGoal, metric: '  ' })).toEqual(['smart.M.noMetric']);
    expect(codes({ ...goodGoal, target: null })).toEqual(['smart.M.noTarget']);
    expect(codes({ ...goodGoal, direction: null })).toEqual(['smart.M.noDirection']);
    expect(lintSmart({ ...goodGoal, target: null }, noHistory)).toMatchObject({ ok: false, blocking: true });
  });

  it('M: target equal to the baseline, only for increase/decrease', () => {
    expect(lintSmart({ ...goodGoal, target: 100 }, noHistory).findings).toEqual([
      { letter: 'M', severity: 'error', code: 'smart.M.targetEqualsBaseline', params: { target: 100 } },
    ]);
    expect(codes({ ...goodGoal, target: 100, direction: 'at-least' })).toEqual([]);
  });

  it('M: a target on the wrong side of the baseline', () => {
    expect(lintSmart({ ...goodGoal, target: 80 }, noHistory).findings).toEqual([
      { letter: 'M', severity: 'error', code: 'smart.M.directionMismatch', params: { direction: 'increase', baseline: 100, target: 80 } },
    ]);
    expect(codes({ ...goodGoal, baseline: 30, target: 45, direction: 'decrease' })).toEqual(['smart.M.directionMismatch']);
    expect(codes({ ...goodGoal, baseline: 45, target: 30, direction: 'decrease' })).toEqual([]);
    expect(codes({ ...goodGoal, baseline: 40, target: 30, direction: 'at-least' })).toEqual([]);
    expect(codes({ ...goodGoal, baseline: null, target: 30 })).toEqual([]);
  });

  it('R: no parent and no reason is a non-blocking warning', () => {
    for (const relevance of [null, '  ']) {
      expect(lintSmart({ ...goodGoal, relevance }, noHistory)).toEqual({
        ok: false,
        blocking: false,
        findings: [{ letter: 'R', severity: 'warning', code: 'smart.R.noReason', params: {} }],
      });
    }
    expect(codes({ ...goodGoal, relevance: null, parentId: 3 })).toEqual([]);
  });

  it('T: no due date, or due before start (start defaulting to today)', () => {
    expect(codes({ ...goodGoal, due: null })).toEqual(['smart.T.noDue']);
    expect(lintSmart({ ...goodGoal, due: '2026-03-31' }, noHistory).findings).toEqual([
      { letter: 'T', severity: 'error', code: 'smart.T.dueBeforeStart', params: { start: '2026-04-01', due: '2026-03-31' } },
    ]);
    const late = { ...noHistory, today: '2026-07-01' };
    expect(lintSmart({ ...goodGoal, start: null }, late).findings).toEqual([
      { letter: 'T', severity: 'error', code: 'smart.T.dueBeforeStart', params: { start: '2026-07-01', due: '2026-06-30' } },
    ]);
    expect(codes({ ...goodGoal, start: null })).toEqual([]);
    expect(codes({ ...goodGoal, due: '2026-04-01' })).toEqual([]); // a one-day goal
  });

  it('reports every letter in S, M, A, R, T order', () => {
    const draft: SmartDraft = { ...steep, title: '提高销售额', metric: null, relevance: null, due: null };
    expect(codes(draft)).toEqual(['smart.S.vague', 'smart.M.noMetric', 'smart.R.noReason', 'smart.T.noDue']);
  });
});

describe('lintSmart: A (achievable)', () => {
  const history = (...pairs: Array<[string, number]>) => withHistory(pairs.map(([date, value]) => ({ date, value })));
  const aFindings = (goal: SmartDraft, context: Parameters<typeof lintSmart>[1]) =>
    lintSmart(goal, context).findings.filter((f) => f.letter === 'A');

  it('warns when the required rate is over 2× the best observed (relative to the baseline)', () => {
    // required 30 %/30 d; best pair +10 %/30 d (100 → 110 in 30 days)
    const report = lintSmart(steep, history(['2025-10-01', 100], ['2025-10-31', 110], ['2025-11-30', 110]));
    expect(report).toEqual({
      ok: false,
      blocking: false,
      findings: [{ letter: 'A', severity: 'warning', code: 'smart.A.beyondHistory', params: { required: 30, best: 10, factor: 3, unit: '%' } }],
    });
  });

  it('does not warn at exactly 2×', () => {
    expect(aFindings(steep, history(['2025-10-01', 100], ['2025-10-31', 115]))).toEqual([]);
  });

  it('ignores check-ins less than 7 days apart and pairs from 0 in relative terms', () => {
    expect(aFindings(steep, history(['2025-12-01', 100], ['2025-12-07', 101]))).toEqual([]);
    expect(aFindings(steep, history(['2025-10-01', 0], ['2025-10-31', 1]))).toEqual([]);
    // 6 days apart is skipped, 7 days counts: +1 % in 7 days = 4.29 %/30 d, required 30 is 7× that
    expect(aFindings(steep, history(['2025-12-01', 100], ['2025-12-08', 101]))[0]?.params).toEqual({ required: 30, best: 4.3, factor: 7, unit: '%' });
  });

  it('warns when the history never moved toward the target', () => {
    expect(aFindings(steep, history(['2025-10-01', 100], ['2025-10-31', 90]))).toEqual([
      { letter: 'A', severity: 'warning', code: 'smart.A.againstHistory', params: { required: 30, best: -10, unit: '%' } },
    ]);
  });

  it('compares with past goals set in the same direction', () => {
    const past = (baseline: number, target: number) => ({ baseline, target, start: '2025-01-01', due: '2025-01-31' });
    expect(aFindings(steep, withHistory([], [past(100, 110), past(200, 150)]))).toEqual([
      { letter: 'A', severity: 'warning', code: 'smart.A.beyondPastGoals', params: { required: 30, best: 10, factor: 3, unit: '%' } },
    ]);
    expect(aFindings(steep, withHistory([], [past(100, 110), past(100, 120)]))).toEqual([]);
    expect(aFindings(steep, withHistory([], [past(200, 150)]))).toEqual([]);
  });

  it('uses absolute rates in the goal unit when the baseline is 0', () => {
    const fromZero: SmartDraft = { ...goodGoal, unit: '单', baseline: 0, target: 300, start: '2026-04-01', due: '2026-05-01' };
    expect(aFindings(fromZero, history(['2026-01-01', 0], ['2026-01-31', 50]))).toEqual([
      { letter: 'A', severity: 'warning', code: 'smart.A.beyondHistory', params: { required: 300, best: 50, factor: 6, unit: '单' } },
    ]);
    expect(aFindings({ ...fromZero, unit: null }, history(['2026-01-01', 0], ['2026-01-31', 50]))[0]?.params.unit).toBe('');
  });

  it('rounds the numbers: 1 decimal for %, 2 for absolute, 1 for the factor', () => {
    // +10 % over 90 days = 3.33 %/30 d vs +1 %/30 d
    const slow: SmartDraft = { ...goodGoal, baseline: 100, target: 110 };
    expect(aFindings(slow, history(['2025-10-01', 100], ['2025-10-31', 101]))[0]?.params).toEqual({ required: 3.3, best: 1, factor: 3.3, unit: '%' });
    // 100 orders over 90 days = 33.33/30 d vs 10/30 d
    const abs: SmartDraft = { ...goodGoal, unit: '单', baseline: 0, target: 100 };
    expect(aFindings(abs, history(['2025-10-01', 0], ['2025-10-31', 10]))[0]?.params).toEqual({ required: 33.33, best: 10, factor: 3.3, unit: '单' });
  });

  it('judges decrease goals by the size of the drop', () => {
    // 60 → 30 in 60 days = 25 %/30 d; history 60 → 57 in 30 days = 5 %/30 d
    const faster: SmartDraft = { ...steep, baseline: 60, target: 30, direction: 'decrease' };
    expect(aFindings(faster, history(['2025-10-01', 60], ['2025-10-31', 57]))[0]).toEqual({
      letter: 'A', severity: 'warning', code: 'smart.A.beyondHistory', params: { required: 25, best: 5, factor: 5, unit: '%' },
    });
  });

  it('judges at-most/at-least goals only when the baseline breaks the bound', () => {
    const falling = history(['2025-10-01', 60], ['2025-10-31', 57]);
    expect(aFindings({ ...steep, baseline: 28, target: 30, direction: 'at-most' }, falling)).toEqual([]);
    expect(aFindings({ ...steep, baseline: 60, target: 30, direction: 'at-most' }, falling).map((f) => f.code)).toEqual(['smart.A.beyondHistory']);
  });

  it('is silent without history, baseline, a valid due date, or when M fails', () => {
    const rising = history(['2025-10-01', 100], ['2025-10-31', 110]);
    expect(aFindings(steep, noHistory)).toEqual([]);
    expect(aFindings({ ...steep, baseline: null }, rising)).toEqual([]);
    expect(aFindings({ ...steep, due: null }, rising)).toEqual([]);
    expect(aFindings({ ...steep, due: '2025-12-01' }, rising)).toEqual([]);
    expect(aFindings({ ...steep, metric: null }, rising)).toEqual([]);
  });
});

describe('SMART_CODES', () => {
  it('lists exactly the codes the lint can emit', () => {
    const emitted = new Set(scenarios.flatMap(({ goal, context }) => codes(goal, context)));
    expect([...emitted].sort()).toEqual([...SMART_CODES].sort());
  });
});
