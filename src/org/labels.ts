/** The message key of every org enum value, and of the shifts the preset names. */
import type { MessageKey } from '../i18n/index.js';
import type { MemberStatus } from './rules/org.js';

export const MEMBER_STATUS_LABEL: Record<MemberStatus, MessageKey> = { active: 'org.status.active', probation: 'org.status.probation', leave: 'org.status.leave' };

/** The usual shifts of a shop team; any other shift is free text and shown as typed. */
const SHIFT_LABEL: Record<string, MessageKey | undefined> = { day: 'org.shift.day', late: 'org.shift.late', night: 'org.shift.night' };

/** A shift in the reader's language: day → 白班, late → 晚班; free text as typed. */
export function shiftKey(shift: string): MessageKey | undefined {
  return SHIFT_LABEL[shift.trim().toLowerCase()];
}
