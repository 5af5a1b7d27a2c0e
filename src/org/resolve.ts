/**
 * Turns what a user typed (an id, a handle or a name) into an id, or fails
 * with the closest known name as a suggestion. The resolve* functions also
 * take part of a name when only one thing has it ("经理" for "客服经理"), and
 * list the candidates when several do; the find* functions match exactly.
 */
import { findDepartmentById, findDepartmentIdByName, findDepartmentIdByPresetKey, listDepartmentNames, listDepartmentRefs } from './departments.repository.js';
import { findMemberById, findMemberIdByHandle, findMemberIdsByLooseName, listMemberNames, listMemberRefs } from './members.repository.js';
import { findRoleById, findRoleIdByName, findRoleIdByPresetKey, listRoleNames, listRoleRefs } from './roles.repository.js';
import type { Queryable } from '../db/sql.js';
import type { MessageKey } from '../i18n/index.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { closestMatch, matchByName, nameList } from '../shared/match.js';

const isId = (s: string) => /^\d+$/.test(s);

/** The one item whose name contains `s` (after exact and case-insensitive matches); several are an error listing them. */
function byPartOfName<T extends { id: number }>(s: string, items: readonly T[], namesOf: (item: T) => readonly string[], several: MessageKey, shown: (item: T) => string): number | undefined {
  const m = matchByName(s, items, namesOf);
  if (m.kind === 'several') throw new InputError(several, { input: s, names: nameList(m.items.map(shown)) });
  return m.kind === 'one' ? m.item.id : undefined;
}

/** A department by id, name or preset key; undefined when none matches exactly. */
export async function findDepartment(q: Queryable, s: string): Promise<number | undefined> {
  return (isId(s) && (await findDepartmentById(q, Number(s)))?.id) || (await findDepartmentIdByName(q, s)) || (await findDepartmentIdByPresetKey(q, s));
}

export async function suggestDepartment(q: Queryable, s: string): Promise<string | undefined> {
  return closestMatch(s, await listDepartmentNames(q));
}

export async function resolveDepartmentId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const id = (await findDepartment(q, s)) ?? byPartOfName(s, await listDepartmentRefs(q), (d) => [d.name], 'org.err.department.several', (d) => d.name);
  if (id) return id;
  throw new NotFoundError('org.kind.department', s, await suggestDepartment(q, s));
}

export async function resolveRoleId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const id =
    (isId(s) && (await findRoleById(q, Number(s)))?.id) ||
    (await findRoleIdByName(q, s)) ||
    (await findRoleIdByPresetKey(q, s)) ||
    byPartOfName(s, await listRoleRefs(q), (r) => [r.name], 'org.err.role.several', (r) => r.name);
  if (id) return id;
  throw new NotFoundError('org.kind.role', s, closestMatch(s, await listRoleNames(q)));
}

/** A member by id, handle or display name; undefined when none matches; a name two members share is an error. */
export async function findMember(q: Queryable, s: string): Promise<number | undefined> {
  const exact = (isId(s) && (await findMemberById(q, Number(s)))?.id) || (await findMemberIdByHandle(q, s));
  if (exact) return exact;
  const loose = await findMemberIdsByLooseName(q, s);
  if (loose.length > 1) {
    // One after the other: a PostgreSQL connection runs one query at a time (pg warns about overlapping ones).
    const handles: string[] = [];
    for (const id of loose) handles.push((await findMemberById(q, id))!.handle);
    throw new InputError('org.err.member.ambiguous', { input: s, handles });
  }
  return loose[0];
}

/** The closest handle, by handle or by display name (reads every member: only on the error path). */
export async function suggestMember(q: Queryable, s: string): Promise<string | undefined> {
  const names = await listMemberNames(q);
  const byHandle = closestMatch(s, names.map((n) => n.handle));
  const byName = closestMatch(s, names.map((n) => n.name));
  return byHandle ?? (byName && names.find((n) => n.name === byName)?.handle);
}

export async function resolveMemberId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const id = (await findMember(q, s)) ?? byPartOfName(s, await listMemberRefs(q), (m) => [m.handle, m.name], 'org.err.member.several', (m) => `${m.name} (${m.handle})`);
  if (id) return id;
  throw new NotFoundError('org.kind.member', s, await suggestMember(q, s));
}

/** "none" (or 无) clears an optional reference. */
export { isNone } from '../shared/none.js';
