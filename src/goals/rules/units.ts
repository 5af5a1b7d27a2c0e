/**
 * Units and directions of goal metrics.
 *
 * The kind decides how a goal is split and rolled up:
 * - additive: amounts and counts that sum (¥, 单, orders…). A parent's target
 *   is shared out among children and the children's values add up.
 * - rate: ratios, durations, scores (%, 秒, 分…). They do not sum; every child
 *   carries the parent's target and values roll up as a (weighted) mean.
 */

import { MAX_QUANTITY } from '../../shared/numbers.js';

export type MetricKind = 'additive' | 'rate';

/** increase/decrease: move from baseline to target; at-least/at-most: keep on the right side of the target. */
export type Direction = 'increase' | 'decrease' | 'at-least' | 'at-most';

export const DIRECTIONS: readonly Direction[] = ['increase', 'decrease', 'at-least', 'at-most'];

export interface UnitInfo {
  readonly kind: MetricKind;
  /** Precision targets are split and shown at (2 for money, 0 for counts). */
  readonly decimals: number;
}

const money: UnitInfo = Object.freeze({ kind: 'additive', decimals: 2 });
const count: UnitInfo = Object.freeze({ kind: 'additive', decimals: 0 });
const rate0: UnitInfo = Object.freeze({ kind: 'rate', decimals: 0 });
const rate1: UnitInfo = Object.freeze({ kind: 'rate', decimals: 1 });
const rate2: UnitInfo = Object.freeze({ kind: 'rate', decimals: 2 });

const table: Array<[UnitInfo, string[]]> = [
  [money, ['¥', '$', '€', '£', '元', '万元', '人民币', '美元', 'rmb', 'cny', 'yuan', 'usd', 'eur', 'gbp']],
  [
    count,
    ['单', '件', '个', '人', '次', '笔', '位', '条', '款', '篇', '场', 'order', 'orders', 'item', 'items',
      'people', 'person', 'persons', 'visitor', 'visitors', 'visit', 'visits', 'customer', 'customers',
      'pcs', 'piece', 'pieces', 'unit', 'units', 'sku', 'skus', 'uv', 'pv'],
  ],
  [rate1, ['%', 'pct', 'percent', 'min', 'mins', 'minute', 'minutes', '分钟', 'h', 'hr', 'hrs', 'hour', 'hours',
    '小时', 'score', '分', '星', 'star', 'stars']],
  [rate0, ['s', 'sec', 'secs', 'second', 'seconds', '秒', 'ms', '字/分钟', 'cpm', 'wpm']],
  [rate2, ['x', '倍']],
];

const units = new Map<string, UnitInfo>(table.flatMap(([info, names]) => names.map((n): [string, UnitInfo] => [n, info])));

/**
 * Kind and precision of a unit the tool knows, or undefined (the CLI then asks
 * for an explicit --kind). Matching ignores case, surrounding spaces and
 * full-width forms ('￥' = '¥', '％' = '%'). '天' (days) is deliberately
 * unknown: "days of leave" sum, "days to ship" do not.
 * @example knownUnit('元') // { kind: 'additive', decimals: 2 }
 * @example knownUnit('秒') // { kind: 'rate', decimals: 0 }
 * @example knownUnit('furlongs') // undefined
 */
export function knownUnit(unit: string | null | undefined): UnitInfo | undefined {
  if (unit == null) return undefined;
  return units.get(unit.normalize('NFKC').trim().toLowerCase());
}

export { MAX_QUANTITY };

/** Why a unit bounds its values: any sign, never negative, or a share of 100. */
export type ValueBound = 'any' | 'nonNegative' | 'percent';

export interface ValueRange {
  readonly bound: ValueBound;
  readonly min: number;
  readonly max: number;
}

// Durations, counts, scores, speeds and multiples cannot go below 0.
const NON_NEGATIVE = new Set([
  's', 'sec', 'secs', 'second', 'seconds', '秒', 'ms', 'min', 'mins', 'minute', 'minutes', '分钟', 'h', 'hr', 'hrs',
  'hour', 'hours', '小时', '天', '日', 'd', 'day', 'days', '周', 'week', 'weeks',
  'score', '分', '星', 'star', 'stars', '字/分钟', 'cpm', 'wpm', 'x', '倍',
]);
const PERCENT = new Set(['%', 'pct', 'percent']);

/**
 * The values a goal in `unit` of `kind` can take: durations, counts and
 * scores are never negative, a percentage lies in 0–100, and a money total
 * (¥ on an additive goal) is never negative; an average price in ¥ (a rate)
 * or an unknown unit may have either sign. Every number stays within
 * ±MAX_QUANTITY. `kind` defaults to the unit's own.
 * @example valueRange('秒', 'rate') // { bound: 'nonNegative', min: 0, max: 1e12 }
 * @example valueRange('%', 'rate') // { bound: 'percent', min: 0, max: 100 }
 * @example valueRange('¥', 'rate') // { bound: 'any', min: -1e12, max: 1e12 }
 */
export function valueRange(unit: string | null | undefined, kind?: MetricKind | null): ValueRange {
  const key = unit?.normalize('NFKC').trim().toLowerCase() ?? '';
  const known = knownUnit(unit);
  if (PERCENT.has(key)) return { bound: 'percent', min: 0, max: 100 };
  const isCount = known !== undefined && known.kind === 'additive' && known.decimals === 0;
  const isMoneyTotal = known !== undefined && known.kind === 'additive' && known.decimals === 2 && (kind ?? known.kind) === 'additive';
  if (NON_NEGATIVE.has(key) || isCount || isMoneyTotal) return { bound: 'nonNegative', min: 0, max: MAX_QUANTITY };
  return { bound: 'any', min: -MAX_QUANTITY, max: MAX_QUANTITY };
}

/**
 * The range `value` falls outside of for this unit, or undefined when it fits
 * (NaN and ±Infinity never fit).
 * @example outOfRange(-3, 's', 'rate') // { bound: 'nonNegative', min: 0, max: 1e12 }
 * @example outOfRange(42, 's', 'rate') // undefined
 */
export function outOfRange(value: number, unit: string | null | undefined, kind?: MetricKind | null): ValueRange | undefined {
  const range = valueRange(unit, kind);
  return Number.isFinite(value) && value >= range.min && value <= range.max ? undefined : range;
}

/**
 * The kind and decimals of a goal's metric: the flag, else what the unit
 * says, else the parent's; undefined when an unknown unit needs --kind.
 * @example resolveKind('¥', undefined, null) // { kind: 'additive', decimals: 2 }
 */
export function resolveKind(unit: string | null, kind: MetricKind | undefined, fallback: { kind: MetricKind | null; decimals: number } | null): { kind: MetricKind | null; decimals: number } | undefined {
  const known = knownUnit(unit);
  if (kind) return { kind, decimals: known?.decimals ?? (kind === 'additive' ? 2 : 1) };
  if (known) return { kind: known.kind, decimals: known.decimals };
  if (fallback?.kind) return fallback;
  if (unit) return undefined;
  return { kind: null, decimals: 2 };
}

/**
 * The direction a baseline and a target imply, if they differ.
 * @example defaultDirection(38, 30) // 'decrease'
 */
export function defaultDirection(baseline: number | null, target: number | null): Direction | null {
  if (baseline === null || target === null || baseline === target) return null;
  return target > baseline ? 'increase' : 'decrease';
}

/** A total cannot shrink: a budget on one is "at-most", not "decrease". */
export function directionFitsKind(kind: MetricKind | null, direction: Direction | null): boolean {
  return !(kind === 'additive' && direction === 'decrease');
}
