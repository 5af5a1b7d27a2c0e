/** `team export ics [--out FILE] [--member h]`: the team's calendar as one ICS text, on stdout or in a file. */
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { withDb, type Ctx } from '../../cli/context.js';
import { out, say } from '../../cli/output.js';
import { t } from '../../i18n/index.js';
import { Failure } from '../../shared/errors.js';
import { getCalendar } from '../calendar.service.js';
import { buildIcs } from '../ics.js';

export async function exportIcs(ctx: Ctx, flags: { out?: string; member?: string }): Promise<void> {
  const cal = await withDb(ctx, (o) => getCalendar(o, flags.member === undefined ? {} : { member: flags.member }));
  const text = buildIcs(cal.events, { name: cal.name, now: ctx.now });
  if (flags.out === undefined) {
    out(text);
    return;
  }
  writeAtomically(flags.out, text);
  say(t('reports.ics.written', { count: cal.events.length, file: flags.out }));
}

/**
 * Writes a file whole or not at all: a temporary file beside it, flushed to
 * disk, then renamed over it, so a calendar app reading the file (hourly, say)
 * sees the old calendar or the new one, never half of one. A symbolic link is
 * followed: the file it points to is replaced, the link stays.
 */
function writeAtomically(file: string, text: string): void {
  const target = existsSync(file) ? realpathSync(file) : file;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new Failure('reports.ics.err.write', { file, reason: err.code ?? err.message });
  }
}
