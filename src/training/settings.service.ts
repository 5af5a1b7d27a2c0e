/** The team's training settings (onboarding, retake and due-soon days), stored in the settings table. */
import type { Queryable } from '../db/sql.js';
import { getSetting, setSetting } from '../db/settings.js';
import { InputError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';
import { DEFAULT_SETTINGS, SETTING_RANGE, type TrainingSettings } from './rules/training.js';

const KEYS: Record<keyof TrainingSettings, string> = { onboardingDays: 'training.onboardingDays', retakeDays: 'training.retakeDays', soonDays: 'training.soonDays' };

/** The settings, each its default until set. */
export async function readSettings(q: Queryable): Promise<TrainingSettings> {
  const out = { ...DEFAULT_SETTINGS };
  for (const k of Object.keys(KEYS) as (keyof TrainingSettings)[]) {
    const v = await getSetting(q, KEYS[k]);
    if (v !== undefined && Number.isInteger(Number(v))) out[k] = Number(v);
  }
  return out;
}

export function getTrainingSettings(o: ServiceOptions): Promise<TrainingSettings> {
  return readSettings(o.db);
}

/** Sets some of the settings (whole days, 1–365) in one transaction; returns them all. */
export async function setTrainingSettings(o: ServiceOptions, patch: Partial<TrainingSettings>): Promise<TrainingSettings> {
  for (const [k, v] of Object.entries(patch)) {
    if (!Number.isInteger(v) || v < SETTING_RANGE.min || v > SETTING_RANGE.max) throw new InputError('training.err.settingDays', { value: String(v), min: SETTING_RANGE.min, max: SETTING_RANGE.max });
    void k;
  }
  return o.db.transaction(async (tx) => {
    for (const [k, v] of Object.entries(patch) as [keyof TrainingSettings, number][]) await setSetting(tx, KEYS[k], String(v));
    return readSettings(tx);
  });
}
