/** `team training courses add|list|show|edit|retire`: the catalog from flags, its rows, its views in both languages; rounds passed stay passed. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { PRESET_COURSES, ROLE, TODAY, trainingFixture } from '../fixture.js';

const fx = trainingFixture();
const { ok, reject } = fx;

/** `courses show --json` and each entry of `courses list --json`. */
interface Course {
  id: number;
  title: string;
  presetKey: string | null;
  topic: string | null;
  format: string;
  hours: number;
  trainerId: number | null;
  trainer: string | null;
  provider: string | null;
  onboarding: boolean;
  passMark: number;
  refreshMonths: number | null;
  description: string | null;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  roles: string[];
  roleIds: number[];
  assessments: string[];
  prerequisites: string[];
  prerequisiteIds: number[];
}

interface Localized {
  en: string;
  zh: string;
}
const preset = JSON.parse(readFileSync(new URL('../../../data/presets/ecommerce.json', import.meta.url), 'utf8')) as {
  roles: { key: string; name: Localized }[];
  training: { courses: { key: string; title: Localized; topic: Localized; description: Localized; format: string; hours: number; roles: string[]; onboarding: boolean; passMark: number; assessments: string[]; refreshMonths: number | null; prerequisites: string[] }[] };
};

/** The stamp of a write on TODAY (TEAM_TODAY pins noon UTC). */
const NOW = `${TODAY}T12:00:00.000Z`;
const SEED_STAMP = '2026-11-23T12:00:00.000Z';

const course = async (ref: string) => (await ok(['training', 'courses', 'show', ref, '--json'])).json<Course>();
const list = async (...args: string[]) => (await ok(['training', 'courses', 'list', '--json', ...args])).json<Course[]>();
const courseRow = async (id: number) => (await query(fx.db, 'select * from training_courses where id = ?', id))[0];
const links = async (id: number) => ({
  roles: (await query<{ role_id: number }>(fx.db, 'select role_id from training_course_roles where course_id = ? order by role_id', id)).map((r) => r.role_id),
  kinds: (await query<{ kind: string }>(fx.db, 'select kind from training_course_assessments where course_id = ? order by kind', id)).map((r) => r.kind),
  requires: (await query<{ requires_id: number }>(fx.db, 'select requires_id from training_prerequisites where course_id = ? order by requires_id', id)).map((r) => r.requires_id),
});
const roleId = async (name: string) => (await query<{ id: number }>(fx.db, 'select id from roles where name = ?', name))[0]!.id;
const item = async (id: number) => (await query(fx.db, 'select id, member_id, course_id, source, due_on, started_on, completed_on, passed_on, retake_due_on, refresh_of, dropped_on, drop_reason from training_plan_items where id = ?', id))[0];

/** Every option of `courses add`. */
const FULL = [
  '--topic', 'Sales',
  '--format', 'roleplay',
  '--hours', '2.5',
  '--trainer', 'zhou',
  '--provider', 'Acme Academy',
  '--roles', `${ROLE.presale}，${ROLE.manager}`,
  '--onboarding',
  '--pass-mark', '85',
  '--assess', 'simulation, Theory',
  '--refresh', 'quarterly',
  '--requires', 'Sales skills,Customer service basics',
  '--description', 'Scripts for big promotions',
];

describe('training courses add', () => {
  it('stores every option: the course as JSON on stdout, one line on stderr, its rows and links', async () => {
    const r = await ok(['training', 'courses', 'add', 'Promo scripts', ...FULL, '--json']);
    const [manager, presale] = [await roleId(ROLE.manager), await roleId(ROLE.presale)];
    expect(r.json<Course>()).toEqual({
      id: 23,
      title: 'Promo scripts',
      presetKey: null,
      topic: 'Sales',
      format: 'roleplay',
      hours: 2.5,
      trainerId: 1,
      trainer: 'zhou',
      provider: 'Acme Academy',
      onboarding: true,
      passMark: 85,
      refreshMonths: 3,
      description: 'Scripts for big promotions',
      retiredAt: null,
      createdAt: NOW,
      updatedAt: NOW,
      // roles in the roles' order, kinds in theory-simulation-practical order, prerequisites by title
      roles: [ROLE.manager, ROLE.presale],
      roleIds: [manager, presale].sort((a, b) => a - b),
      assessments: ['theory', 'simulation'],
      prerequisites: ['Customer service basics', 'Sales skills'],
      prerequisiteIds: [4, 5],
    });
    expect(r.stderr).toBe('Added course #23 Promo scripts (passed by theory, simulation).\n');
    expect(await courseRow(23)).toEqual({
      id: 23, title: 'Promo scripts', preset_key: null, topic: 'Sales', format: 'roleplay', hours: 2.5, trainer_id: 1, provider: 'Acme Academy', onboarding: 1,
      pass_mark: 85, refresh_months: 3, description: 'Scripts for big promotions', retired_at: null, created_at: NOW, updated_at: NOW,
    });
    expect(await links(23)).toEqual({ roles: [manager, presale].sort((a, b) => a - b), kinds: ['simulation', 'theory'], requires: [4, 5] });
  });

  it('without options: an internal one-hour course passed by completion, pass mark 60, not repeated; no JSON without --json', async () => {
    const r = await ok(['training', 'courses', 'add', '  Warehouse safety  ']);
    expect([r.stdout, r.stderr]).toEqual(['', 'Added course #23 Warehouse safety (passed by completion).\n']);
    expect(await course('Warehouse safety')).toEqual({
      id: 23, title: 'Warehouse safety', presetKey: null, topic: null, format: 'internal', hours: 1, trainerId: null, trainer: null, provider: null, onboarding: false,
      passMark: 60, refreshMonths: null, description: null, retiredAt: null, createdAt: NOW, updatedAt: NOW, roles: [], roleIds: [], assessments: [], prerequisites: [], prerequisiteIds: [],
    });
    expect(await links(23)).toEqual({ roles: [], kinds: [], requires: [] });
  });

  it('--refresh takes a word, N months or none; --no-onboarding; --assess none', async () => {
    const add = async (title: string, ...args: string[]) => (await ok(['training', 'courses', 'add', title, ...args, '--json'])).json<Course>();
    expect(await add('A', '--refresh', 'quarterly')).toMatchObject({ refreshMonths: 3 });
    expect(await add('B', '--refresh', '2m')).toMatchObject({ refreshMonths: 2 });
    expect(await add('C', '--refresh', '18 months')).toMatchObject({ refreshMonths: 18 });
    expect(await add('D', '--refresh', 'none', '--no-onboarding', '--assess', 'none')).toMatchObject({ refreshMonths: null, onboarding: false, assessments: [] });
    expect(await add('E', '--refresh', '每半年')).toMatchObject({ refreshMonths: 6 });
    expect((await query(fx.db, 'select title, refresh_months, onboarding from training_courses where id > 22 order by id'))).toEqual([
      { title: 'A', refresh_months: 3, onboarding: 0 },
      { title: 'B', refresh_months: 2, onboarding: 0 },
      { title: 'C', refresh_months: 18, onboarding: 0 },
      { title: 'D', refresh_months: null, onboarding: 0 },
      { title: 'E', refresh_months: 6, onboarding: 0 },
    ]);
  });

  it('refuses a title already taken (any case, retired courses too) and names the missing TITLE without a terminal', async () => {
    expect((await reject(['training', 'courses', 'add', 'company CULTURE'])).stderr).toBe('team: There is already a course called Company culture.\n');
    await ok(['training', 'courses', 'retire', 'Market trends and competitors']);
    expect((await reject(['training', 'courses', 'add', 'Market trends and competitors'])).stderr).toBe('team: There is already a course called Market trends and competitors.\n');
    expect((await reject(['training', 'courses', 'add', '--hours', '2'])).stderr).toBe('team: Missing TITLE (no terminal to ask on: pass them as flags).\n');
  });
});

describe('training courses list', () => {
  it('the preset: 22 courses in curriculum order, each as the preset has it (English)', async () => {
    const courses = await list();
    expect(courses).toHaveLength(PRESET_COURSES);
    const roleName = new Map(preset.roles.map((r) => [r.key, r.name.en]));
    const titleOf = new Map(preset.training.courses.map((c) => [c.key, c.title.en]));
    const KIND_ORDER = ['theory', 'simulation', 'practical'];
    preset.training.courses.forEach((p, i) => {
      const c = courses[i]!;
      expect({ ...c, roles: [...c.roles].sort() }).toEqual({
        id: i + 1,
        title: p.title.en,
        presetKey: p.key,
        topic: p.topic.en,
        format: p.format,
        hours: p.hours,
        trainerId: null,
        trainer: null,
        provider: null,
        onboarding: p.onboarding,
        passMark: p.passMark,
        refreshMonths: p.refreshMonths,
        description: p.description.en,
        retiredAt: null,
        createdAt: SEED_STAMP,
        updatedAt: SEED_STAMP,
        roles: p.roles.map((k) => roleName.get(k)!).sort(),
        roleIds: c.roleIds,
        assessments: [...p.assessments].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)),
        prerequisites: p.prerequisites.map((k) => titleOf.get(k)!).sort(),
        prerequisiteIds: p.prerequisites.map((k) => preset.training.courses.findIndex((x) => x.key === k) + 1),
      });
      expect(c.roleIds).toHaveLength(p.roles.length);
    });
  });

  it('--role: only the courses for that role', async () => {
    const expected = preset.training.courses.flatMap((c, i) => (c.roles.includes('warehouse') ? [i + 1] : []));
    expect(expected).toEqual([1, 3, 7, 22]);
    expect((await list('--role', ROLE.warehouse)).map((c) => c.id)).toEqual(expected);
    expect((await list('--role', ROLE.aftersale)).map((c) => c.title)).toEqual(preset.training.courses.filter((c) => c.roles.includes('cs-aftersale')).map((c) => c.title.en));
    expect((await reject(['training', 'courses', 'list', '--role', 'Warehouse and logistcs'])).stderr).toBe('team: No role matches "Warehouse and logistcs". Did you mean "Warehouse and logistics"?\n');
  });

  it('a retired course leaves the list; --all shows it with the day it retired', async () => {
    await ok(['training', 'courses', 'retire', 'Market trends and competitors']);
    expect((await list()).map((c) => c.id)).not.toContain(21);
    expect(await list()).toHaveLength(PRESET_COURSES - 1);
    const all = await list('--all');
    expect(all).toHaveLength(PRESET_COURSES);
    expect(all[20]).toMatchObject({ id: 21, title: 'Market trends and competitors', retiredAt: NOW });
    const table = (await ok(['training', 'courses', 'list', '--all'])).stdout;
    expect(table).toMatch(/│ Retired +│/);
    expect(table).toMatch(/│ 21 │ Market trends and .*│ 2026-12-01 │/);
    expect((await ok(['training', 'courses', 'list'])).stdout).not.toContain('Retired');
  });

  it('--format csv: a BOM, translated headers, roles in full, a retired date', async () => {
    await ok(['training', 'courses', 'add', 'Forklift', '--topic', 'Safety', '--format', 'shadowing', '--hours', '3', '--roles', ROLE.warehouse, '--assess', 'practical,theory', '--pass-mark', '90', '--refresh', '12']);
    await ok(['training', 'courses', 'retire', 'Forklift']);
    const lines = (await ok(['training', 'courses', 'list', '--all', '--role', ROLE.warehouse, '--format', 'csv'])).stdout.split('\n');
    expect(lines[0]).toBe('\uFEFFID,Course,Topic,Format,Hours,Passed by,Pass,Refresh,Onboarding,Roles,Retired');
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['1', '3', '7', '22', '23']);
    expect(lines[3]).toMatch(/^7,Order handling process,Customer service,shadowing,4,practical,85,,✓,"[^"]*Warehouse and logistics[^"]*",$/);
    expect(lines[5]).toBe('23,Forklift,Safety,shadowing,3,"theory, practical",90,every 12 months,,Warehouse and logistics,2026-12-01');
    expect(lines.at(-1)).toBe('');
  });

  it('--format md: a Markdown table', async () => {
    await ok(['training', 'courses', 'add', 'Forklift', '--roles', ROLE.warehouse, '--format', 'external', '--hours', '1.5']);
    const lines = (await ok(['training', 'courses', 'list', '--role', ROLE.warehouse, '--format', 'md'])).stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '| ID | Course | Topic | Format | Hours | Passed by | Pass | Refresh | Onboarding | Roles | Retired |',
      '| ---: | --- | --- | --- | ---: | --- | ---: | --- | --- | --- | --- |',
    ]);
    expect(lines).toHaveLength(2 + 5 + 1);
    // A course passed by completion has no pass mark to show.
    expect(lines[6]).toBe('| 23 | Forklift |  | external | 1.5 | completion |  |  |  | Warehouse and logistics |  |');
    expect(lines[5]).toMatch(/^\| 22 \| Experience-sharing session \| Company culture \| experience sharing \| 2 \| completion \| {2}\| every 3 months \| {2}\| .+ \| {2}\|$/);
  });
});

describe('training courses show', () => {
  it('in English: every field, the description below', async () => {
    await ok(['training', 'courses', 'add', 'Promo scripts', ...FULL]);
    expect((await ok(['training', 'courses', 'show', 'promo scripts'])).stdout.split('\n')).toEqual([
      'ID          #23',
      'Course      Promo scripts',
      'Topic       Sales',
      'Format      role-play',
      'Hours       2.5',
      'Trainer     zhou',
      `Roles       ${ROLE.manager}, ${ROLE.presale}`,
      'Onboarding  yes',
      'Passed by   theory, simulation',
      'Pass        85',
      'Refresh     every 3 months',
      'Requires    Customer service basics, Sales skills',
      '',
      'Covers',
      '  Scripts for big promotions',
      '',
    ]);
  });

  it('by id, by preset key, and by a part of the title only one course has', async () => {
    expect((await course('#13')).title).toBe('Conflict resolution');
    expect((await course('13')).title).toBe('Conflict resolution');
    expect((await course('conflict-resolution')).id).toBe(13);
    expect((await course('conflict')).id).toBe(13);
  });

  it('--lang zh: labels, format, kinds and refresh translated; no English left', async () => {
    await ok(['training', 'courses', 'add', '大促话术', '--topic', '销售', '--format', 'roleplay', '--hours', '2', '--onboarding', '--pass-mark', '85', '--assess', 'theory,simulation', '--refresh', '每季度', '--description', '大促期间的接待话术与催付']);
    await ok(['training', 'courses', 'add', '催付技巧', '--requires', '大促话术']);
    await ok(['training', 'courses', 'retire', '大促话术']);
    const a = (await ok(['--lang', 'zh', 'training', 'courses', 'show', '大促话术'])).stdout;
    expect(a.split('\n')).toEqual([
      '编号      #23',
      '课程      大促话术',
      '主题      销售',
      '形式      角色扮演',
      '课时      2',
      '适用岗位  ',
      '入职      是',
      '通过方式  理论、模拟',
      '及格      85',
      '复训      每 3 个月',
      '停用      2026-12-01',
      '',
      '内容',
      '  大促期间的接待话术与催付',
      '',
    ]);
    const b = (await ok(['--lang', 'zh', 'training', 'courses', 'show', '催付技巧'])).stdout;
    expect(b).toContain('形式      内训\n');
    expect(b).toContain('入职      否\n');
    expect(b).toContain('通过方式  完成即通过\n');
    expect(b).toContain('复训      不复训\n');
    expect(b).toContain('先修      大促话术\n');
    for (const out of [a, b]) expect(out).not.toMatch(/[A-Za-z]/);
  });
});

describe('training courses edit', () => {
  it('changes every field given and leaves the others; "none" clears', async () => {
    await ok(['training', 'courses', 'add', 'Promo scripts', ...FULL]);
    const r = await ok(['training', 'courses', 'edit', 'Promo scripts', '--title', 'Promotion scripts', '--topic', 'none', '--format', 'online', '--hours', '1', '--trainer', 'none', '--provider', 'none', '--roles', 'none', '--no-onboarding', '--pass-mark', '70', '--assess', 'practical', '--refresh', 'none', '--requires', 'none', '--description', 'none', '--json'], '2026-12-02');
    expect(r.json<Course>()).toEqual({
      id: 23, title: 'Promotion scripts', presetKey: null, topic: null, format: 'online', hours: 1, trainerId: null, trainer: null, provider: null, onboarding: false,
      passMark: 70, refreshMonths: null, description: null, retiredAt: null, createdAt: NOW, updatedAt: '2026-12-02T12:00:00.000Z', roles: [], roleIds: [], assessments: ['practical'], prerequisites: [], prerequisiteIds: [],
    });
    expect(r.stderr).toBe('Updated course #23 Promotion scripts.\n');
    expect(await links(23)).toEqual({ roles: [], kinds: ['practical'], requires: [] });
    expect(await courseRow(23)).toMatchObject({ title: 'Promotion scripts', topic: null, trainer_id: null, provider: null, onboarding: 0, refresh_months: null, description: null });
    // one option: the rest stays
    const again = (await ok(['training', 'courses', 'edit', '23', '--hours', '4', '--json'])).json<Course>();
    expect(again).toMatchObject({ title: 'Promotion scripts', hours: 4, format: 'online', passMark: 70, assessments: ['practical'] });
    expect((await reject(['training', 'courses', 'edit', '23'])).stderr).toBe('team: Nothing to change: pass at least one option.\n');
  });

  it('rounds already passed stay passed under a higher pass mark and a new kind', async () => {
    await ok(['training', 'assess', 'wu', 'Product knowledge', '--kind', 'theory', '--score', '85', '--date', '2026-11-30']);
    expect(await item(2)).toMatchObject({ passed_on: '2026-11-30' });
    const c = (await ok(['training', 'courses', 'edit', 'Product knowledge', '--pass-mark', '90', '--assess', 'theory,practical', '--json'])).json<Course>();
    expect(c).toMatchObject({ passMark: 90, assessments: ['theory', 'practical'] });
    expect(await item(2)).toMatchObject({ id: 2, source: 'onboarding', passed_on: '2026-11-30', completed_on: '2026-11-30', dropped_on: null });
    const [wu] = (await ok(['training', 'status', '--member', 'wu', '--json'])).json<{ current: number; items: { id: number; status: string; passedOn: string | null }[] }[]>();
    expect(wu!.current).toBe(1);
    expect(wu!.items.find((i) => i.id === 2)).toMatchObject({ status: 'passed', passedOn: '2026-11-30' });
    // the new mark counts from the next attempt: zheng's 85 is short of 90 now
    const r = await ok(['training', 'assess', 'zheng', 'Product knowledge', '--kind', 'theory', '--score', '85']);
    expect(r.stderr).toBe('zheng: Product knowledge theory 85, below the pass mark 90. Retake due 2026-12-15.\n');
  });

  it('--refresh moves the refresher rounds nobody began (month ends clamp); "none" drops them; begun ones stay', async () => {
    // zheng passes Active listening (every 3 months) on 30 November: the refresher is due 28 February
    await ok(['training', 'assess', 'zheng', 'Active listening', '--kind', 'simulation', '--score', '75', '--date', '2026-11-30']);
    // zhou passes too, then begins his refresher with a failed attempt
    await ok(['training', 'assess', 'zhou', 'Active listening', '--kind', 'simulation', '--score', '75', '--date', '2026-11-30']);
    await ok(['training', 'assess', 'zhou', 'Active listening', '--kind', 'simulation', '--score', '50', '--date', '2026-12-01']);
    const refreshers = async () => query(fx.db, "select id, member_id, due_on, refresh_of, dropped_on, drop_reason from training_plan_items where source = 'refresher' order by id");
    expect(await refreshers()).toEqual([
      { id: 9, member_id: 3, due_on: '2027-02-28', refresh_of: 8, dropped_on: null, drop_reason: null },
      { id: 11, member_id: 1, due_on: '2027-02-28', refresh_of: 10, dropped_on: null, drop_reason: null },
    ]);
    expect((await ok(['training', 'courses', 'edit', 'Active listening', '--refresh', '2m', '--json'])).json<Course>()).toMatchObject({ refreshMonths: 2 });
    expect(await refreshers()).toEqual([
      { id: 9, member_id: 3, due_on: '2027-01-30', refresh_of: 8, dropped_on: null, drop_reason: null },
      { id: 11, member_id: 1, due_on: '2027-02-28', refresh_of: 10, dropped_on: null, drop_reason: null },
    ]);
    await ok(['training', 'courses', 'edit', 'Active listening', '--refresh', 'monthly']);
    expect((await refreshers())[0]).toMatchObject({ id: 9, due_on: '2026-12-30' });
    await ok(['training', 'courses', 'edit', 'Active listening', '--refresh', 'none'], '2026-12-02');
    expect(await refreshers()).toEqual([
      { id: 9, member_id: 3, due_on: '2026-12-30', refresh_of: 8, dropped_on: '2026-12-02', drop_reason: 'no-refresh' },
      { id: 11, member_id: 1, due_on: '2027-02-28', refresh_of: 10, dropped_on: null, drop_reason: null },
    ]);
  });

  it('refuses a prerequisite loop (direct, through a chain, or itself) and a title taken', async () => {
    // Live-stream skills requires Sales skills, which requires Product knowledge
    expect((await reject(['training', 'courses', 'edit', 'Sales skills', '--requires', 'Live-stream skills'])).stderr).toBe('team: That would make a loop: Live-stream skills already requires this course (through its prerequisites).\n');
    expect((await reject(['training', 'courses', 'edit', 'Product knowledge', '--requires', 'Company culture,Live-stream skills'])).stderr).toBe('team: That would make a loop: Live-stream skills already requires this course (through its prerequisites).\n');
    expect((await reject(['training', 'courses', 'edit', 'Product knowledge', '--requires', 'Product knowledge'])).stderr).toBe('team: A course cannot require itself.\n');
    await ok(['training', 'courses', 'add', 'A']);
    await ok(['training', 'courses', 'add', 'B', '--requires', 'A']);
    await ok(['training', 'courses', 'add', 'C', '--requires', 'B']);
    expect((await reject(['training', 'courses', 'edit', 'A', '--requires', 'C'])).stderr).toBe('team: That would make a loop: C already requires this course (through its prerequisites).\n');
    expect((await reject(['training', 'courses', 'edit', 'A', '--title', 'platform RULES'])).stderr).toBe('team: There is already a course called Platform rules.\n');
    // a chain that does not come back is fine
    expect((await ok(['training', 'courses', 'edit', 'C', '--requires', 'A,B', '--json'])).json<Course>().prerequisites).toEqual(['A', 'B']);
  });
});

describe('training courses retire', () => {
  it('stamps the course, drops the refreshers nobody began, keeps the rest; a second retire is refused', async () => {
    await ok(['training', 'assess', 'zheng', 'Active listening', '--kind', 'simulation', '--score', '75', '--date', '2026-11-30']);
    await ok(['training', 'assess', 'zhou', 'Active listening', '--kind', 'simulation', '--score', '75', '--date', '2026-11-30']);
    await ok(['training', 'assess', 'zhou', 'Active listening', '--kind', 'simulation', '--score', '50', '--date', '2026-12-01']);
    const r = await ok(['training', 'courses', 'retire', 'Active listening', '--json']);
    expect(r.json<Course>()).toMatchObject({ id: 9, title: 'Active listening', retiredAt: NOW, updatedAt: NOW, refreshMonths: 3 });
    expect(r.stderr).toBe('Retired course #9 Active listening: no new plans or sessions; its history stays.\n');
    expect(await courseRow(9)).toMatchObject({ retired_at: NOW });
    expect(await item(9)).toMatchObject({ source: 'refresher', dropped_on: TODAY, drop_reason: 'retired' });
    expect(await item(11)).toMatchObject({ source: 'refresher', dropped_on: null, started_on: '2026-12-01', retake_due_on: '2026-12-15' });
    expect(await item(8)).toMatchObject({ passed_on: '2026-11-30', dropped_on: null });
    // its links stay
    expect((await links(9)).kinds).toEqual(['simulation']);
    expect((await reject(['training', 'courses', 'retire', 'active listening'])).stderr).toBe('team: Active listening is already retired.\n');
    expect((await reject(['--lang', 'zh', 'training', 'courses', 'retire', '9'])).stderr).toBe('team: Active listening 已停用。\n');
  });
});
