/** `team depts …` end to end: the real binary on a temporary database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, expectRejected, query, run, tempDb, type RunOptions, type RunResult } from '../../helpers.js';

let t: ReturnType<typeof tempDb>;

/** Runs a command that must succeed. */
function ok(args: readonly string[], opts?: RunOptions): RunResult {
  const r = run(t.db, args, opts);
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

const deptRow = (name: string) => query<{ id: number; name: string; description: string | null; preset_key: string | null }>(t.db, 'select id, name, description, preset_key from departments where name = ?', name)[0];

beforeEach(() => {
  t = tempDb();
  ok(['init']);
});
afterEach(() => t.cleanup());

describe('team depts add', () => {
  it('adds a department from flags and prints it as JSON on stdout, the message on stderr', () => {
    const r = ok(['depts', 'add', '直播部', '--description', '抖音和淘宝直播', '--json']);
    expect(r.json()).toEqual({ id: 7, name: '直播部', presetKey: null, description: '抖音和淘宝直播', roleCount: 0, memberCount: 0 });
    expect(r.stderr).toBe('Added department 直播部.\n');
    expect(deptRow('直播部')).toEqual({ id: 7, name: '直播部', description: '抖音和淘宝直播', preset_key: null });
  });

  it('prints nothing on stdout without --json, and trims the name', () => {
    const r = ok(['depts', 'add', '  Livestream  ']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Added department Livestream.\n');
    expect(deptRow('Livestream')).toEqual({ id: 7, name: 'Livestream', description: null, preset_key: null });
  });

  it('without a terminal, names the missing NAME (exit 2, nothing written)', () => {
    const r = expectRejected(t.db, ['depts', 'add']);
    expect(r.stderr).toBe('team: Missing NAME (no terminal to ask on: pass them as flags).\n');
    expect(r.stdout).toBe('');
  });

  it('refuses a duplicate name', () => {
    const r = expectRejected(t.db, ['depts', 'add', 'Operations', '--description', 'again']);
    expect(r.stderr).toBe('team: A department named "Operations" already exists.\n');
  });

  it('refuses a blank name', () => {
    const r = expectRejected(t.db, ['depts', 'add', '   ']);
    expect(r.stderr).toMatch(/must not be empty\.\n$/);
  });

  // Bug: the positional NAME is reported as a flag (--name) that `depts add` does not even accept.
  it('names the NAME argument, not a --name flag, when the name is empty', () => {
    const r = expectRejected(t.db, ['depts', 'add', '']);
    expect(r.stderr).toBe('team: NAME must not be empty.\n');
  });
});

describe('team depts list', () => {
  it('--json gives every preset department with its counts, in id order', () => {
    ok(['members', 'add', 'li.na', '--name', '李娜', '--role', 'Customer service manager']);
    ok(['members', 'add', 'old.hand', '--name', 'Old Hand', '--role', 'Customer service assistant']);
    ok(['members', 'archive', 'old.hand']);
    const depts = ok(['depts', 'list', '--json']).json<Record<string, unknown>[]>();
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

  it('--json on an empty database is [] and the table says so on stderr', () => {
    const e = tempDb();
    try {
      expect(run(e.db, ['init', '--preset', 'blank']).code).toBe(0);
      const json = run(e.db, ['depts', 'list', '--json']);
      expect([json.code, json.stdout]).toEqual([0, '[]\n']);
      const table = run(e.db, ['depts', 'list']);
      expect([table.code, table.stdout, table.stderr]).toEqual([0, '', 'Nothing to show.\n']);
    } finally {
      e.cleanup();
    }
  });

  it('prints a bordered table by default', () => {
    const lines = ok(['depts', 'list']).stdout.split('\n');
    expect(lines[1]).toBe('│ ID │ Name             │ Roles │ Members │ Description                              │');
    expect(lines[3]).toBe('│  1 │ Operations       │     2 │       0 │ The core department of the shop: it runs │');
  });

  it('--format csv starts with a BOM and translated headers, and defuses formulas', () => {
    ok(['depts', 'add', '=SUM(A1)', '--description', 'a|b']);
    const en = ok(['depts', 'list', '--format', 'csv']).stdout;
    expect(en.startsWith('\uFEFFID,Name,Roles,Members,Description\n')).toBe(true);
    const lines = en.split('\n');
    expect(lines[2]).toBe('2,Design,1,0,Designs the home page and product-detail pages and handles images; it is the face of the shop.');
    expect(lines[7]).toBe("7,'=SUM(A1),0,0,a|b");
    expect(lines).toHaveLength(9); // header, 7 rows, final newline
    const zh = ok(['--lang', 'zh', 'depts', 'list', '--format', 'csv']).stdout;
    expect(zh.split('\n')[0]).toBe('\uFEFF编号,名称,岗位,成员,说明');
  });

  it('--format md prints a Markdown table with escaped pipes', () => {
    ok(['depts', 'add', 'Live', '--description', 'a|b']);
    const lines = ok(['depts', 'list', '--format', 'md']).stdout.split('\n');
    expect(lines[0]).toBe('| ID | Name | Roles | Members | Description |');
    expect(lines[1]).toBe('| ---: | --- | ---: | ---: | --- |');
    expect(lines[8]).toBe('| 7 | Live | 0 | 0 | a\\|b |');
  });

  it('--format bogus is a usage error', () => {
    const r = expectRejected(t.db, ['depts', 'list', '--format', 'bogus']);
    expect(r.stderr).toBe('team: Unknown format "bogus": use table, json, csv or md.\n');
    expect(r.stdout).toBe('');
  });
});

describe('team depts show', () => {
  it('--json gives the department with its roles and members', () => {
    ok(['members', 'add', 'zhou.yang', '--name', '周洋', '--role', 'Customer service manager', '--shift', 'day']);
    ok(['members', 'add', 'wu.xue', '--name', '吴雪', '--role', 'Customer service specialist (pre-sale)', '--status', 'probation']);
    const d = ok(['depts', 'show', 'Customer service', '--json']).json<Record<string, unknown>>();
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

  it('finds a department by id or preset key as well as by name', () => {
    expect(ok(['depts', 'show', '6', '--json']).json()).toMatchObject({ name: 'Data' });
    expect(ok(['depts', 'show', 'logistics', '--json']).json()).toMatchObject({ name: 'Logistics' });
  });

  it('prints fields and tables for people', () => {
    const out = ok(['depts', 'show', 'Data']).stdout;
    expect(out.split('\n').slice(0, 2)).toEqual(['ID           6', 'Name         Data']);
    expect(out).toContain('│ Data analyst │ E-commerce director │       0 │');
  });
});

describe('unknown departments', () => {
  it('suggests the closest name', () => {
    for (const args of [['depts', 'show', 'Custmer service'], ['depts', 'edit', 'Custmer service', '--name', 'CS'], ['depts', 'rm', 'Custmer service', '--yes'], ['roles', 'list', '--dept', 'Custmer service'], ['members', 'list', '--dept', 'Custmer service']]) {
      const r = expectRejected(t.db, args);
      expect(r.stderr, args.join(' ')).toBe('team: No department matches "Custmer service". Did you mean "Customer service"?\n');
    }
  });

  it('suggests nothing when nothing is close', () => {
    const r = expectRejected(t.db, ['depts', 'show', 'xyzzy']);
    expect(r.stderr).toBe('team: No department matches "xyzzy".\n');
  });
});

describe('team depts edit', () => {
  it('renames a department; its roles follow', () => {
    const r = ok(['depts', 'edit', 'Customer service', '--name', 'Customer care', '--json']);
    expect(r.json()).toMatchObject({ id: 3, name: 'Customer care', presetKey: 'cs', roleCount: 6 });
    expect(r.stderr).toBe('Updated department Customer care.\n');
    expect(query(t.db, 'select name from departments where id = 3')).toEqual([{ name: 'Customer care' }]);
    expect(ok(['roles', 'show', 'Customer service manager', '--json']).json()).toMatchObject({ department: 'Customer care' });
  });

  it('changes only the description when that is all it is given', () => {
    ok(['depts', 'edit', 'Data', '--description', 'Numbers']);
    expect(deptRow('Data')).toEqual({ id: 6, name: 'Data', description: 'Numbers', preset_key: 'data' });
  });

  it('with nothing to change is a usage error', () => {
    const r = expectRejected(t.db, ['depts', 'edit', 'Data']);
    expect(r.stderr).toBe('team: Nothing to change: pass at least one option.\n');
  });

  it('refuses a name another department has', () => {
    const r = expectRejected(t.db, ['depts', 'edit', 'Data', '--name', 'Design']);
    expect(r.stderr).toBe('team: A department named "Design" already exists.\n');
  });
});

describe('team depts rm', () => {
  beforeEach(() => {
    ok(['depts', 'add', 'Livestream']);
  });

  it('removes an empty department with --yes', () => {
    const r = ok(['depts', 'rm', 'Livestream', '--yes']);
    expect(r.stderr).toBe('Removed department Livestream.\n');
    expect(r.stdout).toBe('');
    expect(deptRow('Livestream')).toBeUndefined();
    expect(query(t.db, 'select count(*) as n from departments')).toEqual([{ n: 6 }]);
  });

  it('without --yes and without a terminal asks for --yes and changes nothing', () => {
    const r = expectRejected(t.db, ['depts', 'rm', 'Livestream']);
    expect(r.stderr).toBe('team: This removes data: pass --yes to confirm (no terminal to ask on).\n');
    expect(deptRow('Livestream')).toBeDefined();
  });

  it('refuses a department that still has roles', () => {
    const before = dumpDb(t.db);
    const r = expectRejected(t.db, ['depts', 'rm', 'Operations', '--yes']);
    expect(r.stderr).toBe('team: Department Operations still has roles (2) or members, archived ones included (0); move them first.\n');
    expect(dumpDb(t.db)).toEqual(before);
  });

  it('refuses a department that only archived members belong to (their history points at it)', () => {
    ok(['members', 'add', 'a.b', '--name', 'A B', '--dept', 'Livestream', '--role', 'none']);
    ok(['members', 'archive', 'a.b']);
    expectRejected(t.db, ['depts', 'rm', 'Livestream', '--yes']);
    expect(deptRow('Livestream')).toBeDefined();
  });
});
