/** `team init`: the database's language and the chosen preset, each feature loading its own section of it. */
import { setSetting } from '../db/settings.js';
import type { Lang } from '../i18n/index.js';
import { applyMeetingsPreset } from '../meetings/public.js';
import { applyOrgPreset } from '../org/public.js';
import { applyTrainingPreset } from '../training/public.js';
import { applyEvaluationPreset } from '../evaluations/public.js';
import { InputError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';

export const PRESETS = ['ecommerce', 'blank'] as const;
export type PresetName = (typeof PRESETS)[number];

/** Fails before anything is opened or written when the preset is unknown. */
export function assertPreset(name: string): asserts name is PresetName {
  if (!(PRESETS as readonly string[]).includes(name)) throw new InputError('setup.err.invalidPreset', { value: name });
}

export interface InitResult {
  preset: PresetName;
  lang: Lang;
  departments: number;
  roles: number;
  duties: number;
  meetings: number;
  courses: number;
  kpis: number;
  seasons: number;
  rewardRules: number;
}

/**
 * Loads a preset in one language, in one transaction. Idempotent: rows are
 * keyed by their preset key, so a second run adds nothing.
 */
export async function applyPreset(o: ServiceOptions, name: string, lang: Lang): Promise<InitResult> {
  assertPreset(name);
  return o.db.transaction(async () => {
    await setSetting(o.db, 'lang', lang);
    const counts = name === 'blank' ? { departments: 0, roles: 0, duties: 0, meetings: 0, courses: 0, kpis: 0, seasons: 0, rewardRules: 0 } : { ...(await applyOrgPreset(o, lang)), meetings: await applyMeetingsPreset(o, lang), courses: await applyTrainingPreset(o, lang), ...(await evaluationCounts(o, lang)) };
    if (name !== 'blank') await setSetting(o.db, 'preset', name);
    return { preset: name, lang, ...counts };
  });
}

async function evaluationCounts(o: ServiceOptions, lang: Lang): Promise<Pick<InitResult, 'kpis' | 'seasons' | 'rewardRules'>> {
  const c = await applyEvaluationPreset(o, lang);
  return { kpis: c.kpis, seasons: c.seasons, rewardRules: c.rewards };
}
