/**
 * The stored JSON of a goal's view (rules/view.ts): written from its parts,
 * the owner and a judgement, it is byte for byte JSON.stringify of the view,
 * for any goal, owner text and judgement; and the packed judge input gives
 * back what was packed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GoalSummary, Judgement } from '../../../src/goals/rules/evaluate.js';
import type { Goal } from '../../../src/goals/rules/goal.js';
import { goalJson, goalJsonParts, packJudgeInput, toView, unpackJudgeInput, type GoalJsonParts } from '../../../src/goals/rules/view.js';

/** The parts with the owner between them, as the list query splices them in SQL (json_quote; tests/goals/cli/summaries.test.ts renames owners through it). */
const withOwner = (parts: GoalJsonParts, owner: string, ownerName: string | null) => `${parts.head},"owner":${JSON.stringify(owner)},"ownerName":${JSON.stringify(ownerName)},${parts.tail}`;

// Any text, including quotes, backslashes, control characters, CJK and emoji, and the keys' own markers.
const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.constantFrom('', '"', '\\', '\n\t\u0000\u001f', ',"owner":', ',"metric":', ',"value":', '季度 GMV ¥', '🚀'));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0, -0, 0.1, 1e21, 1e-7, 36000000));
const date = fc.constantFrom('2026-01-01', '2026-11-23', '2027-02-28');
const stamp = fc.constantFrom('2026-11-23T12:00:00.000Z', '2025-12-22T06:54:00.000Z');

const goal: fc.Arbitrary<Goal> = fc.record({
  id: fc.nat(),
  title: text,
  ownerType: fc.constantFrom('member', 'department', 'team'),
  ownerId: maybe(fc.nat()),
  owner: text,
  ownerName: maybe(text),
  metric: maybe(text),
  unit: maybe(text),
  kind: fc.constantFrom('additive', 'rate', null),
  decimals: fc.integer({ min: 0, max: 4 }),
  baseline: maybe(number),
  target: maybe(number),
  direction: fc.constantFrom('increase', 'decrease', 'at-least', 'at-most', null),
  start: maybe(date),
  due: maybe(date),
  horizon: fc.constantFrom('month', 'quarter', 'year', 'week'),
  term: fc.constantFrom('long', 'short'),
  relevance: maybe(text),
  parentId: maybe(fc.nat()),
  weight: maybe(number),
  periodLabel: maybe(text),
  draft: fc.boolean(),
  cadenceDays: fc.integer({ min: 1, max: 90 }),
  state: fc.constantFrom('open', 'achieved', 'missed'),
  finalValue: maybe(number),
  closedAt: maybe(stamp),
  childCount: fc.nat(),
  archivedAt: maybe(stamp),
  createdAt: stamp,
  updatedAt: stamp,
});

const judgement: fc.Arbitrary<Judgement> = fc.record({
  value: maybe(number),
  progressPct: maybe(number),
  expectedPct: maybe(number),
  projected: maybe(number),
  status: fc.constantFrom('draft', 'not-started', 'on-track', 'at-risk', 'off-track', 'done', 'missed'),
  stale: fc.boolean(),
  lastCheckinDate: maybe(date),
});

const summary: fc.Arbitrary<GoalSummary> = fc.record({
  points: fc.nat(),
  firstValue: maybe(number),
  lastValue: maybe(number),
  lastDate: maybe(date),
  projected: maybe(number),
  leaf: fc.boolean(),
});

describe('a goal view written from its stored JSON', () => {
  it('is JSON.stringify of the view, for any goal, owner and judgement', () => {
    fc.assert(
      fc.property(goal, judgement, (g, e) => {
        expect(goalJson(withOwner(goalJsonParts(g), g.owner, g.ownerName), e, g.decimals)).toBe(JSON.stringify(toView(g, e)));
      }),
      { numRuns: 500 },
    );
  });

  it('takes the owner as given, not as it was when the parts were stored (a rename)', () => {
    fc.assert(
      fc.property(goal, judgement, text, maybe(text), (g, e, owner, ownerName) => {
        const renamed = { ...g, owner, ownerName };
        expect(goalJson(withOwner(goalJsonParts(g), owner, ownerName), e, g.decimals)).toBe(JSON.stringify(toView(renamed, e)));
      }),
      { numRuns: 200 },
    );
  });

  it('as a tree node: the view with its children after it', () => {
    fc.assert(
      fc.property(goal, judgement, fc.array(fc.tuple(goal, judgement), { maxLength: 4 }), (g, e, kids) => {
        const children = kids.map(([k, ke]) => goalJson(withOwner(goalJsonParts(k), k.owner, k.ownerName), ke, k.decimals, []));
        const expected = { ...toView(g, e), children: kids.map(([k, ke]) => ({ ...toView(k, ke), children: [] })) };
        expect(goalJson(withOwner(goalJsonParts(g), g.owner, g.ownerName), e, g.decimals, children)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('rounds as the view does: values at the goal’s precision, percentages to one decimal', () => {
    const g: Goal = { ...fc.sample(goal, { numRuns: 1, seed: 1 })[0]!, decimals: 2 };
    const e: Judgement = { value: 0.1 + 0.2, progressPct: 33.333333, expectedPct: 66.66, projected: 1234.5678, status: 'on-track', stale: false, lastCheckinDate: '2026-11-20' };
    const json = JSON.parse(goalJson(withOwner(goalJsonParts(g), g.owner, g.ownerName), e, g.decimals)) as Record<string, unknown>;
    expect([json.value, json.progressPct, json.expectedPct, json.projected]).toEqual([0.3, 33.3, 66.7, 1234.57]);
  });
});

describe('the packed judge input', () => {
  // -0 is left out: JSON writes it as 0, and so does SQLite, which every stored number has been through.
  const noMinusZero = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  it('gives back the facts, precision and summary it was packed from', () => {
    fc.assert(
      fc.property(goal.map(noMinusZero), summary.map(noMinusZero), (g, s) => {
        const { facts, decimals, summary: back } = unpackJudgeInput(packJudgeInput(g, s));
        expect(facts).toEqual({ unit: g.unit, kind: g.kind, baseline: g.baseline, target: g.target, direction: g.direction, start: g.start, due: g.due, draft: g.draft, state: g.state, finalValue: g.finalValue, cadenceDays: g.cadenceDays });
        expect(decimals).toBe(g.decimals);
        expect(back).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('stored before the unit was packed, gives no unit: the projection is then reported unbounded', () => {
    const old = '["rate",60,30,"decrease","2026-11-01","2026-11-30",0,"open",null,7,0,1,40,40,"2026-11-05",-85,1]';
    expect(unpackJudgeInput(old).facts.unit).toBeNull();
  });
});
