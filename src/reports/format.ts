/**
 * Any report as text: a list of sections, each a title, a summary and rows
 * with columns. Tables for people (each fitted to the terminal), Markdown
 * lists for chat (DingTalk and WeCom draw no tables), CSV of one section.
 */
import { paint, type Column } from '../cli/output.js';
import { t } from '../i18n/index.js';

export interface Section<T = unknown> {
  name: string;
  title: string;
  /** A summary after the title, or the one line an empty section prints. */
  summary: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** Rows left out of `rows` (the report's limit). */
  more: number;
  /** Lines instead of a table (the PPP summary, a trend). */
  lines?: string[];
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
/** A cell for Markdown: what the table shows, without colour; a drawing (a progress bar) as its plain value. */
const mdCell = <T>(c: Column<T>, row: T) => {
  const shown = text(c.value(row)).replace(ANSI, '');
  return /[█░]/.test(shown) ? text((c.plain ?? c.value)(row)) : shown;
};

/** The sections as tables under bold titles; an empty one is its one line. */
export async function sectionsText(title: string, sections: readonly Section[], width: number | undefined): Promise<string> {
  const { renderTable, wrapText, displayWidth } = await import('../cli/table.js');
  // A bullet wraps under itself; a line that is not one is a sub-heading.
  const line = (l: string) => {
    if (!l.startsWith('- ')) return paint.bold(l);
    if (width === undefined || displayWidth(l) <= width) return l;
    return `- ${wrapText(l.slice(2), width - 2).split('\n').join('\n  ')}`;
  };
  const parts: string[] = [paint.head(title)];
  for (const s of sections) {
    const plain = s.summary === '' ? s.title : `${s.title}  ${s.summary}`;
    // A long summary wraps under itself, indented past the title.
    const fits = width === undefined || displayWidth(plain) <= width;
    const indent = displayWidth(s.title) + 2;
    const summary = fits || width! - indent < 20 ? s.summary : wrapText(s.summary, width! - indent).split('\n').join(`\n${' '.repeat(indent)}`);
    parts.push('', s.summary === '' ? paint.bold(s.title) : `${paint.bold(s.title)}  ${summary}`);
    if (s.lines) parts.push(...s.lines.map(line));
    else if (s.rows.length > 0) parts.push(await renderTable(s.rows, s.columns, { width }));
    if (s.more > 0) parts.push(paint.dim(t('reports.moreRows', { n: s.more })));
  }
  return parts.join('\n');
}

/** The sections as Markdown: a heading each, one bullet a row (values joined by " · "). */
export function sectionsMarkdown(title: string, sections: readonly Section[]): string {
  const esc = (s: string) => s.replace(/([*_`[\]])/g, '\\$1').replace(/\n/g, ' ');
  const parts: string[] = [`## ${esc(title)}`];
  for (const s of sections) {
    parts.push('', `### ${esc(s.title)}`);
    if (s.summary !== '') parts.push(esc(s.summary));
    if (s.lines) parts.push(...s.lines.map((l) => (l.startsWith('- ') ? `- ${esc(l.slice(2))}` : `**${esc(l)}**`)));
    else for (const row of s.rows) parts.push(`- ${s.columns.map((c) => mdCell(c, row)).filter((v) => v !== '').map(esc).join(' · ')}`);
    if (s.more > 0) parts.push(`- ${esc(t('reports.moreRows', { n: s.more }))}`);
  }
  return parts.join('\n');
}

/** One section as CSV (a BOM for Excel, formulas defused). */
export async function sectionCsv(s: Section): Promise<string> {
  const { renderCsv } = await import('../cli/table.js');
  return renderCsv(s.rows, s.columns);
}
