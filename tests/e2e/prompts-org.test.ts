/** Prompts of the org commands on a real pseudo-terminal (see prompts-goals.test.ts for the goal ones). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, query, spawn as runTeam, tempDb } from '../helpers.js';
import { DOWN, ENTER, erase, hasScript, onTerminal } from './terminal.js';

let t: ReturnType<typeof tempDb>;
// What plain `team init` makes, once for the file; each test gets a copy.
beforeEach(async () => {
  t = tempDb();
  await initDb(t.db);
});
afterEach(() => t.cleanup());

describe.skipIf(!hasScript)('org prompts on a terminal', () => {
  it('depts add asks for the missing name', async () => {
    const r = await onTerminal(t.db, ['depts', 'add'], [`Live${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Department name:');
    expect(await query(t.db, "select count(*) as n from departments where name = 'Live'")).toEqual([{ n: 1 }]);
  });

  it('members add walks through handle, name, role, shift and hire date', async () => {
    const r = await onTerminal(t.db, ['members', 'add'], [`li.na${ENTER}`, `Li Na${ENTER}`, `${DOWN}${DOWN}${DOWN}${DOWN}`, ENTER, `late${ENTER}`, `2024-03-01${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Role:');
    expect(await query(t.db, 'select m.handle, m.name, r.name as role, m.shift, m.hire_date from members m join roles r on r.id = m.role_id')).toEqual([
      { handle: 'li.na', name: 'Li Na', role: 'Customer service manager', shift: 'late', hire_date: '2024-03-01' },
    ]);
  });

  it('members add checks the handle at its prompt: a taken one shows the error and is asked again', async () => {
    expect(runTeam(t.db, ['members', 'add', 'li', '--name', 'Li Na', '--role', 'none']).code).toBe(0);
    const r = await onTerminal(t.db, ['members', 'add'], [`li${ENTER}`, `${erase('li')}li.qiang${ENTER}`, `   ${ENTER}`, `${erase('   ')}Li Qiang${ENTER}`, ENTER, ENTER, ENTER, ENTER]);
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
    const r = await onTerminal(t.db, ['members', 'add', 'li'], []);
    expect(r.code).toBe(2);
    expect(r.screen).toContain('The handle "li" is taken.');
    expect(r.screen).not.toContain('Name:');
  });

});
