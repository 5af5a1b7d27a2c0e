/**
 * The engine repository tests run on, opening a fresh migrated database
 * through the program's own seam: SQLite, or PostgreSQL in the PostgreSQL
 * project (vitest.config.ts), so every suite runs on both.
 */
import { afterEach, describe } from 'vitest';
import { openDatabase } from '../src/db/connection.js';
import type { Db } from '../src/db/sql.js';
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
