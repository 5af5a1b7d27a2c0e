/**
 * What other features may use of org: its services and types, never its
 * repositories (lint enforces it). Functions that take a Queryable run inside
 * the caller's transaction.
 */
import type { Queryable } from '../db/sql.js';
import type { Lang } from '../i18n/index.js';
import type { ServiceOptions } from '../shared/service.js';
import type { OrgPresetCounts } from './preset.service.js';
import { listDepartments } from './departments.repository.js';
import { countMembers as countMemberRows, findMemberById, listMembers } from './members.repository.js';
import { findRoleIdByPresetKey } from './roles.repository.js';
import type { Department, Member } from './rules/org.js';

export { getDepartments } from './departments.service.js';
export { showRole } from './roles.service.js';
export { showMember } from './members.service.js';
export { addMember, getMembers, getOrg, isHandleTaken, type MemberInput } from './members.service.js';
export type { OrgPresetCounts } from './preset.service.js';
export { findDepartment, findMember, resolveDepartmentId, resolveMemberId, resolveRoleId, suggestDepartment, suggestMember } from './resolve.js';
export type { Department, Member, MemberStatus, OrgNode, RoleDetail } from './rules/org.js';

/** The words that mean the whole team where members are named (meeting attendees, a class's): in English and Chinese. */
export const EVERYONE_WORDS: readonly string[] = ['all', 'everyone', 'team', '全员', '所有人', '团队'];

/** How many members there are, archived ones included. */
export function countMembers(q: Queryable): Promise<number> {
  return countMemberRows(q);
}

/** A member by id (archived ones too). */
export function getMemberById(q: Queryable, id: number): Promise<Member | undefined> {
  return findMemberById(q, id);
}

/** The current members of a department. */
export function getDepartmentMembers(q: Queryable, departmentId: number): Promise<Member[]> {
  return listMembers(q, { departmentId });
}

/** Every department in list order (by id), each with its count of active members. */
export function listAllDepartments(q: Queryable): Promise<Department[]> {
  return listDepartments(q);
}

/** Loads the preset's departments and roles (init); the preset data loads only then, not with every goals command. */
export async function applyOrgPreset(o: ServiceOptions, lang: Lang): Promise<OrgPresetCounts> {
  return (await import('./preset.service.js')).applyOrgPreset(o, lang);
}

/** The id of the role a preset made under this key (the training preset links its courses so). */
export function findRoleByPresetKey(q: Queryable, key: string): Promise<number | undefined> {
  return findRoleIdByPresetKey(q, key);
}

/** The current members (archived ones left out), by handle. */
export function getActiveMembers(q: Queryable): Promise<Member[]> {
  return listMembers(q);
}
