/**
 * Pure rules of minutes: the small languages leads type for actions, plans,
 * done marks and problems, whom a series expects, and the rates of
 * attendance and of plans done.
 */
import { dateProblem } from '../../shared/dates.js';
import { InputError } from '../../shared/errors.js';
import type { AttendanceStatus } from './meeting.js';

/** An action item as typed: "wu.xue: 整理差评回复模板 [2026-12-05]". */
export interface ActionText {
  owner: string;
  text: string;
  due: string | null;
}

const OWNER_SPLIT = /^\s*([^:：]+?)\s*[:：]\s*([\s\S]*)$/;

/**
 * Parses "owner: text [due]" (full-width ：and 【】 too). No owner, no text or
 * a due date that does not exist is an InputError naming the action.
 * @example parseAction('wu.xue: 回复差评 [2026-12-05]') // { owner: 'wu.xue', text: '回复差评', due: '2026-12-05' }
 */
export function parseAction(input: string): ActionText {
  const m = OWNER_SPLIT.exec(input);
  if (!m || m[1]!.trim() === '') throw new InputError('meetings.err.actionOwner', { value: input });
  let text = m[2]!.trim();
  let due: string | null = null;
  const d = /[[【]\s*([^\]】]*?)\s*[\]】]\s*$/.exec(text);
  if (d) {
    due = d[1]!;
    text = text.slice(0, d.index).trim();
    if (dateProblem(due) !== undefined) throw new InputError('meetings.err.actionDue', { value: input, due });
  }
  if (text === '') throw new InputError('meetings.err.actionText', { value: input });
  return { owner: m[1]!.trim(), text, due };
}

/**
 * A member's plan for the day: "wu.xue: 回复差评; 上新 3 款" (; or ；between items).
 * @example parsePlan('li: a; b') // { owner: 'li', items: ['a', 'b'] }
 */
export function parsePlan(input: string): { owner: string; items: string[] } {
  const m = OWNER_SPLIT.exec(input);
  if (!m || m[1]!.trim() === '') throw new InputError('meetings.err.planOwner', { value: input });
  const items = m[2]!.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new InputError('meetings.err.planEmpty', { value: input });
  return { owner: m[1]!.trim(), items };
}

/**
 * What a member got done of their plan: "wu.xue: 1,3" (item numbers) or "wu.xue: all".
 * @example parseDone('li: 1, 3') // { owner: 'li', items: [1, 3] }
 */
export function parseDone(input: string): { owner: string; items: number[] | 'all' } {
  const m = OWNER_SPLIT.exec(input);
  if (!m || m[1]!.trim() === '') throw new InputError('meetings.err.doneOwner', { value: input });
  const rest = m[2]!.trim().toLowerCase();
  if (rest === 'all' || rest === '全部') return { owner: m[1]!.trim(), items: 'all' };
  const parts = rest.split(/[,，、\s]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^[1-9]\d{0,3}$/.test(p))) throw new InputError('meetings.err.doneItems', { value: input });
  return { owner: m[1]!.trim(), items: [...new Set(parts.map(Number))].sort((a, b) => a - b) };
}

/** Who a problem is about: "wu.xue: 差评未回复" names a member only when the part before the colon is one (`isMember`); otherwise the whole text is the team's. */
export function splitProblem(input: string, isMember: (s: string) => boolean): { owner: string | null; text: string } {
  const m = OWNER_SPLIT.exec(input);
  if (m && m[2]!.trim() !== '' && isMember(m[1]!.trim())) return { owner: m[1]!.trim(), text: m[2]!.trim() };
  const text = input.trim();
  if (text === '') throw new InputError('meetings.err.problemEmpty', { value: input });
  return { owner: null, text };
}

/** Counts of one member's attendance and the rate: (present + late) / (present + late + absent); excused meetings do not count. */
export interface AttendanceTally {
  present: number;
  late: number;
  absent: number;
  excused: number;
  /** Percent, one decimal; null when every meeting was excused (or there was none). */
  ratePct: number | null;
}

export function tally(counts: Omit<AttendanceTally, 'ratePct'>): AttendanceTally {
  const held = counts.present + counts.late + counts.absent;
  return { ...counts, ratePct: held === 0 ? null : Math.round(((counts.present + counts.late) * 1000) / held) / 10 };
}

/**
 * The series that most need a lead's attention first: the most occurrences
 * missed (scheduled, past, no minutes), then the lowest attendance (none
 * counted, as when none was held or all were excused, last); a sort by it is
 * stable, so ties keep the order they came in.
 */
export function byAttention(a: { missed: number; ratePct: number | null }, b: { missed: number; ratePct: number | null }): number {
  return b.missed - a.missed || (a.ratePct ?? Infinity) - (b.ratePct ?? Infinity) || 0;
}

/** Percent done of a plan, one decimal; null without a plan. */
export function completionPct(done: number, planned: number): number | null {
  return planned === 0 ? null : Math.round((done * 1000) / planned) / 10;
}

/** Someone a series expects: whether they are, given who it is for and which shift. */
export interface AudienceMember {
  id: number;
  departmentId: number | null;
  shift: string | null;
  status: string;
}

export interface Audience {
  everyone: boolean;
  memberIds: readonly number[];
  departmentIds: readonly number[];
  /** The one shift the series is for, or null for every shift. */
  shift: string | null;
}

/** Whether a series expects this member: they are in its audience, and on its shift when it is for one. */
export function expects(a: Audience, m: AudienceMember): boolean {
  if (a.shift !== null && m.shift !== a.shift) return false;
  return a.everyone || a.memberIds.includes(m.id) || (m.departmentId !== null && a.departmentIds.includes(m.departmentId));
}

/** Attendance by default: present, or excused for someone on leave. */
export function defaultStatus(m: AudienceMember): AttendanceStatus {
  return m.status === 'leave' ? 'excused' : 'present';
}
