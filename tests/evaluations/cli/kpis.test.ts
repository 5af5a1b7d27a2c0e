/**
 * `team kpis list|show|add|edit|rm`: the KPI templates per role from flags,
 * their rows, their views; every bad input one line, exit 2, nothing written;
 * a removed KPI stays on record and in the cycles opened before; `evals open`
 * refuses a role whose weights do not total 100.
 */
import { describe, expect, it } from 'vitest';
import { query, run } from '../../helpers.js';
import { evaluationsFixture, KPIS, ROLE, seedEvaluations, TODAY } from '../fixture.js';

/** A role of the team's own, with no KPIs yet: room to add them (every preset role already totals 100). */
const NEW_ROLE = 'Copywriter';

const fx = evaluationsFixture(async (setup) => {
  await seedEvaluations(setup);
  await setup(['roles', 'add', NEW_ROLE]);
});
const { ok, reject } = fx;

/** The stamp of a write on TODAY (TEAM_TODAY pins noon UTC); the seed ran on the goals fixture's day. */
const NOW = `${TODAY}T12:00:00.000Z`;
const SEED_STAMP = '2026-11-23T12:00:00.000Z';

/** `kpis show --json`, each KPI of `kpis list --json`; add/edit/rm add roleTotal. */
interface Kpi {
  id: number;
  roleId: number;
  role: string;
  name: string;
  presetKey: string | null;
  unit: string | null;
  direction: 'higher' | 'lower' | 'within';
  target: number;
  targetHigh: number | null;
  threshold: number | null;
  thresholdHigh: number | null;
  bands: { bound: number; score: number }[] | null;
  weight: number;
  source: string | null;
  goalMetric: string | null;
  goalUse: 'value' | 'attainment' | null;
  removedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
interface RoleKpis {
  roleId: number;
  role: string;
  total: number;
  kpis: Kpi[];
}

const list = async (...args: string[]) => (await ok(['kpis', 'list', '--json', ...args])).json<RoleKpis[]>();
const show = async (kpi: string, ...args: string[]) => (await ok(['kpis', 'show', kpi, '--json', ...args])).json<Kpi>();
const add = (name: string, ...args: string[]) => ['kpis', 'add', name, '--role', NEW_ROLE, ...args];
const roleId = async (name: string) => (await query<{ id: number }>(fx.db, 'select id from roles where name = ?', name))[0]!.id;
const kpiRow = async (id: number) => (await query(fx.db, 'select * from eval_kpis where id = ?', id))[0];

/** A rejected command's one line (stdout stays empty). */
const rejects = async (args: readonly string[]) => {
  const r = await reject(args);
  expect(r.stdout).toBe('');
  return r.stderr;
};

describe('kpis list', () => {
  it('--json: the preset gives 14 roles, each totalling 100, their KPIs in template order', async () => {
    const roles = await list();
    expect(roles).toHaveLength(14);
    for (const r of roles) {
      expect(r.total, r.role).toBe(100);
      expect(r.kpis.reduce((s, k) => s + k.weight, 0), r.role).toBe(100);
      expect(r.kpis.every((k) => k.roleId === r.roleId && k.role === r.role && k.removedAt === null)).toBe(true);
    }
    expect(roles.flatMap((r) => r.kpis)).toHaveLength(75);
    // A role with no KPIs (the team's own) is not listed.
    expect(roles.map((r) => r.role)).not.toContain(NEW_ROLE);
    const presale = roles.find((r) => r.role === ROLE.presale)!;
    expect(Object.keys(presale)).toEqual(['roleId', 'role', 'total', 'kpis']);
    expect(presale.kpis.map((k) => [k.name, k.weight])).toEqual(KPIS.presale);
    expect(presale.kpis[1]).toEqual({
      id: 34, roleId: presale.roleId, role: ROLE.presale, name: 'Inquiry conversion', presetKey: 'inquiry-conversion', unit: '%', direction: 'higher', target: 45, targetHigh: null,
      threshold: 20, thresholdHigh: null, bands: null, weight: 25, source: 'CS performance report', goalMetric: null, goalUse: null, removedAt: null, createdAt: SEED_STAMP, updatedAt: SEED_STAMP,
    });
  });

  it('--role: that role only (any case); one with no KPIs lists none', async () => {
    const roles = await list('--role', ROLE.manager.toUpperCase());
    expect(roles.map((r) => [r.role, r.total])).toEqual([[ROLE.manager, 100]]);
    expect(roles[0]!.kpis.map((k) => [k.name, k.weight])).toEqual(KPIS.manager);
    expect(await list('--role', NEW_ROLE)).toEqual([]);
    const empty = await ok(['kpis', 'list', '--role', NEW_ROLE]);
    expect([empty.stdout, empty.stderr]).toEqual(['', 'No KPIs yet: add one with `team kpis add`.\n']);
  });

  it('the table: a column per field, no weights line while every role totals 100', async () => {
    const r = await ok(['kpis', 'list', '--role', ROLE.presale]);
    expect(r.stderr).toBe('');
    const head = r.stdout.split('\n')[1]!;
    for (const h of ['ID', 'Role', 'KPI', 'Target', 'Scoring', 'Weight', 'From goal', 'Source']) expect(head).toContain(h);
    expect(r.stdout).toContain('≤ 30 s');
    expect(r.stdout).toContain('bands ≤30:100, ≤45:80,');
    expect(r.stdout).toContain('0 at 20');
  });

  it('--format csv and md: one row per KPI, the target as a number', async () => {
    const csv = (await ok(['kpis', 'list', '--role', ROLE.presale, '--format', 'csv'])).stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv[0]).toBe('ID,Role,KPI,Target,Scoring,Weight,From goal,Source');
    expect(csv.slice(1)).toEqual([
      `33,${ROLE.presale},First response time,30,"bands ≤30:100, ≤45:80, ≤60:60",25,First response time,The CS workbench`,
      `34,${ROLE.presale},Inquiry conversion,45,0 at 20,25,,CS performance report`,
      `35,${ROLE.presale},Customer satisfaction,95,0 at 80,20,Customer satisfaction,Reviews and follow-ups`,
      `36,${ROLE.presale},Complex issues answered within 24 h,98,0 at 80,10,Complex issues answered within 24 h,Ticket system`,
      `37,${ROLE.presale},Work quality,95,0 at 60,10,,The lead's spot checks`,
      `38,${ROLE.presale},Efficiency,95,0 at 60,10,,Tasks done on time (daily plan)`,
    ]);
    const md = (await ok(['kpis', 'list', '--role', ROLE.presale, '--format', 'md'])).stdout.trim().split('\n');
    expect(md[0]).toBe('| ID | Role | KPI | Target | Scoring | Weight | From goal | Source |');
    expect(md).toHaveLength(2 + 6);
    expect(md[3]).toBe(`| 34 | ${ROLE.presale} | Inquiry conversion | 45 | 0 at 20 | 25 |  | CS performance report |`);
    expect((await rejects(['kpis', 'list', '--format', 'xml']))).toBe('team: Unknown format "xml": use table, json, csv or md.\n');
  });

  // Bug: a plain export (csv, md) gives a "within" KPI's target as its low end only: "Days of stock" (20–35 days) reads 20, and nothing says it is a range.
  it('--format csv keeps both ends of a "within" target', async () => {
    const csv = (await ok(['kpis', 'list', '--role', ROLE.warehouse, '--format', 'csv'])).stdout;
    const row = csv.split(/\r?\n/).find((l) => l.includes('Days of stock'))!;
    expect(row).toMatch(/20.{1,3}35/);
  });

  it('an unknown role is refused, suggesting the closest', async () => {
    expect(await rejects(['kpis', 'list', '--role', 'Customer service specialist (presale)'])).toBe(`team: No role matches "Customer service specialist (presale)". Did you mean "${ROLE.presale}"?\n`);
  });
});

describe('kpis show', () => {
  it('by name (any case) when one role has it, by id, by name and --role when several do', async () => {
    const k = await show('inquiry CONVERSION');
    expect(k).toMatchObject({ id: 34, role: ROLE.presale, name: 'Inquiry conversion', target: 45, threshold: 20, weight: 25 });
    expect(await show('34')).toEqual(k);
    expect(await show('#34')).toEqual(k);
    expect(await show('First response time', '--role', ROLE.presale)).toMatchObject({ id: 33, direction: 'lower', target: 30, threshold: null, bands: [{ bound: 30, score: 100 }, { bound: 45, score: 80 }, { bound: 60, score: 60 }] });
  });

  it('as text: target, scoring, weight, where the value comes from', async () => {
    expect((await ok(['kpis', 'show', 'Inquiry conversion'])).stdout).toBe(`Inquiry conversion · ${ROLE.presale}\nTarget ≥ 45% (higher is better), 0 at 20, weight 25.\nSource: CS performance report\n`);
    expect((await ok(['kpis', 'show', 'First response time', '--role', ROLE.presale])).stdout).toBe(
      `First response time · ${ROLE.presale}\nTarget ≤ 30 s (lower is better), bands ≤30:100, ≤45:80, ≤60:60, weight 25.\nValue: the member's goal "First response time".\nSource: The CS workbench\n`,
    );
    expect((await ok(['kpis', 'show', 'Sales attainment'])).stdout).toBe(`Sales attainment · ${ROLE.ops}\nTarget ≥ 100% (higher is better), 0 at 60, weight 35.\nValue: the attainment (%) of the member's goal "GMV".\nSource: Shop analytics: sales against the target\n`);
    expect((await ok(['kpis', 'show', 'Days of stock', '--role', ROLE.warehouse])).stdout).toBe(`Days of stock · ${ROLE.warehouse}\nTarget 20–35 days (within a band), 0 at 5 and 60, weight 15.\nSource: ERP stock report\n`);
  });

  it('refuses an unknown KPI (suggesting the closest), one in several roles without --role, one not in the role named', async () => {
    expect(await rejects(['kpis', 'show', 'Inquiry conversation'])).toBe('team: No KPI matches "Inquiry conversation". Did you mean "Inquiry conversion"?\n');
    expect(await rejects(['kpis', 'show', 'First respons time', '--role', ROLE.presale])).toBe('team: No KPI matches "First respons time". Did you mean "First response time"?\n');
    expect(await rejects(['kpis', 'show', 'First response time'])).toBe(
      `team: KPI "First response time" belongs to several roles (${ROLE.manager}, ${ROLE.presale}, Customer service specialist (after-sale), Customer service assistant): name one with --role.\n`,
    );
    expect(await rejects(['kpis', 'show', 'Sales attainment', '--role', ROLE.presale])).toMatch(/^team: No KPI matches "Sales attainment"\./);
  });
});

describe('kpis add', () => {
  it('linear, higher is better (the default): the KPI on stdout with --json, two lines on stderr, its row', async () => {
    const r = await ok([...add('Articles', '--unit', 'posts', '--target', '8', '--threshold', '2', '--weight', '60', '--source', 'CMS'), '--json']);
    const id = await roleId(NEW_ROLE);
    expect(r.json()).toEqual({
      id: 76, roleId: id, role: NEW_ROLE, name: 'Articles', presetKey: null, unit: 'posts', direction: 'higher', target: 8, targetHigh: null, threshold: 2, thresholdHigh: null,
      bands: null, weight: 60, source: 'CMS', goalMetric: null, goalUse: null, removedAt: null, createdAt: NOW, updatedAt: NOW, roleTotal: 60,
    });
    expect(r.stderr).toBe(`Added KPI "Articles" to ${NEW_ROLE}: ≥ 8 posts, 0 at 2, weight 60.\n${NEW_ROLE}'s KPI weights total 60 of 100: a cycle can use them only at 100.\n`);
    expect(await kpiRow(76)).toEqual({
      id: 76, role_id: id, name: 'Articles', preset_key: null, unit: 'posts', direction: 'higher', target: 8, target_high: null, threshold: 2, threshold_high: null, bands: null,
      weight: 60, source: 'CMS', goal_metric: null, goal_use: null, removed_at: null, created_at: NOW, updated_at: NOW,
    });
  });

  it('lower is better, within a band, bands (sorted best first), up to a total of 100 ("ready for a cycle"); no JSON without --json', async () => {
    const lower = await ok(add('Typos', '--direction', 'lower', '--target', '1', '--threshold', '10', '--weight', '20'));
    expect([lower.stdout, lower.stderr]).toEqual(['', `Added KPI "Typos" to ${NEW_ROLE}: ≤ 1, 0 at 10, weight 20.\n${NEW_ROLE}'s KPI weights total 20 of 100: a cycle can use them only at 100.\n`]);
    const within = await ok(add('Length', '--unit', 'days', '--direction', 'within', '--target', '20-35', '--threshold', '5-60', '--weight', '30'));
    expect(within.stderr).toBe(`Added KPI "Length" to ${NEW_ROLE}: 20–35 days, 0 at 5 and 60, weight 30.\n${NEW_ROLE}'s KPI weights total 50 of 100: a cycle can use them only at 100.\n`);
    const banded = await ok(add('Reply time', '--unit', 's', '--direction', 'lower', '--bands', '60:60,30:100,45:80', '--weight', '50'));
    expect(banded.stderr).toBe(`Added KPI "Reply time" to ${NEW_ROLE}: ≤ 30 s, bands ≤30:100, ≤45:80, ≤60:60, weight 50.\n${NEW_ROLE}'s KPI weights total 100: ready for a cycle.\n`);
    expect(await show('Length')).toMatchObject({ direction: 'within', target: 20, targetHigh: 35, threshold: 5, thresholdHigh: 60, bands: null });
    // Bands give the target (the best band's bound) and no threshold.
    expect(await show('Reply time')).toMatchObject({ direction: 'lower', target: 30, threshold: null, bands: [{ bound: 30, score: 100 }, { bound: 45, score: 80 }, { bound: 60, score: 60 }] });
    expect((await query(fx.db, 'select bands from eval_kpis where name = ?', 'Reply time'))[0]).toEqual({ bands: '[{"bound":30,"score":100},{"bound":45,"score":80},{"bound":60,"score":60}]' });
    const roles = await list('--role', NEW_ROLE);
    expect(roles.map((r) => [r.total, r.kpis.map((k) => k.name)])).toEqual([[100, ['Typos', 'Length', 'Reply time']]]);
  });

  it('--from-goal alone takes the goal of the KPI\'s own name; with a metric, that one; --attainment its progress %', async () => {
    await ok(add('Response time', '--direction', 'lower', '--target', '30', '--threshold', '90', '--weight', '10', '--from-goal'));
    await ok(add('Sales', '--target', '100', '--threshold', '60', '--weight', '10', '--from-goal', 'GMV', '--attainment'));
    await ok(add('Orders', '--target', '500', '--threshold', '100', '--weight', '10', '--from-goal', 'Orders'));
    expect(await show('Response time')).toMatchObject({ goalMetric: 'Response time', goalUse: 'value' });
    expect(await show('Sales')).toMatchObject({ goalMetric: 'GMV', goalUse: 'attainment' });
    expect(await show('Orders', '--role', NEW_ROLE)).toMatchObject({ goalMetric: 'Orders', goalUse: 'value' });
    expect((await ok(['kpis', 'show', 'Sales'])).stdout).toContain('Value: the attainment (%) of the member\'s goal "GMV".');
    expect(await query(fx.db, 'select name, goal_metric, goal_use from eval_kpis where id > 75 order by id')).toEqual([
      { name: 'Response time', goal_metric: 'Response time', goal_use: 'value' },
      { name: 'Sales', goal_metric: 'GMV', goal_use: 'attainment' },
      { name: 'Orders', goal_metric: 'Orders', goal_use: 'value' },
    ]);
  });

  // Bug: --attainment without --from-goal is accepted (exit 0, "Added KPI …") and dropped: the KPI takes no value from any goal.
  it('--attainment without --from-goal is refused', async () => {
    await rejects(add('Sales', '--target', '100', '--threshold', '60', '--weight', '10', '--attainment'));
  });

  it('a name another role\'s KPI has is fine; the name then needs --role', async () => {
    await ok(add('Work quality', '--target', '95', '--threshold', '60', '--weight', '10'));
    expect(await rejects(['kpis', 'show', 'Work quality'])).toMatch(/^team: KPI "Work quality" belongs to several roles \(.*Copywriter\): name one with --role\.\n$/);
    expect(await show('Work quality', '--role', NEW_ROLE)).toMatchObject({ role: NEW_ROLE, weight: 10 });
  });
});

describe('kpis add: bad input, one line, nothing written', () => {
  const linear = (...args: string[]) => add('K', '--target', '10', '--threshold', '2', ...args);

  it('weights over 100 name the role and the total they would reach', async () => {
    await ok(linear('--weight', '60'));
    expect(await rejects(add('L', '--target', '10', '--threshold', '2', '--weight', '41'))).toBe(`team: ${NEW_ROLE}'s KPI weights would total 101: more than 100.\n`);
    expect(await rejects(['kpis', 'add', 'Extra', '--role', ROLE.presale, '--target', '1', '--threshold', '0', '--weight', '5'])).toBe(`team: ${ROLE.presale}'s KPI weights would total 105: more than 100.\n`);
  });

  it.each([
    ['0', 'team: --weight: a weight is more than 0 and at most 100 (got "0").\n'],
    ['101', 'team: --weight: a weight is more than 0 and at most 100 (got "101").\n'],
    ['-5', 'team: --weight: a weight is more than 0 and at most 100 (got "-5").\n'],
    ['100.5', 'team: --weight: a weight is more than 0 and at most 100 (got "100.5").\n'],
    ['abc', 'team: Invalid --weight "abc": expected a number.\n'],
  ])('--weight %s', async (weight, line) => {
    expect(await rejects(linear('--weight', weight))).toBe(line);
  });

  // Bug: a weight too large for a double is refused with the range of any quantity (±10^12), not a weight's "more than 0 and at most 100".
  it('--weight 1e309: refused, saying what a weight is', async () => {
    const line = await rejects(linear('--weight', '1e309'));
    expect(line).toMatch(/^team: .*1e309.*\n$/);
    expect(line).toContain('at most 100');
  });

  it('--weight 1e309 is at least refused in one line naming the flag', async () => {
    expect(await rejects(linear('--weight', '1e309'))).toBe('team: --weight: a weight is more than 0 and at most 100 (got "1e309").\n');
  });

  it.each([
    [['--target', '10', '--threshold', '20'], 'team: Higher is better: the threshold (scores 0) must be below the target (10).\n'],
    [['--target', '10', '--threshold', '10'], 'team: Higher is better: the threshold (scores 0) must be below the target (10).\n'],
    [['--direction', 'lower', '--target', '10', '--threshold', '5'], 'team: Lower is better: the threshold (scores 0) must be above the target (10).\n'],
    [['--direction', 'within', '--target', '20', '--threshold', '5'], 'team: Within a band: give --target low-high and --threshold low-high.\n'],
    [['--direction', 'within', '--target', '20-35', '--threshold', '5'], 'team: Within a band: give --target low-high and --threshold low-high.\n'],
    [['--direction', 'within', '--target', '20-35'], 'team: Missing --threshold (no terminal to ask on: pass them as flags).\n'],
    [['--direction', 'within', '--target', '35-20', '--threshold', '5-60'], 'team: Within a band: the target range runs from low to high.\n'],
    [['--direction', 'within', '--target', '20-35', '--threshold', '25-60'], 'team: Within a band: the thresholds (score 0) lie outside the target range, one below and one above.\n'],
    [['--bands', '30:100,45:100'], 'team: The bands overlap: each better score needs a strictly better bound, and no two bands share a score.\n'],
    [['--bands', '30:100,45:80'], 'team: The bands overlap: each better score needs a strictly better bound, and no two bands share a score.\n'],
    [['--direction', 'lower', '--bands', '45:100,30:80'], 'team: The bands overlap: each better score needs a strictly better bound, and no two bands share a score.\n'],
    [['--direction', 'lower', '--bands', '30:0'], 'team: A band scores more than 0 and at most 100.\n'],
    [['--direction', 'lower', '--bands', '30:100,45:120'], 'team: A band scores more than 0 and at most 100.\n'],
    [['--direction', 'within', '--target', '20-35', '--bands', '30:100'], 'team: Bands score "higher" or "lower" KPIs; a "within" KPI scores by thresholds.\n'],
    [['--bands', 'xyz'], 'team: --bands: "xyz" is not a list of bands like 30:100,45:80,60:60.\n'],
    [['--target', 'abc', '--threshold', '2'], 'team: --target: "abc" is not a number or a range like 20-35.\n'],
    [['--target', '10', '--threshold', 'ten'], 'team: --threshold: "ten" is not a number or a range like 20-35.\n'],
    [['--target', '1e309', '--threshold', '2'], 'team: --target: "1e309" is not a number or a range like 20-35.\n'],
    [['--target', '2e12', '--threshold', '2'], 'team: A target, threshold or band bound is a finite number within ±1 trillion.\n'],
    [['--target', '10'], 'team: Missing --threshold (no terminal to ask on: pass them as flags).\n'],
    [[], 'team: Missing --target, --threshold (no terminal to ask on: pass them as flags).\n'],
    [['--direction', 'sideways', '--target', '1', '--threshold', '0'], 'team: --direction: "sideways" is not higher, lower or within.\n'],
  ])('%j', async (args, line) => {
    expect(await rejects(add('K', '--weight', '50', ...args))).toBe(line);
  });

  it('an unknown role, suggesting the closest; a name the role has (any case, or its preset key); no name, role or weight without a terminal', async () => {
    const k = ['--target', '1', '--threshold', '0', '--weight', '5'];
    expect(await rejects(['kpis', 'add', 'K', '--role', 'Custmer service manager', ...k])).toBe(`team: No role matches "Custmer service manager". Did you mean "${ROLE.manager}"?\n`);
    expect(await rejects(['kpis', 'add', 'inquiry conversion', '--role', ROLE.presale, ...k])).toBe(`team: ${ROLE.presale} already has a KPI "Inquiry conversion".\n`);
    expect(await rejects(['kpis', 'add', 'csat', '--role', ROLE.presale, ...k])).toBe(`team: ${ROLE.presale} already has a KPI "Customer satisfaction".\n`);
    await ok(add('Articles', ...k));
    expect(await rejects(add('ARTICLES', ...k))).toBe(`team: ${NEW_ROLE} already has a KPI "Articles".\n`);
    expect(await rejects(['kpis', 'add', 'K', ...k])).toBe('team: Missing --role (no terminal to ask on: pass them as flags).\n');
    expect(await rejects(['kpis', 'add', '--role', NEW_ROLE, ...k])).toBe('team: Missing NAME (no terminal to ask on: pass them as flags).\n');
    expect(await rejects(add('K', '--target', '1', '--threshold', '0'))).toMatch(/^team: Missing --weight\b/);
  });
});

describe('kpis edit', () => {
  it('a new target keeps the rest; a new weight says the role\'s new total; the row is stamped', async () => {
    const r = await ok(['kpis', 'edit', 'Inquiry conversion', '--target', '50']);
    expect([r.stdout, r.stderr]).toEqual(['', `Changed KPI "Inquiry conversion" of ${ROLE.presale}: ≥ 50%, 0 at 20, weight 25.\n${ROLE.presale}'s KPI weights total 100: ready for a cycle.\n`]);
    const w = await ok(['kpis', 'edit', 'Inquiry conversion', '--weight', '20', '--json']);
    expect(w.json()).toMatchObject({ id: 34, target: 50, threshold: 20, weight: 20, roleTotal: 95, createdAt: SEED_STAMP, updatedAt: NOW });
    expect(w.stderr).toBe(`Changed KPI "Inquiry conversion" of ${ROLE.presale}: ≥ 50%, 0 at 20, weight 20.\n${ROLE.presale}'s KPI weights total 95 of 100: a cycle can use them only at 100.\n`);
    expect(await kpiRow(34)).toMatchObject({ target: 50, threshold: 20, weight: 20, updated_at: NOW });
    // The list says which role is short of 100, on stderr after the table.
    const l = await ok(['kpis', 'list', '--role', ROLE.presale]);
    expect(l.stderr).toBe(`${ROLE.presale}'s KPI weights total 95 of 100: a cycle can use them only at 100.\n`);
    expect((await list('--role', ROLE.presale))[0]!.total).toBe(95);
  });

  it('a new direction takes nothing of the old rule: it needs its own target and threshold', async () => {
    expect(await rejects(['kpis', 'edit', 'Inquiry conversion', '--direction', 'lower'])).toBe('team: Give a target (--target) or bands (--bands).\n');
    await ok(['kpis', 'edit', 'Inquiry conversion', '--direction', 'lower', '--target', '10', '--threshold', '30']);
    expect(await show('Inquiry conversion')).toMatchObject({ direction: 'lower', target: 10, threshold: 30, bands: null, weight: 25 });
    // Banded → linear "higher": the bands go.
    // The seasons' bands for it would read the other way round: refused until they are cleared.
    expect(await rejects(['kpis', 'edit', 'First response time', '--role', ROLE.presale, '--direction', 'higher', '--target', '90', '--threshold', '50'])).toBe(
      'team: Season 618 overrides First response time, and its numbers would no longer make sense with this change: set the season again, or clear it, first (team kpis season set … --clear).\n',
    );
    for (const season of ['618', 'Double 11']) await ok(['kpis', 'season', 'set', season, 'First response time', '--clear']);
    await ok(['kpis', 'edit', 'First response time', '--role', ROLE.presale, '--direction', 'higher', '--target', '90', '--threshold', '50']);
    expect(await show('First response time', '--role', ROLE.presale)).toMatchObject({ direction: 'higher', target: 90, threshold: 50, bands: null });
    // Within → higher: the high ends go.
    await ok(['kpis', 'edit', 'Days of stock', '--role', ROLE.warehouse, '--direction', 'higher', '--target', '30', '--threshold', '10']);
    expect(await show('Days of stock', '--role', ROLE.warehouse)).toMatchObject({ direction: 'higher', target: 30, targetHigh: null, threshold: 10, thresholdHigh: null });
  });

  it('--bands none turns a banded KPI linear (with a threshold); a within KPI takes a one-ended new target', async () => {
    expect(await rejects(['kpis', 'edit', 'First response time', '--role', ROLE.presale, '--bands', 'none'])).toBe('team: Give a threshold (--threshold, the value that scores 0) or bands (--bands).\n');
    await ok(['kpis', 'edit', 'First response time', '--role', ROLE.presale, '--bands', 'none', '--threshold', '90']);
    expect(await show('First response time', '--role', ROLE.presale)).toMatchObject({ direction: 'lower', target: 30, threshold: 90, bands: null });
    await ok(['kpis', 'edit', 'Days of stock', '--role', ROLE.warehouse, '--target', '25']);
    expect(await show('Days of stock', '--role', ROLE.warehouse)).toMatchObject({ target: 25, targetHigh: 35, threshold: 5, thresholdHigh: 60 });
    expect(await rejects(['kpis', 'edit', 'Days of stock', '--role', ROLE.warehouse, '--target', '40'])).toBe('team: Within a band: the target range runs from low to high.\n');
  });

  // Bug: on a banded KPI, --threshold alone is accepted (exit 0, "Changed KPI …") and dropped: the bands stay, the threshold typed is nowhere.
  it('--threshold on a banded KPI is either refused or applied, never dropped', async () => {
    const r = await fx.team(['kpis', 'edit', 'First response time', '--role', ROLE.presale, '--threshold', '90']);
    if (r.code === 0) expect(await show('First response time', '--role', ROLE.presale)).toMatchObject({ threshold: 90 });
    else expect(r.code).toBe(2);
  });

  it('a rename to another KPI\'s name of the role is refused (any case); a case-only rename of its own is fine; the new name is then the one', async () => {
    expect(await rejects(['kpis', 'edit', 'Inquiry conversion', '--name', 'efficiency'])).toBe(`team: ${ROLE.presale} already has a KPI "Efficiency".\n`);
    await ok(['kpis', 'edit', 'Inquiry conversion', '--name', 'Inquiry Conversion']);
    await ok(['kpis', 'edit', 'Inquiry conversion', '--name', 'Conversion']);
    expect(await show('Conversion', '--role', ROLE.presale)).toMatchObject({ id: 34, name: 'Conversion', presetKey: 'inquiry-conversion' });
    expect(await rejects(['kpis', 'show', 'Inquiry conversion'])).toMatch(/^team: No KPI matches "Inquiry conversion"\./);
  });

  it('refuses, each in one line with nothing written: weights over 100, a bad weight, a bad target, a threshold on the wrong side, a KPI of several roles, an unknown one', async () => {
    expect(await rejects(['kpis', 'edit', 'Inquiry conversion', '--weight', '30'])).toBe(`team: ${ROLE.presale}'s KPI weights would total 105: more than 100.\n`);
    expect(await rejects(['kpis', 'edit', 'Work quality', '--role', ROLE.presale, '--weight', '0'])).toBe('team: --weight: a weight is more than 0 and at most 100 (got "0").\n');
    expect(await rejects(['kpis', 'edit', 'Inquiry conversion', '--weight', 'abc'])).toBe('team: Invalid --weight "abc": expected a number.\n');
    expect(await rejects(['kpis', 'edit', 'Inquiry conversion', '--target', 'abc'])).toBe('team: --target: "abc" is not a number or a range like 20-35.\n');
    expect(await rejects(['kpis', 'edit', 'Inquiry conversion', '--target', '15'])).toBe('team: Higher is better: the threshold (scores 0) must be below the target (15).\n');
    expect(await rejects(['kpis', 'edit', 'Work quality', '--weight', '5'])).toMatch(/^team: KPI "Work quality" belongs to several roles \(.+\): name one with --role\.\n$/);
    expect(await rejects(['kpis', 'edit', 'Inquiry conversation', '--target', '50'])).toBe('team: No KPI matches "Inquiry conversation". Did you mean "Inquiry conversion"?\n');
  });
});

describe('kpis rm', () => {
  it('needs --yes without a terminal (nothing written)', async () => {
    expect(await rejects(['kpis', 'rm', 'Inquiry conversion'])).toBe('team: This removes data: pass --yes to confirm (no terminal to ask on).\n');
  });

  it('keeps the KPI on record (removed_at set), out of the list, and says what the role totals now', async () => {
    const r = await ok(['kpis', 'rm', 'Inquiry conversion', '--yes', '--json']);
    expect(r.json()).toMatchObject({ id: 34, name: 'Inquiry conversion', removedAt: NOW, updatedAt: NOW, roleTotal: 75 });
    expect(r.stderr).toBe(
      `Took KPI "Inquiry conversion" out of ${ROLE.presale} (kept on record; opened evaluations keep it).\n${ROLE.presale}'s KPI weights total 75 of 100: a cycle can use them only at 100.\n`,
    );
    expect(await query(fx.db, 'select id, name, weight, removed_at from eval_kpis where id = 34')).toEqual([{ id: 34, name: 'Inquiry conversion', weight: 25, removed_at: NOW }]);
    const presale = (await list('--role', ROLE.presale))[0]!;
    expect([presale.total, presale.kpis.map((k) => k.name)]).toEqual([75, ['First response time', 'Customer satisfaction', 'Complex issues answered within 24 h', 'Work quality', 'Efficiency']]);
    expect((await ok(['kpis', 'list'])).stderr).toBe(`${ROLE.presale}'s KPI weights total 75 of 100: a cycle can use them only at 100.\n`);
    // Gone from the template: not found again, and its name is free for a new KPI.
    expect(await rejects(['kpis', 'show', 'Inquiry conversion'])).toMatch(/^team: No KPI matches "Inquiry conversion"\./);
    expect(await rejects(['kpis', 'rm', 'Inquiry conversion', '--yes'])).toMatch(/^team: No KPI matches "Inquiry conversion"\./);
    expect(await rejects(['kpis', 'show', '34'])).toMatch(/^team: No KPI matches "34"/);
    await ok(['kpis', 'add', 'Inquiry conversion', '--role', ROLE.presale, '--target', '40', '--threshold', '10', '--weight', '25']);
    expect(await query(fx.db, "select id, removed_at from eval_kpis where name = 'Inquiry conversion' order by id")).toEqual([
      { id: 34, removed_at: NOW },
      { id: 76, removed_at: null },
    ]);
  });

  it('a KPI of several roles needs --role', async () => {
    expect(await rejects(['kpis', 'rm', 'Efficiency', '--yes'])).toMatch(/^team: KPI "Efficiency" belongs to several roles \(.+\): name one with --role\.\n$/);
    await ok(['kpis', 'rm', 'Efficiency', '--role', ROLE.presale, '--yes']);
    expect((await list('--role', ROLE.manager))[0]!.kpis.map((k) => k.name)).toContain('Efficiency');
  });

  it('a cycle opened before keeps its copy of the KPI', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    await ok(['kpis', 'rm', 'Inquiry conversion', '--yes']);
    const e = (await ok(['evals', 'show', 'wu', '--period', '2026-11', '--json'])).json<{ evaluation: { items: { name: string; kpiId: number; target: number; threshold: number; weight: number }[] } }>().evaluation;
    expect(e.items.map((i) => i.name)).toEqual(KPIS.presale.map(([n]) => n));
    expect(e.items[1]).toMatchObject({ name: 'Inquiry conversion', kpiId: 34, target: 45, threshold: 20, weight: 25 });
    // …and a value may still be recorded for it.
    await ok(['evals', 'record', 'wu', 'Inquiry conversion', '--value', '45', '--period', '2026-11']);
  });
});

describe('evals open needs each role in scope at 100', () => {
  it('after a KPI is removed: exit 2, one line, nothing written; roles out of scope still open', async () => {
    await ok(['kpis', 'rm', 'Inquiry conversion', '--yes']);
    await reject(['evals', 'open', '--period', '2026-11']);
    await reject(['evals', 'open', '--period', '2026-11', '--dept', 'Customer service']);
    expect(await query(fx.db, 'select count(*) as n from eval_cycles')).toEqual([{ n: 0 }]);
    const opened = (await ok(['evals', 'open', '--period', '2026-11', '--roles', ROLE.ops, '--json'])).json<{ added: string[] }>();
    expect(opened.added).toEqual(['li']);
  });

  // Bug: the refusal uses the message of a bad --weights flag: 'team: --weights: "{value}" totals other than 100.' (placeholder unfilled), naming neither the role nor its total.
  it('the refusal names the role and its current total', async () => {
    await ok(['kpis', 'rm', 'Inquiry conversion', '--yes']);
    const line = (await reject(['evals', 'open', '--period', '2026-11'])).stderr;
    expect(line).toContain(ROLE.presale);
    expect(line).toContain('75');
    expect(line).not.toContain('{');
  });

  it('under 100 after an edit too; back at 100 it opens', async () => {
    await ok(['kpis', 'edit', 'Efficiency', '--role', ROLE.presale, '--weight', '5']);
    await reject(['evals', 'open', '--period', '2026-11']);
    await ok(['kpis', 'add', 'Tidy desk', '--role', ROLE.presale, '--target', '100', '--threshold', '0', '--weight', '5']);
    const opened = (await ok(['evals', 'open', '--period', '2026-11', '--json'])).json<{ added: string[] }>();
    expect(opened.added).toEqual(['li', 'wu', 'zheng', 'zhou']);
    const e = (await ok(['evals', 'show', 'wu', '--json'])).json<{ evaluation: { items: { name: string; weight: number }[] } }>().evaluation;
    expect(e.items.map((i) => [i.name, i.weight]).slice(-2)).toEqual([['Efficiency', 5], ['Tidy desk', 5]]);
  });
});

describe('in Chinese', () => {
  it('--lang zh: the list\'s header and an error line', async () => {
    const head = (await ok(['--lang', 'zh', 'kpis', 'list', '--role', ROLE.presale])).stdout.split('\n')[1]!;
    for (const h of ['编号', '岗位', 'KPI', '目标', '计分', '权重', '来自目标', '数据来源']) expect(head).toContain(h);
    expect(await rejects(['--lang', 'zh', 'kpis', 'add', 'K', '--role', ROLE.presale, '--target', '1', '--threshold', '0', '--weight', '5'])).toBe(`team: ${ROLE.presale}的 KPI 权重合计将为 105，超过 100。\n`);
  });

  it('TEAM_LANG=zh does the same', async () => {
    const r = await run(fx.db, ['kpis', 'rm', 'Efficiency', '--role', ROLE.presale, '--yes'], { env: { TEAM_TODAY: TODAY, TEAM_USER: 'lead', TEAM_LANG: 'zh' } });
    expect([r.code, r.stderr]).toEqual([0, `已从${ROLE.presale}移除 KPI“Efficiency”（记录保留；已开启的考核仍含此项）。\n${ROLE.presale}的 KPI 权重合计 90/100：合计 100 才能用于考核。\n`]);
  });
});
