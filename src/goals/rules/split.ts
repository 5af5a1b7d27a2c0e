/**
 * Decomposing a goal into department, member and period goals.
 *
 * Money and counts are split in integer minor units (cents for 2 decimals) by
 * the largest-remainder method: each share is its proportional quota rounded
 * down, and the units left over go one each to the shares with the largest
 * remainders, ties to the earlier share. Every share is therefore within one
 * unit of its exact proportion and the shares add up exactly to the total.
 */
import type { Period } from './periods.js';
import type { MetricKind } from './units.js';

/** Quotas this close to a whole number count as whole (weights like 0.1 + 0.2 drift in floating point). */
const WHOLE_EPS = 1e-9;
const MAX_DECIMALS = 10;

/**
 * Split `total` into shares proportional to `weights` that sum exactly to
 * `total` at `decimals` precision. Negative totals split by magnitude (the
 * earlier share gets the extra -1). Zero weights get 0. Throws a RangeError
 * for empty, all-zero, negative or non-finite weights, a non-finite total or
 * bad decimals.
 * @example splitExact(100000, [1, 1, 1], 2) // [33333.34, 33333.33, 33333.33]
 * @example splitExact(1, [1, 1, 1], 0) // [1, 0, 0]
 */
export function splitExact(total: number, weights: readonly number[], decimals: number): number[] {
  const units = toUnits(total, decimals);
  const sign = units < 0 ? -1 : 1;
  const shares = allocate(Math.abs(units), weights, (_i, rem) => rem);
  return shares.map((u) => fromUnits(sign * u, decimals));
}

export interface SplitInput {
  target: number;
  baseline: number | null;
  kind: MetricKind;
  decimals: number;
  by: 'member' | 'dept' | 'period' | 'member,period' | 'dept,period';
  /** Members in display order; a missing weight counts as 1. */
  members?: readonly { id: number; weight?: number }[];
  /** Departments in display order, for a split by dept; a missing weight counts as 1. */
  depts?: readonly { id: number; weight?: number }[];
  /** Usually `splitPeriods(start, due, …)`. */
  periods?: readonly Period[];
  start: string;
  due: string;
}

export interface SplitChild {
  memberId: number | null;
  deptId: number | null;
  period: Period | null;
  target: number;
  baseline: number | null;
  start: string;
  due: string;
}

/**
 * The child goals of a split, member by member (or department by department),
 * and within a member period by period. Departments are rows exactly like
 * members: everything said of members below holds for them. Additive: the total is split exactly across members (by weight),
 * then each member's share exactly across periods (by period weight), so a
 * member's children sum to that member's share and all children to the
 * parent. Within a member, the left-over units go to the periods whose column
 * total is furthest behind its ideal so far (plain largest remainder for the
 * first member), which keeps every column within about a unit of its
 * proportional total instead of piling the extras on the first period.
 * Baselines are split the same way (null stays null). Rate: every child
 * carries the parent's target and baseline. A child's start/due are its
 * period's bounds, or the parent's when not split by period.
 * @example planSplit({ target: 100, baseline: null, kind: 'additive', decimals: 0, by: 'member',
 *   members: [{ id: 1, weight: 2 }, { id: 2 }, { id: 3 }], start: '2026-01-01', due: '2026-03-31' })
 * // targets [50, 25, 25], each child 2026-01-01..2026-03-31
 */
export function planSplit(input: SplitInput): SplitChild[] {
  const byDept = input.by === 'dept' || input.by === 'dept,period';
  const byMember = input.by === 'member' || input.by === 'member,period';
  const byPeriod = input.by === 'period' || input.by.endsWith(',period');
  if (byMember && !input.members?.length) throw new RangeError('a split by member needs members');
  if (byDept && !input.depts?.length) throw new RangeError('a split by dept needs departments');
  if (byPeriod && !input.periods?.length) throw new RangeError('a split by period needs periods');
  const rows: ({ id: number; weight?: number } | null)[] = byMember ? [...(input.members ?? [])] : byDept ? [...(input.depts ?? [])] : [null];
  const cols: (Period | null)[] = byPeriod ? [...(input.periods ?? [])] : [null];
  const rowWeights = rows.map((m) => m?.weight ?? 1);
  const colWeights = cols.map((p) => p?.weight ?? 1);

  const share = (value: number | null): (number | null)[][] => {
    if (value === null) return rows.map(() => cols.map(() => null));
    if (input.kind === 'rate') {
      toUnits(value, input.decimals); // same validation as the additive path
      return rows.map(() => cols.map(() => value));
    }
    return splitGrid(value, rowWeights, colWeights, input.decimals);
  };
  const targets = share(input.target);
  const baselines = share(input.baseline);

  return rows.flatMap((row, r) =>
    cols.map((period, c) => ({
      memberId: byMember ? (row?.id ?? null) : null,
      deptId: byDept ? (row?.id ?? null) : null,
      period,
      target: targets[r]?.[c] ?? 0,
      baseline: baselines[r]?.[c] ?? null,
      start: period?.start ?? input.start,
      due: period?.end ?? input.due,
    })),
  );
}

/** Rows split exactly by row weight, then each row across columns, steering extras toward lagging columns. */
function splitGrid(total: number, rowWeights: number[], colWeights: number[], decimals: number): number[][] {
  const units = toUnits(total, decimals);
  const sign = units < 0 ? -1 : 1;
  const rowUnits = allocate(Math.abs(units), rowWeights, (_i, rem) => rem);
  validateWeights(colWeights);
  const colSum = colWeights.reduce((a, b) => a + b, 0);
  const ideal = colWeights.map(() => 0);
  const given = colWeights.map(() => 0);
  return rowUnits.map((rowTotal) => {
    colWeights.forEach((w, c) => (ideal[c] = (ideal[c] ?? 0) + (rowTotal * w) / colSum));
    const cells = allocate(rowTotal, colWeights, (c, _rem, floor) => (ideal[c] ?? 0) - (given[c] ?? 0) - floor);
    cells.forEach((u, c) => (given[c] = (given[c] ?? 0) + u));
    return cells.map((u) => fromUnits(sign * u, decimals));
  });
}

/**
 * Share `units` (a non-negative integer) by `weights`: every share is its
 * quota rounded down or up; the up-rounded ones are those with a fractional
 * quota and the highest priority, ties to the earlier index.
 */
function allocate(units: number, weights: readonly number[], priority: (i: number, rem: number, floor: number) => number): number[] {
  validateWeights(weights);
  const sum = weights.reduce((a, b) => a + b, 0);
  const floors: number[] = [];
  const bumpable: { i: number; p: number }[] = [];
  weights.forEach((w, i) => {
    let quota = (units * w) / sum;
    if (Math.abs(quota - Math.round(quota)) < WHOLE_EPS * Math.max(1, quota)) quota = Math.round(quota);
    const floor = Math.floor(quota);
    floors.push(floor);
    if (quota > floor) bumpable.push({ i, p: priority(i, quota - floor, floor) });
  });
  let left = units - floors.reduce((a, b) => a + b, 0);
  bumpable.sort((a, b) => b.p - a.p || a.i - b.i);
  for (const { i } of bumpable) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

function validateWeights(weights: readonly number[]): void {
  if (weights.length === 0) throw new RangeError('no weights to split by');
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be finite and not negative');
  if (!weights.some((w) => w > 0)) throw new RangeError('all weights are zero');
}

function toUnits(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer 0..${MAX_DECIMALS}`);
  }
  if (!Number.isFinite(value)) throw new RangeError('the value to split must be a finite number');
  // Half away from zero, so -0.005 and 0.005 round alike.
  const units = Math.sign(value) * Math.round(Math.abs(value) * 10 ** decimals);
  if (!Number.isSafeInteger(units)) throw new RangeError('the value is too large to split at this precision');
  return units;
}

/** Integer units back to a number; dividing an exact integer by 10^d yields the nearest double, no 0.1+0.2 drift. */
function fromUnits(units: number, decimals: number): number {
  return units === 0 ? 0 : units / 10 ** decimals;
}
