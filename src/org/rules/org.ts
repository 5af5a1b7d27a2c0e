/** Pure rules of the org structure: shapes, handles, reporting loops, the tree. */
import { NONE_WORDS } from '../../shared/none.js';

export interface Department {
  id: number;
  name: string;
  presetKey: string | null;
  description: string | null;
  roleCount: number;
  memberCount: number;
}

export interface Role {
  id: number;
  name: string;
  presetKey: string | null;
  departmentId: number | null;
  department: string | null;
  reportsToId: number | null;
  reportsTo: string | null;
  description: string | null;
  workflow: string | null;
  dutyCount: number;
  memberCount: number;
}

export interface RoleDetail extends Role {
  duties: string[];
  holders: { handle: string; name: string }[];
  reportingRoles: string[];
}

export const MEMBER_STATUSES = ['active', 'probation', 'leave'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export interface Member {
  id: number;
  handle: string;
  name: string;
  roleId: number | null;
  role: string | null;
  departmentId: number | null;
  department: string | null;
  managerId: number | null;
  manager: string | null;
  hireDate: string | null;
  contact: string | null;
  shift: string | null;
  status: MemberStatus;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberDetail extends Member {
  reports: { handle: string; name: string }[];
}

/**
 * Handles are short ASCII ids safe to type and to put in file names: li.na,
 * wang_qiang, cs-01. Never only digits: those are read as ids.
 */
export function isValidHandle(handle: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(handle) && !/^\d+$/.test(handle);
}


/**
 * Whether a department or role name can be told apart from an id and from
 * "none": not only digits, not a none-word.
 * @example isUsableName('客服部') // true
 * @example isUsableName('42') // false
 */
export function isUsableName(name: string): boolean {
  const n = name.trim();
  return n !== '' && !/^\d+$/.test(n) && !NONE_WORDS.includes(n.toLowerCase());
}

/**
 * Whether making `node` report to `newParent` closes a loop, given the current
 * `parentOf` lookup. Walks up from newParent; bounded by the number of nodes.
 * @example wouldCycle(new Map([[2, 1]]), 1, 2) // true: 1 → 2 → 1
 */
export function wouldCycle(parentOf: ReadonlyMap<number, number | null>, node: number, newParent: number | null): boolean {
  let cur = newParent;
  const seen = new Set<number>();
  while (cur !== null && cur !== undefined) {
    if (cur === node) return true;
    if (seen.has(cur)) return false;
    seen.add(cur);
    cur = parentOf.get(cur) ?? null;
  }
  return false;
}

export interface OrgNode {
  handle: string;
  name: string;
  role: string | null;
  department: string | null;
  shift: string | null;
  status: MemberStatus;
  reports: OrgNode[];
}

/**
 * The reporting forest: members whose manager is absent from `members`
 * (none, archived, or outside a --dept filter) become roots. Sorted by handle.
 */
export function buildOrgTree(members: readonly Member[]): OrgNode[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const children = new Map<number | null, Member[]>();
  for (const m of members) {
    const parent = m.managerId !== null && byId.has(m.managerId) ? m.managerId : null;
    const list = children.get(parent) ?? [];
    list.push(m);
    children.set(parent, list);
  }
  const build = (m: Member): OrgNode => ({
    handle: m.handle,
    name: m.name,
    role: m.role,
    department: m.department,
    shift: m.shift,
    status: m.status,
    reports: (children.get(m.id) ?? []).sort(byHandle).map(build),
  });
  return (children.get(null) ?? []).sort(byHandle).map(build);
}

function byHandle(a: Member, b: Member): number {
  return a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0;
}

/** Moves item `from` to position `to` (both 1-based) and returns the new order. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from - 1, 1);
  copy.splice(to - 1, 0, item as T);
  return copy;
}
