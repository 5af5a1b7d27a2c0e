/**
 * The PostgreSQL projects' connections: when an in-process run closes its
 * database, its connection is kept open and handed to the next run of the
 * same server URL (the test databases are schemas of one database, and each
 * run sets its own search path), as a pool would, instead of each run
 * connecting afresh (~25 ms: a server process forked, the password exchange,
 * cold catalog caches). What a run leaves in its session goes with DISCARD ALL
 * (settings, the write lock, cursors, the search path), as a pool resets it;
 * a connection that cannot be reset, or that the server has closed, is ended
 * instead. Connecting itself, with its failures, is tested by the runs that
 * spawn bin/team and by URLs no kept connection has (a bad password, another
 * server, other options).
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
    const list = kept.idle.get(url);
    // One the server has closed but whose 'end' has not arrived yet is skipped.
    for (let c = list?.pop(); c; c = list?.pop()) if (!(c as unknown as { _ending: boolean })._ending && (c as unknown as { connection: { stream: { destroyed: boolean } } }).connection.stream.destroyed === false) return c;
    const c = await open(url);
    kept.urlOf.set(c, url);
    // Not a reason for the worker to stay alive; a connection the server ends leaves the pool.
    (c as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();
    c.on('end', () => forget(url, c));
    return c;
  };
  sessions.close = async (c) => {
    const url = kept.urlOf.get(c);
    // Closed twice: already kept once (two runs must never share it).
    if (url !== undefined && kept.idle.get(url)?.includes(c)) return;
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
