import type { ChalkInstance } from 'chalk';
import { InputError } from '../shared/errors.js';
import { t, type MessageKey } from '../i18n/index.js';
import { io } from './io.js';
import { runtime } from './runtime.js';

export type Format = 'table' | 'json' | 'csv' | 'md';
const FORMATS: readonly Format[] = ['table', 'json', 'csv', 'md'];

/** `--json` wins; else `--format`; else a table. Unknown formats are a usage error. */
export function resolveFormat(opts: { json?: boolean; format?: string }): Format {
  if (opts.format !== undefined && !(FORMATS as readonly string[]).includes(opts.format)) throw new InputError('err.invalidFormat', { value: opts.format });
  if (opts.json) return 'json';
  return (opts.format as Format | undefined) ?? 'table';
}

/**
 * Colour only on a TTY, never with NO_COLOR, --no-color or TERM=dumb;
 * FORCE_COLOR=1 forces it on (0 off).
 */
export function wantsColor(wantColor: boolean, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (!wantColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

// chalk is loaded only when colour is on (see loadColor): scripts, pipes and
// cron never pay for it.
let chalk: ChalkInstance | undefined;

/** Decides colour once, before any output, and loads chalk if it is on. */
export async function loadColor(): Promise<void> {
  chalk = undefined;
  if (!wantsColor(runtime.color, io().env, Boolean(io().stdout.isTTY))) return;
  chalk = (await import('./chalk.js')).colorChalk();
}

export function colorOn(): boolean {
  return chalk !== undefined;
}

/** Named styles, so nothing else imports chalk. Identity when colour is off. */
export const paint = {
  dim: (s: string) => (chalk ? chalk.dim(s) : s),
  bold: (s: string) => (chalk ? chalk.bold(s) : s),
  ok: (s: string) => (chalk ? chalk.green(s) : s),
  warn: (s: string) => (chalk ? chalk.yellow(s) : s),
  bad: (s: string) => (chalk ? chalk.red(s) : s),
  head: (s: string) => (chalk ? chalk.bold.cyan(s) : s),
};

/** Data goes to stdout. */
export function out(text: string): void {
  // The newline written on its own: appending it to a long text (a list's JSON) would copy all of it.
  io().stdout.write(text);
  if (!text.endsWith('\n')) io().stdout.write('\n');
}

/** Messages go to stderr, so stdout stays clean for pipes. */
export function say(text: string): void {
  io().stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** JSON on stdout: indented for a person at a terminal, compact for pipes and files (a third smaller). */
export function printJson(data: unknown): void {
  // Short lists in one piece (cheapest); long ones in slices, so 20,000 goals never sit in memory as one text.
  if (io().stdout.isTTY || !Array.isArray(data) || data.length < 5000) return out(JSON.stringify(data, null, io().stdout.isTTY ? 2 : undefined));
  const list = jsonArrayWriter()!;
  for (let i = 0; i < data.length; i++) list.push(data[i]);
  list.end();
}

/**
 * A JSON array written to stdout element by element as the elements come, in
 * slices of 32 K characters: the same bytes as printJson of the whole array,
 * without holding the array (20,000 goals), its 15 MB of text, or its UTF-8
 * buffer (small slices stay out of V8's large-object space, too). Null on a
 * terminal, which gets the indented form of the whole array instead.
 */
export function jsonArrayWriter(): JsonArrayWriter | null {
  if (io().stdout.isTTY) return null;
  let chunk = '[';
  let first = true;
  const pushJson = (json: string) => {
    chunk += first ? json : `,${json}`;
    first = false;
    if (chunk.length >= JSON_CHUNK) {
      io().stdout.write(chunk);
      chunk = '';
    }
  };
  return {
    push: (item: unknown) => pushJson(JSON.stringify(item) ?? 'null'),
    pushJson,
    end() {
      out(`${chunk}]`);
    },
  };
}

const JSON_CHUNK = 1 << 15;

export interface JsonArrayWriter {
  /** One element, stringified. */
  push(item: unknown): void;
  /** One element already written as compact JSON text. */
  pushJson(json: string): void;
  end(): void;
}

/** How one column of a list is filled, for tables, CSV and Markdown. */
export interface Column<T> {
  header: MessageKey;
  value: (row: T) => string | number | null | undefined;
  /** The value for CSV and Markdown when the table shows a drawing (a progress bar). */
  plain?: (row: T) => string | number | null | undefined;
  /** Wrap the cell at this many columns. */
  wrap?: number;
  align?: 'left' | 'right';
  /** Leave the column out of a table when no row has a value in it (CSV and Markdown keep it). */
  hideEmpty?: boolean;
  /**
   * How readily the column gives way when a table is wider than the terminal:
   * the highest number is dropped first. Columns without one (IDs, titles) are
   * never dropped.
   */
  priority?: number;
}

/**
 * How wide a table may be: `COLUMNS` when set (a terminal or not), else the
 * terminal's width on a TTY, else unlimited (pipes and files get every column).
 * @example tableWidth({}, true, 80) // 80
 */
export function tableWidth(env: NodeJS.ProcessEnv, isTTY: boolean, columns: number | undefined): number | undefined {
  const fromEnv = env.COLUMNS?.trim();
  if (fromEnv && /^\d+$/.test(fromEnv) && Number(fromEnv) > 0) return Number(fromEnv);
  return isTTY && columns !== undefined && columns > 0 ? columns : undefined;
}

/** The width tables on stdout must fit (undefined: unlimited). */
export function terminalWidth(): number | undefined {
  const { env, stdout } = io();
  return tableWidth(env, Boolean(stdout.isTTY), stdout.columns);
}

/**
 * Draws a forest with box-drawing branches, one node a line:
 *   root
 *   ├─ child
 *   │  └─ grandchild
 *   └─ child
 */
export function renderTree<T>(roots: readonly T[], label: (node: T) => string, children: (node: T) => readonly T[]): string {
  const lines: string[] = [];
  const walk = (n: T, prefix: string, last: boolean, root: boolean) => {
    lines.push(root ? label(n) : `${prefix}${last ? '└─ ' : '├─ '}${label(n)}`);
    const next = root ? '' : `${prefix}${last ? '   ' : '│  '}`;
    const kids = children(n);
    kids.forEach((c, i) => walk(c, next, i === kids.length - 1, false));
  };
  roots.forEach((r) => walk(r, '', true, true));
  return lines.join('\n');
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
      return out(await (await import('./table.js')).renderCsv(rows, columns));
    case 'md':
      return out((await import('./table.js')).renderMarkdown(rows, columns));
    case 'table':
      if (rows.length === 0) return say(t('list.empty'));
      return out(await (await import('./table.js')).renderTable(rows, columns, { width: terminalWidth() }));
  }
}
