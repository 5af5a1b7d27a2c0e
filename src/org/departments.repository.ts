import type { Department } from './rules/org.js';
import type { Patch } from '../db/schema.js';
import type { DepartmentsRow } from './table.js';
import { insertRow, toColumns, updateRow, type Queryable } from '../db/sql.js';

type DepartmentListRow = DepartmentsRow & { role_count: number; member_count: number };

function toDepartment(r: DepartmentListRow): Department {
  return { id: r.id, name: r.name, presetKey: r.preset_key, description: r.description, roleCount: r.role_count, memberCount: r.member_count };
}

const SELECT = `select d.*,
    (select count(*) from roles r where r.department_id = d.id) as role_count,
    (select count(*) from members m where m.department_id = d.id and m.archived_at is null) as member_count
  from departments d`;

export async function listDepartments(q: Queryable): Promise<Department[]> {
  return (await q.all<DepartmentListRow>(`${SELECT} order by d.id`)).map(toDepartment);
}

export async function findDepartmentById(q: Queryable, id: number): Promise<Department | undefined> {
  const r = await q.get<DepartmentListRow>(`${SELECT} where d.id = ?`, [id]);
  return r && toDepartment(r);
}

export async function findDepartmentIdByName(q: Queryable, name: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from departments where name = ?', [name]))?.id;
}

export async function listDepartmentNames(q: Queryable): Promise<string[]> {
  return (await q.all<{ name: string }>('select name from departments order by id')).map((r) => r.name);
}

export function insertDepartment(q: Queryable, d: { name: string; description: string | null; presetKey?: string | null; now: string }): Promise<number> {
  return insertRow(q, 'departments', { name: d.name, description: d.description, preset_key: d.presetKey ?? null, created_at: d.now });
}

export interface DepartmentPatch {
  name?: string;
  description?: string | null;
  presetKey?: string | null;
}

const DEPARTMENT_COLUMN = { name: 'name', description: 'description', presetKey: 'preset_key' } as const;

export function updateDepartment(q: Queryable, id: number, patch: DepartmentPatch): Promise<boolean> {
  return updateRow(q, 'departments', id, toColumns(patch, DEPARTMENT_COLUMN) as Patch<'departments'>);
}

export async function deleteDepartment(q: Queryable, id: number): Promise<void> {
  await q.run('delete from departments where id = ?', [id]);
}

/** The id of the preset department with this key, if the preset was loaded. */
export async function findDepartmentIdByPresetKey(q: Queryable, key: string): Promise<number | undefined> {
  return (await q.get<{ id: number }>('select id from departments where preset_key = ?', [key]))?.id;
}

/** Every department's id and name, for lookups by part of a name. */
export async function listDepartmentRefs(q: Queryable): Promise<{ id: number; name: string }[]> {
  return q.all<{ id: number; name: string }>('select id, name from departments order by id');
}
