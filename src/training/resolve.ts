/** Turns what a user typed into a course or a session, or fails with the closest match. */
import type { Queryable } from '../db/sql.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { closestMatch, matchByName, nameList } from '../shared/match.js';
import { courseIdExists, findCourseIdByName, listCourseRefs } from './repository.js';
import { findSession } from './sessions.repository.js';
import type { Session } from './rules/training.js';

const isId = (s: string) => /^#?\d+$/.test(s);

/** A course by id, title (any case), preset key, or a part of its title only one course has. */
export async function resolveCourseId(q: Queryable, input: string): Promise<number> {
  const s = input.trim();
  // An id or an exact title or key is one indexed read; only a part of a title reads the catalog.
  if (isId(s)) {
    const id = Number(s.replace('#', ''));
    if (await courseIdExists(q, id)) return id;
  }
  const exact = await findCourseIdByName(q, s);
  if (exact !== undefined) return exact;
  const refs = await listCourseRefs(q);
  const m = matchByName(s, refs, (r) => [r.title, ...(r.presetKey ? [r.presetKey] : [])]);
  if (m.kind === 'several') throw new InputError('training.err.courseSeveral', { input: s, names: nameList(m.items.map((r) => r.title)) });
  if (m.kind === 'one') return m.item.id;
  throw new NotFoundError('training.kind.course', s, closestMatch(s, refs.flatMap((r) => [r.title, ...(r.presetKey ? [r.presetKey] : [])])));
}

/** A session by its id ("3" or "#3"). */
export async function resolveSession(q: Queryable, input: string): Promise<Session> {
  const s = input.trim();
  const found = isId(s) ? await findSession(q, Number(s.replace('#', ''))) : undefined;
  if (!found) throw new NotFoundError('training.kind.session', s, undefined);
  return found;
}
