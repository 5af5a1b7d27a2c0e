/**
 * What a fresh-eyed review of evaluations found, each pinned: a closed cycle
 * shows what was locked (an appeal's new score is provisional until decided),
 * a closed month pays by the rules of the day it closed, init never brings a
 * removed KPI back, closed goals still give their values, nobody is evaluated
 * before they were hired, a month is closed early only when asked, and inputs
 * that used to be misread are refused.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { evaluationsFixture, PRESALE_FULL, ROLE } from '../fixture.js';

const fx = evaluationsFixture();
const { ok, reject } = fx;

/** zheng a little below wu: wu ranks first in November. */
const ZHENG: readonly (readonly [string, number])[] = PRESALE_FULL.map(([k, v]) => [k, k === 'Inquiry conversion' ? 40 : v] as const);

async function closedNovember(): Promise<void> {
  await ok(['evals', 'open', '--period', '2026-11', '--roles', ROLE.presale]);
  await fx.record('wu', PRESALE_FULL);
  await fx.record('zheng', ZHENG);
  await ok(['evals', 'close', '--period', '2026-11']);
}

const show = async (member: string) => (await ok(['evals', 'show', member, '--period', '2026-11', '--json'])).json<{ evaluation: { finalScore: number; grade: string; rank: number; provisional: { finalScore: number; grade: string } | null; state: string } }>().evaluation;

describe('a closed cycle is what was locked', () => {
  it('during an appeal, report, ranks and rewards keep the locked scores; show adds the provisional one; decide locks it', async () => {
    await closedNovember();
    const before = await show('zheng');
    expect(before).toMatchObject({ rank: 2, provisional: null });
    await ok(['evals', 'appeal', 'zheng', '--period', '2026-11', '--reason', 'conversion miscounted']);
    await ok(['evals', 'record', 'zheng', 'Inquiry conversion', '--value', '60', '--period', '2026-11']);
    const during = await show('zheng');
    expect(during).toMatchObject({ state: 'appealed', finalScore: before.finalScore, rank: 2, provisional: { finalScore: 100, grade: 'A' } });
    expect((await ok(['evals', 'show', 'zheng', '--period', '2026-11'])).stdout).toContain('Under appeal: 100 (A) as it now stands, locked when the appeal is decided.');
    const report = (await ok(['evals', 'report', '--period', '2026-11', '--json'])).json<{ ranking: { handle: string; rank: number; finalScore: number }[] }>();
    expect(report.ranking.map((r) => [r.handle, r.rank])).toEqual([['wu', 1], ['zheng', 2]]);
    const rewards = (await ok(['evals', 'rewards', '--period', '2026-11', '--json'])).json<{ rows: { handle: string; text: string | null }[] }>();
    expect(rewards.rows.filter((r) => r.text === 'Service star (服务之星)').map((r) => r.handle)).toEqual(['wu']);
    await ok(['evals', 'decide', 'zheng', '--period', '2026-11', '--outcome', 'changed']);
    const after = await show('zheng');
    expect(after).toMatchObject({ state: 'closed', finalScore: 100, rank: 1, provisional: null });
    // Ties share the rank: both 100 now.
    expect((await show('wu')).rank).toBe(1);
  });

  it('a closed month pays by the reward rules of the day it closed, a rule added or removed since counting from the next', async () => {
    await closedNovember();
    const rows = async () => (await ok(['evals', 'rewards', '--period', '2026-11', '--json'])).json<{ rows: { handle: string; kind: string | null; coefficient: number | null }[] }>().rows;
    const bonus = async (h: string) => (await rows()).filter((r) => r.handle === h && r.kind === 'bonus').map((r) => r.coefficient);
    expect(await bonus('wu')).toEqual([1.2]);
    await ok(['evals', 'rules', 'rm', '1', '--yes'], '2026-12-02');
    await ok(['evals', 'rules', 'add', '--grade', 'A', '--bonus', '3'], '2026-12-02');
    expect(await bonus('wu')).toEqual([1.2]);
  });
});

describe('what init, goals and hire dates give a cycle', () => {
  it('init again never brings a removed KPI back (the role would total more than 100)', async () => {
    await ok(['kpis', 'rm', 'Efficiency', '--role', ROLE.presale, '--yes']);
    await ok(['kpis', 'add', 'Refund rate', '--role', ROLE.presale, '--direction', 'lower', '--target', '1', '--threshold', '5', '--weight', '10']);
    const r = await ok(['init']);
    expect(r.stderr).toContain(' 0 KPIs,');
    expect((await ok(['kpis', 'list', '--role', ROLE.presale, '--json'])).json<{ total: number }[]>()[0]!.total).toBe(100);
    await ok(['evals', 'open', '--period', '2026-11']);
  });

  it('a goal the lead has already closed still gives the month its value', async () => {
    await ok(['goals', 'add', 'Wu: CSAT 95% in November', '--owner', 'wu', '--metric', 'Customer satisfaction', '--unit', '%', '--baseline', '90', '--target', '95', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'CS standard'], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--value', '96', '--date', '2026-11-28'], '2026-11-30');
    await ok(['goals', 'review', '1', '--self', 'done', '--self-score', '4', '--actor', 'wu'], '2026-11-30');
    await ok(['goals', 'review', '1', '--lead', 'achieved', '--score', '5', '--outcome', 'reward'], '2026-11-30');
    const r = await ok(['evals', 'open', '--period', '2026-11', '--json']);
    expect(r.json<{ fromGoals: number }>().fromGoals).toBe(1);
  });

  it('nobody is evaluated for a month before their hire date, and the open says who was left out', async () => {
    await ok(['members', 'add', 'new', '--name', 'New Hire', '--role', ROLE.presale, '--hire-date', '2026-12-01']);
    const r = await ok(['evals', 'open', '--period', '2026-11', '--json']);
    expect(r.json<{ added: string[]; notHired: string[] }>()).toMatchObject({ added: ['li', 'wu', 'zheng', 'zhou'], notHired: ['new'] });
    expect(r.stderr).toContain('Not evaluated in 2026-11 (hired after it): new.');
    expect((await ok(['evals', 'open', '--period', '2026-12', '--json'])).json<{ added: string[] }>().added).toEqual(['li', 'new', 'wu', 'zheng', 'zhou']);
  });
});

describe('closing and inputs', () => {
  it('a month not yet over closes only with --early (a closed cycle is never reopened)', async () => {
    await ok(['evals', 'open', '--period', '2026-12']);
    expect((await reject(['evals', 'close', '--allow-missing'])).stderr).toBe('team: 2026-12 runs until 2026-12-31: a closed cycle cannot be reopened, so close it before then only with --early.\n');
    await ok(['evals', 'close', '--allow-missing'], '2026-12-31');
  });

  it('--period of a read names its flag', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    for (const cmd of [['evals', 'show', 'wu'], ['evals', 'report'], ['evals', 'rewards']]) {
      expect((await reject([...cmd, '--period', 'bad'])).stderr).toBe('team: --period: "bad" is not a month; write it as YYYY-MM, e.g. 2026-11.\n');
    }
  });

  it('refuses a part of the weights named twice, a range for a KPI that is not "within", a hex number', async () => {
    expect((await reject(['evals', 'open', '--period', '2026-11', '--weights', 'kpi=50,kpi=50'])).stderr).toBe('team: --weights: "kpi=50,kpi=50" is not a list like kpi=70,self=10,peer=10,lead=10.\n');
    expect((await reject(['kpis', 'add', 'Test', '--role', ROLE.presale, '--target', '90-95', '--threshold', '50-60', '--weight', '1'])).stderr).toBe('team: A range (low-high) is for a KPI within a band: add --direction within, or give one number.\n');
    expect((await reject(['kpis', 'edit', 'Work quality', '--role', ROLE.presale, '--target', '0x10'])).stderr).toBe('team: --target: "0x10" is not a number or a range like 20-35.\n');
  });

  it('new bands without a target take the best band as the target', async () => {
    await ok(['kpis', 'edit', 'First response time', '--role', ROLE.presale, '--bands', '20:100,40:80']);
    expect((await ok(['kpis', 'show', 'First response time', '--role', ROLE.presale, '--json'])).json()).toMatchObject({ target: 20, bands: [{ bound: 20, score: 100 }, { bound: 40, score: 80 }] });
  });

  it('an import reads decimals only: 0x20 is not 32', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'team-csv-')), 'hex.csv');
    writeFileSync(file, 'member,kpi,value\nwu,Efficiency,0x20\n');
    expect((await reject(['evals', 'import', file])).stderr).toBe('team: Line 2, column value: "0x20" is not a number.\n');
  });

  it('a member in no department has no department rank', async () => {
    await ok(['members', 'add', 'boss', '--name', 'The Boss', '--role', 'E-commerce director']);
    await ok(['evals', 'open', '--period', '2026-11', '--roles', 'E-commerce director']);
    await fx.record('boss', [['Whole-shop sales attainment', 100], ['Orders attainment', 100], ['Team goals attained', 90], ['Work quality', 95], ['Efficiency', 95]]);
    const report = (await ok(['evals', 'report', '--period', '2026-11', '--json'])).json<{ ranking: { handle: string; rank: number; departmentRank: number | null }[] }>();
    expect(report.ranking).toEqual([expect.objectContaining({ handle: 'boss', rank: 1, departmentRank: null })]);
    expect(await query(fx.db, "select department_id from eval_evaluations")).toEqual([{ department_id: null }]);
  });

  it('a KPI renamed keeps its seasons: 双11 still scores the renamed satisfaction of the pre-sale role', async () => {
    await ok(['kpis', 'edit', 'Customer satisfaction', '--role', ROLE.presale, '--name', 'Satisfaction']);
    await ok(['evals', 'open', '--period', '2026-11', '--roles', ROLE.presale]);
    const items = (await ok(['evals', 'show', 'wu', '--period', '2026-11', '--json'])).json<{ evaluation: { items: { name: string; seasons: { season: string; days: number }[] }[] } }>().evaluation.items;
    expect(items.find((i) => i.name === 'Satisfaction')!.seasons).toEqual([expect.objectContaining({ season: 'Double 11', days: 11 })]);
    // The manager's KPI of the old name keeps the season's override for every role.
    await ok(['evals', 'open', '--period', '2026-11', '--roles', ROLE.manager]);
    const zhou = (await ok(['evals', 'show', 'zhou', '--period', '2026-11', '--json'])).json<{ evaluation: { items: { name: string; seasons: unknown[] }[] } }>().evaluation.items;
    expect(zhou.find((i) => i.name === 'Customer satisfaction')!.seasons).toHaveLength(1);
  });

  it('every value a KPI was given is kept: an appeal changes the value, the history keeps both', async () => {
    await closedNovember();
    await ok(['evals', 'appeal', 'zheng', '--period', '2026-11', '--reason', 'conversion miscounted']);
    await ok(['evals', 'record', 'zheng', 'Inquiry conversion', '--value', '60', '--period', '2026-11']);
    const rows = await query(fx.db, "select v.value, v.value_source from eval_item_values v join eval_items i on i.id = v.item_id join eval_evaluations e on e.id = i.evaluation_id join members m on m.id = e.member_id where m.handle = 'zheng' and i.name = 'Inquiry conversion' order by v.id");
    expect(rows).toEqual([
      { value: 40, value_source: 'manual' },
      { value: 60, value_source: 'manual' },
    ]);
  });

  it('clearing a season override keeps its row, out of force', async () => {
    await ok(['kpis', 'season', 'set', 'Double 11', 'First response time', '--clear']);
    expect(await query(fx.db, "select count(*) as n from eval_season_overrides o join eval_seasons s on s.id = o.season_id where s.name = 'Double 11' and o.kpi_name = 'First response time' and o.removed_at is not null")).toEqual([{ n: 1 }]);
    expect((await ok(['kpis', 'season', 'list', '--json'])).json<{ name: string; overrides: { kpi: string }[] }[]>().find((x) => x.name === 'Double 11')!.overrides.map((o) => o.kpi)).not.toContain('First response time');
  });
});
