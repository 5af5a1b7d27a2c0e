/**
 * The PostgreSQL engine: the same `Db` seam as SQLite's over one pg.Client per
 * opened database (loaded only for a PostgreSQL location; SQLite start-up
 * never parses pg). The portable SQL of the repositories runs unchanged: `?`
 * placeholders become `$n`, int8 and numeric come back as numbers and
 * booleans as 1/0, as SQLite returns them. Writes are serialised per team
 * schema by an advisory lock (SQLite's one writer), taken before each write
 * transaction begins, and a serialization failure or deadlock caused by
 * another client is retried a few times.
 */
// A static import: this module is itself imported only for a PostgreSQL location,
// and the bundle turns it into a require of dist/vendor/pg.cjs.
import pg from 'pg';
import Cursor from 'pg-cursor';
import pgpass from 'pgpass';
import { Failure, InputError, TeamError } from '../shared/errors.js';
import { redactUrl } from './location.js';
import { migrations } from './migrations.js';
import type { Db, Queryable, SqlValue } from './sql.js';

/** Rows a streamed read fetches per round trip. */
const CURSOR_ROWS = 1000;

/** How many times a write transaction is run again after a serialization failure or a deadlock. */
export const MAX_ATTEMPTS = 8;
const RETRYABLE = new Set(['40001', '40P01']);

interface PgError {
  code?: string;
  message?: string;
}

const code = (e: unknown): string => String((e as PgError)?.code ?? '');

/** `?` → `$1, $2, …`, outside quoted strings and identifiers. Cached per text. */
const numbered = new Map<string, string>();
export function toNumbered(sql: string): string {
  let out = numbered.get(sql);
  if (out !== undefined) return out;
  out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  numbered.set(sql, out);
  return out;
}

/**
 * What a URL asks of pg, parsed once: its `?schema=` (team's tables in a
 * schema of their own; pg is given the URL without it), sslmode with libpq's
 * meaning (`require`: encrypted, certificate not verified; `verify-full`
 * verifies) unless it says `uselibpqcompat` itself (else pg reads `require` as
 * `verify-full` and warns on every command), and, for libpq's `prefer` and
 * `allow`, the same URL in the clear, to fall back to. A URL that does not
 * parse is handed to pg as it is, to say what is wrong with it.
 */
function clientUrl(url: string): { connectionString: string; schema: string | undefined; plain: string | undefined } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { connectionString: url, schema: undefined, plain: undefined };
  }
  const schema = u.searchParams.get('schema') || undefined;
  u.searchParams.delete('schema');
  const mode = u.searchParams.get('sslmode') ?? process.env.PGSSLMODE ?? '';
  let plain: string | undefined;
  if (mode === 'prefer' || mode === 'allow') {
    const p = new URL(u);
    p.searchParams.set('sslmode', 'disable');
    plain = p.toString();
  }
  if (u.searchParams.has('sslmode') && !u.searchParams.has('uselibpqcompat')) u.searchParams.set('uselibpqcompat', 'true');
  return { connectionString: u.toString(), schema, plain };
}

// int8 (count(*), sum()) and numeric (avg()) as numbers; bool as 1/0: what SQLite returns.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 16) return (v: string) => (v === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * How a run gets its server connection and lets it go: a new one, ended when
 * the run closes the database. The test suite keeps a test database's
 * connections open between its in-process runs instead (tests/pg-sessions.ts),
 * which saves each run the connecting and the server's cold catalog caches
 * (~25 ms); what connecting does is tested on connections of its own.
 */
export const sessions = {
  open: (connectionString: string): Promise<pg.Client> => connect(connectionString),
  close: (client: pg.Client): Promise<void> => client.end(),
};

/** Opens, and migrates, the PostgreSQL database at `url`. */
export async function openPostgres(url: string): Promise<Db> {
  const location = redactUrl(url);
  const { connectionString, schema, plain } = clientUrl(url);
  const connectOrSay = (at: string) =>
    sessions.open(at).catch((e: unknown) => {
      throw e instanceof TeamError ? e : new Failure('err.db.connect', { path: location, reason: reason(e) });
    });
  let client: pg.Client;
  try {
    client = await connectOrSay(connectionString);
  } catch (e) {
    // libpq's prefer and allow: encrypted if the server can, else in the clear.
    if (plain === undefined || !(e instanceof Failure) || !/does not support SSL/.test(String(e.params.reason))) throw e;
    client = await connectOrSay(plain);
  }
  try {
    // The team's schema: ?schema=, else the first of the server's search_path.
    const home = schema ?? ((await client.query<{ s: string | null }>('select current_schema() as s')).rows[0]!.s || 'public');
    // Its search path: that schema first (then public), else the server's; and
    // wherever citext is installed (a database's first team may have put it in
    // its own schema) last: its case-insensitive operators must be visible, or
    // `handle = ?` compares as text.
    await client.query(
      `select set_config('search_path', coalesce($1 || ', public', current_setting('search_path')) || coalesce((select ', ' || quote_ident(n.nspname)
         from pg_extension e join pg_namespace n on n.oid = e.extnamespace
         where e.extname = 'citext' and n.nspname <> all(current_schemas(false)) and n.nspname <> $2), ''), false)`,
      [schema === undefined ? null : ident(schema), home],
    );
    await migrate(client, schema, home, location);
  } catch (e) {
    await sessions.close(client).catch(() => {});
    throw e instanceof TeamError ? e : new Failure('err.db.open', { path: location, reason: reason(e) });
  }
  return wrap(client, location);
}

/** A connected client; a URL pg cannot parse is the user's to fix (exit 2). */
async function connect(connectionString: string): Promise<pg.Client> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString, types });
  } catch (e) {
    throw new InputError('err.db.badUrl', { path: redactUrl(connectionString), reason: reason(e) });
  }
  // No password in the URL or PGPASSWORD: ~/.pgpass, read here (pg calls the function with its parameters).
  const c = client as unknown as { password: unknown };
  if (c.password === null || c.password === undefined) c.password = passwordFromPgpass;
  // A server that drops the connection later must not crash the process with an unhandled 'error'.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
  return client;
}

/**
 * The password from ~/.pgpass (or PGPASSFILE), as libpq looks it up, when
 * neither the URL nor PGPASSWORD has one. (pg's own lookup prints a
 * deprecation warning on every command.)
 */
function passwordFromPgpass(params: pg.ClientConfig): Promise<string | undefined> {
  return new Promise((found) => pgpass(params, found));
}

function reason(e: unknown): string {
  const m = (e as PgError)?.message ?? String(e);
  return m.split('\n')[0]!;
}

// One lock for schema changes in the whole database (extensions are database-wide);
// one per schema for writes, so that two teams in one database never wait on each other.
const MIGRATE_LOCK = `select pg_advisory_xact_lock(hashtext('team:migrate'))`;
// The write lock is the session's, taken before `begin`: under repeatable read or
// serializable (a server's default_transaction_isolation) a transaction's snapshot
// is taken by its first statement, so a lock taken inside would be waited for
// with the snapshot of before the writer it waited for, and every waiting team
// writer would fail with a serialization failure.
const WRITE_LOCK = `select pg_advisory_lock(hashtext('team:write:' || current_schema()))`;
const WRITE_UNLOCK = `select pg_advisory_unlock(hashtext('team:write:' || current_schema()))`;

/**
 * Applies the pending migrations, each in its own transaction under the
 * migration lock, with its record: two leads starting at once apply each
 * one once. The schema version is the number of migrations recorded.
 */
async function migrate(client: pg.Client, schema: string | undefined, home: string, location: string): Promise<void> {
  // Named in its schema: one team must never read another's migrations through the search path.
  const records = `${ident(home)}.schema_migrations`;
  const version = async () => {
    const r = await client.query<{ n: number }>(`select count(*) as n from ${records}`);
    return r.rows[0]!.n;
  };
  const exists = async () => (await client.query('select to_regclass($1) as t', [records])).rows[0].t !== null;
  // The common case, an up-to-date database, costs two reads and no lock.
  const upToDate = (n: number) => {
    if (n > migrations.length) throw new Failure('err.db.newerServer', { path: location, version: n, known: migrations.length });
    return n === migrations.length;
  };
  let current = (await exists()) ? await version() : 0;
  if (upToDate(current)) return;
  for (;;) {
    // Read committed whatever the server's default: the version is read after the
    // lock is granted, and must see the migrations committed while this one waited.
    await client.query('begin isolation level read committed');
    try {
      await client.query(MIGRATE_LOCK);
      if (schema) await client.query(`create schema if not exists ${ident(schema)}`);
      await client.query(`create table if not exists ${records} (name text primary key, applied_at text not null)`);
      // Another process may have applied some while this one waited for the lock.
      current = await version();
      if (upToDate(current)) {
        await client.query('commit');
        return;
      }
      const m = migrations[current]!;
      for (const stmt of m.postgres ?? m.sqlite) await client.query(stmt);
      await client.query(`insert into ${records} (name, applied_at) values ($1, $2)`, [m.name, new Date().toISOString()]);
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    }
  }
}

function queryable(client: pg.Client, location: string): Queryable {
  const query = async (sql: string, params: readonly SqlValue[], array: boolean) => {
    try {
      return await client.query({ text: toNumbered(sql), values: params as SqlValue[], ...(array ? { rowMode: 'array' } : {}) });
    } catch (e) {
      throw serverError(e, location);
    }
  };
  return {
    dialect: 'postgres',
    async all<R>(sql: string, params: readonly SqlValue[] = []) {
      return (await query(sql, params, false)).rows as R[];
    },
    async get<R>(sql: string, params: readonly SqlValue[] = []) {
      return (await query(sql, params, false)).rows[0] as R | undefined;
    },
    async tuples(sql: string, params: readonly SqlValue[] = []) {
      const r = await query(sql, params, true);
      return { columns: r.fields.map((f) => f.name), rows: r.rows as SqlValue[][] };
    },
    async eachTuple(sql: string, params: readonly SqlValue[], onRow: (row: SqlValue[]) => void) {
      // Through a cursor, CURSOR_ROWS at a time: a whole-database list never holds all its rows.
      const cursor = client.query(new Cursor<SqlValue[]>(toNumbered(sql), params as SqlValue[], { rowMode: 'array', types }));
      try {
        for (let rows = await cursor.read(CURSOR_ROWS); rows.length > 0; rows = await cursor.read(CURSOR_ROWS)) for (const row of rows) onRow(row);
      } catch (e) {
        throw serverError(e, location);
      } finally {
        await cursor.close().catch(() => {});
      }
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return { changes: (await query(sql, params, false)).rowCount ?? 0 };
    },
  };
}

/** A server error as one line: a read-only server or role says so; others keep the server's first line. */
function serverError(e: unknown, location: string): unknown {
  if (e instanceof TeamError) return e;
  const c = code(e);
  if (c === '25006' || c === '42501') return new Failure('err.db.serverReadonly', { path: location, reason: reason(e) });
  if (RETRYABLE.has(c)) return e; // the transaction retries it
  if (c.startsWith('08') || (e as NodeJS.ErrnoException)?.code === 'ECONNRESET') return new Failure('err.db.connect', { path: location, reason: reason(e) });
  return e;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function wrap(client: pg.Client, location: string): Db {
  const q = queryable(client, location);
  let depth = 0;
  const exec = (sql: string) => client.query(sql).catch((e: unknown) => Promise.reject(serverError(e, location)));
  /** `fn` between `begin` and `commit`, rolled back if it throws. */
  const within = async <T>(begin: string, fn: (q: Queryable) => Promise<T>): Promise<T> => {
    depth++;
    try {
      await exec(begin);
      const result = await fn(q);
      await exec('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      depth--;
    }
  };
  return {
    ...q,
    location,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // One connection: nested calls join the outer transaction.
      if (depth > 0) return fn(q);
      for (let attempt = 1; ; attempt++) {
        // After a conflict, a pause before the next attempt, not holding the write lock.
        if (attempt > 1) await sleep(Math.random() * 20 * attempt);
        // One team writer at a time, as on SQLite: what a service checks before it writes still holds when it writes.
        await exec(WRITE_LOCK);
        try {
          return await within('begin', fn);
        } catch (e) {
          if (!RETRYABLE.has(code(e))) throw e;
          if (attempt === MAX_ATTEMPTS) throw new Failure('err.db.busy', { path: location, attempts: MAX_ATTEMPTS });
        } finally {
          // A connection that is gone has released it with the session.
          await client.query(WRITE_UNLOCK).catch(() => {});
        }
      }
    },
    async snapshot<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      return depth > 0 ? fn(q) : within('begin isolation level repeatable read read only', fn);
    },
    async close() {
      await sessions.close(client).catch(() => {});
    },
  };
}
