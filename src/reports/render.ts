/**
 * How the weekly report looks: a table per section for people (fitted to the
 * terminal), Markdown lists for chat (DingTalk and WeCom draw no tables),
 * CSV of one section, and the stable JSON shape.
 */
import { paint, type Column } from '../cli/output.js';
import { CYCLE_STATE_LABEL } from '../evaluations/ui.js';
import { formatQuantity, ownerLabel, progressBar, statusLabel, statusText } from '../goals/ui.js';
import type { GoalView } from '../goals/public.js';
import { t, type MessageKey } from '../i18n/index.js';
import { MEETING_KIND_LABEL } from '../meetings/ui.js';
import type { ActionItem, MeetingWeekRow } from '../meetings/public.js';
import { TRAINING_STATUS_LABEL } from '../training/ui.js';
import type { Session, TrainingRound } from '../training/public.js';
import type { CycleDigest } from '../evaluations/public.js';
import type { PppKind, PppLine } from './rules/ppp.js';
import type { WeeklyReport } from './weekly.service.js';
import type { Section } from './format.js';

/** The sections of the weekly report, in order; `--section` names one of them. */
export const WEEKLY_SECTIONS = ['goals', 'overdue', 'checkins', 'closed', 'meetings', 'absences', 'actions', 'training', 'sessions', 'evaluations', 'ppp'] as const;
export type WeeklySection = (typeof WEEKLY_SECTIONS)[number];

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '' : `${v}%`);
const short = (date: string | null) => (date === null ? '' : date.slice(5));

// ── JSON: the stable shape (README "report weekly --json") ─────────────────
export const goalJson = (g: GoalView) => ({ id: g.id, title: g.title, owner: g.owner, ownerType: g.ownerType, status: g.status, stale: g.stale, value: g.value, target: g.target, unit: g.unit, progressPct: g.progressPct, expectedPct: g.expectedPct, projected: g.projected, due: g.due, state: g.state });
export const actionJson = (a: ActionItem, today: string) => ({ id: a.id, text: a.text, owner: a.owner, ownerName: a.ownerName, due: a.due, overdue: a.due !== null && a.due < today, meeting: a.meeting, raisedOn: a.raisedOn });
export const sessionJson = (s: Session) => ({ id: s.id, course: s.course, date: s.date, time: s.time, durationMin: s.durationMin, timeZone: s.timeZone, place: s.place, trainer: s.trainer });

export function weeklyJson(r: WeeklyReport) {
  return {
    week: r.week,
    from: r.from,
    to: r.to,
    asOf: r.asOf,
    dept: r.dept,
    goals: { total: r.goals.total, counts: r.goals.counts, stale: r.goals.stale, items: r.goals.items.map(goalJson) },
    overdueGoals: { total: r.overdueGoals.total, items: r.overdueGoals.items.map(goalJson) },
    changes: { checkins: r.changes.checkins, closed: { total: r.changes.closed.total, items: r.changes.closed.items.map(goalJson) } },
    meetings: { total: r.meetings.total, totals: r.meetings.totals, nextWeek: r.meetings.nextWeek, items: r.meetings.meetings, absences: r.meetings.absences },
    actions: { open: r.actions.open, overdue: r.actions.overdue, dueNextWeek: r.actions.dueNextWeek, items: r.actions.items.map((a) => actionJson(a, r.asOf)) },
    training: { ...r.training, sessions: r.training.sessions.map(sessionJson), nextSessions: r.training.nextSessions.map(sessionJson) },
    evaluations: r.evaluations,
    ppp: r.ppp,
  };
}

/** One section's part of the JSON (`--json --section NAME`). */
export function weeklyJsonSection(j: ReturnType<typeof weeklyJson>, s: WeeklySection): unknown {
  const parts: Record<WeeklySection, unknown> = { goals: j.goals, overdue: j.overdueGoals, checkins: j.changes.checkins, closed: j.changes.closed, meetings: j.meetings, absences: j.meetings.absences, actions: j.actions, training: j.training, sessions: j.training.nextSessions, evaluations: j.evaluations, ppp: j.ppp };
  return parts[s];
}

// ── Columns, shared by tables, Markdown and CSV ───────────────────────────
export const goalColumns: Column<GoalView>[] = [
  { header: 'col.id', value: (g) => g.id, align: 'right' },
  { header: 'reports.col.goal', value: (g) => g.title, wrap: 30 },
  { header: 'reports.col.owner', value: ownerLabel, plain: (g) => g.owner, priority: 3 },
  { header: 'reports.col.progress', value: (g) => progressBar(g.progressPct, 8), plain: (g) => pct(g.progressPct), priority: 2 },
  { header: 'reports.col.status', value: (g) => statusLabel(g.status, g.stale), plain: (g) => statusText(g.status, g.stale) },
  { header: 'reports.col.forecast', value: (g) => formatQuantity(g.projected, g.unit, g.decimals), plain: (g) => g.projected, align: 'right', priority: 4 },
  { header: 'reports.col.due', value: (g) => short(g.due), plain: (g) => g.due, priority: 1 },
];

const checkinCols: Column<WeeklyReport['changes']['checkins']['items'][number]>[] = [
  { header: 'reports.col.date', value: (c) => short(c.date), plain: (c) => c.date },
  { header: 'reports.col.goal', value: (c) => c.title, wrap: 30 },
  { header: 'reports.col.owner', value: (c) => c.owner, priority: 2 },
  { header: 'reports.col.value', value: (c) => formatQuantity(c.value, c.unit, c.decimals), plain: (c) => c.value, align: 'right' },
  { header: 'reports.col.note', value: (c) => c.note, wrap: 24, hideEmpty: true, priority: 3 },
];

const closedCols: Column<GoalView>[] = [
  { header: 'col.id', value: (g) => g.id, align: 'right' },
  { header: 'reports.col.goal', value: (g) => g.title, wrap: 30 },
  { header: 'reports.col.owner', value: ownerLabel, plain: (g) => g.owner, priority: 2 },
  { header: 'reports.col.result', value: (g) => statusLabel(g.status), plain: (g) => statusText(g.status) },
  { header: 'reports.col.value', value: (g) => formatQuantity(g.value, g.unit, g.decimals), plain: (g) => g.value, align: 'right', priority: 1 },
];

const meetingCols: Column<MeetingWeekRow>[] = [
  { header: 'reports.col.meeting', value: (m) => m.title, wrap: 24 },
  { header: 'reports.col.kind', value: (m) => t(MEETING_KIND_LABEL[m.kind]), priority: 2 },
  { header: 'reports.col.scheduled', value: (m) => m.scheduled, align: 'right' },
  { header: 'reports.col.held', value: (m) => m.held, align: 'right' },
  { header: 'reports.col.missed', value: (m) => (m.missed === 0 ? '' : paint.bad(String(m.missed))), plain: (m) => m.missed, align: 'right' },
  { header: 'reports.col.attendance', value: (m) => pct(m.ratePct), align: 'right', priority: 1 },
];

const absenceCols: Column<WeeklyReport['meetings']['absences'][number]>[] = [
  { header: 'reports.col.member', value: (a) => `${a.name} (${a.handle})`, plain: (a) => a.handle },
  { header: 'reports.col.absent', value: (a) => a.absent, align: 'right' },
];

export const actionColumns = (today: string): Column<ActionItem>[] => [
  { header: 'col.id', value: (a) => a.id, align: 'right' },
  { header: 'reports.col.action', value: (a) => a.text, wrap: 30 },
  { header: 'reports.col.owner', value: (a) => a.ownerName, plain: (a) => a.owner, priority: 2 },
  { header: 'reports.col.due', value: (a) => (a.due !== null && a.due < today ? paint.bad(`${short(a.due)} ${t('reports.overdue')}`) : short(a.due)), plain: (a) => a.due },
  { header: 'reports.col.meeting', value: (a) => a.meeting, wrap: 16, priority: 1 },
];

interface TrainingRow extends TrainingRound {
  what: 'passed' | 'due' | 'overdue';
}
const TRAINING_WHAT: Record<TrainingRow['what'], MessageKey> = { passed: 'reports.training.passed', due: 'reports.training.due', overdue: 'reports.training.overdue' };
const trainingCols: Column<TrainingRow>[] = [
  { header: 'reports.col.member', value: (r) => r.memberName, plain: (r) => r.member },
  { header: 'reports.col.course', value: (r) => r.course, wrap: 24 },
  { header: 'reports.col.what', value: (r) => (r.what === 'overdue' ? paint.bad(t(TRAINING_WHAT[r.what])) : r.what === 'passed' ? paint.ok(t(TRAINING_WHAT[r.what])) : t(TRAINING_WHAT[r.what])), plain: (r) => t(TRAINING_WHAT[r.what]) },
  { header: 'reports.col.status', value: (r) => t(TRAINING_STATUS_LABEL[r.status]), priority: 2 },
  { header: 'reports.col.date', value: (r) => short(r.date), plain: (r) => r.date, priority: 1 },
];

const sessionCols: Column<Session>[] = [
  { header: 'reports.col.date', value: (s) => `${short(s.date)} ${s.time}`, plain: (s) => `${s.date} ${s.time}` },
  { header: 'reports.col.course', value: (s) => s.course, wrap: 24 },
  { header: 'reports.col.place', value: (s) => s.place, hideEmpty: true, priority: 2 },
  { header: 'reports.col.trainer', value: (s) => s.trainer, hideEmpty: true, priority: 1 },
];

interface CycleRow {
  which: 'current' | 'lastClosed';
  c: CycleDigest;
}
const gradesText = (c: CycleDigest) => c.grades.map((g) => `${g.grade} ${g.n}`).join(' · ');
const missingText = (c: CycleDigest) => {
  if (c.state === 'closed') return '';
  const parts: string[] = [];
  if (c.missingValues > 0) parts.push(t('reports.eval.missingValues', { n: c.missingValues }));
  if (c.weights.self > 0 && c.missingSelf > 0) parts.push(t('reports.eval.missingSelf', { n: c.missingSelf }));
  if (c.weights.peer > 0 && c.missingPeer > 0) parts.push(t('reports.eval.missingPeer', { n: c.missingPeer }));
  if (c.weights.lead > 0 && c.missingLead > 0) parts.push(t('reports.eval.missingLead', { n: c.missingLead }));
  return parts.length === 0 ? t('reports.eval.complete') : parts.join(t('list.separator'));
};
const cycleCols: Column<CycleRow>[] = [
  { header: 'reports.col.period', value: (r) => r.c.period },
  { header: 'reports.col.state', value: (r) => t(CYCLE_STATE_LABEL[r.c.state]) },
  { header: 'reports.col.evaluations', value: (r) => r.c.evaluations, align: 'right' },
  { header: 'reports.col.grades', value: (r) => gradesText(r.c), hideEmpty: true },
  { header: 'reports.col.missing', value: (r) => missingText(r.c), wrap: 30, hideEmpty: true },
  { header: 'reports.col.closes', value: (r) => (r.c.state === 'open' ? short(r.c.to) : short(r.c.closedAt?.slice(0, 10) ?? null)), plain: (r) => (r.c.state === 'open' ? r.c.to : (r.c.closedAt?.slice(0, 10) ?? '')), priority: 1 },
];

const PPP_KEY: Record<PppKind, MessageKey> = {
  goalsDue: 'reports.ppp.goalsDue',
  actionsDue: 'reports.ppp.actionsDue',
  trainingDue: 'reports.ppp.trainingDue',
  sessions: 'reports.ppp.sessions',
  meetings: 'reports.ppp.meetings',
  cycleCloses: 'reports.ppp.cycleCloses',
  goalsAchieved: 'reports.ppp.goalsAchieved',
  goalsDone: 'reports.ppp.goalsDone',
  checkins: 'reports.ppp.checkins',
  meetingsHeld: 'reports.ppp.meetingsHeld',
  trainingPassed: 'reports.ppp.trainingPassed',
  goalsOffTrack: 'reports.ppp.goalsOffTrack',
  goalsAtRisk: 'reports.ppp.goalsAtRisk',
  goalsOverdue: 'reports.ppp.goalsOverdue',
  goalsStale: 'reports.ppp.goalsStale',
  actionsOverdue: 'reports.ppp.actionsOverdue',
  trainingOverdue: 'reports.ppp.trainingOverdue',
  meetingsMissed: 'reports.ppp.meetingsMissed',
  absences: 'reports.ppp.absences',
  evalMissing: 'reports.ppp.evalMissing',
};

/** One PPP line in words: "3 goals due: A, B, C". Lines whose names are not one per count (absences, meetings not held) never say "and N more". */
export function pppText(l: PppLine): string {
  const head = t(PPP_KEY[l.kind], { n: l.count, of: l.of ?? '' });
  return l.items.length === 0 ? head : `${head}${t('reports.ppp.colon')}${l.items.join(t('list.separator'))}${l.count > l.items.length && l.kind !== 'absences' && l.kind !== 'meetingsMissed' ? t('reports.more', { n: l.count - l.items.length }) : ''}`;
}

interface PppRow {
  part: 'plans' | 'progress' | 'problems';
  line: PppLine;
}
const PART_KEY: Record<PppRow['part'], MessageKey> = { plans: 'reports.ppp.plans', progress: 'reports.ppp.progress', problems: 'reports.ppp.problems' };
const pppCols: Column<PppRow>[] = [
  { header: 'reports.col.part', value: (r) => t(PART_KEY[r.part]) },
  { header: 'reports.col.kind', value: (r) => r.line.kind },
  { header: 'reports.col.count', value: (r) => r.line.count, align: 'right' },
  { header: 'reports.col.text', value: (r) => pppText(r.line) },
];

// ── Sections ──────────────────────────────────────────────────────────────
const statusCounts = (counts: WeeklyReport['goals']['counts']) =>
  (['off-track', 'missed', 'at-risk', 'not-started', 'on-track', 'done', 'draft'] as const)
    .filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${counts[s]} ${statusText(s)}`)
    .join(' · ');

/** The report as its sections, in order. */
export function weeklySections(r: WeeklyReport): Section[] {
  const m = r.meetings;
  const trainingRows: TrainingRow[] = [...r.training.overdue.items.map((x) => ({ ...x, what: 'overdue' as const })), ...r.training.due.items.map((x) => ({ ...x, what: 'due' as const })), ...r.training.passed.items.map((x) => ({ ...x, what: 'passed' as const }))];
  const tr = r.training;
  const trainingMore = tr.overdue.total - tr.overdue.items.length + tr.due.total - tr.due.items.length + tr.passed.total - tr.passed.items.length;
  const cycles: CycleRow[] = [...(r.evaluations.current ? [{ which: 'current' as const, c: r.evaluations.current }] : []), ...(r.evaluations.lastClosed ? [{ which: 'lastClosed' as const, c: r.evaluations.lastClosed }] : [])];
  const pppRows: PppRow[] = (['plans', 'progress', 'problems'] as const).flatMap((part) => r.ppp[part].map((line) => ({ part, line })));
  const s = <T>(x: Section<T>) => x as unknown as Section;
  return [
    s({ name: 'goals', title: t('reports.sec.goals'), summary: r.goals.total === 0 ? t('reports.none.goals') : t('reports.sum.goals', { n: r.goals.total, counts: statusCounts(r.goals.counts) }) + (r.goals.stale > 0 ? ` · ${t('reports.sum.stale', { n: r.goals.stale })}` : ''), rows: r.goals.items, columns: goalColumns, more: r.goals.total - r.goals.items.length }),
    s({ name: 'overdue', title: t('reports.sec.overdue'), summary: r.overdueGoals.total === 0 ? t('reports.none.overdue') : t('reports.sum.overdue', { n: r.overdueGoals.total }), rows: r.overdueGoals.items, columns: goalColumns, more: r.overdueGoals.total - r.overdueGoals.items.length }),
    s({ name: 'checkins', title: t('reports.sec.checkins'), summary: r.changes.checkins.total === 0 ? t('reports.none.checkins') : t('reports.sum.checkins', { n: r.changes.checkins.total }), rows: r.changes.checkins.items, columns: checkinCols, more: r.changes.checkins.total - r.changes.checkins.items.length }),
    s({ name: 'closed', title: t('reports.sec.closed'), summary: r.changes.closed.total === 0 ? t('reports.none.closed') : t('reports.sum.closed', { n: r.changes.closed.total }), rows: r.changes.closed.items, columns: closedCols, more: r.changes.closed.total - r.changes.closed.items.length }),
    s({ name: 'meetings', title: t('reports.sec.meetings'), summary: m.total === 0 ? t('reports.none.meetings') : t('reports.sum.meetings', { held: m.totals.held, scheduled: m.totals.scheduled, rate: pct(m.totals.ratePct) || '–' }), rows: m.meetings, columns: meetingCols, more: m.total - m.meetings.length }),
    s({ name: 'absences', title: t('reports.sec.absences'), summary: m.totals.absentMembers === 0 ? t('reports.none.absences') : t('reports.sum.absences', { n: m.totals.absentMembers }), rows: m.absences, columns: absenceCols, more: m.totals.absentMembers - m.absences.length }),
    s({ name: 'actions', title: t('reports.sec.actions'), summary: r.actions.open === 0 ? t('reports.none.actions') : t('reports.sum.actions', { n: r.actions.open, overdue: r.actions.overdue }), rows: r.actions.items, columns: actionColumns(r.asOf), more: r.actions.open - r.actions.items.length }),
    s({ name: 'training', title: t('reports.sec.training'), summary: trainingRows.length === 0 ? t('reports.none.training') : t('reports.sum.training', { passed: tr.passed.total, due: tr.due.total, overdue: tr.overdue.total }), rows: trainingRows, columns: trainingCols, more: trainingMore }),
    s({ name: 'sessions', title: t('reports.sec.sessions'), summary: r.training.nextSessions.length === 0 ? t('reports.none.sessions') : t('reports.sum.sessions', { n: r.training.nextSessions.length }), rows: r.training.nextSessions, columns: sessionCols, more: 0 }),
    s({ name: 'evaluations', title: t('reports.sec.evaluations'), summary: cycles.length === 0 ? t('reports.none.evaluations') : '', rows: cycles, columns: cycleCols, more: 0 }),
    s({ name: 'ppp', title: t('reports.sec.ppp'), summary: '', rows: pppRows, columns: pppCols, more: 0, lines: pppLines(r) }),
  ];
}

/** The heading line of the report. */
export function weeklyTitle(r: WeeklyReport): string {
  return t(r.dept === null ? 'reports.title.weekly' : 'reports.title.weeklyDept', { week: r.week, from: r.from, to: r.to, dept: r.dept ?? '', asOf: r.asOf });
}

/** The PPP section as three short lists: a part's name, then "- " lines. */
export function pppLines(r: WeeklyReport): string[] {
  const out: string[] = [];
  for (const part of ['plans', 'progress', 'problems'] as const) {
    out.push(t(PART_KEY[part]));
    if (r.ppp[part].length === 0) out.push(`- ${t('reports.ppp.nothing')}`);
    for (const l of r.ppp[part]) out.push(`- ${pppText(l)}`);
  }
  return out;
}
