import type { Insertable, Patch, TableName } from './schema.js';

/** A value SQL can bind: the common ground of SQLite and PostgreSQL. */
export type SqlValue = string | number | null;

/**
 * The dialect boundary. Repositories speak portable SQL with `?` placeholders
 * through this interface only; an engine (better-sqlite3 today, PostgreSQL
 * later, whose adapter rewrites `?` to `$n`) implements it. Async on purpose:
 * a network engine can implement the same contract.
 */
export interface Queryable {
  /** Which SQL the engine speaks, for the rare statement portable SQL cannot say (JSON functions). */
  readonly dialect: 'sqlite' | 'postgres';
  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Rows as arrays with the column names once: far fewer allocations for long lists. */
  tuples(sql: string, params?: readonly SqlValue[]): Promise<{ columns: string[]; rows: SqlValue[][] }>;
  /**
   * Streams the rows as arrays to `onRow`, one at a time, without holding
   * them all: for results of 100,000 rows that are folded as they arrive.
   * `onRow` must not query. (A network engine would read through a cursor.)
   */
  eachTuple(sql: string, params: readonly SqlValue[], onRow: (row: SqlValue[]) => void): Promise<void>;
}

/** The longest `in (?, …)` list one statement takes: within SQLite's and PostgreSQL's parameter limits. Longer lists go in chunks (or by range). */
export const IN_LIST_MAX = 500;

/** Where each column of a tuple result sits. */
export type ColumnIndex<R> = { readonly [K in keyof R]: number };

/**
 * The column positions of a tuple result, typed by its row type, for mappers
 * that read `row[col.handle]`.
 * @example const col = columnIndex<MemberRow>(res.columns); res.rows.map((r) => r[col.handle])
 */
export function columnIndex<R>(columns: readonly string[]): ColumnIndex<R> {
  return Object.fromEntries(columns.map((c, i) => [c, i])) as ColumnIndex<R>;
}

/** A connection that can also open a write transaction. */
export interface Db extends Queryable {
  /** Where it is, as it may be printed: a file path, or a PostgreSQL URL without its password. */
  readonly location: string;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs reads that must see one state of the database (a list written in two
   * queries) in one read transaction, so that a write committed by another
   * process between them is seen by neither or both. Inside a transaction, part of it.
   */
  snapshot<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Typed INSERT: the column names are checked against the table's row type.
 * @example await insertRow(tx, 'departments', { name: '客服部', ... })
 */
export async function insertRow<T extends TableName>(q: Queryable, table: T, values: Insertable<T>): Promise<number> {
  const cols = Object.keys(values);
  const sql = `insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')}) returning id`;
  const row = await q.get<{ id: number }>(sql, Object.values(values) as SqlValue[]);
  return row!.id;
}

/** Typed UPDATE of one row by id; returns whether a row changed. */
export async function updateRow<T extends TableName>(q: Queryable, table: T, id: number, patch: Patch<T>): Promise<boolean> {
  // Undefined means "leave as is"; null means "clear".
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return false;
  const sql = `update ${table} set ${entries.map(([c]) => `${c} = ?`).join(', ')} where id = ?`;
  const res = await q.run(sql, [...entries.map(([, v]) => v as SqlValue), id]);
  return res.changes > 0;
}


/**
 * A camelCase patch as columns, through the repository's own field → column
 * map (undefined fields are left out). Keeps column names inside repositories.
 * @example toColumns({ presetKey: 'cs' }, { presetKey: 'preset_key' }) // { preset_key: 'cs' }
 */
export function toColumns<F extends string, C extends string>(patch: { readonly [K in F]?: SqlValue | undefined }, map: { readonly [K in F]: C }): { [K in C]?: SqlValue } {
  const row: { [K in C]?: SqlValue } = {};
  for (const k of Object.keys(patch) as F[]) {
    const v = patch[k];
    if (v !== undefined) row[map[k]] = v;
  }
  return row;
}

/**
 * SQL for the JSON text of a text or integer value, as JSON.stringify writes
 * it (null for NULL): for lists whose JSON the database writes, skipping the
 * objects a long list would make and stringify. Not for REAL columns, whose
 * digits the engines print their own way.
 * @example jsonText('sqlite', 'm.handle') // json_quote(m.handle)
 */
export function jsonText(dialect: Queryable['dialect'], expr: string): string {
  return dialect === 'sqlite' ? `json_quote(${expr})` : `coalesce(to_json(${expr})::text, 'null')`;
}

/**
 * SQL for a JSON object's text with these keys in this order, each value the
 * JSON text of its expression (jsonText), or, marked `raw`, an expression that
 * is JSON text already (`case … then 'true' else 'false' end`).
 * @example jsonObjectText('sqlite', [['id', 'm.id'], ['archived', { raw: "case when m.archived_at is null then 'false' else 'true' end" }]])
 */
export function jsonObjectText(dialect: Queryable['dialect'], fields: readonly (readonly [key: string, expr: string | { raw: string }])[]): string {
  return fields.map(([key, expr], i) => `'${i === 0 ? '{' : ','}${JSON.stringify(key)}:' || ${typeof expr === 'string' ? jsonText(dialect, expr) : expr.raw}`).join(' || ') + ` || '}'`;
}
