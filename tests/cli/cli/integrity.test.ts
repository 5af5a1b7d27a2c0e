// Guards that keep the team's data coherent across commands: reporting lines,
// goal roll-ups, ownership. Each refusal exits 2 and leaves the database as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRejected, initDb, query, run, type RunResult, tempDb } from '../../helpers.js';

const ENV = { TEAM_TODAY: '2026-11-23', TEAM_USER: 'lead' };
let t: ReturnType<typeof tempDb>;
const ok = async (args: string[]): Promise<RunResult> => {
  const r = await run(t.db, args, { env: ENV });
  if (r.code !== 0) throw new Error(`team ${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r;
};
const reject = (args: string[]) => expectRejected(t.db, args, { env: ENV });

beforeEach(async () => {
  t = tempDb();
  await initDb(t.db);
  await ok(['members', 'add', 'boss', '--name', 'Boss', '--role', 'Operations manager']);
  await ok(['members', 'add', 'b1', '--name', 'B One', '--role', 'Marketing specialist', '--manager', 'boss']);
  await ok(['members', 'add', 'b2', '--name', 'B Two', '--role', 'Marketing specialist', '--manager', 'b1']);
  await ok(['members', 'add', 'out', '--name', 'Outsider', '--role', 'Data analyst']);
});
afterEach(() => t.cleanup());

describe('members archive --reassign-to', () => {
  it('refuses someone below the archived member (direct or not): that would close a reporting loop', async () => {
    expect((await reject(['members', 'archive', 'boss', '--reassign-to', 'b1'])).stderr).toBe('team: b1 reports to boss, directly or not; give the reports to someone outside that line.\n');
    expect((await reject(['members', 'archive', 'boss', '--reassign-to', 'b2'])).stderr).toBe('team: b2 reports to boss, directly or not; give the reports to someone outside that line.\n');
  });

  it('accepts someone outside the line', async () => {
    await ok(['members', 'archive', 'boss', '--reassign-to', 'out']);
    expect(await query(t.db, "select manager_id from members where handle = 'b1'")).toEqual([{ manager_id: 4 }]);
  });
});

describe('names shared by several members', () => {
  it('asks for the handle instead of picking one', async () => {
    await ok(['members', 'add', 'li.na', '--name', '李娜', '--role', 'none']);
    await ok(['members', 'add', 'li.na2', '--name', '李娜', '--role', 'none']);
    expect((await reject(['members', 'show', '李娜'])).stderr).toBe('team: Several members are called "李娜" (li.na, li.na2); use the handle.\n');
  });
});

const goal = (title: string, extra: string[]) =>
  ['goals', 'add', title, '--owner', 'team', '--metric', 'M', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'plan', ...extra];

describe('totals (additive goals)', () => {
  it('cannot "decrease": a budget is --direction at-most', async () => {
    expect((await reject(goal('Cut November shipping cost to ¥40,000', ['--unit', '¥', '--baseline', '50000', '--target', '40000']))).stderr).toBe(
      'team: A total (¥, 单, …) only grows over its period: for a budget or a cap use --direction at-most.\n',
    );
  });

  it('a budget is on track while the projected total stays under the cap, not merely while the total so far does', async () => {
    await ok(goal('Keep November shipping cost within ¥40,000', ['--unit', '¥', '--direction', 'at-most', '--baseline', '50000', '--target', '40000']));
    await ok(['goals', 'checkin', '1', '--value', '20000', '--date', '2026-11-10']);
    // ¥20,000 in 9 days projects to about ¥64,000 by the 30th: over the cap by far.
    expect((await ok(['goals', 'show', '1', '--json'])).json<{ status: string }>().status).toBe('off-track');
    // ¥26,000 by the 23rd: the line through (0, 0), (9, 20,000), (22, 26,000) ends near ¥36,400.
    await ok(['goals', 'checkin', '1', '--value', '26000', '--date', '2026-11-23']);
    expect((await ok(['goals', 'show', '1', '--json'])).json<{ status: string; projected: number }>()).toMatchObject({ status: 'on-track' });
  });
});

describe('sub-goals roll up, so they must fit their parent', () => {
  beforeEach(async () => {
    await ok(goal('November GMV ¥300,000', ['--unit', '¥', '--target', '300000']));
  });

  it('refuses a sub-goal in another unit or kind', async () => {
    expect((await reject(['goals', 'add', 'First response within 30 s', '--owner', 'b1', '--unit', 's', '--direction', 'at-most', '--target', '30', '--parent', '1'])).stderr).toBe(
      'team: Goal #1 measures additive in "¥"; a sub-goal must measure the same, or its value cannot roll up.\n',
    );
  });

  it('refuses to hang sub-goals under a goal that has check-ins of its own', async () => {
    await ok(['goals', 'checkin', '1', '--value', '70000']);
    expect((await reject(['goals', 'add', 'B One November GMV ¥100,000', '--owner', 'b1', '--target', '100000', '--parent', '1'])).stderr).toBe(
      'team: Goal #1 has check-ins of its own; a goal with sub-goals takes its value from them, so it cannot take sub-goals now.\n',
    );
  });

  it('refuses a unit change on a goal that has sub-goals', async () => {
    await ok(['goals', 'split', '1', '--by', 'member', '--members', 'b1,b2']);
    expect((await reject(['goals', 'edit', '1', '--unit', '%'])).stderr).toBe('team: Goal #1 has sub-goals in its unit; change the unit or kind before splitting, not after.\n');
  });

  it('a re-split leaves closed sub-goals at the target they were judged against', async () => {
    await ok(['goals', 'split', '1', '--by', 'member', '--members', 'b1,b2']);
    await ok(['goals', 'checkin', '2', '--value', '160000']);
    await ok(['goals', 'review', '2', '--self', 'done', '--lead', 'well done', '--score', '5', '--outcome', 'reward']);
    await ok(['goals', 'edit', '1', '--target', '400000', '--resplit']);
    expect(await query(t.db, 'select id, state, target from goals where parent_id = 1 order by id')).toEqual([
      { id: 2, state: 'achieved', target: 150000 },
      { id: 3, state: 'open', target: 200000 },
    ]);
  });
});

describe('goal owners', () => {
  it('a goal handed from a member to the whole team has no owner id left, and the trail says so', async () => {
    await ok(['goals', 'add', 'B One November GMV ¥100,000', '--owner', 'b1', '--metric', 'GMV', '--unit', '¥', '--target', '100000', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'plan']);
    await ok(['goals', 'edit', '1', '--owner', 'team']);
    expect((await ok(['goals', 'show', '1', '--json'])).json<{ ownerType: string; ownerId: number | null; owner: string }>()).toMatchObject({ ownerType: 'team', ownerId: null, owner: 'team' });
    expect(await query(t.db, "select field, old_value, new_value from goal_events where field in ('ownerType', 'ownerId') order by id")).toEqual([
      { field: 'ownerType', old_value: 'member', new_value: 'team' },
      { field: 'ownerId', old_value: '2', new_value: null },
    ]);
  });
});

describe('departments that own goals', () => {
  it('cannot be removed until the goals have another owner', async () => {
    await ok(['depts', 'add', 'Live']);
    await ok(['goals', 'add', 'Live GMV ¥100,000 in November', '--owner', 'Live', '--metric', 'GMV', '--unit', '¥', '--target', '100000', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'plan']);
    expect((await reject(['depts', 'rm', 'Live', '--yes'])).stderr).toBe('team: Department Live owns 1 goals; give them another owner first.\n');
  });
});
