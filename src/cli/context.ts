import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { OpenedDb } from '../db/connection.js';
import { getSetting } from '../db/settings.js';
import { getLang, langFromLocale, setLang, t, type Lang } from '../i18n/index.js';
import { Failure, InputError, NotFoundError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';
import { io } from './io.js';
import { checkDate } from './dates.js';
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
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The one clock setting: TEAM_TODAY=2026-11-23 pins the clock to noon of that
 * day (local time, so the date is the same in every time zone), and
 * TEAM_TODAY=2026-11-23T08:30 (or with Z / +08:00) pins it to that moment.
 * Dates (due dates, check-ins) and timestamps (created, closed, reviewed,
 * archived) then all follow it: replays and tests are exact.
 * @example clockFrom({ TEAM_TODAY: '2026-11-23' }, new Date()).today // '2026-11-23'
 */
export function clockFrom(env: NodeJS.ProcessEnv, real: Date): { now: Date; today: string } {
  const pinned = env.TEAM_TODAY;
  if (pinned === undefined || pinned === '') return { now: real, today: localDate(real) };
  const d = DATE.exec(pinned);
  // A well-formed date that does not exist (2026-02-30, or 2026-02-30T08:00, which Date would roll into March) says why.
  if (d || DATE_TIME.test(pinned)) checkDate('TEAM_TODAY', pinned.slice(0, 10));
  let now: Date | undefined;
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    now = new Date(y, m - 1, day, 12);
    if (now.getFullYear() !== y || now.getMonth() !== m - 1 || now.getDate() !== day) now = undefined;
  } else if (DATE_TIME.test(pinned)) {
    now = new Date(pinned);
  }
  if (now === undefined || Number.isNaN(now.getTime())) throw new InputError('err.invalidClock', { value: pinned });
  return { now, today: localDate(now) };
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

export function ctxFrom(cmd: Command): Ctx {
  const g = cmd.optsWithGlobals() as { db?: string; actor?: string };
  const env = io().env;
  const { now, today } = clockFrom(env, new Date());
  return { dbPath: g.db, lang: getLang(), env, today, now, actor: actorFrom(g.actor, env) };
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
    try {
      result = await fn({ db: opened.db, now: ctx.now, today: ctx.today, actor: ctx.actor });
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
