/**
 * Decomposition: a goal split per department or member and/or per period, and
 * re-split when its target moves.
 *
 * Cascades are built by splitting again: a team's year goal `--by dept` (or
 * `--by period --period quarter`), then each department's goal `--by member
 * --dept <its department>`, each quarter `--by period --period month`. Every
 * level is split exactly (additive) or carries the target (rates), so the
 * leaves sum to the root to the cent.
 */
import { findGoalById, insertGoal, listDescendants } from './repository.js';
import { findLastCheckin } from './checkins.repository.js';
import { insertEvent } from './history.repository.js';
import type { Queryable } from '../db/sql.js';
import { InputError, label } from '../shared/errors.js';
import { STATE_LABEL } from './labels.js';
import type { Goal, GoalView } from './rules/goal.js';
import { deriveHorizon, splitPeriods, type Period, type SplitPeriod } from './rules/periods.js';
import { planSplit, splitExact } from './rules/split.js';
import { stamp } from '../shared/service.js';
import type { ServiceOptions } from '../shared/service.js';
import { patchGoal, refuseArchived } from './audit.service.js';
import { evaluateGoals } from './view.service.js';
import { getDepartmentMembers, getMemberById, listAllDepartments, resolveDepartmentId, resolveMemberId } from '../org/public.js';
import { resolveGoalId } from './resolve.js';
import { refreshSummaries } from './summary.service.js';

export type SplitBy = 'member' | 'dept' | 'period' | 'member,period' | 'dept,period';

export interface SplitOptions {
  by: SplitBy;
  members?: string[];
  dept?: string;
  /** For --by dept: the departments, in order; default those with active members. */
  depts?: string[];
  period?: SplitPeriod;
  weights?: number[];
}

/** What a split needs of its parent: a live goal with a target, kind and dates, not split yet. */
function checkSplittable(g: Goal): asserts g is Goal & { target: number; start: string; due: string; kind: 'additive' | 'rate' } {
  refuseArchived(g);
  if (g.draft) throw new InputError('goals.err.draftSplit', { id: g.id });
  if (g.state !== 'open') throw new InputError('goals.err.closed', { id: g.id, state: label(STATE_LABEL[g.state]) });
  if (g.childCount > 0) throw new InputError('goals.err.alreadySplit', { id: g.id, children: g.childCount });
  if (g.target === null || g.start === null || g.due === null || g.kind === null) throw new InputError('goals.err.notSplittable', { id: g.id });
}

/** A goal with check-ins of its own would lose them to the roll-up of its new sub-goals. */
async function checkNoCheckins(tx: Queryable, g: Goal): Promise<void> {
  if ((await findLastCheckin(tx, g.id)) !== undefined) throw new InputError('goals.err.splitHasCheckins', { id: g.id });
}

async function splitMembers(tx: Queryable, o: SplitOptions): Promise<{ id: number; handle: string; name: string }[]> {
  let ids: number[];
  if (o.members?.length) ids = [];
  else if (o.dept !== undefined) ids = (await getDepartmentMembers(tx, await resolveDepartmentId(tx, o.dept))).map((m) => m.id);
  else throw new InputError('goals.err.splitNeedsMembers');
  for (const ref of o.members ?? []) ids.push(await resolveMemberId(tx, ref));
  if (new Set(ids).size !== ids.length) throw new InputError('goals.err.splitDuplicateMember');
  if (ids.length === 0) throw new InputError('goals.err.splitNoMembers', { dept: o.dept ?? '' });
  const out = [];
  for (const id of ids) {
    const m = (await getMemberById(tx, id))!;
    if (m.archived) throw new InputError('goals.err.memberArchived', { handle: m.handle });
    out.push({ id, handle: m.handle, name: m.name });
  }
  return out;
}

/**
 * The departments a team goal is shared among, in order. Only a team's goal
 * splits by department (a department's or member's goal is already inside
 * one). Named with --depts: exactly those, in that order, even one with no
 * members yet (the lead chose it). Otherwise every department that has active
 * members, in the order `team depts list` shows: a department nobody
 * works in can deliver nothing, and a share given to it would be missing from
 * the rest.
 */
async function splitDepts(tx: Queryable, parent: Goal, o: SplitOptions): Promise<{ id: number; name: string }[]> {
  if (parent.ownerType !== 'team') throw new InputError('goals.err.deptSplitNeedsTeam', { id: parent.id, owner: parent.owner });
  if (o.members?.length || o.dept !== undefined) throw new InputError('goals.err.deptSplitMemberOptions');
  const all = await listAllDepartments(tx);
  if (!o.depts?.length) {
    const staffed = all.filter((d) => d.memberCount > 0).map((d) => ({ id: d.id, name: d.name }));
    if (staffed.length === 0) throw new InputError('goals.err.splitNoDepts');
    return staffed;
  }
  const out: { id: number; name: string }[] = [];
  for (const ref of o.depts) {
    const id = await resolveDepartmentId(tx, ref);
    if (out.some((d) => d.id === id)) throw new InputError('goals.err.splitDuplicateDept');
    out.push({ id, name: all.find((d) => d.id === id)!.name });
  }
  return out;
}

/**
 * Splits a goal into children that inherit its metric, unit, kind, direction
 * and relevance. Additive targets sum exactly to the parent's; rates carry it.
 * By member (or dept) and period, each member (department) gets a goal with
 * one sub-goal per period.
 */
export async function splitGoal(o: ServiceOptions, ref: string, opts: SplitOptions): Promise<{ parentId: number; created: number; children: GoalView[] }> {
  return o.db.transaction(async (tx) => {
    const parent = (await findGoalById(tx, await resolveGoalId(tx, ref)))!;
    checkSplittable(parent);
    await checkNoCheckins(tx, parent);
    const byDept = opts.by === 'dept' || opts.by === 'dept,period';
    const byMember = opts.by === 'member' || opts.by === 'member,period';
    const byPeriod = opts.by === 'period' || opts.by.endsWith(',period');
    if (!byDept && opts.depts?.length) throw new InputError('goals.err.deptsWithoutDept');
    const depts = byDept ? await splitDepts(tx, parent, opts) : [];
    const members = byMember ? await splitMembers(tx, opts) : [];
    // Members or departments, whichever the split is by: the rows --weights applies to.
    const owners = byDept ? depts : members;
    const byOwner = byDept || byMember;
    let periods: Period[] = byPeriod ? splitPeriods(parent.start, parent.due, opts.period ?? 'month') : [];
    const first = byOwner ? owners.length : periods.length;
    if (opts.weights && opts.weights.length !== first) throw new InputError('goals.err.weightsCount', { given: opts.weights.length, needed: first });
    if (opts.weights && !byOwner) periods = periods.map((p, i) => ({ ...p, weight: opts.weights![i]! }));
    const rows = owners.map((m, i) => ({ id: m.id, ...(opts.weights && byOwner && { weight: opts.weights[i]! }) }));
    const cells = planSplit({
      target: parent.target,
      baseline: parent.baseline,
      kind: parent.kind,
      decimals: parent.decimals,
      by: opts.by,
      members: byMember ? rows : undefined,
      depts: byDept ? rows : undefined,
      periods,
      start: parent.start,
      due: parent.due,
    });
    const now = stamp(o.now);
    const base = { ...inheritedFrom(parent), parentId: parent.id, createdAt: now, updatedAt: now };
    const inserted: number[] = [];
    const insert = async (c: { title: string; memberId: number | null; deptId: number | null; target: number; baseline: number | null; start: string; due: string; parentId: number; label: string | null; weight: number | null }) => {
      // A child belongs to its member or department, else (a period) to the parent's owner.
      const ownerType = c.memberId !== null ? 'member' : c.deptId !== null ? 'department' : parent.ownerType;
      const id = await insertGoal(tx, {
        ...base,
        title: c.title,
        ownerType,
        ownerMemberId: ownerType !== 'member' ? null : (c.memberId ?? parent.ownerId),
        ownerDepartmentId: ownerType !== 'department' ? null : (c.deptId ?? parent.ownerId),
        target: c.target,
        baseline: c.baseline,
        start: c.start,
        due: c.due,
        horizon: deriveHorizon(c.start, c.due),
        parentId: c.parentId,
        periodLabel: c.label,
        weight: c.weight,
      });
      await insertEvent(tx, { goalId: id, at: now, actor: o.actor, field: 'created', old: null, new: `split from #${c.parentId}` });
      inserted.push(id);
      return id;
    };
    const created: number[] = [];
    const rowOf = (c: { memberId: number | null; deptId: number | null }) => (byDept ? c.deptId : c.memberId);
    const name = (id: number | null) => owners.find((m) => m.id === id)?.name ?? '';
    if (byOwner && byPeriod) {
      for (const [i, m] of owners.entries()) {
        const mine = cells.filter((c) => rowOf(c) === m.id);
        const who = { memberId: byMember ? m.id : null, deptId: byDept ? m.id : null };
        const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : splitExact(xs.reduce<number>((a, x) => a + x!, 0), [1], parent.decimals)[0]!);
        const target = parent.kind === 'additive' ? sum(mine.map((c) => c.target))! : parent.target;
        const baseline = parent.kind === 'additive' ? sum(mine.map((c) => c.baseline)) : parent.baseline;
        const mid = await insert({ title: `${parent.title} · ${m.name}`, ...who, target, baseline, start: parent.start, due: parent.due, parentId: parent.id, label: null, weight: opts.weights?.[i] ?? 1 });
        created.push(mid);
        for (const c of mine) await insert({ title: `${parent.title} · ${m.name} · ${c.period!.label}`, ...who, target: c.target, baseline: c.baseline, start: c.start, due: c.due, parentId: mid, label: c.period!.label, weight: c.period!.weight });
      }
    } else {
      for (const [i, c] of cells.entries()) {
        const title = c.period ? `${parent.title} · ${c.period.label}` : `${parent.title} · ${name(rowOf(c))}`;
        // The weight each child was split by is kept: re-splits and rate roll-ups use it.
        const weight = c.period ? c.period.weight : (opts.weights?.[i] ?? 1);
        created.push(await insert({ title, memberId: c.memberId, deptId: c.deptId, target: c.target, baseline: c.baseline, start: c.start, due: c.due, parentId: parent.id, label: c.period?.label ?? null, weight }));
      }
    }
    const total = created.length + (byOwner && byPeriod ? cells.length : 0);
    await insertEvent(tx, { goalId: parent.id, at: now, actor: o.actor, field: 'split', old: null, new: `${opts.by}: ${total}` });
    // The new goals' summaries; the parent now rolls them up, and so does everything above it.
    await refreshSummaries(tx, inserted, o.today);
    const refreshed = (await findGoalById(tx, parent.id))!;
    const { views, childrenOf } = await evaluateGoals(tx, [refreshed], o.today);
    return { parentId: parent.id, created: total, children: (childrenOf.get(parent.id) ?? []).map((c) => views.get(c.id)!) };
  });
}

/** What a child copies from its parent. */
function inheritedFrom(p: Goal) {
  return {
    metric: p.metric,
    unit: p.unit,
    kind: p.kind,
    decimals: p.decimals,
    direction: p.direction,
    term: p.term,
    relevance: p.relevance,
    draft: false,
    cadenceDays: p.cadenceDays,
    state: 'open' as const,
    finalValue: null,
    closedAt: null,
    lastValue: null,
    lastCheckinDate: null,
    archivedAt: null,
  };
}

/**
 * After a parent's target changed: children keep their shares (additive:
 * the new target split exactly by the children's weights, or in proportion
 * to their old targets where a child has none) or carry the new target
 * (rates), all the way down. Audited like any edit.
 */
export async function resplitGoal(o: ServiceOptions, ref: string): Promise<number> {
  return o.db.transaction(async (tx) => {
    const root = (await findGoalById(tx, await resolveGoalId(tx, ref)))!;
    const all = [root, ...(await listDescendants(tx, [root.id]))];
    const newTarget = new Map<number, number>([[root.id, root.target ?? 0]]);
    let changed = 0;
    for (const parent of all) {
      const kids = all.filter((g) => g.parentId === parent.id);
      if (kids.length === 0 || parent.target === null) continue;
      const total = newTarget.get(parent.id) ?? parent.target;
      const old = kids.every((k) => k.weight !== null && k.weight > 0) ? kids.map((k) => k.weight!) : kids.map((k) => Math.abs(k.target ?? 0));
      const shares = parent.kind === 'additive' ? splitExact(total, old.some((w) => w > 0) ? old : kids.map(() => 1), parent.decimals) : kids.map(() => total);
      for (const [i, k] of kids.entries()) {
        newTarget.set(k.id, shares[i]!);
        // A closed goal keeps the target it was judged against.
        if (k.state === 'open' && k.target !== shares[i]) {
          await patchGoal(tx, o, k, { target: shares[i]! });
          changed++;
        }
      }
    }
    // Targets changed all the way down: every summary of the subtree (and above it).
    if (changed > 0) await refreshSummaries(tx, all.map((g) => g.id), o.today);
    return changed;
  });
}
