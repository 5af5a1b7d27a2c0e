/**
 * Roles, departments and members by name: exact, then equal but for case,
 * then the one name containing what was typed; several such names are listed
 * (never a silent pick), none gets the closest as a suggestion.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRejected, initDb, run, tempDb } from '../../helpers.js';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

async function ok(args: string[]) {
  const r = await run(t.db, args);
  expect(r.code, `team ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

const roleName = async (ref: string) => (await ok(['roles', 'show', ref, '--json'])).json<{ name: string }>().name;

describe('roles by name', () => {
  it('after init --lang zh, 客服 matches several roles and lists them', async () => {
    await ok(['init', '--lang', 'zh']);
    const r = await expectRejected(t.db, ['roles', 'show', '客服']);
    expect(r.stderr).toBe('team: “客服”对应多个岗位：客服经理、客服专员（售前）、客服专员（售后）、客服助理。请用全名或编号。\n');
    expect(await roleName('客服经理')).toBe('客服经理');
    expect(await roleName('售后')).toBe('客服专员（售后）');
  });

  it('in English: case does not matter, a unique part of a name is enough, several are listed', async () => {
    await ok(['init']);
    expect(await roleName('operations MANAGER')).toBe('Operations manager');
    expect(await roleName('visual')).toBe('Visual designer');
    expect((await expectRejected(t.db, ['roles', 'show', 'specialist'])).stderr).toBe(
      'team: "specialist" matches several roles: Marketing specialist, Customer service specialist (pre-sale), Customer service specialist (after-sale). Use the full name or the id.\n',
    );
  });

  it('an exact name wins over names that contain it', async () => {
    await ok(['init']);
    await ok(['roles', 'add', 'Designer']);
    expect(await roleName('Designer')).toBe('Designer');
    expect(await roleName('designer')).toBe('Designer');
  });

  it('nothing matching still suggests the closest', async () => {
    await ok(['init']);
    expect((await expectRejected(t.db, ['roles', 'show', 'Oparations manager'])).stderr).toBe('team: No role matches "Oparations manager". Did you mean "Operations manager"?\n');
  });

  it('writes take the same lookup', async () => {
    await ok(['init']);
    await expectRejected(t.db, ['members', 'add', 'li', '--name', 'Li Na', '--role', 'manager']);
    await ok(['members', 'add', 'li', '--name', 'Li Na', '--role', 'operations manager']);
    expect((await ok(['members', 'show', 'li', '--json'])).json<{ role: string }>().role).toBe('Operations manager');
  });
});

describe('departments by name', () => {
  it('客服 is the one department containing it', async () => {
    await ok(['init', '--lang', 'zh']);
    expect((await ok(['depts', 'show', '客服', '--json'])).json<{ name: string }>().name).toBe('客服部');
  });

  it('several departments containing the input are listed', async () => {
    await ok(['init']);
    await ok(['depts', 'add', 'Customer success']);
    expect((await expectRejected(t.db, ['depts', 'show', 'customer'])).stderr).toBe('team: "customer" matches several departments: Customer service, Customer success. Use the full name or the id.\n');
  });
});

describe('members by name', () => {
  beforeEach(async () => {
    await initDb(t.db);
    await ok(['members', 'add', 'wang', '--name', 'Wang Fang', '--role', 'Data analyst']);
    await ok(['members', 'add', 'wangli', '--name', 'Wang Li', '--role', 'Data analyst']);
  });
  const handleOf = async (ref: string) => (await ok(['members', 'show', ref, '--json'])).json<{ handle: string }>().handle;

  it('an exact handle, a name in any case, or a unique part of one', async () => {
    expect(await handleOf('wang')).toBe('wang');
    expect(await handleOf('wang li')).toBe('wangli');
    expect(await handleOf('Fang')).toBe('wang');
  });

  it('several members containing the input are listed with their handles', async () => {
    expect((await expectRejected(t.db, ['members', 'show', 'wan'])).stderr).toBe('team: "wan" matches several members: Wang Fang (wang), Wang Li (wangli). Use the handle or the id.\n');
  });
});
