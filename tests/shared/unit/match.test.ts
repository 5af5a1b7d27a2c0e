import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, matchByName, nameList } from '../../../src/shared/match.js';

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

describe('matchByName', () => {
  const roles = ['客服经理', '客服专员（售前）', '客服专员（售后）', 'Operations manager', 'Designer', 'Visual designer'];
  const names = (s: string) => [s];

  it('an exact name first, even when others contain it', () => {
    expect(matchByName('Designer', roles, names)).toEqual({ kind: 'one', item: 'Designer' });
  });

  it('then a name equal but for case', () => {
    expect(matchByName('designer', roles, names)).toEqual({ kind: 'one', item: 'Designer' });
    expect(matchByName(' OPERATIONS manager ', roles, names)).toEqual({ kind: 'one', item: 'Operations manager' });
  });

  it('then the one name containing the input', () => {
    expect(matchByName('售后', roles, names)).toEqual({ kind: 'one', item: '客服专员（售后）' });
    expect(matchByName('visual', roles, names)).toEqual({ kind: 'one', item: 'Visual designer' });
  });

  it('several names containing it are ambiguous, in their order', () => {
    expect(matchByName('客服', roles, names)).toEqual({ kind: 'several', items: ['客服经理', '客服专员（售前）', '客服专员（售后）'] });
  });

  it("any of an item's names may match (a member by handle or name)", () => {
    const members = [{ handle: 'wang', name: 'Wang Fang' }, { handle: 'wangli', name: 'Wang Li' }];
    const of = (m: { handle: string; name: string }) => [m.handle, m.name];
    expect(matchByName('Fang', members, of)).toEqual({ kind: 'one', item: members[0] });
    expect(matchByName('wang', members, of)).toEqual({ kind: 'one', item: members[0] });
    expect(matchByName('wan', members, of)).toEqual({ kind: 'several', items: members });
  });

  it('nothing, or an empty input, matches none', () => {
    expect(matchByName('仓储', roles, names)).toEqual({ kind: 'none' });
    expect(matchByName('  ', roles, names)).toEqual({ kind: 'none' });
  });
});

describe('nameList', () => {
  it('lists up to eight names, then an ellipsis', () => {
    expect(nameList(['a', 'b'])).toEqual(['a', 'b']);
    expect(nameList(['1', '2', '3', '4', '5', '6', '7', '8', '9'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '…']);
  });
});
