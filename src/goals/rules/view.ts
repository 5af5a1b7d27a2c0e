/**
 * A goal's view (the JSON shape of `goals list/tree --json`) and that JSON
 * written from stored parts. Pure.
 *
 * A list of 20,000 goals is 15 MB of JSON: stringifying it costs ~90 ms and
 * reading the 37 values of every row ~150 ms more. So each goal stores the
 * text of its view less what changes without a write to the goal (see
 * `goalJsonParts`), and a list writes each goal as that text with the owner
 * (read live: a member or department may be renamed) and today's judgement
 * spliced in (the owner by the list query, json.repository.ts). The result is
 * byte for byte `JSON.stringify(toView(g, e))` (tests/goals/unit/view.test.ts).
 */
import { judge, type GoalFacts, type GoalSummary, type Judgement } from './evaluate.js';
import { roundTo, type Goal, type GoalView } from './goal.js';

/**
 * A goal with its judgement, rounded for display. Written out field by field
 * (the Goal's order, then the judgement's) rather than spread: one object of
 * one shape for every goal, which is what makes a 20,000-goal list cheap.
 */
export function toView(g: Goal, e: Judgement): GoalView {
  return {
    id: g.id,
    title: g.title,
    ownerType: g.ownerType,
    ownerId: g.ownerId,
    owner: g.owner,
    ownerName: g.ownerName,
    metric: g.metric,
    unit: g.unit,
    kind: g.kind,
    decimals: g.decimals,
    baseline: g.baseline,
    target: g.target,
    direction: g.direction,
    start: g.start,
    due: g.due,
    horizon: g.horizon,
    term: g.term,
    relevance: g.relevance,
    parentId: g.parentId,
    weight: g.weight,
    periodLabel: g.periodLabel,
    draft: g.draft,
    cadenceDays: g.cadenceDays,
    state: g.state,
    finalValue: g.finalValue,
    closedAt: g.closedAt,
    childCount: g.childCount,
    archivedAt: g.archivedAt,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    value: roundTo(e.value, g.decimals),
    progressPct: roundTo(e.progressPct, 1),
    expectedPct: roundTo(e.expectedPct, 1),
    projected: roundTo(e.projected, g.decimals),
    status: e.status,
    stale: e.stale,
    lastCheckinDate: e.lastCheckinDate,
  };
}

/** A Goal made its own view in place (for a Goal the caller owns, such as one streamed from a query): the judgement's fields added in toView's order (the same JSON), no copy. */
export function becomeView(g: Goal, e: Judgement): GoalView {
  const v = g as GoalView;
  v.value = roundTo(e.value, g.decimals);
  v.progressPct = roundTo(e.progressPct, 1);
  v.expectedPct = roundTo(e.expectedPct, 1);
  v.projected = roundTo(e.projected, g.decimals);
  v.status = e.status;
  v.stale = e.stale;
  v.lastCheckinDate = e.lastCheckinDate;
  return v;
}

/**
 * The stored text of a goal's view: `head` is the JSON up to the owner
 * (`{"id":…,"title":…,"ownerType":…,"ownerId":…`), `tail` the fields between
 * the owner and the judgement (`"metric":…` to `"updatedAt":…`). Both are
 * cut from the view's own JSON, so they cannot drift from `toView`.
 */
export interface GoalJsonParts {
  head: string;
  tail: string;
}

const NO_JUDGEMENT: Judgement = { value: null, progressPct: null, expectedPct: null, projected: null, status: 'draft', stale: false, lastCheckinDate: null };

export function goalJsonParts(g: Goal): GoalJsonParts {
  const json = JSON.stringify(toView(g, NO_JUDGEMENT));
  // Keys are written bare and every `"` inside a string is escaped, so these
  // markers only ever match the keys themselves.
  const owner = json.indexOf(',"owner":');
  const metric = json.indexOf(',"metric":', owner);
  const value = json.indexOf(',"value":', metric);
  return { head: json.slice(0, owner), tail: json.slice(metric + 1, value) };
}

/** What judging a goal takes (its facts, precision and summary), stored with its JSON as one text. */
export interface JudgeInput {
  facts: GoalFacts;
  decimals: number;
  summary: GoalSummary;
}

/**
 * A JudgeInput as one compact JSON array: a list reads one value per goal
 * for it instead of 17 columns (each value read costs, 20,000 times).
 * @example packJudgeInput(g, s) // '["additive",0,100,"increase","2026-01-01","2026-03-31",0,"open",null,7,0,3,10,40,"2026-02-01",95.5,1,"单"]'
 */
export function packJudgeInput(g: GoalFacts & { decimals: number }, s: GoalSummary): string {
  return JSON.stringify([g.kind, g.baseline, g.target, g.direction, g.start, g.due, g.draft ? 1 : 0, g.state, g.finalValue, g.cadenceDays, g.decimals, s.points, s.firstValue, s.lastValue, s.lastDate, s.projected, s.leaf ? 1 : 0, g.unit]);
}

/** The JudgeInput that packJudgeInput wrote. */
export function unpackJudgeInput(text: string): JudgeInput {
  const a = JSON.parse(text) as Packed;
  return {
    // A goal stored before its unit was packed (a[17]) is judged without it: its projection is reported unbounded.
    facts: { unit: a[17] ?? null, kind: a[0], baseline: a[1], target: a[2], direction: a[3], start: a[4], due: a[5], draft: a[6] === 1, state: a[7], finalValue: a[8], cadenceDays: a[9] },
    decimals: a[10],
    summary: { points: a[11], firstValue: a[12], lastValue: a[13], lastDate: a[14], projected: a[15], leaf: a[16] === 1 },
  };
}

type Packed = [
  GoalFacts['kind'], number | null, number | null, GoalFacts['direction'], string | null, string | null, 0 | 1, GoalFacts['state'], number | null, number, number,
  number, number | null, number | null, string | null, number | null, 0 | 1, (string | null)?,
];

/** A goal's stored JSON with its packed judge input judged on `day`: the text a list writes of it (goalJson). */
export function judgedGoalJson(json: string, packed: string, day: string, children?: readonly string[]): string {
  const { facts, decimals, summary } = unpackJudgeInput(packed);
  return goalJson(json, judge(facts, summary, day), decimals, children);
}

/**
 * One goal's view as JSON: `json` is the stored parts with the owner spliced
 * in between (`{"id":…` to `"updatedAt":…`, as json.repository.ts splices them), then today's
 * judgement; with `children` (their JSON texts), a tree node's. The status
 * and the date are written unescaped: an enum and a YYYY-MM-DD date.
 */
export function goalJson(json: string, e: Judgement, decimals: number, children?: readonly string[]): string {
  return `${json},"value":${num(roundTo(e.value, decimals))},"progressPct":${num(roundTo(e.progressPct, 1))},"expectedPct":${num(roundTo(e.expectedPct, 1))},"projected":${num(roundTo(e.projected, decimals))},"status":"${e.status}","stale":${e.stale},"lastCheckinDate":${e.lastCheckinDate === null ? 'null' : `"${e.lastCheckinDate}"`}${children === undefined ? '' : `,"children":[${children.join(',')}]`}}`;
}

/** A number as JSON writes it (non-finite numbers become null). */
function num(v: number | null): string {
  return v === null || !Number.isFinite(v) ? 'null' : String(v);
}
