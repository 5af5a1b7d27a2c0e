import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../../src/shared/match.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['li.na', 'li.na', 0],
    ['Customer', 'customer', 0], // case does not count
    ['Custmer service', 'Customer service', 1],
    ['李娜', '李那', 1], // per character, not per byte
    ['客服部', '客服', 1],
    ['😀a', '😃a', 1], // per code point, not per UTF-16 unit
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatch', () => {
  const depts = ['Operations', 'Design', 'Customer service', 'Logistics', 'Marketing', 'Data'];

  it('finds the closest name for a typo', () => {
    expect(closestMatch('Custmer service', depts)).toBe('Customer service');
    expect(closestMatch('Marketting', depts)).toBe('Marketing');
    expect(closestMatch('lii', ['li', 'wang'])).toBe('li');
  });

  it('ignores case', () => {
    expect(closestMatch('customer service', depts)).toBe('Customer service');
    expect(closestMatch('DATA', depts)).toBe('Data');
  });

  it('prefers a prefix, then a substring, over an edit', () => {
    expect(closestMatch('zhang', ['zhangsan', 'zhanh'])).toBe('zhangsan');
    expect(closestMatch('service', ['Customer service', 'servic'])).toBe('servic'); // prefix (0.5) beats substring (0.75)
    expect(closestMatch('service', ['Customer service', 'Operations'])).toBe('Customer service');
    expect(closestMatch('客服', ['运营部', '客服部'])).toBe('客服部');
  });

  it('returns nothing when nothing is a plausible typo (more than half the length away)', () => {
    expect(closestMatch('xyzzy', depts)).toBeUndefined();
    expect(closestMatch('abcd', ['abxy'])).toBe('abxy'); // 2 of 4
    expect(closestMatch('abcd', ['axyz'])).toBeUndefined(); // 3 of 4
    expect(closestMatch('abcde', ['abxyz'])).toBe('abxyz'); // 3 ≤ ceil(5 / 2)
    expect(closestMatch('李四', ['王五'])).toBeUndefined();
    expect(closestMatch('anything', [])).toBeUndefined();
  });

  it('keeps the first of equally close candidates', () => {
    expect(closestMatch('cat', ['bat', 'hat'])).toBe('bat');
    expect(closestMatch('cat', ['hat', 'bat'])).toBe('hat');
  });

  // Bug: an empty needle is a prefix of every name, so `team depts show ""` answers
  // 'No department matches "". Did you mean "Operations"?'.
  it('suggests nothing for an empty input', () => {
    expect(closestMatch('', depts)).toBeUndefined();
  });
});
