/** The scoring rules of evaluations at their boundaries: linear (higher, lower, within), bands, the parsers, a season's override and the pro-rata score of a cycle that a season covers in part. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandsText, cycleScore, overrideRule, parseBands, parseDirection, parseRange, round1, round2, ruleProblem, scoreBands, scoreValue, sortBands, type Band, type KpiDirection, type Override, type ScoreRule,
} from '../../../src/evaluations/rules/scoring.js';
import { MAX_QUANTITY } from '../../../src/shared/numbers.js';

const linear = (direction: 'higher' | 'lower', target: number, threshold: number): ScoreRule => ({ direction, target, targetHigh: null, threshold, thresholdHigh: null, bands: null });
const within = (threshold: number, target: number, targetHigh: number, thresholdHigh: number): ScoreRule => ({ direction: 'within', target, targetHigh, threshold, thresholdHigh, bands: null });
const banded = (direction: KpiDirection, bands: Band[]): ScoreRule => ({ direction, target: bands[0]?.bound ?? 0, targetHigh: null, threshold: null, thresholdHigh: null, bands });
const override = (over: Partial<Override> = {}): Override => ({ target: null, targetHigh: null, threshold: null, thresholdHigh: null, bands: null, ...over });

// The customer-service response time of the brief: ≤30 s → 100, ≤45 s → 80, ≤60 s → 60, else 0.
const RESPONSE: Band[] = [
  { bound: 30, score: 100 },
  { bound: 45, score: 80 },
  { bound: 60, score: 60 },
];
// A rate where more is better: ≥95 % → 100, ≥90 % → 80, ≥85 % → 60, else 0.
const RATE: Band[] = [
  { bound: 95, score: 100 },
  { bound: 90, score: 80 },
  { bound: 85, score: 60 },
];

describe('round2 and round1', () => {
  it('keep two decimals for item scores and one for final scores', () => {
    expect(round2(100 / 3)).toBe(33.33);
    expect(round2(200 / 3)).toBe(66.67);
    expect(round1(100 / 3)).toBe(33.3);
    expect(round1(77.75)).toBe(77.8);
  });
});

describe('scoreValue, linear, higher is better', () => {
  // Attainment in %: 100 scores 100, 60 scores 0.
  const rule = linear('higher', 100, 60);

  it('is 100 exactly on the target and 0 exactly on the threshold', () => {
    expect(scoreValue(rule, 100)).toBe(100);
    expect(scoreValue(rule, 60)).toBe(0);
  });

  it('is capped beyond both: 100 above the target, 0 below the threshold (never above 100 or negative)', () => {
    expect(scoreValue(rule, 100.01)).toBe(100);
    expect(scoreValue(rule, 250)).toBe(100);
    expect(scoreValue(rule, 59.99)).toBe(0);
    expect(scoreValue(rule, -1000)).toBe(0);
  });

  it('is linear between', () => {
    expect(scoreValue(rule, 80)).toBe(50);
    expect(scoreValue(rule, 90)).toBe(75);
    expect(scoreValue(rule, 70)).toBe(25);
  });

  it('rounds to two decimals: 1/3 of the way is 33.33, 2/3 is 66.67', () => {
    const thirds = linear('higher', 3, 0);
    expect(scoreValue(thirds, 1)).toBe(33.33);
    expect(scoreValue(thirds, 2)).toBe(66.67);
  });

  it('works across zero (a growth that may be negative)', () => {
    const growth = linear('higher', 10, -10);
    expect(scoreValue(growth, 0)).toBe(50);
    expect(scoreValue(growth, -10)).toBe(0);
    expect(scoreValue(growth, -5)).toBe(25);
  });
});

describe('scoreValue, linear, lower is better', () => {
  // Response time in seconds: 30 scores 100, 90 scores 0.
  const rule = linear('lower', 30, 90);

  it('is 100 exactly on the target and 0 exactly on the threshold', () => {
    expect(scoreValue(rule, 30)).toBe(100);
    expect(scoreValue(rule, 90)).toBe(0);
  });

  it('is capped beyond both: 100 below the target, 0 above the threshold', () => {
    expect(scoreValue(rule, 29.99)).toBe(100);
    expect(scoreValue(rule, 0)).toBe(100);
    expect(scoreValue(rule, 90.01)).toBe(0);
    expect(scoreValue(rule, 1e6)).toBe(0);
  });

  it('is linear between, falling as the value rises', () => {
    expect(scoreValue(rule, 60)).toBe(50);
    expect(scoreValue(rule, 45)).toBe(75);
    expect(scoreValue(rule, 75)).toBe(25);
  });

  it('rounds to two decimals', () => {
    const thirds = linear('lower', 0, 3);
    expect(scoreValue(thirds, 1)).toBe(66.67);
    expect(scoreValue(thirds, 2)).toBe(33.33);
  });
});

describe('scoreValue, within a band', () => {
  // 90–95 scores 100; 0 at 80 below and at 100 above.
  const rule = within(80, 90, 95, 100);

  it('is 100 inside the band and exactly on each edge', () => {
    expect(scoreValue(rule, 90)).toBe(100);
    expect(scoreValue(rule, 92.5)).toBe(100);
    expect(scoreValue(rule, 95)).toBe(100);
  });

  it('is 0 exactly on each threshold and beyond', () => {
    expect(scoreValue(rule, 80)).toBe(0);
    expect(scoreValue(rule, 100)).toBe(0);
    expect(scoreValue(rule, 79.99)).toBe(0);
    expect(scoreValue(rule, 100.01)).toBe(0);
    expect(scoreValue(rule, -50)).toBe(0);
    expect(scoreValue(rule, 500)).toBe(0);
  });

  it('is linear between on the low side (its own slope)', () => {
    expect(scoreValue(rule, 85)).toBe(50);
    expect(scoreValue(rule, 82)).toBe(20);
    expect(scoreValue(rule, 89.99)).toBe(99.9);
  });

  it('is linear between on the high side (its own slope)', () => {
    expect(scoreValue(rule, 97.5)).toBe(50);
    expect(scoreValue(rule, 96)).toBe(80);
    expect(scoreValue(rule, 95.01)).toBe(99.8);
  });

  it('a band of one value (target = targetHigh) is 100 only there', () => {
    const point = within(0, 10, 10, 20);
    expect(scoreValue(point, 10)).toBe(100);
    expect(scoreValue(point, 5)).toBe(50);
    expect(scoreValue(point, 15)).toBe(50);
  });
});

describe('scoreValue and scoreBands, by bands', () => {
  it('lower is better: exactly on each bound scores that band, just past it the next one, past every band 0', () => {
    const rule = banded('lower', RESPONSE);
    expect(scoreValue(rule, 30)).toBe(100);
    expect(scoreValue(rule, 30.01)).toBe(80);
    expect(scoreValue(rule, 45)).toBe(80);
    expect(scoreValue(rule, 45.01)).toBe(60);
    expect(scoreValue(rule, 60)).toBe(60);
    expect(scoreValue(rule, 60.01)).toBe(0);
    expect(scoreValue(rule, 0)).toBe(100);
    expect(scoreValue(rule, 3600)).toBe(0);
  });

  it('higher is better: exactly on each bound scores that band, just below it the next one, below every band 0', () => {
    const rule = banded('higher', RATE);
    expect(scoreValue(rule, 95)).toBe(100);
    expect(scoreValue(rule, 94.99)).toBe(80);
    expect(scoreValue(rule, 90)).toBe(80);
    expect(scoreValue(rule, 89.99)).toBe(60);
    expect(scoreValue(rule, 85)).toBe(60);
    expect(scoreValue(rule, 84.99)).toBe(0);
    expect(scoreValue(rule, 100)).toBe(100);
    expect(scoreValue(rule, -1)).toBe(0);
  });

  it('bands win over a threshold left on the rule', () => {
    expect(scoreValue({ ...banded('lower', RESPONSE), threshold: 1000 }, 61)).toBe(0);
  });

  it('scoreBands reads the bands in the order given: the first one reached scores', () => {
    expect(scoreBands('lower', RESPONSE, 40)).toBe(80);
    // Worst first, a value that reaches every band takes the worst: why bands are sorted best first before they are stored.
    expect(scoreBands('lower', [...RESPONSE].reverse(), 20)).toBe(60);
    expect(scoreBands('lower', [], 20)).toBe(0);
  });
});

describe('parseBands', () => {
  it('reads bound:score pairs, also bound=score and full-width separators', () => {
    expect(parseBands('30:100,45:80,60:60')).toEqual(RESPONSE);
    expect(parseBands('30=100, 45=80 ,60=60')).toEqual(RESPONSE);
    expect(parseBands('30：100，45：80；60：60')).toEqual(RESPONSE);
    expect(parseBands('30:100;45:80')).toEqual(RESPONSE.slice(0, 2));
    expect(parseBands(' 30 : 100 ')).toEqual([{ bound: 30, score: 100 }]);
  });

  it('takes a comparison sign before the bound (≤30, <=30, ≥95, >95)', () => {
    expect(parseBands('≤30:100,≤45:80')).toEqual(RESPONSE.slice(0, 2));
    expect(parseBands('<=30:100,<45:80')).toEqual(RESPONSE.slice(0, 2));
    expect(parseBands('≥95:100, >=90:80, >85:60')).toEqual(RATE);
  });

  it('takes decimals and negative bounds', () => {
    expect(parseBands('0.5:100,1.25:50.5')).toEqual([
      { bound: 0.5, score: 100 },
      { bound: 1.25, score: 50.5 },
    ]);
    expect(parseBands('-5:100,0:50')).toEqual([
      { bound: -5, score: 100 },
      { bound: 0, score: 50 },
    ]);
  });

  it('keeps the order typed (sorting is sortBands’ job) and ignores empty parts', () => {
    expect(parseBands('60:60,30:100,')).toEqual([
      { bound: 60, score: 60 },
      { bound: 30, score: 100 },
    ]);
  });

  it('is undefined for an empty list or any part that is not bound:score', () => {
    expect(parseBands('')).toBeUndefined();
    expect(parseBands(' , ')).toBeUndefined();
    expect(parseBands('abc')).toBeUndefined();
    expect(parseBands('30:100,fast')).toBeUndefined();
    expect(parseBands('30')).toBeUndefined();
    expect(parseBands('30:100:5')).toBeUndefined();
    expect(parseBands('30:-5')).toBeUndefined();
    expect(parseBands(':100')).toBeUndefined();
  });
});

describe('sortBands and bandsText', () => {
  it('sorts best score first without touching the input', () => {
    const typed = [RESPONSE[2]!, RESPONSE[0]!, RESPONSE[1]!];
    expect(sortBands(typed)).toEqual(RESPONSE);
    expect(typed[0]).toEqual(RESPONSE[2]);
  });

  it('shows lower bands with ≤ and higher bands with ≥', () => {
    expect(bandsText('lower', RESPONSE)).toBe('≤30:100, ≤45:80, ≤60:60');
    expect(bandsText('higher', RATE)).toBe('≥95:100, ≥90:80, ≥85:60');
    expect(bandsText('lower', [])).toBe('');
  });
});

describe('ruleProblem', () => {
  it('is null for a sound rule of every kind', () => {
    expect(ruleProblem(linear('higher', 100, 60))).toBeNull();
    expect(ruleProblem(linear('lower', 30, 90))).toBeNull();
    expect(ruleProblem(within(80, 90, 95, 100))).toBeNull();
    expect(ruleProblem(within(0, 10, 10, 20))).toBeNull();
    expect(ruleProblem(banded('lower', RESPONSE))).toBeNull();
    expect(ruleProblem(banded('higher', RATE))).toBeNull();
    // Bands as typed, worst first, are judged in their best-first order.
    expect(ruleProblem(banded('lower', [...RESPONSE].reverse()))).toBeNull();
    expect(ruleProblem(banded('lower', [{ bound: 30, score: 100 }]))).toBeNull();
  });

  it('kpiNumber: a target, threshold or bound that is not finite or beyond ±1e12', () => {
    expect(ruleProblem(linear('higher', NaN, 0))).toBe('evaluations.err.kpiNumber');
    expect(ruleProblem(linear('higher', Infinity, 0))).toBe('evaluations.err.kpiNumber');
    expect(ruleProblem(linear('lower', 30, 1e12 + 1))).toBe('evaluations.err.kpiNumber');
    expect(ruleProblem(within(80, 90, 95, -Infinity))).toBe('evaluations.err.kpiNumber');
    expect(ruleProblem({ ...within(80, 90, 95, 100), targetHigh: NaN })).toBe('evaluations.err.kpiNumber');
    expect(ruleProblem(banded('lower', [{ bound: -2e12, score: 100 }]))).toBe('evaluations.err.kpiNumber');
    // Exactly 1e12 is allowed.
    expect(ruleProblem(linear('higher', 1e12, -1e12))).toBeNull();
  });

  it('bandsWithin: a "within" KPI scores by thresholds, not bands', () => {
    expect(ruleProblem(banded('within', RESPONSE))).toBe('evaluations.err.bandsWithin');
  });

  it('badBands: an empty list of bands', () => {
    expect(ruleProblem(banded('lower', []))).toBe('evaluations.err.badBands');
  });

  it('bandScore: a band scores more than 0 and at most 100', () => {
    expect(ruleProblem(banded('lower', [{ bound: 30, score: 0 }]))).toBe('evaluations.err.bandScore');
    expect(ruleProblem(banded('lower', [{ bound: 30, score: 100.01 }]))).toBe('evaluations.err.bandScore');
    expect(ruleProblem(banded('lower', [{ bound: 30, score: -10 }]))).toBe('evaluations.err.bandScore');
    expect(ruleProblem(banded('lower', [{ bound: 30, score: NaN }]))).toBe('evaluations.err.bandScore');
    expect(ruleProblem(banded('lower', [{ bound: 30, score: 100 }, { bound: 45, score: 0 }]))).toBe('evaluations.err.bandScore');
    expect(ruleProblem(banded('higher', [{ bound: 30, score: 100 }]))).toBeNull();
  });

  it('bandsOverlap: two bands share a score, or a better score lacks a strictly better bound', () => {
    expect(ruleProblem(banded('lower', [{ bound: 30, score: 80 }, { bound: 45, score: 80 }]))).toBe('evaluations.err.bandsOverlap');
    // Lower: the worse band must have a larger bound; equal or smaller overlaps.
    expect(ruleProblem(banded('lower', [{ bound: 30, score: 100 }, { bound: 30, score: 80 }]))).toBe('evaluations.err.bandsOverlap');
    expect(ruleProblem(banded('lower', [{ bound: 30, score: 100 }, { bound: 20, score: 80 }]))).toBe('evaluations.err.bandsOverlap');
    // Higher: the worse band must have a smaller bound.
    expect(ruleProblem(banded('higher', [{ bound: 95, score: 100 }, { bound: 95, score: 80 }]))).toBe('evaluations.err.bandsOverlap');
    expect(ruleProblem(banded('higher', [{ bound: 95, score: 100 }, { bound: 96, score: 80 }]))).toBe('evaluations.err.bandsOverlap');
    // A bound that is right for one direction is an overlap for the other.
    expect(ruleProblem(banded('higher', RESPONSE))).toBe('evaluations.err.bandsOverlap');
    expect(ruleProblem(banded('lower', RATE))).toBe('evaluations.err.bandsOverlap');
  });

  it('needThreshold: neither a threshold nor bands', () => {
    expect(ruleProblem({ ...linear('higher', 100, 0), threshold: null })).toBe('evaluations.err.needThreshold');
    expect(ruleProblem({ ...linear('lower', 30, 90), threshold: null })).toBe('evaluations.err.needThreshold');
    expect(ruleProblem({ ...within(80, 90, 95, 100), threshold: null })).toBe('evaluations.err.needThreshold');
  });

  it('thresholdHigher: higher is better needs the threshold strictly below the target', () => {
    expect(ruleProblem(linear('higher', 100, 100))).toBe('evaluations.err.thresholdHigher');
    expect(ruleProblem(linear('higher', 100, 120))).toBe('evaluations.err.thresholdHigher');
    expect(ruleProblem(linear('higher', 100, 99.99))).toBeNull();
  });

  it('thresholdLower: lower is better needs the threshold strictly above the target', () => {
    expect(ruleProblem(linear('lower', 30, 30))).toBe('evaluations.err.thresholdLower');
    expect(ruleProblem(linear('lower', 30, 10))).toBe('evaluations.err.thresholdLower');
    expect(ruleProblem(linear('lower', 30, 30.01))).toBeNull();
  });

  it('withinNeedsRange: "within" without a high target or a high threshold', () => {
    expect(ruleProblem({ ...within(80, 90, 95, 100), targetHigh: null })).toBe('evaluations.err.withinNeedsRange');
    expect(ruleProblem({ ...within(80, 90, 95, 100), thresholdHigh: null })).toBe('evaluations.err.withinNeedsRange');
  });

  it('withinRange: the target range runs backwards', () => {
    expect(ruleProblem(within(80, 95, 90, 100))).toBe('evaluations.err.withinRange');
  });

  it('withinThreshold: the thresholds must lie strictly outside the target range, one on each side', () => {
    expect(ruleProblem(within(90, 90, 95, 100))).toBe('evaluations.err.withinThreshold');
    expect(ruleProblem(within(80, 90, 95, 95))).toBe('evaluations.err.withinThreshold');
    expect(ruleProblem(within(92, 90, 95, 100))).toBe('evaluations.err.withinThreshold');
    expect(ruleProblem(within(80, 90, 95, 94))).toBe('evaluations.err.withinThreshold');
  });
});

describe('parseRange', () => {
  it('reads a range with -, .., ~, ～ or –, spaces allowed', () => {
    expect(parseRange('20-35')).toEqual([20, 35]);
    expect(parseRange('95..98')).toEqual([95, 98]);
    expect(parseRange('95~98')).toEqual([95, 98]);
    expect(parseRange('95～98')).toEqual([95, 98]);
    expect(parseRange('95–98')).toEqual([95, 98]);
    expect(parseRange(' 0.5 - 1.5 ')).toEqual([0.5, 1.5]);
  });

  it('reads negative ends', () => {
    expect(parseRange('-5--1')).toEqual([-5, -1]);
    expect(parseRange('-5..5')).toEqual([-5, 5]);
  });

  it('keeps a backwards range as typed (ruleProblem refuses it)', () => {
    expect(parseRange('98-95')).toEqual([98, 95]);
  });

  it('reads a single number', () => {
    expect(parseRange('42')).toBe(42);
    expect(parseRange(' 3.5 ')).toBe(3.5);
    expect(parseRange('-3')).toBe(-3);
    expect(parseRange('0')).toBe(0);
  });

  it('is undefined for what is neither', () => {
    expect(parseRange('')).toBeUndefined();
    expect(parseRange('   ')).toBeUndefined();
    expect(parseRange('abc')).toBeUndefined();
    expect(parseRange('95-')).toBeUndefined();
    expect(parseRange('Infinity')).toBeUndefined();
    expect(parseRange('1-2-3')).toBeUndefined();
  });
});

describe('parseDirection', () => {
  it('reads the English words, any case and spacing', () => {
    for (const w of ['higher', 'HIGH', ' up ', 'at-least']) expect(parseDirection(w), w).toBe('higher');
    for (const w of ['lower', 'Low', 'down', 'at-most']) expect(parseDirection(w), w).toBe('lower');
    for (const w of ['within', 'band', 'Range']) expect(parseDirection(w), w).toBe('within');
  });

  it('reads the Chinese words', () => {
    expect(parseDirection('越高越好')).toBe('higher');
    expect(parseDirection('高')).toBe('higher');
    expect(parseDirection('越低越好')).toBe('lower');
    expect(parseDirection('低')).toBe('lower');
    expect(parseDirection('区间')).toBe('within');
    expect(parseDirection('范围内')).toBe('within');
  });

  it('is undefined for other words', () => {
    expect(parseDirection('')).toBeUndefined();
    expect(parseDirection('sideways')).toBeUndefined();
    expect(parseDirection('toString')).toBeUndefined();
  });

  // Was a bug: a lookup in a plain object found Object.prototype's names ('constructor', '__proto__') as words.
  it('is undefined for words that are only names of Object.prototype', () => {
    for (const w of ['constructor', '__proto__']) expect(parseDirection(w), w).toBeUndefined();
  });
});

describe('overrideRule', () => {
  const response = linear('lower', 30, 90);

  it('keeps the KPI’s own rule when every field is null', () => {
    expect(overrideRule(response, override())).toEqual(response);
    expect(overrideRule(banded('lower', RESPONSE), override())).toEqual(banded('lower', RESPONSE));
    expect(overrideRule(within(80, 90, 95, 100), override())).toEqual(within(80, 90, 95, 100));
  });

  it('replaces only the fields given', () => {
    expect(overrideRule(response, override({ target: 20 }))).toEqual(linear('lower', 20, 90));
    expect(overrideRule(response, override({ threshold: 120 }))).toEqual(linear('lower', 30, 120));
    expect(overrideRule(response, override({ target: 45, threshold: 120 }))).toEqual(linear('lower', 45, 120));
  });

  it('bands replace a threshold; the target becomes the best band’s bound unless one is given', () => {
    const season: Band[] = [{ bound: 60, score: 100 }];
    expect(overrideRule(response, override({ bands: season }))).toEqual({ ...banded('lower', season), target: 60 });
    expect(overrideRule(response, override({ bands: season, target: 50 }))).toEqual({ ...banded('lower', season), target: 50 });
  });

  it('a banded KPI keeps its bands when the season changes only the target', () => {
    expect(overrideRule(banded('lower', RESPONSE), override({ target: 40 }))).toEqual({ ...banded('lower', RESPONSE), target: 40 });
  });

  it('other bands replace a banded KPI’s bands', () => {
    const season: Band[] = [
      { bound: 60, score: 100 },
      { bound: 90, score: 70 },
    ];
    expect(overrideRule(banded('lower', RESPONSE), override({ bands: season }))).toEqual(banded('lower', season));
  });

  it('a threshold override on a banded KPI scores it linearly: the bands go, the KPI’s target stays', () => {
    const r = overrideRule(banded('lower', RESPONSE), override({ threshold: 120 }));
    expect(r).toEqual(linear('lower', 30, 120));
    expect(scoreValue(r, 75)).toBe(50);
  });

  it('"within": each end of the range and each threshold can change alone', () => {
    const base = within(80, 90, 95, 100);
    expect(overrideRule(base, override({ targetHigh: 97 }))).toEqual(within(80, 90, 97, 100));
    expect(overrideRule(base, override({ target: 85 }))).toEqual(within(80, 85, 95, 100));
    expect(overrideRule(base, override({ threshold: 70 }))).toEqual(within(70, 90, 95, 100));
    expect(overrideRule(base, override({ thresholdHigh: 110 }))).toEqual(within(80, 90, 95, 110));
  });

  it('a high end given to a KPI that is not "within" is dropped', () => {
    expect(overrideRule(response, override({ targetHigh: 40, thresholdHigh: 100 }))).toEqual(response);
  });

  it('keeps the KPI’s direction', () => {
    expect(overrideRule(linear('higher', 100, 60), override({ bands: RATE })).direction).toBe('higher');
  });
});

describe('cycleScore (pro rata over seasons)', () => {
  const base = banded('lower', RESPONSE.slice(0, 2)); // ≤30 → 100, ≤45 → 80, else 0
  const double11 = banded('lower', [{ bound: 60, score: 100 }]); // the season: ≤60 → 100

  it('without a season is the base score', () => {
    expect(cycleScore(base, [], 30, 50)).toBe(0);
    expect(cycleScore(base, [], 30, 40)).toBe(80);
    expect(cycleScore(linear('higher', 3, 0), [], 30, 1)).toBe(33.33);
  });

  it('11 of 30 days in a season: 11/30 of the season’s score and 19/30 of the base one', () => {
    // 50 s scores 0 normally and 100 in the season: 11/30 × 100.
    expect(cycleScore(base, [{ season: '双11', days: 11, rule: double11 }], 30, 50)).toBe(36.67);
    // 45 s scores 80 normally: (11 × 100 + 19 × 80) / 30.
    expect(cycleScore(base, [{ season: '双11', days: 11, rule: double11 }], 30, 45)).toBe(87.33);
    // A value both rules score alike scores so whatever the share.
    expect(cycleScore(base, [{ season: '双11', days: 11, rule: double11 }], 30, 20)).toBe(100);
    expect(cycleScore(base, [{ season: '双11', days: 11, rule: double11 }], 30, 61)).toBe(0);
  });

  it('a season covering the whole cycle is the season’s score', () => {
    expect(cycleScore(base, [{ season: '双11', days: 30, rule: double11 }], 30, 50)).toBe(100);
  });

  it('a season of no days is the base score', () => {
    expect(cycleScore(base, [{ season: '双11', days: 0, rule: double11 }], 30, 50)).toBe(0);
  });

  it('two seasons each count for their days, the base for the rest', () => {
    const sales = linear('higher', 100, 60); // 80 → 50
    const easy = linear('higher', 80, 40); // 80 → 100
    const hard = linear('higher', 120, 80); // 80 → 0
    const seasons = [
      { season: 'A', days: 3, rule: easy },
      { season: 'B', days: 5, rule: hard },
    ];
    // (3 × 100 + 5 × 0 + 23 × 50) / 31 = 46.774…
    expect(cycleScore(sales, seasons, 31, 80)).toBe(46.77);
  });
});

// ── Properties ────────────────────────────────────────────────────────────
// Any number a KPI may hold (±1e12); distinct ends compare as numbers: 0 and -0 are one value.
const num = fc.double({ min: -MAX_QUANTITY, max: MAX_QUANTITY, noNaN: true });
const two = fc.uniqueArray(num, { minLength: 2, maxLength: 2, comparator: 'SameValueZero' }).map((xs) => [...xs].sort((a, b) => a - b) as [number, number]);
const linearRule = (direction: 'higher' | 'lower') => two.map(([lo, hi]) => (direction === 'higher' ? linear('higher', hi, lo) : linear('lower', lo, hi)));
const withinRule = fc.uniqueArray(num, { minLength: 4, maxLength: 4, comparator: 'SameValueZero' }).map((xs) => {
  const [z, t, h, zh] = [...xs].sort((a, b) => a - b) as [number, number, number, number];
  return within(z, t, h, zh);
});
/** Sound bands: distinct scores in (0, 100] best first, bounds strictly better with each better score. */
const bandsRule = (direction: 'higher' | 'lower') =>
  fc
    .integer({ min: 1, max: 4 })
    .chain((k) => fc.tuple(fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: k, maxLength: k }), fc.uniqueArray(num, { minLength: k, maxLength: k, comparator: 'SameValueZero' })))
    .map(([scores, bounds]) => {
      const s = [...scores].sort((a, b) => b - a);
      const b = [...bounds].sort((x, y) => (direction === 'lower' ? x - y : y - x));
      return banded(direction, s.map((score, i) => ({ score, bound: b[i]! })));
    });
const ruleOf = (direction: 'higher' | 'lower') => fc.oneof(linearRule(direction), bandsRule(direction));
const anyRule = fc.oneof(ruleOf('higher'), ruleOf('lower'), withinRule);

describe('scoring properties', () => {
  it('the generated rules are sound (the properties below are about sound rules)', () => {
    fc.assert(
      fc.property(anyRule, (r) => {
        expect(ruleProblem(r)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('scoreValue is within [0, 100] for any sound rule and any value (property)', () => {
    fc.assert(
      fc.property(anyRule, num, (r, v) => {
        const s = scoreValue(r, v);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
        expect(round2(s)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('higher is better: the score never falls as the value rises (property)', () => {
    fc.assert(
      fc.property(ruleOf('higher'), two, (r, [a, b]) => {
        expect(scoreValue(r, a)).toBeLessThanOrEqual(scoreValue(r, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('lower is better: the score never rises as the value rises (property)', () => {
    fc.assert(
      fc.property(ruleOf('lower'), two, (r, [a, b]) => {
        expect(scoreValue(r, a)).toBeGreaterThanOrEqual(scoreValue(r, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('cycleScore lies between the base score and the season’s score (property)', () => {
    const direction = fc.constantFrom<'higher' | 'lower'>('higher', 'lower');
    const setup = direction.chain((d) => fc.tuple(ruleOf(d), ruleOf(d), fc.integer({ min: 28, max: 31 })));
    fc.assert(
      fc.property(
        setup.chain(([b, s, total]) => fc.tuple(fc.constant(b), fc.constant(s), fc.constant(total), fc.integer({ min: 0, max: total }))),
        num,
        ([b, s, total, days], v) => {
          const score = cycleScore(b, [{ season: 'S', days, rule: s }], total, v);
          const ends = [scoreValue(b, v), scoreValue(s, v)];
          expect(score).toBeGreaterThanOrEqual(Math.min(...ends));
          expect(score).toBeLessThanOrEqual(Math.max(...ends));
          if (days === 0) expect(score).toBe(scoreValue(b, v));
          if (days === total) expect(score).toBe(scoreValue(s, v));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
