/**
 * Output that may go to a file instead of stdout (`--out FILE`): written to
 * a temporary file beside it and renamed over it, so a reader (a calendar
 * app refreshing hourly, a script reading last Monday's report) never sees
 * half a file. A folder that is not there is an input error, not created.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../shared/errors.js';
import { out } from './output.js';

/** Writes `text` to `path` atomically (0644 unless the file exists: its mode is kept), or to stdout without a path. */
export function emit(text: string, path?: string): void {
  if (path === undefined) return out(text);
  if (path.trim() === '') throw new InputError('err.outEmpty', {});
  const target = resolve(path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('err.outFolder', { path, folder: dir });
  if (existsSync(target) && statSync(target).isDirectory()) throw new InputError('err.outIsFolder', { path });
  const tmp = join(dir, `.${basename(target)}.${process.pid}.tmp`);
  const mode = existsSync(target) ? statSync(target).mode & 0o777 : 0o644;
  try {
    writeFileSync(tmp, text.endsWith('\n') ? text : `${text}\n`, { mode });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
