/**
 * Putting a new database file in place: made whole under a temporary name,
 * then moved to its name only if nothing is there (a new database, a copy, a
 * backup). No SQLite here: only files.
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** A temporary name beside `path`, this process's own. */
export const tempBeside = (path: string): string => `${path}.${process.pid}.tmp`;

/** Removes a database file that is not wanted (a temporary one) with SQLite's companions. */
export function removeDatabaseFiles(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
}

/**
 * Gives the finished file `tmp` the name `path` unless a file has it (made
 * meanwhile by someone else): then false, and nothing is replaced. A hard
 * link, atomic; on a file system without them, a copy that still refuses to
 * replace a file.
 */
export function placeNew(tmp: string, path: string): boolean {
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    try {
      copyFileSync(tmp, path, constants.COPYFILE_EXCL);
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  }
  return true;
}

/**
 * mkdir -p, one level at a time, 0700: Node 20's recursive mkdirSync spins
 * forever on some paths (seen with /proc/nope), where this fails with a clear error.
 */
export function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}
