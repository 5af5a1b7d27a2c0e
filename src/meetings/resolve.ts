/** Turns what a user typed into a meeting series, an action item or an attendee, or fails with the closest match. */
import type { Queryable } from '../db/sql.js';
import { EVERYONE_WORDS, findDepartment, findMember, suggestDepartment, suggestMember } from '../org/public.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { closestMatch, matchByName, nameList } from '../shared/match.js';
import { findAction, type ActionItem } from './actions.repository.js';
import { findMeetingById, findMeetingIdByName, listMeetingRefs } from './repository.js';

const isId = (s: string) => /^#?\d+$/.test(s);

/** A series by id, title (any case), preset key, or a part of its title only one series has. */
export async function resolveMeetingId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  if (isId(s)) {
    const m = await findMeetingById(q, Number(s.replace('#', '')));
    if (m) return m.id;
  }
  const exact = await findMeetingIdByName(q, s);
  if (exact !== undefined) return exact;
  const refs = await listMeetingRefs(q);
  const m = matchByName(s, refs, (r) => [r.title, ...(r.presetKey ? [r.presetKey] : [])]);
  if (m.kind === 'several') throw new InputError('meetings.err.several', { input: s, names: nameList(m.items.map((r) => r.title)) });
  if (m.kind === 'one') return m.item.id;
  // Preset keys too: "weeky" is closer to "weekly" than to "Weekly meeting".
  throw new NotFoundError('meetings.kind.meeting', s, closestMatch(s, refs.flatMap((r) => [r.title, ...(r.presetKey ? [r.presetKey] : [])])));
}

/** An action item by its id ("7" or "#7"). */
export async function resolveAction(q: Queryable, input: string): Promise<ActionItem> {
  const s = input.trim();
  const a = isId(s) ? await findAction(q, Number(s.replace('#', ''))) : undefined;
  if (!a) throw new NotFoundError('meetings.kind.action', s, undefined);
  return a;
}

export type Attendee = { kind: 'everyone' } | { kind: 'member'; id: number } | { kind: 'department'; id: number };

/** "all" (全员), a member, or a department, in that order; else the closest of them. */
export async function resolveAttendee(q: Queryable, input: string): Promise<Attendee> {
  const s = input.trim();
  if (EVERYONE_WORDS.includes(s.toLowerCase())) return { kind: 'everyone' };
  const member = await findMember(q, s);
  if (member) return { kind: 'member', id: member };
  const dept = await findDepartment(q, s);
  if (dept) return { kind: 'department', id: dept };
  const m = await suggestMember(q, s);
  const d = await suggestDepartment(q, s);
  throw new NotFoundError('meetings.kind.attendee', s, closestMatch(s, [...EVERYONE_WORDS, m, d].filter((c): c is string => c !== undefined)) ?? m ?? d);
}
