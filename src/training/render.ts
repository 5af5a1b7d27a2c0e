/** How training looks to people: course, plan, session, status and report tables. */
import type { Column } from '../cli/output.js';
import { t } from '../i18n/index.js';
import { timeRange } from '../meetings/ui.js';
import { ATTENDEE_LABEL, DROP_REASON_LABEL, FLAG_LABEL, FORMAT_LABEL, KIND_LABEL, SOURCE_LABEL, STATUS_LABEL } from './labels.js';
import type { Assessment, AssessmentKind, AttendeeStatus, Course, CourseFormat, DueFlag, ItemStatus, PlanItem, PlanSource, Session } from './rules/training.js';
import type { CourseReport, MemberTraining, StatusItem } from './views.service.js';

export const formatText = (f: CourseFormat) => t(FORMAT_LABEL[f]);
export const kindText = (k: AssessmentKind) => t(KIND_LABEL[k]);
export const sourceText = (s: PlanSource) => t(SOURCE_LABEL[s]);
export const statusText = (s: ItemStatus) => t(STATUS_LABEL[s]);
export const flagText = (f: DueFlag | null) => (f ? t(FLAG_LABEL[f]) : '');
export const attendeeText = (s: AttendeeStatus) => t(ATTENDEE_LABEL[s]);
export const dropReasonText = (r: string | null) => (r === null ? '' : DROP_REASON_LABEL[r] ? t(DROP_REASON_LABEL[r]!) : r);
const list = (xs: readonly string[]) => xs.join(t('list.separator'));
const pct = (v: number | null) => (v === null ? '' : `${v}%`);
const num = (v: number | null) => (v === null ? '' : v);

/** "3 months", "none". */
export const refreshText = (months: number | null) => (months === null ? t('training.refresh.none') : months === 1 ? t('training.refresh.month') : t('training.refresh.months', { n: months }));
/** "theory, simulation", or "completion" for a course no assessment passes. */
export const assessmentsText = (kinds: readonly AssessmentKind[]) => (kinds.length === 0 ? t('training.assess.completion') : list(kinds.map(kindText)));

/** The first two roles and how many more: a table's cell (CSV, Markdown, JSON and show name them all). */
export const rolesText = (roles: readonly string[]) => (roles.length <= 2 ? list(roles) : `${list(roles.slice(0, 2))} +${roles.length - 2}`);

export const courseColumns: readonly Column<Course>[] = [
  { header: 'col.id', value: (c) => c.id, align: 'right' },
  { header: 'training.col.course', value: (c) => c.title, wrap: 20 },
  { header: 'training.col.topic', value: (c) => c.topic, wrap: 12, priority: 4 },
  { header: 'training.col.format', value: (c) => formatText(c.format), priority: 3 },
  { header: 'training.col.hours', value: (c) => c.hours, align: 'right', priority: 5 },
  { header: 'training.col.assess', value: (c) => assessmentsText(c.assessments), wrap: 14 },
  { header: 'training.col.passMark', value: (c) => (c.assessments.length ? c.passMark : ''), align: 'right', priority: 2 },
  { header: 'training.col.refresh', value: (c) => (c.refreshMonths === null ? '' : refreshText(c.refreshMonths)), priority: 1 },
  { header: 'training.col.onboarding', value: (c) => (c.onboarding ? '✓' : ''), priority: 6 },
  { header: 'training.col.roles', value: (c) => rolesText(c.roles), plain: (c) => list(c.roles), wrap: 24, priority: 7 },
  { header: 'training.col.retired', value: (c) => (c.retiredAt ? c.retiredAt.slice(0, 10) : ''), hideEmpty: true },
];

export const planItemColumns: readonly Column<PlanItem>[] = [
  { header: 'col.id', value: (i) => i.id, align: 'right' },
  { header: 'training.col.member', value: (i) => i.member },
  { header: 'training.col.course', value: (i) => i.course, wrap: 20 },
  { header: 'training.col.source', value: (i) => sourceText(i.source), priority: 2 },
  { header: 'training.col.status', value: (i) => statusText(i.status) },
  { header: 'training.col.due', value: (i) => i.due },
];

const score = (m: MemberTraining, k: AssessmentKind) => m.latest[k]?.score ?? null;

export const statusColumns: readonly Column<MemberTraining>[] = [
  { header: 'training.col.member', value: (m) => m.handle },
  { header: 'training.col.name', value: (m) => m.name, priority: 5 },
  { header: 'training.col.role', value: (m) => m.role, wrap: 14, priority: 6 },
  { header: 'training.col.done', value: (m) => (m.courses === 0 ? '' : `${m.current}/${m.courses}`), plain: (m) => m.current, align: 'right' },
  { header: 'training.col.donePct', value: (m) => pct(m.donePct), plain: (m) => m.donePct, align: 'right' },
  { header: 'training.col.overdue', value: (m) => (m.overdue ? m.overdue : ''), align: 'right' },
  { header: 'training.col.dueSoon', value: (m) => (m.dueSoon ? m.dueSoon : ''), align: 'right', priority: 3 },
  { header: 'training.col.refreshers', value: (m) => (m.refreshersDue ? m.refreshersDue : ''), align: 'right', priority: 4 },
  { header: 'training.col.theory', value: (m) => num(score(m, 'theory')), align: 'right', priority: 2 },
  { header: 'training.col.simulation', value: (m) => num(score(m, 'simulation')), align: 'right', priority: 2 },
  { header: 'training.col.practical', value: (m) => num(score(m, 'practical')), align: 'right', priority: 2 },
];

export const statusItemColumns: readonly Column<StatusItem>[] = [
  { header: 'training.col.course', value: (i) => i.course, wrap: 20 },
  { header: 'training.col.source', value: (i) => sourceText(i.source), priority: 2 },
  { header: 'training.col.status', value: (i) => statusText(i.status) },
  { header: 'training.col.due', value: (i) => (i.passedOn ? '' : i.due) },
  { header: 'training.col.flag', value: (i) => flagText(i.flag), hideEmpty: true },
  { header: 'training.col.passedOn', value: (i) => i.passedOn, priority: 1 },
];

const effectText = (e: CourseReport['goalEffect'], unit = '%') => (e.members === 0 ? '' : `${e.before}${unit} → ${e.after}${unit}`);
const changeText = (v: number | null) => (v === null ? '' : `${v > 0 ? '+' : ''}${v}`);

export const reportColumns: readonly Column<CourseReport>[] = [
  { header: 'training.col.course', value: (r) => r.course, wrap: 18 },
  { header: 'training.col.trained', value: (r) => r.trained, align: 'right' },
  { header: 'training.col.assessed', value: (r) => r.assessed, align: 'right', priority: 6 },
  { header: 'training.col.firstTry', value: (r) => pct(r.firstTryPct), plain: (r) => r.firstTryPct, align: 'right' },
  { header: 'training.col.passRate', value: (r) => pct(r.passPct), plain: (r) => r.passPct, align: 'right' },
  { header: 'training.col.theory', value: (r) => num(r.meanScore.theory), align: 'right', priority: 3 },
  { header: 'training.col.simulation', value: (r) => num(r.meanScore.simulation), align: 'right', priority: 3 },
  { header: 'training.col.practical', value: (r) => num(r.meanScore.practical), align: 'right', priority: 3 },
  { header: 'training.col.hours', value: (r) => r.hours, align: 'right', priority: 4 },
  // The effect is what the report is for: it gives way last.
  { header: 'training.col.goalEffect', value: (r) => effectText(r.goalEffect), plain: (r) => (r.goalEffect.members === 0 ? null : `${r.goalEffect.before} -> ${r.goalEffect.after}`), priority: 1 },
  { header: 'training.col.change', value: (r) => changeText(r.goalEffect.change), plain: (r) => r.goalEffect.change, align: 'right', priority: 2 },
  { header: 'training.col.kpiEffect', value: (r) => effectText(r.kpiEffect, ''), plain: (r) => (r.kpiEffect.members === 0 ? null : `${r.kpiEffect.before} -> ${r.kpiEffect.after}`), hideEmpty: true, priority: 1 },
  { header: 'training.col.kpiChange', value: (r) => changeText(r.kpiEffect.change), plain: (r) => r.kpiEffect.change, align: 'right', hideEmpty: true, priority: 2 },
];

export const attemptColumns: readonly Column<Assessment>[] = [
  { header: 'training.col.date', value: (a) => a.assessedOn },
  { header: 'training.col.course', value: (a) => a.course, wrap: 20 },
  { header: 'training.col.kind', value: (a) => kindText(a.kind) },
  { header: 'training.col.score', value: (a) => a.score, align: 'right' },
  { header: 'training.col.result', value: (a) => t(a.passed ? 'training.result.pass' : 'training.result.fail') },
  { header: 'training.col.assessor', value: (a) => a.assessor, priority: 2, hideEmpty: true },
  { header: 'training.col.note', value: (a) => a.note, wrap: 20, priority: 1, hideEmpty: true },
];

/** An overdue item of a member, for `status --overdue` as a list. */
export interface OverdueRow extends StatusItem {
  member: string;
}

export const overdueColumns: readonly Column<OverdueRow>[] = [
  { header: 'training.col.member', value: (r) => r.member },
  { header: 'training.col.course', value: (r) => r.course, wrap: 20 },
  { header: 'training.col.source', value: (r) => sourceText(r.source), priority: 1 },
  { header: 'training.col.status', value: (r) => statusText(r.status) },
  { header: 'training.col.due', value: (r) => r.due },
];

/** 14:00–15:30, as a meeting's time is written. */
export const sessionTime = (s: Pick<Session, 'time' | 'durationMin'>): string => timeRange(s.time, s.durationMin);

export const sessionColumns: readonly Column<Session>[] = [
  { header: 'col.id', value: (s) => s.id, align: 'right' },
  { header: 'training.col.date', value: (s) => s.date },
  { header: 'training.col.time', value: sessionTime },
  { header: 'training.col.course', value: (s) => s.course, wrap: 20 },
  { header: 'training.col.trainer', value: (s) => s.trainer, priority: 3, hideEmpty: true },
  { header: 'training.col.place', value: (s) => s.place, wrap: 16, priority: 2, hideEmpty: true },
  { header: 'training.col.attendees', value: (s) => s.attendees.length, align: 'right' },
  { header: 'training.col.present', value: (s) => (s.attendedAt ? s.attendees.filter((a) => a.status === 'present').length : ''), align: 'right', priority: 1 },
];
