/**
 * `team evals appeal|decide` end to end, in-process: an appeal reopens one
 * evaluation of a closed cycle (and only that one), the decision is upheld
 * (score as it was) or changed (the new score and grade locked), and the
 * appeal is kept with the score before and after.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { evaluationsFixture, PRESALE_FULL } from '../fixture.js';

const fx = evaluationsFixture();
const { ok, reject } = fx;

const STAMP = '2026-12-01T12:00:00.000Z';

interface AppealJson {
  reason: string;
  filedOn: string;
  outcome: string | null;
  oldScore: number | null;
  oldGrade: string | null;
  newScore: number | null;
  newGrade: string | null;
  note: string | null;
  decidedAt: string | null;
}

interface ShowJson {
  evaluation: { handle: string; state: string; finalScore: number | null; grade: string | null; appeals: AppealJson[] };
}

/** November closed: wu and zheng scored 100 (A), li and zhou without a score. */
async function closedNovember(): Promise<void> {
  await ok(['evals', 'open', '--period', '2026-11']);
  await fx.record('wu', PRESALE_FULL);
  await fx.record('zheng', PRESALE_FULL);
  await ok(['evals', 'close', '--period', '2026-11', '--allow-missing']);
}

const show = async (member: string) => (await ok(['evals', 'show', member, '--period', '2026-11', '--json'])).json<ShowJson>().evaluation;

const appeals = () =>
  query(fx.db, 'select m.handle, a.reason, a.filed_on, a.actor, a.outcome, a.old_score, a.old_grade, a.new_score, a.new_grade, a.note, a.decided_at from eval_appeals a join eval_evaluations e on e.id = a.evaluation_id join members m on m.id = e.member_id order by a.id');

describe('evals appeal', () => {
  it('is for closed cycles only', async () => {
    await ok(['evals', 'open', '--period', '2026-11']);
    expect((await reject(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', 'Reviews missing'])).stderr).toBe('team: Cycle 2026-11 is still open: change the evaluation directly; appeals are for closed cycles.\n');
    expect((await reject(['evals', 'appeal', 'wu', '--period', '2026-10', '--reason', 'x'])).stderr).toMatch(/^team: No evaluation cycle matches "2026-10"/);
    expect((await reject(['evals', 'appeal', 'wu', '--reason', 'x'])).stderr).toBe('team: Missing --period <YYYY-MM>.\n');
  });

  it('reopens one evaluation: it shows as appealed, and only that member may be written to', async () => {
    await closedNovember();
    const r = await ok(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', ' 30 Nov reviews were not counted ', '--json']);
    expect(r.json()).toEqual({ period: '2026-11', handle: 'wu', score: 100, grade: 'A' });
    expect(r.stderr).toBe('Appeal of wu in 2026-11 filed (score 100): the evaluation is open again until it is decided.\n');
    expect(await appeals()).toEqual([
      { handle: 'wu', reason: '30 Nov reviews were not counted', filed_on: '2026-12-01', actor: 'lead', outcome: null, old_score: 100, old_grade: 'A', new_score: null, new_grade: null, note: null, decided_at: null },
    ]);
    const e = await show('wu');
    expect(e.state).toBe('appealed');
    expect(e.appeals).toEqual([{ reason: '30 Nov reviews were not counted', filedOn: '2026-12-01', outcome: null, oldScore: 100, oldGrade: 'A', newScore: null, newGrade: null, note: null, decidedAt: null }]);
    expect((await show('zheng')).state).toBe('closed');
    const table = await ok(['evals', 'show', 'wu', '--period', '2026-11']);
    expect(table.stdout).toContain('2026-11 (under appeal)');
    expect(table.stdout).toContain('Appeal filed 2026-12-01: 30 Nov reviews were not counted (not decided yet)');
    // Writes reach wu's evaluation; zheng's stays locked.
    expect((await ok(['evals', 'record', 'wu', 'Customer satisfaction', '--value', '96', '--period', '2026-11', '--json'])).json()).toMatchObject({ handle: 'wu', score: 100 });
    await ok(['evals', 'review', 'wu', '--comment', 'Checked the reviews', '--period', '2026-11']);
    await ok(['evals', 'peer', 'wu', '--by', 'zheng', '--score', '90', '--period', '2026-11']);
    const closedMsg = 'team: Cycle 2026-11 is closed: nothing in it changes (file an appeal to reopen one evaluation).\n';
    expect((await reject(['evals', 'record', 'zheng', 'Customer satisfaction', '--value', '96', '--period', '2026-11'])).stderr).toBe(closedMsg);
    expect((await reject(['evals', 'peer', 'zheng', '--by', 'wu', '--score', '90', '--period', '2026-11'])).stderr).toBe(closedMsg);
    // The report and the list know of it.
    const report = (await ok(['evals', 'report', '--period', '2026-11', '--json'])).json<{ ranking: { handle: string; state: string }[] }>();
    expect(report.ranking.map((x) => [x.handle, x.state])).toEqual([
      ['wu', 'appealed'],
      ['zheng', 'closed'],
      ['li', 'closed'],
      ['zhou', 'closed'],
    ]);
    expect((await ok(['evals', 'list', '--json'])).json()).toEqual([expect.objectContaining({ period: '2026-11', state: 'closed', appeals: 1 })]);
  });

  it('refuses a second appeal while one is pending, an empty reason, a member not in the cycle', async () => {
    await closedNovember();
    await ok(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', 'Reviews missing']);
    expect((await reject(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', 'Again'])).stderr).toBe('team: wu already has an appeal open in 2026-11.\n');
    expect((await reject(['evals', 'appeal', 'zheng', '--period', '2026-11', '--reason', '  '])).stderr).toBe('team: --reason must not be empty.\n');
    expect((await reject(['evals', 'appeal', 'ma', '--period', '2026-11', '--reason', 'x'])).stderr).toBe('team: ma has no evaluation in 2026-11.\n');
    // Another member's appeal may run beside it.
    await ok(['evals', 'appeal', 'zheng', '--period', '2026-11', '--reason', 'Mine too']);
    expect((await appeals()).map((a) => a.handle)).toEqual(['wu', 'zheng']);
  });
});

describe('evals decide', () => {
  it('upheld: the score unchanged; the evaluation locks again', async () => {
    await closedNovember();
    await ok(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', 'Reviews missing']);
    const r = await ok(['evals', 'decide', 'wu', '--period', '2026-11', '--outcome', 'upheld', '--note', 'Reviews were counted', '--json']);
    expect(r.json()).toEqual({ period: '2026-11', handle: 'wu', outcome: 'upheld', oldScore: 100, newScore: 100, oldGrade: 'A', newGrade: 'A' });
    expect(r.stderr).toBe('Appeal of wu in 2026-11: upheld (100 → 100, grade A).\n');
    expect(await appeals()).toEqual([
      { handle: 'wu', reason: 'Reviews missing', filed_on: '2026-12-01', actor: 'lead', outcome: 'upheld', old_score: 100, old_grade: 'A', new_score: 100, new_grade: 'A', note: 'Reviews were counted', decided_at: STAMP },
    ]);
    expect(await show('wu')).toMatchObject({ state: 'closed', finalScore: 100, appeals: [expect.objectContaining({ outcome: 'upheld', note: 'Reviews were counted', decidedAt: STAMP })] });
    expect((await reject(['evals', 'record', 'wu', 'Efficiency', '--value', '60', '--period', '2026-11'])).stderr).toBe('team: Cycle 2026-11 is closed: nothing in it changes (file an appeal to reopen one evaluation).\n');
    expect((await reject(['evals', 'decide', 'wu', '--period', '2026-11', '--outcome', 'upheld'])).stderr).toBe('team: wu has no open appeal in 2026-11.\n');
  });

  it('upheld is refused once the score changed (and allowed again when the change is undone); changed is refused while it has not', async () => {
    await closedNovember();
    await ok(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', 'Reviews missing']);
    expect((await reject(['evals', 'decide', 'wu', '--period', '2026-11', '--outcome', 'changed'])).stderr).toBe('team: The score is still 100: change a value or the review first, or record the outcome as upheld.\n');
    // Efficiency 60 scores 0: 100 − 10 = 90.
    await ok(['evals', 'record', 'wu', 'Efficiency', '--value', '60', '--period', '2026-11']);
    expect((await reject(['evals', 'decide', 'wu', '--period', '2026-11', '--outcome', 'upheld'])).stderr).toBe('team: The score changed during the appeal (100 → 90): record the outcome as changed, or undo the change.\n');
    await ok(['evals', 'record', 'wu', 'Efficiency', '--value', '95', '--period', '2026-11']);
    expect((await ok(['evals', 'decide', 'wu', '--period', '2026-11', '--outcome', 'upheld', '--json'])).json()).toMatchObject({ outcome: 'upheld', newScore: 100 });
    expect((await reject(['evals', 'decide', 'zheng', '--period', '2026-11', '--outcome', 'upheld'])).stderr).toBe('team: zheng has no open appeal in 2026-11.\n');
    expect((await reject(['evals', 'decide', 'wu', '--period', '2026-11', '--outcome', 'maybe'])).stderr).toBe('team: --outcome: "maybe" is neither upheld nor changed.\n');
  });

  it('changed: records the old and new score and grade, and locks the new one', async () => {
    await closedNovember();
    await ok(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', 'Spot checks were wrong']);
    // Work quality and efficiency 60 score 0: 100 − 10 − 10 = 80, grade B.
    await ok(['evals', 'record', 'wu', 'Work quality', '--value', '60', '--period', '2026-11']);
    await ok(['evals', 'record', 'wu', 'Efficiency', '--value', '60', '--period', '2026-11']);
    const r = await ok(['evals', 'decide', 'wu', '--period', '2026-11', '--outcome', 'changed', '--note', 'Recounted', '--json']);
    expect(r.json()).toEqual({ period: '2026-11', handle: 'wu', outcome: 'changed', oldScore: 100, newScore: 80, oldGrade: 'A', newGrade: 'B' });
    expect(r.stderr).toBe('Appeal of wu in 2026-11: changed (100 → 80, grade B).\n');
    expect(await appeals()).toEqual([
      { handle: 'wu', reason: 'Spot checks were wrong', filed_on: '2026-12-01', actor: 'lead', outcome: 'changed', old_score: 100, old_grade: 'A', new_score: 80, new_grade: 'B', note: 'Recounted', decided_at: STAMP },
    ]);
    expect(await query(fx.db, "select e.kpi_score, e.final_score, e.grade from eval_evaluations e join members m on m.id = e.member_id where m.handle = 'wu'")).toEqual([{ kpi_score: 80, final_score: 80, grade: 'B' }]);
    const e = await show('wu');
    expect(e).toMatchObject({ state: 'closed', finalScore: 80, grade: 'B' });
    const table = await ok(['evals', 'show', 'wu', '--period', '2026-11']);
    expect(table.stdout).toContain('Appeal filed 2026-12-01: Spot checks were wrong — changed (100 → 80)');
    // zheng is now first alone, wu second; the bonus follows the new grade.
    const rewards = (await ok(['evals', 'rewards', '--period', '2026-11', '--json'])).json<{ rows: { handle: string; kind: string | null; coefficient: number | null; rank: number | null }[] }>();
    expect(rewards.rows.filter((x) => x.handle === 'wu').map((x) => [x.rank, x.kind, x.coefficient])).toEqual([[2, 'bonus', 1]]);
    // A later appeal starts from the new score.
    expect((await ok(['evals', 'appeal', 'wu', '--period', '2026-11', '--reason', 'Once more', '--json'])).json()).toEqual({ period: '2026-11', handle: 'wu', score: 80, grade: 'B' });
  });

  it('an evaluation closed without a score may get one on appeal: changed from none', async () => {
    await closedNovember();
    await ok(['evals', 'appeal', 'zhou', '--period', '2026-11', '--reason', 'My data was never entered']);
    await fx.record('zhou', [
      ['Customer satisfaction', 97],
      ['Resolution rate', 80],
      ['First response time', 25],
      ['Team training done', 100],
      ['Work quality', 95],
      ['Efficiency', 95],
    ]);
    // Resolution (80 − 70) / 20 = 50 of its 25 %: 87.5, grade B.
    expect((await reject(['evals', 'decide', 'zhou', '--period', '2026-11', '--outcome', 'upheld'])).stderr).toBe('team: The score changed during the appeal (— → 87.5): record the outcome as changed, or undo the change.\n');
    const r = await ok(['evals', 'decide', 'zhou', '--period', '2026-11', '--outcome', 'changed', '--json']);
    expect(r.json()).toEqual({ period: '2026-11', handle: 'zhou', outcome: 'changed', oldScore: null, newScore: 87.5, oldGrade: null, newGrade: 'B' });
    expect(r.stderr).toBe('Appeal of zhou in 2026-11: changed (— → 87.5, grade B).\n');
    expect((await ok(['evals', 'list', '--json'])).json()).toEqual([expect.objectContaining({ period: '2026-11', evaluations: 4, scored: 3, meanScore: 95.83, appeals: 1 })]);
  });
});
