/**
 * The goal views read a list in a fixed number of queries: no query per goal,
 * per check-in or per chunk of ids. Counted on a wrapped connection over
 * databases of N and 3N goals (3N crosses the size where check-ins are read by
 * id range instead of an IN list), which must take the same number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import type { Db, Queryable } from '../../../src/db/sql.js';
import { getGoalTree, writeGoalTreeJson } from '../../../src/goals/tree.service.js';
import { getGoals, writeGoalsJson } from '../../../src/goals/view.service.js';
import { refreshAllSummaries } from '../../../src/goals/summary.service.js';
import type { ServiceOptions } from '../../../src/shared/service.js';
import { onPostgres, tempDb } from '../../helpers.js';

const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T12:00:00Z`);

/**
 * `families` parents, each with 3 children carrying 5 check-ins, plus as many
 * stand-alone goals with 4, into an empty database: goal ids run 1, 2, … in
 * the order below (parent, its children, the stand-alone goal). Many rows a
 * statement (a round trip a row made the file 30 s on PostgreSQL); each
 * goal's id is checked against the one its children were given.
 */
async function build(db: Db, families: number): Promise<void> {
  const at = '2026-10-01T00:00:00.000Z';
  const CHUNK = 50;
  await db.transaction(async () => {
    for (let from = 0; from < families; from += CHUNK) {
      const goals: [title: string, parentId: number | null, target: number][] = [];
      const checkins: [goalId: number, day: number, value: number][] = [];
      let id = from * 5;
      for (let f = from; f < Math.min(families, from + CHUNK); f++) {
        const parent = ++id;
        goals.push([`parent ${f}`, null, 3000]);
        for (let k = 0; k < 3; k++) {
          goals.push([`child ${f}.${k}`, parent, 1000]);
          const child = ++id;
          for (let d = 1; d <= 5; d++) checkins.push([child, d * 3 + k, d * (150 + 20 * k + (f % 7))]);
        }
        goals.push([`alone ${f}`, null, 1000]);
        const alone = ++id;
        for (let d = 1; d <= 4; d++) checkins.push([alone, d * 4, d * (100 + (f % 11) * 20)]);
        // two check-ins on one date: the later one wins
        checkins.push([alone, 16, 999]);
      }
      const made = await db.all<{ id: number; title: string }>(
        `insert into goals (title, owner_type, metric, unit, kind, decimals, baseline, target, direction, start_date, due_date, horizon, term, parent_id, weight, created_at, updated_at)
         values ${goals.map(() => `(?, 'team', 'GMV', '¥', 'additive', 2, 0, ?, 'increase', '2026-11-01', '2026-11-30', 'month', 'short', ?, ?, ?, ?)`).join(', ')} returning id, title`,
        goals.flatMap(([title, parentId, target]) => [title, target, parentId, parentId === null ? null : 1, at, at]),
      );
      const ids = new Map(made.map((g) => [g.title, g.id]));
      goals.forEach(([title], i) => {
        if (ids.get(title) !== from * 5 + i + 1) throw new Error(`build: ${title} got id ${ids.get(title)}, not ${from * 5 + i + 1}`);
      });
      await db.run(
        `insert into goal_checkins (goal_id, date, value, created_at) values ${checkins.map(() => '(?, ?, ?, ?)').join(', ')}`,
        checkins.flatMap(([goalId, day, value]) => [goalId, `2026-11-${String(day).padStart(2, '0')}`, value, at]),
      );
    }
  });
}

/** A connection that counts (and keeps) every statement sent through it. */
function counting(db: Db): { db: Db; count: () => number; statements: [string, readonly unknown[]][] } {
  let n = 0;
  const statements: [string, readonly unknown[]][] = [];
  const wrap = <F extends (...args: never[]) => unknown>(f: F): F => ((...args: Parameters<F>) => (n++, statements.push([args[0] as unknown as string, (args[1] ?? []) as readonly unknown[]]), f(...args))) as F;
  const q: Queryable = {
    dialect: db.dialect,
    all: wrap(db.all.bind(db)),
    get: wrap(db.get.bind(db)),
    run: wrap(db.run.bind(db)),
    tuples: wrap(db.tuples.bind(db)),
    eachTuple: wrap(db.eachTuple.bind(db)),
  };
  return { db: { ...q, location: db.location, transaction: (fn) => fn(q), snapshot: (fn) => fn(q), close: () => db.close() }, count: () => n, statements };
}

describe('goal views: the query count does not grow with the rows', () => {
  const N = 100; // families: 5N goals and 4N leaves, under the IN-list limit; 3N families are over it
  const dbs: { small: Db; large: Db } = {} as never;
  const tmp = [tempDb(), tempDb()];

  beforeAll(async () => {
    dbs.small = (await openDatabase({ path: tmp[0]!.db })).db;
    dbs.large = (await openDatabase({ path: tmp[1]!.db })).db;
    await build(dbs.small, N);
    await build(dbs.large, 3 * N);
  });
  afterAll(async () => {
    await dbs.small.close();
    await dbs.large.close();
    for (const t of tmp) await t.cleanup();
  });

  const measure = async (db: Db, view: (o: ServiceOptions) => Promise<unknown[]>) => {
    const c = counting(db);
    const rows = await view({ db: c.db, now: NOW, today: TODAY, actor: 'test' });
    return { queries: c.count(), rows: rows.length };
  };

  const views: [string, (o: ServiceOptions) => Promise<unknown[]>][] = [
    ['goals list', (o) => getGoals(o, {})],
    ['goals list --status on-track', (o) => getGoals(o, { status: 'on-track' })],
    ['goals list --status stale', (o) => getGoals(o, { status: 'stale' })],
    ['goals list --sort progress', (o) => getGoals(o, { sort: 'progress' })],
    ['goals tree', (o) => getGoalTree(o, undefined)],
  ];

  for (const [name, view] of views) {
    it(`${name}: as many queries for 3N goals as for N`, async () => {
      const small = await measure(dbs.small, view);
      const large = await measure(dbs.large, view);
      expect(large.rows).toBeGreaterThanOrEqual(small.rows);
      expect(large.queries).toBe(small.queries);
      expect(small.queries).toBeLessThanOrEqual(3);
    });
  }

  it('the list is complete and evaluated: every goal, parents rolled up from their children', async () => {
    const goals = await getGoals({ db: dbs.large, now: NOW, today: TODAY, actor: 'test' }, {});
    expect(goals).toHaveLength(5 * 3 * N);
    const byTitle = new Map(goals.map((g) => [g.title, g]));
    const kids = [0, 1, 2].map((k) => byTitle.get(`child 7.${k}`)!.value!);
    expect(byTitle.get('parent 7')!.value).toBe(kids.reduce((a, b) => a + b, 0));
    expect(byTitle.get('alone 7')!.value).toBe(999);
    const tree = await getGoalTree({ db: dbs.large, now: NOW, today: TODAY, actor: 'test' }, undefined);
    expect(tree).toHaveLength(2 * 3 * N);
    expect(tree.find((t) => t.title === 'parent 7')!.children.map((c) => c.title)).toEqual(['child 7.0', 'child 7.1', 'child 7.2']);
  });

  // The same views once every goal has its stored summary: no check-in is read at all.
  describe('from stored summaries', () => {
    const o = (db: Db): ServiceOptions => ({ db, now: NOW, today: TODAY, actor: 'test' });
    // Each view as evaluated from the check-ins, then every summary stored (once: on PostgreSQL a refresh is a round trip a goal).
    const before = new Map<string, { small: unknown[]; large: unknown[] }>();
    beforeAll(async () => {
      for (const [name, view] of views) before.set(name, { small: await view(o(dbs.small)), large: await view(o(dbs.large)) });
      await refreshAllSummaries(o(dbs.small));
      await refreshAllSummaries(o(dbs.large));
    });
    afterAll(async () => {
      for (const db of [dbs.small, dbs.large]) await db.run('update goals set summary_points = null');
    });
    for (const [name, view] of views) {
      it(`${name}, from stored summaries: the same result in at most 2 queries, as many for 3N goals as for N`, async () => {
        const small = await measure(dbs.small, view);
        const large = await measure(dbs.large, view);
        expect(large.queries).toBe(small.queries);
        expect(small.queries).toBeLessThanOrEqual(2);
        expect(await view(o(dbs.small))).toEqual(before.get(name)!.small);
        expect(await view(o(dbs.large))).toEqual(before.get(name)!.large);
      });
    }
  });

  it('streamed to a sink (JSON to a pipe): the same goals in the same order, in at most 2 queries, with or without summaries', async () => {
    const o = (db: Db): ServiceOptions => ({ db, now: NOW, today: TODAY, actor: 'test' });
    const lists = { list: await getGoals(o(dbs.large), {}), tree: await getGoalTree(o(dbs.large), undefined) };
    for (const stored of [false, true]) {
      if (stored) await refreshAllSummaries(o(dbs.large));
      const c = counting(dbs.large);
      const list: unknown[] = [];
      expect(await getGoals(o(c.db), {}, (g) => list.push(g))).toEqual([]);
      const tree: unknown[] = [];
      expect(await getGoalTree(o(c.db), undefined, (r) => tree.push(r))).toEqual([]);
      expect(list).toEqual(lists.list);
      expect(tree).toEqual(lists.tree);
      if (stored) expect(c.count()).toBeLessThanOrEqual(4);
    }
    await dbs.large.run('update goals set summary_points = null');
  });

  it('written from the stored JSON: the same text as stringifying the views, in at most 3 queries, as many for 3N goals as for N', async () => {
    const o = (db: Db): ServiceOptions => ({ db, now: NOW, today: TODAY, actor: 'test' });
    for (const db of [dbs.small, dbs.large]) await refreshAllSummaries(o(db));
    const writers: [string, (o: ServiceOptions, sink: (json: string) => void) => Promise<number>, (o: ServiceOptions) => Promise<unknown[]>][] = [
      ['list', (x, sink) => writeGoalsJson(x, {}, sink), (x) => getGoals(x, {})],
      ['list --status on-track', (x, sink) => writeGoalsJson(x, { status: 'on-track' }, sink), (x) => getGoals(x, { status: 'on-track' })],
      ['list --status stale', (x, sink) => writeGoalsJson(x, { status: 'stale' }, sink), (x) => getGoals(x, { status: 'stale' })],
      ['tree', (x, sink) => writeGoalTreeJson(x, sink), (x) => getGoalTree(x, undefined)],
    ];
    for (const [name, write, read] of writers) {
      const counts: number[] = [];
      for (const db of [dbs.small, dbs.large]) {
        const c = counting(db);
        const texts: string[] = [];
        await write(o(c.db), (json) => texts.push(json));
        counts.push(c.count());
        expect(`[${texts.join(',')}]`, name).toBe(JSON.stringify(await read(o(db))));
      }
      expect(counts[1], name).toBe(counts[0]);
      expect(counts[0], name).toBeLessThanOrEqual(3);
    }
  });

  // SQLite's plans; PostgreSQL plans by statistics (a seq scan on a small table is its right choice).
  it.skipIf(onPostgres)('whole-database lists read the list index alone; a list narrowed by owner keeps the owner index (the plans of the queries sent)', async () => {
    const o = (db: Db): ServiceOptions => ({ db, now: NOW, today: TODAY, actor: 'test' });
    await refreshAllSummaries(o(dbs.large));
    const plans = async (f: Parameters<typeof writeGoalsJson>[1]) => {
      const c = counting(dbs.large);
      await writeGoalsJson(o(c.db), f, () => {});
      const out: string[] = [];
      for (const [sql, params] of c.statements) out.push((await dbs.large.all<{ detail: string }>(`explain query plan ${sql}`, params as never)).map((r) => r.detail).join(' | '));
      // The count of goals without JSON first, then (after any name lookups) the list's own queries.
      return [out[0]!, ...out.filter((_, i) => /g\.json_judge(, g\.id, g\.parent_id)? from|json_each/.test(c.statements[i]![0]))];
    };
    const [count, whole] = await plans({});
    expect(count).toMatch(/USING (COVERING )?INDEX goals_unsummarized/);
    expect(whole).toMatch(/^SEARCH g USING COVERING INDEX goals_list_json/);
    for (const f of [{ horizon: 'month' }, { dueBefore: '2026-11-15' }]) expect((await plans(f))[1]).toMatch(/^SEARCH g USING COVERING INDEX goals_list_json/);
    // --status: judged from the index alone, then the kept goals by id.
    const [, judged, kept] = await plans({ status: 'on-track' });
    expect(judged).toMatch(/^SEARCH g USING COVERING INDEX goals_list_json/);
    expect(kept).toMatch(/SEARCH g USING INTEGER PRIMARY KEY/);
    // The narrowed lists are the same code path with their own index (no team goal owner here: the team index).
    expect((await plans({ owner: 'team' }))[1]).toMatch(/USING INDEX goals_owner_type/);
    expect((await plans({ parent: 'parent 7' }))[1]).toMatch(/USING INDEX goals_parent/);
  });

  it('the tree from stored JSON has closed goals below open ones at any depth, and nothing below a closed root or an archived goal', async () => {
    const o = (db: Db): ServiceOptions => ({ db, now: NOW, today: TODAY, actor: 'test' });
    const t = tempDb();
    const { db } = await openDatabase({ path: t.db });
    try {
      const at = '2026-10-01T00:00:00.000Z';
      const goal = async (title: string, parentId: number | null, state = 'open', archived: string | null = null) =>
        (await db.get<{ id: number }>(
          `insert into goals (title, owner_type, metric, unit, kind, decimals, baseline, target, direction, start_date, due_date, horizon, term, parent_id, weight, state, final_value, closed_at, archived_at, created_at, updated_at)
           values (?, 'team', 'GMV', '¥', 'additive', 2, 0, 100, 'increase', '2026-11-01', '2026-11-30', 'month', 'short', ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
          [title, parentId, parentId === null ? null : 1, state, state === 'open' ? null : 80, state === 'open' ? null : at, archived, at, at],
        ))!.id;
      const root = await goal('open root', null);
      const closed = await goal('closed child', root, 'achieved');
      const closedBelow = await goal('closed grandchild', closed, 'missed');
      await goal('open below closed', closedBelow);
      await goal('closed below that', closedBelow, 'achieved');
      const open = await goal('open child', root);
      await goal('closed below open', open, 'missed');
      const shut = await goal('closed root', null, 'achieved');
      const stray = await goal('open below a closed root', shut);
      await goal('closed below that stray', stray, 'missed');
      const gone = await goal('archived child', root, 'open', at);
      await goal('live below an archived goal', gone);
      await goal('closed below an archived goal', gone, 'achieved');
      await refreshAllSummaries(o(db));
      const texts: string[] = [];
      expect(await writeGoalTreeJson(o(db), (json) => texts.push(json))).toBe(0);
      const tree = await getGoalTree(o(db), undefined);
      expect(`[${texts.join(',')}]`).toBe(JSON.stringify(tree));
      const titles = (nodes: typeof tree): unknown[] => nodes.map((n) => (n.children.length ? [n.title, titles(n.children)] : n.title));
      expect(titles(tree)).toEqual([
        ['open root', [['closed child', [['closed grandchild', ['open below closed', 'closed below that']]]], ['open child', ['closed below open']]]],
      ]);
    } finally {
      await db.close();
      await t.cleanup();
    }
  });

  it('sees one state of the database: a goal archived by another connection between its queries is in none of them', async () => {
    const o = (db: Db): ServiceOptions => ({ db, now: NOW, today: TODAY, actor: 'test' });
    // On disk (a new database lives in memory until saved), seen by two connections.
    const file = tempDb();
    const made = await openDatabase({ path: file.db });
    await build(made.db, 20);
    await refreshAllSummaries(o(made.db));
    made.save();
    await made.db.close();
    const mine = (await openDatabase({ path: file.db })).db;
    const other = (await openDatabase({ path: file.db })).db;
    try {
      const expected = JSON.stringify(await getGoals(o(mine), { status: 'on-track' }));
      const victim = (JSON.parse(expected) as { id: number }[])[0]!.id;
      // Every query of the list after the first runs after the other lead's archive has committed.
      let first = true;
      const racing: Db = {
        ...mine,
        eachTuple: async (sql, params, onRow) => {
          await mine.eachTuple(sql, params, onRow);
          if (first) {
            first = false;
            await other.run(`update goals set archived_at = '2026-11-23T12:00:00.000Z', json_head = null, json_tail = null, json_judge = null, summary_points = null where id = ?`, [victim]);
          }
        },
      };
      const texts: string[] = [];
      await writeGoalsJson(o(racing), { status: 'on-track' }, (json) => texts.push(json));
      expect(first).toBe(false);
      expect(`[${texts.join(',')}]`).toBe(expected);
      // And the archive did land: the next list leaves the goal out.
      expect((await getGoals(o(mine), { status: 'on-track' })).map((g) => g.id)).not.toContain(victim);
    } finally {
      await mine.close();
      await other.close();
      await file.cleanup();
    }
  });


  it('goals refresh writes the summaries one UPDATE a 500 goals, not one a goal', async () => {
    const o = (db: Db): ServiceOptions => ({ db, now: NOW, today: TODAY, actor: 'test' });
    const sent = async (db: Db) => {
      const c = counting(db);
      const goals = await refreshAllSummaries(o(c.db));
      const updates = c.statements.filter(([sql]) => /^\s*update goals/i.test(sql)).length;
      return { goals, updates };
    };
    const small = await sent(dbs.small);
    const large = await sent(dbs.large);
    expect([small.goals, large.goals]).toEqual([5 * N, 15 * N]);
    expect([small.updates, large.updates]).toEqual([Math.ceil((5 * N) / 500), Math.ceil((15 * N) / 500)]);
    for (const db of [dbs.small, dbs.large]) await db.run('update goals set summary_points = null');
  });
});
