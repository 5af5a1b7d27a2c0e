/**
 * Units and directions of goal metrics.
 *
 * The kind decides how a goal is split and rolled up:
 * - additive: amounts and counts that sum (¥, 单, orders…). A parent's target
 *   is shared out among children and the children's values add up.
 * - rate: ratios, durations, scores (%, 秒, 分…). They do not sum; every child
 *   carries the parent's target and values roll up as a (weighted) mean.
 */

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
