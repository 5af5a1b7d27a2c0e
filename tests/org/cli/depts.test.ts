/** `team depts …` end to end: the real binary on a temporary database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, expectRejected, initDb, query, run, type RunOptions, type RunResult, tempDb } from '../../helpers.js';

let t: ReturnType<typeof tempDb>;

/** Runs a command that must succeed. */
async function ok(args: readonly string[], opts?: RunOptions): Promise<RunResult> {
  const r = await run(t.db, args, opts);
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

const deptRow = async (name: string) => (await query<{ id: number; name: string; description: string | null; preset_key: string | null }>(t.db, 'select id, name, description, preset_key from departments where name = ?', name))[0];

beforeEach(async () => {
  t = tempDb();
  await initDb(t.db);
});
afterEach(() => t.cleanup());

describe('team depts add', () => {
  it('adds a department from flags and prints it as JSON on stdout, the message on stderr', async () => {
    const r = await ok(['depts', 'add', '直播部', '--description', '抖音和淘宝直播', '--json']);
    expect(r.json()).toEqual({ id: 7, name: '直播部', presetKey: null, description: '抖音和淘宝直播', roleCount: 0, memberCount: 0 });
    expect(r.stderr).toBe('Added department 直播部.\n');
    expect(await deptRow('直播部')).toEqual({ id: 7, name: '直播部', description: '抖音和淘宝直播', preset_key: null });
  });

  it('prints nothing on stdout without --json, and trims the name', async () => {
    const r = await ok(['depts', 'add', '  Livestream  ']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Added department Livestream.\n');
    expect(await deptRow('Livestream')).toEqual({ id: 7, name: 'Livestream', description: null, preset_key: null });
  });

  it('without a terminal, names the missing NAME (exit 2, nothing written)', async () => {
    const r = await expectRejected(t.db, ['depts', 'add']);
    expect(r.stderr).toBe('team: Missing NAME (no terminal to ask on: pass them as flags).\n');
    expect(r.stdout).toBe('');
  });

  it('refuses a duplicate name', async () => {
    const r = await expectRejected(t.db, ['depts', 'add', 'Operations', '--description', 'again']);
    expect(r.stderr).toBe('team: A department named "Operations" already exists.\n');
  });

  it('refuses a blank name', async () => {
    const r = await expectRejected(t.db, ['depts', 'add', '   ']);
    expect(r.stderr).toMatch(/must not be empty\.\n$/);
  });

  // Bug: the positional NAME is reported as a flag (--name) that `depts add` does not even accept.
  it('names the NAME argument, not a --name flag, when the name is empty', async () => {
    const r = await expectRejected(t.db, ['depts', 'add', '']);
    expect(r.stderr).toBe('team: NAME must not be empty.\n');
  });
});

describe('team depts list', () => {
  it('--json gives every preset department with its counts, in id order', async () => {
    await ok(['members', 'add', 'li.na', '--name', '李娜', '--role', 'Customer service manager']);
    await ok(['members', 'add', 'old.hand', '--name', 'Old Hand', '--role', 'Customer service assistant']);
    await ok(['members', 'archive', 'old.hand']);
    const depts = (await ok(['depts', 'list', '--json'])).json<Record<string, unknown>[]>();
    expect(depts.map((d) => Object.keys(d))).toEqual(Array(6).fill(['id', 'name', 'presetKey', 'description', 'roleCount', 'memberCount']));
    expect(depts.map(({ id, name, presetKey, roleCount, memberCount }) => [id, name, presetKey, roleCount, memberCount])).toEqual([
      [1, 'Operations', 'ops', 2, 0],
      [2, 'Design', 'design', 1, 0],
      [3, 'Customer service', 'cs', 6, 1], // the archived member is not counted
      [4, 'Logistics', 'logistics', 1, 0],
      [5, 'Marketing', 'marketing', 2, 0],
      [6, 'Data', 'data', 1, 0],
    ]);
    expect(depts[1]!.description).toBe('Designs the home page and product-detail pages and handles images; it is the face of the shop.');
  });

  it('--json on an empty database is [] and the table says so on stderr', async () => {
    const e = tempDb();
    try {
      expect((await run(e.db, ['init', '--preset', 'blank'])).code).toBe(0);
      const json = await run(e.db, ['depts', 'list', '--json']);
      expect([json.code, json.stdout]).toEqual([0, '[]\n']);
      const table = await run(e.db, ['depts', 'list']);
      expect([table.code, table.stdout, table.stderr]).toEqual([0, '', 'Nothing to show.\n']);
    } finally {
      await e.cleanup();
    }
  });

  it('prints a bordered table by default', async () => {
    const lines = (await ok(['depts', 'list'])).stdout.split('\n');
    expect(lines[1]).toBe('│ ID │ Name             │ Roles │ Members │ Description                              │');
    expect(lines[3]).toBe('│  1 │ Operations       │     2 │       0 │ The core department of the shop: it runs │');
  });

  it('--format csv starts with a BOM and translated headers, and defuses formulas', async () => {
    await ok(['depts', 'add', '=SUM(A1)', '--description', 'a|b']);
    const en = (await ok(['depts', 'list', '--format', 'csv'])).stdout;
    expect(en.startsWith('\uFEFFID,Name,Roles,Members,Description\n')).toBe(true);
    const lines = en.split('\n');
    expect(lines[2]).toBe('2,Design,1,0,Designs the home page and product-detail pages and handles images; it is the face of the shop.');
    expect(lines[7]).toBe("7,'=SUM(A1),0,0,a|b");
    expect(lines).toHaveLength(9); // header, 7 rows, final newline
    const zh = (await ok(['--lang', 'zh', 'depts', 'list', '--format', 'csv'])).stdout;
    expect(zh.split('\n')[0]).toBe('\uFEFF编号,名称,岗位,成员,说明');
  });

  it('--format md prints a Markdown table with escaped pipes', async () => {
    await ok(['depts', 'add', 'Live', '--description', 'a|b']);
    const lines = (await ok(['depts', 'list', '--format', 'md'])).stdout.split('\n');
    expect(lines[0]).toBe('| ID | Name | Roles | Members | Description |');
    expect(lines[1]).toBe('| ---: | --- | ---: | ---: | --- |');
    expect(lines[8]).toBe('| 7 | Live | 0 | 0 | a\\|b |');
  });

  it('--format bogus is a usage error', async () => {
    const r = await expectRejected(t.db, ['depts', 'list', '--format', 'bogus']);
    expect(r.stderr).toBe('team: Unknown format "bogus": use table, json, csv or md.\n');
    expect(r.stdout).toBe('');
  });
});

describe('team depts show', () => {
  it('--json gives the department with its roles and members', async () => {
    await ok(['members', 'add', 'zhou.yang', '--name', '周洋', '--role', 'Customer service manager', '--shift', 'day']);
    await ok(['members', 'add', 'wu.xue', '--name', '吴雪', '--role', 'Customer service specialist (pre-sale)', '--status', 'probation']);
    const d = (await ok(['depts', 'show', 'Customer service', '--json'])).json<Record<string, unknown>>();
    expect(Object.keys(d)).toEqual(['id', 'name', 'presetKey', 'description', 'roleCount', 'memberCount', 'roles', 'members']);
    expect(d).toMatchObject({ id: 3, name: 'Customer service', presetKey: 'cs', roleCount: 6, memberCount: 2 });
    expect(d.roles).toEqual([
      { id: 3, name: 'Customer service manager', reportsTo: 'E-commerce director', memberCount: 1 },
      { id: 9, name: 'Customer service specialist (pre-sale)', reportsTo: 'Customer service manager', memberCount: 1 },
      { id: 10, name: 'Customer service specialist (after-sale)', reportsTo: 'Customer service manager', memberCount: 0 },
      { id: 11, name: 'Customer service assistant', reportsTo: 'Customer service manager', memberCount: 0 },
      { id: 12, name: 'Customer relationship manager', reportsTo: 'Customer service manager', memberCount: 0 },
      { id: 13, name: 'Technical support', reportsTo: 'Customer service manager', memberCount: 0 },
    ]);
    expect(d.members).toEqual([
      { handle: 'wu.xue', name: '吴雪', role: 'Customer service specialist (pre-sale)', shift: null, status: 'probation' },
      { handle: 'zhou.yang', name: '周洋', role: 'Customer service manager', shift: 'day', status: 'active' },
    ]);
  });

  it('finds a department by id or preset key as well as by name', async () => {
    expect((await ok(['depts', 'show', '6', '--json'])).json()).toMatchObject({ name: 'Data' });
    expect((await ok(['depts', 'show', 'logistics', '--json'])).json()).toMatchObject({ name: 'Logistics' });
  });

  it('prints fields and tables for people', async () => {
    const out = (await ok(['depts', 'show', 'Data'])).stdout;
    expect(out.split('\n').slice(0, 2)).toEqual(['ID           6', 'Name         Data']);
    expect(out).toContain('│ Data analyst │ E-commerce director │       0 │');
  });
});

describe('unknown departments', () => {
  it('suggests the closest name', async () => {
    for (const args of [['depts', 'show', 'Custmer service'], ['depts', 'edit', 'Custmer service', '--name', 'CS'], ['depts', 'rm', 'Custmer service', '--yes'], ['roles', 'list', '--dept', 'Custmer service'], ['members', 'list', '--dept', 'Custmer service']]) {
      const r = await expectRejected(t.db, args);
      expect(r.stderr, args.join(' ')).toBe('team: No department matches "Custmer service". Did you mean "Customer service"?\n');
    }
  });

  it('suggests nothing when nothing is close', async () => {
    const r = await expectRejected(t.db, ['depts', 'show', 'xyzzy']);
    expect(r.stderr).toBe('team: No department matches "xyzzy".\n');
  });
});

describe('team depts edit', () => {
  it('renames a department; its roles follow', async () => {
    const r = await ok(['depts', 'edit', 'Customer service', '--name', 'Customer care', '--json']);
    expect(r.json()).toMatchObject({ id: 3, name: 'Customer care', presetKey: 'cs', roleCount: 6 });
    expect(r.stderr).toBe('Updated department Customer care.\n');
    expect(await query(t.db, 'select name from departments where id = 3')).toEqual([{ name: 'Customer care' }]);
    expect((await ok(['roles', 'show', 'Customer service manager', '--json'])).json()).toMatchObject({ department: 'Customer care' });
  });

  it('changes only the description when that is all it is given', async () => {
    await ok(['depts', 'edit', 'Data', '--description', 'Numbers']);
    expect(await deptRow('Data')).toEqual({ id: 6, name: 'Data', description: 'Numbers', preset_key: 'data' });
  });

  it('with nothing to change is a usage error', async () => {
    const r = await expectRejected(t.db, ['depts', 'edit', 'Data']);
    expect(r.stderr).toBe('team: Nothing to change: pass at least one option.\n');
  });

  it('refuses a name another department has', async () => {
    const r = await expectRejected(t.db, ['depts', 'edit', 'Data', '--name', 'Design']);
    expect(r.stderr).toBe('team: A department named "Design" already exists.\n');
  });
});

describe('team depts rm', () => {
  beforeEach(async () => {
    await ok(['depts', 'add', 'Livestream']);
  });

  it('removes an empty department with --yes', async () => {
    const r = await ok(['depts', 'rm', 'Livestream', '--yes']);
    expect(r.stderr).toBe('Removed department Livestream.\n');
    expect(r.stdout).toBe('');
    expect(await deptRow('Livestream')).toBeUndefined();
    expect(await query(t.db, 'select count(*) as n from departments')).toEqual([{ n: 6 }]);
  });

  it('without --yes and without a terminal asks for --yes and changes nothing', async () => {
    const r = await expectRejected(t.db, ['depts', 'rm', 'Livestream']);
    expect(r.stderr).toBe('team: This removes data: pass --yes to confirm (no terminal to ask on).\n');
    expect(await deptRow('Livestream')).toBeDefined();
  });

  it('refuses a department that still has roles', async () => {
    const before = await dumpDb(t.db);
    const r = await expectRejected(t.db, ['depts', 'rm', 'Operations', '--yes']);
    expect(r.stderr).toBe('team: Department Operations still has roles (2) or members, archived ones included (0); move them first.\n');
    expect(await dumpDb(t.db)).toEqual(before);
  });

  it('refuses a department that only archived members belong to (their history points at it)', async () => {
    await ok(['members', 'add', 'a.b', '--name', 'A B', '--dept', 'Livestream', '--role', 'none']);
    await ok(['members', 'archive', 'a.b']);
    await expectRejected(t.db, ['depts', 'rm', 'Livestream', '--yes']);
    expect(await deptRow('Livestream')).toBeDefined();
  });
});
