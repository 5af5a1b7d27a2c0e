/**
 * PostgreSQL write transactions (src/db/postgres.ts) against other
 * connections: a serialization failure or a deadlock caused by another client
 * runs the transaction again, up to MAX_ATTEMPTS, then gives up with one line;
 * and team's own writers (serialised by the write lock) and migrations (by the
 * migration lock) never conflict, even where the server's default isolation is
 * serializable. Each case makes the
 * conflict for real, with a second connection to the same test database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageOf } from '../../../src/cli/errors.js';
import { openDatabase } from '../../../src/db/connection.js';
import { migrations } from '../../../src/db/migrations.js';
import { MAX_ATTEMPTS } from '../../../src/db/postgres.js';
import type { Db } from '../../../src/db/sql.js';
import { Failure } from '../../../src/shared/errors.js';
import { onPostgres, tempDb } from '../../helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onPostgres)('PostgreSQL write transactions under conflicts with other connections', () => {
  let t: ReturnType<typeof tempDb>;
  let a: Db;
  let b: Db;
  beforeEach(async () => {
    t = tempDb();
    a = (await openDatabase({ path: t.db, env: {} })).db;
    b = (await openDatabase({ path: t.db, env: {} })).db;
    await a.run(`insert into settings (key, value) values ('k1', '0'), ('k2', '0')`);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await t.cleanup();
  });
  const value = async (key: string) => (await b.get<{ value: string }>('select value from settings where key = ?', [key]))!.value;
  const serializable = (db: Db) => db.run('set session characteristics as transaction isolation level serializable');

  it('a serialization failure (another client wrote a row this transaction read) runs it again, and the retry succeeds', async () => {
    await serializable(a);
    let attempts = 0;
    const result = await a.transaction(async (tx) => {
      attempts++;
      const before = (await tx.get<{ value: string }>(`select value from settings where key = 'k1'`))!.value;
      // Another client (no team write lock) commits a change to the row after this transaction's snapshot.
      if (attempts === 1) await b.run(`update settings set value = 'b' where key = 'k1'`);
      await tx.run(`update settings set value = ? where key = 'k1'`, [`${before}+a`]);
      return before;
    });
    expect(attempts).toBe(2);
    // The retry read what the other client had committed.
    expect(result).toBe('b');
    expect(await value('k1')).toBe('b+a');
  });

  it('a deadlock with another client (rows locked in opposite order) runs it again, and the retry succeeds', async () => {
    await b.run('begin');
    await b.run(`update settings set value = 'b' where key = 'k2'`);
    let attempts = 0;
    let other: Promise<unknown> = Promise.resolve();
    const started = Date.now();
    await a.transaction(async (tx) => {
      attempts++;
      await tx.run(`update settings set value = 'a' where key = 'k1'`);
      if (attempts === 1) {
        // This one waits for k2 first, so its deadlock check (deadlock_timeout, 1 s) fires first: it is the one cancelled.
        const blocked = tx.run(`update settings set value = 'a' where key = 'k2'`);
        blocked.catch(() => {});
        await sleep(150);
        // The other client now waits for k1, held by this transaction: a cycle. Once this one rolls back, it commits.
        other = b.run(`update settings set value = 'b' where key = 'k1'`).then(() => b.run('commit'));
        await blocked;
      } else {
        await tx.run(`update settings set value = 'a' where key = 'k2'`);
      }
    });
    await other;
    expect(attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // The retry ran after the other client's commit: its writes are the last.
    expect([await value('k1'), await value('k2')]).toEqual(['a', 'a']);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts with one line (err.db.busy), writing nothing`, async () => {
    await serializable(a);
    let attempts = 0;
    const failed = await a
      .transaction(async (tx) => {
        attempts++;
        await tx.get(`select value from settings where key = 'k1'`);
        await tx.run(`update settings set value = 'a' where key = 'k2'`);
        await b.run(`update settings set value = ? where key = 'k1'`, [`b${attempts}`]);
        await tx.run(`update settings set value = 'a' where key = 'k1'`);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(failed).toBeInstanceOf(Failure);
    const e = failed as Failure;
    expect(e.key).toBe('err.db.busy');
    expect(e.params).toMatchObject({ attempts: MAX_ATTEMPTS });
    expect(messageOf(e)).not.toContain('\n');
    expect(attempts).toBe(MAX_ATTEMPTS);
    expect([await value('k1'), await value('k2')]).toEqual([`b${MAX_ATTEMPTS}`, '0']);
  });

  it('team writers wait for each other without a conflict, even with serializable as the default isolation', async () => {
    await serializable(a);
    await serializable(b);
    const attempts = { a: 0, b: 0 };
    let second: Promise<void> = Promise.resolve();
    await a.transaction(async (tx) => {
      attempts.a++;
      const before = (await tx.get<{ value: string }>(`select value from settings where key = 'k1'`))!.value;
      if (attempts.a === 1) {
        // A second team writer starts now and waits for the write lock until this one commits.
        second = b.transaction(async (tx2) => {
          attempts.b++;
          const seen = (await tx2.get<{ value: string }>(`select value from settings where key = 'k1'`))!.value;
          await tx2.run(`update settings set value = ? where key = 'k1'`, [`${seen}+b`]);
        });
        await sleep(150);
      }
      await tx.run(`update settings set value = ? where key = 'k1'`, [`${before}+a`]);
    });
    await second;
    // The waiting writer read what the first committed: no serialization failure, no retry.
    expect(attempts).toEqual({ a: 1, b: 1 });
    expect(await value('k1')).toBe('0+a+b');
  });

  it('concurrent first opens of a new schema apply each migration once, even with serializable as the default isolation', async () => {
    const u = new URL(t.db);
    const schema = `mig_${process.pid}_${Date.now()}`;
    u.searchParams.set('schema', schema);
    u.searchParams.set('options', '-c default_transaction_isolation=serializable');
    const opened = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase({ path: u.toString(), env: {} })));
    try {
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const [row] = await a.all<{ n: number }>(`select count(*) as n from "${schema}".schema_migrations`);
      expect(row!.n).toBe(migrations.length);
    } finally {
      for (const o of opened) if (o.status === 'fulfilled') await o.value.db.close();
      await a.run(`drop schema if exists "${schema}" cascade`);
    }
  });
});
