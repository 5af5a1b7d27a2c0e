/** Display width in terminal columns: the one measure tables are laid out and drawn by. */
import stringWidth from 'string-width';

// Printable ASCII is one column a character: most cells are, and string-width's
// emoji and East Asian tables cost microseconds a call (a 2,000-row table made
// a million of them).
const PLAIN = /^[\x20-\x7e]*$/;

/** Display width in terminal columns (CJK counts 2, colour codes 0). */
export function displayWidth(s: string): number {
  return PLAIN.test(s) ? s.length : stringWidth(s);
}
