import type { Member, MemberStatus } from './rules/org.js';
import type { Patch } from '../db/schema.js';
import type { MembersRow } from './table.js';
import { columnIndex, insertRow, jsonObjectText, toColumns, updateRow, type ColumnIndex, type Queryable, type SqlValue } from '../db/sql.js';

type MemberListRow = MembersRow & { role: string | null; department: string | null; manager: string | null };

/** The one mapper from a member row, read as a tuple: lists of thousands stay cheap. */
function toMember(r: SqlValue[], c: ColumnIndex<MemberListRow>): Member {
  const archivedAt = r[c.archived_at] as string | null;
  return {
    id: r[c.id] as number,
    handle: r[c.handle] as string,
    name: r[c.name] as string,
    roleId: r[c.role_id] as number | null,
    role: r[c.role] as string | null,
    departmentId: r[c.department_id] as number | null,
    department: r[c.department] as string | null,
    managerId: r[c.manager_id] as number | null,
    manager: r[c.manager] as string | null,
    hireDate: r[c.hire_date] as string | null,
    contact: r[c.contact] as string | null,
    shift: r[c.shift] as string | null,
    status: r[c.status] as MemberStatus,
    archived: archivedAt !== null,
    archivedAt,
    createdAt: r[c.created_at] as string,
    updatedAt: r[c.updated_at] as string,
  };
}

async function selectMembers(q: Queryable, sql: string, params: readonly SqlValue[]): Promise<Member[]> {
  const { columns, rows } = await q.tuples(sql, params);
  const c = columnIndex<MemberListRow>(columns);
  return rows.map((r) => toMember(r, c));
}

const FROM = `from members m
  left join roles r on r.id = m.role_id
  left join departments d on d.id = m.department_id
  left join members b on b.id = m.manager_id`;
const SELECT = `select m.*, r.name as role, d.name as department, b.handle as manager ${FROM}`;

export interface MemberFilter {
  departmentId?: number;
  roleId?: number;
  shift?: string;
  status?: MemberStatus;
  includeArchived?: boolean;
}

/** The WHERE of a members list: each filter narrows through an index (department, role, archived+handle). */
function listWhere(f: MemberFilter): [sql: string, params: SqlValue[]] {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (!f.includeArchived) add('m.archived_at is null');
  if (f.departmentId !== undefined) add('m.department_id = ?', f.departmentId);
  if (f.roleId !== undefined) add('m.role_id = ?', f.roleId);
  if (f.shift !== undefined) add('m.shift = ?', f.shift);
  if (f.status !== undefined) add('m.status = ?', f.status);
  return [where.length ? ` where ${where.join(' and ')}` : '', params];
}

/** Members by handle. */
export async function listMembers(q: Queryable, f: MemberFilter = {}): Promise<Member[]> {
  const [where, params] = listWhere(f);
  return selectMembers(q, `${SELECT}${where} order by m.handle`, params);
}

/**
 * A member's JSON as JSON.stringify(toMember(row)) writes it (the same keys in
 * the same order), written by the database: 2,000 members as text take half
 * the time of 2,000 objects made and stringified.
 */
const memberJson = (d: Queryable['dialect']) =>
  jsonObjectText(d, [
    ['id', 'm.id'], ['handle', 'm.handle'], ['name', 'm.name'], ['roleId', 'm.role_id'], ['role', 'r.name'], ['departmentId', 'm.department_id'],
    ['department', 'd.name'], ['managerId', 'm.manager_id'], ['manager', 'b.handle'], ['hireDate', 'm.hire_date'], ['contact', 'm.contact'], ['shift', 'm.shift'],
    ['status', 'm.status'], ['archived', { raw: "case when m.archived_at is null then 'false' else 'true' end" }], ['archivedAt', 'm.archived_at'],
    ['createdAt', 'm.created_at'], ['updatedAt', 'm.updated_at'],
  ]);
const MEMBER_JSON = { sqlite: memberJson('sqlite'), postgres: memberJson('postgres') };

/** Streams the members of `listMembers`, in its order, as their JSON text. */
export async function eachMemberJson(q: Queryable, f: MemberFilter, onRow: (json: string) => void): Promise<void> {
  const [where, params] = listWhere(f);
  return q.eachTuple(`select ${MEMBER_JSON[q.dialect]} ${FROM}${where} order by m.handle`, params, (r) => onRow(r[0] as string));
}

export async function findMemberById(q: Queryable, id: number): Promise<Member | undefined> {
  return (await selectMembers(q, `${SELECT} where m.id = ?`, [id]))[0];
}

export async function findMemberIdByHandle(q: Queryable, handle: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from members where handle = ?', [handle]))?.id;
}

/** Ids of members whose handle (any case) or display name matches exactly; active ones first. */
export async function findMemberIdsByLooseName(q: Queryable, input: string): Promise<number[]> {
  // handle is `collate nocase`, so both sides use an index.
  const rows = await q.all<{ id: number }>('select id from members where handle = ? or name = ? order by archived_at is not null, id', [input, input]);
  return rows.map((r) => r.id);
}

export async function listMemberNames(q: Queryable): Promise<{ handle: string; name: string }[]> {
  return q.all<{ handle: string; name: string }>('select handle, name from members order by handle');
}

/** member id → manager id, for loop checks. */
export async function managerParents(q: Queryable): Promise<Map<number, number | null>> {
  const rows = await q.all<{ id: number; manager_id: number | null }>('select id, manager_id from members');
  return new Map(rows.map((r) => [r.id, r.manager_id]));
}

export async function listDirectReports(q: Queryable, managerId: number): Promise<{ id: number; handle: string; name: string }[]> {
  return q.all('select id, handle, name from members where manager_id = ? and archived_at is null order by handle', [managerId]);
}

export interface NewMember {
  handle: string;
  name: string;
  roleId: number | null;
  departmentId: number | null;
  managerId: number | null;
  hireDate: string | null;
  contact: string | null;
  shift: string | null;
  status: MemberStatus;
  now: string;
}

export function insertMember(q: Queryable, m: NewMember): Promise<number> {
  return insertRow(q, 'members', {
    handle: m.handle,
    name: m.name,
    role_id: m.roleId,
    department_id: m.departmentId,
    manager_id: m.managerId,
    hire_date: m.hireDate,
    contact: m.contact,
    shift: m.shift,
    status: m.status,
    archived_at: null,
    created_at: m.now,
    updated_at: m.now,
  });
}

export interface MemberPatch {
  handle?: string;
  name?: string;
  roleId?: number | null;
  departmentId?: number | null;
  managerId?: number | null;
  hireDate?: string | null;
  contact?: string | null;
  shift?: string | null;
  status?: string;
  archivedAt?: string | null;
  updatedAt?: string;
}

const MEMBER_COLUMN = {
  handle: 'handle',
  name: 'name',
  roleId: 'role_id',
  departmentId: 'department_id',
  managerId: 'manager_id',
  hireDate: 'hire_date',
  contact: 'contact',
  shift: 'shift',
  status: 'status',
  archivedAt: 'archived_at',
  updatedAt: 'updated_at',
} as const;

export function updateMember(q: Queryable, id: number, patch: MemberPatch): Promise<boolean> {
  return updateRow(q, 'members', id, toColumns(patch, MEMBER_COLUMN) as Patch<'members'>);
}

export async function reassignReports(q: Queryable, fromId: number, toId: number | null, now: string): Promise<void> {
  await q.run('update members set manager_id = ?, updated_at = ? where manager_id = ? and archived_at is null', [toId, now, fromId]);
}

export async function countMembers(q: Queryable): Promise<number> {
  return (await q.get<{ n: number }>('select count(*) as n from members'))!.n;
}

/** Every member's id, handle and name (archived last), for lookups by part of a name. */
export async function listMemberRefs(q: Queryable): Promise<{ id: number; handle: string; name: string }[]> {
  return q.all<{ id: number; handle: string; name: string }>('select id, handle, name from members order by archived_at is not null, id');
}
