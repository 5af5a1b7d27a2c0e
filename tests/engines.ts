/**
 * The engines repository tests run on, each opening a fresh migrated database
 * through the program's own seam. Today SQLite; the PostgreSQL engine adds
 * itself here and every repository suite runs on it too.
 */
import { afterEach, describe } from 'vitest';
import { openDatabase } from '../src/db/connection.js';
import type { Db } from '../src/db/sql.js';
import { tempDb } from './helpers.js';

export interface Engine {
  name: string;
  /** A new, migrated, empty database; `close()` removes it. */
  open(): Promise<{ db: Db; close: () => void }>;
}

export const ENGINES: readonly Engine[] = [
  {
    name: 'sqlite',
    async open() {
      const t = tempDb();
      const { db } = await openDatabase({ path: t.db, env: {} });
      return {
        db,
        close: () => {
          db.close();
          t.cleanup();
        },
      };
    },
  },
];

/** `describe` once per engine: `describeEngines('goals repository', (fresh) => { it(…, async () => { const db = await fresh(); … }) })`. */
export function describeEngines(name: string, body: (fresh: () => Promise<Db>) => void): void {
  describe.each(ENGINES)(`${name} ($name)`, (engine) => {
    const open: { close: () => void }[] = [];
    body(async () => {
      const o = await engine.open();
      open.push(o);
      return o.db;
    });
    afterEach(() => {
      for (const o of open.splice(0)) o.close();
    });
  });
}
