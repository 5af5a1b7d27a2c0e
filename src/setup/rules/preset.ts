/** The shape of data/presets/*.json: every text in both languages. */
import type { Lang } from '../../i18n/index.js';

export type Localized = Record<Lang, string>;

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

export interface Preset {
  key: string;
  departments: PresetDepartment[];
  roles: PresetRole[];
  goalTemplates: GoalTemplate[];
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

export interface GoalTemplate {
  key: string;
  horizon: 'quarter' | 'month' | 'year' | 'week';
  title: Localized;
  metric: Localized;
  unit: string;
  kind: 'additive' | 'rate';
  direction: 'increase' | 'decrease' | 'at-least' | 'at-most';
  /** A fixed target (rates), or growth over the baseline in percent. */
  target?: number;
  growthPct?: number;
  why: Localized;
}

/** The calendar month, quarter, year or ISO week containing `today`, as [start, due]. */
export function currentPeriod(horizon: GoalTemplate['horizon'], today: string): [string, string] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const iso = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd)).toISOString().slice(0, 10);
  switch (horizon) {
    case 'year':
      return [iso(y, 1, 1), iso(y, 12, 31)];
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return [iso(y, q, 1), iso(y, q + 3, 0)];
    }
    case 'month':
      return [iso(y, m, 1), iso(y, m + 1, 0)];
    case 'week': {
      const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
      return [iso(y, m, d - dow), iso(y, m, d - dow + 6)];
    }
  }
}
