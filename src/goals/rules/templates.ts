/** The goal templates of a preset (data/presets/*.json): SMART goals a lead adds with one flag. */
import type { Localized } from '../../i18n/index.js';

export interface GoalTemplate {
  key: string;
  horizon: 'quarter' | 'month' | 'year' | 'week';
  title: Localized;
  metric: Localized;
  unit: string;
  kind: 'additive' | 'rate';
  direction: 'increase' | 'decrease' | 'at-least' | 'at-most';
  /** A fixed target (rates), or growth over the baseline in percent. */
  target?: number;
  growthPct?: number;
  why: Localized;
}

/**
 * A growth template's target: the baseline grown by the template's percentage,
 * rounded to the metric's decimals.
 * @example grownTarget(1500000, 20, 2) // 1800000
 */
export function grownTarget(baseline: number, growthPct: number, decimals: number): number {
  return Math.round(baseline * (1 + growthPct / 100) * 10 ** decimals) / 10 ** decimals;
}
