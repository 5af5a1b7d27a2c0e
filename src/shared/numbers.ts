/**
 * The largest magnitude a number typed into team may have: a trillion. A
 * lead's GMV in fen (分) still fits, every such number is exact as a double
 * (well below 2^53), and anything larger is a typo or "1e309" (Infinity).
 */
export const MAX_QUANTITY = 1e12;

/** A decimal as typed, after its grouping marks are taken out: "-3.5", "1e6"; never "0x10", which Number() would take as 16. */
export const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
