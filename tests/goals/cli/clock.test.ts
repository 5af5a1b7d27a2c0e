/** One clock setting: TEAM_TODAY pins timestamps (created, closed, reviewed, archived) as it pins dates. */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { goalsFixture } from '../fixture.js';

const fx = goalsFixture();
const { ok } = fx;
const NOON = '2026-11-23T12:00:00.000Z'; // TEAM_TODAY=2026-11-23, TZ=UTC

describe('TEAM_TODAY fixes timestamps too', () => {
  it('creation, check-ins, reviews, closing, archiving and the audit trail all carry the pinned time', async () => {
    await ok(['goals', 'add', 'Wang: 300 Tmall orders in November', '--owner', 'wang', '--metric', 'Orders', '--unit', '单', '--target', '300', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak season']);
    await ok(['goals', 'checkin', '1', '--value', '320']);
    await ok(['goals', 'review', '1', '--self', 'Beat it', '--self-score', '4']);
    await ok(['goals', 'review', '1', '--lead', 'Achieved', '--score', '5', '--outcome', 'reward']);
    await ok(['goals', 'archive', '1']);
    const g = (await ok(['goals', 'show', '1', '--history', '--json'])).json<{ createdAt: string; updatedAt: string; closedAt: string; archivedAt: string; reviews: { at: string }[]; history: { at: string }[] }>();
    expect([g.createdAt, g.updatedAt, g.closedAt, g.archivedAt]).toEqual([NOON, NOON, NOON, NOON]);
    expect(new Set([...g.reviews.map((r) => r.at), ...g.history.map((h) => h.at)])).toEqual(new Set([NOON]));
    expect(await query(fx.db, 'select created_at from goal_checkins')).toEqual([{ created_at: NOON }]);
  });

  it('a member archived on a pinned day is archived at its noon', async () => {
    await ok(['members', 'archive', 'chen']);
    expect(await query(fx.db, "select archived_at, updated_at from members where handle = 'chen'")).toEqual([{ archived_at: NOON, updated_at: NOON }]);
  });

  it('a pinned moment is kept to the millisecond', async () => {
    await ok(['goals', 'add', 'Team: 1,000 orders in December', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '1000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak'], '2026-11-23T08:30:15.250Z');
    expect(await query(fx.db, 'select created_at from goals')).toEqual([{ created_at: '2026-11-23T08:30:15.250Z' }]);
  });
});
