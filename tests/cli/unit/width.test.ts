/** displayWidth is string-width's measure, number for number, only faster. */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, KNOWN_WIDTH, STANDALONE } from '../../../src/cli/width.js';

/** Characters string-width treats in every way it has: ASCII, controls, CJK, emoji and their joiners and modifiers, marks, zero widths. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x2ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.constantFrom('👍', '👍🏽', '👨‍👩‍👧', '🇨🇳', '🇨', '❤', '❤️', '©', '™', '↔', '1️⃣', '\u200d', '\ufe0f', '\u0301', '\u200b', '\ufeff', 'é', 'é', '\t', '\r\n', '\x7f', '\x85', '가', '각') },
  // Escapes: chalk's colour codes, and the ones string-width's ansi-regex reads otherwise.
  {
    weight: 2,
    arbitrary: fc.constantFrom('\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[m', '\u001b[0m', '\u001b[38;5;202m', '\u001b[38;2;1;2;3m', '\u001b[;31m', '\u001b[12345m', '\u001b[1;;2m', '\u001b', '\u009b31m', '\u001b]8;;http://x\u0007', '\u0007', '\u001b[', 'm', ';', '\u001b[[31m', '\u001b(B', '\u001b[?25l', '\u0090', '\u009c', '\u009d', '\u009f', '\u001b\\', '\u001bP'),
  },
);
const text = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));

describe('displayWidth', () => {
  it('is string-width, for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('is string-width for text of characters that stand alone', () => {
    const standalone = fc.oneof(
      fc.integer({ min: 0x20, max: 0xffff }),
      fc.integer({ min: 0x20000, max: 0x2fffd }),
    ).map((c) => String.fromCodePoint(c)).filter((c) => STANDALONE.test(c));
    fc.assert(
      fc.property(fc.array(standalone, { maxLength: 20 }), (cs) => {
        expect(displayWidth(cs.join(''))).toBe(stringWidth(cs.join('')));
      }),
      { numRuns: 3000 },
    );
  });

  it('knows without string-width only widths string-width gives, character by character', () => {
    const wrong: string[] = [];
    for (const [from, to, width] of KNOWN_WIDTH) {
      for (let c = from; c <= to; c++) if (stringWidth(String.fromCharCode(c)) !== width) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('takes as standing alone only characters that are a grapheme next to any other', () => {
    // Joining is decided by the classes of two neighbours: a class that joins
    // what comes before (marks, joiners) shows after 'a', one that joins what
    // comes after (prepended signs) before 'a', one that joins its own kind
    // (Hangul jamo, flag letters) doubled.
    const segmenter = new Intl.Segmenter();
    const count = (s: string) => [...segmenter.segment(s)].length;
    const joins = (c: string) => count(`a${c}a`) !== 3 || count(c + c) !== 2;
    const all: string[] = [];
    for (let cp = 0; cp <= 0x2ffff; cp++) if ((cp < 0xd800 || cp > 0xdfff) && STANDALONE.test(String.fromCodePoint(cp))) all.push(String.fromCodePoint(cp));
    const joining: string[] = [];
    // A thousand at a time (each after an 'a', and each doubled, in one text); one by one where a text joins.
    for (let at = 0; at < all.length; at += 1000) {
      const chunk = all.slice(at, at + 1000);
      if (count(`a${chunk.join('a')}a`) === 2 * chunk.length + 1 && count(chunk.map((c) => c + c).join('')) === 2 * chunk.length) continue;
      const found = chunk.filter(joins).map((c) => c.codePointAt(0)!.toString(16));
      joining.push(...(found.length > 0 ? found : [`a pair near ${chunk[0]!.codePointAt(0)!.toString(16)}`]));
    }
    const n = all.length;
    expect(joining).toEqual([]);
    expect(n).toBeGreaterThan(100_000);
  });

  it('measures what tables hold', () => {
    for (const s of ['', 'abc', '毛强瑶 (m0001)', '░░░░░░░░ 0%', '\u001b[1m\u001b[36m目标\u001b[39m\u001b[22m', '¥1,800,000', '👨‍👩‍👧 family'])
      expect(displayWidth(s), s).toBe(stringWidth(s));
  });
});
