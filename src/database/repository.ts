/** The little SQL `team db` needs beyond src/db/copy.ts: the schema version and the server's version. */
import type { Queryable } from '../db/sql.js';

/** How many migrations the database has applied (one record each in schema_migrations). */
export async function readSchemaVersion(q: Queryable): Promise<number> {
  return (await q.get<{ n: number }>('select count(*) as n from schema_migrations'))!.n;
}

/** The PostgreSQL server's version (`show server_version`), e.g. "15.8 (Debian 15.8-0+deb12u1)"; null on SQLite. */
export async function readServerVersion(q: Queryable): Promise<string | null> {
  if (q.dialect !== 'postgres') return null;
  return (await q.get<{ server_version: string }>('show server_version'))!.server_version;
}
