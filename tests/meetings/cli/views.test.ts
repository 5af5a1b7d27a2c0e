/** `team meetings list|show|upcoming` for people and scripts: time order across zones, formats, both languages, fitting the terminal. */
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { run } from '../../helpers.js';
import { meetingsFixture, TODAY, type Upcoming } from '../fixture.js';

const fx = meetingsFixture();
const { ok, reject } = fx;

describe('meetings upcoming', () => {
  it('lists every occurrence of the next days in time order, whatever the zone of its series', async () => {
    await ok(['meetings', 'add', 'NY sync', '--repeat', 'daily', '--time', '08:00', '--tz', 'America/New_York']);
    const items = (await ok(['meetings', 'upcoming', '--days', '2', '--json'])).json<Upcoming[]>();
    expect(items.map((o) => [o.date, o.time, o.title, o.startsAt])).toEqual([
      ['2026-11-23', '09:00', 'Morning meeting', '2026-11-23T09:00:00.000Z'],
      ['2026-11-23', '10:00', 'Weekly meeting', '2026-11-23T10:00:00.000Z'],
      ['2026-11-23', '08:00', 'NY sync', '2026-11-23T13:00:00.000Z'],
      ['2026-11-23', '17:45', 'Evening meeting', '2026-11-23T17:45:00.000Z'],
      ['2026-11-24', '09:00', 'Morning meeting', '2026-11-24T09:00:00.000Z'],
      ['2026-11-24', '08:00', 'NY sync', '2026-11-24T13:00:00.000Z'],
      ['2026-11-24', '17:45', 'Evening meeting', '2026-11-24T17:45:00.000Z'],
    ]);
  });

  it('--dept keeps the series that expect its members; a weekend has none of the workday ones', async () => {
    await ok(['meetings', 'add', 'Ops only', '--repeat', 'daily', '--time', '12:00', '--attendees', 'Operations']);
    const titles = async (args: string[]) => [...new Set((await ok(['meetings', 'upcoming', '--json', ...args])).json<Upcoming[]>().map((o) => o.title))];
    expect(await titles(['--dept', 'Customer service', '--days', '1'])).toEqual(['Morning meeting', 'Weekly meeting', 'Evening meeting']);
    expect(await titles(['--dept', 'Operations', '--days', '1'])).toContain('Ops only');
    expect(await titles(['--days', '2'], )).toContain('Ops only');
    expect((await ok(['meetings', 'upcoming', '--json'], '2026-11-28')).json<Upcoming[]>().filter((o) => o.date < '2026-11-30').map((o) => o.title)).toEqual(['Ops only', 'Ops only']);
  });

  it('prints a table, CSV and Markdown with the same rows; bad --days is refused', async () => {
    const table = (await ok(['meetings', 'upcoming', '--days', '1'])).stdout;
    expect(table).toContain('09:00–09:15');
    expect(table).toContain('Morning meeting');
    const csv = (await ok(['meetings', 'upcoming', '--days', '1', '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv[0]).toContain('Date,Time,Meeting');
    expect(csv).toHaveLength(4);
    const md = (await ok(['meetings', 'upcoming', '--days', '1', '--format', 'md'])).stdout;
    expect(md).toContain('| 2026-11-23 | 17:45–18:00 | Evening meeting |');
    expect((await reject(['meetings', 'upcoming', '--days', '0'])).stderr).toBe('team: --days must be a whole number from 1 to 366 (got "0").\n');
    expect((await reject(['meetings', 'upcoming', '--member', 'wuu'])).stderr).toBe('team: No member matches "wuu". Did you mean "wu"?\n');
  });
});

describe('meetings list and show', () => {
  it('shows the rule in words in the reader\'s language, the agenda and the next dates', async () => {
    const en = (await ok(['meetings', 'show', 'monthly'])).stdout;
    expect(en).toContain('monthly on the first working day 14:00 (UTC)');
    expect(en).toContain("1. Last month's sales target: met or not");
    expect(en).toContain('2026-12-01 14:00–15:30');
    const zh = (await ok(['--lang', 'zh', 'meetings', 'show', 'monthly'])).stdout;
    expect(zh).toContain('每月第一个工作日 14:00 (UTC)');
    expect(zh).toContain('月会');
    expect(zh).not.toMatch(/monthly on|Agenda|Next dates/);
  });

  it('lists the series; on an 80-column terminal every table fits, in English and Chinese', async () => {
    expect((await ok(['meetings', 'list'])).stdout).toContain('Morning meeting');
    for (const lang of ['en', 'zh']) {
      for (const args of [['meetings', 'list'], ['meetings', 'upcoming'], ['actions', 'list']]) {
        const r = await run(fx.db, ['--lang', lang, ...args], { env: { ...fx.opts(TODAY).env, COLUMNS: '80' } });
        expect(r.code).toBe(0);
        for (const line of r.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      }
    }
    const md = (await ok(['meetings', 'list', '--format', 'md'])).stdout;
    expect(md.split('\n')[0]).toMatch(/^\| ID \| Meeting \|/);
  });

  it('an unknown series suggests the closest title; a part names it when only one has it', async () => {
    expect((await reject(['meetings', 'show', 'Mornign meeting'])).stderr).toBe('team: No meeting matches "Mornign meeting". Did you mean "Morning meeting"?\n');
    expect((await reject(['meetings', 'show', 'ing'])).stderr).toContain('matches several meetings');
    expect((await ok(['meetings', 'show', 'Mon', '--json'])).json<{ id: number }>().id).toBe(4);
  });
});
