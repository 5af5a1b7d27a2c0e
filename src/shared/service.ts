import type { Notice } from '../db/hooks.js';
import type { Db } from '../db/sql.js';

/**
 * What every service takes, built once per command by the CLI context
 * (cli/context.ts withDb): the database, the clock and who is acting.
 * Tests build it by hand with a fixed clock.
 */
export interface ServiceOptions {
  db: Db;
  /** The moment of the command; every stored timestamp is `stamp(now)`. */
  now: Date;
  /** The local date of `now`, YYYY-MM-DD: due dates, check-ins and forecasts count from it. */
  today: string;
  /** Who is acting, for the audit trail. */
  actor: string;
  /** The team's time zone (TEAM_TZ) when set; new meetings default to it, else to the machine's. */
  zone?: string;
  /** Where services leave what other features had to say about a write (db/hooks.ts); the CLI shows them once it commits. */
  notices?: Notice[];
}

export const stamp = (now: Date) => now.toISOString();

/** The machine's time zone (IANA), for a team that has not set TEAM_TZ. */
export const machineZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The team's time zone: TEAM_TZ when set, else the machine's. New meetings and classes take it. */
export const teamZone = (o: Pick<ServiceOptions, 'zone'>): string => o.zone ?? machineZone();

/**
 * Maps one item after another, never two queries at once: a PostgreSQL
 * connection runs one query at a time (Promise.all over one would overlap them).
 */
export async function mapSeq<T, R>(items: readonly T[], fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const x of items) out.push(await fn(x));
  return out;
}

/** A counted list cut at a limit: how many there are in all, and the first of them. */
export interface Listed<T> {
  total: number;
  items: T[];
}
