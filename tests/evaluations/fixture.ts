/**
 * The shared set-up of the evaluations CLI suites, built on goalsFixture: one
 * base database per file (init's e-commerce preset with its 75 KPIs for the
 * 14 roles, the 618 and 双11 seasons and 9 reward rules, plus five members),
 * copied fresh for every test; runners pinned to TODAY (2026-12-01), so the
 * cycles 2026-11 and 2026-12 may be opened, 2027-01 not yet.
 *
 * Members (handles are what the tests type):
 * - zhou Zhou Yang, Customer service manager (Customer service)
 * - wu Wu Xue, Customer service specialist (pre-sale) (Customer service)
 * - zheng Zheng Hao, Customer service specialist (pre-sale) (Customer service)
 * - li Li Qiang, Operations manager (Operations)
 * - ma Ma Jun, Warehouse and logistics, archived: never evaluated.
 */
import { goalsFixture, type Setup } from '../goals/fixture.js';
import type { RunResult } from '../helpers.js';

export const TODAY = '2026-12-01';

export const ROLE = {
  manager: 'Customer service manager',
  presale: 'Customer service specialist (pre-sale)',
  ops: 'Operations manager',
  warehouse: 'Warehouse and logistics',
} as const;

export const DEPT = { cs: 'Customer service', ops: 'Operations' } as const;

export const MEMBERS = {
  zhou: { name: 'Zhou Yang', role: ROLE.manager },
  wu: { name: 'Wu Xue', role: ROLE.presale },
  zheng: { name: 'Zheng Hao', role: ROLE.presale },
  li: { name: 'Li Qiang', role: ROLE.ops },
  ma: { name: 'Ma Jun', role: ROLE.warehouse },
} as const;

/** The preset's KPIs of each role in the fixture (English names, template order, weights total 100). */
export const KPIS = {
  presale: [
    ['First response time', 25],
    ['Inquiry conversion', 25],
    ['Customer satisfaction', 20],
    ['Complex issues answered within 24 h', 10],
    ['Work quality', 10],
    ['Efficiency', 10],
  ],
  manager: [
    ['Customer satisfaction', 30],
    ['Resolution rate', 25],
    ['First response time', 20],
    ['Team training done', 10],
    ['Work quality', 8],
    ['Efficiency', 7],
  ],
  ops: [
    ['Sales attainment', 35],
    ['Orders attainment', 20],
    ['New customers', 15],
    ['Conversion rate', 15],
    ['Work quality', 8],
    ['Efficiency', 7],
  ],
} as const;

export async function seedEvaluations(setup: Setup): Promise<void> {
  await setup(['init']);
  for (const [handle, m] of Object.entries(MEMBERS)) await setup(['members', 'add', handle, '--name', m.name, '--role', m.role, '--hire-date', '2024-01-02']);
  await setup(['members', 'archive', 'ma']);
}

/**
 * Registers the hooks (call once at the top of a test file). `ok` expects
 * exit 0, `reject` a clean refusal (exit 2, one stderr line, database
 * unchanged: helpers' expectRejected); `team` returns whatever happened.
 * Each takes an optional `today` (default TODAY). `fx.db` is the current test's database.
 */
export function evaluationsFixture(seed: (setup: Setup) => Promise<void> = seedEvaluations) {
  const g = goalsFixture(seed);
  const fx = {
    get db(): string {
      return g.db;
    },
    team: (args: readonly string[], today: string = TODAY): Promise<RunResult> => g.team(args, today),
    ok: (args: readonly string[], today: string = TODAY): Promise<RunResult> => g.ok(args, today),
    reject: (args: readonly string[], today: string = TODAY): Promise<RunResult> => g.reject(args, today),
    /** Records every KPI of one member in a period: [kpi, value] pairs. */
    async record(member: string, values: readonly (readonly [string, number])[], period = '2026-11'): Promise<void> {
      for (const [kpi, value] of values) await fx.ok(['evals', 'record', member, kpi, '--value', String(value), '--period', period]);
    },
  };
  return fx;
}

/** Values that score each pre-sale KPI 100 in a month without a season (first response 25 s, conversion 50 %, …). */
export const PRESALE_FULL: readonly (readonly [string, number])[] = [
  ['First response time', 25],
  ['Inquiry conversion', 50],
  ['Customer satisfaction', 97],
  ['Complex issues answered within 24 h', 99],
  ['Work quality', 96],
  ['Efficiency', 95],
];
