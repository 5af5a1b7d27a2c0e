import { deleteDepartment, findDepartmentById, findDepartmentIdByName, insertDepartment, listDepartments, updateDepartment } from './departments.repository.js';
import { listMembers } from './members.repository.js';
import { findReferences } from '../db/references.js';
import { listRoles } from './roles.repository.js';
import type { Queryable } from '../db/sql.js';
import { InputError } from '../shared/errors.js';
import { isUsableName, type Department, type Member, type Role } from './rules/org.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { isNone, resolveDepartmentId } from './resolve.js';

export interface DepartmentDetail extends Department {
  roles: Pick<Role, 'id' | 'name' | 'reportsTo' | 'memberCount'>[];
  members: Pick<Member, 'handle' | 'name' | 'role' | 'shift' | 'status'>[];
}

async function requireName(q: Queryable, name: string, exceptId?: number): Promise<void> {
  if (!isUsableName(name)) throw new InputError('org.err.badName', { name });
  const existing = await findDepartmentIdByName(q, name);
  if (existing !== undefined && existing !== exceptId) throw new InputError('org.err.dept.duplicate', { name });
}

export async function addDepartment(o: ServiceOptions, input: { name: string; description: string | null }): Promise<Department> {
  return o.db.transaction(async (tx) => {
    await requireName(tx, input.name);
    const id = await insertDepartment(tx, { ...input, now: stamp(o.now) });
    return (await findDepartmentById(tx, id))!;
  });
}

export function getDepartments(o: ServiceOptions): Promise<Department[]> {
  return listDepartments(o.db);
}

export async function showDepartment(o: ServiceOptions, ref: string): Promise<DepartmentDetail> {
  const id = await resolveDepartmentId(o.db, ref);
  const dept = (await findDepartmentById(o.db, id))!;
  const roles = await listRoles(o.db, { departmentId: id });
  const members = await listMembers(o.db, { departmentId: id });
  return {
    ...dept,
    roles: roles.map((r) => ({ id: r.id, name: r.name, reportsTo: r.reportsTo, memberCount: r.memberCount })),
    members: members.map((m) => ({ handle: m.handle, name: m.name, role: m.role, shift: m.shift, status: m.status })),
  };
}

export async function editDepartment(o: ServiceOptions, ref: string, patch: { name?: string; description?: string | null }): Promise<Department> {
  if (patch.name === undefined && patch.description === undefined) throw new InputError('err.nothingToChange');
  return o.db.transaction(async (tx) => {
    const id = await resolveDepartmentId(tx, ref);
    if (patch.name !== undefined) await requireName(tx, patch.name, id);
    await updateDepartment(tx, id, { name: patch.name, description: isNone(patch.description ?? undefined) ? null : patch.description });
    return (await findDepartmentById(tx, id))!;
  });
}

/** Finds the department to remove and refuses one that roles or members still use. */
export async function prepareRemoveDepartment(q: Queryable, ref: string): Promise<Department> {
  const id = await resolveDepartmentId(q, ref);
  const dept = (await findDepartmentById(q, id))!;
  const archived = (await listMembers(q, { departmentId: id, includeArchived: true })).length;
  if (dept.roleCount > 0 || archived > 0) {
    throw new InputError('org.err.dept.inUse', { name: dept.name, roles: dept.roleCount, members: archived });
  }
  const [used] = await findReferences(q, 'department', id);
  if (used) throw new InputError(used.message, { name: dept.name, count: used.count });
  return dept;
}

export async function removeDepartment(o: ServiceOptions, ref: string): Promise<Department> {
  return o.db.transaction(async (tx) => {
    const dept = await prepareRemoveDepartment(tx, ref);
    await deleteDepartment(tx, dept.id);
    return dept;
  });
}
