/** What training looks like: each member's status, and each course's report with its effect on goals. */
import { getGoals } from '../goals/public.js';
import { getActiveMembers, getMemberById, resolveDepartmentId, resolveMemberId, resolveRoleId, type Member } from '../org/public.js';
import { addDays } from '../shared/dates.js';
import { InputError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';
import { latestAttempts, latestRounds, listAssessments, type LatestRound, type MemberScope } from './plans.repository.js';
import { courseActivity, passesBetween, type CourseActivity } from './report.repository.js';
import { listCourses } from './repository.js';
import { resolveCourseId } from './resolve.js';
import { ASSESSMENT_KINDS, attainment, dueFlag, dueOf, effectWindows, EFFECT_WINDOW_DAYS, isCurrent, mean, percent, roundStatus, type AssessmentKind, type DueFlag, type ItemStatus, type Assessment, type PlanSource } from './rules/training.js';
import { readSettings } from './settings.service.js';

export interface LatestScore {
  score: number;
  course: string;
  date: string;
  passed: boolean;
}

export interface StatusItem {
  id: number;
  course: string;
  source: PlanSource;
  status: ItemStatus;
  due: string;
  flag: DueFlag | null;
  startedOn: string | null;
  completedOn: string | null;
  passedOn: string | null;
  retakeDueOn: string | null;
}

/** One member's training: the plan's courses, how many are current, what is late. */
export interface MemberTraining {
  handle: string;
  name: string;
  role: string | null;
  department: string | null;
  /** Courses in the plan (each counted once, by its latest round). */
  courses: number;
  /** Courses passed and not yet due again. */
  current: number;
  donePct: number | null;
  overdue: number;
  dueSoon: number;
  /** Refresher rounds overdue or due soon. */
  refreshersDue: number;
  latest: Record<AssessmentKind, LatestScore | null>;
  /** The latest round of each course (with --overdue, only the overdue ones). */
  items: StatusItem[];
}

export interface StatusOptions {
  member?: string;
  role?: string;
  dept?: string;
  overdue?: boolean;
}

/** `training status`: per active member in scope (all by default), by handle; five queries whatever the size (the catalog's four, the rounds, the attempts, the members). */
export async function getStatus(o: ServiceOptions, f: StatusOptions): Promise<MemberTraining[]> {
  return o.db.snapshot(async (q) => {
    const scope: MemberScope = {};
    if (f.member !== undefined) scope.memberId = await resolveMemberId(q, f.member);
    if (f.role !== undefined) scope.roleId = await resolveRoleId(q, f.role);
    if (f.dept !== undefined) scope.departmentId = await resolveDepartmentId(q, f.dept);
    const { soonDays } = await readSettings(q);
    // One member asked for by name is shown archived too (a read); everyone else is the current team.
    if (scope.memberId !== undefined) scope.includeArchived = true;
    const members = (scope.memberId !== undefined ? [(await getMemberById(q, scope.memberId))!] : await getActiveMembers(q)).filter((m) => inScope(m, scope));
    const titles = new Map((await listCourses(q, { includeRetired: true })).map((c) => [c.id, c.title]));
    const byMember = new Map<number, LatestRound[]>();
    for (const r of await latestRounds(q, scope)) {
      const list = byMember.get(r.memberId);
      if (list) list.push(r);
      else byMember.set(r.memberId, [r]);
    }
    const latestBy = new Map<number, MemberTraining['latest']>();
    for (const a of await latestAttempts(q, scope)) {
      const l = latestBy.get(a.memberId) ?? { theory: null, simulation: null, practical: null };
      l[a.kind] = { score: a.score, course: a.course, date: a.date, passed: a.passed };
      latestBy.set(a.memberId, l);
    }
    const out = members.map((m) => memberTraining(m, byMember.get(m.id) ?? [], titles, latestBy.get(m.id), o.today, soonDays));
    return f.overdue ? out.filter((m) => m.overdue > 0).map((m) => ({ ...m, items: m.items.filter((i) => i.flag === 'overdue') })) : out;
  });
}

const inScope = (m: Member, s: MemberScope) => (s.memberId === undefined || m.id === s.memberId) && (s.roleId === undefined || m.roleId === s.roleId) && (s.departmentId === undefined || m.departmentId === s.departmentId);

/** One member's status from their latest round of each course (in catalog order). */
function memberTraining(m: Member, rounds: readonly LatestRound[], titles: ReadonlyMap<number, string>, latest: MemberTraining['latest'] | undefined, today: string, soonDays: number): MemberTraining {
  let current = 0;
  let overdue = 0;
  let dueSoon = 0;
  let refreshersDue = 0;
  const items: StatusItem[] = [];
  for (const r of rounds) {
    const flag = dueFlag(r, today, soonDays);
    if (isCurrent(r, today)) current++;
    if (flag === 'overdue') overdue++;
    else if (flag === 'due-soon') dueSoon++;
    if (flag !== null && r.source === 'refresher') refreshersDue++;
    items.push({ id: r.id, course: titles.get(r.courseId)!, source: r.source, status: roundStatus(r), due: dueOf(r), flag, startedOn: r.startedOn, completedOn: r.completedOn, passedOn: r.passedOn, retakeDueOn: r.retakeDueOn });
  }
  return {
    handle: m.handle,
    name: m.name,
    role: m.role,
    department: m.department,
    courses: rounds.length,
    current,
    donePct: percent(current, rounds.length),
    overdue,
    dueSoon,
    refreshersDue,
    latest: latest ?? { theory: null, simulation: null, practical: null },
    items,
  };
}

/** `training attempts`: every attempt of a member (archived ones too), oldest first, for one course or all: the whole history, retakes included. */
export function getAttempts(o: ServiceOptions, f: { member: string; course?: string }): Promise<Assessment[]> {
  return o.db.snapshot(async (q) => listAssessments(q, { memberId: await resolveMemberId(q, f.member), ...(f.course !== undefined && { courseId: await resolveCourseId(q, f.course) }) }));
}

/** Before and after a pass: mean goal attainment (%) of the members who passed. */
export interface Effect {
  /** Members with goals due in both windows. */
  members: number;
  before: number | null;
  after: number | null;
  change: number | null;
}

export interface CourseReport {
  course: string;
  /** Members who completed the course or attended a session of it in the period. */
  trained: number;
  /** Rounds with an attempt in the period. */
  assessed: number;
  /** Rounds passed in the period (by assessment, or by completion for a course without one). */
  passed: number;
  /** Of the rounds assessed in the period, those passed in it with no attempt below the mark, ever. */
  firstTryPct: number | null;
  passPct: number | null;
  meanScore: Record<AssessmentKind, number | null>;
  /** Course hours times completions in the period. */
  hours: number;
  goalEffect: Effect;
  /** The same for the locked KPI scores of closed evaluation cycles: months ended before the pass against months begun after it. */
  kpiEffect: Effect;
}

export interface TrainingReport {
  from: string;
  to: string;
  /** Days before and after each pass that the effect compares. */
  windowDays: number;
  courses: CourseReport[];
}

/**
 * `training report`: per course with activity in [from, to] (default the
 * last 90 days): people trained, pass rates (first try: a round passed with
 * no attempt below the mark), mean score by kind, hours, and the effect on
 * goal attainment: the mean progress (0–100 %) of the goals due in the 90
 * days before each pass against those due from the pass on (up to today).
 */
export async function getReport(o: ServiceOptions, f: { course?: string; from?: string; to?: string }): Promise<TrainingReport> {
  const to = f.to ?? o.today;
  const from = f.from ?? addDays(to, -(EFFECT_WINDOW_DAYS - 1));
  if (from > to) throw new InputError('training.err.fromAfterTo', { from, to });
  const data = await o.db.snapshot(async (q) => {
    const courseId = f.course !== undefined ? await resolveCourseId(q, f.course) : undefined;
    return {
      courses: await listCourses(q, { includeRetired: true, ...(courseId !== undefined && { ids: [courseId] }) }),
      activity: await courseActivity(q, from, to, courseId),
      passes: await passesBetween(q, from, to, courseId),
    };
  });
  // Goals due from the earliest window's start to the last pass's window end: one read of the goals.
  const goals = data.passes.length === 0 ? [] : await getGoals(o, { all: true, dueAfter: effectWindows(data.passes[0]!.passedOn, o.today).before[0], dueBefore: addDays(data.passes.at(-1)!.passedOn, EFFECT_WINDOW_DAYS) });
  const goalsOf = new Map<number, Point[]>();
  for (const g of goals) {
    if (g.ownerType !== 'member' || g.ownerId === null || g.due === null || g.progressPct === null || g.draft) continue;
    goalsOf.set(g.ownerId, [...(goalsOf.get(g.ownerId) ?? []), { from: g.due, to: g.due, pct: attainment(g.progressPct) }]);
  }
  // Closed evaluation cycles in the same span: one query. A month counts before the pass when it ended before it, after when it began on or after it (the month of the pass is neither).
  // Loaded only here: training status (the same module) never pays for evaluations' code.
  const kpis = data.passes.length === 0 ? [] : await (await import('../evaluations/public.js')).getKpiScores(o, effectWindows(data.passes[0]!.passedOn, o.today).before[0], addDays(data.passes.at(-1)!.passedOn, EFFECT_WINDOW_DAYS));
  const kpisOf = new Map<number, Point[]>();
  for (const k of kpis) kpisOf.set(k.memberId, [...(kpisOf.get(k.memberId) ?? []), { from: k.from, to: k.to, pct: k.kpiScore }]);
  const reports: CourseReport[] = [];
  for (const c of data.courses) {
    const a = data.activity.get(c.id);
    if (!a && f.course === undefined) continue;
    if (a && a.trained === 0 && a.assessed === 0 && f.course === undefined) continue;
    const n: Omit<CourseActivity, 'courseId'> = a ?? { assessed: 0, decided: 0, passed: 0, assessedPassed: 0, firstTry: 0, completions: 0, trained: 0, meanScore: {} };
    const meanScore = Object.fromEntries(ASSESSMENT_KINDS.map((k) => [k, n.meanScore[k] === undefined ? null : Math.round(n.meanScore[k]! * 10) / 10])) as Record<AssessmentKind, number | null>;
    reports.push({
      course: c.title,
      trained: n.trained,
      assessed: n.assessed,
      passed: n.passed,
      // Over the settled rounds: one with a kind passed and the next not yet taken is neither.
      firstTryPct: percent(n.firstTry, n.decided),
      passPct: percent(n.assessedPassed, n.decided),
      meanScore,
      hours: Math.round(c.hours * n.completions * 10) / 10,
      goalEffect: effect(data.passes.filter((p) => p.courseId === c.id), goalsOf, o.today),
      kpiEffect: effect(data.passes.filter((p) => p.courseId === c.id), kpisOf, o.today),
    });
  }
  return { from, to, windowDays: EFFECT_WINDOW_DAYS, courses: reports };
}

/** A measure over a span of days: a goal on its due date (from = to), a closed month's KPI score over the month. */
interface Point {
  from: string;
  to: string;
  pct: number;
}

function effect(passes: readonly { memberId: number; passedOn: string }[], goalsOf: ReadonlyMap<number, readonly Point[]>, today: string): Effect {
  const before: number[] = [];
  const after: number[] = [];
  // Each member once, by their first pass in the period (passes come in date order; a refresher's pass later is the same training).
  const first = new Map<number, { memberId: number; passedOn: string }>();
  for (const p of passes) if (!first.has(p.memberId)) first.set(p.memberId, p);
  for (const p of first.values()) {
    const w = effectWindows(p.passedOn, today);
    const goals = goalsOf.get(p.memberId) ?? [];
    // Before: ended in the 90 days before the pass; after: began on or after it and ended by the window's end.
    const b = mean(goals.filter((g) => g.to >= w.before[0] && g.to <= w.before[1]).map((g) => g.pct));
    const a = w.after && mean(goals.filter((g) => g.from >= w.after![0] && g.to <= w.after![1]).map((g) => g.pct));
    if (b === null || a === null) continue;
    before.push(b);
    after.push(a);
  }
  const mb = mean(before);
  const ma = mean(after);
  return { members: before.length, before: mb, after: ma, change: mb === null || ma === null ? null : Math.round((ma - mb) * 10) / 10 };
}
