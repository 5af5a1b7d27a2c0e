/** How evaluations look to people: KPI, season, score, ranking, cycle and reward tables. */
import type { Column } from '../cli/output.js';
import { t } from '../i18n/index.js';
import { sparkline } from '../shared/sparkline.js';
import { DIRECTION_LABEL, GOAL_USE_LABEL, OUTCOME_LABEL, PART_LABEL, REWARD_LABEL, SOURCE_LABEL, STATE_LABEL } from './labels.js';
import type { Part, RewardKind, RewardRule } from './rules/cycle.js';
import type { AppealOutcome, CycleState, Kpi, Season, ValueSource } from './rules/evaluation.js';
import type { ItemScore } from './rules/evaluate.js';
import { bandsText, type KpiDirection, type ScoreRule } from './rules/scoring.js';
import type { CycleSummary, KpiMean, RankingRow, RewardRow } from './views.service.js';

export const directionText = (d: KpiDirection) => t(DIRECTION_LABEL[d]);
export const partText = (p: Part) => t(PART_LABEL[p]);
export const stateText = (s: CycleState | 'appealed') => t(STATE_LABEL[s]);
export const rewardText = (k: RewardKind) => t(REWARD_LABEL[k]);
export const outcomeText = (o: AppealOutcome) => t(OUTCOME_LABEL[o]);
export const sourceText = (s: ValueSource | null) => (s === null ? '' : t(SOURCE_LABEL[s]));
/** Names joined with the reader's separator (", " or "、"). */
export const listOf = (xs: readonly string[]) => xs.join(t('list.separator'));
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);
const unitOf = (u: string | null) => (u === null ? '' : u === '%' ? '%' : ` ${u}`);

/** "≥ 95%", "≤ 30 s", "20–35 天": what scores 100. */
export function targetText(r: Pick<ScoreRule, 'direction' | 'target' | 'targetHigh'>, unit: string | null): string {
  if (r.direction === 'within') return `${r.target}–${r.targetHigh}${unitOf(unit)}`;
  return `${r.direction === 'lower' ? '≤' : '≥'} ${r.target}${unitOf(unit)}`;
}

/** A target in CSV and Markdown: the number, or "20-35" for a range. */
const plainTarget = (r: Pick<ScoreRule, 'direction' | 'target' | 'targetHigh'>) => (r.direction === 'within' ? `${r.target}-${r.targetHigh}` : r.target);

/** "0 at 60", "bands ≤30:100, ≤45:80": how the score falls from 100. */
export function scaleText(r: ScoreRule): string {
  if (r.bands !== null) return t('evaluations.scale.bands', { bands: bandsText(r.direction, r.bands) });
  if (r.direction === 'within') return t('evaluations.scale.within', { low: r.threshold!, high: r.thresholdHigh! });
  return t('evaluations.scale.linear', { threshold: r.threshold! });
}

export interface KpiRow extends Kpi {
  roleTotal: number;
}

export const kpiColumns: readonly Column<KpiRow>[] = [
  { header: 'col.id', value: (k) => k.id, align: 'right', priority: 5 },
  { header: 'evaluations.col.role', value: (k) => k.role, wrap: 14 },
  { header: 'evaluations.col.kpi', value: (k) => k.name, wrap: 18 },
  { header: 'evaluations.col.target', value: (k) => targetText(k, k.unit), plain: plainTarget },
  { header: 'evaluations.col.scale', value: (k) => scaleText(k), wrap: 22, priority: 2 },
  { header: 'evaluations.col.weight', value: (k) => k.weight, align: 'right' },
  { header: 'evaluations.col.goal', value: (k) => (k.goalMetric === null ? null : k.goalUse === 'attainment' ? `${k.goalMetric} (${t(GOAL_USE_LABEL.attainment)})` : k.goalMetric), wrap: 14, priority: 3 },
  { header: 'evaluations.col.source', value: (k) => k.source, wrap: 16, priority: 4 },
];

export const seasonColumns: readonly Column<Season>[] = [
  { header: 'evaluations.col.season', value: (s) => s.name },
  { header: 'evaluations.col.from', value: (s) => (s.yearly ? s.from.slice(5) : s.from) },
  { header: 'evaluations.col.to', value: (s) => (s.yearly ? s.to.slice(5) : s.to) },
  { header: 'evaluations.col.yearly', value: (s) => (s.yearly ? '✓' : '') },
  { header: 'evaluations.col.overrides', value: (s) => s.overrides.map((o) => `${o.kpi}${o.role ? ` (${o.role})` : ''}`).join(t('list.separator')), wrap: 30 },
];

/** "双11 covers 11 of 30 days: 首次响应时长, 客户满意度 score by its targets for those days." One line per season. */
export function seasonLines(items: readonly ItemScore[], days: number): string[] {
  const by = new Map<string, { days: number; kpis: string[] }>();
  for (const i of items) for (const s of i.seasons) by.set(s.season, { days: s.days, kpis: [...(by.get(s.season)?.kpis ?? []), i.name] });
  return [...by].map(([season, s]) => t('evaluations.seasonShare', { season, days: s.days, total: days, kpis: listOf(s.kpis) }));
}

export const itemColumns: readonly Column<ItemScore>[] = [
  { header: 'evaluations.col.kpi', value: (i) => i.name, wrap: 18 },
  { header: 'evaluations.col.value', value: (i) => (i.value === null ? '—' : `${i.value}${unitOf(i.unit)}`), plain: (i) => i.value, align: 'right' },
  { header: 'evaluations.col.target', value: (i) => targetText(i, i.unit), plain: plainTarget },
  { header: 'evaluations.col.score', value: (i) => num(i.score), align: 'right' },
  { header: 'evaluations.col.weight', value: (i) => i.weight, align: 'right' },
  { header: 'evaluations.col.weighted', value: (i) => num(i.weighted), align: 'right' },
  { header: 'evaluations.col.valueSource', value: (i) => sourceText(i.valueSource), priority: 2 },
];

const rankText = (r: number | null) => (r === null ? '—' : r);

export const rankingColumns: readonly Column<RankingRow>[] = [
  { header: 'evaluations.col.rank', value: (r) => rankText(r.rank), plain: (r) => r.rank, align: 'right' },
  { header: 'evaluations.col.member', value: (r) => r.handle },
  { header: 'evaluations.col.name', value: (r) => r.name, priority: 4 },
  { header: 'evaluations.col.department', value: (r) => r.department, priority: 3 },
  { header: 'evaluations.col.deptRank', value: (r) => num(r.departmentRank), align: 'right', priority: 2 },
  { header: 'evaluations.col.kpiScore', value: (r) => num(r.kpiScore), align: 'right', priority: 1 },
  { header: 'evaluations.col.final', value: (r) => (r.finalScore === null ? '—' : r.finalScore), plain: (r) => r.finalScore, align: 'right' },
  { header: 'evaluations.col.grade', value: (r) => r.grade ?? '—', plain: (r) => r.grade },
];

export const kpiMeanColumns: readonly Column<KpiMean>[] = [
  { header: 'evaluations.col.kpi', value: (k) => k.kpi, wrap: 20 },
  { header: 'evaluations.col.recorded', value: (k) => `${k.recorded}/${k.members}`, plain: (k) => k.recorded, align: 'right' },
  { header: 'evaluations.col.meanValue', value: (k) => (k.meanValue === null ? '' : `${k.meanValue}${unitOf(k.unit)}`), plain: (k) => k.meanValue, align: 'right' },
  { header: 'evaluations.col.meanScore', value: (k) => num(k.meanScore), align: 'right' },
];

export const cycleColumns: readonly Column<CycleSummary>[] = [
  { header: 'evaluations.col.period', value: (c) => c.period },
  { header: 'evaluations.col.state', value: (c) => stateText(c.state) },
  { header: 'evaluations.col.evaluations', value: (c) => c.evaluations, align: 'right' },
  { header: 'evaluations.col.scored', value: (c) => c.scored, align: 'right' },
  { header: 'evaluations.col.meanScore', value: (c) => num(c.meanScore), align: 'right' },
  { header: 'evaluations.col.appeals', value: (c) => (c.appeals ? c.appeals : ''), align: 'right', priority: 2 },
  { header: 'evaluations.col.weights', value: (c) => weightsText(c.weights), priority: 1 },
];

/** "KPI 70 %, self 10 %, …" (parts that weigh nothing left out). */
export const weightsText = (w: Record<Part, number>) => (Object.entries(w) as [Part, number][]).filter(([, v]) => v > 0).map(([p, v]) => `${partText(p)} ${v}%`).join(t('list.separator'));

/** Why a rule gives its reward: "grade A", "rank ≤ 1 in 客服部". */
export function whyText(r: Pick<RewardRule, 'grade' | 'rankMax' | 'department'> | null): string {
  if (r === null) return '';
  const parts: string[] = [];
  if (r.grade !== null) parts.push(t('evaluations.why.grade', { grade: r.grade }));
  if (r.rankMax !== null) parts.push(r.department !== null ? t('evaluations.why.rankIn', { rank: r.rankMax, department: r.department }) : t('evaluations.why.rank', { rank: r.rankMax }));
  return parts.join(t('evaluations.why.and'));
}

/** What a reward is: "bonus × 1.2", "title 服务之星". */
export const rewardValueText = (kind: RewardKind | null, coefficient: number | null, text: string | null) => (kind === null ? t('evaluations.reward.none') : kind === 'bonus' ? t('evaluations.reward.bonusValue', { coefficient: coefficient! }) : `${rewardText(kind)}: ${text}`);

export const rewardColumns: readonly Column<RewardRow>[] = [
  { header: 'evaluations.col.rank', value: (r) => rankText(r.rank), plain: (r) => r.rank, align: 'right' },
  { header: 'evaluations.col.member', value: (r) => r.handle },
  { header: 'evaluations.col.name', value: (r) => r.name, priority: 5 },
  { header: 'evaluations.col.final', value: (r) => num(r.finalScore), align: 'right', priority: 4 },
  { header: 'evaluations.col.grade', value: (r) => r.grade ?? '—', plain: (r) => r.grade },
  // For people, the reward in one cell ("bonus × 1.2", "title: 服务之星") and why; for payroll (CSV), the kind, coefficient and text apart.
  { header: 'evaluations.col.reward', value: (r) => rewardValueText(r.kind, r.coefficient, r.text), plain: (r) => (r.kind === null ? '' : rewardText(r.kind)), wrap: 28 },
  { header: 'evaluations.col.coefficient', value: (r) => num(r.coefficient), hideEmpty: true, align: 'right', priority: 9 },
  { header: 'evaluations.col.rewardText', value: (r) => r.text, hideEmpty: true, wrap: 16, priority: 8 },
  { header: 'evaluations.col.why', value: (r) => whyText(r.rule), wrap: 22, priority: 1 },
];

export const ruleColumns: readonly Column<RewardRule>[] = [
  { header: 'col.id', value: (r) => r.id, align: 'right' },
  { header: 'evaluations.col.why', value: (r) => whyText(r), wrap: 22 },
  { header: 'evaluations.col.reward', value: (r) => rewardValueText(r.kind, r.coefficient, r.text), wrap: 30 },
];

/** A KPI's scores over the periods, on the fixed 0–100 scale ("·" where there is none). */
export function scoreSparkline(scores: readonly (number | null)[]): string {
  return scores.map((s) => (s === null ? '·' : sparkline([s], { min: 0, max: 100 }))).join('');
}
