/** The org repositories on a migrated database: camelCase in and out, names matched as the program matches them. */
import { expect, it } from 'vitest';
import { findDepartmentById, findDepartmentIdByName, findDepartmentIdByPresetKey, insertDepartment, listDepartments, updateDepartment } from '../../../src/org/departments.repository.js';
import { eachMemberJson, findMemberById, findMemberIdByHandle, insertMember, listMembers, updateMember } from '../../../src/org/members.repository.js';
import { findRoleById, insertRole, listDuties, replaceDuties, updateRole } from '../../../src/org/roles.repository.js';
import { describeEngines } from '../../engines.js';

const NOW = '2026-11-23T12:00:00.000Z';

describeEngines('org repositories', (fresh) => {
  it('departments: insert, find by name case-insensitively and by preset key, patch by camelCase fields', async () => {
    const db = await fresh();
    const id = await insertDepartment(db, { name: 'Customer service', description: '客服', presetKey: null, now: NOW });
    expect(await findDepartmentIdByName(db, 'customer SERVICE')).toBe(id);
    expect(await updateDepartment(db, id, { presetKey: 'cs', description: null })).toBe(true);
    expect(await findDepartmentIdByPresetKey(db, 'cs')).toBe(id);
    expect(await findDepartmentById(db, id)).toEqual({ id, name: 'Customer service', presetKey: 'cs', description: null, roleCount: 0, memberCount: 0 });
    expect(await updateDepartment(db, id, {})).toBe(false);
    expect((await listDepartments(db)).map((d) => d.name)).toEqual(['Customer service']);
  });

  it('roles: reporting line, department, ordered duties', async () => {
    const db = await fresh();
    const dept = await insertDepartment(db, { name: '客服部', description: null, now: NOW });
    const lead = await insertRole(db, { name: '客服经理', departmentId: dept, reportsToId: null, description: null, workflow: null, now: NOW });
    const desk = await insertRole(db, { name: '客服专员', departmentId: null, reportsToId: null, description: null, workflow: null, now: NOW });
    await updateRole(db, desk, { reportsToId: lead, departmentId: dept, workflow: '接待 → 跟进 → 回访' });
    await replaceDuties(db, desk, ['首次响应 ≤ 30 秒', '复杂问题 24 小时内答复']);
    expect(await listDuties(db, desk)).toEqual(['首次响应 ≤ 30 秒', '复杂问题 24 小时内答复']);
    expect(await findRoleById(db, desk)).toMatchObject({ name: '客服专员', departmentId: dept, department: '客服部', reportsToId: lead, reportsTo: '客服经理', workflow: '接待 → 跟进 → 回访', dutyCount: 2 });
  });

  it('members: insert, find by handle case-insensitively, patch, archive, filter', async () => {
    const db = await fresh();
    const a = await insertMember(db, { handle: 'li.na', name: '李娜', roleId: null, departmentId: null, managerId: null, hireDate: '2024-03-01', contact: null, shift: null, status: 'active', now: NOW });
    const b = await insertMember(db, { handle: 'wu.xue', name: '吴雪', roleId: null, departmentId: null, managerId: a, hireDate: null, contact: null, shift: 'late', status: 'probation', now: NOW });
    expect(await findMemberIdByHandle(db, 'LI.NA')).toBe(a);
    await updateMember(db, b, { shift: 'night', archivedAt: NOW, updatedAt: NOW });
    expect(await findMemberById(db, b)).toMatchObject({ handle: 'wu.xue', manager: 'li.na', managerId: a, shift: 'night', status: 'probation', archived: true, archivedAt: NOW });
    expect((await listMembers(db)).map((m) => m.handle)).toEqual(['li.na']);
    expect((await listMembers(db, { includeArchived: true })).map((m) => m.handle)).toEqual(['li.na', 'wu.xue']);
  });

  it('members as JSON text, written by the database, are JSON.stringify of the listed members, byte for byte, for every filter', async () => {
    const db = await fresh();
    const dept = await insertDepartment(db, { name: '客服 "CS"', description: null, now: NOW });
    const role = await insertRole(db, { name: 'Pre-sale \\ 售前', departmentId: dept, reportsToId: null, description: null, workflow: null, now: NOW });
    const lead = await insertMember(db, { handle: 'Li.Na', name: '李娜 "Nana"', roleId: role, departmentId: dept, managerId: null, hireDate: '2024-03-01', contact: 'tel:\t+86 138', shift: 'day', status: 'active', now: NOW });
    await insertMember(db, { handle: 'wu.xue', name: 'Wu\nXue \u0001 👩‍💻 ｶﾀｶﾅ', roleId: null, departmentId: dept, managerId: lead, hireDate: null, contact: null, shift: 'late', status: 'probation', now: NOW });
    const gone = await insertMember(db, { handle: 'old', name: '</script> \u2028', roleId: role, departmentId: null, managerId: lead, hireDate: null, contact: null, shift: null, status: 'active', now: NOW });
    await updateMember(db, gone, { archivedAt: NOW, updatedAt: NOW });
    const filters = [{}, { includeArchived: true }, { departmentId: dept }, { roleId: role, includeArchived: true }, { shift: 'late' }, { status: 'probation' as const }, { departmentId: 999 }];
    for (const f of filters) {
      const texts: string[] = [];
      await eachMemberJson(db, f, (json) => texts.push(json));
      expect([f, `[${texts.join(',')}]`]).toEqual([f, JSON.stringify(await listMembers(db, f))]);
    }
  });
});
