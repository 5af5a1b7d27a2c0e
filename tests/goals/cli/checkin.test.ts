/**
 * `team goals checkin` end to end, and the status/forecast a goal shows
 * (through `goals show --json`) at the edges of the forecast rule.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { goalsFixture, TODAY, USER } from '../fixture.js';




const fx = goalsFixture();
const { ok, reject } = fx;

interface View {
  value: number | null;
  progressPct: number | null;
  expectedPct: number | null;
  projected: number | null;
  status: string;
  stale: boolean;
  lastCheckinDate: string | null;
}
/** Where goal `id` stands on `today`, from `goals show --json`. */
async function standing(id: number, today = TODAY): Promise<View> {
  const g = (await ok(['goals', 'show', String(id), '--json'], today)).json<View>();
  const { value, progressPct, expectedPct, projected, status, stale, lastCheckinDate } = g;
  return { value, progressPct, expectedPct, projected, status, stale, lastCheckinDate };
}

/** Wang sells 300 orders in November 2026 (29 days from start to due); no baseline, so progress counts from 0. */
async function novemberOrders(title = 'Wang: 300 Tmall orders in November') {
  await ok(['goals', 'add', title, '--owner', 'wang', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak season'], '2026-11-01');
}

describe('goals checkin', () => {
  it('a check-in on the goal of a member who has left is recorded, with a warning', async () => {
    await novemberOrders();
    await ok(['members', 'archive', 'wang']);
    const r = await ok(['goals', 'checkin', '1', '--value', '100', '--date', '2026-11-10'], '2026-11-10');
    expect(r.stderr).toBe('warning: #1 belongs to wang, who has left (archived); reassign it with team goals edit 1 --owner … or close it with a lead review.\nRecorded 100 单 for #1 on 2026-11-10: on track.\n');
    expect(await query(fx.db, 'select value from goal_checkins')).toEqual([{ value: 100 }]);
    const zh = await ok(['--lang', 'zh', 'goals', 'checkin', '1', '--add', '10', '--date', '2026-11-10'], '2026-11-10');
    expect(zh.stderr.split('\n')[0]).toBe('提醒：#1 属于已离职（已归档）的 wang；可用 team goals edit 1 --owner … 改派，或用负责人复盘（--lead）关闭。');
  });

  it('a check-in on an active member\'s goal has no such warning', async () => {
    await novemberOrders();
    expect((await ok(['goals', 'checkin', '1', '--value', '100', '--date', '2026-11-10'], '2026-11-10')).stderr).not.toContain('warning');
  });

  it('--value with --date and --note records a check-in, mirrors the last value on the goal, and reports the status', async () => {
    await novemberOrders();
    const r = await ok(['goals', 'checkin', '1', '--value', '100', '--date', '2026-11-10', '--note', 'Double 11 warm-up', '--actor', 'wang', '--json'], '2026-11-10');
    expect(r.stderr).toBe('Recorded 100 单 for #1 on 2026-11-10: on track.\n');
    // points (0, 0) and (9, 100): 100/9 × 29 = 322.2 at due
    expect(r.json()).toMatchObject({ id: 1, value: 100, progressPct: 33.3, expectedPct: 31, projected: 322, status: 'on-track', stale: false, lastCheckinDate: '2026-11-10' });
    expect(await query(fx.db, 'select goal_id, date, value, note, actor from goal_checkins')).toEqual([{ goal_id: 1, date: '2026-11-10', value: 100, note: 'Double 11 warm-up', actor: 'wang' }]);
    expect(await query(fx.db, 'select last_value, last_checkin_date from goals')).toEqual([{ last_value: 100, last_checkin_date: '2026-11-10' }]);
  });

  it('--add adds to the last value; history is kept (two check-ins, two rows)', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '100', '--date', '2026-11-10']);
    const r = await ok(['goals', 'checkin', '1', '--add', '50', '--json']);
    expect(r.stderr).toBe('Recorded 150 单 for #1 on 2026-11-23: off track.\n');
    expect(r.json()).toMatchObject({ value: 150, progressPct: 50, projected: 207, status: 'off-track', lastCheckinDate: '2026-11-23' });
    expect(await query(fx.db, 'select date, value, note, actor from goal_checkins order by id')).toEqual([
      { date: '2026-11-10', value: 100, note: null, actor: USER },
      { date: '2026-11-23', value: 150, note: null, actor: USER },
    ]);
    expect(await query(fx.db, 'select last_value, last_checkin_date from goals')).toEqual([{ last_value: 150, last_checkin_date: '2026-11-23' }]);
    const shown = (await ok(['goals', 'show', '1', '--json'])).json<{ checkins: unknown[]; sparkline: string }>();
    expect(shown.checkins).toEqual([
      { date: '2026-11-10', value: 100, note: null, actor: USER },
      { date: '2026-11-23', value: 150, note: null, actor: USER },
    ]);
    expect(shown.sparkline).toBe('▁█');
  });

  it('--add on a goal without check-ins starts from the baseline', async () => {
    await ok(['goals', 'add', 'Cut first response to 30 s in November', '--owner', 'wang', '--metric', 'First response time', '--unit', 's', '--baseline', '60', '--target', '30', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'CS standard'], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--add', '-12']);
    expect(await query(fx.db, 'select value from goal_checkins')).toEqual([{ value: 48 }]);
  });

  it('a back-dated check-in is kept in date order and does not replace the newer mirrored value', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '150']);
    await ok(['goals', 'checkin', '1', '--value', '120', '--date', '2026-11-05']);
    expect(await query(fx.db, 'select last_value, last_checkin_date from goals')).toEqual([{ last_value: 150, last_checkin_date: '2026-11-23' }]);
    expect((await ok(['goals', 'show', '1', '--json'])).json<{ checkins: { date: string }[]; value: number }>()).toMatchObject({ value: 150, checkins: [{ date: '2026-11-05' }, { date: '2026-11-23' }] });
  });

  it('two check-ins on one date: both rows kept, the later one counts', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '100']);
    await ok(['goals', 'checkin', '1', '--value', '90']);
    expect(await query(fx.db, 'select count(*) as n from goal_checkins')).toEqual([{ n: 2 }]);
    expect((await standing(1)).value).toBe(90);
    expect(await query(fx.db, 'select last_value from goals')).toEqual([{ last_value: 90 }]);
  });

  // Finding: --add with an earlier --date adds to the newest check-in (150 on 11-23), not to the value as of that date (120 on 11-05).
  it('--add with a back --date adds to the value as of that date', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '120', '--date', '2026-11-05']);
    await ok(['goals', 'checkin', '1', '--value', '150']);
    await ok(['goals', 'checkin', '1', '--add', '10', '--date', '2026-11-06']);
    expect(await query(fx.db, "select value from goal_checkins where date = '2026-11-06'")).toEqual([{ value: 130 }]);
  });

  describe('refusals: exit 2, one line, nothing written', () => {
    it('a draft', async () => {
      await ok(['goals', 'add', 'raise sales', '--owner', 'team', '--draft']);
      expect((await reject(['goals', 'checkin', '1', '--value', '1'])).stderr).toBe('team: Goal #1 is a draft and takes no check-ins until it is SMART (team goals check 1).\n');
    });

    it('a parent goal with sub-goals', async () => {
      await novemberOrders();
      await ok(['goals', 'split', '1', '--by', 'period', '--period', 'week']); // W44 (Sun 1 Nov) … W49 (Mon 30 Nov)
      expect((await reject(['goals', 'checkin', '1', '--value', '10'])).stderr).toBe('team: Goal #1 has 6 sub-goals and rolls up their values; check in on a sub-goal.\n');
    });

    it('a future date', async () => {
      await novemberOrders();
      expect((await reject(['goals', 'checkin', '1', '--value', '10', '--date', '2026-11-24'])).stderr).toBe('team: The check-in date 2026-11-24 is after today (2026-11-23).\n');
    });

    it('a date before the goal starts', async () => {
      await novemberOrders();
      expect((await reject(['goals', 'checkin', '1', '--value', '10', '--date', '2026-10-31'])).stderr).toBe('team: The check-in date 2026-10-31 is before the goal starts (2026-11-01).\n');
    });

    it('both --value and --add, or neither', async () => {
      await novemberOrders();
      expect((await reject(['goals', 'checkin', '1', '--value', '10', '--add', '2'])).stderr).toBe('team: Pass exactly one of --value N or --add N.\n');
      expect((await reject(['goals', 'checkin', '1'])).stderr).toBe('team: Pass exactly one of --value N or --add N.\n');
      expect((await reject(['goals', 'checkin', '1', '--note', 'hi'])).stderr).toBe('team: Pass exactly one of --value N or --add N.\n');
    });

    it('a value that is not a number, a bad date, an unknown goal', async () => {
      await novemberOrders();
      expect((await reject(['goals', 'checkin', '1', '--value', 'ten'])).stderr).toBe('team: Invalid --value "ten": expected a number.\n');
      expect((await reject(['goals', 'checkin', '1', '--value', '10', '--date', '11/20'])).stderr).toBe('team: Invalid --date "11/20": use YYYY-MM-DD.\n');
      expect((await reject(['goals', 'checkin', 'Wang: 300 Tmall ordrs in November', '--value', '10'])).stderr).toBe('team: No goal matches "Wang: 300 Tmall ordrs in November". Did you mean "Wang: 300 Tmall orders in November"?\n');
    });

    it('a title shared by two goals asks for the id', async () => {
      await novemberOrders('Same title 300 orders');
      await novemberOrders('Same title 300 orders');
      expect((await reject(['goals', 'checkin', 'Same title 300 orders', '--value', '10'])).stderr).toBe('team: Several goals are titled "Same title 300 orders" (#1, #2); use the id.\n');
    });

    it('accepts the goal by exact title or #id', async () => {
      await novemberOrders();
      await ok(['goals', 'checkin', 'Wang: 300 Tmall orders in November', '--value', '10']);
      await ok(['goals', 'checkin', '#1', '--add', '5']);
      expect(await query(fx.db, 'select value from goal_checkins order by id')).toEqual([{ value: 10 }, { value: 15 }]);
    });
  });
});

describe('status and forecast at the edges (goals show --json)', () => {
  it('no check-ins: not started under 25 % of the time, then at risk (and stale), missed after due', async () => {
    await novemberOrders();
    expect(await standing(1, '2026-11-05')).toEqual({ value: null, progressPct: null, expectedPct: 13.8, projected: null, status: 'not-started', stale: false, lastCheckinDate: null });
    expect(await standing(1, '2026-11-08')).toMatchObject({ expectedPct: 24.1, status: 'not-started', stale: false });
    expect(await standing(1, '2026-11-09')).toMatchObject({ expectedPct: 27.6, status: 'at-risk', stale: true });
    expect(await standing(1, '2026-11-30')).toMatchObject({ expectedPct: 100, status: 'at-risk' });
    expect(await standing(1, '2026-12-01')).toMatchObject({ expectedPct: 100, status: 'missed', stale: false });
  });

  it('one check-in projected to 100 % or more is on track', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '100', '--date', '2026-11-10'], '2026-11-10');
    expect(await standing(1, '2026-11-10')).toEqual({ value: 100, progressPct: 33.3, expectedPct: 31, projected: 322, status: 'on-track', stale: false, lastCheckinDate: '2026-11-10' });
  });

  it('projected 85–100 % is at risk; below 85 % off track', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '84', '--date', '2026-11-10'], '2026-11-10');
    // 84/9 × 29 = 270.7 = 90 %
    expect(await standing(1, '2026-11-10')).toMatchObject({ value: 84, progressPct: 28, projected: 271, status: 'at-risk' });
    await novemberOrders('Wang: 300 Tmall orders in November, take 2');
    await ok(['goals', 'checkin', '2', '--value', '50', '--date', '2026-11-10'], '2026-11-10');
    // 50/9 × 29 = 161.1 = 54 %
    expect(await standing(2, '2026-11-10')).toMatchObject({ value: 50, progressPct: 16.7, projected: 161, status: 'off-track' });
  });

  it('past due below target is missed; meeting it (overshoot included) is done, before and after due', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '250', '--date', '2026-11-20'], '2026-11-20');
    expect(await standing(1, '2026-12-01')).toMatchObject({ value: 250, progressPct: 83.3, status: 'missed', stale: false });
    await ok(['goals', 'checkin', '1', '--value', '310', '--date', '2026-11-25'], '2026-11-25');
    expect(await standing(1, '2026-11-25')).toMatchObject({ value: 310, progressPct: 103.3, status: 'done', stale: false });
    expect(await standing(1, '2026-12-20')).toMatchObject({ value: 310, status: 'done', stale: false });
  });

  it('decrease goal 60 s → 30 s: progress 50 at 45 s', async () => {
    await ok(['goals', 'add', 'Cut first response to 30 s in November', '--owner', 'wang', '--metric', 'First response time', '--unit', 's', '--baseline', '60', '--target', '30', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'CS standard'], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--value', '45', '--date', '2026-11-16'], '2026-11-16');
    // (0, 60) → (15, 45): 31 s at due = 96.7 % of the way
    expect(await standing(1, '2026-11-16')).toEqual({ value: 45, progressPct: 50, expectedPct: 51.7, projected: 31, status: 'at-risk', stale: false, lastCheckinDate: '2026-11-16' });
    await ok(['goals', 'checkin', '1', '--value', '30', '--date', '2026-11-20'], '2026-11-20');
    expect(await standing(1, '2026-11-20')).toMatchObject({ value: 30, progressPct: 100, status: 'done' });
  });

  it('at-most goal: on track while within the bound, at risk when over it but trending back, done at due, missed after due if over', async () => {
    await ok(['goals', 'add', 'Keep first response within 30 s in November', '--owner', 'wang', '--metric', 'First response time', '--unit', 's', '--baseline', '38', '--target', '30', '--direction', 'at-most', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'CS standard'], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--value', '28', '--date', '2026-11-10'], '2026-11-10');
    expect(await standing(1, '2026-11-10')).toMatchObject({ value: 28, progressPct: 100, status: 'on-track' });
    expect(await standing(1, '2026-11-30')).toMatchObject({ status: 'done', expectedPct: 100 });
    await ok(['goals', 'checkin', '1', '--value', '33', '--date', '2026-11-20'], '2026-11-20');
    // over 30 s now, but the line through 38, 28, 33 ends at 28 s
    expect(await standing(1, '2026-11-20')).toMatchObject({ value: 33, progressPct: 62.5, projected: 28, status: 'at-risk' });
    expect(await standing(1, '2026-12-01')).toMatchObject({ value: 33, status: 'missed' });
  });

  it('at-most goal over the bound and trending away is off track', async () => {
    await ok(['goals', 'add', 'Keep first response within 30 s in November', '--owner', 'wang', '--metric', 'First response time', '--unit', 's', '--baseline', '32', '--target', '30', '--direction', 'at-most', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'CS standard'], '2026-11-01');
    await ok(['goals', 'checkin', '1', '--value', '35', '--date', '2026-11-10'], '2026-11-10');
    // 3 s the wrong way from a baseline 2 s over the bound: -150 %
    expect(await standing(1, '2026-11-10')).toMatchObject({ value: 35, progressPct: -150, status: 'off-track' });
  });

  it('stale: an open goal with no check-in for more than its cadence; never a done or missed one', async () => {
    await novemberOrders();
    await ok(['goals', 'checkin', '1', '--value', '100', '--date', '2026-11-10'], '2026-11-10');
    expect((await standing(1, '2026-11-17')).stale).toBe(false);
    expect((await standing(1, '2026-11-18')).stale).toBe(true);
    await ok(['goals', 'edit', '1', '--cadence', '14']);
    expect((await standing(1, '2026-11-18')).stale).toBe(false);
    await ok(['goals', 'checkin', '1', '--value', '300', '--date', '2026-11-12'], '2026-11-12');
    // the last check-in by date still is the 300 on 11-12: done, so not stale weeks later
    expect(await standing(1, '2026-11-29')).toMatchObject({ status: 'done', stale: false });
  });
});
