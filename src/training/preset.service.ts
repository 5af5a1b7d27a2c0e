/** The training section of a preset: the curriculum from the seeds, linked to the preset's roles. */
import ecommerce from '../../data/presets/ecommerce.json' with { type: 'json' };
import type { Lang, Localized } from '../i18n/index.js';
import { findRoleByPresetKey } from '../org/public.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { findCourseIdByName, insertCourse, setCourseParts } from './repository.js';
import type { AssessmentKind, CourseFormat } from './rules/training.js';

interface PresetCourse {
  key: string;
  title: Localized;
  topic: Localized;
  format: CourseFormat;
  hours: number;
  roles: string[];
  onboarding: boolean;
  passMark: number;
  assessments: AssessmentKind[];
  refreshMonths: number | null;
  prerequisites: string[];
  description: Localized;
}

const presetCourses = (ecommerce as unknown as { training: { courses: PresetCourse[] } }).training.courses;

/**
 * Adds the preset's courses in one language, in one transaction. Idempotent:
 * a course with the preset key (or the same title) is left as it is. Roles
 * the team does not have are left out.
 */
export async function applyTrainingPreset(o: ServiceOptions, lang: Lang): Promise<number> {
  return o.db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    let added = 0;
    for (const c of presetCourses) {
      const existing = (await findCourseIdByName(tx, c.key)) ?? (await findCourseIdByName(tx, c.title[lang]));
      if (existing !== undefined) {
        ids.set(c.key, existing);
        continue;
      }
      const id = await insertCourse(tx, { title: c.title[lang], presetKey: c.key, topic: c.topic[lang], format: c.format, hours: c.hours, trainerId: null, provider: null, onboarding: c.onboarding, passMark: c.passMark, refreshMonths: c.refreshMonths, description: c.description[lang] }, stamp(o.now));
      const roleIds: number[] = [];
      for (const r of c.roles) {
        const roleId = await findRoleByPresetKey(tx, r);
        if (roleId !== undefined) roleIds.push(roleId);
      }
      await setCourseParts(tx, id, { roleIds, assessments: c.assessments, prerequisiteIds: c.prerequisites.map((p) => ids.get(p)!).filter((p) => p !== undefined) });
      ids.set(c.key, id);
      added++;
    }
    return added;
  });
}
