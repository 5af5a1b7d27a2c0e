/**
 * The reads of evaluations end to end, in-process: `team evals show` (with
 * --trend), `report` (ranking with ties, grade counts, KPI means, missing
 * data; --dept; CSV and Markdown), `list` and `rewards` (the preset's rules;
 * provisional while the cycle is open).
 */
import { describe, expect, it } from 'vitest';
import { evaluationsFixture, DEPT, KPIS, PRESALE_FULL, ROLE } from '../fixture.js';

const fx = evaluationsFixture();
const { ok, reject } = fx;

type Pairs = readonly (readonly [string, number])[];

/** December values that score a pre-sale member 80, 100, 66.67, 100, 100, 100: KPI 88.33 → 88.3, grade B. */
const PRESALE_DEC: Pairs = [
  ['First response time', 40],
  ['Inquiry conversion', 45],
  ['Customer satisfaction', 90],
  ['Complex issues answered within 24 h', 99],
  ['Work quality', 96],
  ['Efficiency', 95],
];
/**
 * zhou in December: satisfaction 66.67 × 30 % = 20, resolution (80 − 70) / 20 = 50 × 25 % = 12.5,
 * first response 80 × 20 % = 16, the rest 100 × 25 % = 25: 73.5, grade C.
 */
const MANAGER_DEC: Pairs = [
  ['Customer satisfaction', 90],
  ['Resolution rate', 80],
  ['First response time', 40],
  ['Team training done', 100],
  ['Work quality', 95],
  ['Efficiency', 95],
];

interface ShowJson {
  evaluation: { handle: string; period: string; state: string; finalScore: number | null; grade: string | null; items: { name: string; score: number | null }[] };
  trend?: { periods: { period: string; finalScore: number | null; grade: string | null }[]; kpis: { name: string; unit: string | null; scores: (number | null)[]; values: (number | null)[] }[] };
}

const showJson = async (args: string[]) => (await ok(['evals', 'show', ...args, '--json'])).json<ShowJson>();

describe('evals show', () => {
  it("shows the member's latest evaluation by default, another with --period", async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['evals', 'open', '--period', '2026-12', '--dept', DEPT.cs]);
    await fx.record('wu', PRESALE_FULL, '2026-11');
    await fx.record('wu', PRESALE_DEC, '2026-12');
    const latest = await showJson(['wu']);
    expect(latest.evaluation).toMatchObject({ handle: 'wu', period: '2026-12', state: 'open', finalScore: 88.3, grade: 'B' });
    expect(latest.trend).toBeUndefined();
    expect((await showJson(['wu', '--period', '2026-11'])).evaluation).toMatchObject({ period: '2026-11', finalScore: 100, grade: 'A' });
    // li is in November only: his latest is November.
    expect((await showJson(['li'])).evaluation.period).toBe('2026-11');
    const table = await ok(['evals', 'show', 'wu']);
    expect(table.stdout).toContain('Wu Xue (wu) · Customer service specialist (pre-sale) · Customer service · 2026-12 (open)');
    expect(table.stdout).toContain('Parts: KPI 88.33 (100%)');
    // An open cycle is ranked by the report, as it stands; show gives ranks once it is closed (the locked scores).
    expect(table.stdout).toContain('Final 88.3 · grade B (ranked when the cycle closes; `team evals report` ranks it as it stands)');
    expect(latest.evaluation).toMatchObject({ rank: null, departmentRank: null });
    await ok(['evals', 'close', '--period', '2026-11', '--allow-missing']);
    expect((await showJson(['wu', '--period', '2026-11'])).evaluation).toMatchObject({ rank: 1, departmentRank: 1 });
    expect(table.stderr).toBe('');
    const nov = await ok(['evals', 'show', 'wu', '--period', '2026-11']);
    expect(nov.stdout).toContain('Double 11 covers 11 of 30 days: First response time, Customer satisfaction score by its targets for those days (pro rata).');
    const li = await ok(['evals', 'show', 'li']);
    expect(li.stdout).toContain('No final score yet: missing Sales attainment, Orders attainment, New customers, Conversion rate, Work quality, Efficiency.');
  });

  it('refuses a member never evaluated, a member not in the period, a period without a cycle, a bad --trend', async () => {
    await ok(['evals', 'open', '--period', '2026-11', '--dept', DEPT.cs]);
    expect((await reject(['evals', 'show', 'ma'])).stderr).toBe('team: ma has not been evaluated yet.\n');
    expect((await reject(['evals', 'show', 'li'])).stderr).toBe('team: li has not been evaluated yet.\n');
    expect((await reject(['evals', 'show', 'li', '--period', '2026-11'])).stderr).toBe('team: li has no evaluation in 2026-11.\n');
    expect((await reject(['evals', 'show', 'wu', '--period', '2026-09'])).stderr).toMatch(/^team: No evaluation cycle matches "2026-09"/);
    expect((await reject(['evals', 'show', 'nobody'])).stderr).toMatch(/^team: No member matches "nobody"/);
    expect((await reject(['evals', 'show', 'wu', '--trend', '1'])).stderr).toBe('team: --trend: 2 to 36 periods (got 1).\n');
    expect((await reject(['evals', 'show', 'wu', '--trend', '37'])).stderr).toBe('team: --trend: 2 to 36 periods (got 37).\n');
    expect((await reject(['evals', 'show', 'wu', '--trend', 'six'])).stderr).toBe('team: --trend: 2 to 36 periods (got six).\n');
  });

  describe('--trend after three cycles', () => {
    async function threeCycles(): Promise<void> {
      for (const p of ['2026-10', '2026-11', '2026-12']) await ok(['evals', 'open', '--period', p]);
      await fx.record('wu', PRESALE_FULL, '2026-10');
      // November: first response 50 s (74.67 with 双11), conversion 40 % (80): KPI 88.67 → 88.7.
      await fx.record('wu', [['First response time', 50], ['Inquiry conversion', 40], ...PRESALE_FULL.slice(2)], '2026-11');
      await fx.record('wu', PRESALE_DEC, '2026-12');
    }

    it('gives each period and each KPI its score, oldest first', async () => {
      await threeCycles();
      const r = await showJson(['wu', '--trend', '3']);
      expect(r.evaluation.period).toBe('2026-12');
      expect(r.trend!.periods).toEqual([
        { period: '2026-10', finalScore: 100, grade: 'A' },
        { period: '2026-11', finalScore: 88.7, grade: 'B' },
        { period: '2026-12', finalScore: 88.3, grade: 'B' },
      ]);
      expect(r.trend!.kpis).toEqual([
        { name: 'First response time', unit: 's', scores: [100, 74.67, 80], values: [25, 50, 40] },
        { name: 'Inquiry conversion', unit: '%', scores: [100, 80, 100], values: [50, 40, 45] },
        { name: 'Customer satisfaction', unit: '%', scores: [100, 100, 66.67], values: [97, 97, 90] },
        { name: 'Complex issues answered within 24 h', unit: '%', scores: [100, 100, 100], values: [99, 99, 99] },
        { name: 'Work quality', unit: '%', scores: [100, 100, 100], values: [96, 96, 96] },
        { name: 'Efficiency', unit: '%', scores: [100, 100, 100], values: [95, 95, 95] },
      ]);
      // Two periods: the last two.
      expect((await showJson(['wu', '--trend', '2'])).trend!.periods.map((p) => p.period)).toEqual(['2026-11', '2026-12']);
      // A KPI not measured in a period has no score there.
      expect((await showJson(['zheng', '--trend', '3'])).trend!.kpis[0]).toEqual({ name: 'First response time', unit: 's', scores: [null, null, null], values: [null, null, null] });
    });

    it('the table draws a sparkline per KPI and for the final score', async () => {
      await threeCycles();
      const r = await ok(['evals', 'show', 'wu', '--trend', '3']);
      expect(r.stdout).toContain('Trend 2026-10 to 2026-12');
      // The trend's own table, after the KPI table of the period shown.
      const trend = r.stdout.slice(r.stdout.indexOf('Trend 2026-10'));
      const row = (name: string) => trend.split('\n').find((l) => l.startsWith(`│ ${name}`))!;
      // 100, 74.67, 80 on the 0–100 scale.
      expect(row('First response')).toContain('█▆▇');
      expect(row('First response')).toContain('100 · 74.67 · 80');
      expect(row('Work quality')).toContain('███');
      expect(row('Final')).toContain('100 A · 88.7 B · 88.3 B');
      // A period without a value is a dot.
      const zheng = await ok(['evals', 'show', 'zheng', '--trend', '3']);
      const zhengTrend = zheng.stdout.slice(zheng.stdout.indexOf('Trend 2026-10'));
      expect(zhengTrend.split('\n').find((l) => l.startsWith('│ Efficiency'))).toContain('···');
    });

    // Bug: showEvaluation reads the member's last N evaluations (N = --trend) counted from the LATEST
    // cycle, then drops those after --period: `evals show wu --period 2026-11 --trend 2` gives one period
    // (2026-11) instead of 2026-10 and 2026-11, and "Trend 2026-11 to 2026-11 (1 periods)" in the table.
    it('--trend with --period ends at that period and still counts back N periods', async () => {
      await threeCycles();
      const r = await showJson(['wu', '--period', '2026-11', '--trend', '2']);
      expect(r.evaluation.period).toBe('2026-11');
      expect(r.trend!.periods.map((p) => p.period)).toEqual(['2026-10', '2026-11']);
    });
  });
});

interface ReportJson {
  period: string;
  state: string;
  department: string | null;
  evaluations: number;
  scored: number;
  meanScore: number | null;
  ranking: { rank: number | null; departmentRank: number | null; handle: string; name: string; department: string | null; role: string | null; kpiScore: number | null; finalScore: number | null; grade: string | null; state: string }[];
  gradeCounts: { grade: string; count: number }[];
  kpis: { kpi: string; unit: string | null; members: number; recorded: number; meanValue: number | null; meanScore: number | null }[];
  missing: { handle: string; name: string; missing: string[] }[];
}

/** December open for everyone: wu and zheng on identical values (88.3, tied first), zhou 73.5 (third), li with nothing. */
async function december(): Promise<void> {
  await ok(['evals', 'open']);
  await fx.record('wu', PRESALE_DEC, '2026-12');
  await fx.record('zheng', PRESALE_DEC, '2026-12');
  await fx.record('zhou', MANAGER_DEC, '2026-12');
}

const ranked = (rank: number, handle: string, name: string, role: string, score: number, grade: string) => ({ rank, departmentRank: rank, handle, name, department: DEPT.cs, role, kpiScore: score, finalScore: score, grade, state: 'open' });

describe('evals report', () => {
  it('--json: the ranking (ties share a rank, the next skips), grade counts, each KPI’s mean, who misses data', async () => {
    await december();
    const r = await ok(['evals', 'report', '--json']);
    expect(r.stderr).toBe('');
    const rep = r.json<ReportJson>();
    expect(rep).toEqual({
      period: '2026-12',
      from: '2026-12-01',
      to: '2026-12-31',
      state: 'open',
      weights: { kpi: 100, self: 0, peer: 0, lead: 0 },
      grades: [
        { name: 'A', min: 90 },
        { name: 'B', min: 75 },
        { name: 'C', min: 60 },
        { name: 'D', min: 0 },
      ],
      department: null,
      evaluations: 4,
      scored: 3,
      // (88.3 + 88.3 + 73.5) / 3 = 83.37.
      meanScore: 83.37,
      ranking: [
        { ...ranked(1, 'wu', 'Wu Xue', ROLE.presale, 88.3, 'B'), kpiScore: 88.33 },
        { ...ranked(1, 'zheng', 'Zheng Hao', ROLE.presale, 88.3, 'B'), kpiScore: 88.33 },
        ranked(3, 'zhou', 'Zhou Yang', ROLE.manager, 73.5, 'C'),
        { rank: null, departmentRank: null, handle: 'li', name: 'Li Qiang', department: DEPT.ops, role: ROLE.ops, kpiScore: null, finalScore: null, grade: null, state: 'open' },
      ],
      gradeCounts: [
        { grade: 'A', count: 0 },
        { grade: 'B', count: 2 },
        { grade: 'C', count: 1 },
        { grade: 'D', count: 0 },
      ],
      kpis: [
        { kpi: 'Sales attainment', unit: '%', members: 1, recorded: 0, meanValue: null, meanScore: null },
        { kpi: 'Orders attainment', unit: '%', members: 1, recorded: 0, meanValue: null, meanScore: null },
        { kpi: 'New customers', unit: 'people', members: 1, recorded: 0, meanValue: null, meanScore: null },
        { kpi: 'Conversion rate', unit: '%', members: 1, recorded: 0, meanValue: null, meanScore: null },
        // (96 + 96 + 95) / 3.
        { kpi: 'Work quality', unit: '%', members: 4, recorded: 3, meanValue: 95.67, meanScore: 100 },
        { kpi: 'Efficiency', unit: '%', members: 4, recorded: 3, meanValue: 95, meanScore: 100 },
        { kpi: 'First response time', unit: 's', members: 3, recorded: 3, meanValue: 40, meanScore: 80 },
        { kpi: 'Inquiry conversion', unit: '%', members: 2, recorded: 2, meanValue: 45, meanScore: 100 },
        { kpi: 'Customer satisfaction', unit: '%', members: 3, recorded: 3, meanValue: 90, meanScore: 66.67 },
        { kpi: 'Complex issues answered within 24 h', unit: '%', members: 2, recorded: 2, meanValue: 99, meanScore: 100 },
        { kpi: 'Resolution rate', unit: '%', members: 1, recorded: 1, meanValue: 80, meanScore: 50 },
        { kpi: 'Team training done', unit: '%', members: 1, recorded: 1, meanValue: 100, meanScore: 100 },
      ],
      missing: [{ handle: 'li', name: 'Li Qiang', missing: KPIS.ops.map(([n]) => n) }],
    });
  });

  it('--dept: only that department, ranked as in the whole team', async () => {
    await december();
    const cs = (await ok(['evals', 'report', '--dept', DEPT.cs, '--json'])).json<ReportJson>();
    expect(cs).toMatchObject({ department: DEPT.cs, evaluations: 3, scored: 3, meanScore: 83.37, missing: [] });
    expect(cs.ranking.map((x) => [x.handle, x.rank, x.departmentRank])).toEqual([
      ['wu', 1, 1],
      ['zheng', 1, 1],
      ['zhou', 3, 3],
    ]);
    expect(cs.kpis.map((k) => k.kpi)).not.toContain('Sales attainment');
    const ops = (await ok(['evals', 'report', '--dept', DEPT.ops, '--json'])).json<ReportJson>();
    expect(ops).toMatchObject({ department: DEPT.ops, evaluations: 1, scored: 0, meanScore: null, gradeCounts: [{ grade: 'A', count: 0 }, { grade: 'B', count: 0 }, { grade: 'C', count: 0 }, { grade: 'D', count: 0 }] });
    expect((await reject(['evals', 'report', '--dept', 'Nowhere'])).stderr).toMatch(/^team: No department matches "Nowhere"/);
  });

  it('the table: head, summary on stderr, ranking, KPI means, missing data', async () => {
    await december();
    const r = await ok(['evals', 'report']);
    expect(r.stdout).toContain('Evaluations 2026-12 (open) · whole team · KPI 100%');
    expect(r.stdout).toContain('Team mean per KPI');
    expect(r.stdout).toContain('Missing data\n  li: Sales attainment, Orders attainment, New customers, Conversion rate, Work quality, Efficiency');
    expect(r.stderr).toBe('4 evaluated, 3 scored, mean 83.37; grades A 0, B 2, C 1, D 0.\n');
    const lines = r.stdout.split('\n');
    const row = (handle: string) => lines.find((l) => new RegExp(`│ ${handle} +│`).test(l))!;
    expect(row('wu')).toMatch(/^│ +1 │ wu /);
    expect(row('zheng')).toMatch(/^│ +1 │ zheng /);
    expect(row('zhou')).toMatch(/^│ +3 │ zhou /);
    expect(row('li')).toMatch(/^│ +— │ li /);
    const cs = await ok(['evals', 'report', '--dept', DEPT.cs]);
    expect(cs.stdout).toContain('Evaluations 2026-12 (open) · Customer service · KPI 100%');
    expect(cs.stderr).toBe('3 evaluated, 3 scored, mean 83.37; grades A 0, B 2, C 1, D 0.\nNo data missing.\n');
  });

  it('--format csv and md: the ranking', async () => {
    await december();
    const csv = await ok(['evals', 'report', '--format', 'csv']);
    expect(csv.stdout).toBe(
      [
        '\uFEFFRank,Member,Name,Department,In dept,KPI,Final,Grade',
        '1,wu,Wu Xue,Customer service,1,88.33,88.3,B',
        '1,zheng,Zheng Hao,Customer service,1,88.33,88.3,B',
        '3,zhou,Zhou Yang,Customer service,3,73.5,73.5,C',
        ',li,Li Qiang,Operations,,,,',
        '',
      ].join('\n'),
    );
    expect(csv.stderr).toBe('');
    const md = await ok(['evals', 'report', '--format', 'md', '--dept', DEPT.cs]);
    expect(md.stdout).toBe(
      [
        '| Rank | Member | Name | Department | In dept | KPI | Final | Grade |',
        '| ---: | --- | --- | --- | ---: | ---: | ---: | --- |',
        '| 1 | wu | Wu Xue | Customer service | 1 | 88.33 | 88.3 | B |',
        '| 1 | zheng | Zheng Hao | Customer service | 1 | 88.33 | 88.3 | B |',
        '| 3 | zhou | Zhou Yang | Customer service | 3 | 73.5 | 73.5 | C |',
        '',
      ].join('\n'),
    );
  });

  it('without cycles: refused', async () => {
    expect((await reject(['evals', 'report'])).stderr).toBe('team: No evaluation cycle yet: open one with `team evals open --period YYYY-MM`.\n');
  });
});

describe('evals list', () => {
  it('lists the cycles latest first, with the counts and the mean of the locked scores', async () => {
    const none = await ok(['evals', 'list']);
    expect(none.stderr).toBe('No evaluation cycles yet: open one with `team evals open --period YYYY-MM`.\n');
    expect((await ok(['evals', 'list', '--json'])).json()).toEqual([]);
    await ok(['evals', 'open', '--period', '2026-10']);
    await fx.record('wu', PRESALE_FULL, '2026-10');
    await fx.record('zheng', [['First response time', 25], ['Inquiry conversion', 40], ...PRESALE_FULL.slice(2)], '2026-10');
    await ok(['evals', 'close', '--period', '2026-10', '--allow-missing']);
    await ok(['evals', 'open', '--period', '2026-11', '--dept', DEPT.cs, '--weights', 'kpi=80,lead=20']);
    await december();
    const rows = (await ok(['evals', 'list', '--json'])).json();
    expect(rows).toEqual([
      // An open cycle's scores are not locked yet: none counted.
      { period: '2026-12', from: '2026-12-01', to: '2026-12-31', state: 'open', weights: { kpi: 100, self: 0, peer: 0, lead: 0 }, evaluations: 4, scored: 0, meanScore: null, appeals: 0, closedAt: null },
      { period: '2026-11', from: '2026-11-01', to: '2026-11-30', state: 'open', weights: { kpi: 80, self: 0, peer: 0, lead: 20 }, evaluations: 3, scored: 0, meanScore: null, appeals: 0, closedAt: null },
      // wu 100, zheng 95: mean 97.5.
      { period: '2026-10', from: '2026-10-01', to: '2026-10-31', state: 'closed', weights: { kpi: 100, self: 0, peer: 0, lead: 0 }, evaluations: 4, scored: 2, meanScore: 97.5, appeals: 0, closedAt: '2026-12-01T12:00:00.000Z' },
    ]);
    const table = await ok(['evals', 'list']);
    const lines = table.stdout.split('\n');
    expect(lines[1]).toMatch(/Period +│ State +│ Members +│ Scored +│ Mean score/);
    expect(lines.find((l) => l.includes('2026-10'))).toMatch(/│ 2026-10 +│ closed +│ +4 │ +2 │ +97.5 │/);
    expect(lines.find((l) => l.includes('2026-11'))).toContain('KPI 80%, lead 20%');
    expect((await ok(['evals', 'list', '--format', 'csv'])).stdout).toBe(
      ['\uFEFFPeriod,State,Members,Scored,Mean score,Appeals,Weights', '2026-12,open,4,0,,,KPI 100%', '2026-11,open,3,0,,,"KPI 80%, lead 20%"', '2026-10,closed,4,2,97.5,,KPI 100%', ''].join('\n'),
    );
  });
});

interface RewardsJson {
  period: string;
  state: string;
  rows: { handle: string; name: string; department: string | null; role: string | null; finalScore: number | null; grade: string | null; rank: number | null; departmentRank: number | null; kind: string | null; coefficient: number | null; text: string | null; rule: { id: number; grade: string | null; rankMax: number | null; department: string | null } | null }[];
}

/**
 * November for everyone: li 100 (A, first), wu 95 (A, second; first in
 * Customer service), zhou 87.5 (B), zheng 0 (D: nothing reaches a threshold,
 * even with 双11's targets).
 */
async function november(): Promise<void> {
  await ok(['evals', 'open', '--period', '2026-11']);
  await fx.record('li', [
    ['Sales attainment', 100],
    ['Orders attainment', 100],
    ['New customers', 500],
    ['Conversion rate', 3.5],
    ['Work quality', 95],
    ['Efficiency', 95],
  ]);
  await fx.record('wu', [['First response time', 25], ['Inquiry conversion', 40], ...PRESALE_FULL.slice(2)]);
  await fx.record('zhou', [
    ['Customer satisfaction', 97],
    ['Resolution rate', 80],
    ['First response time', 25],
    ['Team training done', 100],
    ['Work quality', 95],
    ['Efficiency', 95],
  ]);
  await fx.record('zheng', [
    ['First response time', 130],
    ['Inquiry conversion', 20],
    ['Customer satisfaction', 70],
    ['Complex issues answered within 24 h', 80],
    ['Work quality', 60],
    ['Efficiency', 60],
  ]);
}

describe('evals rewards', () => {
  it('gives each member what the preset rules say, in ranking order, with the rule that gave it', async () => {
    await november();
    await ok(['evals', 'close', '--period', '2026-11']);
    const r = await ok(['evals', 'rewards', '--period', '2026-11', '--json']);
    expect(r.stderr).toBe('');
    const rw = r.json<RewardsJson>();
    expect(rw.period).toBe('2026-11');
    expect(rw.state).toBe('closed');
    expect(rw.rows.map((x) => [x.handle, x.rank, x.departmentRank, x.grade, x.kind, x.coefficient ?? x.text, x.rule && [x.rule.id, x.rule.grade, x.rule.rankMax, x.rule.department]])).toEqual([
      ['li', 1, 1, 'A', 'bonus', 1.2, [1, 'A', null, null]],
      ['li', 1, 1, 'A', 'training', 'A place on an external course', [5, 'A', null, null]],
      ['li', 1, 1, 'A', 'title', 'Employee of the month (优秀员工奖)', [7, null, 1, null]],
      ['li', 1, 1, 'A', 'title', 'Monthly sales champion', [9, null, 1, DEPT.ops]],
      ['wu', 2, 1, 'A', 'bonus', 1.2, [1, 'A', null, null]],
      ['wu', 2, 1, 'A', 'training', 'A place on an external course', [5, 'A', null, null]],
      ['wu', 2, 1, 'A', 'title', 'Service star (服务之星)', [8, null, 1, DEPT.cs]],
      ['zhou', 3, 2, 'B', 'bonus', 1, [2, 'B', null, null]],
      ['zheng', 4, 3, 'D', 'bonus', 0.5, [4, 'D', null, null]],
      ['zheng', 4, 3, 'D', 'penalty', 'A one-month performance improvement plan', [6, 'D', null, null]],
    ]);
    expect(rw.rows[0]).toEqual({
      handle: 'li',
      name: 'Li Qiang',
      department: DEPT.ops,
      role: ROLE.ops,
      finalScore: 100,
      grade: 'A',
      rank: 1,
      departmentRank: 1,
      kind: 'bonus',
      coefficient: 1.2,
      text: null,
      rule: { id: 1, grade: 'A', rankMax: null, department: null },
    });
    expect(rw.rows.find((x) => x.handle === 'wu')!.finalScore).toBe(95);
    expect(rw.rows.find((x) => x.handle === 'zheng')!.finalScore).toBe(0);
  });

  it('--format csv for payroll; a closed cycle says nothing on stderr', async () => {
    await november();
    await ok(['evals', 'close', '--period', '2026-11']);
    const r = await ok(['evals', 'rewards', '--period', '2026-11', '--format', 'csv']);
    expect(r.stdout).toBe(
      [
        '\uFEFFRank,Member,Name,Final,Grade,Reward,Coefficient,What,Why',
        '1,li,Li Qiang,100,A,bonus,1.2,,grade A',
        '1,li,Li Qiang,100,A,training,,A place on an external course,grade A',
        '1,li,Li Qiang,100,A,title,,Employee of the month (优秀员工奖),rank ≤ 1',
        '1,li,Li Qiang,100,A,title,,Monthly sales champion,rank ≤ 1 in Operations',
        '2,wu,Wu Xue,95,A,bonus,1.2,,grade A',
        '2,wu,Wu Xue,95,A,training,,A place on an external course,grade A',
        '2,wu,Wu Xue,95,A,title,,Service star (服务之星),rank ≤ 1 in Customer service',
        '3,zhou,Zhou Yang,87.5,B,bonus,1,,grade B',
        '4,zheng,Zheng Hao,0,D,bonus,0.5,,grade D',
        '4,zheng,Zheng Hao,0,D,penalty,,A one-month performance improvement plan,grade D',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    const table = await ok(['evals', 'rewards', '--period', '2026-11']);
    expect(table.stderr).toBe('Rewards for 2026-11\n');
    expect(table.stdout).toContain('title: Service star');
  });

  it('an open cycle: the rewards are provisional (said on stderr), members without a score listed once with none', async () => {
    await december();
    const csv = await ok(['evals', 'rewards', '--format', 'csv']);
    expect(csv.stderr).toBe('Cycle 2026-12 is still open: these rewards are provisional until it is closed.\n');
    expect(csv.stdout.split('\n').filter((l) => l.includes(',li,'))).toEqual([',li,Li Qiang,,,,,,']);
    const table = await ok(['evals', 'rewards']);
    expect(table.stderr).toBe('Cycle 2026-12 is still open: these rewards are provisional until it is closed.\n');
    const rw = (await ok(['evals', 'rewards', '--json'])).json<RewardsJson>();
    expect(rw.state).toBe('open');
    // wu and zheng share the first rank: both get the rank-1 titles.
    expect(rw.rows.filter((x) => x.kind === 'title').map((x) => [x.handle, x.text])).toEqual([
      ['wu', 'Employee of the month (优秀员工奖)'],
      ['wu', 'Service star (服务之星)'],
      ['zheng', 'Employee of the month (优秀员工奖)'],
      ['zheng', 'Service star (服务之星)'],
    ]);
    expect(rw.rows.filter((x) => x.handle === 'li')).toEqual([
      { handle: 'li', name: 'Li Qiang', department: DEPT.ops, role: ROLE.ops, finalScore: null, grade: null, rank: null, departmentRank: null, kind: null, coefficient: null, text: null, rule: null },
    ]);
    // zhou's C has no rule but its bonus.
    expect(rw.rows.filter((x) => x.handle === 'zhou').map((x) => [x.kind, x.coefficient])).toEqual([['bonus', 0.8]]);
  });
});
