/**
 * The engine repository tests run on, opening a fresh migrated database
 * through the program's own seam: SQLite, or PostgreSQL in the PostgreSQL
 * project (vitest.config.ts), so every suite runs on both.
 */
import { afterEach, describe } from 'vitest';
import { openDatabase } from '../src/db/connection.js';
import type { Db, Queryable } from '../src/db/sql.js';
import { ENGINE, tempDb } from './helpers.js';

export interface Engine {
  name: string;
  /** A new, migrated, empty database; `close()` removes it. */
  open(): Promise<{ db: Db; close: () => Promise<void> }>;
}

export const ENGINES: readonly Engine[] = [
  {
    name: ENGINE,
    async open() {
      const t = tempDb();
      const { db } = await openDatabase({ path: t.db, env: {} });
      return {
        db,
        async close() {
          await db.close();
          await t.cleanup();
        },
      };
    },
  },
];

/** `describe` once per engine: `describeEngines('goals repository', (fresh) => { it(…, async () => { const db = await fresh(); … }) })`. */
export function describeEngines(name: string, body: (fresh: () => Promise<Db>) => void): void {
  describe.each(ENGINES)(`${name} ($name)`, (engine) => {
    const open: { close: () => Promise<void> }[] = [];
    body(async () => {
      const o = await engine.open();
      open.push(o);
      return o.db;
    });
    afterEach(async () => {
      for (const o of open.splice(0)) await o.close();
    });
  });
}

/** One statement a recording connection saw, with the rows it returned (0 for a write). */
export interface Recorded {
  sql: string;
  rows: number;
}

/**
 * A connection over `db` that records every statement with how many rows it
 * returned (streams counted as they are read), for "no statement grows with
 * the table" and "as many statements for a bigger team" assertions.
 * Transactions and snapshots run on it directly.
 */
export function recording(db: Db): { db: Db; log: Recorded[] } {
  const log: Recorded[] = [];
  const q: Queryable = {
    dialect: db.dialect,
    all: async (sql, params) => {
      const rows = await db.all(sql, params);
      log.push({ sql, rows: rows.length });
      return rows as never;
    },
    get: async (sql, params) => {
      const row = await db.get(sql, params);
      log.push({ sql, rows: row === undefined ? 0 : 1 });
      return row as never;
    },
    run: (sql, params) => {
      log.push({ sql, rows: 0 });
      return db.run(sql, params);
    },
    tuples: async (sql, params) => {
      const t = await db.tuples(sql, params);
      log.push({ sql, rows: t.rows.length });
      return t;
    },
    eachTuple: async (sql, params, onRow) => {
      const entry = { sql, rows: 0 };
      log.push(entry);
      return db.eachTuple(sql, params, (r) => {
        entry.rows++;
        onRow(r);
      });
    },
  };
  return { db: { ...q, location: db.location, transaction: (fn) => fn(q), snapshot: (fn) => fn(q), close: () => db.close() }, log };
}
