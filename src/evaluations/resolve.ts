/** Turns what a user typed into a period or a cycle, or fails with the closest match. */
import type { Queryable } from '../db/sql.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { closestMatch } from '../shared/match.js';
import { findCycle, listCycles } from './cycles.repository.js';
import { parsePeriod, type Period } from './rules/cycle.js';
import type { Cycle } from './rules/evaluation.js';

export function requirePeriod(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new InputError('evaluations.err.badPeriod', { field: '--period', value: text });
  return p;
}

/** The cycle of a period, or (none given) the latest open one, else the latest. */
export async function resolveCycle(q: Queryable, period: string | undefined): Promise<Cycle> {
  if (period !== undefined) {
    const p = requirePeriod(period);
    const c = await findCycle(q, p.period);
    if (c) return c;
    throw new NotFoundError('evaluations.kind.cycle', p.period, closestMatch(p.period, (await listCycles(q)).map((x) => x.period)));
  }
  const all = await listCycles(q);
  const c = all.find((x) => x.state === 'open') ?? all[0];
  if (!c) throw new InputError('evaluations.err.noCycles', {});
  return c;
}

