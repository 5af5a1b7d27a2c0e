/**
 * The largest magnitude a number typed into team may have: a trillion. A
 * lead's GMV in fen (分) still fits, every such number is exact as a double
 * (well below 2^53), and anything larger is a typo or "1e309" (Infinity).
 */
export const MAX_QUANTITY = 1e12;
