/**
 * The weekly report's closing summary, PPP: Plans (what is due next week),
 * Progress (what this week achieved), Problems (what needs the lead). Each
 * line is a kind, a count and the names behind it; the renderer words it.
 * Pure: built from the report's sections.
 */
import type { ActionItem } from '../../meetings/public.js';
import type { GoalView } from '../../goals/public.js';
import type { WeeklyReport } from '../weekly.service.js';
import type { Week } from './week.js';

export const PPP_KINDS = [
  'goalsDue',
  'actionsDue',
  'trainingDue',
  'sessions',
  'meetings',
  'cycleCloses',
  'goalsAchieved',
  'goalsDone',
  'checkins',
  'meetingsHeld',
  'trainingPassed',
  'goalsOffTrack',
  'goalsAtRisk',
  'goalsOverdue',
  'goalsStale',
  'actionsOverdue',
  'trainingOverdue',
  'meetingsMissed',
  'absences',
  'evalMissing',
] as const;
export type PppKind = (typeof PPP_KINDS)[number];

export interface PppLine {
  kind: PppKind;
  count: number;
  /** What it is about: goal titles, handles, courses; at most the report's limit. */
  items: string[];
  /** A second number where the line has one: meetings scheduled (held of scheduled), an attendance rate, a date. */
  of?: number | string | null;
}

export interface Ppp {
  plans: PppLine[];
  progress: PppLine[];
  problems: PppLine[];
}

export interface PppInput {
  report: Omit<WeeklyReport, 'ppp'>;
  next: Week;
  goalsDueNextWeek: { total: number; items: readonly GoalView[] };
  staleGoals: readonly GoalView[];
  /** Counted, and the first of them (at least the limit's). */
  actionsDueNextWeek: { total: number; items: readonly ActionItem[] };
  overdueActions: { total: number; items: readonly ActionItem[] };
  today: string;
  limit: number;
}

/** The three lists; a line appears only when its count is not zero. */
export function buildPpp(x: PppInput): Ppp {
  const { report: r, limit } = x;
  const line = (kind: PppKind, count: number, items: readonly string[] = [], of?: PppLine['of']): PppLine[] => (count > 0 ? [{ kind, count, items: items.slice(0, limit), ...(of !== undefined && { of }) }] : []);
  const titles = (goals: readonly GoalView[]) => goals.map((g) => g.title);
  const cycle = r.evaluations.current;
  // A cycle nobody in scope is in (another department's) is not this report's deadline.
  const closesNextWeek = cycle !== null && cycle.state === 'open' && cycle.evaluations > 0 && cycle.to <= x.next.to;
  const inPlay = r.goals.items;
  const status = (s: GoalView['status']) => inPlay.filter((g) => g.status === s);
  const achieved = r.changes.closed.items.filter((g) => g.state === 'achieved');
  const checkedGoals = new Set(r.changes.checkins.items.map((c) => c.goalId)).size;
  const m = r.meetings;
  return {
    plans: [
      ...line('goalsDue', x.goalsDueNextWeek.total, titles(x.goalsDueNextWeek.items)),
      ...line('actionsDue', x.actionsDueNextWeek.total, x.actionsDueNextWeek.items.map((a) => `${a.text} (${a.owner})`)),
      ...line('trainingDue', r.training.dueNextWeek.total, r.training.dueNextWeek.items.map((t) => `${t.course} (${t.member})`)),
      ...line('sessions', r.training.nextSessions.length, r.training.nextSessions.map((s) => `${s.course} ${s.date.slice(5)} ${s.time}`)),
      ...line('meetings', r.meetings.nextWeek),
      ...(closesNextWeek ? line('cycleCloses', 1, [cycle.period], cycle.to) : []),
    ],
    progress: [
      ...line('goalsAchieved', achieved.length, titles(achieved)),
      ...line('goalsDone', r.goals.counts.done ?? 0, titles(status('done'))),
      ...line('checkins', r.changes.checkins.total, [], checkedGoals),
      ...line('meetingsHeld', m.totals.held, [], m.totals.scheduled),
      ...line('trainingPassed', r.training.passed.total, r.training.passed.items.map((t) => `${t.course} (${t.member})`)),
    ],
    problems: [
      ...line('goalsOffTrack', r.goals.counts['off-track'] ?? 0, titles(status('off-track'))),
      ...line('goalsAtRisk', r.goals.counts['at-risk'] ?? 0, titles(status('at-risk'))),
      ...line('goalsOverdue', r.overdueGoals.total + (r.goals.counts.missed ?? 0), titles([...status('missed'), ...r.overdueGoals.items])),
      ...line('goalsStale', r.goals.stale, titles(x.staleGoals)),
      ...line('actionsOverdue', x.overdueActions.total, x.overdueActions.items.map((a) => `${a.text} (${a.owner})`)),
      ...line('trainingOverdue', r.training.overdue.total, r.training.overdue.items.map((t) => `${t.course} (${t.member})`)),
      ...line('meetingsMissed', m.totals.missed, m.meetings.filter((row) => row.missed > 0).map((row) => row.title)),
      ...line('absences', m.totals.absentMembers, m.absences.map((a) => (a.absent > 1 ? `${a.name} ×${a.absent}` : a.name))),
      ...(cycle !== null && cycle.state === 'open' ? line('evalMissing', cycle.missingValues, [], cycle.period) : []),
    ],
  };
}
