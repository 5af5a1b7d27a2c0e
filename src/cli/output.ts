import chalk from 'chalk';
import stringWidth from 'string-width';
import { TeamError } from '../domain/errors.js';
import { t, type MessageKey } from '../i18n/index.js';
import { runtime } from './runtime.js';

export type Format = 'table' | 'json' | 'csv' | 'md';
const FORMATS: readonly Format[] = ['table', 'json', 'csv', 'md'];

/** `--json` wins; else `--format`; else a table. Unknown formats are a usage error. */
export function resolveFormat(opts: { json?: boolean; format?: string }): Format {
  if (opts.json) return 'json';
  if (opts.format === undefined) return 'table';
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new TeamError('err.invalidFormat', { value: opts.format });
  return opts.format as Format;
}

/**
 * Colour only on a TTY, never with NO_COLOR, --no-color or TERM=dumb;
 * FORCE_COLOR=1 forces it on (0 off). Decided once, before any output.
 */
export function configureColor(wantColor: boolean, env: NodeJS.ProcessEnv, isTTY: boolean): void {
  let on = wantColor && isTTY && env.TERM !== 'dumb' && !('NO_COLOR' in env && env.NO_COLOR !== '');
  if (env.FORCE_COLOR !== undefined && wantColor && !env.NO_COLOR) on = env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  chalk.level = on ? 1 : 0;
}

configureColor(runtime.color, process.env, Boolean(process.stdout.isTTY));

export function colorOn(): boolean {
  return chalk.level > 0;
}

/** Named styles, so nothing else imports chalk. Identity when colour is off. */
export const paint = {
  dim: (s: string) => chalk.dim(s),
  bold: (s: string) => chalk.bold(s),
  ok: (s: string) => chalk.green(s),
  warn: (s: string) => chalk.yellow(s),
  bad: (s: string) => chalk.red(s),
  head: (s: string) => chalk.bold.cyan(s),
};

/** Data goes to stdout. */
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Messages go to stderr, so stdout stays clean for pipes. */
export function say(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(data: unknown): void {
  out(JSON.stringify(data, null, 2));
}

/** Display width in terminal columns (CJK counts 2). */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

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

export interface Column<T> {
  header: MessageKey;
  value: (row: T) => string | number | null | undefined;
  /** Wrap the cell at this many columns. */
  wrap?: number;
  align?: 'left' | 'right';
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

function renderMarkdown<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const head = `| ${columns.map((c) => esc(t(c.header))).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((r) => `| ${columns.map((c) => esc(cellText(c.value(r)))).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

async function renderCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  // BOM: Excel opens Chinese CSV correctly only with one; formulas are defused.
  return stringify(
    [columns.map((c) => t(c.header)), ...rows.map((r) => columns.map((c) => cellText(c.value(r))))],
    { bom: true, escape_formulas: true },
  );
}

/**
 * Prints a list in the chosen format: `json` prints `data` (the stable shape),
 * the others render `rows` through `columns`.
 */
export async function printList<T>(format: Format, rows: readonly T[], columns: readonly Column<T>[], data: unknown = rows): Promise<void> {
  switch (format) {
    case 'json':
      return printJson(data);
    case 'csv':
      return out(await renderCsv(rows, columns));
    case 'md':
      return out(renderMarkdown(rows, columns));
    case 'table':
      if (rows.length === 0) return say(t('list.empty'));
      return out(await renderTable(rows, columns));
  }
}
