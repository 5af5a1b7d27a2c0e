/**
 * Pure rules of the review loop (no db, no clock, no printing).
 */
import type { Outcome } from '../labels.js';

/**
 * Whether a lead's outcome contradicts how the goal closes: a reward on a
 * missed goal, or a penalty on an achieved one. "none" never contradicts.
 * @example outcomeContradicts('reward', 'missed') // true
 * @example outcomeContradicts('none', 'missed') // false
 */
export function outcomeContradicts(outcome: Outcome, result: 'achieved' | 'missed'): boolean {
  return (outcome === 'reward' && result === 'missed') || (outcome === 'penalty' && result === 'achieved');
}
