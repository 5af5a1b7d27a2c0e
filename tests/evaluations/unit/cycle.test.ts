/** A monthly cycle's pure rules at their boundaries: the period, promotion seasons' days in it, the weights of the parts, grades, the final and KPI scores, competition ranking and the rewards rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADES, DEFAULT_WEIGHTS, finalScore, gradeOf, gradesProblem, kpiScore, missingParts, overlapDays, parseGrades, parsePeriod, parseWeights, periodOf, previousPeriod, rankScores, ruleApplies, seasonDays, seasonsOverlap, weightsTotal,
  type Grade, type Parts, type Ranked, type RewardRule, type SeasonDates, type Weights,
} from '../../../src/evaluations/rules/cycle.js';
import { round1 } from '../../../src/evaluations/rules/scoring.js';

const weights = (kpi: number, self = 0, peer = 0, lead = 0): Weights => ({ kpi, self, peer, lead });
const parts = (over: Partial<Parts> = {}): Parts => ({ kpi: null, self: null, peer: null, lead: null, ...over });
const dated = (from: string, to: string): SeasonDates => ({ from, to, yearly: false });
const yearly = (from: string, to: string): SeasonDates => ({ from, to, yearly: true });
const rule = (over: Partial<RewardRule> = {}): RewardRule => ({ id: 1, grade: null, rankMax: null, departmentId: null, department: null, kind: 'bonus', coefficient: 1.2, text: null, ...over });
const ranked = (over: Partial<Ranked> = {}): Ranked => ({ grade: 'B', rank: 5, departmentId: 1, departmentRank: 3, ...over });

describe('parsePeriod', () => {
  const november = { period: '2026-11', from: '2026-11-01', to: '2026-11-30', days: 30 };

  it('reads 2026-11, 2026/11, 2026.11 and 2026年11月 as the same month', () => {
    expect(parsePeriod('2026-11')).toEqual(november);
    expect(parsePeriod('2026/11')).toEqual(november);
    expect(parsePeriod('2026.11')).toEqual(november);
    expect(parsePeriod('2026年11月')).toEqual(november);
    expect(parsePeriod(' 2026 年 11 月 ')).toEqual(november);
  });

  it('pads a one-digit month', () => {
    expect(parsePeriod('2027-1')).toEqual({ period: '2027-01', from: '2027-01-01', to: '2027-01-31', days: 31 });
    expect(parsePeriod('2026年6月')?.period).toBe('2026-06');
  });

  it('knows the length of February, leap years included', () => {
    expect(parsePeriod('2028-02')).toEqual({ period: '2028-02', from: '2028-02-01', to: '2028-02-29', days: 29 });
    expect(parsePeriod('2026-02')?.days).toBe(28);
    expect(parsePeriod('2100-02')?.days).toBe(28);
    expect(parsePeriod('2000-02')?.days).toBe(29);
  });

  it('is undefined for a month out of 1–12', () => {
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('2026-00')).toBeUndefined();
    expect(parsePeriod('2026-0')).toBeUndefined();
    expect(parsePeriod('2026年13月')).toBeUndefined();
  });

  it('is undefined for a year out of 2000–2200, and for what is not a month', () => {
    expect(parsePeriod('2000-01')?.period).toBe('2000-01');
    expect(parsePeriod('2200-12')?.period).toBe('2200-12');
    expect(parsePeriod('1999-12')).toBeUndefined();
    expect(parsePeriod('2201-01')).toBeUndefined();
    expect(parsePeriod('26-11')).toBeUndefined();
    expect(parsePeriod('2026-11-01')).toBeUndefined();
    expect(parsePeriod('2026-111')).toBeUndefined();
    expect(parsePeriod('November')).toBeUndefined();
    expect(parsePeriod('')).toBeUndefined();
  });
});

describe('periodOf and previousPeriod', () => {
  it('periodOf is the month a date is in', () => {
    expect(periodOf('2026-11-23').period).toBe('2026-11');
    expect(periodOf('2028-02-29')).toEqual({ period: '2028-02', from: '2028-02-01', to: '2028-02-29', days: 29 });
  });

  it('the month before, across a year end and into a leap February', () => {
    expect(previousPeriod(parsePeriod('2027-01')!)).toEqual({ period: '2026-12', from: '2026-12-01', to: '2026-12-31', days: 31 });
    expect(previousPeriod(parsePeriod('2026-12')!).period).toBe('2026-11');
    expect(previousPeriod(parsePeriod('2028-03')!)).toEqual({ period: '2028-02', from: '2028-02-01', to: '2028-02-29', days: 29 });
  });
});

describe('overlapDays', () => {
  it('counts the shared days, both ends included', () => {
    expect(overlapDays('2026-11-01', '2026-11-30', '2026-11-01', '2026-11-30')).toBe(30);
    expect(overlapDays('2026-11-01', '2026-11-30', '2026-11-01', '2026-11-11')).toBe(11);
    expect(overlapDays('2026-10-25', '2026-11-03', '2026-11-01', '2026-11-30')).toBe(3);
    expect(overlapDays('2026-11-01', '2026-11-30', '2026-11-30', '2026-12-05')).toBe(1);
    expect(overlapDays('2026-11-11', '2026-11-11', '2026-11-01', '2026-11-30')).toBe(1);
  });

  it('is 0 for ranges that only meet at the edge of a day or are apart', () => {
    expect(overlapDays('2026-11-01', '2026-11-30', '2026-12-01', '2026-12-31')).toBe(0);
    expect(overlapDays('2026-12-01', '2026-12-31', '2026-11-01', '2026-11-30')).toBe(0);
    expect(overlapDays('2026-01-01', '2026-01-05', '2027-01-01', '2027-01-05')).toBe(0);
  });
});

describe('seasonDays', () => {
  it('a dated season: the days it shares with the month, none in another year', () => {
    const d11 = dated('2026-11-01', '2026-11-11');
    expect(seasonDays(d11, '2026-11-01', '2026-11-30')).toBe(11);
    expect(seasonDays(d11, '2026-12-01', '2026-12-31')).toBe(0);
    expect(seasonDays(d11, '2027-11-01', '2027-11-30')).toBe(0);
    expect(seasonDays(dated('2026-10-25', '2026-11-03'), '2026-11-01', '2026-11-30')).toBe(3);
    expect(seasonDays(dated('2026-10-25', '2026-11-03'), '2026-10-01', '2026-10-31')).toBe(7);
  });

  it('a yearly season: the same days every year (11-01..11-11 in November 2027)', () => {
    const d11 = yearly('2026-11-01', '2026-11-11');
    expect(seasonDays(d11, '2027-11-01', '2027-11-30')).toBe(11);
    expect(seasonDays(d11, '2026-11-01', '2026-11-30')).toBe(11);
    expect(seasonDays(d11, '2027-12-01', '2027-12-31')).toBe(0);
    // The 618 season of every June.
    expect(seasonDays(yearly('2026-06-01', '2026-06-18'), '2030-06-01', '2030-06-30')).toBe(18);
  });

  it('a yearly season in a range spanning two years counts once in each', () => {
    const d11 = yearly('2026-11-01', '2026-11-11');
    // 2026-11-05..11 (7 days) and 2027-11-01..03 (3 days).
    expect(seasonDays(d11, '2026-11-05', '2027-11-03')).toBe(10);
    expect(seasonDays(yearly('2026-01-01', '2026-01-03'), '2026-12-01', '2027-01-31')).toBe(3);
    expect(seasonDays(d11, '2026-01-01', '2027-12-31')).toBe(22);
  });

  it('a yearly season on 29 February falls on the 28th in other years', () => {
    const leapDay = yearly('2028-02-29', '2028-02-29');
    expect(seasonDays(leapDay, '2028-02-01', '2028-02-29')).toBe(1);
    expect(seasonDays(leapDay, '2027-02-01', '2027-02-28')).toBe(1);
    expect(seasonDays(yearly('2028-02-27', '2028-02-29'), '2027-02-01', '2027-02-28')).toBe(2);
  });
});

describe('seasonsOverlap', () => {
  it('dated seasons overlap when they share a day', () => {
    expect(seasonsOverlap(dated('2026-11-01', '2026-11-11'), dated('2026-11-11', '2026-11-20'))).toBe(true);
    expect(seasonsOverlap(dated('2026-11-01', '2026-11-11'), dated('2026-11-12', '2026-11-20'))).toBe(false);
    expect(seasonsOverlap(dated('2026-11-01', '2026-11-11'), dated('2027-11-01', '2027-11-11'))).toBe(false);
  });

  it('a yearly season meets a dated one in another year, later or earlier', () => {
    const d11 = yearly('2026-11-01', '2026-11-11');
    expect(seasonsOverlap(d11, dated('2031-11-10', '2031-11-12'))).toBe(true);
    expect(seasonsOverlap(dated('2020-11-05', '2020-11-06'), d11)).toBe(true);
    expect(seasonsOverlap(d11, dated('2031-11-12', '2031-11-30'))).toBe(false);
  });

  it('yearly seasons compare on their month-days, whatever year each names', () => {
    expect(seasonsOverlap(yearly('2026-06-01', '2026-06-18'), yearly('2030-06-18', '2030-06-20'))).toBe(true);
    expect(seasonsOverlap(yearly('2026-06-01', '2026-06-18'), yearly('2026-11-01', '2026-11-11'))).toBe(false);
    expect(seasonsOverlap(yearly('2026-06-01', '2026-06-18'), yearly('2030-06-19', '2030-06-20'))).toBe(false);
  });

  it('a yearly 29 February meets a dated 28 February of a common year', () => {
    expect(seasonsOverlap(yearly('2028-02-29', '2028-03-01'), dated('2027-02-28', '2027-02-28'))).toBe(true);
  });
});

describe('parseWeights', () => {
  it('reads the four parts, parts left out weighing 0', () => {
    expect(parseWeights('kpi=70,self=10,peer=10,lead=10')).toEqual(weights(70, 10, 10, 10));
    expect(parseWeights('kpi=100')).toEqual(DEFAULT_WEIGHTS);
    expect(parseWeights('kpi=80, lead=20')).toEqual(weights(80, 0, 0, 20));
  });

  it('takes : and ：, %, any case, a Chinese comma and the synonyms', () => {
    expect(parseWeights('KPI:70，Self：10,peers=10%,manager=10')).toEqual(weights(70, 10, 10, 10));
    expect(parseWeights('kpis = 60 , lead = 40')).toEqual(weights(60, 0, 0, 40));
  });

  it('reads the Chinese part words 指标/绩效, 自评, 互评, 主管/上级', () => {
    expect(parseWeights('指标=70,自评=10,互评=10,主管=10')).toEqual(weights(70, 10, 10, 10));
    expect(parseWeights('绩效=90，上级=10')).toEqual(weights(90, 0, 0, 10));
  });

  it('weightsTotal when the parts do not total 100, under or over', () => {
    expect(parseWeights('kpi=70,self=20')).toBe('evaluations.err.weightsTotal');
    expect(parseWeights('kpi=70,self=10,peer=10,lead=20')).toBe('evaluations.err.weightsTotal');
    // A part named twice is refused as a bad list (a second weight would silently replace the first).
    expect(parseWeights('kpi=50,kpi=50')).toBe('evaluations.err.badWeights');
    expect(parseWeights('')).toBe('evaluations.err.weightsTotal');
  });

  it('badWeights for an unknown part, a number that is not a whole 0–999 or a part that is not name=number', () => {
    expect(parseWeights('sales=100')).toBe('evaluations.err.badWeights');
    expect(parseWeights('kpi=abc')).toBe('evaluations.err.badWeights');
    expect(parseWeights('kpi=70.5,self=29.5')).toBe('evaluations.err.badWeights');
    expect(parseWeights('kpi=-10,self=110')).toBe('evaluations.err.badWeights');
    expect(parseWeights('kpi=1000')).toBe('evaluations.err.badWeights');
    expect(parseWeights('kpi')).toBe('evaluations.err.badWeights');
    expect(parseWeights('garbage')).toBe('evaluations.err.badWeights');
  });

  // Was a bug: a lookup in a plain object found Object.prototype's names ('constructor', '__proto__') as words.
  it('badWeights for words that are only names of Object.prototype', () => {
    expect(parseWeights('kpi=100,constructor=5')).toBe('evaluations.err.badWeights');
    expect(parseWeights('kpi=100,__proto__=5')).toBe('evaluations.err.badWeights');
    expect(parseWeights('constructor=100')).toBe('evaluations.err.badWeights');
  });

  it('weightsTotal adds the four parts', () => {
    expect(weightsTotal(weights(70, 10, 10, 10))).toBe(100);
    expect(weightsTotal(weights(0))).toBe(0);
  });
});

describe('parseGrades and gradesProblem', () => {
  it('reads grades and sorts them best first', () => {
    expect(parseGrades('A=90,B=75,C=60,D=0')).toEqual(DEFAULT_GRADES);
    expect(parseGrades('D=0,C=60,B=75,A=90')).toEqual(DEFAULT_GRADES);
    expect(parseGrades('A:90，B：75, C≥60 ,D = 0')).toEqual(DEFAULT_GRADES);
  });

  it('takes Chinese names and decimal floors', () => {
    expect(parseGrades('优秀=90,良好=75.5,待改进=0')).toEqual([
      { name: '优秀', min: 90 },
      { name: '良好', min: 75.5 },
      { name: '待改进', min: 0 },
    ]);
  });

  it('badGrades: fewer than two grades, or a part that is not name=number', () => {
    expect(parseGrades('')).toBe('evaluations.err.badGrades');
    expect(parseGrades('D=0')).toBe('evaluations.err.badGrades');
    expect(parseGrades('A=ninety,D=0')).toBe('evaluations.err.badGrades');
    expect(parseGrades('A=-10,D=0')).toBe('evaluations.err.badGrades');
    expect(parseGrades('A B=90,D=0')).toBe('evaluations.err.badGrades');
    expect(parseGrades('ABCDEFGHIJKLM=90,D=0')).toBe('evaluations.err.badGrades');
    expect(parseGrades('ABCDEFGHIJKL=90,D=0')).toEqual([
      { name: 'ABCDEFGHIJKL', min: 90 },
      { name: 'D', min: 0 },
    ]);
  });

  it('gradeRange: a floor above 100 (or below 0)', () => {
    expect(parseGrades('A=101,D=0')).toBe('evaluations.err.gradeRange');
    expect(parseGrades('A=100,D=0')).toEqual([
      { name: 'A', min: 100 },
      { name: 'D', min: 0 },
    ]);
    expect(gradesProblem([{ name: 'A', min: 90 }, { name: 'D', min: -1 }])).toBe('evaluations.err.gradeRange');
  });

  it('gradesOverlap: two grades with one floor, or one name (any case)', () => {
    expect(parseGrades('A=90,B=90,D=0')).toBe('evaluations.err.gradesOverlap');
    expect(parseGrades('A=90,a=80,D=0')).toBe('evaluations.err.gradesOverlap');
  });

  it('gradesFloor: no grade begins at 0, so low scores would have none', () => {
    expect(parseGrades('A=90,B=75')).toBe('evaluations.err.gradesFloor');
    expect(parseGrades('A=90,B=0.5')).toBe('evaluations.err.gradesFloor');
  });

  it('gradesProblem is null for the default grades and for two grades', () => {
    expect(gradesProblem(DEFAULT_GRADES)).toBeNull();
    expect(gradesProblem([{ name: 'pass', min: 60 }, { name: 'fail', min: 0 }])).toBeNull();
    expect(gradesProblem([])).toBe('evaluations.err.badGrades');
  });
});

describe('gradeOf', () => {
  it('the default grades at each boundary: exactly on a floor is that grade, 0.1 below is the next', () => {
    expect(gradeOf(100, DEFAULT_GRADES)).toBe('A');
    expect(gradeOf(90, DEFAULT_GRADES)).toBe('A');
    expect(gradeOf(89.9, DEFAULT_GRADES)).toBe('B');
    expect(gradeOf(75, DEFAULT_GRADES)).toBe('B');
    expect(gradeOf(74.9, DEFAULT_GRADES)).toBe('C');
    expect(gradeOf(60, DEFAULT_GRADES)).toBe('C');
    expect(gradeOf(59.9, DEFAULT_GRADES)).toBe('D');
    expect(gradeOf(0, DEFAULT_GRADES)).toBe('D');
  });

  it('reads grades in any order', () => {
    const shuffled: Grade[] = [DEFAULT_GRADES[2]!, DEFAULT_GRADES[0]!, DEFAULT_GRADES[3]!, DEFAULT_GRADES[1]!];
    expect(gradeOf(90, shuffled)).toBe('A');
    expect(gradeOf(80, shuffled)).toBe('B');
    expect(gradeOf(10, shuffled)).toBe('D');
  });
});

describe('missingParts', () => {
  it('lists the parts with a weight and no score, in part order', () => {
    expect(missingParts(parts(), DEFAULT_WEIGHTS)).toEqual(['kpi']);
    expect(missingParts(parts(), weights(70, 10, 10, 10))).toEqual(['kpi', 'self', 'peer', 'lead']);
    expect(missingParts(parts({ kpi: 80, peer: 70 }), weights(70, 10, 10, 10))).toEqual(['self', 'lead']);
  });

  it('a part weighing 0 is never missing; a score of 0 is a score', () => {
    expect(missingParts(parts({ kpi: 80 }), DEFAULT_WEIGHTS)).toEqual([]);
    expect(missingParts(parts({ kpi: 0, lead: 0 }), weights(50, 0, 0, 50))).toEqual([]);
  });
});

describe('finalScore', () => {
  it('adds the parts by their weights', () => {
    // 80×0.7 + 90×0.1 + 70×0.1 + 60×0.1 = 56 + 9 + 7 + 6.
    expect(finalScore(parts({ kpi: 80, self: 90, peer: 70, lead: 60 }), weights(70, 10, 10, 10), 0)).toBe(78);
    expect(finalScore(parts({ kpi: 66 }), DEFAULT_WEIGHTS, 0)).toBe(66);
  });

  it('ignores the score of a part weighing 0', () => {
    expect(finalScore(parts({ kpi: 80, self: 0, peer: 0, lead: 0 }), DEFAULT_WEIGHTS, 0)).toBe(80);
    expect(finalScore(parts({ kpi: 80, self: 100 }), DEFAULT_WEIGHTS, 0)).toBe(80);
  });

  it('adds the lead’s adjustment, up or down', () => {
    expect(finalScore(parts({ kpi: 78 }), DEFAULT_WEIGHTS, 5)).toBe(83);
    expect(finalScore(parts({ kpi: 78 }), DEFAULT_WEIGHTS, -20)).toBe(58);
  });

  it('clamps to 0–100 after the adjustment', () => {
    expect(finalScore(parts({ kpi: 98 }), DEFAULT_WEIGHTS, 20)).toBe(100);
    expect(finalScore(parts({ kpi: 100 }), DEFAULT_WEIGHTS, 0.5)).toBe(100);
    expect(finalScore(parts({ kpi: 10 }), DEFAULT_WEIGHTS, -20)).toBe(0);
    expect(finalScore(parts({ kpi: 0 }), DEFAULT_WEIGHTS, 0)).toBe(0);
  });

  it('keeps one decimal', () => {
    expect(finalScore(parts({ kpi: 33.33 }), DEFAULT_WEIGHTS, 0)).toBe(33.3);
    expect(finalScore(parts({ kpi: 66.67 }), DEFAULT_WEIGHTS, 0)).toBe(66.7);
    expect(finalScore(parts({ kpi: 77.75 }), DEFAULT_WEIGHTS, 0)).toBe(77.8);
    // 33.33×0.7 + 50×0.3 = 38.331.
    expect(finalScore(parts({ kpi: 33.33, lead: 50 }), weights(70, 0, 0, 30), 0)).toBe(38.3);
  });

  it('is null while a weighted part is missing, whatever the adjustment', () => {
    expect(finalScore(parts(), DEFAULT_WEIGHTS, 0)).toBeNull();
    expect(finalScore(parts({ kpi: 80, self: 90, peer: 70 }), weights(70, 10, 10, 10), 0)).toBeNull();
    expect(finalScore(parts({ self: 90, peer: 70, lead: 60 }), weights(70, 10, 10, 10), 20)).toBeNull();
  });

  it('a lead-only weighting needs no KPI score', () => {
    expect(finalScore(parts({ lead: 85 }), weights(0, 0, 0, 100), 0)).toBe(85);
  });
});

describe('kpiScore', () => {
  it('adds each KPI’s score by its weight', () => {
    expect(
      kpiScore([
        { score: 80, weight: 60 },
        { score: 50, weight: 40 },
      ]),
    ).toBe(68);
    expect(kpiScore([{ score: 100, weight: 100 }])).toBe(100);
    expect(kpiScore([{ score: 0, weight: 100 }])).toBe(0);
  });

  it('keeps two decimals', () => {
    expect(kpiScore([{ score: 33.33, weight: 100 }])).toBe(33.33);
    // 33.33×0.3 + 66.67×0.7 = 9.999 + 46.669 = 56.668.
    expect(
      kpiScore([
        { score: 33.33, weight: 30 },
        { score: 66.67, weight: 70 },
      ]),
    ).toBe(56.67);
  });

  it('is null while any value is missing, and for no KPIs at all', () => {
    expect(
      kpiScore([
        { score: 80, weight: 60 },
        { score: null, weight: 40 },
      ]),
    ).toBeNull();
    expect(kpiScore([])).toBeNull();
  });
});

describe('rankScores', () => {
  const rows = (...scores: (number | null)[]) => scores.map((score, i) => ({ id: i, score }));
  const ranksOf = (rs: { score: number | null }[]) => {
    const m = rankScores(rs);
    return rs.map((r) => m.get(r) ?? null);
  };

  it('ranks best first', () => {
    expect(ranksOf(rows(70, 90, 80))).toEqual([3, 1, 2]);
  });

  it('ties share a rank and the next one skips (1, 2, 2, 4)', () => {
    expect(ranksOf(rows(90, 88.5, 88.5, 70))).toEqual([1, 2, 2, 4]);
    expect(ranksOf(rows(88.5, 70, 90, 88.5))).toEqual([2, 4, 1, 2]);
    expect(ranksOf(rows(80, 80, 80))).toEqual([1, 1, 1]);
    expect(ranksOf(rows(90, 90, 80, 80, 70))).toEqual([1, 1, 3, 3, 5]);
  });

  it('compares scores at one decimal, as they are shown', () => {
    expect(ranksOf(rows(88.54, 88.46, 88.44))).toEqual([1, 1, 3]);
    expect(ranksOf(rows(88.5, 88.4))).toEqual([1, 2]);
  });

  it('leaves rows without a score unranked, and ranks the others as if they were not there', () => {
    expect(ranksOf(rows(null, 80, null, 90))).toEqual([null, 2, null, 1]);
    expect(ranksOf(rows(null, null))).toEqual([null, null]);
    expect(rankScores([]).size).toBe(0);
  });

  it('does not reorder the rows it is given', () => {
    const rs = rows(70, 90, 80);
    rankScores(rs);
    expect(rs.map((r) => r.score)).toEqual([70, 90, 80]);
  });

  it('is competition ranking: 1 + the rows shown strictly better (property)', () => {
    const score = fc.option(
      fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
      { nil: null, freq: 5 },
    );
    fc.assert(
      fc.property(fc.array(score, { maxLength: 12 }), (scores) => {
        const rs = rows(...scores);
        const m = rankScores(rs);
        for (const r of rs) {
          if (r.score === null) expect(m.has(r)).toBe(false);
          else expect(m.get(r)).toBe(1 + rs.filter((o) => o.score !== null && round1(o.score) > round1(r.score!)).length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('ruleApplies', () => {
  it('a rule with no condition applies to everyone', () => {
    expect(ruleApplies(rule(), ranked())).toBe(true);
    expect(ruleApplies(rule(), ranked({ grade: null, rank: null, departmentId: null, departmentRank: null }))).toBe(true);
  });

  it('by grade: that grade in any case; not without a grade', () => {
    expect(ruleApplies(rule({ grade: 'A' }), ranked({ grade: 'A' }))).toBe(true);
    expect(ruleApplies(rule({ grade: 'a' }), ranked({ grade: 'A' }))).toBe(true);
    expect(ruleApplies(rule({ grade: 'A' }), ranked({ grade: 'B' }))).toBe(false);
    expect(ruleApplies(rule({ grade: 'A' }), ranked({ grade: null }))).toBe(false);
  });

  it('by rank: up to and including rankMax in the team; not without a rank', () => {
    expect(ruleApplies(rule({ rankMax: 3 }), ranked({ rank: 1 }))).toBe(true);
    expect(ruleApplies(rule({ rankMax: 3 }), ranked({ rank: 3 }))).toBe(true);
    expect(ruleApplies(rule({ rankMax: 3 }), ranked({ rank: 4 }))).toBe(false);
    expect(ruleApplies(rule({ rankMax: 3 }), ranked({ rank: null }))).toBe(false);
  });

  it('by department rank: the rank within the department counts, and only its members', () => {
    const top = rule({ rankMax: 1, departmentId: 1, department: 'CS' });
    expect(ruleApplies(top, ranked({ departmentId: 1, rank: 5, departmentRank: 1 }))).toBe(true);
    expect(ruleApplies(top, ranked({ departmentId: 1, rank: 1, departmentRank: 2 }))).toBe(false);
    expect(ruleApplies(top, ranked({ departmentId: 2, rank: 1, departmentRank: 1 }))).toBe(false);
    expect(ruleApplies(top, ranked({ departmentId: null, rank: 1, departmentRank: 1 }))).toBe(false);
    expect(ruleApplies(top, ranked({ departmentId: 1, departmentRank: null }))).toBe(false);
  });

  it('a department alone applies to all its members', () => {
    expect(ruleApplies(rule({ departmentId: 1 }), ranked({ departmentId: 1, departmentRank: 9 }))).toBe(true);
    expect(ruleApplies(rule({ departmentId: 1 }), ranked({ departmentId: 2 }))).toBe(false);
  });

  it('grade and rank together: both must hold', () => {
    const both = rule({ grade: 'A', rankMax: 2 });
    expect(ruleApplies(both, ranked({ grade: 'A', rank: 2 }))).toBe(true);
    expect(ruleApplies(both, ranked({ grade: 'A', rank: 3 }))).toBe(false);
    expect(ruleApplies(both, ranked({ grade: 'B', rank: 1 }))).toBe(false);
    const deptBoth = rule({ grade: 'A', rankMax: 1, departmentId: 1 });
    expect(ruleApplies(deptBoth, ranked({ grade: 'A', departmentId: 1, rank: 4, departmentRank: 1 }))).toBe(true);
    expect(ruleApplies(deptBoth, ranked({ grade: 'B', departmentId: 1, rank: 4, departmentRank: 1 }))).toBe(false);
  });
});
