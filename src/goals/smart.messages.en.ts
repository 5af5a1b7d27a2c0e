/**
 * One-line texts for the SMART lint's codes, with `{param}` placeholders
 * filled from each finding's params. A-rates are per 30 days; `{unit}` is '%'
 * when the rate is relative to the baseline, else the goal's unit.
 */
import type { SmartCode } from './rules/smart.js';

export const smartEn: Record<SmartCode, string> = {
  'smart.S.vague': 'S specific: the title is too vague ("{title}"); name the object and a number, e.g. "Raise Tmall store sales 20% this quarter"',
  'smart.M.noMetric': 'M measurable: no metric; say what is measured, e.g. GMV, orders, first response time',
  'smart.M.noTarget': 'M measurable: no target value',
  'smart.M.noDirection': 'M measurable: no direction; say whether the value should increase, decrease, stay at least or stay at most the target',
  'smart.M.targetEqualsBaseline': 'M measurable: the target {target} equals the baseline, so nothing would change; use "at least"/"at most" to hold a level',
  'smart.M.directionMismatch': 'M measurable: target {target} and baseline {baseline} contradict the direction ({direction}); check the direction or the numbers',
  'smart.A.beyondHistory': 'A achievable: needs {required}{unit} per 30 days, {factor}× the best this metric ever did ({best}{unit} per 30 days)',
  'smart.A.againstHistory': 'A achievable: needs {required}{unit} per 30 days, but this metric has never moved that way (best {best}{unit} per 30 days)',
  'smart.A.beyondPastGoals': 'A achievable: needs {required}{unit} per 30 days, {factor}× the most ambitious past goal ({best}{unit} per 30 days)',
  'smart.R.noReason': 'R relevant: no parent goal and no reason given; link a parent goal or say why this matters',
  'smart.T.noDue': 'T time-bound: no due date',
  'smart.T.dueBeforeStart': 'T time-bound: the due date {due} is before the start {start}',
};
