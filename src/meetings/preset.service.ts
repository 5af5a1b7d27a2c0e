/** The meetings section of a preset: the team's rhythm (早会, 夕会, 周会, 月会) with agenda templates. */
import ecommerce from '../../data/presets/ecommerce.json' with { type: 'json' };
import type { Lang, Localized } from '../i18n/index.js';
import type { ServiceOptions } from '../shared/service.js';
import { findMeetingIdByName } from './repository.js';
import type { MeetingKind } from './rules/meeting.js';
import { addMeeting } from './series.service.js';

interface PresetMeeting {
  key: string;
  kind: MeetingKind;
  title: Localized;
  repeat: string;
  time: string;
  duration: number;
  agenda: Record<Lang, string[]>;
}

const presetMeetings = (ecommerce as { meetings: PresetMeeting[] }).meetings;

/**
 * Adds the preset's meeting series from today, in the team's zone, in one
 * language. Idempotent: a series with the preset key (or the same title) is
 * left as it is.
 */
export async function applyMeetingsPreset(o: ServiceOptions, lang: Lang): Promise<number> {
  return o.db.transaction(async (tx) => {
    let added = 0;
    for (const m of presetMeetings) {
      if ((await findMeetingIdByName(tx, m.key)) !== undefined || (await findMeetingIdByName(tx, m.title[lang])) !== undefined) continue;
      await addMeeting(o, { title: m.title[lang], kind: m.kind, repeat: m.repeat, time: m.time, duration: m.duration, agenda: m.agenda[lang], presetKey: m.key });
      added++;
    }
    return added;
  });
}
