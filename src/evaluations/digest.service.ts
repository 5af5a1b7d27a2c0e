/**
 * What reports and reminders read of the evaluations: the cycle of a month
 * (state, what is missing, when it closes) and the locked grades of the last
 * closed one. Counted by the database; no evaluation is scored here.
 */
import { resolveDepartmentId, resolveMemberId } from '../org/public.js';
import type { ServiceOptions } from '../shared/service.js';
import { findCycle, listCycles } from './cycles.repository.js';
import { countEvaluations, digestCounts, gradeCounts, type DigestCounts } from './digest.repository.js';
import type { Weights } from './rules/cycle.js';
import type { CycleState } from './rules/evaluation.js';

export interface CycleDigest extends DigestCounts {
  period: string;
  from: string;
  to: string;
  state: CycleState;
  weights: Weights;
  closedAt: string | null;
  /** Locked grades (closed cycles): grade → how many, in the bands' order. */
  grades: { grade: string; n: number }[];
}

export interface EvaluationDigest {
  /** The cycle of the month asked for, if opened. */
  current: CycleDigest | null;
  /** The latest closed cycle before it. */
  lastClosed: CycleDigest | null;
}

/**
 * The month's cycle and the last closed one before it, for everyone, a
 * department or one member. `only: 'open'`: the month's cycle while it is
 * open (else null), and no last closed one (reminders: what is still to close).
 */
export async function getEvaluationDigest(o: ServiceOptions, f: { period: string; dept?: string; member?: string; only?: 'open' }): Promise<EvaluationDigest> {
  return o.db.snapshot(async (q) => {
    const scope: { departmentId?: number; memberId?: number } = {};
    if (f.dept !== undefined) scope.departmentId = await resolveDepartmentId(q, f.dept);
    if (f.member !== undefined) scope.memberId = await resolveMemberId(q, f.member);
    const digest = async (c: NonNullable<Awaited<ReturnType<typeof findCycle>>>): Promise<CycleDigest> => {
      const order = new Map(c.grades.map((g, i) => [g.name, i]));
      const grades = c.state === 'closed' ? (await gradeCounts(q, c.id, scope)).sort((a, b) => (order.get(a.grade) ?? 99) - (order.get(b.grade) ?? 99)) : [];
      // A closed cycle's gaps are history: counted only for an open one.
      const counts = c.state === 'open' ? await digestCounts(q, c.id, scope) : { evaluations: await countEvaluations(q, c.id, scope), missingValues: 0, missingSelf: 0, missingLead: 0, missingPeer: 0 };
      return { period: c.period, from: c.from, to: c.to, state: c.state, weights: c.weights, closedAt: c.closedAt, grades, ...counts };
    };
    const current = await findCycle(q, f.period);
    if (f.only === 'open') return { current: current?.state === 'open' ? await digest(current) : null, lastClosed: null };
    const closed = (await listCycles(q)).find((c) => c.state === 'closed' && c.period < f.period);
    return { current: current ? await digest(current) : null, lastClosed: closed ? await digest(closed) : null };
  });
}
