import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { OpenedDb } from '../db/connection.js';
import { isPostgresUrl, redactUrl } from '../db/location.js';
import { getSetting } from '../db/settings.js';
import { getLang, langFromLocale, setLang, t, type Lang } from '../i18n/index.js';
import { Failure, NotFoundError } from '../shared/errors.js';
import type { Notice } from '../db/hooks.js';
import { machineZone, type ServiceOptions } from '../shared/service.js';
import { clockFrom } from './clock.js';
import { translateParams } from './errors.js';
import { io } from './io.js';
import { say } from './output.js';
import { runtime } from './runtime.js';

/** What every handler gets: global options, the environment and the clock, injectable in tests. */
export interface Ctx {
  dbPath: string | undefined;
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** Today as YYYY-MM-DD in local time, from `now`. */
  today: string;
  /** The clock of this command: TEAM_TODAY when set, else the real time. Every timestamp written comes from it. */
  now: Date;
  /** Who is acting, for the audit trail: --actor, else TEAM_USER, else the login name. */
  actor: string;
  /** What other features said about this command's writes (db/hooks.ts): shown after the handler's own message. */
  notices: Notice[];
}

function actorFrom(given: unknown, env: NodeJS.ProcessEnv): string {
  if (typeof given === 'string' && given.trim() !== '') return given.trim();
  if (env.TEAM_USER) return env.TEAM_USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function ctxFrom(cmd: Command): Promise<Ctx> {
  const g = cmd.optsWithGlobals() as { db?: string; actor?: string };
  const env = io().env;
  const { now, today } = await clockFrom(env, new Date());
  return { dbPath: g.db, lang: getLang(), env, today, now, actor: actorFrom(g.actor, env), notices: [] };
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
  const location = await locateDatabase({ path: ctx.dbPath, env: ctx.env });
  if (!isPostgresUrl(location) && !existsSync(location)) return;
  early = await openDatabase({ path: ctx.dbPath, env: ctx.env });
  const lang = langFromLocale(await getSetting(early.db, 'lang'));
  if (lang && lang !== ctx.lang) {
    await setLang(lang);
    ctx.lang = lang;
  }
}

/**
 * Opens the database for one command, hands the services their options
 * (database, clock, actor: built here once, never by a handler) and closes it
 * afterwards. A database that does not exist yet is written to disk only if
 * the command succeeds and wrote something, and is then announced (except by
 * init/demo), so a mistyped --db is noticed; a command that only reads it is
 * told there is none yet.
 * @example const goals = await withDb(ctx, (o) => getGoals(o, filter))
 */
export async function withDb<T>(ctx: Ctx, fn: (o: ServiceOptions) => Promise<T>, opts: { quietCreate?: boolean } = {}): Promise<T> {
  const { locateDatabase, openDatabase } = await import('../db/connection.js');
  let opened: OpenedDb;
  if (early && early.path === (await locateDatabase({ path: ctx.dbPath, env: ctx.env }))) {
    opened = early;
    early = undefined;
  } else {
    opened = await openDatabase({ path: ctx.dbPath, env: ctx.env });
  }
  const missing = () => new Failure('err.db.missing', { path: opened.path });
  try {
    let result: T;
    const notices: Notice[] = [];
    try {
      result = await fn({ db: opened.db, now: ctx.now, today: ctx.today, actor: ctx.actor, notices, ...(ctx.env.TEAM_TZ?.trim() && { zone: ctx.env.TEAM_TZ.trim() }) });
    } catch (e) {
      // Nothing can be found in a database that does not exist: say that instead.
      if (opened.created && e instanceof NotFoundError) throw missing();
      throw e;
    }
    if (!opened.save()) throw missing();
    ctx.notices.push(...notices);
    if (opened.created && !opts.quietCreate) say(t('db.created', { path: opened.path }));
    return result;
  } finally {
    await opened.db.close();
  }
}

/** The zone a table's reader lives in (the team's, else the machine's): a table names only the zones that differ from it. */
export function homeZone(ctx: Ctx): string {
  return ctx.env.TEAM_TZ?.trim() || machineZone();
}

/** Where this command's database is (--db, TEAM_DB or the default), for messages: a URL without its password. */
export async function databaseLocation(ctx: Ctx): Promise<string> {
  const { locateDatabase } = await import('../db/connection.js');
  return redactUrl(await locateDatabase({ path: ctx.dbPath, env: ctx.env }));
}

/** Shows what other features said about the command's writes (after the command's own message). */
export function sayNotices(ctx: Ctx): void {
  for (const n of ctx.notices.splice(0)) say(t(n.key, translateParams(n.params)));
}

/** Closes the early connection if the command never used it (it failed before, or needed none). */
export async function closeEarly(): Promise<void> {
  await early?.db.close();
  early = undefined;
}
