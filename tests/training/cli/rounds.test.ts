/**
 * How rounds hold up under what leads really do: failing a refresher's retake,
 * recording late (backdated) results, retiring a prerequisite, changing a
 * course's assessments or making it repeated, a change of role, an archived
 * assessor. End to end, on both engines.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers.js';
import { trainingFixture } from '../fixture.js';

const fx = trainingFixture();
const { ok, reject } = fx;

interface Item {
  course: string;
  source: string;
  status: string;
  due: string;
  flag: string | null;
  passedOn: string | null;
}
interface Status {
  handle: string;
  courses: number;
  current: number;
  donePct: number | null;
  overdue: number;
  items: Item[];
}
const status = async (handle: string, today?: string) => (await ok(['training', 'status', '--member', handle, '--json'], today)).json<Status[]>()[0]!;
const item = (s: Status, course: string) => s.items.find((i) => i.course === course)!;
const rounds = (handle: string, course: string) =>
  query(fx.db, 'select i.source, i.due_on, i.passed_on, i.retake_due_on, i.dropped_on from training_plan_items i join members m on m.id = i.member_id join training_courses c on c.id = i.course_id where m.handle = ? and c.title = ? order by i.id', handle, course);

describe('refreshers', () => {
  it('a refresher failed on its retake is neither current nor less overdue', async () => {
    await ok(['training', 'assess', 'zheng', 'Platform rules', '--kind', 'theory', '--score', '95', '--date', '2026-08-01']);
    // Due 2026-11-01: overdue on 2026-12-01.
    expect([(await status('zheng')).current, (await status('zheng')).overdue]).toEqual([0, 1]);
    const r = await ok(['training', 'assess', 'zheng', 'Platform rules', '--kind', 'theory', '--score', '40']);
    expect(r.stderr).toBe('zheng: Platform rules theory 40, below the pass mark 90. Retake due 2026-12-15.\n');
    const s = await status('zheng');
    expect([s.current, s.donePct, item(s, 'Platform rules').status]).toEqual([0, 0, 'failed']);
  });

  it('a result dated before the pass a refresher repeats is refused, not put on the refresher', async () => {
    await ok(['training', 'assess', 'zheng', 'Platform rules', '--kind', 'theory', '--score', '95', '--date', '2026-10-31']);
    const line = 'team: zheng passed Platform rules on 2026-10-31: a record of 2026-10-15 belongs before that pass, not to the round after it.\n';
    expect((await reject(['training', 'assess', 'zheng', 'Platform rules', '--kind', 'theory', '--score', '60', '--date', '2026-10-15'])).stderr).toBe(line);
    // A course passed by completion, completed again the same day: the same.
    await ok(['training', 'complete', 'zheng', 'Experience-sharing session', '--date', '2026-11-20']);
    expect((await reject(['training', 'complete', 'zheng', 'Experience-sharing session', '--date', '2026-11-20'])).stderr).toBe('team: zheng passed Experience-sharing session on 2026-11-20: a record of 2026-11-20 belongs before that pass, not to the round after it.\n');
    expect(await rounds('zheng', 'Experience-sharing session')).toEqual([
      { source: 'plan', due_on: '2026-12-20', passed_on: '2026-11-20', retake_due_on: null, dropped_on: null },
      { source: 'refresher', due_on: '2027-02-20', passed_on: null, retake_due_on: null, dropped_on: null },
    ]);
  });

  it('a course made repeated later gives those who passed it their refresher, due from their pass', async () => {
    await ok(['training', 'assess', 'zheng', 'Product knowledge', '--kind', 'theory', '--score', '90', '--date', '2026-08-31']);
    await ok(['training', 'courses', 'edit', 'Product knowledge', '--refresh', '1m']);
    expect(await rounds('zheng', 'Product knowledge')).toEqual([
      { source: 'plan', due_on: '2026-09-30', passed_on: '2026-08-31', retake_due_on: null, dropped_on: null },
      { source: 'refresher', due_on: '2026-09-30', passed_on: null, retake_due_on: null, dropped_on: null },
    ]);
    expect(item(await status('zheng'), 'Product knowledge')).toMatchObject({ source: 'refresher', flag: 'overdue' });
  });
});

describe('a course changed under open rounds', () => {
  it('dropping a kind passes the rounds that met the rest, on the day they did', async () => {
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory', '--score', '90', '--date', '2026-11-25']);
    expect(item(await status('wu'), 'Customer service basics').status).toBe('started');
    await ok(['training', 'courses', 'edit', 'Customer service basics', '--assess', 'theory']);
    expect(item(await status('wu'), 'Customer service basics')).toMatchObject({ status: 'passed', passedOn: '2026-11-25' });
  });

  it('a course left without assessment passes the rounds completed; a lower pass mark passes a failed one', async () => {
    await ok(['training', 'complete', 'wu', 'Product knowledge', '--date', '2026-11-26']);
    await ok(['training', 'courses', 'edit', 'Product knowledge', '--assess', 'none']);
    expect(item(await status('wu'), 'Product knowledge')).toMatchObject({ status: 'passed', passedOn: '2026-11-26' });
    await ok(['training', 'assess', 'zheng', 'Platform operation', '--kind', 'practical', '--score', '75', '--date', '2026-11-27']);
    expect(item(await status('zheng'), 'Platform operation').status).toBe('failed');
    await ok(['training', 'courses', 'edit', 'Platform operation', '--pass-mark', '70']);
    expect(item(await status('zheng'), 'Platform operation')).toMatchObject({ status: 'passed', passedOn: '2026-11-27' });
  });
});

describe('prerequisites, assessors', () => {
  it('a retired prerequisite no longer holds anyone back', async () => {
    await ok(['training', 'courses', 'retire', 'Customer service basics']);
    const r = await ok(['training', 'assess', 'wu', 'Customer inquiry process', '--kind', 'practical', '--score', '85']);
    expect(r.stderr).toBe('wu: Customer inquiry process practical 85 (pass mark 80). Course passed on 2026-12-01.\n');
  });

  it('an archived member cannot assess', async () => {
    expect((await reject(['training', 'assess', 'wu', 'Product knowledge', '--kind', 'theory', '--score', '80', '--assessor', 'ma'])).stderr).toBe('team: ma is archived: plan and record training for current members only.\n');
  });

  it('a low score on a kind already met keeps it met and opens no retake, and says so', async () => {
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory', '--score', '90']);
    const r = await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory', '--score', '50']);
    expect(r.stderr).toBe('wu: Customer service basics theory 50, below the pass mark 80; theory was passed before, so it stands.\n');
    expect(item(await status('wu'), 'Customer service basics')).toMatchObject({ status: 'started', due: '2026-12-16' });
  });

  it('the kinds a course takes are named in Chinese', async () => {
    expect((await reject(['--lang', 'zh', 'training', 'assess', 'wu', 'Customer service basics', '--kind', 'practical', '--score', '50'])).stderr).toBe('team: Customer service basics 不做这种考核；它的考核是：理论、模拟。\n');
  });
});

describe('the history and what is overdue, item by item', () => {
  it('training attempts lists every attempt, retakes included, with its assessor and note', async () => {
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'simulation', '--score', '60', '--assessor', 'zhou', '--note', 'too slow', '--date', '2026-11-25']);
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'simulation', '--score', '85', '--assessor', 'zhou']);
    const rows = (await ok(['training', 'attempts', 'wu', '--json'])).json<{ course: string; kind: string; score: number; passed: boolean; assessor: string | null; note: string | null; assessedOn: string }[]>();
    expect(rows.map((a) => [a.assessedOn, a.kind, a.score, a.passed, a.assessor, a.note])).toEqual([
      ['2026-11-25', 'simulation', 60, false, 'zhou', 'too slow'],
      ['2026-12-01', 'simulation', 85, true, 'zhou', null],
    ]);
    expect((await ok(['--lang', 'zh', 'training', 'attempts', 'wu', '--format', 'csv'])).stdout.split('\n')[1]).toBe('2026-11-25,Customer service basics,模拟,60,未达及格,zhou,too slow');
    expect((await ok(['training', 'attempts', 'zheng'])).stderr).toBe('No assessments yet.\n');
  });

  it('status --overdue lists the overdue items themselves, in every format', async () => {
    const md = (await ok(['training', 'status', '--overdue', '--format', 'md'], '2026-12-20')).stdout.split('\n');
    expect(md[0]).toBe('| Member | Course | Source | Status | Due |');
    expect(md.slice(2, -1)).toEqual(['| wu | Company culture | onboarding | planned | 2026-12-16 |', '| wu | Product knowledge | onboarding | planned | 2026-12-16 |', '| wu | Platform operation | onboarding | planned | 2026-12-16 |', '| wu | Customer service basics | onboarding | planned | 2026-12-16 |', '| wu | Sales skills | onboarding | planned | 2026-12-16 |', '| wu | Customer inquiry process | onboarding | planned | 2026-12-16 |', '| wu | Order handling process | onboarding | planned | 2026-12-16 |']);
  });

  it('formats and kinds are taken as the tables write them, and in Chinese', async () => {
    await ok(['training', 'courses', 'add', 'Drill', '--format', 'Role-play', '--assess', '理论、实操']);
    expect((await ok(['training', 'courses', 'show', 'Drill', '--json'])).json<{ format: string; assessments: string[] }>()).toMatchObject({ format: 'roleplay', assessments: ['theory', 'practical'] });
    await ok(['training', 'assess', 'zheng', 'Drill', '--kind', '实操', '--score', '70']);
    expect(await query(fx.db, "select kind from training_assessments")).toEqual([{ kind: 'practical' }]);
  });
});

describe('the report counts settled rounds', () => {
  it('a round under way (one kind passed, the other not yet taken) is assessed but in neither pass rate', async () => {
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'theory', '--score', '90']);
    await ok(['training', 'assess', 'zheng', 'Customer service basics', '--kind', 'theory', '--score', '50']);
    const r = (await ok(['training', 'report', '--course', 'Customer service basics', '--json'])).json<{ courses: { assessed: number; passed: number; firstTryPct: number | null; passPct: number | null }[] }>();
    // wu is under way; zheng failed (settled, not passed): 0 % of one settled round.
    expect(r.courses).toMatchObject([{ assessed: 2, passed: 0, firstTryPct: 0, passPct: 0 }]);
    await ok(['training', 'assess', 'wu', 'Customer service basics', '--kind', 'simulation', '--score', '90']);
    const after = (await ok(['training', 'report', '--course', 'Customer service basics', '--json'])).json<{ courses: { firstTryPct: number | null; passPct: number | null }[] }>();
    expect(after.courses).toMatchObject([{ firstTryPct: 50, passPct: 50 }]);
  });
});

describe('second review: attendance and course edits hold up', () => {
  it('a class before someone passed a repeated course records everyone, and starts nothing for the one who passed', async () => {
    await ok(['training', 'sessions', 'add', 'Platform rules', '--date', '2026-11-25', '--time', '10:00', '--attendees', 'zheng,wu']);
    await ok(['training', 'assess', 'zheng', 'Platform rules', '--kind', 'theory', '--score', '95', '--date', '2026-11-28']);
    await ok(['training', 'sessions', 'attend', '1']);
    expect(await rounds('zheng', 'Platform rules')).toEqual([
      { source: 'plan', due_on: '2026-12-28', passed_on: '2026-11-28', retake_due_on: null, dropped_on: null },
      { source: 'refresher', due_on: '2027-02-28', passed_on: null, retake_due_on: null, dropped_on: null },
    ]);
    expect(await query(fx.db, "select started_on from training_plan_items where refresh_of is not null")).toEqual([{ started_on: null }]);
    expect(item(await status('wu'), 'Platform rules').status).toBe('started');
  });

  it('taking attendance again with someone absent undoes the start that class alone gave them', async () => {
    await ok(['training', 'sessions', 'add', 'Company culture', '--date', '2026-11-30', '--time', '10:00', '--attendees', 'wu,zheng']);
    await ok(['training', 'sessions', 'attend', '1']);
    expect(item(await status('zheng'), 'Company culture').status).toBe('started');
    await ok(['training', 'sessions', 'attend', '1', '--absent', 'zheng']);
    expect(item(await status('zheng'), 'Company culture').status).toBe('planned');
    expect(item(await status('wu'), 'Company culture').status).toBe('started');
  });

  it('a lower pass mark re-marks the open rounds\' attempts too: the report, the latest scores and the history agree', async () => {
    await ok(['training', 'assess', 'zheng', 'Product knowledge', '--kind', 'theory', '--score', '70', '--date', '2026-11-10']);
    await ok(['training', 'courses', 'edit', 'Product knowledge', '--pass-mark', '60']);
    const r = (await ok(['training', 'report', '--course', 'Product knowledge', '--from', '2026-11-01', '--json'])).json<{ courses: { firstTryPct: number | null; passPct: number | null }[] }>();
    expect(r.courses).toMatchObject([{ firstTryPct: 100, passPct: 100 }]);
    expect((await ok(['training', 'status', '--member', 'zheng', '--json'])).json<{ latest: { theory: { passed: boolean } } }[]>()[0]!.latest.theory.passed).toBe(true);
    expect((await ok(['training', 'attempts', 'zheng', '--json'])).json<{ passed: boolean }[]>().map((a) => a.passed)).toEqual([true]);
  });

  it('an archived member who passed gets the refresher when the course becomes repeated, and has it when restored', async () => {
    await ok(['training', 'assess', 'zheng', 'Product knowledge', '--kind', 'theory', '--score', '90', '--date', '2026-11-10']);
    await ok(['members', 'archive', 'zheng']);
    await ok(['training', 'courses', 'edit', 'Product knowledge', '--refresh', 'monthly']);
    await ok(['members', 'restore', 'zheng']);
    expect(item(await status('zheng', '2027-01-15'), 'Product knowledge')).toMatchObject({ source: 'refresher', due: '2026-12-10', flag: 'overdue' });
  });

  it('a retired course made repeated opens no rounds; a course left without assessment clears a retake', async () => {
    await ok(['training', 'complete', 'zheng', 'Market trends and competitors', '--date', '2026-11-20']);
    await ok(['training', 'courses', 'retire', 'Market trends and competitors']);
    await ok(['training', 'courses', 'edit', 'Market trends and competitors', '--refresh', '3']);
    expect(await rounds('zheng', 'Market trends and competitors')).toHaveLength(1);
    await ok(['training', 'assess', 'zheng', 'Product knowledge', '--kind', 'theory', '--score', '40']);
    expect(item(await status('zheng'), 'Product knowledge').status).toBe('failed');
    await ok(['training', 'courses', 'edit', 'Product knowledge', '--assess', 'none']);
    // Due on the round's own date again (not the retake's), so only due soon.
    expect(item(await status('zheng', '2026-12-20'), 'Product knowledge')).toMatchObject({ status: 'started', due: '2026-12-31', flag: 'due-soon' });
  });
});
