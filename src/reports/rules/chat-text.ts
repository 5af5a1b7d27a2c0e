/**
 * Chat text, the pure part: what a message costs in each service's measure
 * (bytes in UTF-8 or inside JSON, UTF-16 units), splitting a long one under a
 * budget without cutting a character or a grapheme, and each service's
 * Markdown dialect (Feishu's bold headings, Slack's mrkdwn, code fences kept
 * whole per message). rules/chat.ts builds the requests from them.
 */
// ── Sizes ─────────────────────────────────────────────────────────────────
// Each measure is additive (cost(a + b) = cost(a) + cost(b) when a and b
// are whole code points), so a chunk's cost is the sum of its pieces'.

const encoder = new TextEncoder();
/** Bytes in UTF-8. */
export const utf8Bytes = (s: string): number => encoder.encode(s).length;
/** Bytes the text takes inside a JSON string (escapes counted), in UTF-8. */
export const jsonBytes = (s: string): number => utf8Bytes(JSON.stringify(s)) - 2;
/** UTF-16 units (Slack's "characters" are never more). */
export const units = (s: string): number => s.length;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Splits `text` into chunks each costing at most `budget`: at line breaks
 * (a line's "\n" stays at its end), a line too long for one chunk at
 * character boundaries (whole graphemes, so no emoji, UTF-8 sequence or
 * surrogate pair is ever cut; a single grapheme over the budget is cut
 * between its code points). `chunks.join('')` is the text, exactly.
 * @example splitText('ab\ncd', utf8Bytes, 3) // ['ab\n', 'cd']
 */
export function splitText(text: string, cost: (s: string) => number, budget: number): string[] {
  if (!(budget >= 1)) throw new RangeError('splitText: budget must be at least 1');
  const chunks: string[] = [];
  let cur = '';
  let used = 0;
  const flush = () => {
    if (cur !== '') chunks.push(cur);
    cur = '';
    used = 0;
  };
  const add = (piece: string, c: number) => {
    if (used + c > budget) flush();
    cur += piece;
    used += c;
  };
  for (const line of text.split(/(?<=\n)/)) {
    const c = cost(line);
    if (used + c <= budget) {
      cur += line;
      used += c;
      continue;
    }
    flush();
    if (c <= budget) {
      cur = line;
      used = c;
      continue;
    }
    for (const { segment } of segmenter.segment(line)) {
      const g = cost(segment);
      if (g <= budget) add(segment, g);
      else for (const cp of segment) add(cp, cost(cp));
    }
  }
  flush();
  return chunks;
}

// ── Markdown per service ──────────────────────────────────────────────────

/** Bold text, or nothing for an empty text (no stray asterisks). */
export const bold = (text: string, mark: '**' | '*') => (text === '' ? '' : `${mark}${text}${mark}`);

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const TABLE_ROW = /^\s*\|/;

/** Headings as bold lines: Feishu's card Markdown (JSON 1.0) has no headings, bold renders everywhere. */
export function headingsToBold(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) inFence = !inFence;
      if (inFence) return line;
      const h = HEADING.exec(line);
      return h ? bold(h[1]!.replace(/\*\*/g, ''), '**') : line;
    })
    .join('\n');
}

export const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line of Markdown in Slack's mrkdwn: `**b**` → `*b*`, `[t](u)` → `<u|t>`, `&<>` escaped as Slack asks. */
function slackLine(line: string): string {
  return slackEscape(line)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text: string, url: string) => `<${url}|${text}>`)
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/__(.+?)__/g, '*$1*');
}

/**
 * Markdown as Slack mrkdwn. Headings become bold lines. Slack has no
 * tables: a run of table rows goes into a code block, where the monospace
 * font keeps the columns under each other and the pipes read as a grid
 * (bold markers, which a code block would show as asterisks, are dropped
 * there). Existing code blocks are kept as they are.
 */
export function toSlackMrkdwn(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (!inFence && TABLE_ROW.test(line)) {
      if (!inTable) out.push('```');
      inTable = true;
      out.push(slackEscape(line.replace(/\*\*/g, '')));
      continue;
    }
    if (inTable) {
      out.push('```');
      inTable = false;
    }
    if (FENCE.test(line)) {
      inFence = !inFence;
      out.push(line);
      continue;
    }
    if (inFence) {
      out.push(slackEscape(line));
      continue;
    }
    const h = HEADING.exec(line);
    out.push(h ? bold(slackLine(h[1]!.replace(/\*\*/g, '')), '*') : slackLine(line));
  }
  if (inTable) out.push('```');
  return out.join('\n');
}

/** Closes a code block a chunk leaves open and reopens it in the next, so each Slack message renders alone. */
export function balanceFences(chunks: string[]): string[] {
  let open = false;
  return chunks.map((chunk) => {
    let text = open ? '```\n' + chunk : chunk;
    for (const line of chunk.split('\n')) if (/^\s*```/.test(line)) open = !open;
    if (open) text += (text.endsWith('\n') ? '' : '\n') + '```';
    return text;
  });
}

