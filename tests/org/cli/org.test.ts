/** `team org`: the reporting tree, end to end. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRejected, initDb, run, type RunOptions, type RunResult, tempDb } from '../../helpers.js';

let t: ReturnType<typeof tempDb>;

async function ok(args: readonly string[], opts?: RunOptions): Promise<RunResult> {
  const r = await run(t.db, args, opts);
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

interface Node {
  handle: string;
  name: string;
  role: string | null;
  department: string | null;
  shift: string | null;
  status: string;
  reports: Node[];
}

const node = (handle: string, name: string, role: string | null, department: string | null, shift: string | null, reports: Node[] = [], status = 'active'): Node => ({ handle, name, role, department, shift, status, reports });

beforeEach(async () => {
  t = tempDb();
  await initDb(t.db);
});
afterEach(() => t.cleanup());

/** A director, two managers, three staff; added out of order on purpose. */
async function addTeam(): Promise<void> {
  await ok(['members', 'add', 'wang.fang', '--name', '王芳', '--role', 'E-commerce director', '--shift', 'day']);
  await ok(['members', 'add', 'zhou.yang', '--name', '周洋', '--role', 'Customer service manager', '--manager', 'wang.fang', '--shift', 'day']);
  await ok(['members', 'add', 'zheng.hao', '--name', '郑浩', '--role', 'Customer service specialist (pre-sale)', '--manager', 'zhou.yang', '--shift', 'late', '--status', 'probation']);
  await ok(['members', 'add', 'wu.xue', '--name', '吴雪', '--role', 'Customer service specialist (pre-sale)', '--manager', 'zhou.yang']);
  await ok(['members', 'add', 'li.qiang', '--name', '李强', '--role', 'Operations manager', '--manager', 'wang.fang', '--shift', 'day']);
  await ok(['members', 'add', 'sun.li', '--name', '孙丽', '--role', 'Live-stream host', '--manager', 'li.qiang', '--shift', 'late']);
}

const presale = 'Customer service specialist (pre-sale)';

describe('team org', () => {
  it('--json is the nested tree, children sorted by handle', async () => {
    await addTeam();
    const r = await ok(['org', '--json']);
    expect(r.json()).toEqual([
      node('wang.fang', '王芳', 'E-commerce director', null, 'day', [
        node('li.qiang', '李强', 'Operations manager', 'Operations', 'day', [node('sun.li', '孙丽', 'Live-stream host', 'Marketing', 'late')]),
        node('zhou.yang', '周洋', 'Customer service manager', 'Customer service', 'day', [
          node('wu.xue', '吴雪', presale, 'Customer service', null),
          node('zheng.hao', '郑浩', presale, 'Customer service', 'late', [], 'probation'),
        ]),
      ]),
    ]);
    expect(r.stderr).toBe('');
  });

  it('--dept keeps one department; members whose manager is outside it become roots', async () => {
    await addTeam();
    expect((await ok(['org', '--dept', 'Customer service', '--json'])).json()).toEqual([
      node('zhou.yang', '周洋', 'Customer service manager', 'Customer service', 'day', [
        node('wu.xue', '吴雪', presale, 'Customer service', null),
        node('zheng.hao', '郑浩', presale, 'Customer service', 'late', [], 'probation'),
      ]),
    ]);
    expect((await ok(['org', '--dept', 'Marketing', '--json'])).json()).toEqual([node('sun.li', '孙丽', 'Live-stream host', 'Marketing', 'late')]);
    expect((await ok(['org', '--dept', 'Design', '--json'])).stdout).toBe('[]\n');
  });

  it('leaves archived members out', async () => {
    await addTeam();
    await ok(['members', 'archive', 'sun.li']);
    const [root] = (await ok(['org', '--json'])).json<Node[]>();
    expect(root!.reports[0]).toEqual(node('li.qiang', '李强', 'Operations manager', 'Operations', 'day'));
  });

  it('draws the tree with ├─ └─ │ for people, showing shifts other than day', async () => {
    await addTeam();
    const r = await ok(['org']);
    expect(r.stdout).toBe(
      [
        '王芳 (wang.fang) · E-commerce director',
        '├─ 李强 (li.qiang) · Operations manager',
        '│  └─ 孙丽 (sun.li) · Live-stream host · late',
        '└─ 周洋 (zhou.yang) · Customer service manager',
        `   ├─ 吴雪 (wu.xue) · ${presale}`,
        `   └─ 郑浩 (zheng.hao) · ${presale} · late`,
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
  });

  it('on an empty database says so on stderr and exits 0', async () => {
    const r = await ok(['org']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No members yet. Add some with: team members add\n');
    expect((await ok(['org', '--json'])).stdout).toBe('[]\n');
  });

  it('says it in Chinese with --lang zh', async () => {
    expect((await ok(['--lang', 'zh', 'org'])).stderr).toBe('还没有成员。用 team members add 添加。\n');
  });

  it('suggests the closest department for an unknown --dept', async () => {
    expect((await expectRejected(t.db, ['org', '--dept', 'Custmer service'])).stderr).toBe('team: No department matches "Custmer service". Did you mean "Customer service"?\n');
  });
});
