/**
 * Draws a bordered table whose layout is already decided: the same bytes as
 * cli-table3 0.6.5 with `style: { head: [], border: [], compact: true }` and
 * fixed `colWidths`, in one pass over the rows (cli-table3 built a Cell per
 * cell, merged its options per cell and laid the table out in time that grew
 * with the square of its rows). cli-table3 stays only as the oracle of
 * tests/cli/unit/box.test.ts.
 */
import { displayWidth } from './width.js';

export type Align = 'left' | 'right' | 'center';

export interface Box {
  /** Header cells (drawn above a rule); undefined or empty: no header. */
  head?: readonly string[];
  rows: readonly (readonly string[])[];
  /**
   * Each column's width between its borders: its widest line + 2 (a space of
   * padding each side). Lines are never cut: a line wider than its column
   * pushes the border out (renderTable never gives one).
   */
  colWidths: readonly number[];
  /** Per column; left when missing. */
  colAligns?: readonly (Align | undefined)[];
}

const spaceCache: string[] = [];
function spaces(n: number): string {
  if (n <= 0) return '';
  return (spaceCache[n] ??= ' '.repeat(n));
}

function rule(widths: readonly number[], left: string, mid: string, right: string): string {
  return left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
}

/** One line of a cell, padded to `width` (the padding spaces included). */
function padLine(line: string, width: number, align: Align | undefined): string {
  const room = width - 2;
  const gap = room - displayWidth(line);
  if (gap <= 0) return ` ${line} `;
  if (align === 'right') return `${spaces(gap + 1)}${line} `;
  if (align === 'center') {
    const after = Math.ceil(gap / 2);
    return `${spaces(gap - after + 1)}${line}${spaces(after + 1)}`;
  }
  return ` ${line}${spaces(gap + 1)}`;
}

/** A cell's lines: split at line breaks, colour carried over each break as cli-table3 does. */
function cellLines(cell: string): string[] {
  const lines = cell.includes('\n') ? cell.split('\n') : [cell];
  return cell.includes('\u001b') ? colorizeLines(lines) : lines;
}

/**
 * The table's text, lines joined by `\n` (no final newline): a top border, the
 * header and a rule under it, the rows with no rules between them, a bottom
 * border. Cells of one row are top-aligned; shorter ones get blank lines.
 */
export function drawBox(box: Box): string {
  const { colWidths: widths } = box;
  const aligns = box.colAligns ?? [];
  const n = widths.length;
  const withHead = box.head !== undefined && box.head.length > 0;
  if (n === 0 || (!withHead && box.rows.length === 0)) return '';
  const out: string[] = [rule(widths, '┌', '┬', '┐')];
  const blanks = widths.map((w) => spaces(w));
  const drawRow = (row: readonly string[]) => {
    if (n === 1 && !row[0]!.includes('\n') && !row[0]!.includes('\u001b')) {
      out.push(`│${padLine(row[0]!, widths[0]!, aligns[0])}│`);
      return;
    }
    const lines = new Array<string[]>(n);
    let height = 1;
    for (let i = 0; i < n; i++) {
      const l = cellLines(row[i] ?? '');
      lines[i] = l;
      if (l.length > height) height = l.length;
    }
    for (let k = 0; k < height; k++) {
      let s = '│';
      for (let i = 0; i < n; i++) {
        const line = lines[i]![k];
        s += (line === undefined ? blanks[i] : padLine(line, widths[i]!, aligns[i])) + '│';
      }
      out.push(s);
    }
  };
  if (withHead) {
    drawRow(box.head!);
    if (box.rows.length > 0) out.push(rule(widths, '├', '┼', '┤'));
  }
  for (const row of box.rows) drawRow(row);
  out.push(rule(widths, '└', '┴', '┘'));
  return out.join('\n');
}

// Colour across line breaks, as cli-table3's utils.colorizeLines: each line
// closes what is still open at its end and reopens, at its start, what the
// line before left open. Only what cli-table3 tracks is carried: the last
// foreground and background colour, and bold, italics, underline, inverse and
// strikethrough (not dim); a code `0` (or empty) resets everything.

// The same pattern as cli-table3's (at most six parameters).
// eslint-disable-next-line no-control-regex -- matching ESC is the point
const SGR = /\u001b\[((?:\d*;){0,5}\d*)m/g;

const STYLES: Readonly<Record<string, readonly [on: string, off: string]>> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  italics: ['\u001b[3m', '\u001b[23m'],
  underline: ['\u001b[4m', '\u001b[24m'],
  inverse: ['\u001b[7m', '\u001b[27m'],
  strikethrough: ['\u001b[9m', '\u001b[29m'],
};
/** A style's exact on or off code → [style, on?]. */
const STYLE_CODES = new Map<string, readonly [string, boolean]>(
  Object.entries(STYLES).flatMap(([name, [on, off]]) => [
    [on, [name, true]],
    [off, [name, false]],
  ]),
);
const FG_DEFAULT = '\u001b[39m';
const BG_DEFAULT = '\u001b[49m';

interface ColorState {
  fg?: string;
  bg?: string;
  /** In the order first set since the last reset (the order codes are written in). */
  styles: Map<string, boolean>;
}

function readState(line: string): ColorState {
  const state: ColorState = { styles: new Map() };
  for (const m of line.matchAll(SGR)) {
    const code = m[1] ? parseInt(m[1].split(';')[0]!, 10) : 0;
    if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) state.fg = m[0];
    else if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) state.bg = m[0];
    else if (code === 0) {
      state.fg = state.bg = undefined;
      state.styles.clear();
    } else {
      const style = STYLE_CODES.get(m[0]);
      if (style) state.styles.set(style[0], style[1]);
    }
  }
  return state;
}

/** Closes at the end of `line` what `state` has open. */
function unwind(state: ColorState, line: string): string {
  let s = line;
  for (const [name, on] of state.styles) if (on) s += STYLES[name]![1];
  if (state.bg !== undefined && state.bg !== BG_DEFAULT) s += BG_DEFAULT;
  if (state.fg !== undefined && state.fg !== FG_DEFAULT) s += FG_DEFAULT;
  return s;
}

/** Reopens at the start of `line` what `state` has open. */
function rewind(state: ColorState, line: string): string {
  let s = line;
  for (const [name, on] of state.styles) if (on) s = STYLES[name]![0] + s;
  if (state.bg !== undefined && state.bg !== BG_DEFAULT) s = state.bg + s;
  if (state.fg !== undefined && state.fg !== FG_DEFAULT) s = state.fg + s;
  return s;
}

function colorizeLines(lines: readonly string[]): string[] {
  let state: ColorState = { styles: new Map() };
  return lines.map((l) => {
    const line = rewind(state, l);
    state = readState(line);
    return unwind(state, line);
  });
}
