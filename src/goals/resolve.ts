/** Turns what a user typed into a goal id or an owner, or fails with the closest match. */
import type { Queryable } from '../db/sql.js';
import { findDepartment, findMember, suggestDepartment, suggestMember } from '../org/public.js';
import { closestMatch } from '../shared/match.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { findGoalById, findGoalIdsByTitle, listGoalTitles } from './repository.js';
import type { OwnerType } from './rules/goal.js';

const isId = (s: string) => /^\d+$/.test(s);

/** A goal by id ("12" or "#12") or exact title; a title shared by several goals asks for the id. */
export async function resolveGoalId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const idText = s.startsWith('#') ? s.slice(1) : s;
  if (isId(idText) && (await findGoalById(q, Number(idText)))) return Number(idText);
  const ids = await findGoalIdsByTitle(q, s);
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) throw new InputError('goals.err.ambiguous', { title: s, ids: ids.map((i) => `#${i}`).join(', ') });
  throw new NotFoundError('goals.kind.goal', s, closestMatch(s, await listGoalTitles(q)));
}

/** "team", a member (id, handle or name) or a department (id or name), in that order. */
export async function resolveOwner(q: Queryable, input: string): Promise<{ type: OwnerType; id: number | null }> {
  const s = input.trim();
  if (['team', '团队', '全队'].includes(s.toLowerCase())) return { type: 'team', id: null };
  const member = await findMember(q, s);
  if (member) return { type: 'member', id: member };
  const dept = await findDepartment(q, s);
  if (dept) return { type: 'department', id: dept };
  throw new NotFoundError('goals.kind.owner', s, (await suggestMember(q, s)) ?? (await suggestDepartment(q, s)));
}
