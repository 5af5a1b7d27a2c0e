/**
 * How a measured value becomes a score of 0–100, pure. A KPI is scored
 * either linearly between the value that scores zero (the threshold) and the
 * target, capped at both ends, or by explicit bands (≤ 30 s → 100, ≤ 45 s →
 * 80, …, else 0). "Higher is better", "lower is better" and "within a band"
 * (a target range with a zero point on each side) are the directions.
 */
import type { MessageKey } from '../../i18n/index.js';
import { MAX_QUANTITY } from '../../shared/numbers.js';

export const DIRECTIONS = ['higher', 'lower', 'within'] as const;
export type KpiDirection = (typeof DIRECTIONS)[number];

/** One band: a value at least (higher) or at most (lower) `bound` scores `score`. */
export interface Band {
  bound: number;
  score: number;
}

/** What scoring needs of a KPI: the direction and either a threshold or bands. */
export interface ScoreRule {
  direction: KpiDirection;
  /** The value that scores 100 (for "within": the low end of the target range). */
  target: number;
  /** "within" only: the high end of the target range. */
  targetHigh: number | null;
  /** The value that scores 0 (for "within": the low one); null when scored by bands. */
  threshold: number | null;
  /** "within" only: the high value that scores 0. */
  thresholdHigh: number | null;
  /** Explicit bands, best first; null when scored linearly. */
  bands: readonly Band[] | null;
}

const clamp = (x: number) => Math.min(100, Math.max(0, x));
/** Scores are kept to two decimals: 1/3 of 100 is 33.33, and the same value always gives the same score. */
export const round2 = (x: number) => Math.round(x * 100) / 100;
/** A final score to one decimal: what is shown, ranked and graded. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The score of a value by the rule: 100 exactly on the target and beyond it,
 * 0 exactly on the threshold and beyond it, linear between.
 * @example scoreValue({ direction: 'lower', target: 30, threshold: 90, … }, 60) // 50
 */
export function scoreValue(rule: ScoreRule, value: number): number {
  if (rule.bands !== null) return scoreBands(rule.direction, rule.bands, value);
  const t = rule.target;
  const z = rule.threshold!;
  switch (rule.direction) {
    case 'higher':
      return round2(clamp(((value - z) / (t - z)) * 100));
    case 'lower':
      return round2(clamp(((z - value) / (z - t)) * 100));
    case 'within': {
      const hi = rule.targetHigh!;
      const zHi = rule.thresholdHigh!;
      if (value >= t && value <= hi) return 100;
      return value < t ? round2(clamp(((value - z) / (t - z)) * 100)) : round2(clamp(((zHi - value) / (zHi - hi)) * 100));
    }
  }
}

/** By bands: the first band the value reaches scores; below every band, 0. */
export function scoreBands(direction: KpiDirection, bands: readonly Band[], value: number): number {
  for (const b of bands) if (direction === 'lower' ? value <= b.bound : value >= b.bound) return b.score;
  return 0;
}

/** Bands as typed: "30:100,45:80,60:60" (bound:score, also "30=100"), best first once checked. */
export function parseBands(text: string): Band[] | undefined {
  const parts = text.split(/[,，;；]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: Band[] = [];
  for (const p of parts) {
    const m = /^(?:[<>≤≥]=?)?\s*(-?\d+(?:\.\d+)?)\s*[:=：]\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return undefined;
    out.push({ bound: Number(m[1]), score: Number(m[2]) });
  }
  return out;
}

/** Bands best first (highest score first): the order scoring reads them in. */
export const sortBands = (bands: readonly Band[]): Band[] => [...bands].sort((a, b) => b.score - a.score);

/** "≤30:100, ≤45:80, ≤60:60": bands as the reader sees them. */
export const bandsText = (direction: KpiDirection, bands: readonly Band[]) => bands.map((b) => `${direction === 'lower' ? '≤' : '≥'}${b.bound}:${b.score}`).join(', ');

/**
 * What is wrong with a rule, or null. Bands must not overlap: a better score
 * needs a strictly better bound, scores are distinct and in (0, 100].
 */
export function ruleProblem(r: ScoreRule): MessageKey | null {
  const nums = [r.target, r.targetHigh, r.threshold, r.thresholdHigh, ...(r.bands ?? []).map((b) => b.bound)];
  if (nums.some((n) => n !== null && (!Number.isFinite(n) || Math.abs(n) > MAX_QUANTITY))) return 'evaluations.err.kpiNumber';
  if (r.bands !== null) {
    if (r.direction === 'within') return 'evaluations.err.bandsWithin';
    if (r.bands.length === 0) return 'evaluations.err.badBands';
    const sorted = sortBands(r.bands);
    for (const [i, b] of sorted.entries()) {
      if (!(b.score > 0 && b.score <= 100)) return 'evaluations.err.bandScore';
      const next = sorted[i + 1];
      if (next && (next.score === b.score || (r.direction === 'lower' ? next.bound <= b.bound : next.bound >= b.bound))) return 'evaluations.err.bandsOverlap';
    }
    return null;
  }
  if (r.threshold === null) return 'evaluations.err.needThreshold';
  if (r.direction === 'higher') return r.threshold < r.target ? null : 'evaluations.err.thresholdHigher';
  if (r.direction === 'lower') return r.threshold > r.target ? null : 'evaluations.err.thresholdLower';
  if (r.targetHigh === null || r.thresholdHigh === null) return 'evaluations.err.withinNeedsRange';
  if (r.targetHigh < r.target) return 'evaluations.err.withinRange';
  return r.threshold < r.target && r.thresholdHigh > r.targetHigh ? null : 'evaluations.err.withinThreshold';
}

/** A range typed as "95-98" or "95..98" (for "within"), or a single number. */
export function parseRange(text: string): [number, number] | number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:\.\.|-|~|～|–)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (m) return [Number(m[1]), Number(m[2])];
  // Decimal only: Number() would take 0x10 as 16.
  return /^\s*-?\d+(?:\.\d+)?(?:e[-+]?\d+)?\s*$/i.test(text) ? Number(text) : undefined;
}

const DIRECTION_WORDS: Record<string, KpiDirection> = {
  higher: 'higher',
  high: 'higher',
  up: 'higher',
  'at-least': 'higher',
  越高越好: 'higher',
  高: 'higher',
  lower: 'lower',
  low: 'lower',
  down: 'lower',
  'at-most': 'lower',
  越低越好: 'lower',
  低: 'lower',
  within: 'within',
  band: 'within',
  range: 'within',
  区间: 'within',
  范围内: 'within',
};

/** A direction as typed, in English or Chinese; only the table's own words (not "constructor"). */
export function parseDirection(s: string): KpiDirection | undefined {
  const w = s.trim().toLowerCase();
  return Object.hasOwn(DIRECTION_WORDS, w) ? DIRECTION_WORDS[w] : undefined;
}

/** What a season changes of a KPI's rule; null: the KPI's own. */
export interface Override {
  target: number | null;
  targetHigh: number | null;
  threshold: number | null;
  thresholdHigh: number | null;
  bands: readonly Band[] | null;
}

/** A KPI's rule during a season: the override's numbers where given, the KPI's elsewhere; bands replace a threshold. */
export function overrideRule(base: ScoreRule, o: Override): ScoreRule {
  const bands = o.bands ?? (o.threshold !== null ? null : base.bands);
  return {
    direction: base.direction,
    target: o.target ?? (o.bands ? o.bands[0]!.bound : base.target),
    targetHigh: base.direction === 'within' ? (o.targetHigh ?? base.targetHigh) : null,
    threshold: bands !== null ? null : (o.threshold ?? base.threshold),
    thresholdHigh: bands !== null || base.direction !== 'within' ? null : (o.thresholdHigh ?? base.thresholdHigh),
    bands,
  };
}

/** A promotion season's share of a cycle: the days it covers, and the rule it scores by. */
export interface SeasonPart {
  season: string;
  days: number;
  rule: ScoreRule;
}

/**
 * A value's score in a cycle of `totalDays` of which seasons cover some:
 * each season's score for the days it covers, the normal score for the rest
 * (pro rata). 11 of 30 days in 双11 → 11/30 of its score + 19/30 of the normal one.
 */
export function cycleScore(base: ScoreRule, seasons: readonly SeasonPart[], totalDays: number, value: number): number {
  if (seasons.length === 0) return scoreValue(base, value);
  let covered = 0;
  let sum = 0;
  for (const s of seasons) {
    covered += s.days;
    sum += s.days * scoreValue(s.rule, value);
  }
  return round2((sum + (totalDays - covered) * scoreValue(base, value)) / totalDays);
}
