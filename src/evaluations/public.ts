/**
 * What other features may use of evaluations: its services and types, never
 * its repositories (lint enforces it). Training's report and the reports
 * feature read evaluations here.
 */
import type { Lang } from '../i18n/index.js';
import type { ServiceOptions } from '../shared/service.js';
import type { EvaluationPresetCounts } from './preset.service.js';

export { addKpi, addSeason, setSeasonOverride } from './kpis.service.js';
export { closeCycle, fileAppeal, decideAppealOutcome, openCycle } from './cycles.service.js';
export { peerScore, recordValue, reviewEvaluation, selfAssess } from './entries.service.js';
export { getCycleReport, getCycles, getKpiScores, getRewards, showEvaluation, type CycleReport, type CycleSummary, type EvaluationView, type RewardsResult } from './views.service.js';
export type { EvaluationPresetCounts } from './preset.service.js';
export { getEvaluationDigest, type CycleDigest, type EvaluationDigest } from './digest.service.js';
export { periodOf, previousPeriod } from './rules/cycle.js';

/** Adds the preset's KPIs, seasons and reward rules (init); the preset data loads only then. */
export async function applyEvaluationPreset(o: ServiceOptions, lang: Lang): Promise<EvaluationPresetCounts> {
  return (await import('./preset.service.js')).applyEvaluationPreset(o, lang);
}
