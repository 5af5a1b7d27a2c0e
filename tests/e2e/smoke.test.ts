import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, spawn, tempDb } from '../helpers.js';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('team init', () => {
  it('creates a 0600 database with the e-commerce preset, and a second run adds nothing', async () => {
    const first = spawn(t.db, ['init', '--json']);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ preset: 'ecommerce', lang: 'en', departments: 6, roles: 14 });
    expect(statSync(t.db).mode & 0o777).toBe(0o600);
    const before = await dumpDb(t.db);
    const second = spawn(t.db, ['init', '--json']);
    expect(second.json()).toMatchObject({ departments: 0, roles: 0, duties: 0 });
    expect((await dumpDb(t.db)).roles).toEqual(before.roles);
    expect((await dumpDb(t.db)).role_duties).toEqual(before.role_duties);
  });

  it('rejects an unknown preset before creating anything', async () => {
    spawn(t.db, ['init']);
    const before = await dumpDb(t.db);
    const r = spawn(t.db, ['init', '--preset', 'shopify']);
    expect([r.code, r.stderr]).toEqual([2, 'team: Unknown preset "shopify": use ecommerce or blank.\n']);
    expect(await dumpDb(t.db)).toEqual(before);
  });
});
