/** formatDecimal writes numbers exactly as Intl.NumberFormat does for en-US and zh-CN, without ICU. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../../src/shared/numbers.js';

const intl = (locale: string, decimals: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: decimals });

describe('formatDecimal', () => {
  it('groups thousands, keeps at most the places asked, drops trailing zeros', () => {
    expect(formatDecimal(100000, 2)).toBe('100,000');
    expect(formatDecimal(33333.335, 2)).toBe('33,333.34');
    expect(formatDecimal(-1234.5, 2)).toBe('-1,234.5');
    expect(formatDecimal(0.5, 0)).toBe('1');
    expect(formatDecimal(999.996, 2)).toBe('1,000');
  });

  it('rounds the shortest decimal half away from zero, as Intl does (1.005 → 1.01, not toFixed\'s 1.00)', () => {
    expect([formatDecimal(1.005, 2), formatDecimal(2.675, 2), formatDecimal(-0.005, 2), formatDecimal(0.125, 2)]).toEqual(['1.01', '2.68', '-0.01', '0.13']);
    expect([formatDecimal(-0.001, 2), formatDecimal(-0, 2), formatDecimal(1e-7, 2), formatDecimal(1.5e-7, 8)]).toEqual(['-0', '-0', '0', '0.00000015']);
    expect([formatDecimal(1e21, 0), formatDecimal(Infinity, 2), formatDecimal(-Infinity, 2), formatDecimal(NaN, 2)]).toEqual(['1,000,000,000,000,000,000,000', '∞', '-∞', 'NaN']);
  });

  it('equals Intl.NumberFormat en-US and zh-CN for any double and 0–20 places', () => {
    const formats = new Map<string, Intl.NumberFormat>();
    const of = (locale: string, d: number) => formats.get(`${locale}${d}`) ?? formats.set(`${locale}${d}`, intl(locale, d)).get(`${locale}${d}`)!;
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).chain((n) => fc.integer({ min: 0, max: 6 }).map((k) => n / 10 ** k)),
      fc.integer({ min: -99999, max: 99999 }).map((n) => n / 1000 + 0.0005),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 20 }), (v, d) => {
        const mine = formatDecimal(v, d);
        expect(mine, `${v} to ${d}`).toBe(of('en-US', d).format(v));
        expect(mine, `${v} to ${d} (zh)`).toBe(of('zh-CN', d).format(v));
      }),
      { numRuns: 20_000 },
    );
  });
});
