/**
 * The shared set-up of the training CLI suites, built on goalsFixture: one
 * base database per file (init's e-commerce preset, with its 22 courses, and
 * four members), copied fresh for every test; runners pinned to TODAY.
 *
 * The seed itself runs on the goals fixture's clock (2026-11-23, the Monday
 * of the week before TODAY): that is the day the onboarding hook ran and the
 * day every seeded row was stamped. Nothing else happened in between.
 *
 * Members (ids in the order added; handles are what the tests type):
 * - zhou #1 Zhou Yang, Customer service manager, hired 2019-05-06: no onboarding plan (it would have been over).
 * - wu #2 Wu Xue, Customer service specialist (pre-sale), hired 2026-11-16: an onboarding plan of the
 *   7 onboarding courses of the role, due 2026-12-16 (hire + 30 days), plan items #1–#7 (ONBOARDING).
 * - zheng #3 Zheng Hao, Customer service specialist (after-sale), hired 2025-03-03: no plan.
 * - ma #4 Ma Jun, Warehouse and logistics, hired 2024-06-03, archived (`members archive`).
 * All but ma are in the Customer service department.
 */
import { goalsFixture, type Setup } from '../goals/fixture.js';
import type { RunResult } from '../helpers.js';

/** A Tuesday: the day every test runs on, unless it passes its own. */
export const TODAY = '2026-12-01';
/** The day the seed ran (goalsFixture's clock). */
export const SEEDED_ON = '2026-11-23';

export const ROLE = {
  manager: 'Customer service manager',
  presale: 'Customer service specialist (pre-sale)',
  aftersale: 'Customer service specialist (after-sale)',
  warehouse: 'Warehouse and logistics',
} as const;

export const DEPT = { cs: 'Customer service', logistics: 'Logistics' } as const;

/** The seeded members by handle: id, name, role, hire date. */
export const MEMBERS = {
  zhou: { id: 1, name: 'Zhou Yang', role: ROLE.manager, hired: '2019-05-06' },
  wu: { id: 2, name: 'Wu Xue', role: ROLE.presale, hired: '2026-11-16' },
  zheng: { id: 3, name: 'Zheng Hao', role: ROLE.aftersale, hired: '2025-03-03' },
  ma: { id: 4, name: 'Ma Jun', role: ROLE.warehouse, hired: '2024-06-03', archived: true },
} as const;

/** wu's onboarding plan: course titles (catalog order, ids 1–7 of the preset) and the items' due date. */
export const ONBOARDING = {
  member: 'wu',
  due: '2026-12-16',
  courses: ['Company culture', 'Product knowledge', 'Platform operation', 'Customer service basics', 'Sales skills', 'Customer inquiry process', 'Order handling process'],
} as const;

/** The preset catalog: 22 courses, ids 1–22 in the preset's order (English titles). */
export const PRESET_COURSES = 22;

export async function seedTraining(setup: Setup): Promise<void> {
  await setup(['init']);
  for (const [handle, m] of Object.entries(MEMBERS)) await setup(['members', 'add', handle, '--name', m.name, '--role', m.role, '--hire-date', m.hired]);
  await setup(['members', 'archive', 'ma']);
}

/**
 * Registers the hooks (call once at the top of a test file). `ok` expects
 * exit 0, `reject` a clean refusal (exit 2, one stderr line, database
 * unchanged: helpers' expectRejected); `team` returns whatever happened.
 * Each takes an optional `today` (default TODAY). `fx.db` is the current test's database.
 */
export function trainingFixture() {
  const g = goalsFixture(seedTraining);
  return {
    get db(): string {
      return g.db;
    },
    team: (args: readonly string[], today: string = TODAY): Promise<RunResult> => g.team(args, today),
    ok: (args: readonly string[], today: string = TODAY): Promise<RunResult> => g.ok(args, today),
    reject: (args: readonly string[], today: string = TODAY): Promise<RunResult> => g.reject(args, today),
  };
}
