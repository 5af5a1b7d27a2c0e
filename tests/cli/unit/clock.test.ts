/** The one clock setting (TEAM_TODAY) and the team's zone (TEAM_TZ). */
import { describe, expect, it } from 'vitest';
import { clockFrom, isTimeZone } from '../../../src/cli/clock.js';
import { InputError } from '../../../src/shared/errors.js';

const REAL = new Date('2026-11-23T20:30:00Z');
const clock = (env: NodeJS.ProcessEnv) => clockFrom(env, REAL);

describe('clockFrom', () => {
  it('without TEAM_TODAY is the real time, dated in the team zone', async () => {
    expect(await clock({ TEAM_TZ: 'UTC' })).toEqual({ now: REAL, today: '2026-11-23' });
    expect((await clock({})).today).toBe('2026-11-23'); // the machine's zone: UTC in the tests
    // 20:30 UTC is already the next morning in Shanghai, still the afternoon in Los Angeles.
    expect((await clock({ TEAM_TZ: 'Asia/Shanghai' })).today).toBe('2026-11-24');
    expect((await clock({ TEAM_TZ: 'America/Los_Angeles' })).today).toBe('2026-11-23');
  });

  it('a pinned date is noon of that day in the team zone, for dates and timestamps alike', async () => {
    expect((await clock({ TEAM_TODAY: '2026-11-23', TEAM_TZ: 'UTC' })).now.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    const sh = await clock({ TEAM_TODAY: '2026-11-23', TEAM_TZ: 'Asia/Shanghai' });
    expect([sh.now.toISOString(), sh.today]).toEqual(['2026-11-23T04:00:00.000Z', '2026-11-23']);
    // The day daylight saving starts in New York still has a noon.
    const ny = await clock({ TEAM_TODAY: '2026-03-08', TEAM_TZ: 'America/New_York' });
    expect([ny.now.toISOString(), ny.today]).toEqual(['2026-03-08T16:00:00.000Z', '2026-03-08']);
  });

  it('a pinned date-time is that moment: with an offset as written, without one in the team zone', async () => {
    expect(await clock({ TEAM_TODAY: '2026-11-23T01:30Z', TEAM_TZ: 'Asia/Shanghai' })).toMatchObject({ today: '2026-11-23' });
    expect((await clock({ TEAM_TODAY: '2026-11-23T23:30:00+08:00', TEAM_TZ: 'UTC' })).now.toISOString()).toBe('2026-11-23T15:30:00.000Z');
    expect((await clock({ TEAM_TODAY: '2026-11-23T09:15', TEAM_TZ: 'Asia/Shanghai' })).now.toISOString()).toBe('2026-11-23T01:15:00.000Z');
    expect((await clock({ TEAM_TODAY: '2026-11-23T09:15' })).now.toISOString()).toBe('2026-11-23T09:15:00.000Z');
  });

  it.each(['2026-02-30', '2026-13-01', 'tomorrow', '2026-11-23T25:00', '23/11/2026'])('refuses TEAM_TODAY=%s', async (value) => {
    await expect(clock({ TEAM_TODAY: value, TEAM_TZ: 'UTC' })).rejects.toThrow(InputError);
  });

  it('refuses an unknown TEAM_TZ', async () => {
    await expect(clock({ TEAM_TZ: 'Mars/Olympus' })).rejects.toThrow(InputError);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shanghia')).toBe(false);
  });
});
