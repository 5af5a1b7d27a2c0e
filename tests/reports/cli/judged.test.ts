/**
 * The goals of the weekly report and of `team remind` are counted and ranked
 * from each goal's stored judgement when it covers today, and judged when read
 * when it does not (its span ended, or none was stored). Whichever way each
 * goal goes, the output is the same: here with 17 goals written on different
 * days (so that on TODAY some spans hold and some ended), more of them than a
 * list shows, read as they are, with every span cleared, and after
 * `goals refresh` stored them all anew.
 */
import { describe, expect, it } from 'vitest';
import { exec, query } from '../../helpers.js';
import { goal, reportsFixture, seedReports, TODAY, type Setup } from '../fixture.js';

interface Counted {
  goals: { total: number; counts: Record<string, number>; stale: number; items: { id: number; status: string }[] };
}

async function seed(setup: Setup) {
  await seedReports(setup);
  // Twelve more goals, due this week, next week or later, checked in on different days.
  for (let i = 0; i < 12; i++) {
    const owner = ['wu', 'zheng', 'li', 'zhou'][i % 4]!;
    const due = ['2026-11-28', '2026-12-03', '2026-12-20', '2027-01-15'][i % 4]!;
    await setup(goal(`Extra goal ${i + 1}`, owner, 'Orders', '单', 0, 100, due), '2026-11-02');
    if (i % 3 !== 2) await setup(['goals', 'checkin', String(5 + i + 1), '--value', String(10 + 7 * i)], ['2026-11-09', '2026-11-25', '2026-11-26'][i % 3]!);
  }
}

describe('the goals a report counts, stored judgements or not', () => {
  const fx = reportsFixture(seed);
  const reads = async () => ({
    weekly: await fx.json<Counted>(['report', 'weekly']),
    remind: await fx.json<unknown>(['remind', '--within', '7d']),
    dept: await fx.json<Counted>(['report', 'weekly', '--dept', 'Customer service']),
    member: await fx.json<unknown>(['remind', '--within', '7d', '--member', 'wu']),
  });
  const spans = () => query<{ holds: number; ended: number; none: number }>(fx.db, `select sum(case when judged_from <= ? and judged_until >= ? then 1 else 0 end) as holds, sum(case when judged_from is not null and not (judged_from <= ? and judged_until >= ?) then 1 else 0 end) as ended, sum(case when judged_from is null then 1 else 0 end) as none from goals where state = 'open' and archived_at is null`, TODAY, TODAY, TODAY, TODAY);

  it('gives the same counts, lists and order whether each goal is judged from its stored span or when read', async () => {
    // Both ways at once: some spans hold on TODAY, some ended before it.
    const [mixed] = await spans();
    expect(Number(mixed!.holds)).toBeGreaterThan(2);
    expect(Number(mixed!.ended)).toBeGreaterThan(2);
    const before = await reads();
    // More goals in play than the list shows: the database's first few and the goals judged here compete.
    expect(before.weekly.goals.total).toBeGreaterThan(before.weekly.goals.items.length);
    expect(before.weekly.goals.items).toHaveLength(10);

    // No stored span at all (a database from before them): every goal judged when read.
    await exec(fx.db, 'update goals set judged_from = null');
    expect((await spans())[0]!.none).toBe(mixed!.holds + mixed!.ended);
    expect(await reads()).toEqual(before);

    // Every span stored today: the database counts them all.
    await fx.ok(['goals', 'refresh']);
    const [fresh] = await spans();
    expect([Number(fresh!.ended), Number(fresh!.none)]).toEqual([0, 0]);
    expect(await reads()).toEqual(before);
    // And what it counts is what the report says.
    const stored = await query<{ status: string; n: number }>(
      fx.db,
      "select judged_status as status, count(*) as n from goals where state = 'open' and archived_at is null and due_date >= ? and (start_date is null or start_date <= ?) group by judged_status",
      '2026-11-23',
      '2026-11-29',
    );
    expect(Object.fromEntries(stored.map((r) => [r.status, Number(r.n)]))).toEqual(before.weekly.goals.counts);
  });

  it('stores a span with every write: a check-in judges its goal (and the goals above it) on the day written', async () => {
    await fx.ok(['goals', 'checkin', '6', '--value', '55'], { today: '2026-11-28' });
    const [g] = await query<{ from: string; until: string; status: string }>(fx.db, 'select judged_from as "from", judged_until as until, judged_status as status from goals where id = 6');
    expect(g!.from).toBe('2026-11-28');
    expect(g!.until >= g!.from).toBe(true);
    const shown = await fx.json<{ status: string }>(['goals', 'show', '6'], { today: '2026-11-28' });
    expect(g!.status).toBe(shown.status);
  });
});
