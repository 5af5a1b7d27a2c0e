/**
 * Test databases on PostgreSQL: each test gets a schema of the run's test
 * database (tests/pg-setup.ts) as its own database (`?schema=`). Migrating a
 * new schema costs ~200 ms of DDL, so a schema a test has finished with is
 * emptied (TRUNCATE … RESTART IDENTITY) and handed to the next test of the
 * same worker; a base database is cloned with INSERT … SELECT between schemas.
 * Both through one connection per worker, kept open.
 */
import pg from 'pg';
import { inject } from 'vitest';
import { migrations } from '../src/db/migrations.js';
import { ID_TABLES, TABLES } from '../src/db/schema.js';

const DATA_TABLES = TABLES.filter((t) => t !== 'schema_migrations');
interface Pool {
  free: string[];
  /** Schemas known to be migrated. */
  made: Set<string>;
  n: number;
  admin?: Promise<pg.Client>;
}
const pool: Pool = ((globalThis as { __teamSchemas?: Pool }).__teamSchemas ??= { free: [], made: new Set(), n: 0 });
const q = (schema: string) => `"${schema}"`;

function admin(): Promise<pg.Client> {
  pool.admin ??= (async () => {
    const c = new pg.Client({ connectionString: inject('pgUrl') });
    c.on('error', () => {});
    await c.connect();
    // Not a reason for the worker to stay alive.
    (c as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();
    return c;
  })();
  return pool.admin;
}

// DELETE, children first, and the id sequences back to 1: on tables this small much cheaper than TRUNCATE.
const restart = (schema: string, t: string, next: string) => `select setval(pg_get_serial_sequence('${q(schema)}.${t}', 'id'), ${next}, false);`;
// A test may have recorded a migration from the future: only the program's own stay.
const KNOWN = migrations.map((m) => `'${m.name}'`).join(', ');
const empty = (schema: string) =>
  [
    ...[...DATA_TABLES].reverse().map((t) => `delete from ${q(schema)}.${t};`),
    `delete from ${q(schema)}.schema_migrations where name not in (${KNOWN});`,
    ...ID_TABLES.map((t) => restart(schema, t, '1')),
  ].join('\n');

/** A schema for one test: an emptied one a finished test gave back, else a new name (the program migrates it on first use). */
export function takeSchema(): { url: string; release: () => Promise<void> } {
  const schema = pool.free.pop() ?? `t_${process.pid}_${++pool.n}`;
  let released = false;
  return {
    url: `${inject('pgUrl')}?schema=${schema}`,
    async release() {
      if (released) return;
      released = true;
      const c = await admin();
      // Only a schema the program has made (and so migrated) is worth emptying for the next test.
      if (!pool.made.has(schema)) {
        if (!(await c.query(`select to_regclass('${q(schema)}.goal_events') is not null as made`)).rows[0].made) return;
        pool.made.add(schema);
      }
      // A test may have broken its schema on purpose (a dropped table): then it is not reused.
      if (await c.query(empty(schema)).then(() => true, () => false)) pool.free.push(schema);
    },
  };
}

/** Whether the schema of a test database URL is known to be migrated already. */
export const isMigrated = (schema: string): boolean => pool.made.has(schema);

/** Copies every row of `from` into the migrated, empty schema `to` (from takeSchema), ids and sequences included. */
export async function copySchema(from: string, to: string): Promise<void> {
  const sql = [
    ...DATA_TABLES.map((t) => `insert into ${q(to)}.${t} select * from ${q(from)}.${t};`),
    ...ID_TABLES.map((t) => restart(to, t, `coalesce((select max(id) from ${q(to)}.${t}), 0) + 1`)),
  ];
  await (await admin()).query(`begin;\n${sql.join('\n')}\ncommit;`);
  pool.made.add(to);
}

/** Rows of a query on a test database's schema, read behind the program's back (for a database the program refuses to open). */
export async function rawRows(url: string, sql: string): Promise<unknown[]> {
  const schema = new URL(url).searchParams.get('schema')!;
  const c = await admin();
  const results = (await c.query(`set search_path to ${q(schema)}; ${sql}; reset search_path`)) as unknown as { rows: unknown[] }[];
  return results[1]!.rows;
}

/** Runs SQL on the run's test database outside any test's schema (to stage another team's schema beside a test's). */
export async function adminQuery<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return (await (await admin()).query(sql)).rows as T[];
}
