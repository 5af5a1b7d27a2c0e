import fc from 'fast-check';
/** Tables that fit the terminal: wrapping by display width, dropping columns by priority, never counting colour. */
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tableWidth, type Column } from '../../../src/cli/output.js';
import { fitColumns, renderFields, renderTable, tableChrome, wrapAscii, wrapGraphemes, wrapText } from '../../../src/cli/table.js';

interface Row {
  id: number;
  title: string;
  owner: string;
  target: string;
  status: string;
  due: string;
}

const rows: Row[] = [
  { id: 1, title: '本季度天猫店 GMV 提升 20%，重点推进直播间和会员复购', owner: '李强 (li.qiang)', target: '¥1,800,000', status: 'on track', due: '2026-12-31' },
  { id: 14, title: 'Reply to every pre-sale question within thirty seconds', owner: 'Customer service', target: '30 s', status: 'not started', due: '2026-11-30' },
];

const columns: Column<Row>[] = [
  { header: 'col.id', value: (r) => r.id, align: 'right' },
  { header: 'goals.col.goal', value: (r) => r.title, wrap: 36 },
  { header: 'goals.col.owner', value: (r) => r.owner, priority: 3 },
  { header: 'goals.col.target', value: (r) => r.target, align: 'right', priority: 4 },
  { header: 'goals.col.goalStatus', value: (r) => r.status, priority: 1 },
  { header: 'goals.col.due', value: (r) => r.due, priority: 2 },
];

/** The table as it printed before widths were fitted (103 columns). */
const TODAY = [
  '┌────┬─────────────────────────────────────┬──────────────────┬────────────┬─────────────┬────────────┐',
  '│ ID │ Goal                                │ Owner            │     Target │ Status      │ Due        │',
  '├────┼─────────────────────────────────────┼──────────────────┼────────────┼─────────────┼────────────┤',
  '│  1 │ 本季度天猫店 GMV 提升 20%，重点推进 │ 李强 (li.qiang)  │ ¥1,800,000 │ on track    │ 2026-12-31 │',
  '│    │ 直播间和会员复购                    │                  │            │             │            │',
  '│ 14 │ Reply to every pre-sale question    │ Customer service │       30 s │ not started │ 2026-11-30 │',
  '│    │ within thirty seconds               │                  │            │             │            │',
  '└────┴─────────────────────────────────────┴──────────────────┴────────────┴─────────────┴────────────┘',
].join('\n');

const lines = (s: string) => s.split('\n');
const widths = (s: string) => lines(s).map((l) => stringWidth(l));
/** The header row's cells, trimmed. */
const headers = (s: string) =>
  lines(s)[1]!
    .split('│')
    .slice(1, -1)
    .map((c) => c.trim());
/** Every cell's text of one column, lines joined (a wrapped cell reads as one). */
function columnText(table: string, col: number): string[] {
  const body = lines(table).slice(3, -1);
  const cells: string[] = [];
  for (const l of body) {
    const parts = l.split('│').slice(1, -1);
    const text = parts[col]!.trim();
    if (parts[0]!.trim() !== '') cells.push(text);
    else cells[cells.length - 1] += text;
  }
  return cells;
}
const noSpaces = (s: string) => s.replace(/\s/g, '');

/** Borders intact: every line as wide as the top one, and each starts and ends with a border. */
function expectIntact(table: string): void {
  const w = widths(table);
  expect(new Set(w).size, table).toBe(1);
  for (const l of lines(table)) expect(/^[┌│├└].*[┐│┤┘]$/.test(l), l).toBe(true);
}

describe('renderTable without a width', () => {
  it('prints what it printed before', async () => {
    expect(await renderTable(rows, columns)).toBe(TODAY);
    expect(await renderTable(rows, columns, { width: undefined })).toBe(TODAY);
  });

  it('is unchanged when the width is wide enough', async () => {
    expect(await renderTable(rows, columns, { width: 103 })).toBe(TODAY);
    expect(await renderTable(rows, columns, { width: 500 })).toBe(TODAY);
  });
});

describe('renderTable with a width', () => {
  it('keeps every line within the width, borders intact, for every width it can fit', async () => {
    for (let width = 40; width <= 110; width++) {
      const table = await renderTable(rows, columns, { width });
      for (const w of widths(table)) expect(w, `width ${width}\n${table}`).toBeLessThanOrEqual(width);
      expectIntact(table);
    }
  });

  it('wraps Chinese without spaces between characters, by display width, losing nothing', async () => {
    const zh = [{ id: 1, title: '负责售前咨询接待和订单跟进首次响应不超过三十秒并记录客户的常见问题', owner: '', target: '', status: '', due: '' }];
    const table = await renderTable(zh, columns.slice(0, 2), { width: 30 });
    expect(Math.max(...widths(table))).toBeLessThanOrEqual(30);
    expectIntact(table);
    expect(columnText(table, 1)).toEqual([zh[0]!.title]);
    expect(lines(table)[3]).toBe('│  1 │ 负责售前咨询接待和订 │'); // 21 columns left for the title: 10 characters
  });

  it('wraps English at spaces, never inside a word', async () => {
    const table = await renderTable(rows.slice(1), columns.slice(0, 2), { width: 30 });
    const title = lines(table)
      .slice(3, -1)
      .map((l) => l.split('│')[2]!.trim());
    expect(title).toEqual(['Reply to every', 'pre-sale question', 'within thirty seconds']);
  });

  it('drops the highest priority number first and keeps columns without one', async () => {
    // 80 columns: the title at a comfortable 20 plus everything else is 84, so Target (4) goes.
    expect(headers(await renderTable(rows, columns, { width: 80 }))).toEqual(['ID', 'Goal', 'Owner', 'Status', 'Due']);
    expect(headers(await renderTable(rows, columns, { width: 65 }))).toEqual(['ID', 'Goal', 'Status', 'Due']);
    expect(headers(await renderTable(rows, columns, { width: 50 }))).toEqual(['ID', 'Goal', 'Status']);
    expect(headers(await renderTable(rows, columns, { width: 35 }))).toEqual(['ID', 'Goal']);
  });

  it('gives the title the room the dropped columns leave', async () => {
    const table = await renderTable(rows, columns, { width: 80 });
    expect(widths(table)[0]).toBeGreaterThan(75);
    expect(columnText(table, 1).map(noSpaces)).toEqual(rows.map((r) => noSpaces(r.title)));
  });

  it('overflows rather than cut when even the kept columns cannot fit', async () => {
    const table = await renderTable(rows, columns, { width: 10 });
    expectIntact(table);
    expect(headers(table)).toEqual(['ID', 'Goal']);
    expect(columnText(table, 1).map(noSpaces)).toEqual(rows.map((r) => noSpaces(r.title))); // squeezed, not truncated
    expect(Math.max(...lines(table).slice(3, -1).map((l) => stringWidth(l.split('│')[2]!.trim())))).toBeLessThanOrEqual(10);
  });

  it('never wraps right-aligned columns (numbers)', async () => {
    const nums = [{ id: 123456789, title: 'x', owner: '', target: '', status: '', due: '' }];
    expect(lines(await renderTable(nums, columns.slice(0, 2), { width: 5 }))[3]).toBe('│ 123456789 │ x    │');
  });

  it('does not count colour codes, and keeps them balanced when a coloured cell wraps', async () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const coloured: Column<Row>[] = columns.map((c) => ({ ...c, value: (r: Row) => red(String(c.value(r))) }));
    for (const width of [50, 65, 80, 200]) {
      const plain = await renderTable(rows, columns, { width });
      const table = await renderTable(rows, coloured, { width });
      expect(stripVTControlCharacters(table), `width ${width}`).toBe(plain);
      for (const l of lines(table).slice(3, -1)) expect(l.split('\u001b[31m').length, l).toBe(l.split('\u001b[39m').length);
    }
  });
});

describe('fitColumns', () => {
  const col = (natural: number, priority?: number, wraps = true) => ({ natural, wraps, priority });

  it('keeps natural widths when they fit', () => {
    expect(fitColumns([col(4), col(30), col(10, 1)], tableChrome(3) + 44)).toEqual({ keep: [0, 1, 2], widths: [4, 30, 10] });
  });

  it('spreads spare width to the narrowest first, up to each natural width', () => {
    // 30 to share: the 8 gets all it wants, the two long columns meet at 11.
    expect(fitColumns([col(40), col(8), col(40)], tableChrome(3) + 30)).toEqual({ keep: [0, 1, 2], widths: [11, 8, 11] });
  });

  it('drops the rightmost of equal priorities first', () => {
    expect(fitColumns([col(20), col(15, 1), col(15, 1)], tableChrome(2) + 35).keep).toEqual([0, 1]);
  });
});

describe('wrapText', () => {
  it('leaves colour codes whole and does not count them', () => {
    const text = `\u001b[32m负责售前咨询接待和订单跟进\u001b[39m`;
    const wrapped = wrapText(text, 10);
    expect(stripVTControlCharacters(wrapped)).toBe('负责售前咨\n询接待和订\n单跟进');
    expect(wrapped.startsWith('\u001b[32m')).toBe(true);
    expect(wrapped.endsWith('\u001b[39m')).toBe(true);
  });

  it('wraps plain ASCII on offsets into the very lines of the grapheme path', () => {
    // Words, runs of spaces and words longer than the width, at every width.
    const text = fc.array(fc.oneof(fc.constantFrom(' ', '  ', '-', '/'), fc.stringMatching(/^[\x21-\x7e]{1,14}$/)), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 24 }), (s, w) => {
      expect(wrapAscii(s, w)).toEqual(wrapGraphemes(s, w));
    }), { numRuns: 2000 });
  });

  it('keeps a coloured English word together', () => {
    expect(wrapText(`first \u001b[1mresponse\u001b[22m`, 10)).toBe(`first\n\u001b[1mresponse\u001b[22m`);
  });
});

describe('renderFields with a width', () => {
  it('wraps long values under themselves', () => {
    const out = renderFields([['col.id', 3], ['org.col.description', '负责客服团队的整体管理，包括人员招聘、培训、绩效考核和服务质量。']], { width: 40 });
    expect(out).toBe(['ID           3', 'Description  负责客服团队的整体管理，包', '             括人员招聘、培训、绩效考核', '             和服务质量。'].join('\n'));
    for (const w of widths(out)) expect(w).toBeLessThanOrEqual(40);
  });

  it('is unchanged without a width', () => {
    const fields = [['org.col.description', 'x'.repeat(100)]] as const;
    expect(renderFields(fields)).toBe(`Description  ${'x'.repeat(100)}`);
  });
});

describe('tableWidth', () => {
  it('fits the terminal on a TTY', () => {
    expect(tableWidth({}, true, 80)).toBe(80);
  });

  it('is unlimited in a pipe', () => {
    expect(tableWidth({}, false, undefined)).toBeUndefined();
    expect(tableWidth({}, false, 80)).toBeUndefined();
  });

  it('lets COLUMNS win, in a pipe too', () => {
    expect(tableWidth({ COLUMNS: '100' }, true, 80)).toBe(100);
    expect(tableWidth({ COLUMNS: '60' }, false, undefined)).toBe(60);
  });

  it('ignores a COLUMNS that is not a positive number', () => {
    for (const v of ['', '0', 'wide', '-5', '80x']) {
      expect(tableWidth({ COLUMNS: v }, true, 90), v).toBe(90);
      expect(tableWidth({ COLUMNS: v }, false, undefined), v).toBeUndefined();
    }
  });

  it('is unlimited on a TTY that reports no width', () => {
    expect(tableWidth({}, true, undefined)).toBeUndefined();
    expect(tableWidth({}, true, 0)).toBeUndefined();
  });
});
