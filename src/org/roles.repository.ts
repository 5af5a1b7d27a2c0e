import type { Role } from './rules/org.js';
import type { Patch } from '../db/schema.js';
import type { RolesRow } from './table.js';
import { insertRow, toColumns, updateRow, type Queryable } from '../db/sql.js';

type RoleListRow = RolesRow & { department: string | null; reports_to: string | null; duty_count: number; member_count: number };

function toRole(r: RoleListRow): Role {
  return {
    id: r.id,
    name: r.name,
    presetKey: r.preset_key,
    departmentId: r.department_id,
    department: r.department,
    reportsToId: r.reports_to_role_id,
    reportsTo: r.reports_to,
    description: r.description,
    workflow: r.workflow,
    dutyCount: r.duty_count,
    memberCount: r.member_count,
  };
}

const SELECT = `select r.*, d.name as department, p.name as reports_to,
    (select count(*) from role_duties x where x.role_id = r.id) as duty_count,
    (select count(*) from members m where m.role_id = r.id and m.archived_at is null) as member_count
  from roles r
  left join departments d on d.id = r.department_id
  left join roles p on p.id = r.reports_to_role_id`;

export async function listRoles(q: Queryable, filter: { departmentId?: number } = {}): Promise<Role[]> {
  const rows =
    filter.departmentId === undefined
      ? await q.all<RoleListRow>(`${SELECT} order by r.department_id is null desc, r.department_id, r.id`)
      : await q.all<RoleListRow>(`${SELECT} where r.department_id = ? order by r.id`, [filter.departmentId]);
  return rows.map(toRole);
}

export async function findRoleById(q: Queryable, id: number): Promise<Role | undefined> {
  const r = await q.get<RoleListRow>(`${SELECT} where r.id = ?`, [id]);
  return r && toRole(r);
}

export async function findRoleIdByName(q: Queryable, name: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from roles where name = ?', [name]))?.id;
}

export async function findRoleIdByPresetKey(q: Queryable, key: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from roles where preset_key = ?', [key]))?.id;
}

export async function listRoleNames(q: Queryable): Promise<string[]> {
  return (await q.all<{ name: string }>('select name from roles order by id')).map((r) => r.name);
}

/** role id → the role it reports to, for loop checks. */
export async function roleParents(q: Queryable): Promise<Map<number, number | null>> {
  const rows = await q.all<{ id: number; reports_to_role_id: number | null }>('select id, reports_to_role_id from roles');
  return new Map(rows.map((r) => [r.id, r.reports_to_role_id]));
}

export async function listReportingRoleNames(q: Queryable, roleId: number): Promise<string[]> {
  return (await q.all<{ name: string }>('select name from roles where reports_to_role_id = ? order by id', [roleId])).map((r) => r.name);
}

export function insertRole(
  q: Queryable,
  r: { name: string; departmentId: number | null; reportsToId: number | null; description: string | null; workflow: string | null; presetKey?: string | null; now: string },
): Promise<number> {
  return insertRow(q, 'roles', {
    name: r.name,
    department_id: r.departmentId,
    reports_to_role_id: r.reportsToId,
    description: r.description,
    workflow: r.workflow,
    preset_key: r.presetKey ?? null,
    created_at: r.now,
  });
}

export interface RolePatch {
  name?: string;
  departmentId?: number | null;
  reportsToId?: number | null;
  description?: string | null;
  workflow?: string | null;
  presetKey?: string | null;
}

const ROLE_COLUMN = { name: 'name', departmentId: 'department_id', reportsToId: 'reports_to_role_id', description: 'description', workflow: 'workflow', presetKey: 'preset_key' } as const;

export function updateRole(q: Queryable, id: number, patch: RolePatch): Promise<boolean> {
  return updateRow(q, 'roles', id, toColumns(patch, ROLE_COLUMN) as Patch<'roles'>);
}

export async function deleteRole(q: Queryable, id: number): Promise<void> {
  await q.run('delete from role_duties where role_id = ?', [id]);
  await q.run('delete from roles where id = ?', [id]);
}

export async function listDuties(q: Queryable, roleId: number): Promise<string[]> {
  return (await q.all<{ text: string }>('select text from role_duties where role_id = ? order by position', [roleId])).map((r) => r.text);
}

/** Replaces a role's duties with `duties`, in that order (positions 1…n). */
export async function replaceDuties(q: Queryable, roleId: number, duties: readonly string[]): Promise<void> {
  await q.run('delete from role_duties where role_id = ?', [roleId]);
  for (const [i, text] of duties.entries()) {
    await insertRow(q, 'role_duties', { role_id: roleId, position: i + 1, text });
  }
}


/** Every role's id and name, for lookups by part of a name. */
export async function listRoleRefs(q: Queryable): Promise<{ id: number; name: string }[]> {
  return q.all<{ id: number; name: string }>('select id, name from roles order by id');
}
