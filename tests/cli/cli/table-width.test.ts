/** Tables fit COLUMNS end to end (long Chinese names and titles); pipes without COLUMNS get every column. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers.js';
import { goalsFixture, TODAY } from '../../goals/fixture.js';

const TITLE = '本季度天猫旗舰店直播间成交额提升百分之三十并且会员复购率达到百分之二十五';

const fx = goalsFixture(async (setup) => {
  await setup(['init', '--lang', 'zh']);
  await setup(['members', 'add', 'ouyang.xiaoming', '--name', '欧阳晓明爱新觉罗', '--role', '客服专员（售前）', '--shift', '晚班', '--hire-date', '2024-05-06']);
  await setup(['members', 'add', 'situ.meimei', '--name', '司徒美美', '--role', '客户关系经理', '--manager', 'ouyang.xiaoming', '--hire-date', '2025-03-01']);
  await setup(['goals', 'add', TITLE, '--owner', 'ouyang.xiaoming', '--metric', '成交额', '--unit', '¥', '--target', '1800000', '--direction', 'increase', '--start', '2026-10-01', '--due', '2026-12-31', '--why', '年度增长计划']);
  await setup(['goals', 'split', '1', '--by', 'member', '--members', 'ouyang.xiaoming,situ.meimei']);
  await setup(['goals', 'checkin', '2', '--value', '300000', '--date', '2026-11-20']);
});

const team = async (args: readonly string[], env: Record<string, string> = {}) => {
  const r = await run(fx.db, [...args, '--lang', 'zh'], { env: { ...fx.opts(TODAY).env, ...env } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trimEnd();
};

const lines = (s: string) => s.split('\n');
const headers = (table: string) =>
  lines(table)[1]!
    .split('│')
    .slice(1, -1)
    .map((c) => c.trim());

/** Every line as wide as the others and framed by borders: nothing broke. */
function expectIntact(table: string): void {
  expect(new Set(lines(table).map((l) => stringWidth(l))).size, table).toBe(1);
  for (const l of lines(table)) expect(/^[┌│├└].*[┐│┤┘]$/.test(l), l).toBe(true);
}

describe.each([
  ['members', ['members', 'list'], ['代号', '姓名', '岗位', '部门', '上级', '班次', '状态', '入职']],
  ['goals', ['goals', 'list'], ['编号', '目标', '负责人', '目标值', '当前', '进度', '状态', '截止']],
] as const)('%s list', (_name, args, allHeaders) => {
  it('fits COLUMNS=80 with intact borders', async () => {
    const table = await team(args, { COLUMNS: '80' });
    for (const l of lines(table)) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expectIntact(table);
    expect(headers(table).length).toBeLessThan(allHeaders.length); // something had to give
    expect(headers(table).slice(0, 2)).toEqual(allHeaders.slice(0, 2)); // never the ID and the name or title
  });

  it('prints the full table in a pipe without COLUMNS', async () => {
    const table = await team(args);
    expect(headers(table)).toEqual(allHeaders);
    expect(Math.max(...lines(table).map((l) => stringWidth(l)))).toBeGreaterThan(80);
    expectIntact(table);
    expect(await team(args, { COLUMNS: '1000' })).toBe(table);
  });
});

it('keeps every character of a long Chinese title when it wraps at 80 columns', async () => {
  const table = await team(['goals', 'list'], { COLUMNS: '80' });
  const firstGoal: string[] = [];
  for (const l of lines(table).slice(3, -1)) {
    const [id, title] = l.split('│').slice(1, 3).map((c) => c.trim());
    if (id !== '' && firstGoal.length) break;
    firstGoal.push(title!);
  }
  expect(firstGoal.length).toBeGreaterThan(1);
  expect(firstGoal.join('')).toBe(TITLE);
});
