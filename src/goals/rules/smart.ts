/**
 * The SMART lint: findings as codes + params, never sentences.
 *
 * - S specific (error): the title is vague (heuristic in ./title.ts).
 * - M measurable (error): no metric, no target, no direction, target equal
 *   to the baseline (increase/decrease), or a target on the wrong side of the
 *   baseline (increase with target < baseline, decrease with target > baseline).
 * - A achievable (warning, never blocks; only judged when M is clean and
 *   baseline, target and a valid due date exist): the required change per 30
 *   days is (target − baseline) / days × 30, where days = due − start (at
 *   least 1), taken relative to |baseline| (in %) when the baseline is not 0.
 *   At-least/at-most goals whose baseline already holds the bound need no
 *   change and are not judged. The requirement is compared in the same terms
 *   with (a) the best change per 30 days toward the target between any two
 *   history check-ins at least 7 days apart (shorter gaps are noise), and
 *   (b) the largest change per 30 days past goals of the metric set
 *   themselves in that direction. A finding when the requirement exceeds
 *   A_FACTOR (2) × the best; 'againstHistory' when the history never moved
 *   toward the target. No history, no A finding.
 * - R relevant (warning, does not block): neither a parent goal nor a stated
 *   reason. The brief calls it an error-level concern, but it must not block,
 *   so it is reported with severity 'warning'.
 * - T time-bound (error): no due date, or due before start. A missing start
 *   means "today" (the CLI's default), so it is not a finding.
 * `ok` means no findings at all; `blocking` means an error (S, M or T) that
 * only --draft may override.
 */
import { toDay } from '../../shared/dates.js';
import { isMet } from './progress.js';
import { isVagueTitle } from './title.js';
import type { Direction } from './units.js';

export const SMART_CODES = [
  'smart.S.vague',
  'smart.M.noMetric',
  'smart.M.noTarget',
  'smart.M.noDirection',
  'smart.M.targetEqualsBaseline',
  'smart.M.directionMismatch',
  'smart.A.beyondHistory',
  'smart.A.againstHistory',
  'smart.A.beyondPastGoals',
  'smart.R.noReason',
  'smart.T.noDue',
  'smart.T.dueBeforeStart',
] as const;

export type SmartCode = (typeof SMART_CODES)[number];

/** The required rate may be up to this many times the best on record before A warns. */
export const A_FACTOR = 2;
/** History check-ins closer together than this are not compared (day-to-day noise). */
export const MIN_HISTORY_GAP_DAYS = 7;

export interface SmartDraft {
  title: string;
  metric: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  direction: Direction | null;
  start: string | null;
  due: string | null;
  parentId: number | null;
  relevance: string | null;
}

export interface SmartContext {
  today: string;
  history: {
    values: readonly { date: string; value: number }[];
    pastGoals: readonly { baseline: number; target: number; start: string; due: string }[];
  };
}

export interface SmartFinding {
  letter: 'S' | 'M' | 'A' | 'R' | 'T';
  severity: 'error' | 'warning';
  code: SmartCode;
  params: Record<string, string | number>;
}

export interface SmartReport {
  ok: boolean;
  blocking: boolean;
  findings: SmartFinding[];
}

/**
 * Check a goal draft against SMART (rules at the top of this file); findings
 * come in S, M, A, R, T order.
 * @example lintSmart({ title: '提高销售额', metric: null, unit: null, baseline: null, target: null,
 *   direction: null, start: null, due: null, parentId: null, relevance: null },
 *   { today: '2026-01-05', history: { values: [], pastGoals: [] } })
 * // blocking: true; codes smart.S.vague, smart.M.noMetric, smart.M.noTarget,
 * // smart.M.noDirection, smart.R.noReason, smart.T.noDue
 */
export function lintSmart(goal: SmartDraft, context: SmartContext): SmartReport {
  const findings: SmartFinding[] = [];
  const error = (letter: 'S' | 'M' | 'T', code: SmartCode, params: SmartFinding['params'] = {}): void => {
    findings.push({ letter, severity: 'error', code, params });
  };

  if (isVagueTitle(goal.title)) error('S', 'smart.S.vague', { title: goal.title.trim() });

  const { baseline, target, direction } = goal;
  if (!goal.metric?.trim()) error('M', 'smart.M.noMetric');
  if (target === null) error('M', 'smart.M.noTarget');
  if (direction === null) error('M', 'smart.M.noDirection');
  if (target !== null && baseline !== null && (direction === 'increase' || direction === 'decrease')) {
    if (target === baseline) error('M', 'smart.M.targetEqualsBaseline', { target });
    else if ((direction === 'increase') !== target > baseline) {
      error('M', 'smart.M.directionMismatch', { direction, baseline, target });
    }
  }
  const measurable = !findings.some((f) => f.letter === 'M');

  const start = goal.start ?? context.today;
  const timed = goal.due !== null && toDay(goal.due) >= toDay(start);

  if (measurable && timed && goal.due !== null && target !== null && baseline !== null && direction !== null) {
    findings.push(...achievable({ baseline, target, direction, start, due: goal.due, unit: goal.unit }, context));
  }

  if (goal.parentId === null && !goal.relevance?.trim()) {
    findings.push({ letter: 'R', severity: 'warning', code: 'smart.R.noReason', params: {} });
  }

  if (goal.due === null) error('T', 'smart.T.noDue');
  else if (!timed) error('T', 'smart.T.dueBeforeStart', { start, due: goal.due });

  const blocking = findings.some((f) => f.severity === 'error');
  return { ok: findings.length === 0, blocking, findings };
}

interface ATarget {
  baseline: number;
  target: number;
  direction: Direction;
  start: string;
  due: string;
  unit: string | null;
}

/** The A findings (rule at the top of this file). */
function achievable(goal: ATarget, context: SmartContext): SmartFinding[] {
  const { baseline, target, direction } = goal;
  if ((direction === 'at-least' || direction === 'at-most') && isMet(target, baseline, direction)) return [];
  const sign = Math.sign(target - baseline);
  if (sign === 0) return [];
  const relative = baseline !== 0;
  // Change per 30 days from `from` to `to` over `days`, toward the target (positive = the right way).
  const rate = (from: number, to: number, days: number): number => {
    const per30 = (sign * (to - from) * 30) / Math.max(1, days);
    return relative ? (per30 * 100) / Math.abs(from) : per30;
  };
  const required = rate(baseline, target, toDay(goal.due) - toDay(goal.start));
  const unit = relative ? '%' : (goal.unit ?? '');
  const round = (x: number): number => clean(Math.round(x * (relative ? 10 : 100)) / (relative ? 10 : 100));
  const warn = (code: SmartCode, best: number, withFactor: boolean): SmartFinding => ({
    letter: 'A',
    severity: 'warning',
    code,
    params: {
      required: round(required),
      best: round(best),
      ...(withFactor ? { factor: clean(Math.round((required / best) * 10) / 10) } : {}),
      unit,
    },
  });
  const out: SmartFinding[] = [];

  const values = context.history.values.map((v) => ({ day: toDay(v.date), value: v.value })).sort((a, b) => a.day - b.day);
  let bestHistory: number | null = null;
  for (const [i, a] of values.entries()) {
    for (const b of values.slice(i + 1)) {
      if (b.day - a.day < MIN_HISTORY_GAP_DAYS || (relative && a.value === 0)) continue;
      const r = rate(a.value, b.value, b.day - a.day);
      bestHistory = bestHistory === null ? r : Math.max(bestHistory, r);
    }
  }
  if (bestHistory !== null) {
    if (bestHistory <= 0) out.push(warn('smart.A.againstHistory', bestHistory, false));
    else if (required > A_FACTOR * bestHistory) out.push(warn('smart.A.beyondHistory', bestHistory, true));
  }

  const pastRates = context.history.pastGoals
    .filter((g) => !(relative && g.baseline === 0))
    .map((g) => rate(g.baseline, g.target, toDay(g.due) - toDay(g.start)))
    .filter((r) => r > 0);
  const bestPast = pastRates.length > 0 ? Math.max(...pastRates) : null;
  if (bestPast !== null && required > A_FACTOR * bestPast) out.push(warn('smart.A.beyondPastGoals', bestPast, true));
  return out;
}

function clean(x: number): number {
  return x === 0 ? 0 : x;
}
