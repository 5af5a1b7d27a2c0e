/**
 * The prompts, on a real terminal: `script` (util-linux) gives the command a
 * pseudo-terminal, and keystrokes are typed into it with pauses, as a person
 * would. Without a terminal the same commands name the missing flags (see the
 * other suites).
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, dumpDb, query, spawn as runTeam, tempDb } from '../helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const ENTER = '\r';
const DOWN = '\x1b[B';
const CTRL_C = '\x03';
const BACKSPACE = '\x7f';
const erase = (typed: string) => BACKSPACE.repeat([...typed].length);

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
  expect(runTeam(t.db, ['init']).code).toBe(0);
});
afterEach(() => t.cleanup());

/** Runs `team …args` on a pseudo-terminal, typing each key after a pause; resolves to the exit code and the screen. */
function onTerminal(args: string[], keys: string[]): Promise<{ code: number; screen: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', quoted, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TEAM_DB: t.db, TEAM_TODAY: '2026-11-23', LANG: 'en_US.UTF-8', NO_COLOR: '1', TERM: 'xterm' },
  });
  let screen = '';
  child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
  // Generous pauses: a key typed before its prompt is drawn could go to the previous one.
  let delay = 1500;
  for (const key of keys) {
    setTimeout(() => child.stdin.write(key), delay);
    delay += 700;
  }
  setTimeout(() => child.stdin.end(), delay + 300);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, screen })));
}

describe.skipIf(!hasScript)('prompts on a terminal', () => {
  it('depts add asks for the missing name', async () => {
    const r = await onTerminal(['depts', 'add'], [`Live${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Department name:');
    expect(await query(t.db, "select count(*) as n from departments where name = 'Live'")).toEqual([{ n: 1 }]);
  });

  it('members add walks through handle, name, role, shift and hire date', async () => {
    const r = await onTerminal(['members', 'add'], [`li.na${ENTER}`, `Li Na${ENTER}`, `${DOWN}${DOWN}${DOWN}${DOWN}`, ENTER, `late${ENTER}`, `2024-03-01${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Role:');
    expect(await query(t.db, 'select m.handle, m.name, r.name as role, m.shift, m.hire_date from members m join roles r on r.id = m.role_id')).toEqual([
      { handle: 'li.na', name: 'Li Na', role: 'Customer service manager', shift: 'late', hire_date: '2024-03-01' },
    ]);
  });

  it('goals add asks for each SMART field and saves a live goal', async () => {
    const r = await onTerminal(
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
    const no = await onTerminal(['goals', 'review', '1', '--lead', 'Nice try', '--score', '3', '--outcome', 'reward'], [`n${ENTER}`]);
    expect(no.screen).toContain('warning: goal #1 missed its target (250 单 of 300 单), but the outcome is reward.');
    expect(no.screen).toContain('Record the review with this outcome anyway?');
    expect(no.code).toBe(130);
    expect(await query(t.db, 'select count(*) as n from goal_reviews')).toEqual([{ n: 0 }]);
    const yes = await onTerminal(['goals', 'review', '1', '--lead', 'Nice try', '--score', '3', '--outcome', 'reward'], [`y${ENTER}`]);
    expect(yes.code).toBe(0);
    expect(await query(t.db, 'select g.state, r.outcome from goals g join goal_reviews r on r.goal_id = g.id')).toEqual([{ state: 'missed', outcome: 'reward' }]);
  });

  it('members add checks the handle at its prompt: a taken one shows the error and is asked again', async () => {
    expect(runTeam(t.db, ['members', 'add', 'li', '--name', 'Li Na', '--role', 'none']).code).toBe(0);
    const r = await onTerminal(['members', 'add'], [`li${ENTER}`, `${erase('li')}li.qiang${ENTER}`, `   ${ENTER}`, `${erase('   ')}Li Qiang${ENTER}`, ENTER, ENTER, ENTER, ENTER]);
    expect(r.code).toBe(0);
    const taken = r.screen.indexOf('The handle "li" is taken.');
    expect(taken).toBeGreaterThan(-1);
    // Asked again at once: the error comes before the next question, not after the last one.
    expect(taken).toBeLessThan(r.screen.indexOf('Name:'));
    expect(r.screen).toContain('Enter a name.');
    expect(await query(t.db, 'select handle, name from members order by id')).toEqual([
      { handle: 'li', name: 'Li Na' },
      { handle: 'li.qiang', name: 'Li Qiang' },
    ]);
  });

  it('members add with a taken handle as the argument fails before asking anything', async () => {
    expect(runTeam(t.db, ['members', 'add', 'li', '--name', 'Li Na', '--role', 'none']).code).toBe(0);
    const r = await onTerminal(['members', 'add', 'li'], []);
    expect(r.code).toBe(2);
    expect(r.screen).toContain('The handle "li" is taken.');
    expect(r.screen).not.toContain('Name:');
  });

  it('goals add checks each answer at its prompt: a vague title shows the S finding and is asked again; so are a bad number and an early due date', async () => {
    const title = 'Q4 Tmall GMV up 20% to ¥1,800,000';
    const r = await onTerminal(
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
    const r = await onTerminal(['members', 'add'], [`li.na${ENTER}`, CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('Cancelled; nothing was written.');
    expect(await dumpDb(t.db)).toEqual(before);
  });
});
