/**
 * What a reminder lists and in which order: one item per thing due, sorted
 * by when (the overdue first, since they are the earliest), then by kind and
 * name, so two runs on the same data print the same lines. Pure.
 */
import { compareText } from '../../shared/order.js';

export const REMIND_KINDS = ['evaluation', 'goalOverdue', 'actionOverdue', 'trainingOverdue', 'meeting', 'session', 'goalDue', 'actionDue', 'trainingDue', 'goalStale'] as const;
export type RemindKind = (typeof REMIND_KINDS)[number];

export interface RemindItem {
  kind: RemindKind;
  /** The local date it is due or happens on. */
  date: string;
  /** Its local time (meetings, classes); null for what is due on a day. */
  time: string | null;
  /** ISO instant of the start, for what happens at a time; null otherwise. */
  startsAt: string | null;
  endsAt: string | null;
  zone: string | null;
  title: string;
  /** Whose it is: a handle, a department, or null for the team. */
  owner: string | null;
  overdue: boolean;
  /** What it refers to, to find it again: `goal 12`, `action 3`, `meeting 2 2026-12-01`. */
  ref: string;
  /** The few facts worth a line: progress and status, minutes, carried actions, a course's trainer. */
  detail: Record<string, string | number | null>;
}

const ORDER = new Map(REMIND_KINDS.map((k, i) => [k, i]));

/** By date and time (a day's items without a time first), then kind, title, reference. */
export function sortReminders(items: RemindItem[]): RemindItem[] {
  return items.sort((a, b) => compareText(a.date, b.date) || compareText(a.time ?? '', b.time ?? '') || ORDER.get(a.kind)! - ORDER.get(b.kind)! || compareText(a.title, b.title) || compareText(a.ref, b.ref));
}

/** The window's days: 24h is today only, 36h today and tomorrow, 7d a week from today. */
export const windowDays = (hours: number) => Math.max(1, Math.ceil(hours / 24));
