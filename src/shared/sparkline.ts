/** Sparklines: a series drawn in one line of block characters (goals' progress, evaluation scores). */

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of the values, lowest ▁ to highest █ (each value placed
 * by rounding on the 8 levels); constant values draw a flat ▄ line; no
 * values, an empty string.
 * @example sparkline([1, 2, 3, 4, 5, 6, 7, 8]) // '▁▂▃▄▅▆▇█'
 * @example sparkline([5, 5]) // '▄▄'
 * @example sparkline([0, 50, 100], { min: 0, max: 100 }) // '▁▅█' (a fixed scale: scores of 0–100)
 */
export function sparkline(values: readonly number[], range?: { min: number; max: number }): string {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('sparkline values must be finite');
  const min = range?.min ?? values.reduce((a, v) => Math.min(a, v), Infinity);
  const max = range?.max ?? values.reduce((a, v) => Math.max(a, v), -Infinity);
  return values
    .map((v) => (max === min ? BARS[3] : BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))]) ?? '')
    .join('');
}
