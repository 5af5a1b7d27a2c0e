/**
 * Display width in terminal columns: the one measure tables are laid out and
 * drawn by. Exactly string-width's (tests/cli/unit/width.test.ts), faster.
 */
import stringWidth from 'string-width';

// Printable ASCII is one column a character, each its own grapheme: most cells are.
export const PLAIN = /^[\x20-\x7e]*$/;

// string-width costs 3–5 µs a grapheme (it builds its emoji pattern anew for
// each one, and Intl.Segmenter is slow to walk): 60 µs for a name in Chinese,
// and a 2,000-row table measures thousands. It sums the widths of the
// graphemes of the text without its colour codes, so the same sum over widths
// measured once per grapheme is the same number.
/** The widths of the graphemes seen (a table repeats the same few hundred characters). */
const graphemeWidths = new Map<string, number>();
// Created on first use. No locale, as string-width's own.
let segmenter: Intl.Segmenter | undefined;
/**
 * Characters that are a grapheme of their own next to any other of them:
 * none joins what comes before it (no mark, joiner, selector or modifier), nor
 * what comes after it (no prepended sign, no Hangul jamo, no flag letter).
 * Text made only of these needs no Segmenter: each character is a grapheme.
 * (Latin, Greek, Cyrillic, punctuation, symbols, arrows, box drawing, CJK,
 * kana, Hangul syllables, fullwidth forms; tests/cli/unit/width.test.ts
 * checks every one against Intl.Segmenter.)
 */
export const STANDALONE =
  /^[\x20-\x7e\u00a0-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u27bf\u2900-\u2bff\u3000-\u3029\u3030-\u3096\u309b-\u30ff\u3105-\u312f\u3131-\u318e\u3190-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6b\uff01-\uff9d\uffa1-\uffdc\uffe0-\uffee\u{20000}-\u{2fffd}]*$/u;

/**
 * Single characters whose width string-width would give without asking it
 * (each of its first calls compiles its emoji and Default_Ignorable patterns,
 * and a Chinese table meets a few hundred new characters: ~1.5 ms): none is
 * an emoji, a mark or ignorable. Printable ASCII (in mixed text), Latin-1
 * signs (not ©, ® or the soft hyphen), general punctuation (dashes, quotes,
 * ellipsis), box drawing and blocks are narrow (East Asian ambiguous counts
 * narrow); CJK ideographs (and extension A), CJK punctuation and fullwidth
 * forms are wide. tests/cli/unit/width.test.ts compares every one with
 * string-width.
 */
export const KNOWN_WIDTH: readonly (readonly [from: number, to: number, width: number])[] = [
  [0x0020, 0x007e, 1],
  [0x00a0, 0x00a8, 1],
  [0x00aa, 0x00ac, 1],
  [0x00af, 0x00ff, 1],
  [0x2010, 0x2027, 1],
  [0x2500, 0x259f, 1],
  [0x3001, 0x3029, 2],
  [0x3400, 0x4dbf, 2],
  [0x4e00, 0x9fff, 2],
  [0xff01, 0xff60, 2],
];

function knownWidth(g: string): number | undefined {
  if (g.length !== 1) return undefined;
  const c = g.charCodeAt(0);
  // Indexed, not destructured: an iterator per range costs more than the rest, run before anything is optimised.
  for (let i = 0; i < KNOWN_WIDTH.length; i++) {
    const range = KNOWN_WIDTH[i]!;
    if (c >= range[0] && c <= range[1]) return range[2];
  }
  return undefined;
}

/** One grapheme's width, measured once. */
export function graphemeWidth(g: string): number {
  let w = graphemeWidths.get(g);
  if (w === undefined) graphemeWidths.set(g, (w = knownWidth(g) ?? stringWidth(g)));
  return w;
}

// The colour codes chalk writes are removed here as string-width's ansi-regex
// removes them, as long as nothing else could begin or end an escape sequence
// (another ESC, a C1 control, a BEL): then string-width itself measures.
// eslint-disable-next-line no-control-regex -- matching ESC is the point
const SIMPLE_SGR = /\u001b\[;*(?:\d{1,4}(?:;\d{0,4})*)?m/g;
// eslint-disable-next-line no-control-regex -- what makes strip-ansi look for escapes
const ESCAPES = /[\u001b\u009b]/;
// eslint-disable-next-line no-control-regex -- matching ESC, C1 controls and BEL is the point
const OTHER_ESCAPES = /[\u001b\u0007\u0080-\u009f]/;

/** Display width in terminal columns (CJK counts 2, colour codes 0). */
export function displayWidth(s: string): number {
  if (PLAIN.test(s)) return s.length;
  let w = measured.get(s);
  if (w === undefined) {
    if (measured.size >= 20_000) measured.clear();
    measured.set(s, (w = measure(s)));
  }
  return w;
}

/** Text a table has measured (a cell is measured to fit, to wrap, to pad: the same few hundred strings, several times each). */
const measured = new Map<string, number>();

function measure(s: string): number {
  let text = s;
  if (ESCAPES.test(s)) {
    text = s.replace(SIMPLE_SGR, '');
    if (OTHER_ESCAPES.test(text)) return stringWidth(s);
    if (PLAIN.test(text)) return text.length;
  }
  let w = 0;
  if (STANDALONE.test(text)) {
    // Each character is a grapheme; the two commonest ranges (KNOWN_WIDTH's) are counted without making
    // a string of each character and looking it up (a Chinese title is ~30 of them).
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c <= 0x7e) w += 1;
      else if (c >= 0x4e00 && c <= 0x9fff) w += 2;
      else {
        const code = text.codePointAt(i)!;
        if (code > 0xffff) i++;
        w += graphemeWidth(String.fromCodePoint(code));
      }
    }
    return w;
  }
  segmenter ??= new Intl.Segmenter();
  for (const { segment } of segmenter.segment(text)) w += graphemeWidth(segment);
  return w;
}
