/** The numbers a goal can take, as refusals that name the flag and the range (rules/units.ts decides the range). */
import { InputError } from '../shared/errors.js';
import { formatDecimal } from '../shared/numbers.js';
import { outOfRange, type MetricKind } from './rules/units.js';

const bound = (n: number) => formatDecimal(n, 20);

/** The range parameters of a number a goal in `unit` cannot take, or undefined when it fits. */
export function rangeProblem(value: number, unit: string | null, kind: MetricKind | null) {
  const range = outOfRange(value, unit, kind);
  return range && { range, params: { value: String(value), unit: unit ?? '', min: bound(range.min), max: bound(range.max) } };
}

/** Refuses a number a goal in this unit cannot take: a negative duration, count or money total, a percentage outside 0–100, anything beyond a trillion. */
export function checkValue(field: string, value: number | null | undefined, unit: string | null, kind: MetricKind | null): void {
  if (value === null || value === undefined) return;
  const problem = rangeProblem(value, unit, kind);
  if (!problem) return;
  const params = { field, ...problem.params };
  if (problem.range.bound === 'percent') throw new InputError('goals.err.percentRange', params);
  throw new InputError(problem.range.bound === 'nonNegative' && value < 0 ? 'goals.err.negative' : 'goals.err.outOfRange', params);
}

