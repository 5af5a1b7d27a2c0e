/**
 * Output that may go to a file instead of stdout (`--out FILE`): written
 * whole or not at all, to a temporary file beside it, flushed to disk, then
 * renamed over it, so a reader (a calendar app refreshing hourly, a script
 * reading last Monday's report) sees the old file or the new one, never half
 * of one. A symbolic link is followed (the file it points to is replaced, the
 * link stays); an existing file keeps its mode. A folder that is not there is
 * an input error, not created.
 */
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Failure, InputError } from '../shared/errors.js';
import { out } from './output.js';

/** Writes `text` to `path` atomically (0644 for a new file), or to stdout without a path. */
export function emit(text: string, path?: string): void {
  if (path === undefined) return out(text);
  if (path.trim() === '') throw new InputError('err.outEmpty', {});
  const target = existsSync(path) ? realpathSync(path) : resolve(path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('err.outFolder', { path, folder: dir });
  if (existsSync(target) && statSync(target).isDirectory()) throw new InputError('err.outIsFolder', { path });
  const tmp = join(dir, `.${basename(target)}.${process.pid}.tmp`);
  const mode = existsSync(target) ? statSync(target).mode & 0o777 : 0o644;
  try {
    const fd = openSync(tmp, 'w', mode);
    try {
      writeSync(fd, text.endsWith('\n') ? text : `${text}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new Failure('err.outWrite', { path, reason: err.code ?? err.message });
  }
}
