/** `team report member`: one person's scorecard against what the fixture put in. */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/cli/table.js';
import { query } from '../../helpers.js';
import { reportsFixture } from '../fixture.js';

interface Card {
  period: string;
  from: string;
  to: string;
  member: { handle: string; name: string; role: string | null; department: string | null; manager: string | null; hireDate: string | null };
  duties: string[];
  goals: { id: number; state: string; status: string }[];
  evaluation: { period: string; state: string; items: { name: string; value: number | null; score: number | null }[] } | null;
  trend: { period: string; finalScore: number | null }[];
  kpiTrend: { name: string; scores: (number | null)[] }[];
  training: { courses: number; current: number; overdue: number; items: { course: string; status: string; due: string }[] } | null;
  attendance: { present: number; late: number; absent: number; excused: number; ratePct: number | null };
  actions: { id: number; owner: string; overdue: boolean }[];
}

describe('report member', () => {
  const fx = reportsFixture();
  const card = (handle: string, flags: string[] = []) => fx.json<Card>(['report', 'member', handle, ...flags]);

  it('has the JSON shape: profile, duties from the role, goals, evaluation, trends, training, attendance, actions', async () => {
    const c = await card('wu');
    expect(Object.keys(c)).toEqual(['period', 'from', 'to', 'member', 'duties', 'goals', 'evaluation', 'trend', 'kpiTrend', 'training', 'attendance', 'actions']);
    expect([c.period, c.from, c.to]).toEqual(['2026-11', '2026-11-01', '2026-11-30']);
    expect(c.member).toMatchObject({ handle: 'wu', name: 'Wu Xue', role: 'Customer service specialist (pre-sale)', department: 'Customer service', manager: 'zhou', hireDate: '2024-01-02' });
    const duties = await query<{ text: string }>(fx.db, "select d.text from role_duties d join roles r on r.id = d.role_id where r.name = 'Customer service specialist (pre-sale)' order by d.position");
    expect(c.duties).toEqual(duties.map((d) => d.text));
    expect(c.duties.length).toBeGreaterThan(0);
  });

  it('goals: the open ones, and those closed within the month', async () => {
    expect((await card('wu')).goals.map((g) => g.id)).toEqual([1]);
    expect((await card('zheng')).goals.map((g) => [g.id, g.state])).toEqual([[2, 'achieved']]);
    // December: the goal closed in November is gone.
    expect((await card('zheng', ['--period', '2026-12'])).goals).toEqual([]);
  });

  it('KPIs: the month\'s evaluation, and each KPI\'s trend from the closed month before', async () => {
    const c = await card('wu');
    expect(c.evaluation).toMatchObject({ period: '2026-11', state: 'open' });
    expect(c.evaluation!.items.find((k) => k.name === 'First response time')).toMatchObject({ value: 30, score: 100 });
    const frt = c.kpiTrend.find((k) => k.name === 'First response time')!;
    expect(frt.scores.slice(-2)).toEqual([100, 100]);
    expect(c.kpiTrend.find((k) => k.name === 'Inquiry conversion')!.scores.slice(-2)).toEqual([100, null]);
    expect(c.trend.find((p) => p.period === '2026-10')?.finalScore).toBe(100);
    const oct = await card('wu', ['--period', '2026-10']);
    expect(oct.evaluation).toMatchObject({ period: '2026-10', state: 'closed' });
  });

  it('training and action items are the member\'s', async () => {
    const c = await card('zheng');
    expect(c.training).toMatchObject({ courses: 1, current: 0, overdue: 1 });
    expect(c.training!.items.map((i) => [i.course, i.due])).toEqual([['Company culture', '2026-11-20']]);
    expect(c.actions.map((a) => [a.id, a.owner, a.overdue])).toEqual([[3, 'zheng', false]]);
    expect((await card('wu')).actions.map((a) => [a.id, a.overdue])).toEqual([[1, true]]);
  });

  it('attendance counts match the minutes of the month', async () => {
    const rows = await query<{ status: string; n: number }>(fx.db, "select a.status, count(*) as n from meeting_attendance a join meeting_logs l on l.id = a.log_id join members m on m.id = a.member_id where m.handle = 'zheng' and l.held_on >= '2026-11-01' and l.held_on <= '2026-11-30' group by a.status");
    const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    const c = await card('zheng');
    expect(c.attendance).toMatchObject({ present: n('present'), late: n('late'), absent: n('absent'), excused: n('excused') });
    expect(c.attendance).toEqual({ present: 2, late: 0, absent: 2, excused: 0, ratePct: 50 });
    expect((await card('wu')).attendance).toMatchObject({ present: 3, late: 1, absent: 0 });
    // A month without minutes.
    expect((await card('wu', ['--period', '2026-09'])).attendance).toEqual({ present: 0, late: 0, absent: 0, excused: 0, ratePct: null });
  });

  it('Fixed: a member with no evaluation (li, not in the cycle) gets a card that says so (it used to exit 2 with "li has no evaluation in 2026-11")', async () => {
    const c = await card('li');
    expect([c.evaluation, c.trend, c.kpiTrend]).toEqual([null, [], []]);
    const out = (await fx.ok(['report', 'member', 'li'])).stdout;
    expect(out).toContain('No evaluation for 2026-11.');
    expect(out).toContain('Scorecard: Li Qiang (li) · 2026-11');
  });

  it('--section with json and csv, md without tables', async () => {
    expect(await fx.json<unknown>(['report', 'member', 'wu', '--section', 'profile'])).toMatchObject({ handle: 'wu' });
    expect(await fx.json<unknown>(['report', 'member', 'wu', '--section', 'attendance'])).toMatchObject({ present: 3 });
    const csv = (await fx.ok(['report', 'member', 'wu', '--format', 'csv', '--section', 'goals'])).stdout;
    expect(csv.startsWith('\uFEFFID,Goal,Owner')).toBe(true);
    const md = (await fx.ok(['report', 'member', 'wu', '--format', 'md'])).stdout;
    expect(md).not.toMatch(/[┌│└]/);
    expect(md.startsWith('## Scorecard: Wu Xue (wu) · 2026-11')).toBe(true);
  });

  it.each(['en', 'zh'])('its tables and duties fit COLUMNS=80 in %s', async (lang) => {
    const out = (await fx.ok(['report', 'member', 'wu'], { lang, columns: 80 })).stdout;
    const lines = out.split('\n').filter((l) => !l.startsWith('Role  ') && !l.startsWith('岗位  '));
    expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
  });

  it('Fixed: the profile line (role · department · manager · hire date) is not wrapped: 99 columns at COLUMNS=80', async () => {
    const out = (await fx.ok(['report', 'member', 'wu'], { columns: 80 })).stdout;
    expect(out.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
  });

  it('an unknown member: exit 2, the closest handle suggested', async () => {
    expect((await fx.reject(['report', 'member', 'zehng'])).stderr).toMatch(/zheng/);
  });

  it.each([['2026-13'], ['2026-1'], ['nov'], ['2026-11-01']])('--period %s: exit 2', async (p) => {
    expect((await fx.reject(['report', 'member', 'wu', '--period', p])).stderr).toContain(p);
  });

  it('--section typo: exit 2 with the closest', async () => {
    expect((await fx.reject(['report', 'member', 'wu', '--section', 'kpi'])).stderr).toMatch(/kpis/);
  });
});
