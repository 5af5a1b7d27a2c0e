/**
 * Rows of one feature that another feature's rows point at. Before org
 * removes a department it asks here who still refers to it; a feature whose
 * rows refer to departments lists its counter below. Counters load only when
 * asked (a removal), so no command pays for them at start-up.
 */
import type { MessageKey } from '../i18n/index.js';
import type { Queryable } from './sql.js';

export type Referenced = 'department';

/** How many rows of one feature refer to the row, and the message that says so ({name}, {count}). */
export interface Reference {
  count: number;
  message: MessageKey;
}

export type ReferenceCounter = (q: Queryable, id: number) => Promise<Reference>;

const COUNTERS: Record<Referenced, readonly (() => Promise<ReferenceCounter>)[]> = {
  department: [async () => (await import('../goals/references.js')).goalsOwnedByDepartment, async () => (await import('../meetings/references.js')).meetingsForDepartment],
};

/**
 * The features still referring to a row, those with a count above zero.
 * @example const [first] = await findReferences(tx, 'department', 3)
 */
export async function findReferences(q: Queryable, kind: Referenced, id: number): Promise<Reference[]> {
  const found: Reference[] = [];
  for (const load of COUNTERS[kind]) {
    const ref = await (await load())(q, id);
    if (ref.count > 0) found.push(ref);
  }
  return found;
}
