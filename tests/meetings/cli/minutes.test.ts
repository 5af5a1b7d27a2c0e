/** `team meetings log|agenda|day|attendance` and `team actions`: minutes, carry-over and plan vs done, end to end. */
import { describe, expect, it } from 'vitest';
import { dumpDb, query } from '../../helpers.js';
import { meetingsFixture } from '../fixture.js';

const fx = meetingsFixture();
const { ok, reject } = fx;

interface Log {
  meetingId: number;
  title: string;
  date: string;
  occursOn: string;
  extra: boolean;
  counts: { present: number; late: number; absent: number; excused: number };
  attendance: { handle: string; status: string }[];
  decisions: string[];
  actions: { id: number; owner: string; text: string; due: string | null; status: string }[];
  planned: number;
  markedDone: number;
  markedNotDone: number;
  problems: { handle: string | null; text: string }[];
}

interface Agenda {
  title: string;
  date: string;
  items: string[];
  carried: { id: number; owner: string; text: string; due: string | null }[];
  lastDecisions: { date: string; decisions: string[] } | null;
}

interface Day {
  date: string;
  planned: number;
  done: number;
  completionPct: number | null;
  members: { handle: string; planned: number; done: number; notDone: number; pending: number; completionPct: number | null; items: { position: number; text: string; done: boolean | null }[]; problems: string[] }[];
  problems: string[];
  carry: { handle: string; text: string }[];
}

describe('meetings log', () => {
  it('everyone the series expects is present unless named; members on leave are excused', async () => {
    const r = await ok(['meetings', 'log', 'weekly', '--late', 'zheng', '--notes', 'Q4 review', '--decision', 'Push 3 items for 12.12', '--decision', 'Answer bad reviews within 24 h', '--action', 'wu: write reply templates [2026-11-27]', '--action', 'li：book the campaign', '--json']);
    const log = r.json<Log>();
    expect(log).toMatchObject({ title: 'Weekly meeting', date: '2026-11-23', occursOn: '2026-11-23', extra: false, counts: { present: 2, late: 1, absent: 0, excused: 1 }, decisions: ['Push 3 items for 12.12', 'Answer bad reviews within 24 h'] });
    expect(log.attendance).toEqual([
      { handle: 'li', name: 'Li Qiang', status: 'present' },
      { handle: 'ma', name: 'Ma Jun', status: 'excused' },
      { handle: 'wu', name: 'Wu Xue', status: 'present' },
      { handle: 'zheng', name: 'Zheng Hao', status: 'late' },
    ]);
    expect(log.actions.map((a) => [a.owner, a.text, a.due, a.status])).toEqual([
      ['wu', 'write reply templates', '2026-11-27', 'open'],
      ['li', 'book the campaign', null, 'open'],
    ]);
    expect(r.stderr).toBe('Logged Weekly meeting on 2026-11-23: 2 present, 1 late, 0 absent, 1 excused; decisions: 2, action items: 2.\n');
    expect(await query(fx.db, 'select occurs_on, held_on, start_time, duration_min, extra, notes, actor from meeting_logs')).toEqual([{ occurs_on: '2026-11-23', held_on: '2026-11-23', start_time: '10:00', duration_min: 60, extra: 0, notes: 'Q4 review', actor: 'lead' }]);
  });

  it('a date the rule does not give is refused unless --extra; a logged occurrence cannot be logged twice, skipped or moved', async () => {
    expect((await reject(['meetings', 'log', 'weekly', '--date', '2026-11-24'], '2026-11-24')).stderr).toBe('team: Weekly meeting does not meet on 2026-11-24; its next date is 2026-11-30. Use --extra to log an extra meeting.\n');
    expect((await ok(['meetings', 'log', 'weekly', '--date', '2026-11-24', '--extra', '--json'], '2026-11-24')).json<Log>()).toMatchObject({ extra: true, occursOn: '2026-11-24' });
    await ok(['meetings', 'log', 'weekly']);
    expect((await reject(['meetings', 'log', 'weekly'])).stderr).toBe('team: The minutes of Weekly meeting on 2026-11-23 are already recorded.\n');
    expect((await reject(['meetings', 'skip', 'weekly', '--date', '2026-11-23'])).stderr).toBe('team: Weekly meeting was already held on 2026-11-23 (its minutes are recorded): it cannot be skipped or moved.\n');
    expect((await reject(['meetings', 'log', 'weekly', '--date', '2026-11-30'])).stderr).toBe('team: Minutes are recorded after a meeting: 2026-11-30 is in the future.\n');
  });

  it('a moved occurrence is logged on the day it was held', async () => {
    await ok(['meetings', 'move', 'weekly', '--date', '2026-11-30', '--to', '2026-12-01']);
    expect((await ok(['meetings', 'log', 'weekly', '--date', '2026-12-01', '--json'], '2026-12-01')).json<Log>()).toMatchObject({ occursOn: '2026-11-30', date: '2026-12-01' });
  });

  it.each([
    [['--absent', 'wuu'], 'No member matches "wuu". Did you mean "wu"?'],
    [['--absent', 'wu', '--late', 'wu'], 'wu is named twice with different attendance'],
    [['--action', 'write the report'], 'An action item needs an owner: "owner: text [YYYY-MM-DD]" (got "write the report").'],
    [['--action', 'wu: templates [2026-02-30]'], 'The due date "2026-02-30" of "wu: templates [2026-02-30]" is not a date'],
    [['--action', 'nobody: x'], 'No member matches "nobody"'],
    [['--plan', 'wu:'], 'A plan needs at least one item'],
    [['--done', 'wu: 1'], 'wu has no plan for 2026-11-23'],
    [['--date', '2026-11-31'], 'November 2026 has 30 days'],
  ])('refuses %j with one line, exit 2, nothing written', async (args, message) => {
    expect((await reject(['meetings', 'log', 'morning', ...args])).stderr).toContain(message);
  });

  it('someone the series does not expect cannot be marked absent', async () => {
    await ok(['meetings', 'add', 'CS sync', '--repeat', 'workdays', '--time', '11:00', '--attendees', 'wu,zheng']);
    expect((await reject(['meetings', 'log', 'CS sync', '--absent', 'li'])).stderr).toBe('team: li is not expected at CS sync (not in its attendees, or on another shift).\n');
  });
});

describe('action items carry over', () => {
  it('open items raised before an occurrence show in its agenda with the last decisions, until done or dropped', async () => {
    const log = (await ok(['meetings', 'log', 'weekly', '--decision', 'Push 3 items', '--action', 'wu: templates [2026-11-27]', '--action', 'li: campaign [2026-11-25]', '--action', 'zheng: shift rota', '--json'])).json<Log>();
    const [a1, a2, a3] = log.actions.map((a) => a.id) as [number, number, number];
    const agenda = (await ok(['meetings', 'agenda', 'weekly', '--json'], '2026-11-24')).json<Agenda>();
    expect(agenda).toMatchObject({ date: '2026-11-30', items: ["Last week's results: GMV, orders, conversion rate", 'Goal progress and goals at risk', 'Service data: first response, satisfaction, resolution rate', "Last week's action items", "This week's plan and who does what"], lastDecisions: { date: '2026-11-23', decisions: ['Push 3 items'] } });
    expect(agenda.carried.map((c) => c.id)).toEqual([a2, a1, a3]);
    // The occurrence that raised them does not carry them.
    expect((await ok(['meetings', 'agenda', 'weekly', '--date', '2026-11-23', '--json'])).json<Agenda>().carried).toEqual([]);

    expect((await ok(['actions', 'done', String(a1), '--note', 'live'], '2026-11-26')).stderr).toBe(`Action #${a1} done: templates\n`);
    expect((await ok(['actions', 'drop', String(a3), '--reason', 'rota moved to HR'], '2026-11-26')).stderr).toBe(`Action #${a3} dropped: shift rota\n`);
    expect((await ok(['meetings', 'agenda', 'weekly', '--json'], '2026-11-26')).json<Agenda>().carried.map((c) => c.id)).toEqual([a2]);
    expect((await ok(['actions', 'list', '--overdue', '--json'], '2026-11-26')).json<{ id: number }[]>().map((a) => a.id)).toEqual([a2]);
    expect((await ok(['actions', 'list', '--open', '--owner', 'li', '--json'], '2026-11-26')).json<{ id: number }[]>().map((a) => a.id)).toEqual([a2]);
    expect((await ok(['actions', 'list', '--meeting', 'weekly', '--json'], '2026-11-26')).json<{ id: number; status: string }[]>().map((a) => [a.id, a.status])).toEqual([[a2, 'open'], [a1, 'done'], [a3, 'dropped']]);
    await ok(['actions', 'move', String(a2), '--due', '2026-12-02'], '2026-11-26');
    expect((await ok(['actions', 'list', '--overdue', '--json'], '2026-11-26')).json()).toEqual([]);
    expect(await query(fx.db, 'select id, status, note, closed_at from action_items order by id')).toEqual([
      { id: a1, status: 'done', note: 'live', closed_at: '2026-11-26T12:00:00.000Z' },
      { id: a2, status: 'open', note: null, closed_at: null },
      { id: a3, status: 'dropped', note: 'rota moved to HR', closed_at: '2026-11-26T12:00:00.000Z' },
    ]);
  });

  it('closed items are not changed again; bad ids and dates are refused', async () => {
    const [a] = (await ok(['meetings', 'log', 'weekly', '--action', 'wu: templates [2026-11-27]', '--json'])).json<Log>().actions;
    await ok(['actions', 'done', String(a!.id)]);
    expect((await reject(['actions', 'done', String(a!.id)])).stderr).toBe(`team: Action #${a!.id} is already done.\n`);
    expect((await reject(['actions', 'move', String(a!.id), '--due', '2026-12-01'])).stderr).toBe(`team: Action #${a!.id} is already done.\n`);
    expect((await reject(['actions', 'done', '99'])).stderr).toBe('team: No action item matches "99".\n');
    expect((await reject(['actions', 'list', '--open', '--overdue'])).stderr).toContain('not both');
  });
});

describe('plan vs done (早会 → 夕会)', () => {
  it('the morning records plans, the evening marks them; day shows rates, problems and what carries over', async () => {
    const morning = (await ok(['meetings', 'log', 'morning', '--plan', 'wu: answer bad reviews; write FAQ', '--plan', 'li: book 12.12; check budget; brief design', '--json'])).json<Log>();
    expect(morning.planned).toBe(5);
    const evening = (await ok(['meetings', 'log', 'evening', '--done', 'wu: all', '--done', 'li: 1,3', '--problem', 'wu: late delivery brought two bad reviews', '--problem', 'packing short of hands', '--json'])).json<Log>();
    expect(evening).toMatchObject({ markedDone: 4, markedNotDone: 1, problems: [{ handle: 'wu', text: 'late delivery brought two bad reviews' }, { handle: null, text: 'packing short of hands' }] });
    const day = (await ok(['meetings', 'day', '--json'])).json<Day>();
    expect(day).toMatchObject({ date: '2026-11-23', planned: 5, done: 4, completionPct: 80, problems: ['packing short of hands'], carry: [{ handle: 'li', text: 'check budget' }] });
    expect(day.members.map((m) => [m.handle, m.planned, m.done, m.notDone, m.pending, m.completionPct, m.problems])).toEqual([
      ['li', 3, 2, 1, 0, 66.7, []],
      ['wu', 2, 2, 0, 0, 100, ['late delivery brought two bad reviews']],
    ]);
    expect((await ok(['meetings', 'day', '--member', 'li', '--json'])).json<Day>()).toMatchObject({ planned: 3, done: 2, problems: [], members: [{ handle: 'li' }] });
  });

  it('before the evening meeting the plan is pending; the evening settles what was not named', async () => {
    await ok(['meetings', 'log', 'morning', '--plan', 'wu: a; b']);
    expect((await ok(['meetings', 'day', '--json'])).json<Day>().members[0]).toMatchObject({ pending: 2, completionPct: 0 });
    await ok(['meetings', 'log', 'evening']);
    expect((await ok(['meetings', 'day', '--json'])).json<Day>()).toMatchObject({ done: 0, members: [{ notDone: 2, pending: 0 }], carry: [{ text: 'a' }, { text: 'b' }] });
  });

  it('refuses an item number the plan does not have, writing nothing', async () => {
    await ok(['meetings', 'log', 'morning', '--plan', 'wu: a; b']);
    const before = await dumpDb(fx.db);
    expect((await reject(['meetings', 'log', 'evening', '--done', 'wu: 3'])).stderr).toBe("team: wu's plan for 2026-11-23 has 2 items; there is no item 3.\n");
    expect(await dumpDb(fx.db)).toEqual(before);
  });
});

describe('meetings attendance', () => {
  it('counts each member\'s attendance over a period; excused meetings do not count against the rate', async () => {
    await ok(['meetings', 'log', 'morning', '--late', 'zheng']);
    await ok(['meetings', 'log', 'morning', '--absent', 'zheng', '--date', '2026-11-24'], '2026-11-24');
    await ok(['meetings', 'log', 'weekly', '--absent', 'wu', '--date', '2026-11-23'], '2026-11-24');
    const r = (await ok(['meetings', 'attendance', '--from', '2026-11-23', '--to', '2026-11-24', '--json'], '2026-11-24')).json<{ from: string; to: string; members: { handle: string; present: number; late: number; absent: number; excused: number; ratePct: number | null }[] }>();
    expect(r.members.map((m) => [m.handle, m.present, m.late, m.absent, m.excused, m.ratePct])).toEqual([
      ['li', 3, 0, 0, 0, 100],
      ['ma', 0, 0, 0, 3, null],
      ['wu', 2, 0, 1, 0, 66.7],
      ['zheng', 1, 1, 1, 0, 66.7],
    ]);
    const csv = (await ok(['meetings', 'attendance', '--from', '2026-11-23', '--member', 'zheng', '--format', 'csv'], '2026-11-24')).stdout;
    expect(csv).toContain('Zheng Hao (zheng),1,1,1,0,66.7\n');
    expect((await reject(['meetings', 'attendance', '--from', '2026-11-24', '--to', '2026-11-23'])).stderr).toBe('team: --to 2026-11-23 comes before --from 2026-11-24.\n');
  });
});
