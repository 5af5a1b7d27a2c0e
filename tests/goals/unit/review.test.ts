import { describe, expect, it } from 'vitest';
import { outcomeContradicts } from '../../../src/goals/rules/review.js';

describe('outcomeContradicts', () => {
  it('a reward on a missed goal and a penalty on an achieved one contradict the result', () => {
    expect(outcomeContradicts('reward', 'missed')).toBe(true);
    expect(outcomeContradicts('penalty', 'achieved')).toBe(true);
  });

  it('the matching outcomes, and "none", do not', () => {
    expect(outcomeContradicts('reward', 'achieved')).toBe(false);
    expect(outcomeContradicts('penalty', 'missed')).toBe(false);
    expect(outcomeContradicts('none', 'achieved')).toBe(false);
    expect(outcomeContradicts('none', 'missed')).toBe(false);
  });
});
