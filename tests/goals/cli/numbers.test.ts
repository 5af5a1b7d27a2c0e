/**
 * Numbers a goal takes: finite, within a trillion, and never negative (or
 * above 100 %) where the unit forbids it. What a new user hit: "1e309" stored
 * as Infinity broke `goals show`, and a first-response time of -3 s was
 * "on track".
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { goalsFixture } from '../fixture.js';

const fx = goalsFixture();
const { ok, reject } = fx;

const nov = ['--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak season'];

/** #1: Wang sells 300 orders (单) in November. */
async function wangOrders() {
  await ok(['goals', 'add', 'Wang: 300 Tmall orders in November', '--owner', 'wang', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', ...nov], '2026-11-01');
}

/** #1: first response within 30 s (a rate in seconds). */
async function firstResponse() {
  await ok(['goals', 'add', 'First response within 30 s', '--owner', 'chen', '--metric', 'First response time', '--unit', 's', '--baseline', '45', '--target', '30', ...nov], '2026-11-01');
}

const TRILLION = '1,000,000,000,000';

describe('numbers on the command line', () => {
  it('refuses 1e309 (Infinity) and says the range; goals show keeps working', async () => {
    await wangOrders();
    expect((await reject(['goals', 'checkin', '1', '--value', '1e309'])).stderr).toBe(`team: --value must be a number from -${TRILLION} to ${TRILLION} (got "1e309").\n`);
    await ok(['goals', 'show', '1']);
  });

  it('refuses integers beyond what a double holds exactly instead of rounding them', async () => {
    await wangOrders();
    expect((await reject(['goals', 'checkin', '1', '--value', '9007199254740993'])).stderr).toBe(`team: --value must be a number from -${TRILLION} to ${TRILLION} (got "9007199254740993").\n`);
    expect((await reject(['goals', 'edit', '1', '--cadence', '9007199254740993'])).stderr).toBe('team: --cadence must be a whole number from 1 to 9,007,199,254,740,991 (got "9007199254740993").\n');
  });

  it.each([
    [['--target', '2e12']],
    [['--baseline', '-1e13']],
    [['--weight', '1e13']],
  ])('goals add refuses %j', async (flags) => {
    const r = await reject(['goals', 'add', 'Too big', '--owner', 'wang', '--metric', 'GMV', '--unit', 'furlongs', '--kind', 'rate', '--target', '5', ...nov, ...flags]);
    expect(r.stderr).toMatch(new RegExp(`^team: ${flags[0]} must be a number from -${TRILLION} to ${TRILLION} \\(got "${flags[1]}"\\)\\.\\n$`));
  });

  it('a trillion itself is fine (a GMV in fen)', async () => {
    await ok(['goals', 'add', 'GMV in fen', '--owner', 'team', '--metric', 'GMV', '--unit', '元', '--target', '1000000000000', ...nov]);
  });

  it('split --weights and review --final take the same range', async () => {
    await wangOrders();
    expect((await reject(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao', '--weights', '1,1e309'])).stderr).toBe(`team: --weights must be a number from -${TRILLION} to ${TRILLION} (got "1,1e309").\n`);
    await ok(['goals', 'review', '1', '--self', 'ok']);
    expect((await reject(['goals', 'review', '1', '--lead', 'ok', '--score', '3', '--outcome', 'none', '--final', 'Infinity'])).stderr).toBe('team: Invalid --final "Infinity": expected a number.\n');
  });

  it('an out-of-range score names the range', async () => {
    await wangOrders();
    expect((await reject(['goals', 'review', '1', '--self', 'ok', '--self-score', '7'])).stderr).toBe('team: --self-score must be a whole number from 1 to 5 (got "7").\n');
    await ok(['goals', 'review', '1', '--self', 'ok']);
    expect((await reject(['goals', 'review', '1', '--lead', 'ok', '--score', '7', '--outcome', 'none'])).stderr).toBe('team: --score must be a whole number from 1 to 5 (got "7").\n');
  });
});

describe('numbers a unit cannot take', () => {
  it('a duration cannot be negative: --value -3 on a goal in seconds', async () => {
    await firstResponse();
    expect((await reject(['goals', 'checkin', '1', '--value', '-3'])).stderr).toBe(`team: --value cannot be negative for a goal in s: use a number from 0 to ${TRILLION} (got -3).\n`);
    await ok(['goals', 'checkin', '1', '--value', '0']);
  });

  it('a count cannot go below 0 by --add', async () => {
    await wangOrders();
    await ok(['goals', 'checkin', '1', '--value', '10']);
    expect((await reject(['goals', 'checkin', '1', '--add', '-12'])).stderr).toBe(`team: --add -12 would bring goal #1 to -2 单; it must stay from 0 to ${TRILLION}.\n`);
    await ok(['goals', 'checkin', '1', '--add', '-10']);
    expect(await query(fx.db, 'select last_value from goals')).toEqual([{ last_value: 0 }]);
  });

  it('--add cannot push a value past a trillion either', async () => {
    await ok(['goals', 'add', 'Raise the shop score to 10 in November', '--owner', 'team', '--metric', 'Score', '--unit', 'furlongs', '--kind', 'rate', '--baseline', '0', '--target', '10', ...nov], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--value', '900000000000']);
    expect((await reject(['goals', 'checkin', '1', '--add', '900000000000'])).stderr).toBe(`team: --add 900000000000 would bring goal #1 to 1800000000000 furlongs; it must stay from -${TRILLION} to ${TRILLION}.\n`);
  });

  it('targets and baselines of such goals too: orders, days, money totals', async () => {
    expect((await reject(['goals', 'add', 'Orders', '--owner', 'wang', '--metric', 'Orders', '--unit', '单', '--target', '-300', '--direction', 'at-least', ...nov])).stderr).toBe(
      `team: --target cannot be negative for a goal in 单: use a number from 0 to ${TRILLION} (got -300).\n`,
    );
    expect((await reject(['goals', 'add', 'Ship', '--owner', 'wang', '--metric', 'Days to ship', '--unit', '天', '--kind', 'rate', '--baseline', '-2', '--target', '1', ...nov])).stderr).toBe(
      `team: --baseline cannot be negative for a goal in 天: use a number from 0 to ${TRILLION} (got -2).\n`,
    );
    expect((await reject(['goals', 'add', 'GMV', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--target', '-5000', '--direction', 'at-least', ...nov])).stderr).toBe(
      `team: --target cannot be negative for a goal in ¥: use a number from 0 to ${TRILLION} (got -5000).\n`,
    );
  });

  it('an average in ¥ (a rate) or an unknown unit may be negative', async () => {
    await ok(['goals', 'add', 'Margin per order', '--owner', 'team', '--metric', 'Margin', '--unit', '¥', '--kind', 'rate', '--baseline', '-5', '--target', '3', ...nov]);
    await ok(['goals', 'add', 'Net promoter score', '--owner', 'team', '--metric', 'NPS', '--unit', 'nps', '--kind', 'rate', '--baseline', '-20', '--target', '10', ...nov]);
  });

  it('a percentage lies in 0–100', async () => {
    expect((await reject(['goals', 'add', 'Positive reviews', '--owner', 'chen', '--metric', 'Positive review rate', '--unit', '%', '--baseline', '90', '--target', '120', ...nov])).stderr).toBe(
      'team: --target is a percentage: use a number from 0 to 100 (got 120).\n',
    );
    await ok(['goals', 'add', 'Positive reviews', '--owner', 'chen', '--metric', 'Positive review rate', '--unit', '%', '--baseline', '90', '--target', '98', ...nov], '2026-11-01');
    expect((await reject(['goals', 'checkin', '1', '--value', '-1'])).stderr).toBe('team: --value is a percentage: use a number from 0 to 100 (got -1).\n');
    expect((await reject(['goals', 'edit', '1', '--target', '101'])).stderr).toBe('team: --target is a percentage: use a number from 0 to 100 (got 101).\n');
  });

  it('a new unit re-checks the numbers already on the goal', async () => {
    await wangOrders();
    expect((await reject(['goals', 'edit', '1', '--unit', '%'])).stderr).toBe('team: --target is a percentage: use a number from 0 to 100 (got 300).\n');
  });

  it('review --final follows the unit', async () => {
    await wangOrders();
    await ok(['goals', 'review', '1', '--self', 'ok']);
    expect((await reject(['goals', 'review', '1', '--lead', 'ok', '--score', '3', '--outcome', 'none', '--final', '-1'])).stderr).toBe(
      `team: --final cannot be negative for a goal in 单: use a number from 0 to ${TRILLION} (got -1).\n`,
    );
  });

  it('says it in Chinese', async () => {
    await firstResponse();
    const r = await reject(['--lang', 'zh', 'goals', 'checkin', '1', '--value', '-3']);
    expect(r.stderr).toBe(`team: 以 s 为单位的目标，--value 不能为负数：请用 0 到 ${TRILLION} 之间的数字（收到 -3）。\n`);
    expect((await reject(['--lang', 'zh', 'goals', 'checkin', '1', '--value', '1e309'])).stderr).toBe(`team: --value 必须是 -${TRILLION} 到 ${TRILLION}（正负一万亿）之间的数字（收到“1e309”）。\n`);
  });
});
