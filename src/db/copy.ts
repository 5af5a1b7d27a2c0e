/**
 * A whole team database copied into another, between engines or not (SQLite
 * → PostgreSQL when a team moves to a server, back for a laptop copy or a
 * backup): every table, ids kept, in one transaction, into an empty target
 * only; then verified by counts and a checksum of every table read back.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../shared/errors.js';
import { SELF_REFERENCES, TABLES, type TableName } from './schema.js';
import { IN_LIST_MAX, type Db, type Queryable, type SqlValue } from './sql.js';

export interface TableCheck {
  table: TableName;
  rows: number;
  /** sha256 of the table's rows (in key order, values as JSON), the same on either engine. */
  checksum: string;
}

/** Rows per INSERT: within both engines' parameter limits for the widest table. */
const PARAMS_MAX = 30_000;

interface TableData {
  columns: string[];
  rows: SqlValue[][];
}

/** Orders two values as both engines would agree: numbers by value, text by code unit, nulls first. */
function compareValues(a: SqlValue, b: SqlValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** A table's rows in key order: by id, else by every column in turn (a key of several columns, such as attendance's), sorted here so both engines agree whatever their collation. */
async function readTable(q: Queryable, table: TableName): Promise<TableData> {
  const { columns, rows } = await q.tuples(`select * from ${table}`);
  rows.sort((a, b) => {
    for (let i = 0; i < columns.length; i++) {
      const c = compareValues(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  return { columns, rows };
}

/** The checksum of rows read by readTable, their columns in `columns`' order. */
function checksum(data: TableData, columns: readonly string[]): string {
  const at = columns.map((c) => data.columns.indexOf(c));
  const h = createHash('sha256');
  for (const r of data.rows) h.update(`${JSON.stringify(at.map((i) => r[i]))}\n`);
  return h.digest('hex');
}

/** How many rows a table holds. */
export interface TableCount {
  table: TableName;
  rows: number;
}

/** How many rows each table holds: what `db info` shows and an empty target must have (none). */
export async function countRows(q: Queryable): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const table of TABLES) counts.push({ table, rows: (await q.get<{ n: number }>(`select count(*) as n from ${table}`))!.n });
  return counts;
}

/**
 * Copies `from` into `to`, which must hold no team data (its own migration
 * records are replaced by the source's). Returns each table's count and
 * checksum, after checking that the target, read back, has the same.
 */
export async function copyDatabase(from: Db, to: Db): Promise<TableCheck[]> {
  const data = await from.snapshot(async (q) => {
    const all = new Map<TableName, TableData>();
    for (const table of TABLES) all.set(table, await readTable(q, table));
    return all;
  });
  await to.transaction(async (tx) => {
    for (const { table, rows } of await countRows(tx)) {
      if (table !== 'schema_migrations' && rows > 0) throw new InputError('err.db.copy.notEmpty', { path: to.location, table, rows });
    }
    await tx.run('delete from schema_migrations');
    for (const table of TABLES) await insertAll(tx, table, data.get(table)!);
  });
  // A server plans by its statistics: gather them now, not after its next
  // autovacuum; for the team's own tables only: a bare ANALYZE walks every
  // schema of the database (other teams', and any dropped meanwhile: "relation
  // with OID … does not exist").
  if (to.dialect === 'postgres') await to.run(`analyze ${TABLES.join(', ')}`);
  const checks: TableCheck[] = [];
  for (const table of TABLES) {
    const source = data.get(table)!;
    const copied = await readTable(to, table);
    const check = { table, rows: source.rows.length, checksum: checksum(source, source.columns) };
    if (copied.rows.length !== check.rows || checksum(copied, source.columns) !== check.checksum) {
      throw new InputError('err.db.copy.mismatch', { path: to.location, table });
    }
    checks.push(check);
  }
  return checks;
}

/**
 * Inserts a table's rows, ids kept. A column naming the table itself (a
 * manager, a parent goal) is filled in afterwards, so that no row waits for
 * one further down. On PostgreSQL the id sequence then continues after the
 * highest id.
 */
async function insertAll(tx: Queryable, table: TableName, { columns, rows }: TableData): Promise<void> {
  const selfRefs = (SELF_REFERENCES[table] ?? []).map((c) => columns.indexOf(c)).filter((i) => i >= 0);
  const per = Math.max(1, Math.floor(PARAMS_MAX / columns.length));
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params = chunk.flatMap((r) => r.map((v, j) => (selfRefs.includes(j) ? null : v)));
    await tx.run(`insert into ${table} (${columns.join(', ')}) values ${chunk.map(() => one).join(', ')}`, params);
  }
  // Then those columns, IN_LIST_MAX rows an UPDATE (a round trip each on a server).
  const id = columns.indexOf('id');
  for (const j of selfRefs) {
    const set = rows.filter((r) => r[j] !== null);
    for (let i = 0; i < set.length; i += IN_LIST_MAX) {
      const chunk = set.slice(i, i + IN_LIST_MAX);
      await tx.run(`update ${table} set ${columns[j]} = case id ${chunk.map(() => 'when ? then cast(? as integer)').join(' ')} end where id in (${chunk.map(() => '?').join(', ')})`, [
        ...chunk.flatMap((r) => [r[id]!, r[j]!]),
        ...chunk.map((r) => r[id]!),
      ]);
    }
  }
  if (tx.dialect === 'postgres' && columns[0] === 'id') {
    await tx.run(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) from ${table}`);
  }
}
