/** Who owns a goal, as typed: a mistyped "team" is suggested like any name. */
import { describe, expect, it } from 'vitest';
import { goalsFixture } from '../fixture.js';

const { reject } = goalsFixture();

describe('goal owners', () => {
  it('--owner tema suggests team', async () => {
    const r = await reject(['goals', 'add', 'Raise GMV to ¥300,000 in November', '--owner', 'tema', '--metric', 'GMV', '--unit', '¥', '--target', '300000', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak']);
    expect(r.stderr).toBe('team: No member or department matches "tema". Did you mean "team"?\n');
  });

  it('a mistyped member is still suggested over the team words', async () => {
    const r = await reject(['goals', 'add', 'Raise GMV to ¥300,000 in November', '--owner', 'wnag', '--metric', 'GMV', '--unit', '¥', '--target', '300000', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak']);
    expect(r.stderr).toBe('team: No member or department matches "wnag". Did you mean "wang"?\n');
  });
});
