/** Turns what a user typed into a goal id or an owner, or fails with the closest match. */
import type { Queryable } from '../db/sql.js';
import { findDepartment, findMember, suggestDepartment, suggestMember } from '../org/public.js';
import { closestMatch } from '../shared/match.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { findGoalById, findGoalIdsByTitle, listGoalTitles } from './repository.js';
import type { OwnerType } from './rules/goal.js';

const isId = (s: string) => /^\d+$/.test(s);
/** The words that name the whole team as an owner. */
const TEAM_WORDS = ['team', '团队', '全队'];

/** A goal by id ("12" or "#12") or exact title; a title shared by several goals asks for the id. */
export async function resolveGoalId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  const idText = s.startsWith('#') ? s.slice(1) : s;
  if (isId(idText) && (await findGoalById(q, Number(idText)))) return Number(idText);
  const ids = await findGoalIdsByTitle(q, s);
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) throw new InputError('goals.err.ambiguous', { title: s, ids: ids.map((i) => `#${i}`) });
  throw new NotFoundError('goals.kind.goal', s, closestMatch(s, await listGoalTitles(q)));
}

/** "team", a member (id, handle or name) or a department (id or name), in that order. */
export async function resolveOwner(q: Queryable, input: string): Promise<{ type: OwnerType; id: number | null }> {
  const s = input.trim();
  if (TEAM_WORDS.includes(s.toLowerCase())) return { type: 'team', id: null };
  const memberId = await findMember(q, s);
  if (memberId) return { type: 'member', id: memberId };
  const dept = await findDepartment(q, s);
  if (dept) return { type: 'department', id: dept };
  // The closest of the team words, the closest member and the closest department ("tema" → "team").
  const member = await suggestMember(q, s);
  const department = await suggestDepartment(q, s);
  const candidates = [...TEAM_WORDS, member, department].filter((c): c is string => c !== undefined);
  throw new NotFoundError('goals.kind.owner', s, closestMatch(s, candidates) ?? member ?? department);
}
