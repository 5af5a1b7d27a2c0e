/**
 * The largest magnitude a number typed into team may have: a trillion. A
 * lead's GMV in fen (分) still fits, every such number is exact as a double
 * (well below 2^53), and anything larger is a typo or "1e309" (Infinity).
 */
export const MAX_QUANTITY = 1e12;

/** A decimal as typed, after its grouping marks are taken out: "-3.5", "1e6"; never "0x10", which Number() would take as 16. */
export const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A number as Intl.NumberFormat('en-US' or 'zh-CN', { maximumFractionDigits })
 * writes it, without loading ICU (its first formatter costs 6–28 ms of a
 * command): thousands grouped with commas, at most `decimals` places, no
 * trailing zeros, rounded half away from zero from the shortest decimal that
 * reads back as the double (so 1.005 → "1.01", as Intl gives), and "-0" for a
 * negative value that rounds to zero.
 * @example formatDecimal(33333.335, 2) // '33,333.34'
 */
export function formatDecimal(value: number, decimals: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  let [int, frac] = plainDigits(Math.abs(value));
  if (frac.length > decimals) {
    const up = frac.charCodeAt(decimals) >= 53; // '5'
    frac = frac.slice(0, decimals);
    if (up) [int, frac] = increment(int, frac);
  }
  frac = frac.replace(/0+$/, '');
  return `${sign}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** The shortest decimal of a finite non-negative double, as integer and fraction digits (no exponent). */
function plainDigits(v: number): [string, string] {
  const s = String(v);
  const e = s.indexOf('e');
  if (e < 0) {
    const dot = s.indexOf('.');
    return dot < 0 ? [s, ''] : [s.slice(0, dot), s.slice(dot + 1)];
  }
  const digits = s.slice(0, e).replace('.', '');
  const dot = s.indexOf('.');
  const point = (dot < 0 ? e : dot) + Number(s.slice(e + 1));
  if (point <= 0) return ['0', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}

/** Adds one unit in the last place of int.frac. */
function increment(int: string, frac: string): [string, string] {
  const all = (int + frac).split('');
  let i = all.length - 1;
  while (i >= 0 && all[i] === '9') all[i--] = '0';
  if (i < 0) all.unshift('1');
  else all[i] = String(Number(all[i]) + 1);
  const cut = all.length - frac.length;
  return [all.slice(0, cut).join(''), all.slice(cut).join('')];
}
