/** `team training sessions add|list|show|attend`: who is invited, how long, where; attendance starts the plan's rounds. */
import { describe, expect, it } from 'vitest';
import { query, run } from '../../helpers.js';
import { DEPT, MEMBERS, ONBOARDING, ROLE, SEEDED_ON, TODAY, trainingFixture } from '../fixture.js';

const fx = trainingFixture();
const { ok, reject } = fx;

interface Attendee {
  memberId: number;
  handle: string;
  name: string;
  status: string;
}
interface Session {
  id: number;
  courseId: number;
  course: string;
  date: string;
  time: string;
  durationMin: number;
  timeZone: string;
  trainer: string | null;
  place: string | null;
  attendedAt: string | null;
  createdAt: string;
  attendees: Attendee[];
}
interface StatusItem {
  id: number;
  course: string;
  source: string;
  status: string;
  due: string;
  startedOn: string | null;
}

const NOW = `${TODAY}T12:00:00.000Z`;
const CSB = 'Customer service basics';
const wu = (status: string): Attendee => ({ memberId: 2, handle: 'wu', name: 'Wu Xue', status });
const zheng = (status: string): Attendee => ({ memberId: 3, handle: 'zheng', name: 'Zheng Hao', status });
const zhou = (status: string): Attendee => ({ memberId: 1, handle: 'zhou', name: 'Zhou Yang', status });

const add = async (args: string[], today?: string) => (await ok(['training', 'sessions', 'add', ...args, '--json'], today)).json<Session>();
const handles = (s: Session) => s.attendees.map((a) => a.handle);
const sessions = async (...args: string[]) => (await ok(['training', 'sessions', 'list', '--json', ...args])).json<Session[]>();
const items = async (handle: string) => (await ok(['training', 'status', '--member', handle, '--json'])).json<{ items: StatusItem[] }[]>()[0]!.items;
const attendance = async (id: number) => query(fx.db, 'select member_id, status from training_session_attendees where session_id = ? order by member_id', id);

describe('the fixture', () => {
  it('is what tests/training/fixture.ts says: four members, ma archived, wu\'s onboarding plan #1–#7', async () => {
    expect(await query(fx.db, 'select id, handle, name, hire_date, case when archived_at is null then 0 else 1 end as archived from members order by id')).toEqual(
      Object.entries(MEMBERS).map(([handle, m]) => ({ id: m.id, handle, name: m.name, hire_date: m.hired, archived: 'archived' in m ? 1 : 0 })),
    );
    expect(await query(fx.db, 'select i.id, i.member_id, c.title, i.source, i.due_on, i.started_on, i.created_at from training_plan_items i join training_courses c on c.id = i.course_id order by i.id')).toEqual(
      ONBOARDING.courses.map((title, n) => ({ id: n + 1, member_id: MEMBERS.wu.id, title, source: 'onboarding', due_on: ONBOARDING.due, started_on: null, created_at: `${SEEDED_ON}T12:00:00.000Z` })),
    );
    expect(await query(fx.db, 'select count(*) as n from training_sessions')).toEqual([{ n: 0 }]);
  });
});

describe('training sessions add', () => {
  it('by default invites everyone with the course open in their plan; lasts the course\'s hours; in the machine\'s zone', async () => {
    await ok(['training', 'plan', 'zheng', '--courses', CSB]);
    const r = await ok(['training', 'sessions', 'add', CSB, '--date', '2026-12-03', '--time', '14:00', '--json']);
    expect(r.json<Session>()).toEqual({
      id: 1, courseId: 4, course: CSB, date: '2026-12-03', time: '14:00', durationMin: 240, timeZone: 'UTC', trainer: null, place: null, attendedAt: null, createdAt: NOW,
      attendees: [wu('invited'), zheng('invited')],
    });
    expect(r.stderr).toBe('Scheduled session #1: Customer service basics on 2026-12-03 14:00–18:00, 2 invited.\n');
    expect(await query(fx.db, 'select * from training_sessions')).toEqual([
      { id: 1, course_id: 4, held_on: '2026-12-03', start_time: '14:00', duration_min: 240, time_zone: 'UTC', trainer_id: null, place: null, attended_at: null, actor: 'lead', created_at: NOW },
    ]);
    expect(await attendance(1)).toEqual([{ member_id: 2, status: 'invited' }, { member_id: 3, status: 'invited' }]);
  });

  it('a dropped or passed round does not invite; a refresher invites once due within the due-soon days', async () => {
    await ok(['training', 'drop', 'wu', CSB, '--reason', 'moved to the warehouse']);
    expect((await reject(['training', 'sessions', 'add', CSB, '--date', '2026-12-03', '--time', '14:00'])).stderr).toBe('team: Nobody has Customer service basics in their plan: name the attendees with --attendees.\n');
    // zheng passes Active listening on 30 November: the refresher is due 2027-02-28; wu has it planned
    await ok(['training', 'assess', 'zheng', 'Active listening', '--kind', 'simulation', '--score', '90', '--date', '2026-11-30']);
    await ok(['training', 'plan', 'wu', '--courses', 'Active listening']);
    expect(handles(await add(['Active listening', '--date', '2026-12-10', '--time', '10:00']))).toEqual(['wu']);
    expect(handles(await add(['Active listening', '--date', '2027-02-13', '--time', '10:00']))).toEqual(['wu']);
    expect(handles(await add(['Active listening', '--date', '2027-02-14', '--time', '10:00']))).toEqual(['wu', 'zheng']);
  });

  it('--attendees by member, department, role, "all" (archived members left out), or a mix', async () => {
    const by = async (attendees: string) => handles(await add(['Active listening', '--date', '2026-12-10', '--time', '10:00', '--attendees', attendees]));
    expect(await by('zheng, wu')).toEqual(['wu', 'zheng']);
    expect(await by('Zheng Hao')).toEqual(['zheng']);
    expect(await by(DEPT.cs)).toEqual(['wu', 'zheng', 'zhou']);
    expect(await by(ROLE.presale)).toEqual(['wu']);
    expect(await by('all')).toEqual(['wu', 'zheng', 'zhou']);
    expect(await by('全员')).toEqual(['wu', 'zheng', 'zhou']);
    expect(await by(`zhou，${ROLE.aftersale}`)).toEqual(['zheng', 'zhou']);
    // the same member twice is invited once
    expect(await by(`wu,${ROLE.presale}`)).toEqual(['wu']);
    expect(await query(fx.db, 'select count(*) as n from training_session_attendees where session_id = 8')).toEqual([{ n: 1 }]);
    // a department whose only member is archived: nobody to invite
    expect((await reject(['training', 'sessions', 'add', 'Active listening', '--date', '2026-12-10', '--time', '10:00', '--attendees', DEPT.logistics])).stderr).toBe(
      'team: Nobody has Active listening in their plan: name the attendees with --attendees.\n',
    );
    expect((await reject(['training', 'sessions', 'add', 'Active listening', '--date', '2026-12-10', '--time', '10:00', '--attendees', 'wu,ma'])).stderr).toBe('team: ma is archived: plan and record training for current members only.\n');
  });

  it('--duration, --tz, --trainer, --place; the trainer defaults to the course\'s; TEAM_TZ is the default zone', async () => {
    await ok(['training', 'courses', 'add', 'Promo scripts', '--hours', '2.5', '--trainer', 'zhou', '--roles', ROLE.presale]);
    expect(await add(['Promo scripts', '--date', '2026-11-27', '--time', '09:30', '--attendees', 'wu'])).toMatchObject({ durationMin: 150, trainer: 'zhou', timeZone: 'UTC' });
    const s = await add(['Promo scripts', '--date', '2026-11-27', '--time', '09:30', '--duration', '45', '--tz', 'Asia/Shanghai', '--trainer', 'zheng', '--place', '  3F room ', '--attendees', 'wu']);
    expect(s).toMatchObject({ id: 2, time: '09:30', durationMin: 45, timeZone: 'Asia/Shanghai', trainer: 'zheng', place: '3F room' });
    expect(await query(fx.db, 'select start_time, duration_min, time_zone, trainer_id, place from training_sessions where id = 2')).toEqual([{ start_time: '09:30', duration_min: 45, time_zone: 'Asia/Shanghai', trainer_id: 3, place: '3F room' }]);
    // a class past midnight: the end wraps
    expect((await ok(['training', 'sessions', 'add', 'Company culture', '--date', '2026-12-10', '--time', '23:00', '--attendees', 'wu'])).stderr).toBe('Scheduled session #3: Company culture on 2026-12-10 23:00–01:00, 1 invited.\n');
    const r = await run(fx.db, ['training', 'sessions', 'add', 'Company culture', '--date', '2026-12-10', '--time', '10:00', '--attendees', 'wu', '--json'], { env: { TEAM_TODAY: TODAY, TEAM_USER: 'lead', TEAM_TZ: 'Europe/Berlin' } });
    expect(r.code).toBe(0);
    expect(r.json<Session>().timeZone).toBe('Europe/Berlin');
  });
});

describe('training sessions attend', () => {
  /** Session #1: Customer service basics on 27 November, wu (onboarding) and zheng (planned) invited. */
  const held = async () => {
    await ok(['training', 'plan', 'zheng', '--courses', CSB]);
    return add([CSB, '--date', '2026-11-27', '--time', '09:30']);
  };

  it('marks everyone invited present unless --absent; the present have the course started', async () => {
    await held();
    const r = await ok(['training', 'sessions', 'attend', '1', '--absent', 'zheng', '--json']);
    expect(r.json<Session>()).toMatchObject({ id: 1, attendedAt: NOW, attendees: [wu('present'), zheng('absent')] });
    expect(r.stderr).toBe('Session #1 Customer service basics: 1 present, 1 absent.\n');
    expect(await attendance(1)).toEqual([{ member_id: 2, status: 'present' }, { member_id: 3, status: 'absent' }]);
    expect(await query(fx.db, 'select attended_at from training_sessions where id = 1')).toEqual([{ attended_at: NOW }]);
    expect((await items('wu')).find((i) => i.course === CSB)).toEqual({ id: 4, course: CSB, source: 'onboarding', status: 'started', due: '2026-12-16', flag: null, startedOn: '2026-11-27', completedOn: null, passedOn: null, retakeDueOn: null });
    expect((await items('zheng')).find((i) => i.course === CSB)).toMatchObject({ status: 'planned', startedOn: null });
  });

  it('--present adds someone not invited and opens a round for them, begun on the session\'s day', async () => {
    await held();
    expect(await items('zhou')).toEqual([]);
    const s = (await ok(['training', 'sessions', 'attend', '#1', '--present', 'zhou', '--json'])).json<Session>();
    expect(s.attendees).toEqual([wu('present'), zheng('present'), zhou('present')]);
    expect(await items('zhou')).toEqual([{ id: 9, course: CSB, source: 'session', status: 'started', due: '2026-12-27', flag: null, startedOn: '2026-11-27', completedOn: null, passedOn: null, retakeDueOn: null }]);
    expect(await query(fx.db, 'select member_id, course_id, source, due_on, started_on from training_plan_items where id = 9')).toEqual([{ member_id: 1, course_id: 4, source: 'session', due_on: '2026-12-27', started_on: '2026-11-27' }]);
  });

  it('a session today may be attended; one in the future is refused until its day', async () => {
    await add([CSB, '--date', '2026-12-03', '--time', '14:00']);
    await add([CSB, '--date', TODAY, '--time', '08:00']);
    expect((await reject(['training', 'sessions', 'attend', '1'])).stderr).toBe('team: Session #1 is on 2026-12-03: take attendance once it has been held.\n');
    await ok(['training', 'sessions', 'attend', '2']);
    expect((await items('wu')).find((i) => i.course === CSB)).toMatchObject({ status: 'started', startedOn: TODAY });
    await ok(['training', 'sessions', 'attend', '1'], '2026-12-03');
    // started on the earlier session's day
    expect((await items('wu')).find((i) => i.course === CSB)).toMatchObject({ status: 'started', startedOn: TODAY });
  });

  it('refuses --absent for someone not invited, and someone both present and absent', async () => {
    await held();
    expect((await reject(['training', 'sessions', 'attend', '1', '--absent', 'zhou'])).stderr).toBe('team: zhou was not invited to session #1; add them with --present.\n');
    expect((await reject(['training', 'sessions', 'attend', '1', '--absent', 'wu', '--present', 'wu'])).stderr).toBe('team: wu cannot be both present and absent.\n');
    expect((await reject(['training', 'sessions', 'attend', '7'])).stderr).toBe('team: No training session matches "7".\n');
  });

  it('an invitee archived since is marked but gets no round', async () => {
    await add(['Active listening', '--date', '2026-11-27', '--time', '10:00', '--attendees', 'wu,zheng']);
    await ok(['members', 'archive', 'zheng']);
    const s = (await ok(['training', 'sessions', 'attend', '1', '--json'])).json<Session>();
    expect(s.attendees).toEqual([wu('present'), zheng('present')]);
    expect(await query(fx.db, 'select member_id, source, started_on from training_plan_items where course_id = 9 order by id')).toEqual([{ member_id: 2, source: 'session', started_on: '2026-11-27' }]);
  });

  // Bug: an invitee archived since cannot be marked absent (--absent resolves attendees as current members only), so the record can only say present.
  it('an invitee archived since may be marked absent', async () => {
    await add(['Active listening', '--date', '2026-11-27', '--time', '10:00', '--attendees', 'wu,zheng']);
    await ok(['members', 'archive', 'zheng']);
    const r = await fx.team(['training', 'sessions', 'attend', '1', '--absent', 'zheng']);
    expect([r.code, r.stderr]).toEqual([0, 'Session #1 Active listening: 1 present, 1 absent.\n']);
    expect(await attendance(1)).toEqual([{ member_id: 2, status: 'present' }, { member_id: 3, status: 'absent' }]);
  });

  // Bug: attendance of a whole session is refused when one attendee has already passed a course that is not repeated.
  it('someone present who passed the course already is recorded present, with no new round', async () => {
    await ok(['training', 'complete', 'wu', 'Company culture', '--date', '2026-11-25']);
    await add(['Company culture', '--date', '2026-11-28', '--time', '10:00', '--attendees', 'all']);
    const r = await fx.team(['training', 'sessions', 'attend', '1']);
    expect([r.code, r.stderr]).toEqual([0, 'Session #1 Company culture: 3 present, 0 absent.\n']);
    expect(await attendance(1)).toEqual([{ member_id: 1, status: 'present' }, { member_id: 2, status: 'present' }, { member_id: 3, status: 'present' }]);
    expect(await query(fx.db, 'select member_id, source, started_on, passed_on from training_plan_items where course_id = 1 order by id')).toEqual([
      { member_id: 2, source: 'onboarding', started_on: '2026-11-25', passed_on: '2026-11-25' },
      { member_id: 3, source: 'session', started_on: '2026-11-28', passed_on: null },
      { member_id: 1, source: 'session', started_on: '2026-11-28', passed_on: null },
    ]);
  });
});

describe('training sessions list and show', () => {
  /** #1 Active listening 26 Nov (all), #2 CSB 3 Dec (wu), #3 Company culture 10 Dec (zheng, zhou), #4 CSB 1 Dec 16:00 (wu, zheng). */
  const four = async () => {
    await add(['Active listening', '--date', '2026-11-26', '--time', '10:00', '--attendees', 'all']);
    await add([CSB, '--date', '2026-12-03', '--time', '14:00']);
    await add(['Company culture', '--date', '2026-12-10', '--time', '09:00', '--attendees', 'zheng,zhou']);
    await add([CSB, '--date', TODAY, '--time', '16:00', '--attendees', 'wu,zheng']);
  };

  it('from today by default, by date and time; --from/--to; --member; --course', async () => {
    await four();
    expect((await sessions()).map((s) => s.id)).toEqual([4, 2, 3]);
    expect((await sessions('--from', '2026-11-01')).map((s) => s.id)).toEqual([1, 4, 2, 3]);
    expect((await sessions('--from', '2026-11-26', '--to', TODAY)).map((s) => s.id)).toEqual([1, 4]);
    expect((await sessions('--to', '2026-12-03')).map((s) => s.id)).toEqual([4, 2]);
    expect((await sessions('--member', 'zhou', '--from', '2026-11-01')).map((s) => s.id)).toEqual([1, 3]);
    expect((await sessions('--member', 'wu')).map((s) => s.id)).toEqual([4, 2]);
    expect((await sessions('--course', CSB)).map((s) => s.id)).toEqual([4, 2]);
    expect((await sessions('--course', 'Active listening'))).toEqual([]);
    const r = await ok(['training', 'sessions', 'list', '--from', '2027-01-01']);
    expect([r.stdout, r.stderr]).toEqual(['', 'No sessions in that period.\n']);
  });

  it('the table: time span, invited and present counts', async () => {
    await four();
    await ok(['training', 'sessions', 'attend', '4', '--absent', 'zheng']);
    const lines = (await ok(['training', 'sessions', 'list', '--to', TODAY, '--from', '2026-11-26'])).stdout.split('\n');
    expect(lines[1]).toBe('│ ID │ Date       │ Time        │ Course           │ Invited │ Present │');
    expect(lines[3]).toBe('│  1 │ 2026-11-26 │ 10:00–12:00 │ Active listening │       3 │         │');
    expect(lines[4]).toBe('│  4 │ 2026-12-01 │ 16:00–20:00 │ Customer service │       2 │       1 │');
  });

  it('show --json: the session and its attendees; show: fields and attendance', async () => {
    await four();
    await ok(['training', 'sessions', 'attend', '4', '--absent', 'zheng'], '2026-12-02');
    expect((await ok(['training', 'sessions', 'show', '4', '--json'])).json<Session>()).toEqual({
      id: 4, courseId: 4, course: CSB, date: TODAY, time: '16:00', durationMin: 240, timeZone: 'UTC', trainer: null, place: null, attendedAt: '2026-12-02T12:00:00.000Z', createdAt: NOW,
      attendees: [wu('present'), zheng('absent')],
    });
    expect((await ok(['training', 'sessions', 'show', '4'])).stdout.split('\n')).toEqual([
      'ID                #4',
      'Course            Customer service basics',
      `Date              ${TODAY}`,
      'Time              16:00–20:00',
      'Attendance taken  2026-12-02',
      '',
      'Attendees',
      '  wu (Wu Xue)  present',
      '  zheng (Zheng Hao)  absent',
      '',
    ]);
    expect((await ok(['training', 'sessions', 'show', '#2'])).stdout).toContain('Attendance taken  not yet\n');
    // A class in another zone than the reader's names its zone.
    const far = (await ok(['training', 'sessions', 'add', 'Company culture', '--date', '2026-12-04', '--time', '09:00', '--tz', 'Asia/Shanghai', '--attendees', 'wu', '--json'])).json<{ id: number }>();
    expect((await ok(['training', 'sessions', 'show', String(far.id)])).stdout).toContain('09:00–11:00 (Asia/Shanghai)\n');
  });
});
