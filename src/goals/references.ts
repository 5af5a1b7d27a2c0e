/** The goals' references to other features' rows (see db/references.ts). */
import type { ReferenceCounter } from '../db/references.js';
import { countGoalsOwnedByDepartment } from './repository.js';

/** Goals owned by a department, which must get another owner before it goes. */
export const goalsOwnedByDepartment: ReferenceCounter = async (q, id) => ({ count: await countGoalsOwnedByDepartment(q, id), message: 'goals.err.dept.hasGoals' });
