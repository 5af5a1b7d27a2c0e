import {
  findMemberById,
  findMemberIdByHandle,
  insertMember,
  listDirectReports,
  listMembers,
  eachMemberJson,
  managerParents,
  reassignReports,
  updateMember,
  type MemberFilter,
  type MemberPatch,
} from './members.repository.js';
import { findRoleById } from './roles.repository.js';
import { emit } from '../db/hooks.js';
import type { Queryable } from '../db/sql.js';
import { InputError } from '../shared/errors.js';
import { buildOrgTree, isValidHandle, wouldCycle, type Member, type MemberDetail, type MemberStatus, type OrgNode } from './rules/org.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { isNone, resolveDepartmentId, resolveMemberId, resolveRoleId } from './resolve.js';

/** What add/edit take: references as typed by the user (id, handle or name). */
export interface MemberInput {
  handle?: string;
  name?: string;
  role?: string;
  dept?: string;
  manager?: string;
  hireDate?: string;
  contact?: string;
  shift?: string;
  status?: MemberStatus;
}

async function detail(q: Queryable, id: number): Promise<MemberDetail> {
  const m = (await findMemberById(q, id))!;
  const reports = (await listDirectReports(q, id)).map((r) => ({ handle: r.handle, name: r.name }));
  return { ...m, reports };
}

async function requireFreeHandle(q: Queryable, handle: string, exceptId?: number): Promise<void> {
  if (!isValidHandle(handle)) throw new InputError('org.err.member.badHandle', { handle });
  const existing = await findMemberIdByHandle(q, handle);
  if (existing !== undefined && existing !== exceptId) throw new InputError('org.err.member.duplicateHandle', { handle });
}

/** Resolves --manager for member `selfId` (null when adding), refusing loops and archived managers. */
async function resolveManager(q: Queryable, self: { id: number | null; handle: string }, ref: string | undefined): Promise<number | null | undefined> {
  if (ref === undefined) return undefined;
  if (isNone(ref)) return null;
  const managerId = await resolveMemberId(q, ref);
  const manager = (await findMemberById(q, managerId))!;
  if (manager.archived) throw new InputError('org.err.member.archived', { handle: manager.handle });
  if (self.id === managerId) throw new InputError('org.err.member.selfManager', { member: self.handle });
  if (self.id !== null && wouldCycle(await managerParents(q), self.id, managerId)) {
    throw new InputError('org.err.member.cycle', { member: self.handle, manager: manager.handle });
  }
  return managerId;
}

/** The department follows the role unless given. */
async function resolveRoleAndDept(q: Queryable, input: MemberInput): Promise<{ roleId?: number | null; departmentId?: number | null }> {
  const out: { roleId?: number | null; departmentId?: number | null } = {};
  if (input.role !== undefined) {
    out.roleId = isNone(input.role) ? null : await resolveRoleId(q, input.role);
    if (out.roleId !== null && input.dept === undefined) out.departmentId = (await findRoleById(q, out.roleId))!.departmentId;
  }
  if (input.dept !== undefined) out.departmentId = isNone(input.dept) ? null : await resolveDepartmentId(q, input.dept);
  return out;
}

/** Whether the handle belongs to a member already (archived ones too): the add wizard asks again at once. */
export async function isHandleTaken(o: ServiceOptions, handle: string): Promise<boolean> {
  return (await findMemberIdByHandle(o.db, handle.trim())) !== undefined;
}

/** Adds a member; a role held from the start is announced (db/hooks.ts), so training plans its onboarding in the same transaction. */
export async function addMember(o: ServiceOptions, input: MemberInput & { handle: string; name: string }): Promise<MemberDetail> {
  const { member, notices } = await o.db.transaction(async (tx) => {
    await requireFreeHandle(tx, input.handle);
    const { roleId, departmentId } = await resolveRoleAndDept(tx, input);
    const managerId = await resolveManager(tx, { id: null, handle: input.handle }, input.manager);
    const id = await insertMember(tx, {
      handle: input.handle,
      name: input.name,
      roleId: roleId ?? null,
      departmentId: departmentId ?? null,
      managerId: managerId ?? null,
      hireDate: input.hireDate ?? null,
      contact: input.contact ?? null,
      shift: input.shift ?? null,
      status: input.status ?? 'active',
      now: stamp(o.now),
    });
    const notices = roleId ? await emit(tx, o, 'memberRole', { memberId: id, roleId, from: input.hireDate ?? o.today, hired: true }) : [];
    return { member: await detail(tx, id), notices };
  });
  o.notices?.push(...notices);
  return member;
}

export interface MemberListFilter {
  dept?: string;
  role?: string;
  shift?: string;
  status?: MemberStatus;
  all?: boolean;
}

async function memberFilter(o: ServiceOptions, f: MemberListFilter): Promise<MemberFilter> {
  const filter: MemberFilter = { includeArchived: Boolean(f.all) };
  if (f.dept !== undefined) filter.departmentId = await resolveDepartmentId(o.db, f.dept);
  if (f.role !== undefined) filter.roleId = await resolveRoleId(o.db, f.role);
  if (f.shift !== undefined) filter.shift = f.shift;
  if (f.status !== undefined) filter.status = f.status;
  return filter;
}

export async function getMembers(o: ServiceOptions, f: MemberListFilter): Promise<Member[]> {
  return listMembers(o.db, await memberFilter(o, f));
}

/** The members of `getMembers` as JSON texts, in its order, to a sink: `members list --json` into a pipe or a file. */
export async function writeMembersJson(o: ServiceOptions, f: MemberListFilter, sink: (json: string) => void): Promise<void> {
  // Names resolved first: a refused filter has written nothing.
  return eachMemberJson(o.db, await memberFilter(o, f), sink);
}

export async function showMember(o: ServiceOptions, ref: string): Promise<MemberDetail> {
  return detail(o.db, await resolveMemberId(o.db, ref));
}

/** Changes a member; a new role is announced (db/hooks.ts), as on hire, from today. */
export async function editMember(o: ServiceOptions, ref: string, input: MemberInput): Promise<MemberDetail> {
  if (Object.values(input).every((v) => v === undefined)) throw new InputError('err.nothingToChange');
  const { member, notices } = await o.db.transaction(async (tx) => {
    const id = await resolveMemberId(tx, ref);
    const current = (await findMemberById(tx, id))!;
    if (input.handle !== undefined) await requireFreeHandle(tx, input.handle, id);
    const { roleId, departmentId } = await resolveRoleAndDept(tx, input);
    const managerId = await resolveManager(tx, { id, handle: current.handle }, input.manager);
    const opt = (v: string | undefined) => (isNone(v) ? null : v);
    const patch: MemberPatch = {
      ...(input.handle !== undefined && { handle: input.handle }),
      ...(input.name !== undefined && { name: input.name }),
      ...(roleId !== undefined && { roleId: roleId }),
      ...(departmentId !== undefined && { departmentId: departmentId }),
      ...(managerId !== undefined && { managerId: managerId }),
      ...(input.hireDate !== undefined && { hireDate: opt(input.hireDate) }),
      ...(input.contact !== undefined && { contact: opt(input.contact) }),
      ...(input.shift !== undefined && { shift: opt(input.shift) }),
      ...(input.status !== undefined && { status: input.status }),
      updatedAt: stamp(o.now),
    };
    await updateMember(tx, id, patch);
    const newRole = roleId && roleId !== current.roleId && !current.archived ? roleId : undefined;
    const notices = newRole ? await emit(tx, o, 'memberRole', { memberId: id, roleId: newRole, from: o.today, hired: false, previousRoleId: current.roleId }) : [];
    return { member: await detail(tx, id), notices };
  });
  o.notices?.push(...notices);
  return member;
}

/**
 * Archives a member: they leave default lists but keep their history. Their
 * direct reports need a new manager first (`reassignTo`, or "none").
 */
export async function archiveMember(o: ServiceOptions, ref: string, reassignTo?: string): Promise<MemberDetail> {
  return o.db.transaction(async (tx) => {
    const id = await resolveMemberId(tx, ref);
    const m = await detail(tx, id);
    if (m.archived) throw new InputError('org.err.member.alreadyArchived', { handle: m.handle });
    if (m.reports.length > 0) {
      if (reassignTo === undefined) throw new InputError('org.err.member.hasReports', { handle: m.handle, reports: m.reports.map((r) => r.handle) });
      let target: number | null = null;
      if (!isNone(reassignTo)) {
        target = await resolveMemberId(tx, reassignTo);
        const t = (await findMemberById(tx, target))!;
        if (t.archived) throw new InputError('org.err.member.archived', { handle: t.handle });
        if (target === id) throw new InputError('org.err.member.selfManager', { member: m.handle });
        // Someone below the archived member would end up managing their own manager.
        if (wouldCycle(await managerParents(tx), id, target)) throw new InputError('org.err.member.reassignBelow', { handle: m.handle, target: t.handle });
      }
      await reassignReports(tx, id, target, stamp(o.now));
    }
    await updateMember(tx, id, { archivedAt: stamp(o.now), updatedAt: stamp(o.now) });
    return detail(tx, id);
  });
}

export async function restoreMember(o: ServiceOptions, ref: string): Promise<MemberDetail> {
  return o.db.transaction(async (tx) => {
    const id = await resolveMemberId(tx, ref);
    const m = (await findMemberById(tx, id))!;
    if (!m.archived) throw new InputError('org.err.member.notArchived', { handle: m.handle });
    const manager = m.managerId === null ? undefined : await findMemberById(tx, m.managerId);
    // A manager archived meanwhile would leave a dangling line: clear it.
    await updateMember(tx, id, { archivedAt: null, updatedAt: stamp(o.now), ...(manager?.archived && { managerId: null }) });
    return detail(tx, id);
  });
}

/** The reporting forest of active members, optionally within one department. */
export async function getOrg(o: ServiceOptions, f: { dept?: string }): Promise<OrgNode[]> {
  const departmentId = f.dept === undefined ? undefined : await resolveDepartmentId(o.db, f.dept);
  return buildOrgTree(await listMembers(o.db, departmentId === undefined ? {} : { departmentId }));
}
