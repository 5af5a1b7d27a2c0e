/**
 * No N+1: every list, show, tree and check command sends as many SQL
 * statements on a large database as on a small one. Two databases are built
 * through the CLI, the large one with SCALE times as many departments, roles,
 * members, goals, sub-goals, check-ins, reviews and edits (and the shown
 * department, role, member and goals with SCALE times as many rows of their
 * own); each command runs in-process on both, and the statements it sends
 * through the program's query seam are counted: the opened database is
 * wrapped here, from the test side (openDatabase is replaced by one that
 * counts through the Db it returns). Runs on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Connection from '../../../src/db/connection.js';
import type { Db, Queryable } from '../../../src/db/sql.js';
import { run, tempDb } from '../../helpers.js';

/** The statements sent while `log` is set, by every database the program opens. */
const counter: { log: string[] | undefined } = { log: undefined };

vi.mock('../../../src/db/connection.js', async (importOriginal) => {
  const real = await importOriginal<typeof Connection>();
  const counted = (q: Queryable): Queryable => {
    const wrap =
      <F extends (sql: string, ...rest: never[]) => unknown>(f: F): F =>
      ((sql: string, ...rest: never[]) => {
        counter.log?.push(sql.replace(/\s+/g, ' ').trim());
        return f(sql, ...rest);
      }) as F;
    return { dialect: q.dialect, all: wrap(q.all.bind(q)), get: wrap(q.get.bind(q)), run: wrap(q.run.bind(q)), tuples: wrap(q.tuples.bind(q)), eachTuple: wrap(q.eachTuple.bind(q)) };
  };
  return {
    ...real,
    async openDatabase(...args: Parameters<typeof real.openDatabase>) {
      const opened = await real.openDatabase(...args);
      const db: Db = opened.db;
      const q = counted(db);
      const wrapped: Db = {
        ...q,
        location: db.location,
        transaction: (fn) => db.transaction((tx) => fn(counted(tx))),
        snapshot: (fn) => db.snapshot((s) => fn(counted(s))),
        close: () => db.close(),
      };
      return { ...opened, db: wrapped, save: () => opened.save() };
    },
  };
});

const SCALE = 3;
const env = { env: { TEAM_TODAY: '2026-11-23', TEAM_USER: 'lead' } };
const CS = 'Customer service';
const SPECIALIST = 'Customer service specialist (pre-sale)';
const MANAGER = 'Customer service manager';
const GMV = 'Raise Tmall store GMV to 300000 this month';
const FRT = 'Cut the first response time to 30 s this month';
const ORDERS = 'Ship 1200 Tmall orders in December';

/** A team of size `s`: every kind of row, and the rows of the shown ones, `s` times over. */
async function build(db: string, s: number): Promise<void> {
  const team = async (...args: string[]) => {
    const r = await run(db, args, env);
    if (r.code !== 0) throw new Error(`team ${args.join(' ')}: ${r.stderr}`);
  };
  await team('init');
  for (let k = 0; k < s; k++) {
    await team('depts', 'add', `Extra ${k}`, '--description', `an extra department ${k}`);
    await team('roles', 'add', `Extra role ${k}`, '--dept', `Extra ${k}`, '--reports-to', MANAGER, '--duty', 'one duty', '--duty', 'another duty');
    await team('roles', 'add', `Service role ${k}`, '--dept', CS, '--reports-to', MANAGER, '--duty', 'a duty');
    await team('roles', 'duties', 'add', SPECIALIST, `extra duty ${k}`);
  }
  await team('members', 'add', 'boss', '--name', 'The Boss', '--role', MANAGER);
  for (let i = 0; i < 3 * s; i++) {
    const shift = ['day', 'late', 'night'][i % 3]!;
    const role = i % 2 === 0 ? SPECIALIST : `Service role ${i % s}`;
    await team('members', 'add', `m${i}`, '--name', `Member ${i}`, '--role', role, '--manager', i < 2 ? 'boss' : `m${i % 2}`, '--shift', shift, '--status', i % 4 === 1 ? 'probation' : 'active', '--hire-date', '2026-01-0' + ((i % 9) + 1));
  }
  for (let k = 0; k < s; k++) await team('members', 'add', `extra${k}`, '--name', `Extra member ${k}`, '--role', `Extra role ${k}`, '--manager', 'boss');
  await team('members', 'archive', `extra${s - 1}`);

  // The team's goal, split among the service department's members, with check-ins, edits and a review of one of them.
  await team('goals', 'add', GMV, '--owner', 'team', '--metric', 'GMV', '--unit', '¥', '--baseline', '0', '--target', '300000', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'the shop plan');
  await team('goals', 'split', GMV, '--by', 'member', '--dept', CS);
  for (let i = 0; i < 3 * s; i++) {
    for (const [day, v] of [['05', 1000], ['12', 4000], ['20', 9000]] as const) await team('goals', 'checkin', `${GMV} · Member ${i}`, '--value', String(v + i * 10), '--date', `2026-11-${day}`);
  }
  for (let k = 0; k < s; k++) await team('goals', 'edit', GMV, '--why', `the shop plan, take ${k}`);
  // A department's rate goal: many check-ins of its own.
  await team('goals', 'add', FRT, '--owner', CS, '--metric', 'First response', '--unit', 's', '--baseline', '60', '--target', '30', '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'good reviews');
  for (let d = 0; d < 3 * s; d++) await team('goals', 'checkin', FRT, '--value', String(60 - d), '--date', `2026-11-${String(d + 2).padStart(2, '0')}`, '--note', `day ${d}`);
  // A member's goals: open, closed by reviews, archived, a draft; and a goal split by week.
  // Two per size at least: the SMART check of one compares it with the member's others.
  for (let k = 0; k < 2 * s; k++) {
    const title = `Member 0: 100${k} orders in November`;
    await team('goals', 'add', title, '--owner', 'm0', '--metric', 'Orders', '--unit', '单', '--baseline', '0', '--target', `100${k}`, '--start', '2026-11-01', '--due', '2026-11-20', '--why', 'peak season');
    await team('goals', 'checkin', title, '--value', String(900 + k), '--date', '2026-11-19');
    await team('goals', 'review', title, '--self', 'nearly', '--self-score', '3', '--actor', 'm0');
    await team('goals', 'review', title, '--lead', 'missed a little', '--score', '3', '--outcome', 'none');
    const open = `Member 0: 5${k}0 refunds handled in November`;
    await team('goals', 'add', open, '--owner', 'm0', '--metric', 'Refunds', '--unit', '单', '--baseline', '0', '--target', `5${k}0`, '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'service');
    await team('goals', 'checkin', open, '--value', String(100 * (k + 1)), '--date', '2026-11-15');
    const gone = `Extra ${k % s}: 40${k} orders in November`;
    await team('goals', 'add', gone, '--owner', `Extra ${k % s}`, '--metric', 'Orders', '--unit', '单', '--baseline', '0', '--target', `40${k}`, '--start', '2026-11-01', '--due', '2026-11-30', '--why', 'x');
    await team('goals', 'archive', gone);
    await team('goals', 'add', `raise sales ${k}`, '--owner', 'team', '--draft');
  }
  await team('goals', 'add', ORDERS, '--owner', 'team', '--metric', 'Orders', '--unit', '单', '--baseline', '0', '--target', '1200', '--start', '2026-12-01', '--due', '2026-12-31', '--why', 'peak season');
  await team('goals', 'split', ORDERS, '--by', 'period', '--period', 'week');

  // Meeting series, each logged on as many days with as many actions, plans, problems and exceptions.
  for (let k = 0; k < s; k++) await team('meetings', 'add', `Sync ${k}`, '--repeat', 'daily', '--time', '11:00', '--from', '2026-11-01', '--attendees', `${CS},boss`, '--agenda', 'numbers; problems');
  for (let d = 0; d < s; d++) {
    const date = `2026-11-0${d + 2}`;
    for (let k = 0; k < s; k++) {
      await team('meetings', 'log', `Sync ${k}`, '--date', date, '--absent', 'm1', '--late', 'm2', '--decision', `decision ${d}`, '--action', `m0: task ${d}.${k} [2026-11-${10 + d}]`, '--action', `m2: follow-up ${d}.${k}`, '--plan', `m${k}: plan ${d}; another`, '--done', `m${k}: 1`, '--problem', `m0: problem ${d}`);
    }
    await team('meetings', 'skip', 'Sync 0', '--date', `2026-11-2${4 + d}`);
  }

  // Training: courses for the specialists, planned by role, attempts failed and passed (opening refreshers), classes held with attendance.
  for (let k = 0; k < s; k++) await team('training', 'courses', 'add', `Course ${k}`, '--roles', SPECIALIST, '--assess', 'theory', '--pass-mark', '80', '--refresh', 'quarterly', ...(k > 0 ? ['--requires', 'Course 0'] : []));
  await team('training', 'plan', '--role', SPECIALIST, '--due', '2026-12-15');
  for (let i = 0; i < 3 * s; i += 2) {
    await team('training', 'assess', `m${i}`, 'Course 0', '--kind', 'theory', '--score', '60', '--date', '2026-11-10');
    await team('training', 'assess', `m${i}`, 'Course 0', '--kind', 'theory', '--score', '90', '--date', '2026-11-12');
    await team('training', 'complete', `m${i}`, 'Company culture', '--date', '2026-11-12');
  }
  for (let k = 0; k < s; k++) {
    await team('training', 'sessions', 'add', `Course ${k}`, '--date', `2026-11-1${k + 3}`, '--time', '10:00', '--attendees', `${CS},boss`);
    await team('training', 'sessions', 'attend', String(k + 1), '--absent', 'm1');
  }

  // Evaluations: a closed cycle with every specialist's values, peer scores and an appeal; an open one with some values.
  await team('evals', 'open', '--period', '2026-10', '--weights', 'kpi=80,peer=20');
  const values = [['First response time', 40], ['Inquiry conversion', 40], ['Customer satisfaction', 92], ['Complex issues answered within 24 h', 95], ['Work quality', 90], ['Efficiency', 85]] as const;
  for (let i = 0; i < 3 * s; i += 2) {
    for (const [kpi, v] of values) await team('evals', 'record', `m${i}`, kpi, '--value', String(v + i), '--period', '2026-10');
    await team('evals', 'peer', `m${i}`, '--by', 'boss', '--score', String(70 + i), '--period', '2026-10');
  }
  await team('evals', 'close', '--period', '2026-10', '--allow-missing');
  await team('evals', 'appeal', 'm0', '--period', '2026-10', '--reason', 'a missed review');
  await team('evals', 'open', '--period', '2026-11');
  for (let i = 0; i < 3 * s; i += 2) await team('evals', 'record', `m${i}`, 'Work quality', '--value', String(80 + i), '--period', '2026-11');
}

/** Every command that reads: each group's list, show, tree, check and templates, with each filter and format. */
const COMMANDS: string[][] = [
  ['org'],
  ['org', '--json'],
  ['org', '--dept', CS],
  ['depts', 'list'],
  ['depts', 'list', '--json'],
  ['depts', 'list', '--format', 'csv'],
  ['depts', 'list', '--format', 'md'],
  ['depts', 'show', CS],
  ['depts', 'show', CS, '--json'],
  ['roles', 'list'],
  ['roles', 'list', '--json'],
  ['roles', 'list', '--dept', CS],
  ['roles', 'list', '--format', 'csv'],
  ['roles', 'show', MANAGER],
  ['roles', 'show', MANAGER, '--json'],
  ['roles', 'show', SPECIALIST, '--json'],
  ['members', 'list'],
  ['members', 'list', '--json'],
  ['members', 'list', '--format', 'csv'],
  ['members', 'list', '--dept', CS],
  ['members', 'list', '--role', SPECIALIST],
  ['members', 'list', '--shift', 'late'],
  ['members', 'list', '--status', 'probation'],
  ['members', 'list', '--all', '--json'],
  ['members', 'show', 'boss'],
  ['members', 'show', 'boss', '--json'],
  ['members', 'show', 'm0', '--json'],
  ['goals', 'list'],
  ['goals', 'list', '--json'],
  ['goals', 'list', '--format', 'csv'],
  ['goals', 'list', '--format', 'md'],
  ['goals', 'list', '--all'],
  ['goals', 'list', '--all', '--json'],
  ...['draft', 'not-started', 'on-track', 'at-risk', 'off-track', 'done', 'missed', 'stale'].map((s) => ['goals', 'list', '--status', s, '--all', '--json']),
  ['goals', 'list', '--status', 'off-track'],
  ['goals', 'list', '--owner', 'm0', '--all', '--json'],
  ['goals', 'list', '--owner', CS, '--json'],
  ['goals', 'list', '--owner', 'team', '--json'],
  ['goals', 'list', '--dept', CS, '--json'],
  ['goals', 'list', '--dept', CS],
  ['goals', 'list', '--horizon', 'month', '--json'],
  ['goals', 'list', '--due-before', '2026-11-30', '--json'],
  ['goals', 'list', '--due-after', '2026-12-01', '--json'],
  ['goals', 'list', '--parent', GMV, '--json'],
  ['goals', 'list', '--parent', GMV],
  ['goals', 'list', '--sort', 'due', '--json'],
  ['goals', 'list', '--sort', 'progress'],
  ['goals', 'show', GMV],
  ['goals', 'show', GMV, '--json'],
  ['goals', 'show', GMV, '--history'],
  ['goals', 'show', GMV, '--history', '--json'],
  ['goals', 'show', FRT],
  ['goals', 'show', FRT, '--json'],
  ['goals', 'show', 'Member 0: 1000 orders in November', '--json'],
  ['goals', 'show', ORDERS, '--json'],
  ['goals', 'tree'],
  ['goals', 'tree', '--json'],
  ['goals', 'tree', GMV],
  ['goals', 'tree', GMV, '--json'],
  ['goals', 'check', GMV],
  ['goals', 'check', GMV, '--json'],
  ['goals', 'check', 'raise sales 0', '--json'],
  ['kpis', 'list'],
  ['kpis', 'list', '--json'],
  ['kpis', 'list', '--role', SPECIALIST, '--format', 'csv'],
  ['kpis', 'show', 'First response time', '--role', SPECIALIST, '--json'],
  ['kpis', 'season', 'list', '--json'],
  ['evals', 'list'],
  ['evals', 'list', '--json'],
  ['evals', 'report', '--period', '2026-10'],
  ['evals', 'report', '--period', '2026-10', '--json'],
  ['evals', 'report', '--period', '2026-11', '--dept', CS, '--format', 'csv'],
  ['evals', 'show', 'm0', '--period', '2026-10', '--json'],
  ['evals', 'show', 'm2', '--trend', '3'],
  ['evals', 'rewards', '--period', '2026-10', '--json'],
  ['evals', 'rewards', '--period', '2026-10', '--format', 'csv'],
  ['evals', 'rules', 'list', '--json'],
  ['evals', 'settings', '--json'],
  ['goals', 'templates'],
  ['goals', 'templates', '--json'],
  ['meetings', 'list'],
  ['meetings', 'list', '--json'],
  ['meetings', 'list', '--format', 'csv'],
  ['meetings', 'show', 'Sync 0'],
  ['meetings', 'show', 'Sync 0', '--json'],
  ['meetings', 'upcoming'],
  ['meetings', 'upcoming', '--days', '30', '--json'],
  ['meetings', 'upcoming', '--member', 'm0', '--json'],
  ['meetings', 'upcoming', '--dept', CS, '--format', 'md'],
  ['meetings', 'agenda', 'Sync 0', '--json'],
  ['meetings', 'agenda', 'Sync 0', '--date', '2026-11-23'],
  ['meetings', 'day', '--date', '2026-11-02', '--json'],
  ['meetings', 'day', '--date', '2026-11-02', '--member', 'm0'],
  ['meetings', 'attendance', '--from', '2026-11-01', '--json'],
  ['meetings', 'attendance', '--member', 'm1', '--format', 'csv'],
  ['actions', 'list'],
  ['actions', 'list', '--json'],
  ['actions', 'list', '--open', '--owner', 'm0', '--json'],
  ['actions', 'list', '--overdue', '--json'],
  ['actions', 'list', '--meeting', 'Sync 0', '--format', 'md'],
  ['training', 'courses', 'list'],
  ['training', 'courses', 'list', '--json'],
  ['training', 'courses', 'list', '--role', SPECIALIST, '--format', 'csv'],
  ['training', 'courses', 'show', 'Course 0', '--json'],
  ['training', 'status'],
  ['training', 'status', '--json'],
  ['training', 'status', '--dept', CS, '--overdue', '--json'],
  ['training', 'status', '--member', 'm0'],
  ['training', 'status', '--role', SPECIALIST, '--format', 'md'],
  ['training', 'sessions', 'list', '--from', '2026-11-01'],
  ['training', 'sessions', 'list', '--from', '2026-11-01', '--member', 'm0', '--json'],
  ['training', 'sessions', 'show', '1', '--json'],
  ['training', 'report', '--json'],
  ['training', 'report', '--course', 'Course 0'],
  ['training', 'settings', '--json'],
  ['report', 'weekly', '--json'],
  ['report', 'weekly', '--dept', CS, '--json'],
  ['report', 'weekly', '--all', '--format', 'md'],
  ['remind', '--within', '7d', '--json'],
  ['remind', '--within', '7d', '--member', 'm0', '--json'],
];

describe('the query count of every reading command does not grow with the rows', () => {
  const dbs = { small: tempDb(), large: tempDb() };
  beforeAll(async () => {
    await build(dbs.small.db, 1);
    await build(dbs.large.db, SCALE);
  }, 120_000);
  afterAll(async () => {
    await dbs.small.cleanup();
    await dbs.large.cleanup();
  });

  /** The statements `team …args` sends, its exit code and its output's size (so that a command showing nothing does not pass). */
  const measure = async (db: string, args: readonly string[]) => {
    counter.log = [];
    try {
      const r = await run(db, args, env);
      // `goals check` of a goal that is not SMART says so with exit 1.
      expect(r.code, `team ${args.join(' ')}: ${r.stderr}`).toBe(args[1] === 'check' && r.code === 1 ? 1 : 0);
      return { statements: counter.log, code: r.code, size: r.stdout.length };
    } finally {
      counter.log = undefined;
    }
  };

  it.each(COMMANDS.map((args) => [args.join(' '), args] as const))('team %s', async (_, args) => {
    const small = await measure(dbs.small.db, args);
    const large = await measure(dbs.large.db, args);
    expect(small.size).toBeGreaterThan(0);
    // Counted at all: the seam saw the command's reads.
    expect(small.statements.length).toBeGreaterThan(0);
    expect(large.code).toBe(small.code);
    // The count, with both lists of statements to say which one repeats.
    expect(large.statements.length, `small:\n${small.statements.join('\n')}\nlarge:\n${large.statements.join('\n')}\n`).toBe(small.statements.length);
  });

  it('the large database is several times the small one (the shown rows too)', async () => {
    const count = async (db: string, args: string[]) => (await run(db, [...args, '--json'], env)).json<unknown[]>().length;
    for (const args of [['members', 'list', '--all'], ['goals', 'list', '--all'], ['roles', 'list'], ['depts', 'list']]) {
      const [small, large] = [await count(dbs.small.db, args), await count(dbs.large.db, args)];
      expect(large, args.join(' ')).toBeGreaterThan(small);
    }
    const shown = async (db: string, args: string[]) => (await run(db, [...args, '--json'], env)).json<Record<string, unknown[]>>();
    const [small, large] = [await shown(dbs.small.db, ['goals', 'show', FRT]), await shown(dbs.large.db, ['goals', 'show', FRT])];
    expect(large.checkins!.length).toBe(SCALE * small.checkins!.length);
    const [a, b] = [await shown(dbs.small.db, ['goals', 'show', GMV]), await shown(dbs.large.db, ['goals', 'show', GMV])];
    expect(b.children!.length).toBeGreaterThanOrEqual(SCALE * (a.children!.length - 1));
  });
});
