/**
 * Reading goals end to end: roll-up of parents in list/show/tree, the tree,
 * list filters and formats, and the demo's cascade.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { run, tempDb } from '../../helpers.js';
import { goalsFixture, seedMembers, TODAY, USER } from '../fixture.js';




interface View {
  id: number;
  title: string;
  kind: string;
  decimals: number;
  weight: number | null;
  value: number | null;
  progressPct: number | null;
  expectedPct: number | null;
  projected: number | null;
  status: string;
  stale: boolean;
  lastCheckinDate: string | null;
  childCount: number;
  state: string;
}
interface Node extends View {
  children: Node[];
}

/**
 * The fixture, today 2026-11-23:
 * #1 team, Q4 GMV ¥300,000, split per member: #2 wang (¥60,000 on 11-01, ¥70,000 on 11-20),
 *    #3 zhao (¥40,000 on 11-10), #4 chen (no check-in).
 * #5 Customer service, CSAT 90 → 95 % in November, split: #6 wang (94 on 11-20), #7 zhao (91 on 11-22).
 * #8 li, 1,200 orders in December (not started). #9 a draft.
 */
const fx = goalsFixture(async (setup) => {
  await seedMembers(setup);
  await setup(['goals', 'add', 'Q4 Tmall GMV ¥300,000', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--target', '300000', '--direction', 'increase', '--start', '2026-10-01', '--due', '2026-12-31', '--why', 'annual plan']);
  await setup(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao,chen']);
  await setup(['goals', 'checkin', '2', '--value', '60000', '--date', '2026-11-01']);
  await setup(['goals', 'checkin', '2', '--value', '70000', '--date', '2026-11-20']);
  await setup(['goals', 'checkin', '3', '--value', '40000', '--date', '2026-11-10']);
  await setup(['goals', 'add', 'CSAT 95% in November', '--owner', 'Customer service', '--metric', 'CSAT', '--unit', '%', '--baseline', '90', '--target', '95', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'good reviews']);
  await setup(['goals', 'split', '5', '--by', 'member', '--members', 'wang,zhao']);
  await setup(['goals', 'checkin', '6', '--value', '94', '--date', '2026-11-20']);
  await setup(['goals', 'checkin', '7', '--value', '91', '--date', '2026-11-22']);
  await setup(['goals', 'add', 'Li Na: 1,200 Tmall orders in December', '--owner', 'li', '--metric', 'Orders', '--unit', '单', '--target', '1200', '--direction', 'increase', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak season']);
  await setup(['goals', 'add', 'raise sales', '--owner', 'team', '--draft']);
});
const { team, ok, reject, opts } = fx;

const list = async (...args: string[]) => (await ok(['goals', 'list', ...args, '--json'])).json<View[]>();
const ids = async (...args: string[]) => (await list(...args)).map((g) => g.id);

describe('roll-up: a parent\'s value comes from its children', () => {
  it('additive: the sum of the children\'s latest values (list)', async () => {
    const byId = new Map((await list()).map((g) => [g.id, g]));
    expect([2, 3, 4].map((id) => byId.get(id)!.value)).toEqual([70000, 40000, null]);
    expect(byId.get(1)).toMatchObject({ value: 110000, progressPct: 36.7, expectedPct: 58.2, lastCheckinDate: '2026-11-20', stale: false, childCount: 3 });
  });

  it('rate: the mean of the children with a value (show)', async () => {
    const g = (await ok(['goals', 'show', '5', '--json'])).json<View & { children: View[]; checkins: unknown[] }>();
    expect(g.children.map((c) => [c.id, c.value, c.progressPct, c.status])).toEqual([
      [6, 94, 80, 'on-track'],
      [7, 91, 20, 'off-track'],
    ]);
    // (94 + 91) / 2 = 92.5: half way from 90 to 95
    expect(g).toMatchObject({ value: 92.5, progressPct: 50, lastCheckinDate: '2026-11-22', stale: false });
    expect(g.checkins).toEqual([]);
  });

  it('rate with --weights: the weighted mean', async () => {
    await ok(['goals', 'add', 'CSAT 96% in December', '--owner', 'Customer service', '--metric', 'CSAT', '--unit', '%', '--baseline', '90', '--target', '96', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'x']);
    await ok(['goals', 'split', '10', '--by', 'member', '--members', 'wang,zhao', '--weights', '3,1']);
    await ok(['goals', 'checkin', '11', '--value', '94', '--date', '2026-12-10'], '2026-12-10');
    await ok(['goals', 'checkin', '12', '--value', '90', '--date', '2026-12-10'], '2026-12-10');
    // (94 × 3 + 90) / 4 = 93
    expect((await ok(['goals', 'show', '10', '--json'], '2026-12-10')).json<View>()).toMatchObject({ value: 93, progressPct: 50 });
  });

  it('the parent\'s series steps at every child check-in (sparkline), and its forecast runs on it', async () => {
    const g = (await ok(['goals', 'show', '1', '--json'])).json<View & { sparkline: string; children: View[] }>();
    // 60,000 (11-01) → 100,000 (11-10) → 110,000 (11-20)
    expect(g.sparkline).toBe('▁▇█');
    expect(g).toMatchObject({ value: 110000, projected: 205957.52, status: 'off-track' });
    expect(g.children.map((c) => c.id)).toEqual([2, 3, 4]);
  });

  it('a new check-in on a child moves the parent at once', async () => {
    await ok(['goals', 'checkin', '4', '--value', '25000']);
    expect((await ok(['goals', 'show', '1', '--json'])).json<View>().value).toBe(135000);
  });

  it('goals tree <id> --json nests the children with the same values', async () => {
    const n = (await ok(['goals', 'tree', '1', '--json'])).json<Node>();
    expect([n.id, n.value, n.progressPct, n.status]).toEqual([1, 110000, 36.7, 'off-track']);
    expect(n.children.map((c) => [c.id, c.value, c.status, c.stale, c.children])).toEqual([
      [2, 70000, 'on-track', false, []],
      [3, 40000, 'at-risk', true, []],
      [4, null, 'at-risk', true, []],
    ]);
  });

  it('goals tree (no argument) lists the open top-level goals by due date, with their cascades', async () => {
    const roots = (await ok(['goals', 'tree', '--json'])).json<Node[]>();
    expect(roots.map((r) => [r.id, r.value, r.children.map((c) => c.id)])).toEqual([
      [5, 92.5, [6, 7]],
      [1, 110000, [2, 3, 4]],
      [8, null, []],
      [9, null, []],
    ]);
  });

  it('goals tree draws the cascade as text', async () => {
    const lines = (await ok(['goals', 'tree', '1'])).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^#1 Q4 Tmall GMV ¥300,000 .*37%.*¥110,000 \/ ¥300,000.*off track$/);
    expect(lines[3]).toMatch(/^└─ #4 Q4 Tmall GMV ¥300,000 · Chen Jing .*– \/ ¥100,000.*at risk · stale$/);
  });

  it('a closed goal drops out of the tree; an empty tree says so', async () => {
    await ok(['goals', 'review', '8', '--self', 'n/a']);
    await ok(['goals', 'review', '8', '--lead', 'dropped', '--score', '1', '--outcome', 'none', '--final', '0']);
    expect((await ok(['goals', 'tree', '--json'])).json<Node[]>().map((r) => r.id)).toEqual([5, 1, 9]);
    const empty = tempDb();
    try {
      await run(empty.db, ['init'], opts(TODAY));
      const r = await run(empty.db, ['goals', 'tree'], opts(TODAY));
      expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'No goals match.\n']);
      expect((await run(empty.db, ['goals', 'tree', '--json'], opts(TODAY))).json()).toEqual([]);
    } finally {
      await empty.cleanup();
    }
  });
});

describe('goals list filters', () => {
  it('everything open, by due date then id', async () => {
    expect(await ids()).toEqual([5, 6, 7, 1, 2, 3, 4, 8, 9]);
  });

  it('--owner: a member, "team", a department (its own goals only)', async () => {
    expect(await ids('--owner', 'wang')).toEqual([6, 2]);
    expect(await ids('--owner', 'Wang Fang')).toEqual([6, 2]);
    expect(await ids('--owner', 'team')).toEqual([1, 9]);
    expect(await ids('--owner', 'Customer service')).toEqual([5]);
  });

  it('--dept: the department\'s goals and its members\'', async () => {
    expect(await ids('--dept', 'Customer service')).toEqual([5, 6, 7, 2, 3, 4]);
    expect(await ids('--dept', 'Operations')).toEqual([8]);
    expect(await ids('--dept', 'Design')).toEqual([]);
  });

  it('--status', async () => {
    expect(await ids('--status', 'at-risk')).toEqual([5, 3, 4]);
    expect(await ids('--status', 'on-track')).toEqual([6, 2]);
    expect(await ids('--status', 'off-track')).toEqual([7, 1]);
    expect(await ids('--status', 'not-started')).toEqual([8]);
    expect(await ids('--status', 'draft')).toEqual([9]);
    expect(await ids('--status', 'stale')).toEqual([3, 4]);
    expect(await ids('--status', 'done')).toEqual([]);
  });

  it('--horizon', async () => {
    expect(await ids('--horizon', 'quarter')).toEqual([1, 2, 3, 4]);
    expect(await ids('--horizon', 'month')).toEqual([5, 6, 7, 8]);
    expect(await ids('--horizon', 'custom')).toEqual([9]);
  });

  it('--due-before and --due-after are inclusive', async () => {
    expect(await ids('--due-before', '2026-11-30')).toEqual([5, 6, 7]);
    expect(await ids('--due-before', '2026-11-29')).toEqual([]);
    expect(await ids('--due-after', '2026-11-30')).toEqual([5, 6, 7, 1, 2, 3, 4, 8]);
    expect(await ids('--due-after', '2026-12-01')).toEqual([1, 2, 3, 4, 8]);
    expect(await ids('--due-after', '2026-12-01', '--due-before', '2026-12-31', '--owner', 'zhao')).toEqual([3]);
  });

  it('--parent by id or title', async () => {
    expect(await ids('--parent', '1')).toEqual([2, 3, 4]);
    expect(await ids('--parent', 'CSAT 95% in November')).toEqual([6, 7]);
  });

  it('--all includes closed goals', async () => {
    await ok(['goals', 'review', '7', '--self', 'tried']);
    await ok(['goals', 'review', '7', '--lead', 'short', '--score', '2', '--outcome', 'none']);
    expect(await ids()).toEqual([5, 6, 1, 2, 3, 4, 8, 9]);
    const all = await list('--all');
    expect(all.map((g) => g.id)).toEqual([5, 6, 7, 1, 2, 3, 4, 8, 9]);
    expect(all.find((g) => g.id === 7)).toMatchObject({ state: 'missed', status: 'missed', value: 91 });
    // a closed child still counts in its parent's roll-up
    expect(all.find((g) => g.id === 5)!.value).toBe(92.5);
  });

  it('--sort progress: lowest first, goals without progress before them', async () => {
    expect((await list('--sort', 'progress')).map((g) => [g.id, g.progressPct])).toEqual([
      [4, null], [8, null], [9, null], [7, 20], [1, 36.7], [3, 40], [5, 50], [2, 70], [6, 80],
    ]);
  });

  it('--format csv: a BOM, a header, plain progress numbers', async () => {
    const r = await ok(['goals', 'list', '--parent', '1', '--format', 'csv']);
    expect(r.stdout).toBe(
      '\uFEFFID,Goal,Owner,Target,Now,Progress,Status,Due\n' +
        '2,"Q4 Tmall GMV ¥300,000 · Wang Fang",Wang Fang (wang),100000,70000,70%,on track,2026-12-31\n' +
        '3,"Q4 Tmall GMV ¥300,000 · Zhao Lei",Zhao Lei (zhao),100000,40000,40%,at risk · stale,2026-12-31\n' +
        '4,"Q4 Tmall GMV ¥300,000 · Chen Jing",Chen Jing (chen),100000,,,at risk · stale,2026-12-31\n',
    );
  });

  it('--format md', async () => {
    const r = await ok(['goals', 'list', '--parent', '5', '--format', 'md']);
    expect(r.stdout).toBe(
      '| ID | Goal | Owner | Target | Now | Progress | Status | Due |\n' +
        '| ---: | --- | --- | ---: | ---: | --- | --- | --- |\n' +
        '| 6 | CSAT 95% in November · Wang Fang | Wang Fang (wang) | 95 | 94 | 80% | on track | 2026-11-30 |\n' +
        '| 7 | CSAT 95% in November · Zhao Lei | Zhao Lei (zhao) | 95 | 91 | 20% | off track | 2026-11-30 |\n',
    );
  });

  it('no match: an empty JSON list, or "No goals match." on stderr for a table', async () => {
    expect(await list('--owner', 'chen', '--status', 'done')).toEqual([]);
    const r = await ok(['goals', 'list', '--owner', 'chen', '--status', 'done']);
    expect([r.stdout, r.stderr]).toEqual(['', 'No goals match.\n']);
  });

  it.each([
    [['--status', 'late'], 'team: Unknown status "late": use draft, not-started, on-track, at-risk, off-track, done, missed or stale.\n'],
    [['--sort', 'name'], 'team: Invalid --sort "name": use due, progress.\n'],
    [['--horizon', 'qurter'], 'team: Invalid --horizon "qurter": use year, quarter, month, week, custom.\n'],
    [['--lang', 'zh', '--sort', 'name'], 'team: --sort“name”无效：请用 due、progress。\n'],
    [['--due-before', '2026/11/30'], 'team: Invalid --due-before "2026/11/30": use YYYY-MM-DD.\n'],
    [['--due-after', 'soon'], 'team: Invalid --due-after "soon": use YYYY-MM-DD.\n'],
    [['--format', 'xml'], 'team: Unknown format "xml": use table, json, csv or md.\n'],
    [['--owner', 'wnag'], 'team: No member or department matches "wnag". Did you mean "wang"?\n'],
    [['--dept', 'Desgin'], 'team: No department matches "Desgin". Did you mean "Design"?\n'],
    [['--parent', '99'], 'team: No goal matches "99".\n'],
  ])('rejects %j (exit 2)', async (args, message) => {
    expect((await reject(['goals', 'list', ...args])).stderr).toBe(message);
  });

  // Finding: a negative --weight is stored; once that sub-goal has a value, list/show/tree of its parent crash (exit 1, "Unexpected error").
  it('a negative --weight is refused and cannot break goals list', async () => {
    const add = await team(['goals', 'add', 'Wang CSAT 95% in November, weighted', '--owner', 'wang', '--parent', '5', '--target', '95', '--baseline', '90', '--weight', '-1']);
    expect(add.code).toBe(2);
    if (add.code === 0) await ok(['goals', 'checkin', '10', '--value', '93']);
    const r = await team(['goals', 'list']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  // Finding: --horizon is not validated on list (add validates it): a typo silently lists nothing.
  it('rejects an unknown --horizon (exit 2) instead of listing nothing', async () => {
    await reject(['goals', 'list', '--horizon', 'quartr']);
  });
});

describe('goals show', () => {
  it('a leaf: check-ins, sparkline, no children, the SMART verdict with messages', async () => {
    const g = (await ok(['goals', 'show', '2', '--json'])).json<View & Record<string, unknown>>();
    expect(g).toMatchObject({
      id: 2, parentId: 1, ownerType: 'member', owner: 'wang', ownerName: 'Wang Fang', target: 100000, value: 70000,
      checkins: [
        { date: '2026-11-01', value: 60000, note: null, actor: USER },
        { date: '2026-11-20', value: 70000, note: null, actor: USER },
      ],
      sparkline: '▁█', children: [], reviews: [], smart: { ok: true, blocking: false, findings: [] },
    });
  });

  it('an unknown goal suggests the closest title', async () => {
    expect((await reject(['goals', 'show', 'CSAT 95% in Novembr'])).stderr).toBe('team: No goal matches "CSAT 95% in Novembr". Did you mean "CSAT 95% in November"?\n');
  });
});

describe('the demo\'s cascade', () => {
  it('#1 quarterly GMV split member × month, #14 first response split per member; every parent is its children\'s roll-up', async () => {
    const demo = tempDb();
    onTestFinished(() => demo.cleanup());
    const db = demo.db;
    const r = await run(fx.db, ['demo', '--db', db], opts(TODAY));
    expect(r.code, r.stderr).toBe(0);
    const roots = (await run(db, ['goals', 'tree', '--json'], opts(TODAY))).json<Node[]>();
    const one = roots.find((g) => g.id === 1)!;
    const fourteen = roots.find((g) => g.id === 14)!;
    expect([one.kind, one.children.length, one.children.map((c) => c.children.length)]).toEqual(['additive', 3, [3, 3, 3]]);
    expect([fourteen.kind, fourteen.children.length, fourteen.children.map((c) => c.children.length)]).toEqual(['rate', 3, [0, 0, 0]]);
    const members = (await run(db, ['members', 'list', '--json'], opts(TODAY))).json<unknown[]>();
    expect(members).toHaveLength(12);

    let parents = 0;
    const walk = (n: Node) => {
      n.children.forEach(walk);
      if (n.children.length === 0) return;
      parents++;
      const valued = n.children.filter((c) => c.value !== null);
      if (valued.length === 0) return expect(n.value).toBeNull();
      const f = 10 ** n.decimals;
      const expected =
        n.kind === 'additive'
          ? valued.reduce((a, c) => a + c.value!, 0)
          : valued.reduce((a, c) => a + c.value! * (c.weight ?? 1), 0) / valued.reduce((a, c) => a + (c.weight ?? 1), 0);
      expect(n.value, `#${n.id}`).toBe(Math.round(expected * f) / f);
    };
    roots.forEach(walk);
    expect(parents).toBe(5);
  });
});
