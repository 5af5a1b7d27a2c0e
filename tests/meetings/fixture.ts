/**
 * The shared set-up of the meeting suites: the preset (with its four rhythm
 * meetings, from Monday 2026-11-23) and a small team, built once per file and
 * copied fresh for every test; runners pinned to a date, in-process.
 */
import { goalsFixture, type Setup } from '../goals/fixture.js';

/** Monday: the preset's series begin today. */
export const TODAY = '2026-11-23';

/** wu and li (day shift), zheng (late shift, customer service), ma (warehouse, on leave). */
export async function seedTeam(setup: Setup): Promise<void> {
  await setup(['init']);
  await setup(['members', 'add', 'wu', '--name', 'Wu Xue', '--role', 'Customer service specialist (pre-sale)', '--shift', 'day']);
  await setup(['members', 'add', 'zheng', '--name', 'Zheng Hao', '--role', 'Customer service specialist (pre-sale)', '--shift', 'late']);
  await setup(['members', 'add', 'li', '--name', 'Li Qiang', '--role', 'Operations manager', '--shift', 'day']);
  await setup(['members', 'add', 'ma', '--name', 'Ma Jun', '--role', 'warehouse', '--status', 'leave']);
}

export function meetingsFixture(seed: (setup: Setup) => Promise<void> = seedTeam) {
  return goalsFixture(seed);
}

/** The fields of `meetings upcoming --json` the tests read. */
export interface Upcoming {
  meetingId: number;
  title: string;
  occursOn: string;
  date: string;
  time: string;
  zone: string;
  startsAt: string;
  endsAt: string;
  movedFrom: string | null;
  carriedActions: number;
}
