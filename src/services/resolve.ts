/**
 * Turns what a user typed (an id, a handle or a name) into an id, or fails
 * with the closest known name as a suggestion.
 */
import { findDepartmentById, findDepartmentIdByName, findDepartmentIdByPresetKey, listDepartmentNames } from '../db/repositories/departments.repository.js';
import { findMemberById, findMemberIdByHandle, findMemberIdsByLooseName, listMemberNames } from '../db/repositories/members.repository.js';
import { findRoleById, findRoleIdByName, findRoleIdByPresetKey, listRoleNames } from '../db/repositories/roles.repository.js';
import type { Queryable } from '../db/sql.js';
import { NotFoundError } from '../domain/errors.js';
import { closestMatch } from '../domain/match.js';

const isId = (s: string) => /^\d+$/.test(s);

export async function resolveDepartmentId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const id =
    (isId(s) && (await findDepartmentById(q, Number(s)))?.id) ||
    (await findDepartmentIdByName(q, s)) ||
    (await findDepartmentIdByPresetKey(q, s));
  if (id) return id;
  throw new NotFoundError('department', s, closestMatch(s, await listDepartmentNames(q)));
}

export async function resolveRoleId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const id = (isId(s) && (await findRoleById(q, Number(s)))?.id) || (await findRoleIdByName(q, s)) || (await findRoleIdByPresetKey(q, s));
  if (id) return id;
  throw new NotFoundError('role', s, closestMatch(s, await listRoleNames(q)));
}

export async function resolveMemberId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const exact = (isId(s) && (await findMemberById(q, Number(s)))?.id) || (await findMemberIdByHandle(q, s));
  if (exact) return exact;
  const loose = await findMemberIdsByLooseName(q, s);
  if (loose.length > 0) return loose[0]!;
  const names = await listMemberNames(q);
  const byHandle = closestMatch(s, names.map((n) => n.handle));
  const byName = closestMatch(s, names.map((n) => n.name));
  throw new NotFoundError('member', s, byHandle ?? (byName && names.find((n) => n.name === byName)?.handle));
}

/** "none" (or 无) clears an optional reference. */
export function isNone(input: string | undefined): boolean {
  return input !== undefined && ['none', '无', '-', ''].includes(input.trim().toLowerCase());
}
