import ecommerce from '../../data/presets/ecommerce.json' with { type: 'json' };
import { findDepartmentIdByName, findDepartmentIdByPresetKey, insertDepartment, updateDepartment } from './departments.repository.js';
import { findRoleById, findRoleIdByName, findRoleIdByPresetKey, insertRole, replaceDuties, updateRole } from './roles.repository.js';
import { rolesTopDown, type OrgPreset } from './rules/preset.js';
import type { Lang } from '../i18n/index.js';
import { stamp, type ServiceOptions } from '../shared/service.js';

/** The org section of the shipped e-commerce preset (bundled into the init chunk). */
const ecommerceOrg: OrgPreset = ecommerce as OrgPreset;

export interface OrgPresetCounts {
  departments: number;
  roles: number;
  duties: number;
}

/**
 * Loads the preset's departments and roles in one language. Idempotent: rows are keyed by their preset
 * key, so a second run adds nothing; a same-named row made by hand is adopted.
 */
export async function applyOrgPreset(o: ServiceOptions, lang: Lang): Promise<OrgPresetCounts> {
  const result: OrgPresetCounts = { departments: 0, roles: 0, duties: 0 };
  return o.db.transaction(async (tx) => {
    const preset = ecommerceOrg;
    const now = stamp(o.now);
    const deptIds = new Map<string, number>();
    for (const d of preset.departments) {
      let id = await findDepartmentIdByPresetKey(tx, d.key);
      if (id === undefined) {
        const sameName = await findDepartmentIdByName(tx, d.name[lang]);
        if (sameName !== undefined) {
          id = sameName;
          await updateDepartment(tx, id, { presetKey: d.key });
        } else {
          id = await insertDepartment(tx, { name: d.name[lang], description: d.description[lang], presetKey: d.key, now });
          result.departments++;
        }
      }
      deptIds.set(d.key, id);
    }
    const roleIds = new Map<string, number>();
    for (const r of rolesTopDown(preset.roles)) {
      const existing = (await findRoleIdByPresetKey(tx, r.key)) ?? (await findRoleIdByName(tx, r.name[lang]));
      if (existing !== undefined) {
        roleIds.set(r.key, existing);
        if ((await findRoleById(tx, existing))?.presetKey === null) await updateRole(tx, existing, { presetKey: r.key });
        continue;
      }
      const id = await insertRole(tx, {
        name: r.name[lang],
        departmentId: r.department === null ? null : (deptIds.get(r.department) ?? null),
        reportsToId: r.reportsTo === null ? null : (roleIds.get(r.reportsTo) ?? null),
        description: r.description[lang],
        workflow: r.workflow[lang],
        presetKey: r.key,
        now,
      });
      await replaceDuties(tx, id, r.duties[lang]);
      roleIds.set(r.key, id);
      result.roles++;
      result.duties += r.duties[lang].length;
    }
    return result;
  });
}
