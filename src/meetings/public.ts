/**
 * What other features may use of meetings: its services and types, never its
 * repositories (lint enforces it). Reports and reminders read meetings here.
 */
import type { Lang } from '../i18n/index.js';
import type { ServiceOptions } from '../shared/service.js';

export { getActions, doneAction } from './actions.service.js';
export type { ActionItem } from './actions.repository.js';
export { getAttendance, getDay, logMeeting, type LogInput } from './minutes.service.js';
export { addMeeting, moveOccurrence, skipOccurrence } from './series.service.js';
export { getAgenda, getMeetings, getOccurrences, getUpcoming, type UpcomingItem } from './views.service.js';
export { getActionDigest, getMeetingDigest, type ActionDigest, type MeetingDigest, type MeetingWeekRow } from './digest.service.js';
export type { MeetingKind } from './rules/meeting.js';

/** Adds the preset's rhythm meetings (init); the preset data loads only then. */
export async function applyMeetingsPreset(o: ServiceOptions, lang: Lang): Promise<number> {
  return (await import('./preset.service.js')).applyMeetingsPreset(o, lang);
}

/** A time of day and a zone as typed, checked the way meetings check theirs (training sessions use them too). */
export { parseTime, parseZone } from './rules/cadence.js';

/** The series with their schedule versions and exceptions, for a calendar (reports' `export ics`). */
export { getCalendarSeries, type CalendarSeries, type CalendarVersion } from './calendar.service.js';
