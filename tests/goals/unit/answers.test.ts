import { describe, expect, it } from 'vitest';
import { numberText, promptCheck } from '../../../src/cli/validate.js';
import { dueProblem, titleProblem } from '../../../src/goals/rules/answers.js';

describe('prompt answers for a new goal', () => {
  it('a vague title gets the S finding; a specific one passes', () => {
    expect(titleProblem('raise sales')).toEqual({ code: 'smart.S.vague', params: { title: 'raise sales' } });
    expect(titleProblem('  提高销售额 ')).toEqual({ code: 'smart.S.vague', params: { title: '提高销售额' } });
    expect(titleProblem('Q4 Tmall GMV up 20% to ¥1,800,000')).toBeNull();
  });

  it('numbers at a prompt follow the flags\' rule: separators and signs, never NaN, infinite or out of range', () => {
    const check = promptCheck(numberText, '--target');
    for (const ok of ['1500000', '1,500,000', '1_000', '-3.5', ' 42 ', '1e3']) expect(check(ok), ok).toBe(true);
    for (const bad of ['lots', '12abc', '0x10', 'Infinity', '1e999', 'NaN', '--1', '1e13']) expect(check(bad), bad).toMatch(/--target/);
    expect(promptCheck(numberText, '--baseline', true)('')).toBe(true);
  });

  it('due date: a real date, not before the start', () => {
    expect(dueProblem('2026-12-31', '2026-11-23')).toBeNull();
    expect(dueProblem('2026-11-23', '2026-11-23')).toBeNull();
    expect(dueProblem('2026-02-30', '2026-01-01')).toEqual({ code: 'prompt.date', params: {} });
    expect(dueProblem('next week', '2026-01-01')).toEqual({ code: 'prompt.date', params: {} });
    expect(dueProblem('2026-11-01', '2026-11-23')).toEqual({ code: 'smart.T.dueBeforeStart', params: { start: '2026-11-23', due: '2026-11-01' } });
  });
});
