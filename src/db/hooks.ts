/**
 * What one feature's write tells the others, inside the same transaction, so
 * that neither reaches into the other. Org announces that a member holds a
 * role from a date (hired with it, or given it later); training listens and
 * plans the role's onboarding courses. A feature that listens lists its
 * listener below; listeners load only when the event happens (a member added
 * or given a role), so no other command pays for them.
 */
import type { MessageKey } from '../i18n/index.js';
import type { MessageParams } from '../shared/errors.js';
import type { Queryable } from './sql.js';

export interface HookEvents {
  /** A member holds a role from a date: `hired` when they were added with it (the date is the hire date, else today). */
  memberRole: { memberId: number; roleId: number; from: string; hired: boolean; previousRoleId?: number | null };
}

/** One line a listener has to tell the user (shown on stderr after the write commits). */
export interface Notice {
  key: MessageKey;
  params: MessageParams;
}

/** What a listener knows of the command: the clock and who acts. */
export interface HookContext {
  now: Date;
  today: string;
  actor: string;
}

export type Listener<E extends keyof HookEvents> = (tx: Queryable, c: HookContext, event: HookEvents[E]) => Promise<Notice[]>;

const LISTENERS: { [E in keyof HookEvents]: readonly (() => Promise<Listener<E>>)[] } = {
  memberRole: [async () => (await import('../training/hooks.js')).onMemberRole],
};

/**
 * Tells every listener, in the caller's transaction; returns what they have
 * to say. A listener's error aborts the caller's write.
 * @example notices.push(...(await emit(tx, o, 'memberRole', { memberId, roleId, from: hireDate, hired: true })))
 */
export async function emit<E extends keyof HookEvents>(tx: Queryable, c: HookContext, event: E, payload: HookEvents[E]): Promise<Notice[]> {
  const notices: Notice[] = [];
  for (const load of LISTENERS[event]) notices.push(...(await (await load())(tx, c, payload)));
  return notices;
}
