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
