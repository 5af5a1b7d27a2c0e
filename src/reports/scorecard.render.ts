/** How the member scorecard and the team dashboard look: sections for format.ts, and their JSON. */
import { paint, type Column } from '../cli/output.js';
import { formatQuantity } from '../goals/ui.js';
import { t } from '../i18n/index.js';
import { sparkline } from '../shared/sparkline.js';
import { TRAINING_STATUS_LABEL } from '../training/ui.js';
import type { Section } from './format.js';
import type { Scorecard } from './member.service.js';
import { actionColumns, goalColumns, goalJson, actionJson } from './render.js';
import type { DeptTrend, TeamDashboard } from './team.service.js';

/** A 0–100 series as a sparkline on the fixed scale, a gap where a month has no value. */
export function trendLine(values: readonly (number | null)[]): string {
  return values.map((v) => (v === null ? '·' : sparkline([v], { min: 0, max: 100 }))).join('');
}

const last = (values: readonly (number | null)[]) => [...values].reverse().find((v) => v !== null) ?? null;
const num = (v: number | null) => (v === null ? '' : String(v));

type KpiRow = NonNullable<Scorecard['evaluation']>['items'][number] & { trend: (number | null)[] };
const kpiCols: Column<KpiRow>[] = [
  { header: 'reports.col.kpi', value: (k) => k.name, wrap: 24 },
  { header: 'reports.col.value', value: (k) => formatQuantity(k.value, k.unit, 2), plain: (k) => k.value, align: 'right' },
  { header: 'reports.col.score', value: (k) => num(k.score), align: 'right' },
  { header: 'reports.col.weight', value: (k) => k.weight, align: 'right', priority: 2 },
  { header: 'reports.col.trend', value: (k) => trendLine(k.trend), plain: (k) => k.trend.map(num).join(' '), priority: 1 },
];

type TrainingRow = NonNullable<Scorecard['training']>['items'][number];
const trainingCols: Column<TrainingRow>[] = [
  { header: 'reports.col.course', value: (r) => r.course, wrap: 24 },
  { header: 'reports.col.status', value: (r) => t(TRAINING_STATUS_LABEL[r.status]) },
  { header: 'reports.col.due', value: (r) => (r.flag === 'overdue' ? paint.bad(`${r.due} ${t('reports.overdue')}`) : r.passedOn ?? r.due), plain: (r) => r.passedOn ?? r.due },
];

export function scorecardTitle(c: Scorecard): string {
  return t('reports.title.member', { name: c.member.name, handle: c.member.handle, period: c.period });
}

export function scorecardSections(c: Scorecard, today: string): Section[] {
  const m = c.member;
  const e = c.evaluation;
  const kpis: KpiRow[] = e === null ? [] : e.items.map((k) => ({ ...k, trend: c.kpiTrend.find((x) => x.name === k.name)?.scores ?? [] }));
  const a = c.attendance;
  const s = <T>(x: Section<T>) => x as unknown as Section;
  return [
    s({
      name: 'profile',
      title: t('reports.sec.profile'),
      summary: [m.role ?? t('reports.noRole'), m.department, m.manager === null ? null : t('reports.manager', { name: m.manager }), m.hireDate === null ? null : t('reports.hired', { date: m.hireDate })].filter((x) => x !== null).join(' · '),
      rows: [],
      columns: [],
      more: 0,
      lines: c.duties.length === 0 ? [] : [t('reports.duties'), ...c.duties.map((d) => `- ${d}`)],
    }),
    s({ name: 'goals', title: t('reports.sec.goals'), summary: c.goals.length === 0 ? t('reports.none.memberGoals') : '', rows: c.goals, columns: goalColumns, more: 0 }),
    s({
      name: 'kpis',
      title: t('reports.sec.kpis'),
      summary: e === null ? t('reports.none.evaluation', { period: c.period }) : t('reports.sum.evaluation', { score: e.finalScore ?? '–', grade: e.grade ?? '–', rank: e.rank ?? '–', trend: trendLine(c.trend.map((p) => p.finalScore)) }),
      rows: kpis,
      columns: kpiCols,
      more: 0,
    }),
    s({ name: 'training', title: t('reports.sec.training'), summary: c.training === null || c.training.items.length === 0 ? t('reports.none.memberTraining') : t('reports.sum.memberTraining', { current: c.training.current, courses: c.training.courses, overdue: c.training.overdue }), rows: c.training?.items ?? [], columns: trainingCols, more: 0 }),
    s({ name: 'attendance', title: t('reports.sec.attendance'), summary: a.present + a.late + a.absent + a.excused === 0 ? t('reports.none.attendance') : t('reports.sum.attendance', { present: a.present, late: a.late, absent: a.absent, excused: a.excused, rate: a.ratePct === null ? '–' : `${a.ratePct}%` }), rows: [], columns: [], more: 0 }),
    s({ name: 'actions', title: t('reports.sec.actions'), summary: c.actions.length === 0 ? t('reports.none.actions') : '', rows: c.actions, columns: actionColumns(today), more: 0 }),
  ];
}

export function scorecardJson(c: Scorecard, today: string) {
  return { ...c, goals: c.goals.map(goalJson), actions: c.actions.map((x) => actionJson(x, today)) };
}

const deptCols: Column<DeptTrend>[] = [
  { header: 'reports.col.department', value: (d) => d.department ?? paint.bold(t('reports.wholeTeam')), plain: (d) => d.department ?? t('reports.wholeTeam') },
  { header: 'reports.col.members', value: (d) => d.members, align: 'right', priority: 3 },
  { header: 'reports.col.goalTrend', value: (d) => `${trendLine(d.goalAttainment)} ${num(last(d.goalAttainment))}`, plain: (d) => last(d.goalAttainment) },
  { header: 'reports.col.attendanceTrend', value: (d) => `${trendLine(d.attendance)} ${num(last(d.attendance))}`, plain: (d) => last(d.attendance) },
  { header: 'reports.col.kpiTrend', value: (d) => `${trendLine(d.kpiMean)} ${num(last(d.kpiMean))}`, plain: (d) => last(d.kpiMean) },
  { header: 'reports.col.atRisk', value: (d) => d.goalsAtRisk, align: 'right', priority: 1 },
  { header: 'reports.col.overdueActions', value: (d) => d.actionsOverdue, align: 'right', priority: 2 },
];

export function dashboardTitle(d: TeamDashboard): string {
  return t('reports.title.team', { from: d.months[0]!, to: d.months.at(-1)! });
}

export function dashboardSections(d: TeamDashboard): Section[] {
  return [{ name: 'departments', title: t('reports.sec.departments'), summary: t('reports.sum.departments', { months: d.months.length }), rows: d.departments, columns: deptCols as Column<unknown>[], more: 0 }];
}
