/** Guards found in review: a sub-goal keeps its parent's unit, no check-in after the due date, errors name the goal, Chinese history and help. */
import { describe, expect, it } from 'vitest';
import { goalsFixture } from '../fixture.js';

const fx = goalsFixture();
const { ok, reject } = fx;

async function cascade(): Promise<void> {
  await ok(['goals', 'add', 'CS first response ≤ 30 s in November', '--owner', 'Customer service', '--metric', 'First response', '--unit', 's', '--direction', 'at-most', '--target', '30', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'service']);
  await ok(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao']);
}

describe('guards', () => {
  it('a sub-goal cannot take another unit or kind than its parent rolls up', async () => {
    await cascade();
    const r = await reject(['goals', 'edit', '2', '--unit', '单', '--kind', 'additive']);
    expect(r.stderr).toMatch(/#1/);
  });

  it('a check-in after the due date is refused and says how to record the result', async () => {
    await ok(['goals', 'add', 'Wang: 300 Tmall orders in October', '--owner', 'wang', '--metric', 'Orders', '--unit', '单', '--target', '300', '--start', '2026-10-01', '--due', '2026-10-31', '--why', 'peak']);
    const r = await reject(['goals', 'checkin', '1', '--value', '320']);
    expect(r.stderr).toBe('team: Goal #1 was due 2026-10-31: a check-in dated 2026-11-23 would come after it. Record the result with --date 2026-10-31 (or earlier), or close the goal with a review.\n');
    await ok(['goals', 'checkin', '1', '--value', '320', '--date', '2026-10-31']);
  });

  it('an edit that breaks SMART names the goal by its id even when it was given by title', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak']);
    const r = await reject(['goals', 'edit', 'Tmall GMV ¥120,000 in December', '--title', 'raise sales']);
    expect(r.stderr).toMatch(/^team: That edit would make goal #1 fail SMART/);
  });

  it('the audit trail reads in Chinese: field names, states, amounts and events', async () => {
    await cascade();
    await ok(['goals', 'edit', '2', '--target', '28']);
    const out = (await ok(['--lang', 'zh', 'goals', 'show', '2', '--history'])).stdout;
    expect(out).toContain('由 #1 分解而来');
    expect(out).toContain('目标值');
    expect(out).toMatch(/30 s → 28 s/);
    expect(out).not.toMatch(/split from|created|\btarget\b/);
  });

  it('help examples are in the reader\'s language', async () => {
    const goals = (await ok(['--lang', 'zh', 'goals', 'add', '--help'])).stdout;
    expect(goals).toContain('# 在终端上逐项询问 SMART 字段');
    expect(goals).not.toMatch(/# asks for/);
    expect((await ok(['--lang', 'zh', 'members', 'add', '--help'])).stdout).toContain('# 在终端上询问缺少的内容');
  });
});

describe('cadence', () => {
  it('is a number of days from 1 to 366', async () => {
    const r = await reject(['goals', 'add', 'Tmall orders 300 in December', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak', '--cadence', '99999999999']);
    expect(r.stderr).toBe('team: --cadence is the number of days between check-ins: a whole number from 1 to 366 (got "99999999999").\n');
    await ok(['goals', 'add', 'Tmall orders 300 in December', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak', '--cadence', '366']);
  });
});
