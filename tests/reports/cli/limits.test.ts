/**
 * The report's and the reminders' meetings, actions and training lists past
 * their limit: counted whole, the first N listed in order, "… and N more";
 * `--all` lists every one. A team of 14 members, all absent from this week's
 * morning meeting, each with two overdue action items, one due tomorrow, one
 * next week and one without a date.
 */
import { describe, expect, it } from 'vitest';
import { reportsFixture, seedInit, type Setup } from '../fixture.js';

const N = 14;
const handles = Array.from({ length: N }, (_, i) => `p${String(i).padStart(2, '0')}`);

async function seedCrowd(setup: Setup): Promise<void> {
  await setup(['init'], '2026-10-01');
  for (const h of handles) await setup(['members', 'add', h, '--name', `Person ${h}`, '--role', 'Customer service specialist (pre-sale)', '--hire-date', '2024-01-02'], '2026-10-01');
  const act = (kind: string, due: (i: number) => string | null) => handles.flatMap((h, i) => ['--action', `${h}: ${kind} ${i}${due(i) === null ? '' : ` [${due(i)}]`}`]);
  const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}`;
  // Raised two weeks ago: overdue now.
  await setup(['meetings', 'log', 'Morning meeting', ...act('overdue', (i) => day(10 + (i % 5)))], '2026-11-09');
  await setup(['meetings', 'log', 'Morning meeting', ...act('late', (i) => day(15 + (i % 5)))], '2026-11-10');
  // This week every member absent on Monday; the last four on Tuesday too (most absences first).
  await setup(['meetings', 'log', 'Morning meeting', '--absent', handles.join(','), ...act('next', (i) => `2026-12-0${1 + (i % 5)}`), ...act('undated', () => null)], '2026-11-23');
  await setup(['meetings', 'log', 'Morning meeting', '--absent', handles.slice(10).join(','), ...act('soon', () => '2026-11-28')], '2026-11-24');
}

interface Action {
  id: number;
  due: string | null;
  overdue: boolean;
}
interface Weekly {
  meetings: { totals: { absent: number; absentMembers: number }; absences: { handle: string; absent: number }[] };
  actions: { open: number; overdue: number; dueNextWeek: number; items: Action[] };
  ppp: { plans: { kind: string; count: number; items: string[] }[]; problems: { kind: string; count: number; items: string[] }[] };
}
interface Reminders {
  items: { kind: string; ref: string; date: string }[];
  more: Record<string, number>;
}

describe('report weekly and remind past their limits', () => {
  const fx = reportsFixture(seedCrowd);

  it('absences: every absent member counted, the first 10 listed, the most absences first, then by handle', async () => {
    const j = await fx.json<Weekly>(['report', 'weekly']);
    expect(j.meetings.totals.absentMembers).toBe(N);
    expect(j.meetings.totals.absent).toBe(N + 4);
    expect(j.meetings.absences.map((a) => [a.handle, a.absent])).toEqual([...handles.slice(10).map((h) => [h, 2]), ...handles.slice(0, 6).map((h) => [h, 1])]);
    expect(j.ppp.problems.find((l) => l.kind === 'absences')).toMatchObject({ count: N });
    const all = await fx.json<Weekly>(['report', 'weekly', '--all']);
    expect(all.meetings.absences).toHaveLength(N);
    expect(all.meetings.totals.absentMembers).toBe(N);
    const md = (await fx.ok(['report', 'weekly', '--format', 'md', '--section', 'absences'])).stdout;
    expect(md).toContain(`### Absences\n${N}\n`);
    expect(md).toMatch(/… and 4 more/);
    expect((await fx.ok(['report', 'weekly', '--format', 'md', '--section', 'absences', '--all'])).stdout).not.toMatch(/more/);
  });

  it('actions: counted whole; the first 10 by due date, overdue first, undated last (with --all)', async () => {
    const j = await fx.json<Weekly>(['report', 'weekly']);
    expect([j.actions.open, j.actions.overdue, j.actions.dueNextWeek]).toEqual([5 * N, 2 * N, N]);
    expect(j.actions.items).toHaveLength(10);
    expect(j.actions.items.every((a) => a.overdue)).toBe(true);
    const dues = j.actions.items.map((a) => a.due!);
    expect(dues).toEqual([...dues].sort());
    const all = await fx.json<Weekly>(['report', 'weekly', '--all']);
    expect(all.actions.items).toHaveLength(5 * N);
    expect(all.actions.items.slice(0, 10)).toEqual(j.actions.items);
    expect(all.actions.items.slice(4 * N).every((a) => a.due === null)).toBe(true);
    expect(all.actions.items.slice(0, 4 * N).every((a) => a.due !== null)).toBe(true);
    const undated = all.actions.items.slice(4 * N).map((a) => a.id);
    expect(undated).toEqual([...undated].sort((a, b) => a - b));
    expect(j.ppp.plans.find((l) => l.kind === 'actionsDue')).toMatchObject({ count: N });
    expect(j.ppp.plans.find((l) => l.kind === 'actionsDue')!.items).toHaveLength(10);
    expect(j.ppp.problems.find((l) => l.kind === 'actionsOverdue')).toMatchObject({ count: 2 * N });
    const md = (await fx.ok(['report', 'weekly', '--format', 'md'])).stdout;
    expect(md).toMatch(/Action items overdue: 28 — .* … and 18 more/);
    expect(md).toMatch(/Action items due next week: 14 — .* … and 4 more/);
  });

  it('remind: the overdue and the due actions each counted and cut at 20; --all lists every one', async () => {
    const r = await fx.json<Reminders>(['remind', '--within', '7d']);
    const of = (x: Reminders, kind: string) => x.items.filter((i) => i.kind === kind);
    // Overdue: 28; due by 3 December: 14 tomorrow and 9 of next week's.
    expect([of(r, 'actionOverdue').length, of(r, 'actionDue').length]).toEqual([20, 20]);
    expect([r.more.actionOverdue, r.more.actionDue]).toEqual([8, 3]);
    const all = await fx.json<Reminders>(['remind', '--within', '7d', '--all']);
    expect([of(all, 'actionOverdue').length, of(all, 'actionDue').length]).toEqual([28, 23]);
    expect(all.more).toEqual({});
    // The first 20: the longest overdue, the soonest due.
    const dates = (x: Reminders, kind: string) => of(x, kind).map((i) => i.date).sort();
    expect(dates(r, 'actionOverdue')).toEqual(dates(all, 'actionOverdue').slice(0, 20));
    expect(dates(r, 'actionDue')).toEqual(dates(all, 'actionDue').slice(0, 20));
    const text = (await fx.ok(['remind', '--within', '7d'])).stdout;
    expect(text).toMatch(/and 8 more/);
    const member = await fx.json<Reminders>(['remind', '--within', '7d', '--member', 'p03']);
    expect(member.items.filter((i) => i.kind.startsWith('action')).map((i) => i.kind).sort()).toEqual(['actionDue', 'actionOverdue', 'actionOverdue']);
  });
});

describe('remind on an empty team', () => {
  const fx = reportsFixture(seedInit);
  it('has no actions, nothing more', async () => {
    const r = await fx.json<Reminders>(['remind', '--within', '7d', '--json']);
    expect(r.more).toEqual({});
  });
});

/**
 * Twelve daily series of two members (S01–S12, workdays 09:00 from 2026-11-20),
 * this week's minutes as listed: on Friday the 27th, Monday to Thursday are past.
 * - S01, S07–S12 held every day, all present; S06 held every day, bob absent twice (75%).
 * - S02 held on Monday, bob absent (3 missed, 50%); S03 never held (4 missed).
 * - S04 held Monday and Tuesday, all present; S05 the same, bob absent on Monday (2 missed each, 100% / 75%).
 */
async function seedSeries(setup: Setup): Promise<void> {
  await setup(['init', '--preset', 'blank'], '2026-11-20');
  await setup(['depts', 'add', 'Ops'], '2026-11-20');
  await setup(['roles', 'add', 'Clerk', '--dept', 'Ops'], '2026-11-20');
  for (const h of ['ann', 'bob']) await setup(['members', 'add', h, '--name', h.toUpperCase(), '--role', 'Clerk', '--hire-date', '2024-01-02'], '2026-11-20');
  const names = Array.from({ length: 12 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
  for (const name of names) await setup(['meetings', 'add', name, '--repeat', 'workdays', '--time', '09:00'], '2026-11-20');
  const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
  const logs: Record<string, (string | null)[]> = { S02: [null, 'x', 'x', 'x'], S03: ['x', 'x', 'x', 'x'], S04: [null, null, 'x', 'x'], S05: ['bob', null, 'x', 'x'], S06: ['bob', null, 'bob', null] };
  for (const name of names) {
    const plan = logs[name] ?? [null, null, null, null];
    for (const [i, day] of days.entries()) {
      if (plan[i] === 'x') continue;
      await setup(['meetings', 'log', name, '--date', day, ...(name === 'S02' || plan[i] === 'bob' ? ['--absent', 'bob'] : [])], day);
    }
  }
}

interface SeriesWeek {
  meetings: { total: number; totals: { scheduled: number; held: number; missed: number }; items: { title: string; missed: number; ratePct: number | null }[] };
  ppp: { problems: { kind: string; count: number; items: string[] }[] };
}

describe('report weekly with more series than a list shows', () => {
  const fx = reportsFixture(seedSeries);

  it('lists the 10 that most need attention (most missed, then lowest attendance), counts all, and --all lists every one', async () => {
    const j = await fx.json<SeriesWeek>(['report', 'weekly']);
    expect(j.meetings.items.map((m) => [m.title, m.missed, m.ratePct])).toEqual([
      ['S03', 4, null],
      ['S02', 3, 50],
      ['S05', 2, 75],
      ['S04', 2, 100],
      ['S06', 0, 75],
      ['S01', 0, 100],
      ['S07', 0, 100],
      ['S08', 0, 100],
      ['S09', 0, 100],
      ['S10', 0, 100],
    ]);
    expect(j.meetings.total).toBe(12);
    expect(j.meetings.totals).toMatchObject({ scheduled: 60, held: 37, missed: 11 });
    expect(j.ppp.problems.find((l) => l.kind === 'meetingsMissed')).toEqual({ kind: 'meetingsMissed', count: 11, items: ['S03', 'S02', 'S05', 'S04'] });
    const all = await fx.json<SeriesWeek>(['report', 'weekly', '--all']);
    expect(all.meetings.items.map((m) => m.title)).toEqual([...j.meetings.items.map((m) => m.title), 'S11', 'S12']);
    expect(all.meetings.total).toBe(12);
    expect(all.meetings.totals).toEqual(j.meetings.totals);
    const table = (await fx.ok(['report', 'weekly', '--section', 'meetings'])).stdout;
    expect(table).toMatch(/Meetings {2}held 37 of 60/);
    expect(table).toContain('… and 2 more (--all lists every row)');
    expect(table).not.toContain('S11');
    expect((await fx.ok(['report', 'weekly', '--section', 'meetings', '--all'])).stdout).toContain('S12');
  });
});
