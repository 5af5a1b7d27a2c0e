/**
 * Dates that are well-formed but do not exist (2026-02-30) are told apart
 * from malformed text: the message says which month is short.
 */
import { describe, expect, it } from 'vitest';
import { goalsFixture } from '../fixture.js';

const fx = goalsFixture();
const { ok, reject } = fx;

async function wangOrders() {
  await ok(['goals', 'add', 'Wang: 300 Tmall orders in November', '--owner', 'wang', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak season'], '2026-11-01');
}

describe('dates that do not exist', () => {
  it('goals list --due-before says which month is short', async () => {
    expect((await reject(['goals', 'list', '--due-before', '2026-02-29'])).stderr).toBe('team: --due-before "2026-02-29" is not a date: February 2026 has 28 days.\n');
    expect((await reject(['goals', 'list', '--due-after', '2026/02/01'])).stderr).toBe('team: Invalid --due-after "2026/02/01": use YYYY-MM-DD.\n');
  });

  it('goals checkin --date', async () => {
    await wangOrders();
    expect((await reject(['goals', 'checkin', '1', '--value', '3', '--date', '2026-11-31'])).stderr).toBe('team: --date "2026-11-31" is not a date: November 2026 has 30 days.\n');
  });

  it('TEAM_TODAY, as a date or a date and time (which would roll over into March)', async () => {
    expect((await fx.team(['goals', 'list'], '2026-02-30')).stderr).toBe('team: TEAM_TODAY "2026-02-30" is not a date: February 2026 has 28 days.\n');
    const r = await fx.team(['goals', 'list'], '2026-02-30T08:00');
    expect([r.code, r.stderr]).toEqual([2, 'team: TEAM_TODAY "2026-02-30" is not a date: February 2026 has 28 days.\n']);
    expect((await fx.team(['goals', 'list'], 'tomorrow')).stderr).toMatch(/^team: Invalid TEAM_TODAY "tomorrow": use a date/);
  });

  it('in Chinese', async () => {
    expect((await reject(['--lang', 'zh', 'goals', 'list', '--due-before', '2026-02-30'])).stderr).toBe('team: --due-before“2026-02-30”不是有效日期：2026 年 2 月只有 28 天。\n');
  });
});
