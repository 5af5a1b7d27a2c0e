/**
 * The weekly report: the week at a glance, read from the other features'
 * public services only (no SQL of its own). Each section is bounded: counts
 * from the database, and the `limit` most urgent rows of each list.
 */
import { getEvaluationDigest, type EvaluationDigest } from '../evaluations/public.js';
import { getGoalActivity, getGoalWindow, type CheckinActivity, type GoalStatus, type GoalView } from '../goals/public.js';
import { getActionDigest, getMeetingDigest, type ActionItem, type MeetingDigest } from '../meetings/public.js';
import type { Listed, ServiceOptions } from '../shared/service.js';
import { getTrainingDigest, type TrainingRound } from '../training/public.js';
import type { Session } from '../training/public.js';
import { buildPpp, type Ppp } from './rules/ppp.js';
import { nextWeek, type Week } from './rules/week.js';

/** Rows a section lists unless --all: the most urgent first. */
export const SECTION_LIMIT = 10;


export interface WeeklyReport extends Week {
  /** The day the report was made (statuses are judged on it). */
  asOf: string;
  dept: string | null;
  goals: Listed<GoalView> & { counts: Partial<Record<GoalStatus, number>>; stale: number };
  overdueGoals: Listed<GoalView>;
  changes: { checkins: Listed<CheckinActivity>; closed: Listed<GoalView> };
  meetings: MeetingDigest & { nextWeek: number };
  actions: { open: number; overdue: number; dueNextWeek: number; items: ActionItem[] };
  training: { passed: Listed<TrainingRound>; due: Listed<TrainingRound>; dueNextWeek: Listed<TrainingRound>; overdue: Listed<TrainingRound>; sessions: Session[]; nextSessions: Session[] };
  evaluations: EvaluationDigest;
  ppp: Ppp;
}

/** The report of `week` for everyone or one department; `limit` rows per list (undefined: all). */
export async function getWeeklyReport(o: ServiceOptions, f: { week: Week; dept?: string; limit?: number }): Promise<WeeklyReport> {
  const { week, limit } = f;
  const next = nextWeek(week);
  const scope = f.dept === undefined ? {} : { dept: f.dept };
  return o.db.snapshot(async () => {
    // Every goal in play this week, ranked; next week's due ones come from it too.
    const window = await getGoalWindow(o, { ...scope, from: week.from, to: week.to, due: { from: next.from, to: next.to }, ...(limit !== undefined && { limit }) });
    const activity = await getGoalActivity(o, { ...scope, from: week.from, to: week.to, ...(limit !== undefined && { limit }) });

    const meetings = await getMeetingDigest(o, { from: week.from, to: week.to, through: next.to, ...scope, ...(limit !== undefined && { limit }) });

    // Open items counted; the first `limit` by due date (the overdue first, undated last), of the overdue and of next week's.
    const actions = await getActionDigest(o, { ...scope, due: { from: next.from, to: next.to }, ...(limit !== undefined && { limit }) });

    const lim = limit !== undefined ? { limit } : {};
    const training = await getTrainingDigest(o, { from: week.from, to: week.to, ...scope, ...lim });
    const trainingNext = await getTrainingDigest(o, { from: next.from, to: next.to, only: 'due', ...scope, ...lim });
    const evaluations = await getEvaluationDigest(o, { period: week.to.slice(0, 7) <= o.today.slice(0, 7) ? week.to.slice(0, 7) : o.today.slice(0, 7), ...scope });

    const report: Omit<WeeklyReport, 'ppp'> = {
      ...week,
      asOf: o.today,
      dept: f.dept ?? null,
      goals: { total: window.total, counts: window.counts, stale: window.stale.total, items: window.goals },
      overdueGoals: window.overdue,
      changes: { checkins: { total: activity.checkins.total, items: activity.checkins.items }, closed: { total: activity.closed.total, items: activity.closed.goals } },
      meetings: { ...meetings, nextWeek: meetings.scheduledLater },
      actions: { open: actions.open.total, overdue: actions.overdue.total, dueNextWeek: actions.due.total, items: actions.open.items },
      training: { passed: training.passed, due: training.due, dueNextWeek: trainingNext.due, overdue: training.overdue, sessions: training.sessions, nextSessions: trainingNext.sessions },
      evaluations,
    };
    const ppp = buildPpp({ report, next, goalsDueNextWeek: window.due, staleGoals: window.stale.items, actionsDueNextWeek: actions.due, overdueActions: actions.overdue, today: o.today, limit: limit ?? Infinity });
    return { ...report, ppp };
  });
}

