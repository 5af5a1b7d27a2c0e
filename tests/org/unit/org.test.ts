import { describe, expect, it } from 'vitest';
import { buildOrgTree, isValidHandle, moveItem, wouldCycle, type Member } from '../../../src/org/rules/org.js';

describe('wouldCycle', () => {
  // 2 → 1, 3 → 2, 4 → 3 (a chain under 1); 5 has no manager.
  const chain = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, 3],
    [5, null],
  ]);

  it('refuses a node as its own parent', () => {
    expect(wouldCycle(chain, 5, 5)).toBe(true);
  });

  it('refuses a parent below the node, at any depth', () => {
    expect(wouldCycle(chain, 1, 2)).toBe(true);
    expect(wouldCycle(chain, 1, 4)).toBe(true);
    expect(wouldCycle(chain, 2, 4)).toBe(true);
  });

  it('allows a parent above, beside, or none', () => {
    expect(wouldCycle(chain, 4, 1)).toBe(false);
    expect(wouldCycle(chain, 5, 4)).toBe(false);
    expect(wouldCycle(chain, 1, 5)).toBe(false);
    expect(wouldCycle(chain, 4, null)).toBe(false);
  });

  it('allows a parent it does not know', () => {
    expect(wouldCycle(chain, 1, 99)).toBe(false);
  });

  it('terminates on an existing loop elsewhere in the data', () => {
    const broken = new Map<number, number | null>([
      [1, null],
      [7, 8],
      [8, 7],
    ]);
    expect(wouldCycle(broken, 1, 7)).toBe(false);
    expect(wouldCycle(broken, 7, 8)).toBe(true);
  });
});

function member(id: number, handle: string, managerId: number | null, extra: Partial<Member> = {}): Member {
  return {
    id,
    handle,
    name: handle.toUpperCase(),
    roleId: null,
    role: `role-${handle}`,
    departmentId: null,
    department: 'Dept',
    managerId,
    manager: null,
    hireDate: null,
    contact: null,
    shift: 'day',
    status: 'active',
    archived: false,
    archivedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('buildOrgTree', () => {
  it('nests reports under managers, roots and children sorted by handle', () => {
    const tree = buildOrgTree([member(3, 'zhou', 1), member(1, 'wang', null), member(4, 'wu', 3), member(2, 'li', 1), member(5, 'alone', null, { shift: null, status: 'leave' })]);
    expect(tree).toEqual([
      { handle: 'alone', name: 'ALONE', role: 'role-alone', department: 'Dept', shift: null, status: 'leave', reports: [] },
      {
        handle: 'wang',
        name: 'WANG',
        role: 'role-wang',
        department: 'Dept',
        shift: 'day',
        status: 'active',
        reports: [
          { handle: 'li', name: 'LI', role: 'role-li', department: 'Dept', shift: 'day', status: 'active', reports: [] },
          {
            handle: 'zhou',
            name: 'ZHOU',
            role: 'role-zhou',
            department: 'Dept',
            shift: 'day',
            status: 'active',
            reports: [{ handle: 'wu', name: 'WU', role: 'role-wu', department: 'Dept', shift: 'day', status: 'active', reports: [] }],
          },
        ],
      },
    ]);
  });

  it('makes a member whose manager is missing from the list a root', () => {
    const tree = buildOrgTree([member(4, 'wu', 3), member(5, 'xu', 3), member(6, 'he', 4)]);
    expect(tree.map((n) => [n.handle, n.reports.map((r) => r.handle)])).toEqual([
      ['wu', ['he']],
      ['xu', []],
    ]);
  });

  it('is empty for no members', () => {
    expect(buildOrgTree([])).toEqual([]);
  });
});

describe('moveItem', () => {
  const items = ['a', 'b', 'c', 'd'] as const;

  it.each([
    [1, 3, ['b', 'c', 'a', 'd']],
    [4, 1, ['d', 'a', 'b', 'c']],
    [2, 4, ['a', 'c', 'd', 'b']],
    [3, 2, ['a', 'c', 'b', 'd']],
    [2, 2, ['a', 'b', 'c', 'd']],
  ])('moves %i to %i', (from, to, expected) => {
    expect(moveItem(items, from, to)).toEqual(expected);
  });

  it('does not change its input', () => {
    const input = ['a', 'b', 'c'];
    moveItem(input, 1, 3);
    expect(input).toEqual(['a', 'b', 'c']);
  });
});

describe('isValidHandle', () => {
  it.each(['li.na', 'wang_qiang', 'cs-01', 'A', 'x'.repeat(40), 'Li.Na'])('accepts %s', (h) => {
    expect(isValidHandle(h)).toBe(true);
  });

  it.each(['', '7', '2024', 'li na', ' li.na', 'li.na ', 'li.na\n', '.li', '-li', '_li', '李娜', 'li/na', 'li@na', 'x'.repeat(41)])('refuses %j', (h) => {
    expect(isValidHandle(h)).toBe(false);
  });
});
