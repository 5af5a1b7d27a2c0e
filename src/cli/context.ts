import type { Command } from 'commander';
import type { Db } from '../db/sql.js';
import { TeamError } from '../domain/errors.js';
import { getLang, t, type Lang } from '../i18n/index.js';
import { say } from './output.js';

/** What every handler gets: global options and the environment, injectable in tests. */
export interface Ctx {
  dbPath: string | undefined;
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** Today as YYYY-MM-DD: TEAM_TODAY (for tests and replays), else the local date. */
  today: string;
  now: Date;
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function ctxFrom(cmd: Command): Ctx {
  const g = cmd.optsWithGlobals() as { db?: string };
  const env = process.env;
  const now = new Date();
  const today = env.TEAM_TODAY ?? localDate(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new TeamError('err.invalidDate', { field: 'TEAM_TODAY', value: today });
  return { dbPath: g.db, lang: getLang(), env, today, now };
}

/**
 * Opens the database for one command and closes it afterwards. A file created
 * by a command other than init/demo is announced, so a mistyped --db is noticed.
 */
export async function withDb<T>(ctx: Ctx, fn: (db: Db) => Promise<T>, opts: { quietCreate?: boolean } = {}): Promise<T> {
  const { openDatabase } = await import('../db/connection.js');
  const opened = await openDatabase({ path: ctx.dbPath, env: ctx.env });
  if (opened.created && !opts.quietCreate) say(t('db.created', { path: opened.path }));
  try {
    return await fn(opened.db);
  } finally {
    opened.db.close();
  }
}
