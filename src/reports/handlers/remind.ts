/** `team remind`: what is due in the window, for cron and for people. */
import { withDb, type Ctx } from '../../cli/context.js';
import { out, printJson, terminalWidth } from '../../cli/output.js';
import { emit } from '../../cli/write-out.js';
import { t } from '../../i18n/index.js';
import { InputError } from '../../shared/errors.js';
import { getReminders, type Reminders } from '../remind.service.js';
import { remindMarkdown, remindText, remindTitle } from '../remind.render.js';
import { parseWindow } from '../rules/week.js';
import { chatOf, postMarkdown, type ChatFlags } from './chat.js';

const FORMATS = ['text', 'md', 'json', 'ics'] as const;
type RemindFormat = (typeof FORMATS)[number];

/** Overdue items listed per kind unless --all. */
const REMIND_LIMIT = 20;

export async function remind(ctx: Ctx, flags: ChatFlags & { within?: string; member?: string; format?: string; json?: boolean; out?: string; all?: boolean }): Promise<void> {
  if (flags.format !== undefined && !(FORMATS as readonly string[]).includes(flags.format)) throw new InputError('reports.err.remindFormat', { value: flags.format });
  const format: RemindFormat = flags.json ? 'json' : ((flags.format as RemindFormat | undefined) ?? 'text');
  const hours = parseWindow(flags.within ?? '24h');
  const chat = await chatOf(ctx, flags);
  const r = await withDb(ctx, (o) => getReminders(o, { hours, ...(flags.member !== undefined && { member: flags.member }), ...(!flags.all && { limit: REMIND_LIMIT }) }));
  const empty = r.items.length === 0;
  // Nothing due: one line (or nothing with --quiet), exit 0, nothing posted: cron mail stays quiet.
  if (empty && format !== 'json' && format !== 'ics') {
    if (!flags.quiet) out(t('reports.remind.nothing'));
    return;
  }
  // With a chat and --quiet, the chat is the delivery: nothing on stdout for cron to mail (a file still gets written).
  if (!(chat && flags.quiet && flags.out === undefined)) await emitFormat(r, format, flags.out, ctx.now);
  // Posted after the output is written; nothing due posts nothing.
  if (chat && !empty) await postMarkdown(ctx, chat, flags, remindTitle(r), remindMarkdown(r));
}

async function emitFormat(r: Reminders, format: RemindFormat, out: string | undefined, now: Date): Promise<void> {
  switch (format) {
    case 'json':
      if (out === undefined) return printJson(r);
      return emit(JSON.stringify(r), out);
    case 'md':
      return emit(remindMarkdown(r), out);
    case 'text': {
      // On a terminal, long items wrap under themselves; cron mail and files get one line an item.
      const width = out === undefined ? terminalWidth() : undefined;
      const fit = width === undefined ? undefined : { width, wrap: (await import('../../cli/table.js')).wrapText };
      return emit(remindText(r, fit), out);
    }
    case 'ics': {
      const { remindIcs } = await import('../remind.ics.js');
      return emit(remindIcs(r, now), out);
    }
  }
}
