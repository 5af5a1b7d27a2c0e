/** Writing goals: add, edit (with an audit trail), check in. Reviews and archiving: review.service.ts. */
import { findGoalById, listDescendants, insertGoal, updateGoal, type GoalPatch } from './repository.js';
import { findCheckinAsOf, findLastCheckin, insertCheckin } from './checkins.repository.js';
import { insertEvent } from './history.repository.js';
import type { Queryable } from '../db/sql.js';
import { InputError, label } from '../shared/errors.js';
import { STATE_LABEL } from './labels.js';
import { roundTo, type Goal, type GoalView, type OwnerType, type Term } from './rules/goal.js';
import { deriveHorizon, isLongTerm } from './rules/periods.js';
import { progressOrigin } from './rules/evaluate.js';
import type { SmartReport } from './rules/smart.js';
import { defaultDirection, directionFitsKind, resolveKind, type Direction, type MetricKind } from './rules/units.js';
import { stamp } from '../shared/service.js';
import type { ServiceOptions } from '../shared/service.js';
import { draftOf, lintDraft } from './smart.service.js';
import { viewGoal } from './view.service.js';
import { archivedOwner } from './review.service.js';
import { checkValue, rangeProblem } from './values.js';
import { applyPatch, patchGoal, refuseArchived } from './audit.service.js';
import { resplitGoal } from './split.service.js';
import { refreshSummaries } from './summary.service.js';
import { isNone } from '../shared/none.js';
import { resolveGoalId, resolveOwner } from './resolve.js';


/** Goal fields as typed by the user; references (owner, parent) unresolved. */
export interface GoalInput {
  title?: string;
  owner?: string;
  metric?: string;
  unit?: string;
  kind?: MetricKind;
  baseline?: number | null;
  target?: number;
  direction?: Direction;
  start?: string;
  due?: string;
  horizon?: string;
  term?: Term;
  why?: string;
  parent?: string;
  weight?: number | null;
  cadence?: number;
}

/** The blocking SMART findings, as an error the CLI renders letter by letter. */
export class SmartError extends InputError {
  /** `goalId` is the goal an edit would have broken (undefined for a new goal). */
  constructor(
    readonly report: SmartReport,
    readonly goalId?: number,
  ) {
    super('goals.err.notSmart', {});
    this.name = 'SmartError';
  }
}

function kindAndDecimals(unit: string | null, kind: MetricKind | undefined, fallback: { kind: MetricKind | null; decimals: number } | null): { kind: MetricKind | null; decimals: number } {
  const resolved = resolveKind(unit, kind, fallback);
  if (resolved === undefined) throw new InputError('goals.err.kindNeeded', { unit: unit ?? '' });
  return resolved;
}

function checkKindAndDirection(kind: MetricKind | null, direction: Direction | null): void {
  if (!directionFitsKind(kind, direction)) throw new InputError('goals.err.additiveDecrease');
}

/**
 * A parent rolls its children up, so they must measure the same kind of
 * thing in the same unit, and it must not have check-ins of its own (they
 * would be hidden behind the roll-up).
 */
async function checkParent(q: Queryable, parent: Goal, child: { kind: MetricKind | null; unit: string | null }): Promise<void> {
  refuseArchived(parent);
  if (parent.kind !== child.kind || (parent.unit ?? '') !== (child.unit ?? '')) {
    throw new InputError('goals.err.parentMismatch', { parent: parent.id, unit: parent.unit ?? '', kind: parent.kind ?? '' });
  }
  if (parent.childCount === 0 && (await findLastCheckin(q, parent.id)) !== undefined) throw new InputError('goals.err.parentHasCheckins', { id: parent.id });
}


/** Fails (not found, with the closest match) unless `input` names the team, a member or a department. */
export async function checkOwner(o: ServiceOptions, input: string): Promise<void> {
  await resolveOwner(o.db, input);
}

/**
 * Adds a goal after the SMART check. S, M and T failures throw a SmartError
 * unless `draft`; A and R come back as warnings with the goal.
 */
export async function addGoal(o: ServiceOptions, input: GoalInput & { title: string; owner: string }, draft: boolean): Promise<{ goal: GoalView; smart: SmartReport }> {
  return o.db.transaction(async (tx) => {
    const owner = await resolveOwner(tx, input.owner);
    const parent = input.parent === undefined ? null : (await findGoalById(tx, await resolveGoalId(tx, input.parent)))!;
    // A sub-goal inherits what it does not say: metric, unit, kind, direction, dates.
    const unit = input.unit ?? parent?.unit ?? null;
    const { kind, decimals } = kindAndDecimals(unit, input.kind, parent && input.unit === undefined ? { kind: parent.kind, decimals: parent.decimals } : null);
    const baseline = input.baseline ?? null;
    const target = input.target ?? null;
    const start = input.start ?? parent?.start ?? o.today;
    const due = input.due ?? parent?.due ?? null;
    // A total with no baseline to compare is one to reach: "GMV ¥300,000 this month".
    const direction = input.direction ?? parent?.direction ?? defaultDirection(baseline, target) ?? (kind === 'additive' && target !== null ? 'increase' : null);
    const metric = input.metric ?? parent?.metric ?? null;
    const relevance = input.why ?? null;
    checkValue('--baseline', baseline, unit, kind);
    checkValue('--target', target, unit, kind);
    checkKindAndDirection(kind, direction);
    if (parent) await checkParent(tx, parent, { kind, unit });
    const smart = await lintDraft(tx, { title: input.title, metric, unit, baseline, target, direction, start, due, parentId: parent?.id ?? null, relevance }, owner, o.today, null);
    if (smart.blocking && !draft) throw new SmartError(smart);
    const now = stamp(o.now);
    const id = await insertGoal(tx, {
      title: input.title,
      ownerType: owner.type,
      ownerMemberId: owner.type === 'member' ? owner.id : null,
      ownerDepartmentId: owner.type === 'department' ? owner.id : null,
      metric,
      unit,
      kind,
      decimals,
      baseline,
      target,
      direction,
      start: start,
      due: due,
      horizon: input.horizon ?? (due && due >= start ? deriveHorizon(start, due) : 'custom'),
      term: input.term ?? (due && due >= start && isLongTerm(start, due) ? 'long' : 'short'),
      relevance,
      parentId: parent?.id ?? null,
      weight: input.weight ?? null,
      periodLabel: null,
      draft: smart.blocking,
      cadenceDays: input.cadence ?? 7,
      state: 'open',
      finalValue: null,
      closedAt: null,
      lastValue: null,
      lastCheckinDate: null,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await insertEvent(tx, { goalId: id, at: now, actor: o.actor, field: 'created', old: null, new: smart.blocking ? 'draft' : 'open' });
    // The new goal's summary, and its parent's roll-up (one more child) up the tree.
    await refreshSummaries(tx, [id], o.today);
    return { goal: await viewGoal(tx, id, o.today), smart };
  });
}

export interface EditResult {
  goal: GoalView;
  smart: SmartReport;
  /** True when the edit turned a draft into a live goal. */
  promoted: boolean;
  targetChanged: boolean;
  /** How many sub-goals were re-split to the new target. */
  resplit: number;
}

/**
 * Edits a goal. A live goal must stay SMART (S/M/T); a draft that becomes
 * SMART is promoted. Every change lands in the audit trail.
 */
export async function editGoal(o: ServiceOptions, ref: string, input: GoalInput, opts: { resplit?: boolean } = {}): Promise<EditResult> {
  if (Object.values(input).every((v) => v === undefined) && !opts.resplit) throw new InputError('err.nothingToChange');
  return o.db.transaction(async (tx) => {
    const goal = (await findGoalById(tx, await resolveGoalId(tx, ref)))!;
    refuseArchived(goal);
    if (goal.state !== 'open') throw new InputError('goals.err.closed', { id: goal.id, state: label(STATE_LABEL[goal.state]) });
    const patch: GoalPatch = {};
    let newParent: Goal | undefined;
    if (input.owner !== undefined) {
      const owner = await resolveOwner(tx, input.owner);
      Object.assign(patch, { ownerType: owner.type, ownerMemberId: owner.type === 'member' ? owner.id : null, ownerDepartmentId: owner.type === 'department' ? owner.id : null });
    }
    if (input.parent !== undefined && isNone(input.parent)) patch.parentId = null;
    else if (input.parent !== undefined) {
      const parentId = await resolveGoalId(tx, input.parent);
      const below = await listDescendants(tx, [goal.id]);
      if (parentId === goal.id || below.some((g) => g.id === parentId)) throw new InputError('goals.err.parentLoop', { id: goal.id });
      patch.parentId = parentId;
      newParent = (await findGoalById(tx, parentId))!;
    }
    if ((input.unit !== undefined || input.kind !== undefined) && goal.childCount > 0) throw new InputError('goals.err.unitWithChildren', { id: goal.id });
    if (input.unit !== undefined || input.kind !== undefined) {
      const { kind, decimals } = kindAndDecimals(input.unit ?? goal.unit, input.kind, input.unit === undefined ? { kind: goal.kind, decimals: goal.decimals } : null);
      Object.assign(patch, { unit: input.unit ?? goal.unit, kind, decimals });
    }
    const set = <K extends keyof GoalPatch>(k: K, v: GoalPatch[K] | undefined) => {
      if (v !== undefined) patch[k] = v;
    };
    set('title', input.title);
    set('metric', input.metric);
    set('baseline', input.baseline);
    set('target', input.target);
    set('direction', input.direction);
    set('start', input.start);
    set('due', input.due);
    set('relevance', input.why);
    set('weight', input.weight);
    set('cadenceDays', input.cadence);
    set('term', input.term);
    if (input.direction === undefined && goal.direction === null) {
      const derived = defaultDirection(input.baseline ?? goal.baseline, input.target ?? goal.target);
      if (derived) patch.direction = derived;
    }
    const next = applyPatch(goal, patch);
    // A new unit re-checks the numbers already there (a target of 300 cannot become 300 %).
    const unitChanged = input.unit !== undefined || input.kind !== undefined;
    if (unitChanged || input.baseline !== undefined) checkValue('--baseline', next.baseline, next.unit, next.kind);
    if (unitChanged || input.target !== undefined) checkValue('--target', next.target, next.unit, next.kind);
    checkKindAndDirection(next.kind, next.direction);
    if (newParent) await checkParent(tx, newParent, next);
    // A sub-goal keeps its parent's unit and kind: the parent sums or averages it.
    else if (next.parentId !== null && (patch.unit !== undefined || patch.kind !== undefined)) await checkParent(tx, (await findGoalById(tx, next.parentId))!, next);
    if (input.horizon !== undefined) patch.horizon = input.horizon;
    else if ((input.start !== undefined || input.due !== undefined) && next.start && next.due && next.due >= next.start) patch.horizon = deriveHorizon(next.start, next.due);
    const smart = await lintDraft(tx, draftOf(next), { type: next.ownerType, id: next.ownerId }, o.today, goal.id);
    if (smart.blocking && !goal.draft) throw new SmartError(smart, goal.id);
    const promoted = goal.draft && !smart.blocking;
    if (promoted) patch.draft = false;
    await patchGoal(tx, o, goal, patch);
    const targetChanged = input.target !== undefined && input.target !== goal.target;
    // --resplit re-splits even when this edit did not move the target: the hint after an earlier edit says so.
    const resplit = opts.resplit && goal.childCount > 0 ? await resplitGoal(o, String(goal.id)) : 0;
    // Dates, baseline, kind, target or weight move the projection and the roll-ups
    // above; a new parent takes the goal from the old one's roll-up.
    await refreshSummaries(tx, goal.parentId !== null && patch.parentId !== undefined ? [goal.id, goal.parentId] : [goal.id], o.today);
    return { goal: await viewGoal(tx, goal.id, o.today), smart, promoted, targetChanged, resplit };
  });
}

export interface CheckinInput {
  value?: number;
  add?: number;
  date?: string;
  note?: string;
}


/**
 * Records the metric's current value on a goal (or `add`s to the last one).
 * Drafts, closed goals and goals with sub-goals (their value is rolled up) refuse.
 * A goal whose owner has left still takes check-ins; `ownerArchived` names them so the CLI can warn.
 */
export async function checkinGoal(o: ServiceOptions, ref: string, input: CheckinInput): Promise<{ goal: GoalView; value: number; date: string; ownerArchived?: string }> {
  return o.db.transaction(async (tx) => {
    const goal = (await findGoalById(tx, await resolveGoalId(tx, ref)))!;
    refuseArchived(goal);
    if (goal.draft) throw new InputError('goals.err.draftCheckin', { id: goal.id });
    if (goal.state !== 'open') throw new InputError('goals.err.closed', { id: goal.id, state: label(STATE_LABEL[goal.state]) });
    if (goal.childCount > 0) throw new InputError('goals.err.parentCheckin', { id: goal.id, children: goal.childCount });
    checkValue('--value', input.value, goal.unit, goal.kind);
    const date = input.date ?? o.today;
    if (date > o.today) throw new InputError('goals.err.futureCheckin', { date, today: o.today });
    if (goal.start && date < goal.start) throw new InputError('goals.err.checkinBeforeStart', { date, start: goal.start });
    // A value after the due date says nothing about the goal: the result is the value as of the due date.
    if (goal.due && date > goal.due) throw new InputError('goals.err.checkinAfterDue', { id: goal.id, date, due: goal.due });
    const last = await findLastCheckin(tx, goal.id);
    // --add counts from the value as of that date (a back-dated correction adds to what stood then).
    const before = input.add === undefined ? undefined : await findCheckinAsOf(tx, goal.id, date);
    const value = roundTo(input.value ?? (before?.value ?? progressOrigin(goal) ?? 0) + (input.add ?? 0), goal.decimals + 4)!;
    const problem = input.add === undefined ? undefined : rangeProblem(value, goal.unit, goal.kind);
    if (problem) throw new InputError('goals.err.addOutOfRange', { ...problem.params, add: String(input.add), id: goal.id });
    await insertCheckin(tx, { goalId: goal.id, date, value, note: input.note ?? null, actor: o.actor, createdAt: stamp(o.now) });
    if (!last || date >= last.date) await updateGoal(tx, goal.id, { lastValue: value, lastCheckinDate: date, updatedAt: stamp(o.now) });
    await refreshSummaries(tx, [goal.id], o.today);
    const ownerArchived = await archivedOwner(tx, goal);
    return { goal: await viewGoal(tx, goal.id, o.today), value, date, ...(ownerArchived !== undefined && { ownerArchived }) };
  });
}

export type { OwnerType };
