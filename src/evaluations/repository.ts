/** KPI templates, promotion seasons and reward rules: the evaluations' settings, tens of rows, never a growing table. */
import { insertRow, updateRow, type Queryable, type SqlValue } from '../db/sql.js';
import type { RewardKind, RewardRule } from './rules/cycle.js';
import type { GoalUse, Kpi, Season, SeasonOverride } from './rules/evaluation.js';
import type { Band, KpiDirection, Override, ScoreRule } from './rules/scoring.js';

/** The rule columns as one object (bands stored as JSON text). */
export interface RuleCols {
  direction?: KpiDirection;
  target: number;
  targetHigh: number | null;
  threshold: number | null;
  thresholdHigh: number | null;
  bands: readonly Band[] | null;
}

export const bandsJson = (b: readonly Band[] | null) => (b === null ? null : JSON.stringify(b));
const parseBandsJson = (s: string | null): Band[] | null => (s === null ? null : (JSON.parse(s) as Band[]));

const KPI_SELECT = `select k.id, k.role_id as "roleId", r.name as role, k.name, k.preset_key as "presetKey", k.unit, k.direction, k.target, k.target_high as "targetHigh",
    k.threshold, k.threshold_high as "thresholdHigh", k.bands, k.weight, k.source, k.goal_metric as "goalMetric", k.goal_use as "goalUse", k.removed_at as "removedAt", k.created_at as "createdAt", k.updated_at as "updatedAt"
  from eval_kpis k join roles r on r.id = k.role_id`;

type KpiRow = Omit<Kpi, 'bands'> & { bands: string | null };
const toKpi = (r: KpiRow): Kpi => ({ ...r, bands: parseBandsJson(r.bands) });

/** The live KPIs (of one role, or of the roles given), by role and then in the order they were added. */
export async function listKpis(q: Queryable, f: { roleIds?: readonly number[]; includeRemoved?: boolean } = {}): Promise<Kpi[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (!f.includeRemoved) where.push('k.removed_at is null');
  if (f.roleIds !== undefined) {
    if (f.roleIds.length === 0) return [];
    where.push(`k.role_id in (${f.roleIds.map(() => '?').join(', ')})`);
    params.push(...f.roleIds);
  }
  return (await q.all<KpiRow>(`${KPI_SELECT}${where.length ? ` where ${where.join(' and ')}` : ''} order by k.role_id, k.id`, params)).map(toKpi);
}

export async function findKpi(q: Queryable, id: number): Promise<Kpi | undefined> {
  const r = await q.get<KpiRow>(`${KPI_SELECT} where k.id = ?`, [id]);
  return r && toKpi(r);
}

/** A role's live KPI by name (any case) or preset key. */
export async function findKpiByName(q: Queryable, roleId: number, name: string): Promise<Kpi | undefined> {
  const r = await q.get<KpiRow>(`${KPI_SELECT} where k.role_id = ? and k.removed_at is null and (k.name = ? or k.preset_key = ?)`, [roleId, name, name]);
  return r && toKpi(r);
}

/** Whether the role has, or ever had, a KPI (removed ones count). */
export async function roleEverHadKpis(q: Queryable, roleId: number): Promise<boolean> {
  return (await q.get('select 1 as one from eval_kpis where role_id = ?', [roleId])) !== undefined;
}

export interface KpiValues extends RuleCols {
  roleId: number;
  name: string;
  presetKey: string | null;
  unit: string | null;
  direction: KpiDirection;
  weight: number;
  source: string | null;
  goalMetric: string | null;
  goalUse: GoalUse | null;
}

export function insertKpi(tx: Queryable, k: KpiValues, now: string): Promise<number> {
  return insertRow(tx, 'eval_kpis', {
    role_id: k.roleId,
    name: k.name,
    preset_key: k.presetKey,
    unit: k.unit,
    direction: k.direction,
    target: k.target,
    target_high: k.targetHigh,
    threshold: k.threshold,
    threshold_high: k.thresholdHigh,
    bands: bandsJson(k.bands),
    weight: k.weight,
    source: k.source,
    goal_metric: k.goalMetric,
    goal_use: k.goalUse,
    removed_at: null,
    created_at: now,
    updated_at: now,
  });
}

export async function updateKpi(tx: Queryable, id: number, k: Omit<KpiValues, 'roleId' | 'presetKey'>, now: string): Promise<void> {
  await updateRow(tx, 'eval_kpis', id, {
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    target: k.target,
    target_high: k.targetHigh,
    threshold: k.threshold,
    threshold_high: k.thresholdHigh,
    bands: bandsJson(k.bands),
    weight: k.weight,
    source: k.source,
    goal_metric: k.goalMetric,
    goal_use: k.goalUse,
    updated_at: now,
  });
}

export async function removeKpi(tx: Queryable, id: number, now: string): Promise<void> {
  await updateRow(tx, 'eval_kpis', id, { removed_at: now, updated_at: now });
}

/** A role's name (for messages that name the role a part of its name matched). */
export async function findRoleName(q: Queryable, roleId: number): Promise<string | undefined> {
  return (await q.get<{ name: string }>('select name from roles where id = ?', [roleId]))?.name;
}

/** The total weight of each role's live KPIs. */
export async function roleWeights(q: Queryable, roleIds: readonly number[]): Promise<Map<number, number>> {
  if (roleIds.length === 0) return new Map();
  const rows = await q.all<{ roleId: number; total: number }>(`select role_id as "roleId", sum(weight) as total from eval_kpis where removed_at is null and role_id in (${roleIds.map(() => '?').join(', ')}) group by role_id`, [...roleIds]);
  return new Map(rows.map((r) => [r.roleId, r.total]));
}

const SEASON_SELECT = `select id, name, preset_key as "presetKey", from_date as "from", to_date as "to", yearly, created_at as "createdAt" from eval_seasons`;
type SeasonHead = Omit<Season, 'yearly' | 'overrides'> & { yearly: number };
type OverrideRow = Omit<SeasonOverride, 'bands'> & { seasonId: number; bands: string | null };

/** Every season with its overrides, by start: two queries. */
export async function listSeasons(q: Queryable): Promise<Season[]> {
  const heads = await q.all<SeasonHead>(`${SEASON_SELECT} order by from_date, id`);
  const overrides = await q.all<OverrideRow>(
    `select o.id, o.season_id as "seasonId", o.kpi_name as kpi, o.role_id as "roleId", r.name as role, o.target, o.target_high as "targetHigh", o.threshold, o.threshold_high as "thresholdHigh", o.bands
       from eval_season_overrides o left join roles r on r.id = o.role_id where o.removed_at is null order by o.id`,
  );
  return heads.map((h) => ({
    ...h,
    yearly: h.yearly === 1,
    overrides: overrides.filter((o) => o.seasonId === h.id).map(({ seasonId: _s, bands, ...o }) => ({ ...o, bands: parseBandsJson(bands) })),
  }));
}

export async function findSeasonByName(q: Queryable, name: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from eval_seasons where name = ? or preset_key = ?', [name, name]))?.id;
}

export function insertSeason(tx: Queryable, s: { name: string; presetKey: string | null; from: string; to: string; yearly: boolean }, now: string): Promise<number> {
  return insertRow(tx, 'eval_seasons', { name: s.name, preset_key: s.presetKey, from_date: s.from, to_date: s.to, yearly: s.yearly ? 1 : 0, created_at: now });
}

/** Takes a season's override of a KPI name (for one role, or for all) away; whether there was one. */
export async function deleteOverride(tx: Queryable, seasonId: number, kpi: string, roleId: number | null, now: string): Promise<boolean> {
  // Kept on record: the override stops applying, its row stays.
  return (await tx.run('update eval_season_overrides set removed_at = ? where season_id = ? and kpi_name = ? and coalesce(role_id, 0) = ? and removed_at is null', [now, seasonId, kpi, roleId ?? 0])).changes > 0;
}

/** Sets (replaces) a season's override of a KPI name, for one role or for all. */
export async function setOverride(tx: Queryable, seasonId: number, kpi: string, roleId: number | null, rule: Override, now: string): Promise<void> {
  await deleteOverride(tx, seasonId, kpi, roleId, now);
  await insertRow(tx, 'eval_season_overrides', { season_id: seasonId, kpi_name: kpi, role_id: roleId, target: rule.target, target_high: rule.targetHigh, threshold: rule.threshold, threshold_high: rule.thresholdHigh, bands: bandsJson(rule.bands), removed_at: null });
}

/** A KPI renamed takes its seasons' overrides along: its role's own, and a copy of those for every role (the other roles keep theirs). */
export async function renameOverrides(tx: Queryable, roleId: number, from: string, to: string, now: string): Promise<void> {
  for (const s of await listSeasons(tx))
    for (const o of s.overrides) {
      if (o.kpi.toLowerCase() !== from.toLowerCase() || (o.roleId !== null && o.roleId !== roleId)) continue;
      if (o.roleId !== null) await deleteOverride(tx, s.id, o.kpi, roleId, now);
      await setOverride(tx, s.id, to, roleId, o, now);
    }
}

const RULE_SELECT = `select w.id, w.grade, w.rank_max as "rankMax", w.department_id as "departmentId", d.name as department, w.kind, w.coefficient, w.text
  from eval_reward_rules w left join departments d on d.id = w.department_id`;

/** The reward rules in force (now, or at a moment: a closed cycle's rewards are those of the day it closed), in the order they were added. */
export async function listRewardRules(q: Queryable, at?: string): Promise<RewardRule[]> {
  if (at === undefined) return q.all<RewardRule & { kind: RewardKind }>(`${RULE_SELECT} where w.removed_at is null order by w.id`);
  return q.all<RewardRule & { kind: RewardKind }>(`${RULE_SELECT} where w.created_at <= ? and (w.removed_at is null or w.removed_at > ?) order by w.id`, [at, at]);
}

export async function findRewardRule(q: Queryable, id: number): Promise<RewardRule | undefined> {
  return q.get<RewardRule>(`${RULE_SELECT} where w.id = ? and w.removed_at is null`, [id]);
}

export function insertRewardRule(tx: Queryable, r: Omit<RewardRule, 'id' | 'department'> & { presetKey: string | null }, now: string): Promise<number> {
  return insertRow(tx, 'eval_reward_rules', { grade: r.grade, rank_max: r.rankMax, department_id: r.departmentId, kind: r.kind, coefficient: r.coefficient, text: r.text, preset_key: r.presetKey, removed_at: null, created_at: now });
}

export async function removeRewardRule(tx: Queryable, id: number, now: string): Promise<void> {
  await updateRow(tx, 'eval_reward_rules', id, { removed_at: now });
}

export async function rewardRuleExists(q: Queryable, presetKey: string): Promise<boolean> {
  return (await q.get('select 1 as one from eval_reward_rules where preset_key = ?', [presetKey])) !== undefined;
}

export type { ScoreRule };
