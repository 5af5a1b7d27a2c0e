/**
 * drawBox against its oracle: cli-table3 0.6.5 (a devDependency kept for this
 * test only), drawing the same prepared cells with the options renderTable
 * used to give it. Any difference is a byte a user's table would change by.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawBox, type Align, type Box } from '../../../src/cli/box.js';
import { wrapText } from '../../../src/cli/table.js';
import { displayWidth } from '../../../src/cli/width.js';

/** What renderTable drew with cli-table3 before drawBox. */
function oracle(box: Box): string {
  const table = new Table({
    ...(box.head !== undefined && { head: [...box.head] }),
    style: { head: [], border: [], compact: true },
    colAligns: (box.colAligns ?? []).map((a) => a ?? 'left'),
    colWidths: [...box.colWidths],
  });
  for (const row of box.rows) table.push([...row]);
  return table.toString();
}

const widestLine = (s: string) => Math.max(...s.split('\n').map(displayWidth));

const chalk = new Chalk({ level: 1 });
const paints = [chalk.red, chalk.green, chalk.yellow, chalk.bold.cyan, chalk.dim, chalk.bold, chalk.underline, chalk.bgRed.white, chalk.italic.inverse, chalk.strikethrough];

/**
 * Characters whose width string-width 4 (cli-table3's) and string-width 7
 * (ours) agree on: ASCII, CJK ideographs and punctuation, kana, Hangul,
 * fullwidth forms, accented Latin, and the symbols team prints. (They differ
 * on emoji and emoji-like symbols such as © ™ ↔, and on zero-width
 * characters: there drawBox pads by the layout's own measure.)
 */
const char = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constant(' ') },
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom(...'，。、；：？！（）「」【】《》“”…—·～￥％') },
  { weight: 1, arbitrary: fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom(...'éüñçÅøß¥£€µ±×÷≤≥−–→█░▁▂▃▄▅▆▇✓✗∅') },
);
const text = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(''));

/** SGR codes, chalk's and others (unbalanced, resets, 256 and true colour, combined parameters). */
const code = fc.constantFrom(
  ...[31, 39, 32, 33, 36, 91, 1, 22, 2, 3, 23, 4, 24, 7, 27, 9, 29, 41, 49, 103, 0].map((n) => `\u001b[${n}m`),
  '\u001b[m',
  '\u001b[38;5;202m',
  '\u001b[48;5;17m',
  '\u001b[38;2;10;20;30m',
  '\u001b[1;31m',
  '\u001b[;31m',
);
/** Text, colour codes and line breaks in any order. */
const raw = fc.array(fc.oneof({ weight: 4, arbitrary: text }, { weight: 2, arbitrary: code }, { weight: 1, arbitrary: fc.constant('\n') }), { maxLength: 8 }).map((p) => p.join(''));
/** A painted value, maybe wrapped as renderTable wraps (colour spanning the breaks). */
const painted = fc
  .tuple(fc.integer({ min: 0, max: paints.length - 1 }), fc.array(text, { minLength: 1, maxLength: 3 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }))
  .map(([p, parts, wrap]) => {
    const s = paints[p]!(parts.join(' '));
    return wrap === undefined ? s : wrapText(s, wrap);
  });
const cell = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: text.map((s) => wrapText(s, 6)) },
  { weight: 3, arbitrary: raw },
  { weight: 3, arbitrary: painted },
  { weight: 1, arbitrary: fc.integer({ min: -99999, max: 99999 }).map(String) },
);
const align = fc.constantFrom<Align | undefined>('left', 'right', 'center', undefined);

const box: fc.Arbitrary<Box> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .record({
      head: fc.option(fc.array(cell, { minLength: n, maxLength: n }), { nil: undefined }),
      rows: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 30 }),
      colAligns: fc.array(align, { minLength: n, maxLength: n }),
      slack: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }), { minLength: n, maxLength: n }),
    })
    .map(({ head, rows, colAligns, slack }) => ({
      ...(head !== undefined && { head }),
      rows,
      colAligns,
      // As renderTable sets them: the widest line + 2; sometimes wider, to align in.
      colWidths: slack.map((extra, i) => Math.max(0, ...[...(head === undefined ? [] : [head]), ...rows].map((r) => widestLine(r[i]!))) + 2 + extra),
    })),
);

describe('drawBox', () => {
  it('draws what cli-table3 drew, byte for byte', () => {
    fc.assert(
      fc.property(box, (b) => {
        expect(drawBox(b)).toBe(oracle(b));
      }),
      { numRuns: 500 },
    );
  });

  it('draws a table of no rows: a header alone, or nothing', () => {
    const b = { head: ['ID', '目标'], rows: [], colWidths: [4, 6] };
    expect(drawBox(b)).toBe(['┌────┬──────┐', '│ ID │ 目标 │', '└────┴──────┘'].join('\n'));
    expect(drawBox(b)).toBe(oracle(b));
    expect(drawBox({ rows: [], colWidths: [4] })).toBe(oracle({ rows: [], colWidths: [4] }));
    expect(drawBox({ head: [], rows: [['x']], colWidths: [3] })).toBe(oracle({ head: [], rows: [['x']], colWidths: [3] }));
  });

  it('carries colour over a line break as cli-table3 did', () => {
    const b = { rows: [['\u001b[31m\u001b[1mon\ntrack\u001b[22m\u001b[39m', 'x']], colWidths: [7, 3] };
    expect(drawBox(b).split('\n')[1]).toBe('│ \u001b[31m\u001b[1mon\u001b[22m\u001b[39m    │ x │');
    expect(drawBox(b).split('\n')[2]).toBe('│ \u001b[31m\u001b[1mtrack\u001b[22m\u001b[39m │   │');
    expect(drawBox(b)).toBe(oracle(b));
  });

  it('draws long tables in one piece, the same as cli-table3 drew them whole', () => {
    const rows = Array.from({ length: 250 }, (_, i) => [String(i), i % 7 === 0 ? `第 ${i} 行\n续` : `row ${i}`, i % 3 === 0 ? chalk.red(`r${i}`) : '']);
    const colWidths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => widestLine(r[i]!))) + 2);
    const colAligns: Align[] = ['right', 'left', 'center'];
    expect(drawBox({ head: ['#', '文本', 'c'], rows, colWidths, colAligns })).toBe(oracle({ head: ['#', '文本', 'c'], rows, colWidths, colAligns }));
    expect(drawBox({ rows, colWidths, colAligns })).toBe(oracle({ rows, colWidths, colAligns }));
  });
});
