/** Action items: the list, and done / move / drop, each one transaction. */
import type { Queryable } from '../db/sql.js';
import { resolveMemberId } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { findAction, listActions, updateAction, type ActionFilter, type ActionItem } from './actions.repository.js';
import { resolveAction, resolveMeetingId } from './resolve.js';

export interface ActionListOptions {
  owner?: string;
  meeting?: string;
  open?: boolean;
  overdue?: boolean;
}

/** Action items, open ones first by due date; `overdue` means open and due before today. */
export async function getActions(o: ServiceOptions, f: ActionListOptions): Promise<ActionItem[]> {
  if (f.open && f.overdue) throw new InputError('meetings.err.openAndOverdue', {});
  return o.db.snapshot(async (q) => {
    const filter: ActionFilter = {};
    if (f.owner !== undefined) filter.ownerId = await resolveMemberId(q, f.owner);
    if (f.meeting !== undefined) filter.meetingId = await resolveMeetingId(q, f.meeting);
    if (f.open) filter.status = 'open';
    if (f.overdue) filter.overdueOn = o.today;
    return listActions(q, filter);
  });
}

async function openAction(o: ServiceOptions, ref: string, fn: (tx: Queryable, a: ActionItem, now: string) => Promise<void>): Promise<ActionItem> {
  const id = await o.db.transaction(async (tx) => {
    const a = await resolveAction(tx, ref);
    if (a.status !== 'open') throw new InputError(a.status === 'done' ? 'meetings.err.actionDone' : 'meetings.err.actionDropped', { id: a.id });
    await fn(tx, a, stamp(o.now));
    return a.id;
  });
  return (await findAction(o.db, id))!;
}

/** Marks an item done, with an optional note. */
export function doneAction(o: ServiceOptions, ref: string, note?: string): Promise<ActionItem> {
  return openAction(o, ref, (tx, a, now) => updateAction(tx, a.id, { status: 'done', note: note?.trim() || null, closedAt: now }, now));
}

/** A new due date; not before the meeting that raised it. */
export function moveAction(o: ServiceOptions, ref: string, due: string): Promise<ActionItem> {
  return openAction(o, ref, async (tx, a, now) => {
    if (due < a.raisedOn) throw new InputError('meetings.err.dueBeforeRaised', { id: a.id, due, raised: a.raisedOn });
    await updateAction(tx, a.id, { due }, now);
  });
}

/** Drops an item, saying why; it stays in the record. */
export function dropAction(o: ServiceOptions, ref: string, reason: string): Promise<ActionItem> {
  if (reason.trim() === '') throw new InputError('meetings.err.dropReason', {});
  return openAction(o, ref, (tx, a, now) => updateAction(tx, a.id, { status: 'dropped', note: reason.trim(), closedAt: now }, now));
}
