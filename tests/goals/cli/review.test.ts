/**
 * `team goals edit` (audit trail, SMART on edit, promotion, re-split) and
 * `team goals review` (self, then lead, which closes the goal) end to end.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { goalsFixture, USER } from '../fixture.js';




const fx = goalsFixture();
const { ok, reject } = fx;

const cents = (xs: readonly number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0);
const targets = async (where: string) => (await query<{ target: number }>(fx.db, `select target from goals where ${where} order by id`)).map((r) => r.target);

/** #1: ¥100,000 in Q4, split over wang, zhao, chen × Oct, Nov, Dec (#2–#13). */
async function splitQ4() {
  await ok(['goals', 'add', 'Q4 CS-assisted GMV ¥100,000', '--owner', 'Customer service', '--metric', 'Assisted GMV', '--unit', '¥', '--target', '100000', '--direction', 'increase', '--start', '2026-10-01', '--due', '2026-12-31', '--why', 'Q4 sales plan']);
  await ok(['goals', 'split', '1', '--by', 'member,period', '--members', 'wang,zhao,chen']);
}

/** #1: Wang sells 300 orders in November. */
async function wangOrders() {
  await ok(['goals', 'add', 'Wang: 300 Tmall orders in November', '--owner', 'wang', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak season'], '2026-11-01');
}

describe('goals edit', () => {
  it('records every changed field in the audit trail with who did it', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak', '--actor', 'li']);
    const r = await ok(['goals', 'edit', '1', '--target', '130000', '--due', '2026-12-30', '--why', 'peak season', '--actor', 'boss', '--json']);
    expect(r.stderr).toBe('Updated goal #1.\n');
    expect(r.json()).toMatchObject({ id: 1, target: 130000, due: '2026-12-30', relevance: 'peak season', horizon: 'month' });
    const g = (await ok(['goals', 'show', '1', '--history', '--json'])).json<{ history: { at: string; actor: string; field: string; old: string | null; new: string | null }[] }>();
    expect(g.history.map(({ actor, field, old, new: nu }) => ({ actor, field, old, new: nu }))).toEqual([
      { actor: 'li', field: 'created', old: null, new: 'open' },
      { actor: 'boss', field: 'target', old: '120000', new: '130000' },
      { actor: 'boss', field: 'due', old: '2026-12-31', new: '2026-12-30' },
      { actor: 'boss', field: 'relevance', old: 'peak', new: 'peak season' },
    ]);
    for (const h of g.history) expect(h.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await query(fx.db, 'select target, due_date, relevance from goals')).toEqual([{ target: 130000, due_date: '2026-12-30', relevance: 'peak season' }]);
  });

  it('show without --history has no history field; the actor defaults to $TEAM_USER', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak']);
    await ok(['goals', 'edit', '1', '--title', 'Tmall GMV ¥125,000 in December', '--target', '125000']);
    expect((await ok(['goals', 'show', '1', '--json'])).json()).not.toHaveProperty('history');
    expect(await query(fx.db, "select actor, field, old_value, new_value from goal_events where field <> 'created' order by id")).toEqual([
      { actor: USER, field: 'title', old_value: 'Tmall GMV ¥120,000 in December', new_value: 'Tmall GMV ¥125,000 in December' },
      { actor: USER, field: 'target', old_value: '120000', new_value: '125000' },
    ]);
  });

  it('moving the dates re-derives the horizon', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak']);
    expect((await ok(['goals', 'edit', '1', '--start', '2027-01-01', '--due', '2027-03-31', '--json'])).json()).toMatchObject({ horizon: 'quarter', start: '2027-01-01', due: '2027-03-31' });
  });

  it('refuses an edit that would make a live goal fail SMART (exit 2, nothing written)', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak']);
    const vague = await reject(['goals', 'edit', '1', '--title', 'raise sales']);
    expect(vague.stderr).toContain('S specific: the title is too vague ("raise sales")');
    const late = await reject(['goals', 'edit', '1', '--due', '2026-11-30']);
    expect(late.stderr).toContain('T time-bound: the due date 2026-11-30 is before the start 2026-12-01');
    const wrongWay = await reject(['goals', 'edit', '1', '--target', '90000']);
    expect(wrongWay.stderr).toContain('M measurable: target 90000 and baseline 100000 contradict the direction (increase)');
  });

  // Finding: edit says "…or pass --draft to save it as a draft", but edit has no --draft; err.goal.notSmartEdit exists and is unused.
  it('the refusal names the goal and does not suggest --draft, which edit does not have', async () => {
    await ok(['goals', 'add', 'Tmall GMV ¥120,000 in December', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak']);
    const r = await reject(['goals', 'edit', '1', '--title', 'raise sales']);
    expect(r.stderr).toBe('team: That edit would make goal #1 fail SMART: S specific: the title is too vague ("raise sales"); name the object and a number, e.g. "Raise Tmall store sales 20% this quarter".\n');
  });

  it('a draft that becomes SMART is promoted: message on stderr, draft false, audited', async () => {
    await ok(['goals', 'add', 'raise sales', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak', '--draft']);
    expect(await query(fx.db, 'select draft from goals')).toEqual([{ draft: 1 }]);
    const r = await ok(['goals', 'edit', '1', '--title', 'Tmall GMV ¥120,000 in December', '--json']);
    expect(r.stderr).toBe('Updated goal #1.\nGoal #1 is SMART now and no longer a draft.\n');
    expect(r.json()).toMatchObject({ draft: false, status: 'not-started', smart: { ok: true, blocking: false, findings: [] } });
    expect(await query(fx.db, 'select draft from goals')).toEqual([{ draft: 0 }]);
    expect(await query(fx.db, "select field from goal_events where field <> 'created' order by id")).toEqual([{ field: 'title' }, { field: 'draft' }]);
    await ok(['goals', 'checkin', '1', '--value', '1000'], '2026-12-05');
  });

  it('a draft edited but still not SMART stays a draft (no promotion message)', async () => {
    await ok(['goals', 'add', 'raise sales', '--owner', 'team', '--draft']);
    const r = await ok(['goals', 'edit', '1', '--metric', 'GMV', '--json']);
    expect(r.stderr).not.toContain('no longer a draft');
    expect(r.json()).toMatchObject({ draft: true, status: 'draft', metric: 'GMV' });
  });

  // Finding: add derives the direction from baseline → target, edit does not; the draft silently stays a draft.
  it('editing a draft with baseline < target derives "increase", as add does, and promotes it', async () => {
    await ok(['goals', 'add', '提高销售额', '--owner', 'team', '--draft']);
    const r = await ok(['goals', 'edit', '1', '--title', 'Tmall GMV ¥2,000,000 in December', '--metric', 'GMV', '--unit', '¥', '--baseline', '1500000', '--target', '2000000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak', '--json']);
    expect(r.json()).toMatchObject({ draft: false, direction: 'increase' });
  });

  // Finding: the audit trail records the promotion as draft "true" → "0" (a boolean on one side, a column value on the other).
  it('the draft promotion is audited with one representation on both sides', async () => {
    await ok(['goals', 'add', 'raise sales', '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '100000', '--target', '120000', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak', '--draft']);
    await ok(['goals', 'edit', '1', '--title', 'Tmall GMV ¥120,000 in December']);
    const [e] = await query<{ old_value: string; new_value: string }>(fx.db, "select old_value, new_value from goal_events where field = 'draft'");
    expect([['true', 'false'], ['1', '0']]).toContainEqual([e!.old_value, e!.new_value]);
  });

  it('--target on a split parent with --resplit re-splits every level exactly', async () => {
    await splitQ4();
    const r = await ok(['goals', 'edit', '1', '--target', '200000', '--resplit']);
    expect(r.stderr).toBe('Updated goal #1.\nRe-split: 12 sub-goals now match the new target.\n');
    // by the weights the split used (even), so the rounding is that of a fresh split
    expect(await targets('parent_id = 1')).toEqual([66666.67, 66666.67, 66666.66]);
    for (const m of await query<{ id: number; target: number }>(fx.db, 'select id, target from goals where parent_id = 1')) {
      expect(cents(await targets(`parent_id = ${m.id}`))).toBe(Math.round(m.target * 100));
    }
    expect(cents(await targets('period_label is not null'))).toBe(20_000_000);
    expect(await query(fx.db, "select count(*) as n from goal_events where field = 'target'")).toEqual([{ n: 13 }]);
  });

  it('--resplit on a rate parent gives every child the new target', async () => {
    await ok(['goals', 'add', 'CS satisfaction 95% in December', '--owner', 'Customer service', '--metric', 'CSAT', '--unit', '%', '--baseline', '90', '--target', '95', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'x']);
    await ok(['goals', 'split', '1', '--by', 'member', '--members', 'wang,zhao']);
    await ok(['goals', 'edit', '1', '--target', '96', '--resplit']);
    expect(await targets('parent_id = 1')).toEqual([96, 96]);
  });

  it('without --resplit and no terminal: prints the hint and leaves the children', async () => {
    await splitQ4();
    const r = await ok(['goals', 'edit', '1', '--target', '120000']);
    expect(r.stderr).toBe('Updated goal #1.\nThe sub-goals still add up to the old target; run team goals edit 1 --resplit to re-split them.\n');
    expect(await targets('id = 1')).toEqual([120000]);
    expect(await targets('parent_id = 1')).toEqual([33333.34, 33333.33, 33333.33]);
  });

  it('--no-resplit leaves the children without a hint', async () => {
    await splitQ4();
    expect((await ok(['goals', 'edit', '1', '--target', '120000', '--no-resplit'])).stderr).toBe('Updated goal #1.\n');
    expect(await targets('parent_id = 1')).toEqual([33333.34, 33333.33, 33333.33]);
  });

  // Finding: the printed hint is a no-op: the target is unchanged, so nothing is re-split, and there is no other way to re-split.
  it('running the hinted command re-splits the children', async () => {
    await splitQ4();
    await ok(['goals', 'edit', '1', '--target', '120000']);
    await ok(['goals', 'edit', '1', '--resplit']);
    expect(await targets('parent_id = 1')).toEqual([40000, 40000, 40000]);
  });

  it('refuses: nothing to change, a bad number, an unknown goal, the goal as its own parent', async () => {
    await wangOrders();
    expect((await reject(['goals', 'edit', '1'])).stderr).toBe('team: Nothing to change: pass at least one option.\n');
    expect((await reject(['goals', 'edit', '1', '--target', 'lots'])).stderr).toBe('team: Invalid --target "lots": expected a number.\n');
    expect((await reject(['goals', 'edit', '5', '--target', '1'])).stderr).toBe('team: No goal matches "5".\n');
    expect((await reject(['goals', 'edit', '1', '--parent', '1'])).stderr).toBe('team: Goal #1 cannot be placed under itself or its own sub-goals.\n');
  });


});

describe('goals review', () => {
  it('self-assessment, then the lead\'s review closes the goal as achieved with the final value', async () => {
    await wangOrders();
    await ok(['goals', 'checkin', '1', '--value', '320']);
    const self = await ok(['goals', 'review', '1', '--self', 'Beat it; after-sales was busy', '--self-score', '4', '--actor', 'wang', '--json']);
    expect(self.stderr).toBe('Recorded the review of #1.\n');
    expect(self.json()).toMatchObject({ state: 'open', status: 'done', finalValue: null, closedAt: null });
    const lead = await ok(['goals', 'review', '1', '--lead', 'Achieved: service star', '--score', '5', '--outcome', 'reward', '--outcome-note', 'service star', '--actor', 'boss', '--json']);
    expect(lead.stderr).toBe('Recorded the review of #1.\nClosed #1: achieved with 320 单.\n');
    const g = lead.json<{ closedAt: string }>();
    expect(g).toMatchObject({ state: 'achieved', finalValue: 320, value: 320, progressPct: 106.7, status: 'done', stale: false });
    expect(g.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await query(fx.db, 'select goal_id, kind, text, score, outcome, outcome_note, actor from goal_reviews order by id')).toEqual([
      { goal_id: 1, kind: 'self', text: 'Beat it; after-sales was busy', score: 4, outcome: null, outcome_note: null, actor: 'wang' },
      { goal_id: 1, kind: 'lead', text: 'Achieved: service star', score: 5, outcome: 'reward', outcome_note: 'service star', actor: 'boss' },
    ]);
    expect(await query(fx.db, 'select state, final_value, closed_at is not null as closed from goals')).toEqual([{ state: 'achieved', final_value: 320, closed: 1 }]);
    expect(await query(fx.db, "select actor, field, old_value, new_value from goal_events where field in ('state', 'finalValue') order by id")).toEqual([
      { actor: 'boss', field: 'state', old_value: 'open', new_value: 'achieved' },
      { actor: 'boss', field: 'finalValue', old_value: null, new_value: '320' },
    ]);
    const shown = (await ok(['goals', 'show', '1', '--json'])).json<{ reviews: unknown[] }>();
    expect(shown.reviews).toMatchObject([
      { kind: 'self', text: 'Beat it; after-sales was busy', score: 4, outcome: null, outcomeNote: null, actor: 'wang' },
      { kind: 'lead', text: 'Achieved: service star', score: 5, outcome: 'reward', outcomeNote: 'service star', actor: 'boss' },
    ]);
  });

  it('closes as missed when the final value falls short; --final overrides the current value', async () => {
    await wangOrders();
    await ok(['goals', 'checkin', '1', '--value', '280']);
    await ok(['goals', 'review', '1', '--self', 'Close, but short']);
    const r = await ok(['goals', 'review', '1', '--lead', 'Missed by a little', '--score', '3', '--outcome', 'none', '--final', '250', '--json']);
    expect(r.stderr).toBe('Recorded the review of #1.\nClosed #1: missed with 250 单.\n');
    expect(r.json()).toMatchObject({ state: 'missed', finalValue: 250, value: 250, progressPct: 83.3, status: 'missed' });
  });

  it('self and lead in one command close a member goal', async () => {
    await wangOrders();
    await ok(['goals', 'checkin', '1', '--value', '300']);
    await ok(['goals', 'review', '1', '--self', 'Done', '--lead', 'Agreed', '--score', '4', '--outcome', 'none']);
    expect(await query(fx.db, 'select kind from goal_reviews order by id')).toEqual([{ kind: 'self' }, { kind: 'lead' }]);
    expect(await query(fx.db, 'select state from goals')).toEqual([{ state: 'achieved' }]);
  });

  it('a team goal needs no self-assessment', async () => {
    await ok(['goals', 'add', 'Tmall orders 300 in November', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak']);
    await ok(['goals', 'review', '1', '--lead', 'Penalty: too slow', '--score', '2', '--outcome', 'penalty', '--final', '120']);
    expect(await query(fx.db, 'select state, final_value from goals')).toEqual([{ state: 'missed', final_value: 120 }]);
  });

  describe('an outcome that contradicts the result', () => {
    const teamOrders = () => ok(['goals', 'add', 'Tmall orders 300 in November', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak']);

    it('a reward on a missed goal needs --yes without a terminal: exit 2, one line naming --yes, nothing written', async () => {
      await teamOrders();
      await ok(['goals', 'checkin', '1', '--value', '250']);
      expect((await reject(['goals', 'review', '1', '--lead', 'Nice try', '--score', '3', '--outcome', 'reward'])).stderr).toBe(
        'team: Goal #1 missed its target (250 单 of 300 单), but --outcome is reward; pass --yes to record it anyway.\n',
      );
      const r = await ok(['goals', 'review', '1', '--lead', 'Nice try', '--score', '3', '--outcome', 'reward', '--yes']);
      expect(r.stderr).toBe('Recorded the review of #1.\nClosed #1: missed with 250 单.\n');
      expect(await query(fx.db, 'select g.state, r.outcome from goals g join goal_reviews r on r.goal_id = g.id')).toEqual([{ state: 'missed', outcome: 'reward' }]);
    });

    it('a penalty on an achieved goal, in Chinese too; -y is the short form', async () => {
      await teamOrders();
      await ok(['goals', 'checkin', '1', '--value', '320']);
      expect((await reject(['goals', 'review', '1', '--lead', 'Late', '--score', '2', '--outcome', 'penalty'])).stderr).toBe(
        'team: Goal #1 achieved its target (320 单 of 300 单), but --outcome is penalty; pass --yes to record it anyway.\n',
      );
      expect((await reject(['--lang', 'zh', 'goals', 'review', '1', '--lead', 'Late', '--score', '2', '--outcome', 'penalty'])).stderr).toBe(
        'team: 目标 #1 已达成（320 单，目标 300 单），但 --outcome 是“处罚”；如确认无误，请加 --yes。\n',
      );
      await ok(['goals', 'review', '1', '--lead', 'Late', '--score', '2', '--outcome', 'penalty', '-y']);
      expect(await query(fx.db, 'select state from goals')).toEqual([{ state: 'achieved' }]);
    });

    it('--final decides the result that is compared; matching outcomes and "none" need no --yes', async () => {
      await teamOrders();
      await ok(['goals', 'checkin', '1', '--value', '250']);
      await reject(['goals', 'review', '1', '--lead', 'x', '--score', '3', '--outcome', 'penalty', '--final', '310']);
      await ok(['goals', 'review', '1', '--lead', 'x', '--score', '3', '--outcome', 'reward', '--final', '310']);
      await ok(['goals', 'add', 'Tmall orders 400 in November', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '400', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak']);
      await ok(['goals', 'review', '2', '--lead', 'x', '--score', '3', '--outcome', 'none', '--final', '10']);
    });
  });

  describe('the owner has left (archived member)', () => {
    it('the lead closes the goal without the self-assessment that will never come, and it says so', async () => {
      await wangOrders();
      await ok(['goals', 'checkin', '1', '--value', '280']);
      await ok(['members', 'archive', 'wang']);
      const r = await ok(['goals', 'review', '1', '--lead', 'Left before the end', '--score', '3', '--outcome', 'none', '--actor', 'boss', '--json']);
      expect(r.stderr).toBe('Recorded the review of #1.\nClosed #1 without a self-assessment: wang has left (archived).\nClosed #1: missed with 280 单.\n');
      expect(r.json()).toMatchObject({ state: 'missed', finalValue: 280, selfAssessmentWaived: true });
      expect(await query(fx.db, 'select kind, text, actor from goal_reviews order by id')).toEqual([{ kind: 'lead', text: 'Left before the end', actor: 'boss' }]);
      expect(await query(fx.db, "select actor, old_value, new_value from goal_events where field = 'selfAssessment'")).toEqual([{ actor: 'boss', old_value: null, new_value: 'waived: owner archived' }]);
      const shown = (await ok(['goals', 'show', '1', '--history', '--json'])).json<{ state: string; history: { field: string; new: string | null }[] }>();
      expect(shown.state).toBe('missed');
      expect(shown.history).toContainEqual(expect.objectContaining({ field: 'selfAssessment', new: 'waived: owner archived' }));
    });

    it('in Chinese the note is translated', async () => {
      await wangOrders();
      await ok(['goals', 'checkin', '1', '--value', '300']);
      await ok(['members', 'archive', 'wang']);
      const r = await ok(['--lang', 'zh', 'goals', 'review', '1', '--lead', '已离职', '--score', '3', '--outcome', 'none']);
      expect(r.stderr).toContain('wang 已离职（已归档），#1 无自评直接关闭。');
    });

    it('a restored (active) member still writes the self-assessment first', async () => {
      await wangOrders();
      await ok(['goals', 'checkin', '1', '--value', '320']);
      await ok(['members', 'archive', 'wang']);
      await ok(['members', 'restore', 'wang']);
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--score', '5', '--outcome', 'reward'])).stderr).toBe(
        'team: wang has not written a self-assessment yet (team goals review GOAL --self "…"); the lead reviews after it.\n',
      );
    });

    it('a goal with a self-assessment closes as usual, with no waiver', async () => {
      await wangOrders();
      await ok(['goals', 'checkin', '1', '--value', '320']);
      await ok(['goals', 'review', '1', '--self', 'Done', '--actor', 'wang']);
      await ok(['members', 'archive', 'wang']);
      const r = await ok(['goals', 'review', '1', '--lead', 'Good', '--score', '4', '--outcome', 'reward', '--json']);
      expect(r.stderr).toBe('Recorded the review of #1.\nClosed #1: achieved with 320 单.\n');
      expect(r.json()).toMatchObject({ state: 'achieved', selfAssessmentWaived: false });
      expect(await query(fx.db, "select count(*) as n from goal_events where field = 'selfAssessment'")).toEqual([{ n: 0 }]);
    });
  });

  describe('refusals: exit 2, one line, nothing written', () => {
    it('the lead before the owner\'s self-assessment on a member goal', async () => {
      await wangOrders();
      await ok(['goals', 'checkin', '1', '--value', '320']);
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--score', '5', '--outcome', 'reward'])).stderr).toBe(
        'team: wang has not written a self-assessment yet (team goals review GOAL --self "…"); the lead reviews after it.\n',
      );
    });

    it('a lead review without --score or --outcome, or a bad one', async () => {
      await wangOrders();
      await ok(['goals', 'review', '1', '--self', 'ok']);
      const needs = 'team: A lead review needs --score 1-5 and --outcome reward|none|penalty.\n';
      expect((await reject(['goals', 'review', '1', '--lead', 'Great'])).stderr).toBe(needs);
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--score', '5'])).stderr).toBe(needs);
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--outcome', 'none'])).stderr).toBe(needs);
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--score', '6', '--outcome', 'none'])).stderr).toBe('team: --score must be a whole number from 1 to 5 (got "6").\n');
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--score', '0x5', '--outcome', 'none'])).stderr).toBe('team: --score must be a whole number from 1 to 5 (got "0x5").\n');
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--score', '4.5', '--outcome', 'none'])).stderr).toBe('team: --score must be a whole number from 1 to 5 (got "4.5").\n');
      expect((await reject(['goals', 'review', '1', '--lead', 'Great', '--score', '4', '--outcome', 'bonus'])).stderr).toBe('team: Invalid --outcome "bonus": use reward, none, penalty.\n');
    });

    it('neither --self nor --lead', async () => {
      await wangOrders();
      expect((await reject(['goals', 'review', '1'])).stderr).toBe('team: Pass --self "…" (the owner) or --lead "…" (the lead).\n');
    });

    it('no check-ins and no --final', async () => {
      await ok(['goals', 'add', 'Tmall orders 300 in November', '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--target', '300', '--direction', 'increase', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'peak']);
      expect((await reject(['goals', 'review', '1', '--lead', 'x', '--score', '3', '--outcome', 'none'])).stderr).toBe('team: Goal #1 has no check-ins: pass --final N.\n');
    });

    it('a draft', async () => {
      await ok(['goals', 'add', 'raise sales', '--owner', 'team', '--draft']);
      expect((await reject(['goals', 'review', '1', '--self', 'x'])).stderr).toBe('team: Goal #1 is a draft; there is nothing to review yet.\n');
    });

    it('a closed goal takes no more reviews, check-ins, edits or splits', async () => {
      await wangOrders();
      await ok(['goals', 'checkin', '1', '--value', '320']);
      await ok(['goals', 'review', '1', '--self', 'Done', '--lead', 'Agreed', '--score', '4', '--outcome', 'none']);
      const closed = 'team: Goal #1 is closed (achieved).\n';
      expect((await reject(['goals', 'review', '1', '--self', 'again'])).stderr).toBe(closed);
      expect((await reject(['goals', 'review', '1', '--lead', 'again', '--score', '1', '--outcome', 'penalty'])).stderr).toBe(closed);
      expect((await reject(['goals', 'checkin', '1', '--value', '1'])).stderr).toBe(closed);
      expect((await reject(['goals', 'edit', '1', '--target', '400'])).stderr).toBe(closed);
      expect((await reject(['goals', 'split', '1', '--by', 'period'])).stderr).toBe(closed);
    });
  });
});
