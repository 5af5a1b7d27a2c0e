/** Database locations: a SQLite file path or a PostgreSQL URL. Tiny on purpose: SQLite start-up loads it. */

/** Whether a location names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * The location as it may be printed (a file path as it is): the password replaced by `***`
 * (messages, `db info`, errors). Unparseable text is cut at the `@`.
 * @example redactUrl('postgres://ana:s3cret@db/team') // 'postgres://ana:***@db/team'
 */
export function redactUrl(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return location.replace(/\/\/[^@/]*@/, '//***@');
  }
}
