/**
 * The PostgreSQL projects' connections: a test database's connection is kept
 * open when an in-process run closes the database, and handed to the next run
 * of the same URL, as a pool would, instead of each run connecting afresh
 * (~25 ms: a server process forked, the password exchange, cold catalog
 * caches; three quarters of a typical command's time there). What a run leaves
 * in its session goes with DISCARD ALL (settings, the write lock, cursors, a
 * search path), as a pool resets it; a connection that cannot be reset, or
 * that the server has closed, is ended instead. Connecting itself, with its
 * failures, is tested by the runs that spawn bin/team and by URLs no pooled
 * connection has (a bad password, another server).
 */
import type pg from 'pg';
import { sessions } from '../src/db/postgres.js';

interface Kept {
  idle: Map<string, pg.Client[]>;
  urlOf: WeakMap<pg.Client, string>;
}
// Once per worker: the projects share one module graph (vitest.config.ts, isolate: false).
const g = globalThis as { __teamPgSessions?: Kept };
if (!g.__teamPgSessions) {
  const kept: Kept = (g.__teamPgSessions = { idle: new Map(), urlOf: new WeakMap() });
  const { open, close } = sessions;
  const forget = (url: string, c: pg.Client) => {
    const list = kept.idle.get(url);
    const i = list?.indexOf(c) ?? -1;
    if (i >= 0) list!.splice(i, 1);
  };
  sessions.open = async (url) => {
    const reused = kept.idle.get(url)?.pop();
    if (reused) return reused;
    const c = await open(url);
    kept.urlOf.set(c, url);
    // Not a reason for the worker to stay alive; a connection the server ends leaves the pool.
    (c as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();
    c.on('end', () => forget(url, c));
    return c;
  };
  sessions.close = async (c) => {
    const url = kept.urlOf.get(c);
    if (url !== undefined) {
      try {
        await c.query('discard all');
        const list = kept.idle.get(url) ?? [];
        kept.idle.set(url, list);
        list.push(c);
        return;
      } catch {
        // In a failed transaction, or gone: end it.
      }
    }
    await close(c);
  };
}
