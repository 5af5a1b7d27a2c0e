/** KPI templates per role and the promotion seasons that override them: add, edit, remove (kept on record), list and show. */
import type { Queryable } from '../db/sql.js';
import { resolveRoleId } from '../org/public.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { closestMatch } from '../shared/match.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { deleteOverride, renameOverrides, findKpi, findKpiByName, findRoleName, findSeasonByName, insertKpi, insertSeason, listKpis, listSeasons, removeKpi, roleWeights, setOverride, updateKpi, type KpiValues } from './repository.js';
import { seasonsOverlap } from './rules/cycle.js';
import type { GoalUse, Kpi, Season } from './rules/evaluation.js';
import { overrideRule, ruleProblem, sortBands, type Band, type KpiDirection, type Override, type ScoreRule } from './rules/scoring.js';

/** A KPI as a command gives it. Undefined: not given (on edit, unchanged); null: cleared. */
export interface KpiInput {
  name?: string;
  unit?: string | null;
  direction?: KpiDirection;
  target?: number;
  targetHigh?: number | null;
  threshold?: number | null;
  thresholdHigh?: number | null;
  bands?: readonly Band[] | null;
  weight?: number;
  source?: string | null;
  goalMetric?: string | null;
  goalUse?: GoalUse | null;
}

/** A KPI with its role's weights after the write: the lead sees at once what is left to reach 100. */
export interface KpiResult {
  kpi: Kpi;
  roleTotal: number;
}

function checkWeight(w: number): void {
  if (!Number.isFinite(w) || w <= 0 || w > 100) throw new InputError('evaluations.err.weight', { value: String(w) });
}

/** The rule a KPI scores by: bands win over a threshold; with bands and no target, the best band's bound is the target. */
export function buildRule(k: Required<Pick<KpiInput, 'direction'>> & KpiInput, base?: ScoreRule): ScoreRule {
  const bands = k.bands !== undefined ? (k.bands === null ? null : sortBands(k.bands)) : (base?.bands ?? null);
  // A threshold typed for a KPI scored by bands would be dropped: say so (--bands none switches it to a threshold).
  if (bands !== null && (k.threshold !== undefined || k.thresholdHigh !== undefined)) throw new InputError('evaluations.err.thresholdWithBands', {});
  // New bands without a target: the best band's bound is it (the old target would misstate the rule).
  const target = k.target ?? (k.bands ? bands?.[0]?.bound : undefined) ?? base?.target ?? bands?.[0]?.bound;
  if (k.direction !== 'within' && ((k.targetHigh !== undefined && k.targetHigh !== null) || (k.thresholdHigh !== undefined && k.thresholdHigh !== null))) throw new InputError('evaluations.err.rangeNotWithin', {});
  if (target === undefined) throw new InputError('evaluations.err.needTarget', {});
  const rule: ScoreRule = {
    direction: k.direction,
    target,
    targetHigh: k.targetHigh !== undefined ? k.targetHigh : (base?.targetHigh ?? null),
    threshold: bands !== null ? null : k.threshold !== undefined ? k.threshold : (base?.threshold ?? null),
    thresholdHigh: bands !== null ? null : k.thresholdHigh !== undefined ? k.thresholdHigh : (base?.thresholdHigh ?? null),
    bands,
  };
  if (rule.direction !== 'within') rule.targetHigh = rule.thresholdHigh = null;
  const problem = ruleProblem(rule);
  if (problem) throw new InputError(problem, { target: rule.target, threshold: rule.threshold ?? '' });
  return rule;
}

/** A role's KPI by name (any case), preset key or id; across roles when no role is named and the name is one role's only. */
export async function resolveKpi(q: Queryable, ref: string, role?: string): Promise<Kpi> {
  const s = ref.trim();
  if (role !== undefined) {
    const roleId = await resolveRoleId(q, role);
    const k = (await findKpiByName(q, roleId, s)) ?? (/^#?\d+$/.test(s) ? await findKpi(q, Number(s.replace('#', ''))) : undefined);
    if (k && k.roleId === roleId && k.removedAt === null) return k;
    throw new NotFoundError('evaluations.kind.kpi', s, closestMatch(s, (await listKpis(q, { roleIds: [roleId] })).map((x) => x.name)));
  }
  if (/^#?\d+$/.test(s)) {
    const k = await findKpi(q, Number(s.replace('#', '')));
    if (k && k.removedAt === null) return k;
  }
  const all = await listKpis(q);
  const same = all.filter((k) => k.name.toLowerCase() === s.toLowerCase() || k.presetKey === s);
  if (same.length === 1) return same[0]!;
  if (same.length > 1) throw new InputError('evaluations.err.kpiSeveralRoles', { kpi: s, roles: same.map((k) => k.role) });
  throw new NotFoundError('evaluations.kind.kpi', s, closestMatch(s, all.map((k) => k.name)));
}

/** Every season's override of the KPI must still make a sound rule with it (a new threshold may cross an override's target). */
async function checkOverrides(tx: Queryable, k: Kpi): Promise<void> {
  for (const s of await listSeasons(tx))
    for (const o of s.overrides) {
      if (o.kpi.toLowerCase() !== k.name.toLowerCase() || (o.roleId !== null && o.roleId !== k.roleId)) continue;
      if (k.bands !== null && o.bands === null) throw new InputError('evaluations.err.overrideBroken', { season: s.name, kpi: k.name });
      const rule = overrideRule(k, o);
      if (ruleProblem(rule)) throw new InputError('evaluations.err.overrideBroken', { season: s.name, kpi: k.name });
    }
}

async function roleTotal(q: Queryable, roleId: number): Promise<number> {
  return Math.round(((await roleWeights(q, [roleId])).get(roleId) ?? 0) * 100) / 100;
}

async function checkRoleTotal(tx: Queryable, roleId: number, role: string): Promise<number> {
  const total = await roleTotal(tx, roleId);
  if (total > 100) throw new InputError('evaluations.err.weightsOver', { role, total });
  return total;
}

function values(k: KpiInput & { name: string; direction: KpiDirection; weight: number }, rule: ScoreRule): Omit<KpiValues, 'roleId' | 'presetKey'> {
  const name = k.name.trim();
  if (name === '') throw new InputError('evaluations.err.needName', {});
  checkWeight(k.weight);
  // --from-goal without a metric: the goal's metric is the KPI's name.
  const goalMetric = k.goalMetric === '' ? name : (k.goalMetric?.trim() || null);
  if (k.goalUse === 'attainment' && !goalMetric) throw new InputError('evaluations.err.attainmentNeedsGoal', {});
  return { name, unit: k.unit ?? null, ...rule, weight: k.weight, source: k.source ?? null, goalMetric, goalUse: goalMetric ? (k.goalUse ?? 'value') : null };
}

export async function addKpi(o: ServiceOptions, role: string, k: KpiInput & { name: string }, presetKey: string | null = null): Promise<KpiResult> {
  return o.db.transaction(async (tx) => {
    const roleId = await resolveRoleId(tx, role);
    const taken = await findKpiByName(tx, roleId, k.name.trim());
    if (taken) throw new InputError('evaluations.err.kpiTaken', { kpi: taken.name, role: taken.role });
    if (k.weight === undefined) throw new InputError('evaluations.err.needWeight', {});
    const direction = k.direction ?? 'higher';
    const id = await insertKpi(tx, { roleId, presetKey, ...values({ ...k, direction, weight: k.weight }, buildRule({ ...k, direction })) }, stamp(o.now));
    const kpi = (await findKpi(tx, id))!;
    await checkOverrides(tx, kpi);
    return { kpi, roleTotal: await checkRoleTotal(tx, roleId, kpi.role) };
  });
}

export async function editKpi(o: ServiceOptions, ref: string, role: string | undefined, k: KpiInput): Promise<KpiResult> {
  return o.db.transaction(async (tx) => {
    const old = await resolveKpi(tx, ref, role);
    if (k.name !== undefined && k.name.trim().toLowerCase() !== old.name.toLowerCase()) {
      const taken = await findKpiByName(tx, old.roleId, k.name.trim());
      if (taken) throw new InputError('evaluations.err.kpiTaken', { kpi: taken.name, role: taken.role });
    }
    const direction = k.direction ?? old.direction;
    // A new direction takes nothing of the old rule: its threshold sits on the other side.
    const base = direction === old.direction ? old : undefined;
    const rule = buildRule({ ...k, direction }, base);
    const merged = { name: k.name ?? old.name, unit: k.unit !== undefined ? k.unit : old.unit, direction, weight: k.weight ?? old.weight, source: k.source !== undefined ? k.source : old.source, goalMetric: k.goalMetric !== undefined ? k.goalMetric : old.goalMetric, goalUse: k.goalUse !== undefined ? k.goalUse : old.goalUse };
    await updateKpi(tx, old.id, values(merged, rule), stamp(o.now));
    if (merged.name.trim().toLowerCase() !== old.name.toLowerCase()) await renameOverrides(tx, old.roleId, old.name, merged.name.trim(), stamp(o.now));
    await checkOverrides(tx, (await findKpi(tx, old.id))!);
    return { kpi: (await findKpi(tx, old.id))!, roleTotal: await checkRoleTotal(tx, old.roleId, old.role) };
  });
}

/** Takes a KPI out of its role's template; evaluations already opened keep their copy. */
export async function removeKpiTemplate(o: ServiceOptions, ref: string, role: string | undefined): Promise<KpiResult> {
  return o.db.transaction(async (tx) => {
    const k = await resolveKpi(tx, ref, role);
    await removeKpi(tx, k.id, stamp(o.now));
    return { kpi: (await findKpi(tx, k.id))!, roleTotal: await roleTotal(tx, k.roleId) };
  });
}

/** Whether the role exists (the add prompt checks the answer as it is given). */
export async function checkRole(o: ServiceOptions, role: string): Promise<void> {
  await resolveRoleId(o.db, role);
}

/** Whether the role may have a new KPI of this name (the add prompt asks again at once). */
export async function checkKpiName(o: ServiceOptions, role: string, name: string): Promise<void> {
  if (name.trim() === '') throw new InputError('evaluations.err.needName', {});
  const taken = await findKpiByName(o.db, await resolveRoleId(o.db, role), name.trim());
  if (taken) throw new InputError('evaluations.err.kpiTaken', { kpi: taken.name, role: taken.role });
}

/** Whether a new KPI of this weight keeps the role's total within 100. */
export async function checkRoleWeight(o: ServiceOptions, role: string, weight: number): Promise<void> {
  const roleId = await resolveRoleId(o.db, role);
  const total = Math.round(((await roleTotal(o.db, roleId)) + weight) * 100) / 100;
  if (total > 100) throw new InputError('evaluations.err.weightsOver', { role: (await findRoleName(o.db, roleId)) ?? role.trim(), total });
}

export function showKpi(o: ServiceOptions, ref: string, role?: string): Promise<Kpi> {
  return resolveKpi(o.db, ref, role);
}

export interface RoleKpis {
  roleId: number;
  role: string;
  /** The weights' total: a cycle may use the role's KPIs only at 100. */
  total: number;
  kpis: Kpi[];
}

/** The KPI templates by role (one role's, or all). */
export async function getKpis(o: ServiceOptions, f: { role?: string }): Promise<RoleKpis[]> {
  return o.db.snapshot(async (q) => {
    const roleIds = f.role !== undefined ? [await resolveRoleId(q, f.role)] : undefined;
    const out = new Map<number, RoleKpis>();
    for (const k of await listKpis(q, roleIds ? { roleIds } : {})) {
      const r = out.get(k.roleId) ?? { roleId: k.roleId, role: k.role, total: 0, kpis: [] };
      r.kpis.push(k);
      r.total = Math.round((r.total + k.weight) * 100) / 100;
      out.set(k.roleId, r);
    }
    return [...out.values()];
  });
}

export interface SeasonInput {
  name: string;
  from: string;
  to: string;
  yearly: boolean;
}

export async function addSeason(o: ServiceOptions, s: SeasonInput, presetKey: string | null = null): Promise<Season> {
  return o.db.transaction(async (tx) => {
    const name = s.name.trim();
    if (name === '') throw new InputError('evaluations.err.needName', {});
    if (s.from > s.to) throw new InputError('evaluations.err.seasonDates', { from: s.from, to: s.to });
    if (s.yearly && s.from.slice(0, 4) !== s.to.slice(0, 4)) throw new InputError('evaluations.err.yearlySpan', {});
    if (await findSeasonByName(tx, name)) throw new InputError('evaluations.err.seasonTaken', { season: name });
    for (const other of await listSeasons(tx)) if (seasonsOverlap(s, other)) throw new InputError('evaluations.err.seasonOverlap', { season: other.name, from: other.from, to: other.to });
    const id = await insertSeason(tx, { ...s, name, presetKey }, stamp(o.now));
    return (await listSeasons(tx)).find((x) => x.id === id)!;
  });
}

async function resolveSeason(q: Queryable, ref: string): Promise<Season> {
  const id = await findSeasonByName(q, ref.trim());
  const all = await listSeasons(q);
  const s = all.find((x) => x.id === id);
  if (!s) throw new NotFoundError('evaluations.kind.season', ref.trim(), closestMatch(ref.trim(), all.map((x) => x.name)));
  return s;
}

/**
 * Sets a season's override of a KPI: of every role's KPI of that name, or of
 * one role's. What is not given is the KPI's own (a target of 60 s keeps its
 * threshold); a KPI scored by bands is overridden by bands.
 */
export async function setSeasonOverride(o: ServiceOptions, seasonRef: string, kpiRef: string, input: KpiInput & { role?: string; clear?: boolean }): Promise<Season> {
  return o.db.transaction(async (tx) => {
    const season = await resolveSeason(tx, seasonRef);
    const roleId = input.role !== undefined ? await resolveRoleId(tx, input.role) : null;
    const all = await listKpis(tx, roleId !== null ? { roleIds: [roleId] } : {});
    const kpis = all.filter((k) => k.name.toLowerCase() === kpiRef.trim().toLowerCase() || k.presetKey === kpiRef.trim());
    if (kpis.length === 0) throw new NotFoundError('evaluations.kind.kpi', kpiRef.trim(), closestMatch(kpiRef.trim(), all.map((k) => k.name)));
    if (input.clear) {
      if (!(await deleteOverride(tx, season.id, kpis[0]!.name, roleId, stamp(o.now)))) throw new InputError('evaluations.err.noOverride', { season: season.name, kpi: kpis[0]!.name });
      return resolveSeason(tx, season.name);
    }
    if (input.target === undefined && input.bands === undefined && input.threshold === undefined) throw new InputError('evaluations.err.overrideEmpty', {});
    const override: Override = { target: input.target ?? null, targetHigh: input.targetHigh ?? null, threshold: input.threshold ?? null, thresholdHigh: input.thresholdHigh ?? null, bands: input.bands ? sortBands(input.bands) : null };
    // The override must make a sound rule for every KPI it reaches.
    for (const k of kpis) {
      if (k.bands !== null && override.bands === null) throw new InputError('evaluations.err.overrideNeedsBands', { kpi: k.name, role: k.role });
      const rule = overrideRule(k, override);
      const problem = ruleProblem(rule);
      if (problem) throw new InputError(problem, { target: rule.target, threshold: rule.threshold ?? '' });
    }
    await setOverride(tx, season.id, kpis[0]!.name, roleId, override, stamp(o.now));
    return resolveSeason(tx, season.name);
  });
}

export function getSeasons(o: ServiceOptions): Promise<Season[]> {
  return listSeasons(o.db);
}
