/** `team goals archive|restore`: goals are never deleted; archived ones leave lists and roll-ups and keep their history. */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { goalsFixture } from '../fixture.js';

const fx = goalsFixture(async (setup) => {
  await setup(['init']);
  for (const h of ['wang', 'zhao']) await setup(['members', 'add', h, '--name', h, '--role', 'Customer service specialist (pre-sale)']);
  await setup(['goals', 'add', 'Q4 Tmall GMV ¥300,000', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--target', '300000', '--start', '2026-10-01', '--due', '2026-12-31', '--why', 'plan']);
  await setup(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao']);
  await setup(['goals', 'checkin', '2', '--value', '60000', '--date', '2026-11-01']);
  await setup(['goals', 'checkin', '3', '--value', '40000', '--date', '2026-11-01']);
});
const { ok, reject } = fx;

interface G {
  id: number;
  value: number | null;
  childCount: number;
  archivedAt: string | null;
}

describe('goals archive', () => {
  it('a sub-goal leaves its parent\'s roll-up and the lists, with its check-ins kept', async () => {
    expect((await ok(['goals', 'archive', '3'])).stderr).toBe('Archived goal #3 (1 goals with its sub-goals); its history is kept.\n');
    expect((await ok(['goals', 'show', '1', '--json'])).json<G>()).toMatchObject({ value: 60000, childCount: 1 });
    expect((await ok(['goals', 'list', '--json'])).json<G[]>().map((g) => g.id)).toEqual([1, 2]);
    expect((await ok(['goals', 'list', '--all', '--json'])).json<G[]>().map((g) => g.id)).toEqual([1, 2, 3]);
    expect(await query(fx.db, 'select count(*) as n from goal_checkins where goal_id = 3')).toEqual([{ n: 1 }]);
    expect(await query(fx.db, "select actor, field, new_value from goal_events where goal_id = 3 and field = 'archived'")).toEqual([{ actor: 'lead', field: 'archived', new_value: 'archived' }]);
  });

  it('a parent takes its sub-goals along, and restore brings them all back', async () => {
    await ok(['goals', 'archive', '1']);
    expect(await query(fx.db, 'select count(*) as n from goals where archived_at is not null')).toEqual([{ n: 3 }]);
    expect((await ok(['goals', 'tree', '--json'])).json<G[]>()).toEqual([]);
    expect((await reject(['goals', 'restore', '2'])).stderr).toBe('team: Goal #2 sits under #1, which is archived: restore #1.\n');
    expect((await ok(['goals', 'restore', '1'])).stderr).toBe('Restored goal #1 (3 goals with its sub-goals).\n');
    expect((await ok(['goals', 'show', '1', '--json'])).json<G>()).toMatchObject({ value: 100000, childCount: 2, archivedAt: null });
  });

  it('an archived goal takes no check-ins, edits, reviews or sub-goals, and cannot be archived twice', async () => {
    await ok(['goals', 'archive', '2']);
    const archived = 'team: Goal #2 is archived; restore it first (team goals restore 2).\n';
    expect((await reject(['goals', 'checkin', '2', '--value', '1'])).stderr).toBe(archived);
    expect((await reject(['goals', 'edit', '2', '--target', '1'])).stderr).toBe(archived);
    expect((await reject(['goals', 'review', '2', '--self', 'x'])).stderr).toBe(archived);
    expect((await reject(['goals', 'archive', '2'])).stderr).toBe(archived);
    expect((await reject(['goals', 'restore', '3'])).stderr).toBe('team: Goal #3 is not archived.\n');
  });
});
