/** The grade bands new cycles take (and open ones follow), stored in the settings table. */
import type { Queryable } from '../db/sql.js';
import { getSetting, setSetting } from '../db/settings.js';
import { InputError } from '../shared/errors.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { setOpenCyclesGrades } from './cycles.repository.js';
import { DEFAULT_GRADES, gradesProblem, type Grade } from './rules/cycle.js';

const KEY = 'evaluations.grades';

export async function readGrades(q: Queryable): Promise<Grade[]> {
  const v = await getSetting(q, KEY);
  return v === undefined ? [...DEFAULT_GRADES] : (JSON.parse(v) as Grade[]);
}

export function getGrades(o: ServiceOptions): Promise<Grade[]> {
  return readGrades(o.db);
}

/** New grade bands, best first: for cycles opened from now on and for those still open (closed ones keep theirs). */
export async function setGrades(o: ServiceOptions, grades: readonly Grade[]): Promise<Grade[]> {
  const problem = gradesProblem(grades);
  if (problem) throw new InputError(problem, {});
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  return o.db.transaction(async (tx) => {
    await setSetting(tx, KEY, JSON.stringify(sorted));
    await setOpenCyclesGrades(tx, sorted, stamp(o.now));
    return sorted;
  });
}
