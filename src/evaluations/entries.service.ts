/**
 * What goes into an evaluation of an open cycle (or one under appeal): the
 * KPI values, typed or imported from a CSV file (every row or none), the
 * member's self-assessment, a colleague's score and the lead's review.
 * Every write is one transaction.
 */
import { getActiveMembers, resolveMemberId } from '../org/public.js';
import { InputError, LineError, TeamError } from '../shared/errors.js';
import { DECIMAL, MAX_QUANTITY } from '../shared/numbers.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { findEvaluation, listItems, setItemValue, setPeer, updateEvaluation, type EvaluationPatch } from './cycles.repository.js';
import { itemOf, writableEvaluation } from './cycles.service.js';
import { resolveCycle } from './resolve.js';
import type { EvaluationHead, Item } from './rules/evaluation.js';
import { scoreEvaluation } from './rules/evaluate.js';

/** A measured value: finite, within a trillion, and not below zero unless the KPI's own numbers are (a growth rate may fall). */
export function checkValue(item: Pick<Item, 'name' | 'target' | 'threshold' | 'thresholdHigh' | 'bands'>, value: number): void {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_QUANTITY) throw new InputError('evaluations.err.value', { value: String(value), max: MAX_QUANTITY });
  const lowest = Math.min(item.target, item.threshold ?? item.target, ...(item.bands ?? []).map((b) => b.bound));
  if (value < 0 && lowest >= 0) throw new InputError('evaluations.err.negativeValue', { kpi: item.name, value });
}

export interface RecordInput {
  member: string;
  kpi: string;
  value: number;
  period?: string;
}

/** Records one measured value (by hand: a later goal check-in no longer overwrites it). */
export async function recordValue(o: ServiceOptions, r: RecordInput): Promise<{ period: string; handle: string; kpi: string; value: number; score: number }> {
  return o.db.transaction(async (tx) => {
    const { cycle, head } = await writableEvaluation(tx, r.member, r.period);
    const items = await listItems(tx, [head.id]);
    const item = itemOf(items, r.kpi);
    checkValue(item, r.value);
    await setItemValue(tx, item.id, { value: r.value, source: 'manual', goalId: null }, o.actor, stamp(o.now));
    const scored = scoreEvaluation(head, items.map((i) => (i.id === item.id ? { ...i, value: r.value } : i)), [], cycle).items.find((i) => i.id === item.id)!;
    return { period: cycle.period, handle: head.handle, kpi: item.name, value: r.value, score: scored.score! };
  });
}

/** One row of an import, with where it came from. */
export interface ImportRow {
  line: number;
  member: string;
  kpi: string;
  value: string;
}

/** Column names as the file has them, for the messages. */
export interface ImportColumns {
  member: string;
  kpi: string;
  value: string;
}

/** Records every row, or none: the first bad row is named by line and column. */
export async function importValues(o: ServiceOptions, rows: readonly ImportRow[], columns: ImportColumns, period?: string): Promise<{ period: string; recorded: number; members: number }> {
  if (rows.length === 0) throw new InputError('evaluations.err.csvEmpty', {});
  return o.db.transaction(async (tx) => {
    const cycle = await resolveCycle(tx, period);
    const now = stamp(o.now);
    const seen = new Map<string, number>();
    const cache = new Map<string, { head: EvaluationHead; items: Item[] }>();
    const at = async <T>(line: number, column: string, fn: () => Promise<T> | T): Promise<T> => {
      try {
        return await fn();
      } catch (e) {
        if (e instanceof TeamError) throw new LineError(line, column, e);
        throw e;
      }
    };
    for (const r of rows) {
      const target = await at(r.line, columns.member, async () => {
        const key = r.member.trim().toLowerCase();
        const hit = cache.get(key);
        if (hit) return hit;
        const t = await writableEvaluation(tx, r.member, cycle.period);
        const v = { head: t.head, items: await listItems(tx, [t.head.id]) };
        cache.set(key, v);
        return v;
      });
      const item = await at(r.line, columns.kpi, () => itemOf(target.items, r.kpi));
      const value = await at(r.line, columns.value, () => {
        const text = r.value.trim().replace(/[,，](?=\d{3}\b)/g, '');
        // Decimal only (Number() would read 0x20 as 32): what `evals record --value` takes.
        const n = DECIMAL.test(text) ? Number(text) : NaN;
        if (!Number.isFinite(n)) throw new InputError('evaluations.err.notNumber', { value: r.value });
        checkValue(item, n);
        return n;
      });
      const dup = seen.get(`${target.head.id}|${item.id}`);
      if (dup !== undefined) throw new LineError(r.line, columns.kpi, new InputError('evaluations.err.csvDuplicate', { line: dup, member: target.head.handle, kpi: item.name }));
      seen.set(`${target.head.id}|${item.id}`, r.line);
      await setItemValue(tx, item.id, { value, source: 'import', goalId: null }, o.actor, now);
    }
    return { period: cycle.period, recorded: rows.length, members: cache.size };
  });
}

function checkScore(v: number, field: string): void {
  if (!Number.isFinite(v) || v < 0 || v > 100) throw new InputError('evaluations.err.score', { field, value: String(v) });
}

export interface SelfInput {
  member: string;
  period?: string;
  comment?: string;
  score?: number;
}

export async function selfAssess(o: ServiceOptions, s: SelfInput): Promise<EvaluationHead> {
  if (s.comment === undefined && s.score === undefined) throw new InputError('evaluations.err.selfEmpty', {});
  if (s.score !== undefined) checkScore(s.score, '--score');
  return o.db.transaction(async (tx) => {
    const { head, cycle } = await writableEvaluation(tx, s.member, s.period);
    if (s.score === undefined && cycle.weights.self > 0 && head.selfScore === null) throw new InputError('evaluations.err.selfScoreNeeded', { weight: cycle.weights.self });
    const patch: EvaluationPatch = {};
    if (s.comment !== undefined) patch.selfComment = s.comment.trim() || null;
    if (s.score !== undefined) patch.selfScore = s.score;
    await updateEvaluation(tx, head.id, patch, stamp(o.now));
    return (await findEvaluation(tx, cycle.id, head.memberId))!;
  });
}

export interface ReviewInput {
  member: string;
  period?: string;
  comment?: string;
  score?: number;
  adjust?: number;
  reason?: string;
}

export const ADJUST_MAX = 20;

/** The lead's review: a comment, a score (when the cycle weighs it) and an adjustment of at most ±20 points with its reason. */
export async function reviewEvaluation(o: ServiceOptions, r: ReviewInput): Promise<EvaluationHead> {
  if (r.comment === undefined && r.score === undefined && r.adjust === undefined) throw new InputError('evaluations.err.reviewEmpty', {});
  if (r.score !== undefined) checkScore(r.score, '--score');
  if (r.adjust !== undefined) {
    if (!Number.isFinite(r.adjust) || Math.abs(r.adjust) > ADJUST_MAX) throw new InputError('evaluations.err.adjust', { value: String(r.adjust), max: ADJUST_MAX });
    if (r.adjust !== 0 && !r.reason?.trim()) throw new InputError('evaluations.err.adjustReason', {});
  }
  return o.db.transaction(async (tx) => {
    const { head, cycle } = await writableEvaluation(tx, r.member, r.period);
    const patch: EvaluationPatch = { reviewer: o.actor };
    if (r.comment !== undefined) patch.leadComment = r.comment.trim() || null;
    if (r.score !== undefined) patch.leadScore = r.score;
    if (r.adjust !== undefined) {
      patch.adjust = r.adjust;
      patch.adjustReason = r.adjust === 0 ? null : r.reason!.trim();
    }
    await updateEvaluation(tx, head.id, patch, stamp(o.now));
    return (await findEvaluation(tx, cycle.id, head.memberId))!;
  });
}

export interface PeerInput {
  member: string;
  by: string;
  score: number;
  comment?: string;
  period?: string;
}

/** A colleague's score (once per colleague; a second one replaces the first). */
export async function peerScore(o: ServiceOptions, p: PeerInput): Promise<{ period: string; handle: string; by: string; score: number }> {
  checkScore(p.score, '--score');
  return o.db.transaction(async (tx) => {
    const { head, cycle } = await writableEvaluation(tx, p.member, p.period);
    const byId = await resolveMemberId(tx, p.by);
    if (byId === head.memberId) throw new InputError('evaluations.err.selfPeer', { member: head.handle });
    const by = (await getActiveMembers(tx)).find((m) => m.id === byId);
    if (!by) throw new InputError('evaluations.err.peerArchived', { member: p.by.trim() });
    await setPeer(tx, head.id, byId, p.score, p.comment?.trim() || null, stamp(o.now));
    return { period: cycle.period, handle: head.handle, by: by.handle, score: p.score };
  });
}

