/** `team roles …` and `team roles duties …` end to end: the real binary on a temporary database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, expectRejected, initDb, query, run, type RunOptions, type RunResult, tempDb } from '../../helpers.js';

let t: ReturnType<typeof tempDb>;

async function ok(args: readonly string[], opts?: RunOptions): Promise<RunResult> {
  const r = await run(t.db, args, opts);
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

const SV = 'Short video';

/** The duties of a role as stored: position and text, in position order. */
async function duties(role: string): Promise<{ position: number; text: string }[]> {
  return query<{ position: number; text: string }>(t.db, 'select d.position, d.text from role_duties d join roles r on r.id = d.role_id where r.name = ? order by d.position', role);
}

async function roleRow(name: string) {
  return (await query<{ id: number; department_id: number | null; reports_to_role_id: number | null; description: string | null; workflow: string | null }>(
    t.db,
    'select id, department_id, reports_to_role_id, description, workflow from roles where name = ?',
    name,
  ))[0];
}

beforeEach(async () => {
  t = tempDb();
  await initDb(t.db);
});
afterEach(() => t.cleanup());

/** Adds the role "Short video" (Marketing, reports to Operations manager) with three duties. */
async function addShortVideo(): Promise<void> {
  await ok(['roles', 'add', SV, '--dept', 'Marketing', '--reports-to', 'Operations manager', '--duty', 'Plan three videos a week', '--duty', 'Edit clips', '--duty', 'Track views']);
}

describe('team roles add', () => {
  it('adds a role with --dept, --reports-to and repeated --duty, in order', async () => {
    const r = await ok(['roles', 'add', SV, '--dept', 'Marketing', '--reports-to', 'Operations manager', '--duty', 'Plan three videos a week', '--duty', 'Track views', '--description', 'Douyin clips', '--workflow', 'Plan, shoot, post', '--json']);
    expect(r.json()).toEqual({
      id: 15,
      name: SV,
      presetKey: null,
      departmentId: 5,
      department: 'Marketing',
      reportsToId: 2,
      reportsTo: 'Operations manager',
      description: 'Douyin clips',
      workflow: 'Plan, shoot, post',
      dutyCount: 2,
      memberCount: 0,
      duties: ['Plan three videos a week', 'Track views'],
      holders: [],
      reportingRoles: [],
    });
    expect(r.stderr).toBe('Added role Short video.\n');
    expect(await roleRow(SV)).toEqual({ id: 15, department_id: 5, reports_to_role_id: 2, description: 'Douyin clips', workflow: 'Plan, shoot, post' });
    expect(await duties(SV)).toEqual([
      { position: 1, text: 'Plan three videos a week' },
      { position: 2, text: 'Track views' },
    ]);
  });

  it('adds a bare role with no department, line or duties', async () => {
    const r = await ok(['roles', 'add', 'Intern', '--json']);
    expect(r.json()).toMatchObject({ id: 15, departmentId: null, reportsToId: null, dutyCount: 0, duties: [] });
  });

  it('without a terminal names the missing NAME', async () => {
    const r = await expectRejected(t.db, ['roles', 'add', '--dept', 'Marketing']);
    expect(r.stderr).toBe('team: Missing NAME (no terminal to ask on: pass them as flags).\n');
  });

  it('refuses a duplicate name, an empty duty, an unknown department or line (with suggestions)', async () => {
    expect((await expectRejected(t.db, ['roles', 'add', 'Data analyst'])).stderr).toBe('team: A role named "Data analyst" already exists.\n');
    expect((await expectRejected(t.db, ['roles', 'add', SV, '--duty', 'ok', '--duty', ' '])).stderr).toBe('team: --duty must not be empty.\n');
    expect((await expectRejected(t.db, ['roles', 'add', SV, '--dept', 'Marketting'])).stderr).toBe('team: No department matches "Marketting". Did you mean "Marketing"?\n');
    expect((await expectRejected(t.db, ['roles', 'add', SV, '--reports-to', 'Operation manager'])).stderr).toBe('team: No role matches "Operation manager". Did you mean "Operations manager"?\n');
  });
});

describe('team roles list', () => {
  it('--json lists every role: roles without a department first, then by department', async () => {
    const roles = (await ok(['roles', 'list', '--json'])).json<{ name: string }[]>();
    expect(roles.map((r) => r.name)).toEqual([
      'E-commerce director',
      'Operations manager',
      'Product manager',
      'Visual designer',
      'Customer service manager',
      'Customer service specialist (pre-sale)',
      'Customer service specialist (after-sale)',
      'Customer service assistant',
      'Customer relationship manager',
      'Technical support',
      'Warehouse and logistics',
      'Marketing specialist',
      'Live-stream host',
      'Data analyst',
    ]);
  });

  it('--dept filters, and each row has the stable fields', async () => {
    await addShortVideo();
    await ok(['members', 'add', 'sun.li', '--name', '孙丽', '--role', 'Live-stream host']);
    const roles = (await ok(['roles', 'list', '--dept', 'Marketing', '--json'])).json<Record<string, unknown>[]>();
    expect(roles.map((r) => Object.keys(r))).toEqual(
      Array(3).fill(['id', 'name', 'presetKey', 'departmentId', 'department', 'reportsToId', 'reportsTo', 'description', 'workflow', 'dutyCount', 'memberCount']),
    );
    expect(roles.map(({ id, name, presetKey, departmentId, department, reportsToId, reportsTo, dutyCount, memberCount }) => ({ id, name, presetKey, departmentId, department, reportsToId, reportsTo, dutyCount, memberCount }))).toEqual([
      { id: 6, name: 'Marketing specialist', presetKey: 'marketing-specialist', departmentId: 5, department: 'Marketing', reportsToId: 2, reportsTo: 'Operations manager', dutyCount: 5, memberCount: 0 },
      { id: 7, name: 'Live-stream host', presetKey: 'live-host', departmentId: 5, department: 'Marketing', reportsToId: 2, reportsTo: 'Operations manager', dutyCount: 5, memberCount: 1 },
      { id: 15, name: SV, presetKey: null, departmentId: 5, department: 'Marketing', reportsToId: 2, reportsTo: 'Operations manager', dutyCount: 3, memberCount: 0 },
    ]);
  });

  it('prints a table by default and CSV with translated headers', async () => {
    const table = (await ok(['roles', 'list', '--dept', 'Data'])).stdout.split('\n');
    expect(table[1]).toBe('│ ID │ Role         │ Department │ Reports to          │ Duties │ Members │');
    expect(table[3]).toBe('│  5 │ Data analyst │ Data       │ E-commerce director │      5 │       0 │');
    expect((await ok(['roles', 'list', '--dept', 'Data', '--format', 'csv'])).stdout).toBe('\uFEFFID,Role,Department,Reports to,Duties,Members\n5,Data analyst,Data,E-commerce director,5,0\n');
  });
});

describe('team roles show', () => {
  it('--json gives duties in order, holders and the roles reporting to it', async () => {
    await addShortVideo();
    await ok(['members', 'add', 'a.one', '--name', 'A One', '--role', SV]);
    await ok(['members', 'add', 'b.two', '--name', '贝二', '--role', SV]);
    await ok(['roles', 'add', 'Video editor', '--reports-to', SV]);
    const r = (await ok(['roles', 'show', SV, '--json'])).json();
    expect(r).toEqual({
      id: 15,
      name: SV,
      presetKey: null,
      departmentId: 5,
      department: 'Marketing',
      reportsToId: 2,
      reportsTo: 'Operations manager',
      description: null,
      workflow: null,
      dutyCount: 3,
      memberCount: 2,
      duties: ['Plan three videos a week', 'Edit clips', 'Track views'],
      holders: [
        { handle: 'a.one', name: 'A One' },
        { handle: 'b.two', name: '贝二' },
      ],
      reportingRoles: ['Video editor'],
    });
  });

  it('lists the preset roles that report to a manager role, in id order', async () => {
    const r = (await ok(['roles', 'show', 'Customer service manager', '--json'])).json<{ reportingRoles: string[]; duties: string[] }>();
    expect(r.reportingRoles).toEqual(['Customer service specialist (pre-sale)', 'Customer service specialist (after-sale)', 'Customer service assistant', 'Customer relationship manager', 'Technical support']);
    expect(r.duties).toHaveLength(6);
  });

  it('prints fields and a numbered duty table for people', async () => {
    await addShortVideo();
    const out = (await ok(['roles', 'show', SV])).stdout.split('\n');
    expect(out.slice(0, 4)).toEqual(['ID           15', 'Role         Short video', 'Department   Marketing', 'Reports to   Operations manager']);
    expect(out).toContain('│ 2 │ Edit clips               │');
  });

  it('suggests the closest role for a typo', async () => {
    expect((await expectRejected(t.db, ['roles', 'show', 'Data analist'])).stderr).toBe('team: No role matches "Data analist". Did you mean "Data analyst"?\n');
  });
});

describe('team roles edit', () => {
  beforeEach(addShortVideo);

  it('refuses a reporting line that would make a loop, and changes nothing', async () => {
    const r = await expectRejected(t.db, ['roles', 'edit', 'E-commerce director', '--reports-to', SV]);
    expect(r.stderr).toBe('team: Role E-commerce director cannot report to Short video: that would make a reporting loop.\n');
    expect((await roleRow('E-commerce director'))!.reports_to_role_id).toBeNull();
  });

  it('refuses a role reporting to itself', async () => {
    const r = await expectRejected(t.db, ['roles', 'edit', SV, '--reports-to', SV]);
    expect(r.stderr).toBe('team: Role Short video cannot report to Short video: that would make a reporting loop.\n');
  });

  it('--reports-to none clears the line', async () => {
    const r = await ok(['roles', 'edit', SV, '--reports-to', 'none', '--json']);
    expect(r.json()).toMatchObject({ reportsToId: null, reportsTo: null });
    expect(r.stderr).toBe('Updated role Short video.\n');
    expect((await roleRow(SV))!.reports_to_role_id).toBeNull();
  });

  it('renames, moves to another department and changes the line in one go', async () => {
    await ok(['roles', 'edit', SV, '--name', 'Short-video operator', '--dept', 'Operations', '--reports-to', 'Product manager']);
    expect(await roleRow('Short-video operator')).toMatchObject({ id: 15, department_id: 1, reports_to_role_id: 14 });
    expect(await roleRow(SV)).toBeUndefined();
    expect(await duties('Short-video operator')).toHaveLength(3);
  });

  it('--dept none takes the role out of its department', async () => {
    await ok(['roles', 'edit', SV, '--dept', 'none']);
    expect((await roleRow(SV))!.department_id).toBeNull();
  });

  it('with nothing to change, or a taken name, is a usage error', async () => {
    expect((await expectRejected(t.db, ['roles', 'edit', SV])).stderr).toBe('team: Nothing to change: pass at least one option.\n');
    expect((await expectRejected(t.db, ['roles', 'edit', SV, '--name', 'Data analyst'])).stderr).toBe('team: A role named "Data analyst" already exists.\n');
  });
});

describe('team roles rm', () => {
  beforeEach(addShortVideo);

  it('removes a free role with --yes, with its duties', async () => {
    const r = await ok(['roles', 'rm', SV, '--yes']);
    expect(r.stderr).toBe('Removed role Short video.\n');
    expect(await roleRow(SV)).toBeUndefined();
    expect(await query(t.db, 'select count(*) as n from role_duties where role_id = 15')).toEqual([{ n: 0 }]);
    expect(await query(t.db, 'select count(*) as n from roles')).toEqual([{ n: 14 }]);
  });

  it('without --yes and no terminal asks for --yes', async () => {
    const r = await expectRejected(t.db, ['roles', 'rm', SV]);
    expect(r.stderr).toBe('team: This removes data: pass --yes to confirm (no terminal to ask on).\n');
  });

  it('refuses a role members hold', async () => {
    await ok(['members', 'add', 'a.one', '--name', 'A One', '--role', SV]);
    await ok(['members', 'add', 'b.two', '--name', 'B Two', '--role', SV]);
    const r = await expectRejected(t.db, ['roles', 'rm', SV, '--yes']);
    expect(r.stderr).toBe('team: Role Short video is held by members, archived ones included (2); give them another role first.\n');
  });

  it('refuses a role that only an archived member held (history keeps it)', async () => {
    await ok(['members', 'add', 'a.one', '--name', 'A One', '--role', SV]);
    await ok(['members', 'archive', 'a.one']);
    await expectRejected(t.db, ['roles', 'rm', SV, '--yes']);
    expect(await duties(SV)).toHaveLength(3);
  });

  it('refuses a role other roles report to', async () => {
    const before = await dumpDb(t.db);
    const r = await expectRejected(t.db, ['roles', 'rm', 'Operations manager', '--yes']);
    expect(r.stderr).toBe('team: Roles report to Operations manager (Marketing specialist, Live-stream host, Visual designer, Product manager, Short video); change their reporting line first.\n');
    expect(await dumpDb(t.db)).toEqual(before);
  });
});

describe('team roles duties', () => {
  beforeEach(addShortVideo);

  it('add appends at the end by default', async () => {
    const r = await ok(['roles', 'duties', 'add', SV, 'Reply to comments', '--json']);
    expect(r.stderr).toBe('Added duty 4 to Short video.\n');
    expect(r.json<{ duties: string[] }>().duties).toEqual(['Plan three videos a week', 'Edit clips', 'Track views', 'Reply to comments']);
    expect((await duties(SV)).at(-1)).toEqual({ position: 4, text: 'Reply to comments' });
  });

  it('add --at 1 puts it first and shifts the others down', async () => {
    const r = await ok(['roles', 'duties', 'add', SV, 'Pick trending topics', '--at', '1']);
    expect(r.stderr).toBe('Added duty 1 to Short video.\n');
    expect(await duties(SV)).toEqual([
      { position: 1, text: 'Pick trending topics' },
      { position: 2, text: 'Plan three videos a week' },
      { position: 3, text: 'Edit clips' },
      { position: 4, text: 'Track views' },
    ]);
  });

  it('add --at one past the end is the end', async () => {
    await ok(['roles', 'duties', 'add', SV, 'Last', '--at', '4']);
    expect((await duties(SV)).map((d) => d.text)).toEqual(['Plan three videos a week', 'Edit clips', 'Track views', 'Last']);
  });

  it('rm without --yes and without a terminal removes nothing and asks for --yes', async () => {
    expect((await expectRejected(t.db, ['roles', 'duties', 'rm', SV, '2'])).stderr).toBe('team: This removes data: pass --yes to confirm (no terminal to ask on).\n');
  });

  it('rm removes duty N and renumbers', async () => {
    const r = await ok(['roles', 'duties', 'rm', SV, '2', '--yes', '--json']);
    expect(r.stderr).toBe('Removed duty 2 from Short video.\n');
    expect(r.json<{ duties: string[] }>().duties).toEqual(['Plan three videos a week', 'Track views']);
    expect(await duties(SV)).toEqual([
      { position: 1, text: 'Plan three videos a week' },
      { position: 2, text: 'Track views' },
    ]);
  });

  it('move FROM TO reorders the stored positions', async () => {
    const r = await ok(['roles', 'duties', 'move', SV, '3', '1']);
    expect(r.stderr).toBe('Moved duty 3 to 1 in Short video.\n');
    expect(await duties(SV)).toEqual([
      { position: 1, text: 'Track views' },
      { position: 2, text: 'Plan three videos a week' },
      { position: 3, text: 'Edit clips' },
    ]);
    await ok(['roles', 'duties', 'move', SV, '1', '3']);
    expect((await duties(SV)).map((d) => d.text)).toEqual(['Plan three videos a week', 'Edit clips', 'Track views']);
  });

  it('refuses position 0', async () => {
    expect((await expectRejected(t.db, ['roles', 'duties', 'add', SV, 'X', '--at', '0'])).stderr).toBe('team: --at must be a whole number from 1 (got "0").\n');
    expect((await expectRejected(t.db, ['roles', 'duties', 'rm', SV, '0'])).stderr).toBe('team: N must be a whole number from 1 (got "0").\n');
    expect((await expectRejected(t.db, ['roles', 'duties', 'move', SV, '0', '1'])).stderr).toBe('team: FROM must be a whole number from 1 (got "0").\n');
    expect((await expectRejected(t.db, ['roles', 'duties', 'move', SV, '1', '0'])).stderr).toBe('team: TO must be a whole number from 1 (got "0").\n');
  });

  it('refuses positions past the end', async () => {
    expect((await expectRejected(t.db, ['roles', 'duties', 'add', SV, 'X', '--at', '5'])).stderr).toBe('team: No duty number 5 in Short video (it has 3).\n');
    expect((await expectRejected(t.db, ['roles', 'duties', 'rm', SV, '4'])).stderr).toBe('team: No duty number 4 in Short video (it has 3).\n');
    expect((await expectRejected(t.db, ['roles', 'duties', 'move', SV, '1', '9'])).stderr).toBe('team: No duty number 9 in Short video (it has 3).\n');
  });

  it('refuses positions that are not whole numbers (exit 2, one line, nothing written)', async () => {
    for (const args of [
      ['roles', 'duties', 'add', SV, 'X', '--at', 'abc'],
      ['roles', 'duties', 'add', SV, 'X', '--at', '1.5'],
      ['roles', 'duties', 'rm', SV, 'two'],
      ['roles', 'duties', 'move', SV, 'x', '1'],
      ['roles', 'duties', 'move', SV, '1', '-1'],
    ]) {
      await expectRejected(t.db, args);
    }
  });

  // Bug: zod's English leaks through ("Invalid --at: Invalid input: expected number, received NaN"), in Chinese too.
  it('says what a position must be when it is not a number', async () => {
    expect((await expectRejected(t.db, ['roles', 'duties', 'add', SV, 'X', '--at', 'abc'])).stderr).toBe('team: --at must be a whole number from 1 (got "abc").\n');
    expect((await expectRejected(t.db, ['roles', 'duties', 'rm', SV, 'two'])).stderr).toBe('team: N must be a whole number from 1 (got "two").\n');
    expect((await expectRejected(t.db, ['roles', 'duties', 'move', SV, '1.5', '1'])).stderr).toBe('team: FROM must be a whole number from 1 (got "1.5").\n');
  });

  // Bug: Number() coercion accepts hex and exponent forms, so "0x2" silently means 2.
  it('refuses hexadecimal or exponent positions', async () => {
    await expectRejected(t.db, ['roles', 'duties', 'rm', SV, '0x2']);
    await expectRejected(t.db, ['roles', 'duties', 'add', SV, 'X', '--at', '1e0']);
  });

  it('refuses empty duty text', async () => {
    expect((await expectRejected(t.db, ['roles', 'duties', 'add', SV, '  '])).stderr).toBe('team: TEXT must not be empty.\n');
  });
});
