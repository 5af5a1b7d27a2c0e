/**
 * Turns what a user typed (an id, a handle or a name) into an id, or fails
 * with the closest known name as a suggestion.
 */
import { findDepartmentById, findDepartmentIdByName, findDepartmentIdByPresetKey, listDepartmentNames } from '../db/repositories/departments.repository.js';
import { findGoalById, findGoalIdsByTitle, listGoalTitles } from '../db/repositories/goals.repository.js';
import { findMemberById, findMemberIdByHandle, findMemberIdsByLooseName, listMemberNames } from '../db/repositories/members.repository.js';
import { findRoleById, findRoleIdByName, findRoleIdByPresetKey, listRoleNames } from '../db/repositories/roles.repository.js';
import type { Queryable } from '../db/sql.js';
import { NotFoundError, TeamError } from '../domain/errors.js';
import type { OwnerType } from '../domain/goals/goal.js';
import { closestMatch } from '../domain/match.js';
import { NONE_WORDS } from '../domain/org.js';

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
  if (loose.length === 1) return loose[0]!;
  if (loose.length > 1) {
    const handles = await Promise.all(loose.map(async (id) => (await findMemberById(q, id))!.handle));
    throw new TeamError('err.member.ambiguous', { input: s, handles: handles.join(', ') });
  }
  const names = await listMemberNames(q);
  const byHandle = closestMatch(s, names.map((n) => n.handle));
  const byName = closestMatch(s, names.map((n) => n.name));
  throw new NotFoundError('member', s, byHandle ?? (byName && names.find((n) => n.name === byName)?.handle));
}

/** "none" (or 无) clears an optional reference. */
export function isNone(input: string | undefined): boolean {
  return input !== undefined && NONE_WORDS.includes(input.trim().toLowerCase());
}

/** A goal by id ("12" or "#12") or exact title; a title shared by several goals asks for the id. */
export async function resolveGoalId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const idText = s.startsWith('#') ? s.slice(1) : s;
  if (isId(idText) && (await findGoalById(q, Number(idText)))) return Number(idText);
  const ids = await findGoalIdsByTitle(q, s);
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) throw new TeamError('err.goal.ambiguous', { title: s, ids: ids.map((i) => `#${i}`).join(', ') });
  throw new NotFoundError('goal', s, closestMatch(s, await listGoalTitles(q)));
}

/** "team", a member (id, handle or name) or a department (id or name), in that order. */
export async function resolveOwner(q: Queryable, input: string): Promise<{ type: OwnerType; id: number | null }> {
  const s = input.trim();
  if (['team', '团队', '全队'].includes(s.toLowerCase())) return { type: 'team', id: null };
  try {
    return { type: 'member', id: await resolveMemberId(q, s) };
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    try {
      return { type: 'department', id: await resolveDepartmentId(q, s) };
    } catch (e2) {
      if (!(e2 instanceof NotFoundError)) throw e2;
      throw new NotFoundError('owner', s, e.suggestion ?? e2.suggestion);
    }
  }
}
