/** `team report team`: a row per department and one for the whole team, series as long as --months. */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/cli/table.js';
import { query } from '../../helpers.js';
import { DEPT, reportsFixture } from '../fixture.js';

interface Dept {
  department: string | null;
  members: number;
  goalAttainment: (number | null)[];
  attendance: (number | null)[];
  kpiMean: (number | null)[];
  goalsAtRisk: number;
  actionsOverdue: number;
}
interface Dashboard {
  months: string[];
  departments: Dept[];
}

describe('report team', () => {
  const fx = reportsFixture();
  const dash = (flags: string[] = []) => fx.json<Dashboard>(['report', 'team', ...flags]);

  it('has a row per department and the whole team last, six months by default', async () => {
    const d = await dash();
    expect(Object.keys(d)).toEqual(['months', 'departments']);
    expect(d.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const depts = await query<{ name: string }>(fx.db, 'select name from departments');
    expect(d.departments.map((x) => x.department).slice(0, -1).sort()).toEqual(depts.map((x) => x.name).sort());
    expect(d.departments.at(-1)).toMatchObject({ department: null, members: 4 });
    for (const x of d.departments) for (const s of [x.goalAttainment, x.attendance, x.kpiMean]) expect(s).toHaveLength(6);
  });

  it('values: attainment of the goals due each month (clamped), attendance and the locked KPI mean', async () => {
    const d = await dash();
    const row = (name: string | null) => d.departments.find((x) => x.department === name)!;
    // November: zheng's goal at 105 % (100), li's at 20 %.
    expect(row(DEPT.cs)).toMatchObject({ members: 3, goalAttainment: [null, null, null, null, null, 100], kpiMean: [null, null, null, null, 100, null], goalsAtRisk: 2, actionsOverdue: 1 });
    expect(row(DEPT.ops)).toMatchObject({ members: 1, goalAttainment: [null, null, null, null, null, 20], attendance: [null, null, null, null, null, 75], goalsAtRisk: 0, actionsOverdue: 0 });
    // 13 of 16 present or late in November.
    expect(row(null)).toMatchObject({ goalAttainment: [null, null, null, null, null, 60], attendance: [null, null, null, null, null, 81.3], kpiMean: [null, null, null, null, 100, null], goalsAtRisk: 2, actionsOverdue: 1 });
    expect(row(DEPT.cs).attendance.at(-1)).toBe(83.3);
  });

  it('--dept keeps one row, without the whole team', async () => {
    const d = await dash(['--dept', DEPT.ops]);
    expect(d.departments.map((x) => x.department)).toEqual([DEPT.ops]);
  });

  it.each([['2', 2], ['12', 12], ['24', 24]])('--months %s: series of %i months ending this month', async (m, n) => {
    const d = await dash(['--months', m]);
    expect(d.months).toHaveLength(n);
    expect(d.months.at(-1)).toBe('2026-11');
    for (const x of d.departments) expect(x.goalAttainment).toHaveLength(n);
  });

  it.each([['1'], ['25'], ['0'], ['abc'], ['6.5'], ['-3']])('--months %s: exit 2', async (m) => {
    await fx.reject(['report', 'team', '--months', m]);
  });

  it('--dept unknown: exit 2, the closest suggested', async () => {
    expect((await fx.reject(['report', 'team', '--dept', 'Opertions'])).stderr).toMatch(/Operations/);
  });

  it('the table: sparklines as long as the months, the whole team row, fits 80 columns in en and zh', async () => {
    const out = (await fx.ok(['report', 'team'], { columns: 200 })).stdout;
    expect(out).toContain('Whole team');
    const line = out.split('\n').find((l) => l.includes('Customer service'))!;
    expect(line).toMatch(/·····█ 100/);
    for (const lang of ['en', 'zh']) {
      const narrow = (await fx.ok(['report', 'team'], { lang, columns: 80 })).stdout;
      expect(narrow.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    }
    const md = (await fx.ok(['report', 'team', '--format', 'md'])).stdout;
    expect(md).toMatch(/^- Whole team · 4 · /m);
    const csv = (await fx.ok(['report', 'team', '--format', 'csv', '--section', 'departments'])).stdout;
    expect(csv.startsWith('\uFEFFDepartment,People,')).toBe(true);
  });
});
