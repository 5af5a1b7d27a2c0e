/**
 * Training's pure rules: what a round of a course is (planned, started,
 * completed, failed, passed), when it is due, when a passed course falls due
 * again, and the arithmetic of the status and the report. No database, no
 * clock (today comes in), no printing.
 */
import { addDays, addMonths, toDay } from '../../shared/dates.js';
import { compareText } from '../../shared/order.js';

export const FORMATS = ['internal', 'external', 'online', 'roleplay', 'shadowing', 'sharing'] as const;
export type CourseFormat = (typeof FORMATS)[number];
export const ASSESSMENT_KINDS = ['theory', 'simulation', 'practical'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const SOURCES = ['onboarding', 'plan', 'role', 'session', 'refresher'] as const;
export type PlanSource = (typeof SOURCES)[number];
export const ITEM_STATUSES = ['planned', 'started', 'completed', 'failed', 'passed', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ATTENDEE_STATUSES = ['invited', 'present', 'absent'] as const;
export type AttendeeStatus = (typeof ATTENDEE_STATUSES)[number];

/** Other names a format is typed as: the table's own words (role-play), and Chinese. */
const FORMAT_WORDS: Readonly<Record<string, CourseFormat>> = { 'role-play': 'roleplay', 'experience-sharing': 'sharing', 内训: 'internal', 外训: 'external', 线上: 'online', 角色扮演: 'roleplay', 带教: 'shadowing', 经验分享: 'sharing' };
/** Chinese names of the assessment kinds. */
const KIND_WORDS: Readonly<Record<string, AssessmentKind>> = { 理论: 'theory', 模拟: 'simulation', 实操: 'practical' };

/**
 * A course format as typed, in English or Chinese; undefined when it is none.
 * @example parseFormat('Role-play') // 'roleplay'
 */
export function parseFormat(input: string): CourseFormat | undefined {
  const s = input.trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(s)) return s as CourseFormat;
  return Object.hasOwn(FORMAT_WORDS, s) ? FORMAT_WORDS[s] : undefined;
}

/**
 * An assessment kind as typed, in English or Chinese; undefined when it is none.
 * @example parseKind('模拟') // 'simulation'
 */
export function parseKind(input: string): AssessmentKind | undefined {
  const s = input.trim().toLowerCase();
  if ((ASSESSMENT_KINDS as readonly string[]).includes(s)) return s as AssessmentKind;
  return Object.hasOwn(KIND_WORDS, s) ? KIND_WORDS[s] : undefined;
}

/** The settings a team may change (`team training settings`), with their defaults. */
export interface TrainingSettings {
  /** An onboarding plan is due this many days after the hire date. */
  onboardingDays: number;
  /** A failed assessment's retake is due this many days after it. */
  retakeDays: number;
  /** A round due within this many days is flagged "due soon". */
  soonDays: number;
}
export const DEFAULT_SETTINGS: TrainingSettings = { onboardingDays: 30, retakeDays: 14, soonDays: 14 };
/** Settings are whole days in this range. */
export const SETTING_RANGE = { min: 1, max: 365 } as const;

/** Refresh intervals by name, in months. */
export const REFRESH_WORDS: Readonly<Record<string, number>> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
  annually: 12,
  每月: 1,
  每季度: 3,
  每半年: 6,
  每年: 12,
};
export const REFRESH_MAX_MONTHS = 60;

/**
 * A refresh interval as typed: a word (quarterly, 每季度), `N` or `Nm` months,
 * or none/0 for a course that is not repeated. Undefined when it is none of them.
 * @example parseRefresh('quarterly') // 3
 * @example parseRefresh('none') // null
 */
export function parseRefresh(input: string): number | null | undefined {
  const s = input.trim().toLowerCase();
  if (['none', 'never', '-', '0', '无', '不'].includes(s)) return null;
  if (Object.hasOwn(REFRESH_WORDS, s)) return REFRESH_WORDS[s];
  const m = /^(\d{1,3})\s*(m|months?|个月|月)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= REFRESH_MAX_MONTHS ? n : undefined;
}

/**
 * When a course passed on `passedOn` falls due again: whole calendar months
 * later, the month's last day when it has no such day (31 January + 1 month
 * = 28 or 29 February).
 * @example refreshDue('2026-01-31', 1) // '2026-02-28'
 */
export function refreshDue(passedOn: string, months: number): string {
  return addMonths(passedOn, months);
}

/** One attempt at one kind of assessment. */
export interface Attempt {
  kind: AssessmentKind;
  score: number;
  assessedOn: string;
  id: number;
}

/** Where a round stands against its course's required kinds and pass mark. */
export interface RoundResult {
  /** Kinds met by some attempt at or above the pass mark. */
  passedKinds: AssessmentKind[];
  /** Required kinds not yet met. */
  pendingKinds: AssessmentKind[];
  /** Pending kinds whose latest attempt fell short: a retake is due. */
  failedKinds: AssessmentKind[];
  /** Every required kind met (a course with none needs completion instead). */
  passed: boolean;
  /** The date the last required kind was met. */
  passedOn: string | null;
}

/**
 * A round's result: each required kind passes once an attempt scores at least
 * the pass mark (a later lower score does not undo it); the round passes when
 * every required kind has. Attempts in any order.
 * @example roundResult(['theory'], 80, [{ kind: 'theory', score: 79, … }, { kind: 'theory', score: 80, … }]).passed // true
 */
export function roundResult(required: readonly AssessmentKind[], passMark: number, attempts: readonly Attempt[]): RoundResult {
  const ordered = [...attempts].sort((a, b) => compareText(a.assessedOn, b.assessedOn) || a.id - b.id);
  const metOn = new Map<AssessmentKind, string>();
  const latest = new Map<AssessmentKind, Attempt>();
  for (const a of ordered) {
    latest.set(a.kind, a);
    if (a.score >= passMark && !metOn.has(a.kind)) metOn.set(a.kind, a.assessedOn);
  }
  const passedKinds = required.filter((k) => metOn.has(k));
  const pendingKinds = required.filter((k) => !metOn.has(k));
  const failedKinds = pendingKinds.filter((k) => latest.has(k));
  const passed = required.length > 0 && pendingKinds.length === 0;
  const passedOn = passed ? passedKinds.map((k) => metOn.get(k)!).sort().at(-1)! : null;
  return { passedKinds, pendingKinds, failedKinds, passed, passedOn };
}

/**
 * When the retake of a round falls due: the retake days after the latest
 * attempt at a kind still failed; null when no kind is (an attempt that falls
 * short on a kind already met opens none).
 * @example retakeDue(result, attempts, 14) // '2026-12-15' for a failed attempt on 2026-12-01
 */
export function retakeDue(result: RoundResult, attempts: readonly Attempt[], retakeDays: number): string | null {
  const dates = attempts.filter((a) => result.failedKinds.includes(a.kind)).map((a) => a.assessedOn);
  return dates.length === 0 ? null : addDays(dates.sort().at(-1)!, retakeDays);
}

/** A round of a course for a member, as the rules see it. */
export interface Round {
  source: PlanSource;
  dueOn: string;
  startedOn: string | null;
  completedOn: string | null;
  passedOn: string | null;
  retakeDueOn: string | null;
  droppedOn: string | null;
  /** Whether an attempt fell short and no pass followed on that kind. */
  failed: boolean;
}

/** The round's status, most advanced first. */
export function roundStatus(r: Round): ItemStatus {
  if (r.droppedOn) return 'dropped';
  if (r.passedOn) return 'passed';
  if (r.failed) return 'failed';
  if (r.completedOn) return 'completed';
  if (r.startedOn) return 'started';
  return 'planned';
}

/** When an open round is due: its retake date after a failed attempt, else its own. */
export const dueOf = (r: Pick<Round, 'dueOn' | 'retakeDueOn'>): string => r.retakeDueOn ?? r.dueOn;

export type DueFlag = 'overdue' | 'due-soon';

/**
 * Whether an open round is overdue (due before today) or due soon (within
 * `soonDays` from today); null for a passed or dropped round or one due later.
 */
export function dueFlag(r: Round, today: string, soonDays: number): DueFlag | null {
  if (r.passedOn || r.droppedOn) return null;
  const due = dueOf(r);
  if (due < today) return 'overdue';
  return toDay(due) - toDay(today) <= soonDays ? 'due-soon' : null;
}

/**
 * Whether a course is current for a member, given their latest round of it:
 * passed, or a refresher not yet due and not failed (the round before it passed).
 */
export function isCurrent(latest: Round, today: string): boolean {
  if (latest.passedOn) return true;
  // A refresher failed, or past its own due date (a retake date does not extend it), is not current.
  return latest.source === 'refresher' && !latest.droppedOn && !latest.failed && latest.dueOn >= today;
}

/** Whole percent of `part` in `whole`; null when there is nothing to count. */
export function percent(part: number, whole: number): number | null {
  // part * 100 first: 23 / 40 * 100 is 57.49999…, 2300 / 40 is 57.5.
  return whole === 0 ? null : Math.round((part * 100) / whole);
}

/** The mean, rounded to one decimal; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
}

/** How far training effect looks back and forward from a pass: a quarter. */
export const EFFECT_WINDOW_DAYS = 90;

/** The window before a pass (its first and last day) and after it (from the pass, never past today). */
export function effectWindows(passedOn: string, today: string): { before: [string, string]; after: [string, string] | null } {
  const before: [string, string] = [addDays(passedOn, -EFFECT_WINDOW_DAYS), addDays(passedOn, -1)];
  const end = addDays(passedOn, EFFECT_WINDOW_DAYS);
  return { before, after: passedOn > today ? null : [passedOn, end < today ? end : today] };
}

/** A goal's attainment for the effect: its progress, between 0 and 100 %. */
export const attainment = (progressPct: number): number => Math.max(0, Math.min(100, progressPct));

/**
 * The prerequisites that would close a loop if `courseId` required `requires`:
 * a course may not, through any chain, require itself.
 * @returns the first course of `requires` from which `courseId` is reachable, if any
 */
export function prerequisiteCycle(courseId: number, requires: readonly number[], edges: ReadonlyMap<number, readonly number[]>): number | undefined {
  for (const start of requires) {
    const seen = new Set<number>();
    const stack = [start];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (c === courseId) return start;
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(...(edges.get(c) ?? []));
    }
  }
  return undefined;
}

/** A course of the catalog. */
export interface Course {
  id: number;
  title: string;
  presetKey: string | null;
  topic: string | null;
  format: CourseFormat;
  hours: number;
  trainerId: number | null;
  /** The trainer's handle (a member), if any. */
  trainer: string | null;
  /** An outside provider, if any. */
  provider: string | null;
  onboarding: boolean;
  passMark: number;
  /** Months until a passed course is due again; null when it is not repeated. */
  refreshMonths: number | null;
  description: string | null;
  retiredAt: string | null;
  /** The roles it is for, by name. */
  roles: string[];
  roleIds: number[];
  /** The kinds of assessment that pass it, in theory, simulation, practical order; none: completion passes it. */
  assessments: AssessmentKind[];
  /** The courses that must be passed first, by title. */
  prerequisites: string[];
  prerequisiteIds: number[];
  createdAt: string;
  updatedAt: string;
}

/** One round of one course for one member. */
export interface PlanItem extends Round {
  id: number;
  memberId: number;
  member: string;
  memberName: string;
  courseId: number;
  course: string;
  /** When it is due now: the retake date after a failed attempt, else the plan's. */
  due: string;
  status: ItemStatus;
  refreshOf: number | null;
  dropReason: string | null;
  createdAt: string;
}

/** One scored attempt. */
export interface Assessment extends Attempt {
  planItemId: number;
  memberId: number;
  member: string;
  courseId: number;
  course: string;
  passed: boolean;
  assessor: string | null;
  note: string | null;
  createdAt: string;
}

export interface SessionAttendee {
  memberId: number;
  handle: string;
  name: string;
  status: AttendeeStatus;
}

/** A scheduled class of a course. */
export interface Session {
  id: number;
  courseId: number;
  course: string;
  date: string;
  time: string;
  durationMin: number;
  timeZone: string;
  trainer: string | null;
  place: string | null;
  /** When attendance was taken; null before. */
  attendedAt: string | null;
  attendees: SessionAttendee[];
  createdAt: string;
}
