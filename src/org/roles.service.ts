import { listMembers } from './members.repository.js';
import {
  deleteRole,
  findRoleById,
  findRoleIdByName,
  insertRole,
  listDuties,
  listReportingRoleNames,
  listRoles,
  replaceDuties,
  roleParents,
  updateRole,
} from './roles.repository.js';
import type { Queryable } from '../db/sql.js';
import { InputError } from '../shared/errors.js';
import { isUsableName, moveItem, wouldCycle, type Role, type RoleDetail } from './rules/org.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { isNone, resolveDepartmentId, resolveRoleId } from './resolve.js';

export interface RoleInput {
  name?: string;
  dept?: string;
  reportsTo?: string;
  description?: string;
  workflow?: string;
}

async function detail(q: Queryable, id: number): Promise<RoleDetail> {
  const role = (await findRoleById(q, id))!;
  const holders = (await listMembers(q, { roleId: id })).map((m) => ({ handle: m.handle, name: m.name }));
  return { ...role, duties: await listDuties(q, id), holders, reportingRoles: await listReportingRoleNames(q, id) };
}

async function requireFreeName(q: Queryable, name: string, exceptId?: number): Promise<void> {
  if (!isUsableName(name)) throw new InputError('org.err.badName', { name });
  const existing = await findRoleIdByName(q, name);
  if (existing !== undefined && existing !== exceptId) throw new InputError('org.err.role.duplicate', { name });
}

async function resolveReportsTo(q: Queryable, roleId: number | null, roleName: string, ref: string | undefined): Promise<number | null | undefined> {
  if (ref === undefined) return undefined;
  if (isNone(ref)) return null;
  const target = await resolveRoleId(q, ref);
  if (roleId !== null && wouldCycle(await roleParents(q), roleId, target)) {
    throw new InputError('org.err.role.cycle', { role: roleName, target: (await findRoleById(q, target))!.name });
  }
  return target;
}

export async function addRole(o: ServiceOptions, input: RoleInput & { name: string; duties: readonly string[] }): Promise<RoleDetail> {
  return o.db.transaction(async (tx) => {
    await requireFreeName(tx, input.name);
    const departmentId = input.dept === undefined || isNone(input.dept) ? null : await resolveDepartmentId(tx, input.dept);
    const reportsToId = (await resolveReportsTo(tx, null, input.name, input.reportsTo)) ?? null;
    const id = await insertRole(tx, {
      name: input.name,
      departmentId,
      reportsToId,
      description: input.description ?? null,
      workflow: input.workflow ?? null,
      now: stamp(o.now),
    });
    await replaceDuties(tx, id, input.duties);
    return detail(tx, id);
  });
}

export async function getRoles(o: ServiceOptions, filter: { dept?: string }): Promise<Role[]> {
  const departmentId = filter.dept === undefined ? undefined : await resolveDepartmentId(o.db, filter.dept);
  return listRoles(o.db, departmentId === undefined ? {} : { departmentId });
}

export async function showRole(o: ServiceOptions, ref: string): Promise<RoleDetail> {
  return detail(o.db, await resolveRoleId(o.db, ref));
}

export async function editRole(o: ServiceOptions, ref: string, input: RoleInput): Promise<RoleDetail> {
  if (Object.values(input).every((v) => v === undefined)) throw new InputError('err.nothingToChange');
  return o.db.transaction(async (tx) => {
    const id = await resolveRoleId(tx, ref);
    const role = (await findRoleById(tx, id))!;
    if (input.name !== undefined) await requireFreeName(tx, input.name, id);
    const reportsTo = await resolveReportsTo(tx, id, role.name, input.reportsTo);
    await updateRole(tx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.dept !== undefined && { departmentId: isNone(input.dept) ? null : await resolveDepartmentId(tx, input.dept) }),
      ...(reportsTo !== undefined && { reportsToId: reportsTo }),
      ...(input.description !== undefined && { description: isNone(input.description) ? null : input.description }),
      ...(input.workflow !== undefined && { workflow: isNone(input.workflow) ? null : input.workflow }),
    });
    return detail(tx, id);
  });
}

/** The role to remove, refusing one that members hold (archived ones too: history) or roles report to. */
export async function prepareRemoveRole(q: Queryable, ref: string): Promise<RoleDetail> {
  const id = await resolveRoleId(q, ref);
  const role = await detail(q, id);
  const holders = (await listMembers(q, { roleId: id, includeArchived: true })).length;
  if (holders > 0) throw new InputError('org.err.role.inUse', { name: role.name, members: holders });
  if (role.reportingRoles.length > 0) throw new InputError('org.err.role.hasReports', { name: role.name, roles: role.reportingRoles });
  return role;
}

export async function removeRole(o: ServiceOptions, ref: string): Promise<RoleDetail> {
  return o.db.transaction(async (tx) => {
    const role = await prepareRemoveRole(tx, ref);
    await deleteRole(tx, role.id);
    return role;
  });
}

function checkPosition(role: RoleDetail, position: number, max: number): void {
  if (!Number.isInteger(position) || position < 1 || position > max) {
    throw new InputError('org.err.invalidPosition', { role: role.name, position, count: role.duties.length });
  }
}

/** Inserts a duty at `at` (1-based; default: the end). Returns the role and the duty's position. */
export async function addDuty(o: ServiceOptions, ref: string, text: string, at?: number): Promise<{ role: RoleDetail; position: number }> {
  return o.db.transaction(async (tx) => {
    const role = await detail(tx, await resolveRoleId(tx, ref));
    const position = at ?? role.duties.length + 1;
    checkPosition(role, position, role.duties.length + 1);
    const duties = [...role.duties];
    duties.splice(position - 1, 0, text);
    await replaceDuties(tx, role.id, duties);
    return { role: await detail(tx, role.id), position };
  });
}

export async function removeDuty(o: ServiceOptions, ref: string, position: number): Promise<RoleDetail> {
  return o.db.transaction(async (tx) => {
    const role = await detail(tx, await resolveRoleId(tx, ref));
    checkPosition(role, position, role.duties.length);
    await replaceDuties(tx, role.id, role.duties.filter((_, i) => i !== position - 1));
    return detail(tx, role.id);
  });
}

export async function moveDuty(o: ServiceOptions, ref: string, from: number, to: number): Promise<RoleDetail> {
  return o.db.transaction(async (tx) => {
    const role = await detail(tx, await resolveRoleId(tx, ref));
    checkPosition(role, from, role.duties.length);
    checkPosition(role, to, role.duties.length);
    await replaceDuties(tx, role.id, moveItem(role.duties, from, to));
    return detail(tx, role.id);
  });
}
