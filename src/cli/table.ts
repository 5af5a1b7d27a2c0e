/** Tables for people (CJK-aware widths and wrapping), CSV and Markdown: loaded only when one is printed. */
import { t, type MessageKey } from '../i18n/index.js';
import { drawBox } from './box.js';
import { colorOn, paint, type Column } from './output.js';
import { displayWidth, graphemeWidth, PLAIN, STANDALONE } from './width.js';

export { displayWidth };

// Created on first use: building a Segmenter loads ICU data (milliseconds).
let segmenter: Intl.Segmenter | undefined;

// SGR colour codes (all chalk writes): zero width, never split.
// eslint-disable-next-line no-control-regex -- matching ESC is the point
const ANSI = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- matching ESC is the point
const TRAILING_ANSI = /(?:\u001b\[[0-9;]*m)*$/;

interface Piece {
  s: string;
  w: number;
}

/** Graphemes with their display width; colour codes are pieces of width 0. */
function pieces(para: string): Piece[] {
  const out: Piece[] = [];
  const text = (s: string) => {
    // Most text is made of characters that are graphemes on their own: walking a Segmenter costs ten
    // times more, and building the first one loads ICU's break iterators (18 ms).
    if (STANDALONE.test(s)) for (const c of s) out.push({ s: c, w: graphemeWidth(c) });
    else for (const { segment } of (segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' })).segment(s)) out.push({ s: segment, w: graphemeWidth(segment) });
  };
  let last = 0;
  for (const m of para.matchAll(ANSI)) {
    text(para.slice(last, m.index));
    out.push({ s: m[0], w: 0 });
    last = m.index + m[0].length;
  }
  text(para.slice(last));
  return out;
}

/** Printable ASCII (a word that must not be cut) or a colour code. */
const asciiWord = (p: Piece) => (p.w === 0 && p.s.startsWith('\u001b')) || /^[\x21-\x7e]$/.test(p.s);

/** Trailing spaces go, colour codes after them stay. */
function trimEnd(s: string): string {
  const codes = TRAILING_ANSI.exec(s)![0];
  return s.slice(0, s.length - codes.length).trimEnd() + codes;
}

/** Punctuation that may not begin a line in Chinese (closing brackets, commas, full stops). */
const NO_LINE_START = /^[）」』】〕》〉，。、；：！？]$/u;

/**
 * wrapGraphemes for plain ASCII, on offsets instead of a piece per
 * character (most English cells; half of a report table's time went to
 * those pieces). The same lines: a test checks it against wrapGraphemes.
 */
export function wrapAscii(para: string, width: number): string[] {
  const lines: string[] = [];
  let a = 0;
  for (let i = 0; i < para.length; i++) {
    if (i - a + 1 <= width || i === a) continue;
    if (para.charCodeAt(i) === 32) {
      lines.push(para.slice(a, i).trimEnd());
      a = i + 1;
      continue;
    }
    // Move a whole word to the next line when a space comes before it.
    const cut = para.lastIndexOf(' ', i - 1);
    if (cut > a) {
      lines.push(para.slice(a, cut).trimEnd());
      a = cut + 1;
    } else {
      lines.push(para.slice(a, i).trimEnd());
      a = i;
    }
  }
  lines.push(para.slice(a).trimEnd());
  return lines;
}

function wrapPara(para: string, width: number): string[] {
  return PLAIN.test(para) ? wrapAscii(para, width) : wrapGraphemes(para, width);
}

/** @internal exported for the test that holds wrapAscii to it */
export function wrapGraphemes(para: string, width: number): string[] {
  const lines: string[] = [];
  const flush = (line: readonly Piece[]) => lines.push(trimEnd(line.map((p) => p.s).join('')));
  let line: Piece[] = [];
  let lineWidth = 0;
  for (const p of pieces(para)) {
    if (p.w > 0 && lineWidth + p.w > width && lineWidth > 0) {
      if (p.s === ' ') {
        flush(line);
        line = [];
        lineWidth = 0;
        continue;
      }
      // Move a whole ASCII word to the next line when a space comes before it.
      const cut = line.map((q) => q.s).lastIndexOf(' ');
      const head = line.slice(0, Math.max(cut, 0));
      if (cut > 0 && head.some((q) => q.w > 0) && line.slice(cut + 1).every(asciiWord) && asciiWord(p)) {
        flush(head);
        line = line.slice(cut + 1);
      } else if (NO_LINE_START.test(p.s) && line.length > 1 && line.at(-1)!.w + p.w <= width) {
        // Chinese closing punctuation never begins a line: the character before it goes along.
        const carried = line.pop()!;
        flush(line);
        line = [carried];
      } else {
        flush(line);
        line = [];
      }
      lineWidth = line.reduce((n, q) => n + q.w, 0);
    }
    line.push(p);
    lineWidth += p.w;
  }
  flush(line);
  return lines;
}

/**
 * Wraps text to `width` display columns without cutting Chinese: breaks at
 * spaces when there are any, else between graphemes (cli-table3's wordWrap
 * truncates). Colour codes count for nothing.
 * @example wrapText('负责售前咨询接待和订单跟进', 10)
 */
export function wrapText(text: string, width: number): string {
  // Segmenting only what is too wide keeps the common case free of ICU.
  return text
    .split('\n')
    .flatMap((p) => (displayWidth(p) <= width ? [trimEnd(p)] : wrapPara(p, width)))
    .join('\n');
}

function cellText(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Widest line of a cell. */
function cellWidth(s: string): number {
  return s.includes('\n') ? Math.max(...s.split('\n').map(displayWidth)) : displayWidth(s);
}

/** The widest line of column `i` of `cells`, at least `from` (a loop: a spread of 200,000 rows overflows the stack). */
function widest(cells: readonly (readonly string[])[], i: number, from: number): number {
  let w = from;
  for (const r of cells) w = Math.max(w, cellWidth(r[i]!));
  return w;
}

export interface FitColumn {
  /** Widest line of the header and the cells, as the table would be without a limit. */
  natural: number;
  /** Whether the column may wrap (numbers do not). */
  wraps: boolean;
  /** Higher is dropped first; none: never dropped. */
  priority?: number;
}

/** A wrapping column keeps this much before less important columns are dropped... */
const COMFORTABLE = 20;
/** ...and is squeezed to this only when nothing else can be dropped. */
const SQUEEZED = 10;

/** Border and padding: `│ ` before each column, ` ` after it, a last `│`. */
export function tableChrome(n: number): number {
  return 3 * n + 1;
}

/**
 * Decides which columns a table of `width` display columns keeps and how wide
 * each is: wrapping columns shrink to 20; then the highest `priority` goes
 * first (rightmost on a tie) until they fit; then they shrink to 10; else the
 * table overflows at those widths. Spare width goes to the narrowest first.
 * @returns the kept column indexes, in order, and their content widths.
 */
export function fitColumns(cols: readonly FitColumn[], width: number): { keep: number[]; widths: number[] } {
  let keep = cols.map((_, i) => i);
  const floor = (i: number, min: number) => (cols[i]!.wraps ? Math.min(cols[i]!.natural, min) : cols[i]!.natural);
  const room = () => width - tableChrome(keep.length);
  const fits = (min: number) => keep.reduce((n, i) => n + floor(i, min), 0) <= room();
  if (fits(Infinity)) return { keep, widths: keep.map((i) => cols[i]!.natural) };
  while (!fits(COMFORTABLE)) {
    let drop: number | undefined;
    for (const i of keep) if (cols[i]!.priority !== undefined && (drop === undefined || cols[i]!.priority! >= cols[drop]!.priority!)) drop = i;
    if (drop === undefined) break;
    keep = keep.filter((i) => i !== drop);
  }
  const min = fits(COMFORTABLE) ? COMFORTABLE : SQUEEZED;
  const widths = keep.map((i) => floor(i, min));
  let spare = room() - widths.reduce((a, b) => a + b, 0);
  while (spare > 0) {
    let k = -1;
    keep.forEach((i, j) => {
      if (widths[j]! < cols[i]!.natural && (k < 0 || widths[j]! < widths[k]!)) k = j;
    });
    if (k < 0) break;
    widths[k]!++;
    spare--;
  }
  return { keep, widths };
}

export interface TableOptions {
  /** Display columns every line must fit in (see tableWidth); undefined: unlimited. */
  width?: number;
}

/**
 * Renders rows as a bordered table; Chinese aligns, colour only if on. With a
 * `width`, long cells wrap and the least important columns give way (fitColumns).
 */
export async function renderTable<T>(rows: readonly T[], allColumns: readonly Column<T>[], opts: TableOptions = {}): Promise<string> {
  const color = colorOn();
  const allRaw = rows.map((row) => allColumns.map((c) => cellText(c.value(row))));
  // A column that may be left out when it says nothing (a place no meeting has) is.
  const shown = allColumns.map((c, i) => !c.hideEmpty || allRaw.some((r) => r[i] !== ''));
  const columns = allColumns.filter((_, i) => shown[i]);
  const raw = allRaw.map((r) => r.filter((_, i) => shown[i]));
  const wrapAt = (c: Column<T>, text: string, width = Infinity) => {
    const w = Math.min(c.wrap ?? Infinity, width);
    return w === Infinity ? text : wrapText(text, w);
  };
  let heads = columns.map((c) => t(c.header));
  let cells = raw.map((r) => r.map((text, i) => wrapAt(columns[i]!, text)));
  let kept = columns;
  if (opts.width !== undefined) {
    const fit = fitColumns(
      columns.map((c, i) => ({
        natural: widest(cells, i, displayWidth(heads[i]!)),
        wraps: c.align !== 'right',
        priority: c.priority,
      })),
      opts.width,
    );
    const { keep, widths } = fit;
    kept = keep.map((i) => columns[i]!);
    heads = keep.map((i, j) => wrapText(heads[i]!, widths[j]!));
    cells = raw.map((r, n) => keep.map((i, j) => (cellWidth(cells[n]![i]!) > widths[j]! ? wrapAt(columns[i]!, r[i]!, widths[j]) : cells[n]![i]!)));
  }
  // The widths are set here: each column's widest line and a space each side.
  const colWidths = kept.map((_, i) => widest(cells, i, cellWidth(heads[i]!)) + 2);
  return drawBox({
    head: heads.map((h) => (color ? paint.head(h) : h)),
    rows: cells,
    colWidths,
    colAligns: kept.map((c) => c.align ?? 'left'),
  });
}

/**
 * Key/value block for `show` commands. With a `width`, long values wrap under
 * themselves (a hanging indent) instead of under the labels.
 */
export function renderFields(fields: ReadonlyArray<readonly [MessageKey, string | number | null | undefined]>, opts: TableOptions = {}): string {
  const labels = fields.map(([k]) => t(k));
  const width = Math.max(...labels.map(displayWidth));
  const room = opts.width === undefined ? Infinity : opts.width - width - 2;
  return fields
    .map(([, v], i) => {
      const label = labels[i]!;
      const pad = ' '.repeat(width - displayWidth(label));
      const text = room >= COMFORTABLE && cellWidth(cellText(v)) > room ? wrapText(cellText(v), room) : cellText(v);
      const indent = ' '.repeat(width + 2);
      return `${paint.bold(label)}${pad}  ${text.split('\n').join(`\n${indent}`)}`;
    })
    .join('\n');
}

export function renderMarkdown<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const head = `| ${columns.map((c) => esc(t(c.header))).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((r) => `| ${columns.map((c) => esc(cellText((c.plain ?? c.value)(r)))).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

export async function renderCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  // BOM: Excel opens Chinese CSV correctly only with one; formulas are defused.
  return stringify(
    [columns.map((c) => t(c.header)), ...rows.map((r) => columns.map((c) => cellText((c.plain ?? c.value)(r))))],
    { bom: true, escape_formulas: true },
  );
}

