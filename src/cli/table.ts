/** Tables for people (CJK-aware widths and wrapping), CSV and Markdown: loaded only when one is printed. */
import stringWidth from 'string-width';
import { t, type MessageKey } from '../i18n/index.js';
import { colorOn, paint, type Column } from './output.js';

/** Display width in terminal columns (CJK counts 2). */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

// Created on first use: building a Segmenter loads ICU data (milliseconds).
let segmenter: Intl.Segmenter | undefined;

/**
 * Wraps text to `width` columns without cutting Chinese: breaks at spaces
 * when there are any, else between characters (cli-table3's wordWrap truncates).
 * @example wrapText('负责售前咨询接待和订单跟进', 10)
 */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
    for (const { segment } of segmenter.segment(para)) {
      const w = stringWidth(segment);
      if (lineWidth + w > width && line !== '') {
        const cut = line.lastIndexOf(' ');
        if (segment !== ' ' && cut > 0 && /^[\x20-\x7e]+$/.test(line.slice(cut + 1) + segment)) {
          lines.push(line.slice(0, cut));
          line = line.slice(cut + 1);
        } else {
          lines.push(line.trimEnd());
          line = '';
        }
        lineWidth = stringWidth(line);
        if (segment === ' ') continue;
      }
      line += segment;
      lineWidth += w;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}


function cellText(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Renders rows as a bordered table; Chinese aligns, colour only if on. */
export async function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const color = colorOn();
  const table = new Table({
    head: columns.map((c) => (color ? paint.head(t(c.header)) : t(c.header))),
    style: { head: [], border: [], compact: true },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  for (const row of rows) {
    table.push(
      columns.map((c) => {
        const text = cellText(c.value(row));
        return c.wrap ? wrapText(text, c.wrap) : text;
      }),
    );
  }
  return table.toString();
}

/** Key/value block for `show` commands. */
export function renderFields(fields: ReadonlyArray<readonly [MessageKey, string | number | null | undefined]>): string {
  const labels = fields.map(([k]) => t(k));
  const width = Math.max(...labels.map(displayWidth));
  return fields
    .map(([, v], i) => {
      const label = labels[i]!;
      const pad = ' '.repeat(width - displayWidth(label));
      const text = cellText(v);
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

