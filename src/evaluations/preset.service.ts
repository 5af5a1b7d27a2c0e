/** The evaluations section of a preset: KPI sets with weights for every preset role, the 618 and 双11 seasons, reward rules. */
import ecommerce from '../../data/presets/ecommerce.json' with { type: 'json' };
import type { Lang, Localized } from '../i18n/index.js';
import { findRoleByPresetKey, listAllDepartments } from '../org/public.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { findSeasonByName, roleEverHadKpis, insertKpi, insertRewardRule, insertSeason, rewardRuleExists, setOverride } from './repository.js';
import type { RewardKind } from './rules/cycle.js';
import type { GoalUse } from './rules/evaluation.js';
import { sortBands, type Band, type KpiDirection } from './rules/scoring.js';

interface PresetKpi {
  key: string;
  name: Localized;
  unit: string;
  direction: KpiDirection;
  weight: number;
  target?: number;
  targetHigh?: number;
  threshold?: number;
  thresholdHigh?: number;
  bands?: Band[];
  source?: Localized;
  goalMetric?: string;
  goalUse?: GoalUse;
}

interface PresetSeason {
  key: string;
  name: Localized;
  from: string;
  to: string;
  yearly: boolean;
  overrides: { kpi: string; target?: number; threshold?: number; bands?: Band[] }[];
}

interface PresetReward {
  key: string;
  grade?: string;
  rank?: number;
  department?: string;
  kind: RewardKind;
  coefficient?: number;
  text?: Localized;
}

/** The preset's units are Chinese; an English team reads these. */
const UNIT_EN: Readonly<Record<string, string>> = { 人: 'people', 天: 'days', 倍: '×', '字/分钟': 'chars/min', 分钟: 'min', 条: 'insights' };

const preset = (ecommerce as unknown as { evaluations: { kpis: Record<string, PresetKpi[]>; seasons: PresetSeason[]; rewards: PresetReward[] } }).evaluations;

/** The goal metrics of the preset's goal templates, in the language of the team (the KPI takes its value from the goal of that metric). */
const goalMetrics = new Map((ecommerce as unknown as { goalTemplates: { metric: Localized }[] }).goalTemplates.map((g) => [g.metric.zh, g.metric]));

export interface EvaluationPresetCounts {
  kpis: number;
  seasons: number;
  rewards: number;
}

/**
 * Adds the preset's KPIs, seasons and reward rules in one language, in one
 * transaction. Idempotent: what exists (same key or name) is left as it is;
 * roles and departments the team does not have are left out.
 */
export async function applyEvaluationPreset(o: ServiceOptions, lang: Lang): Promise<EvaluationPresetCounts> {
  return o.db.transaction(async (tx) => {
    const now = stamp(o.now);
    const counts = { kpis: 0, seasons: 0, rewards: 0 };
    const names = new Map<string, string>();
    for (const [roleKey, kpis] of Object.entries(preset.kpis)) {
      const roleId = await findRoleByPresetKey(tx, roleKey);
      for (const k of kpis) names.set(k.key, k.name[lang]);
      // A role's set comes whole, once: never to a role that has (or had) KPIs, whose weights already total what the lead chose.
      if (roleId === undefined || (await roleEverHadKpis(tx, roleId))) continue;
      for (const k of kpis) {
        const bands = k.bands ? sortBands(k.bands) : null;
        await insertKpi(
          tx,
          {
            roleId,
            name: k.name[lang],
            presetKey: k.key,
            unit: lang === 'en' ? (UNIT_EN[k.unit] ?? k.unit) : k.unit,
            direction: k.direction,
            target: k.target ?? bands![0]!.bound,
            targetHigh: k.targetHigh ?? null,
            threshold: bands ? null : (k.threshold ?? null),
            thresholdHigh: k.thresholdHigh ?? null,
            bands,
            weight: k.weight,
            source: k.source?.[lang] ?? null,
            goalMetric: k.goalMetric ? (goalMetrics.get(k.goalMetric)?.[lang] ?? k.goalMetric) : null,
            goalUse: k.goalMetric ? (k.goalUse ?? 'value') : null,
          },
          now,
        );
        counts.kpis++;
      }
    }
    for (const s of preset.seasons) {
      if ((await findSeasonByName(tx, s.key)) ?? (await findSeasonByName(tx, s.name[lang]))) continue;
      const id = await insertSeason(tx, { name: s.name[lang], presetKey: s.key, from: s.from, to: s.to, yearly: s.yearly }, now);
      for (const x of s.overrides) await setOverride(tx, id, names.get(x.kpi) ?? x.kpi, null, { target: x.target ?? null, targetHigh: null, threshold: x.threshold ?? null, thresholdHigh: null, bands: x.bands ? sortBands(x.bands) : null }, now);
      counts.seasons++;
    }
    const departments = await listAllDepartments(tx);
    for (const r of preset.rewards) {
      if (await rewardRuleExists(tx, r.key)) continue;
      const department = r.department !== undefined ? departments.find((d) => d.presetKey === r.department) : undefined;
      if (r.department !== undefined && !department) continue;
      await insertRewardRule(tx, { grade: r.grade ?? null, rankMax: r.rank ?? null, departmentId: department?.id ?? null, kind: r.kind, coefficient: r.coefficient ?? null, text: r.text?.[lang] ?? null, presetKey: r.key }, now);
      counts.rewards++;
    }
    return counts;
  });
}
