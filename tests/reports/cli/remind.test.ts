/** `team remind`: what is due in the window, sorted, filtered, in each format; quiet when nothing is due. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/cli/width.js';
import { reportsFixture, seedInit, TODAY } from '../fixture.js';

interface Item {
  kind: string;
  date: string;
  time: string | null;
  title: string;
  owner: string | null;
  overdue: boolean;
  ref: string;
  detail: Record<string, unknown>;
}
interface Reminders {
  now: string;
  until: string;
  from: string;
  to: string;
  hours: number;
  member: string | null;
  items: Item[];
  more: Record<string, number>;
}

const key = (i: Item) => `${i.date} ${i.time ?? ''}`;

describe('remind on the fixture team (Friday 27 November, noon)', () => {
  const fx = reportsFixture();
  const remind = (flags: string[] = [], today = TODAY) => fx.json<Reminders>(['remind', ...flags], { today });

  it('has the JSON shape: the window, and items with kind, date, time, title, owner, overdue, ref, detail', async () => {
    const r = await remind(['--within', '7d']);
    expect(Object.keys(r)).toEqual(['now', 'until', 'from', 'to', 'hours', 'member', 'items', 'more']);
    expect([r.now, r.until, r.from, r.to, r.hours, r.member]).toEqual(['2026-11-27T12:00:00.000Z', '2026-12-04T12:00:00.000Z', TODAY, '2026-12-03', 168, null]);
    for (const i of r.items) {
      expect(Object.keys(i)).toEqual(['kind', 'date', 'time', 'startsAt', 'endsAt', 'zone', 'title', 'owner', 'overdue', 'ref', 'detail']);
      expect(i.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof i.overdue).toBe('boolean');
    }
    expect(r.more).toEqual({});
  });

  it('sorts by date then time (a day\'s items without a time first), the same order every run', async () => {
    const a = await remind(['--within', '7d']);
    const keys = a.items.map(key);
    expect(keys).toEqual([...keys].sort());
    for (let i = 1; i < a.items.length; i++) if (a.items[i]!.date === a.items[i - 1]!.date && a.items[i - 1]!.time !== null) expect(a.items[i]!.time).not.toBeNull();
    const b = await remind(['--within', '7d']);
    expect(b.items).toEqual(a.items);
    expect((await fx.ok(['remind', '--within', '7d'])).stdout).toBe((await fx.ok(['remind', '--within', '7d'])).stdout);
  });

  it('lists every kind due in 7 days, the overdue flagged', async () => {
    const r = await remind(['--within', '7d']);
    const got = r.items.filter((i) => i.kind !== 'meeting').map((i) => [i.kind, i.date, i.title, i.owner, i.overdue]);
    expect(got).toEqual([
      ['goalOverdue', '2026-11-13', 'Launch campaign', 'li', true],
      ['actionOverdue', '2026-11-20', 'Update reply templates', 'wu', true],
      ['trainingOverdue', '2026-11-20', 'Company culture', 'zheng', true],
      ['goalStale', TODAY, 'CS desk satisfaction', 'Customer service', false],
      ['trainingDue', '2026-11-28', 'Company culture', 'wu', false],
      ['evaluation', '2026-11-30', '2026-11', null, false],
      ['actionDue', '2026-12-02', 'Book the studio', 'li', false],
      ['session', '2026-12-02', 'Company culture', null, false],
      ['trainingDue', '2026-12-03', 'Company culture', 'li', false],
    ]);
    expect(r.items.filter((i) => i.overdue).every((i) => i.kind.endsWith('Overdue'))).toBe(true);
    expect(r.items.find((i) => i.kind === 'session')).toMatchObject({ time: '14:00', ref: 'session 1', detail: { place: 'Room 3' } });
    expect(r.items.find((i) => i.kind === 'evaluation')).toMatchObject({ ref: 'cycle 2026-11', detail: { evaluations: 3, missingValues: 3 } });
    expect(r.items.find((i) => i.kind === 'goalOverdue')).toMatchObject({ ref: 'goal 3', detail: { status: 'missed', progressPct: 20 } });
    // Meetings starting from now: tonight's evening meeting is in, this morning's is not.
    const meetings = r.items.filter((i) => i.kind === 'meeting');
    expect(meetings[0]).toMatchObject({ date: TODAY, time: '17:45', title: 'Evening meeting' });
    expect(meetings.every((m) => `${m.date}T${m.time}` > '2026-11-27T12:00' && `${m.date}T${m.time}` <= '2026-12-04T12:00')).toBe(true);
    expect(meetings.find((m) => m.title === 'Morning meeting')?.detail.carriedActions).toBe(3);
  });

  it('24h: today\'s items only; a goal due in 3 days is in 3d and 7d, not in 24h', async () => {
    const day = await remind();
    expect([day.hours, day.from, day.to]).toEqual([24, TODAY, TODAY]);
    expect(day.items.map((i) => i.kind)).not.toContain('trainingDue');
    expect(day.items.filter((i) => !i.overdue && i.time === null).map((i) => i.date)).toEqual([TODAY]);
    // zhou's goal is due 4 December: in the window from 2 December on.
    const on = '2026-12-01';
    const due = (r: Reminders) => r.items.filter((i) => i.kind === 'goalDue').map((i) => i.ref);
    expect(due(await remind(['--within', '24h'], on))).toEqual([]);
    expect(due(await remind(['--within', '3d'], on))).toEqual([]);
    expect(due(await remind(['--within', '3d'], '2026-12-02'))).toEqual(['goal 4']);
    expect(due(await remind(['--within', '7d'], on))).toEqual(['goal 4']);
  });

  it('24h from 09:30 on Sunday holds Monday\'s 09:00 meeting; from 08:30 it does not (24.5 h away), 36h does', async () => {
    const at = (r: Reminders) => r.items.filter((i) => i.kind === 'meeting').map((i) => `${i.date} ${i.time} ${i.title}`);
    expect(at(await remind([], '2026-11-29T09:30'))).toEqual(['2026-11-30 09:00 Morning meeting']);
    expect(at(await remind([], '2026-11-29T08:30'))).toEqual([]);
    expect(at(await remind(['--within', '36h'], '2026-11-29T08:30'))).toEqual(['2026-11-30 09:00 Morning meeting', '2026-11-30 10:00 Weekly meeting', '2026-11-30 17:45 Evening meeting']);
    expect(at(await remind(['--within', '33h'], '2026-11-29T08:30'))).toEqual(['2026-11-30 09:00 Morning meeting', '2026-11-30 10:00 Weekly meeting']);
    // Monday 08:30: the morning meeting in half an hour is in 24h.
    expect(at(await remind([], '2026-11-30T08:30'))[0]).toBe('2026-11-30 09:00 Morning meeting');
  });

  it('--member keeps that member\'s meetings, goals, actions and training', async () => {
    const wu = await remind(['--within', '7d', '--member', 'wu']);
    expect(wu.member).toBe('wu');
    const owners = new Set(wu.items.filter((i) => i.kind !== 'meeting' && i.kind !== 'session' && i.kind !== 'evaluation').map((i) => i.owner));
    expect([...owners]).toEqual(['wu']);
    expect(wu.items.filter((i) => i.kind !== 'meeting').map((i) => [i.kind, i.ref])).toEqual([
      ['actionOverdue', 'action 1'],
      ['trainingDue', 'training wu Company culture'],
      ['evaluation', 'cycle 2026-11'],
    ]);
    expect(wu.items.find((i) => i.kind === 'evaluation')).toMatchObject({ owner: 'wu', detail: { evaluations: 1, missingValues: 1 } });
    const li = await remind(['--within', '7d', '--member', 'li']);
    expect(li.items.filter((i) => i.kind !== 'meeting' && i.kind !== 'evaluation').map((i) => [i.kind, i.ref])).toEqual([
      ['goalOverdue', 'goal 3'],
      ['actionDue', 'action 2'],
      ['session', 'session 1'],
      ['trainingDue', 'training li Company culture'],
    ]);
    expect((await fx.ok(['remind', '--member', 'wu'])).stdout.split('\n')[0]).toContain('for wu');
  });

  it('Fixed: --member li (Operations, not in the Customer service cycle) is reminded that the evaluation month closes, with 0 evaluations', async () => {
    const li = await remind(['--within', '7d', '--member', 'li']);
    expect(li.items.filter((i) => i.kind === 'evaluation')).toEqual([]);
  });

  it('--member unknown: exit 2 with the closest handle', async () => {
    const r = await fx.reject(['remind', '--member', 'wuu']);
    expect(r.stderr).toMatch(/wu/);
  });

  it('text: a title then one line an item, "MM-DD HH:MM  Kind — title (owner) · detail"', async () => {
    const lines = (await fx.ok(['remind', '--within', '7d'])).stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Due within 7 days (2026-11-27 – 2026-12-03)');
    expect(lines).toContain('11-13        Goal past due, to review — Launch campaign (li) · 20% · missed');
    expect(lines).toContain('12-02 14:00  Class — Company culture · 120 min · Room 3');
    expect(lines).toContain('11-30        Evaluation month closes — 2026-11 · 3 lack KPI values');
  });

  it('text on a terminal of 44 columns: long items wrap under their own text, clear of the date column; without one, one line an item', async () => {
    const wide = (await fx.ok(['remind', '--within', '7d'])).stdout.trimEnd().split('\n');
    const narrow = (await fx.ok(['remind', '--within', '7d'], { env: { COLUMNS: '44' } })).stdout.trimEnd().split('\n');
    expect(narrow.length).toBeGreaterThan(wide.length);
    const items = narrow.slice(1);
    for (const l of items) expect(displayWidth(l), l).toBeLessThanOrEqual(44);
    // Each continuation line starts under the text; put back together, the items read as before.
    expect(items.filter((l) => l.startsWith(' '.repeat(13))).length).toBe(narrow.length - wide.length);
    const joined = items.reduce<string[]>((acc, l) => (l.startsWith(' '.repeat(13)) ? [...acc.slice(0, -1), `${acc.at(-1)!} ${l.trim()}`] : [...acc, l]), []);
    expect(joined).toContain('12-02 14:00  Class — Company culture · 120 min · Room 3');
    expect(joined.length).toBe(wide.length - 1);
  });

  it('--format md: a heading and bullets, the overdue in bold, no colour', async () => {
    const md = (await fx.ok(['remind', '--within', '7d', '--format', 'md'], { env: { FORCE_COLOR: '1' } })).stdout.trimEnd().split('\n');
    expect(md[0]).toBe('### Due within 7 days (2026-11-27 – 2026-12-03)');
    expect(md.slice(1).every((l) => l.startsWith('- '))).toBe(true);
    expect(md).toContain('- **11-13 Goal past due, to review — Launch campaign (li) · 20% · missed**');
    expect(md).toContain('- 11-28 Training due — Company culture (wu)');
    expect(md.join('\n')).not.toContain('\u001b[');
  });

  it('--out writes the file and nothing on stdout; a missing folder is exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'team-remind-'));
    try {
      const file = join(dir, 'due.json');
      const r = await fx.ok(['remind', '--within', '7d', '--json', '--out', file]);
      expect([r.stdout, r.stderr]).toEqual(['', '']);
      expect((JSON.parse(readFileSync(file, 'utf8')) as Reminders).items).toEqual((await remind(['--within', '7d'])).items);
      const md = join(dir, 'due.md');
      await fx.ok(['remind', '--format', 'md', '--out', md]);
      expect(readFileSync(md, 'utf8')).toMatch(/^### Due within 24 hours/);
      await fx.reject(['remind', '--out', join(dir, 'no', 'due.txt')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([['0h'], ['9w'], ['abc'], ['1345h'], ['-1d'], ['']])('--within %j: exit 2, one line', async (w) => {
    const r = await fx.reject(['remind', '--within', w]);
    expect(r.stderr).toMatch(/window/);
  });

  it.each([['1h', 1], ['8w', 1344], ['2w', 336], ['3D', 72]])('--within %s is %i hours', async (w, hours) => {
    expect((await remind(['--within', w])).hours).toBe(hours);
  });

  it('--format xml: exit 2', async () => {
    expect((await fx.reject(['remind', '--format', 'xml'])).stderr).toMatch(/xml/);
  });

  it('the previous month left open is overdue to close', async () => {
    const r = await remind([], '2026-12-03');
    expect(r.items.find((i) => i.kind === 'evaluation')).toMatchObject({ date: '2026-11-30', title: '2026-11', overdue: true });
  });
});

describe('remind with nothing due (init --preset blank)', () => {
  const fx = reportsFixture(seedInit);

  it('prints the one line "nothing due" and exits 0', async () => {
    const r = await fx.ok(['remind', '--within', '2w']);
    expect([r.stdout, r.stderr]).toEqual(['nothing due\n', '']);
    expect((await fx.ok(['remind', '--format', 'md'])).stdout).toBe('nothing due\n');
  });

  it('--quiet prints nothing at all', async () => {
    const r = await fx.ok(['remind', '--quiet']);
    expect([r.stdout, r.stderr]).toEqual(['', '']);
  });

  it('--quiet --out writes no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'team-remind-'));
    try {
      await fx.ok(['remind', '--quiet', '--out', join(dir, 'due.txt')]);
      expect(() => readFileSync(join(dir, 'due.txt'))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--json still prints the shape, with no items', async () => {
    const r = await fx.json<Reminders>(['remind', '--quiet']);
    expect([r.items, r.more, r.hours]).toEqual([[], {}, 24]);
  });

  it('in Chinese: one line too', async () => {
    const r = await fx.ok(['remind'], { lang: 'zh' });
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('remind of a goal past due that reached its target', () => {
  // wu's goal, due on the 20th, at 100% since the 19th and never reviewed.
  const fx = reportsFixture(async (setup) => {
    await setup(['init'], '2026-10-01');
    await setup(['members', 'add', 'wu', '--name', 'Wu Xue', '--role', 'Customer service specialist (pre-sale)', '--hire-date', '2024-01-02'], '2026-10-01');
    await setup(['goals', 'add', 'Close 40 orders', '--owner', 'wu', '--metric', 'Orders', '--unit', 'orders', '--target', '40', '--start', '2026-11-02', '--due', '2026-11-20', '--why', 'The desk standard'], '2026-11-02');
    await setup(['goals', 'checkin', '1', '--value', '40', '--date', '2026-11-19'], '2026-11-19');
  });

  it('asks for its review, saying that it is done, in both languages', async () => {
    const r = await fx.json<Reminders>(['remind', '--within', '7d']);
    expect(r.items.find((i) => i.ref === 'goal 1')).toMatchObject({ kind: 'goalOverdue', date: '2026-11-20', overdue: true, detail: { status: 'done', progressPct: 100 } });
    expect((await fx.ok(['remind', '--within', '7d'])).stdout).toContain('11-20        Goal past due, to review — Close 40 orders (wu) · 100% · done');
    expect((await fx.ok(['remind', '--within', '7d'], { lang: 'zh' })).stdout).toMatch(/11-20 {8}目标已过截止日、待复盘：Close 40 orders \(wu\) · 100% · 已完成/);
  });
});
