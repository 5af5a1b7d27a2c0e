/** The meetings' references to other features' rows (see db/references.ts). */
import type { ReferenceCounter } from '../db/references.js';

/** Series whose audience names a department, which must be changed before it goes. */
export const meetingsForDepartment: ReferenceCounter = async (q, id) => ({
  count: (await q.get<{ n: number }>('select count(*) as n from meeting_audience where department_id = ?', [id]))!.n,
  message: 'meetings.err.dept.hasMeetings',
});
