import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { OpenedDb } from '../db/connection.js';
import { getSetting } from '../db/repositories/settings.repository.js';
import type { Db } from '../db/sql.js';
import { NotFoundError, TeamError } from '../domain/errors.js';
import { isCalendarDate } from '../domain/goals/dates.js';
import { getLang, langFromLocale, setLang, t, type Lang } from '../i18n/index.js';
import { say } from './output.js';
import { runtime } from './runtime.js';

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
  if (!isCalendarDate(today)) throw new TeamError('err.invalidDate', { field: 'TEAM_TODAY', value: today });
  return { dbPath: g.db, lang: getLang(), env, today, now };
}

// The database opened early to read the team's language, handed on to withDb.
let early: OpenedDb | undefined;

/**
 * Without --lang or TEAM_LANG, messages follow the language the team's
 * database was set up in (`team init --lang zh`), before LANG: a Chinese team
 * on an English server still reads Chinese. Opens an existing database only,
 * and keeps it open for the command.
 */
export async function adoptTeamLanguage(ctx: Ctx): Promise<void> {
  if (runtime.langExplicit) return;
  const { locateDatabase, openDatabase } = await import('../db/connection.js');
  if (!existsSync(await locateDatabase({ path: ctx.dbPath, env: ctx.env }))) return;
  early = await openDatabase({ path: ctx.dbPath, env: ctx.env });
  const lang = langFromLocale(await getSetting(early.db, 'lang'));
  if (lang && lang !== ctx.lang) {
    await setLang(lang);
    ctx.lang = lang;
  }
}

/**
 * Opens the database for one command and closes it afterwards. A database
 * that does not exist yet is written to disk only if the command succeeds and
 * wrote something, and is then announced (except by init/demo), so a mistyped
 * --db is noticed; a command that only reads it is told there is none yet.
 */
export async function withDb<T>(ctx: Ctx, fn: (db: Db) => Promise<T>, opts: { quietCreate?: boolean } = {}): Promise<T> {
  const { locateDatabase, openDatabase } = await import('../db/connection.js');
  let opened: OpenedDb;
  if (early && early.path === (await locateDatabase({ path: ctx.dbPath, env: ctx.env }))) {
    opened = early;
    early = undefined;
  } else {
    opened = await openDatabase({ path: ctx.dbPath, env: ctx.env });
  }
  const missing = () => new TeamError('err.db.missing', { path: opened.path }, 1);
  try {
    let result: T;
    try {
      result = await fn(opened.db);
    } catch (e) {
      // Nothing can be found in a database that does not exist: say that instead.
      if (opened.created && e instanceof NotFoundError) throw missing();
      throw e;
    }
    if (!opened.save()) throw missing();
    if (opened.created && !opts.quietCreate) say(t('db.created', { path: opened.path }));
    return result;
  } finally {
    opened.db.close();
  }
}

/** Closes the early connection if the command never used it (it failed before, or needed none). */
export function closeEarly(): void {
  early?.db.close();
  early = undefined;
}
