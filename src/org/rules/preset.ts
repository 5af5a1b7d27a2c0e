/** The org section of a preset (data/presets/*.json): departments and roles, every text in both languages. */
import type { Lang, Localized } from '../../i18n/index.js';

export interface PresetDepartment {
  key: string;
  name: Localized;
  description: Localized;
}

export interface PresetRole {
  key: string;
  department: string | null;
  reportsTo: string | null;
  name: Localized;
  description: Localized;
  workflow: Localized;
  duties: Record<Lang, string[]>;
}

export interface OrgPreset {
  departments: PresetDepartment[];
  roles: PresetRole[];
}

/** Roles ordered so that each comes after the role it reports to. */
export function rolesTopDown(roles: readonly PresetRole[]): PresetRole[] {
  const done = new Set<string | null>([null]);
  const out: PresetRole[] = [];
  let rest = [...roles];
  while (rest.length > 0) {
    const ready = rest.filter((r) => done.has(r.reportsTo));
    if (ready.length === 0) throw new Error(`preset roles form a loop: ${rest.map((r) => r.key).join(', ')}`);
    for (const r of ready) {
      out.push(r);
      done.add(r.key);
    }
    rest = rest.filter((r) => !done.has(r.key));
  }
  return out;
}
