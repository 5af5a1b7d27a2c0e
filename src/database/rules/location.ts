/** Pure rules about database locations (a SQLite path or a PostgreSQL URL): no file system, no connection. */

/**
 * What identifies a PostgreSQL database and team's schema in it, for "same
 * source and target": user, host, port (5432 when left out), database and
 * `?schema=`; the password and other parameters do not make another database.
 * @example urlIdentity('postgresql://ana:x@DB/team') === urlIdentity('postgres://ana:y@db:5432/team') // true
 */
export function urlIdentity(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  return JSON.stringify([u.username, u.hostname.toLowerCase(), u.port || '5432', decodeURIComponent(u.pathname), u.searchParams.get('schema') ?? '']);
}
