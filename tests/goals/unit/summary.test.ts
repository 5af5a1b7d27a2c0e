/**
 * The split of evaluation into a stored, today-independent summary and a
 * cheap judgement on today: for random goals, series and days,
 * judge(summarize(…)) is exactly what evaluation gave before the split.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal, goalSeries, judge, judgementSpan, SPAN_DAYS, summarize, type ChildInput, type GoalFacts, type Point } from '../../../src/goals/rules/evaluate.js';
import { fromDay, toDay } from '../../../src/shared/dates.js';
import { oldEvaluateGoal } from './evaluate-before-split.js';

/** mulberry32: a small seeded PRNG, so a failure replays. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const maybe = <T>(p: number, v: () => T): T | null => (next() < p ? null : v());
  return { next, int, pick, maybe };
}

type Rnd = ReturnType<typeof prng>;
const BASE = toDay('2026-11-01');

/** Values on a few scales, some repeated, some equal to the target or baseline, some negative or fractional. */
function value(r: Rnd, around: number): number {
  return r.pick([0, around, -around, Math.round(around * r.next() * 2), around * r.next() * 2, 0.1 + 0.2, r.int(-5, 5)]);
}

function facts(r: Rnd): GoalFacts {
  const start = r.maybe(0.08, () => fromDay(BASE + r.int(-30, 30)));
  const due = r.maybe(0.08, () => fromDay((start ? toDay(start) : BASE) + r.int(-3, 90)));
  const target = r.maybe(0.08, () => value(r, 100));
  return {
    // No unit: the oracle predates units bounding the projection (evaluate.test.ts tests the bound).
    unit: null,
    kind: r.pick(['additive', 'rate', null] as const),
    baseline: r.maybe(0.4, () => r.pick([0, target ?? 50, value(r, 100)])),
    target,
    direction: r.maybe(0.08, () => r.pick(['increase', 'decrease', 'at-least', 'at-most'] as const)),
    start,
    due,
    draft: r.next() < 0.1,
    state: r.pick(['open', 'open', 'open', 'achieved', 'missed'] as const),
    finalValue: r.maybe(0.5, () => value(r, 100)),
    cadenceDays: r.int(1, 14),
  };
}

/** Check-ins in any order, some on one date (the last one wins), some before start or after due. */
function checkins(r: Rnd, g: GoalFacts): Point[] {
  const from = g.start ? toDay(g.start) : BASE;
  const n = r.pick([0, 0, 1, 1, 2, 3, 5, 12]);
  const out: Point[] = [];
  for (let i = 0; i < n; i++) out.push({ date: fromDay(from + r.int(-5, 95)), value: value(r, 100) });
  if (r.next() < 0.5) out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

function children(r: Rnd, g: GoalFacts): ChildInput[] | null {
  if (r.next() < 0.5) return null;
  const k = r.int(0, 4);
  const out: ChildInput[] = [];
  for (let i = 0; i < k; i++) {
    const series = goalSeries({ kind: null }, checkins(r, g), null);
    const weight = r.maybe(0.5, () => r.pick([0, 1, 2, 0.5]));
    out.push({ series, target: value(r, 50), ...(weight !== null && { weight }) });
  }
  return out;
}

describe('summarize + judge', () => {
  it('gives exactly the evaluation of before the split, for 10,000 random goals, series and days', () => {
    const r = prng(20261201);
    for (let i = 0; i < 10_000; i++) {
      const g = facts(r);
      const c = checkins(r, g);
      const kids = children(r, g);
      const today = fromDay((g.start ? toDay(g.start) : BASE) + r.int(-20, 120));
      const expected = oldEvaluateGoal(g, c, kids, today);
      const series = goalSeries(g, c, kids);
      const judged = { ...judge(g, summarize(g, series, !kids || kids.length === 0), today), series };
      expect(judged, `case ${i}: ${JSON.stringify({ g, c, kids, today })}`).toStrictEqual(expected);
      expect(evaluateGoal(g, c, kids, today)).toStrictEqual(expected);
    }
  });

  it('a summary does not depend on today: one summary judged on many days matches evaluating on each', () => {
    const r = prng(7);
    for (let i = 0; i < 2_000; i++) {
      const g = facts(r);
      const c = checkins(r, g);
      const series = goalSeries(g, c, null);
      const s = summarize(g, series, true);
      for (let d = -10; d <= 100; d += 11) {
        const today = fromDay((g.start ? toDay(g.start) : BASE) + d);
        expect({ ...judge(g, s, today), series }).toStrictEqual(oldEvaluateGoal(g, c, null, today));
      }
    }
  });

  it('summarizes the series ends, its length and the projection', () => {
    const g: GoalFacts = { unit: null, kind: 'additive', baseline: null, target: 300, direction: 'increase', start: '2026-11-01', due: '2026-11-30', draft: false, state: 'open', finalValue: null, cadenceDays: 7 };
    const series = [
      { date: '2026-11-10', value: 90 },
      { date: '2026-11-20', value: 190 },
    ];
    // Additive: counts from 0 at the start; the line through (0, 0), (9, 90), (19, 190) is 10 a day.
    const s = summarize(g, series, true);
    expect({ ...s, projected: 0 }).toEqual({ points: 2, firstValue: 90, lastValue: 190, lastDate: '2026-11-20', projected: 0, leaf: true });
    expect(s.projected).toBeCloseTo(290, 9);
    expect(summarize({ ...g, due: null }, series, false)).toEqual({ points: 2, firstValue: 90, lastValue: 190, lastDate: '2026-11-20', projected: null, leaf: false });
    expect(summarize(g, [], true)).toEqual({ points: 0, firstValue: null, lastValue: null, lastDate: null, projected: null, leaf: true });
  });
});

describe('judgementSpan', () => {
  it('holds exactly: judged on every day of the span the status and staleness are the same, and on the day after they differ', () => {
    const r = prng(20261204);
    let cut = 0;
    for (let i = 0; i < 2_000; i++) {
      const g = facts(r);
      const c = checkins(r, g);
      const kids = children(r, g);
      const s = summarize(g, goalSeries(g, c, kids), !kids || kids.length === 0);
      const today = fromDay((g.start ? toDay(g.start) : BASE) + r.int(-20, 120));
      const span = judgementSpan(g, s, today);
      const first = judge(g, s, today);
      const why = `case ${i}: ${JSON.stringify({ g, s, today, span })}`;
      expect({ status: span.status, stale: span.stale, from: span.from }, why).toEqual({ status: first.status, stale: first.stale, from: today });
      const last = toDay(span.until);
      expect(last, why).toBeGreaterThanOrEqual(toDay(today));
      expect(last, why).toBeLessThanOrEqual(toDay(today) + SPAN_DAYS);
      for (let d = toDay(today); d <= last; d++) {
        const e = judge(g, s, fromDay(d));
        // One expect per case, not per day (3,000 × 62 of them cost seconds).
        if (e.status !== span.status || e.stale !== span.stale) expect([e.status, e.stale], `${why} on ${fromDay(d)}`).toEqual([span.status, span.stale]);
      }
      if (last < toDay(today) + SPAN_DAYS) {
        cut++;
        const after = judge(g, s, fromDay(last + 1));
        expect([after.status, after.stale], why).not.toEqual([span.status, span.stale]);
      }
    }
    // The generator reaches both ends: spans that a change cuts short, and spans that reach the horizon.
    expect(cut).toBeGreaterThan(200);
    expect(cut).toBeLessThan(1_800);
  });

  it('ends the day before a goal goes stale, and looks no further than asked', () => {
    const g: GoalFacts = { unit: null, kind: 'additive', baseline: null, target: 300, direction: 'increase', start: '2026-11-01', due: '2026-11-30', draft: true, state: 'open', finalValue: null, cadenceDays: 7 };
    const s = summarize(g, [{ date: '2026-11-10', value: 90 }], true);
    // A draft is a draft every day: the span runs to the horizon, or to what the caller asked.
    expect(judgementSpan(g, s, '2026-11-12')).toEqual({ status: 'draft', stale: false, from: '2026-11-12', until: '2027-01-13' });
    expect(judgementSpan(g, s, '2026-11-12', 3).until).toBe('2026-11-15');
    // Open and checked in on the 10th with a 7-day cadence: stale from the 18th.
    const open = { ...g, draft: false };
    const span = judgementSpan(open, summarize(open, [{ date: '2026-11-10', value: 90 }], true), '2026-11-12');
    expect(span.stale).toBe(false);
    expect(span.until <= '2026-11-17').toBe(true);
  });
});
