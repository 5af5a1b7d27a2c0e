/** `team export ics [--out FILE] [--member h]`: the team's calendar as one ICS text, on stdout or in a file. */
import { withDb, type Ctx } from '../../cli/context.js';
import { say } from '../../cli/output.js';
import { emit } from '../../cli/write-out.js';
import { t } from '../../i18n/index.js';
import { getCalendar } from '../calendar.service.js';
import { buildIcs } from '../ics.js';

export async function exportIcs(ctx: Ctx, flags: { out?: string; member?: string; quiet?: boolean }): Promise<void> {
  const cal = await withDb(ctx, (o) => getCalendar(o, flags.member === undefined ? {} : { member: flags.member }));
  const text = buildIcs(cal.events, { name: cal.name, now: ctx.now });
  emit(text, flags.out);
  if (flags.out !== undefined && !flags.quiet) say(t('reports.ics.written', { count: cal.events.length, file: flags.out }));
}
