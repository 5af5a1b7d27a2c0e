/**
 * Checks of one answer typed at a `goals add` prompt, so the wizard can ask
 * again right away instead of failing after the last question. Pure: each
 * returns null when the answer is fine, or the problem as a message code and
 * params (the CLI translates it).
 */
import { isCalendarDate, toDay } from '../../shared/dates.js';
import { isVagueTitle } from './title.js';

export type AnswerProblem =
  | { code: 'smart.S.vague'; params: { title: string } }
  | { code: 'prompt.date'; params: Record<string, never> }
  | { code: 'smart.T.dueBeforeStart'; params: { start: string; due: string } };

/** The S check of SMART on a title (see ./title.ts). */
export function titleProblem(title: string): AnswerProblem | null {
  return isVagueTitle(title) ? { code: 'smart.S.vague', params: { title: title.trim() } } : null;
}

/** A due date: a real calendar date, not before `start`. */
export function dueProblem(typed: string, start: string): AnswerProblem | null {
  const due = typed.trim();
  if (!isCalendarDate(due)) return { code: 'prompt.date', params: {} };
  if (toDay(due) < toDay(start)) return { code: 'smart.T.dueBeforeStart', params: { start, due } };
  return null;
}
