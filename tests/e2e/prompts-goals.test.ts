/** Prompts of the goal commands and Ctrl-C on a real pseudo-terminal (see prompts-org.test.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, initDb, query, spawn as runTeam, tempDb } from '../helpers.js';
import { CTRL_C, ENTER, erase, hasScript, onTerminal } from './terminal.js';

let t: ReturnType<typeof tempDb>;
// What plain `team init` makes, once for the file; each test gets a copy.
beforeEach(async () => {
  t = tempDb();
  await initDb(t.db);
});
afterEach(() => t.cleanup());

describe.skipIf(!hasScript)('goal prompts on a terminal', () => {
  it('goals add asks for each SMART field and saves a live goal', async () => {
    const r = await onTerminal(
      t.db,
      ['goals', 'add', 'Q4 Tmall GMV up 20% to ¥1,800,000'],
      [ENTER, `GMV${ENTER}`, `¥${ENTER}`, `1500000${ENTER}`, `1800000${ENTER}`, `2026-12-31${ENTER}`, `annual plan${ENTER}`],
    );
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Owner:');
    expect(await query(t.db, 'select title, owner_type, metric, unit, kind, baseline, target, direction, due_date, relevance, draft from goals')).toEqual([
      { title: 'Q4 Tmall GMV up 20% to ¥1,800,000', owner_type: 'team', metric: 'GMV', unit: '¥', kind: 'additive', baseline: 1500000, target: 1800000, direction: 'increase', due_date: '2026-12-31', relevance: 'annual plan', draft: 0 },
    ]);
  });

  it('goals review warns about a reward on a missed goal and asks before recording it', async () => {
    expect(runTeam(t.db, ['goals', 'add', 'Tmall orders 300 in November', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak'], { env: { TEAM_TODAY: '2026-11-23' } }).code).toBe(0);
    expect(runTeam(t.db, ['goals', 'checkin', '1', '--value', '250'], { env: { TEAM_TODAY: '2026-11-23' } }).code).toBe(0);
    const no = await onTerminal(t.db, ['goals', 'review', '1', '--lead', 'Nice try', '--score', '3', '--outcome', 'reward'], [`n${ENTER}`]);
    expect(no.screen).toContain('warning: goal #1 missed its target (250 单 of 300 单), but the outcome is reward.');
    expect(no.screen).toContain('Record the review with this outcome anyway?');
    expect(no.code).toBe(130);
    expect(await query(t.db, 'select count(*) as n from goal_reviews')).toEqual([{ n: 0 }]);
    const yes = await onTerminal(t.db, ['goals', 'review', '1', '--lead', 'Nice try', '--score', '3', '--outcome', 'reward'], [`y${ENTER}`]);
    expect(yes.code).toBe(0);
    expect(await query(t.db, 'select g.state, r.outcome from goals g join goal_reviews r on r.goal_id = g.id')).toEqual([{ state: 'missed', outcome: 'reward' }]);
  });

  it('goals add checks each answer at its prompt: a vague title shows the S finding and is asked again; so are a bad number and an early due date', async () => {
    const title = 'Q4 Tmall GMV up 20% to ¥1,800,000';
    const r = await onTerminal(
      t.db,
      ['goals', 'add'],
      [`raise sales${ENTER}`, `${erase('raise sales')}${title}${ENTER}`, ENTER, `GMV${ENTER}`, `¥${ENTER}`, `lots${ENTER}`, `${erase('lots')}1500000${ENTER}`, `1800000${ENTER}`, `2026-11-01${ENTER}`, `${erase('2026-11-01')}2026-12-31${ENTER}`, `annual plan${ENTER}`],
    );
    expect(r.code).toBe(0);
    const vague = r.screen.indexOf('the title is too vague ("raise sales")');
    expect(vague).toBeGreaterThan(-1);
    expect(vague).toBeLessThan(r.screen.indexOf('Owner:'));
    expect(r.screen).toContain('expected a number');
    expect(r.screen).toContain('the due date 2026-11-01 is before the start 2026-11-23');
    expect(r.screen).not.toContain('Save it as a draft');
    expect(await query(t.db, 'select title, baseline, target, due_date, draft from goals')).toEqual([{ title, baseline: 1500000, target: 1800000, due_date: '2026-12-31', draft: 0 }]);
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const before = await dumpDb(t.db);
    const r = await onTerminal(t.db, ['members', 'add'], [`li.na${ENTER}`, CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('Cancelled; nothing was written.');
    expect(await dumpDb(t.db)).toEqual(before);
  });

});
