/**
 * What other features may use of training: its services and types, never its
 * repositories (lint enforces it). Reports and reminders read training here.
 */
import type { Lang } from '../i18n/index.js';
import type { ServiceOptions } from '../shared/service.js';

export { getCourses, showCourse, addCourse } from './courses.service.js';
export { assessMember, completeCourse, planCourses } from './plans.service.js';
export { addSession, attendSession, getSessions } from './sessions.service.js';
export { getReport, getStatus, type MemberTraining, type TrainingReport } from './views.service.js';
export { getTrainingDigest, type TrainingDigest, type TrainingRound } from './digest.service.js';
export type { Assessment, Course, PlanItem, Session } from './rules/training.js';

/** Adds the preset's curriculum (init); the preset data loads only then. */
export async function applyTrainingPreset(o: ServiceOptions, lang: Lang): Promise<number> {
  return (await import('./preset.service.js')).applyTrainingPreset(o, lang);
}
