/** One evaluation's scores from what is recorded in it, pure: each KPI's score and weighted share, the parts, the final score and grade, what is missing. */
import { toDay } from '../../shared/dates.js';
import { finalScore, gradeOf, kpiScore, missingParts, rankScores, type Part, type Parts } from './cycle.js';
import type { Cycle, EvaluationHead, Item, Peer } from './evaluation.js';
import { cycleScore, round2 } from './scoring.js';

export interface ItemScore extends Item {
  /** 0–100; null until a value is recorded. */
  score: number | null;
  /** The score's share of the KPI score (score × weight / 100). */
  weighted: number | null;
}

export interface Scored {
  /** The items with their scores (empty unless asked for in detail). */
  items: ItemScore[];
  /** Each item's score, in the items' order. */
  itemScores: (number | null)[];
  peers: Peer[];
  parts: Parts;
  finalScore: number | null;
  grade: string | null;
  /** What the final score still needs: KPI names without a value, then the parts (self, peer, lead) without a score. */
  missing: string[];
  missingParts: Part[];
}

export const cycleDays = (c: Pick<Cycle, 'from' | 'to'>) => toDay(c.to) - toDay(c.from) + 1;

/** The peers' mean, to two decimals; null without one. */
export function peerMean(peers: readonly Peer[]): number | null {
  return peers.length === 0 ? null : round2(peers.reduce((s, p) => s + p.score, 0) / peers.length);
}

/** What scoring needs of an item (a report reads only these columns). */
export type ScoredItem = Pick<Item, 'name' | 'unit' | 'direction' | 'target' | 'targetHigh' | 'threshold' | 'thresholdHigh' | 'bands' | 'weight' | 'seasons' | 'value'>;

/**
 * One evaluation's scores. With `detail`, each item is copied with its score
 * (what `evals show` prints); without, only `itemScores` (a report scores a
 * whole cycle, and copying 12,000 items was most of its time).
 */
export function scoreEvaluation(head: Pick<EvaluationHead, 'selfScore' | 'leadScore' | 'adjust'>, items: readonly ScoredItem[], peers: readonly Peer[], cycle: Cycle, detail = true): Scored {
  const days = cycleDays(cycle);
  const itemScores = items.map((i) => (i.value === null ? null : cycleScore(i, i.seasons, days, i.value)));
  const weighted = items.map((i, n) => ({ score: itemScores[n]!, weight: i.weight }));
  const parts: Parts = { kpi: kpiScore(weighted), self: head.selfScore, peer: peerMean(peers), lead: head.leadScore };
  const final = finalScore(parts, cycle.weights, head.adjust);
  const gaps = missingParts(parts, cycle.weights);
  return {
    items: detail ? (items as readonly Item[]).map((i, n) => ({ ...i, score: itemScores[n]!, weighted: itemScores[n] === null ? null : round2((itemScores[n]! * i.weight) / 100) })) : [],
    itemScores,
    peers: [...peers],
    parts,
    finalScore: final,
    grade: final === null ? null : gradeOf(final, cycle.grades),
    missing: [...(cycle.weights.kpi > 0 ? items.filter((i) => i.value === null).map((i) => i.name) : []), ...gaps.filter((p) => p !== 'kpi')],
    missingParts: gaps,
  };
}

/** Team and department ranks of a cycle's scored evaluations (ties share a rank). */
export function rankCycle<T extends { finalScore: number | null; departmentId: number | null }>(rows: readonly T[]): Map<T, { rank: number | null; departmentRank: number | null }> {
  const keyed = rows.map((r) => ({ r, score: r.finalScore }));
  const team = rankScores(keyed);
  const out = new Map<T, { rank: number | null; departmentRank: number | null }>();
  const byDept = new Map<number | null, typeof keyed>();
  for (const k of keyed) {
    const list = byDept.get(k.r.departmentId);
    if (list) list.push(k);
    else byDept.set(k.r.departmentId, [k]);
  }
  const deptRank = new Map<(typeof keyed)[number], number>();
  // Members in no department have no department rank.
  for (const [dept, list] of byDept) if (dept !== null) for (const [k, rank] of rankScores(list)) deptRank.set(k, rank);
  for (const k of keyed) out.set(k.r, { rank: team.get(k) ?? null, departmentRank: deptRank.get(k) ?? null });
  return out;
}

