/**
 * Posting a report's Markdown to a chat group: `--webhook URL` (or a bare
 * `--webhook`, which takes $TEAM_WEBHOOK, so the URL need not sit in a
 * crontab line). The chat module loads only then. The target is checked
 * before anything is read; the post comes after the output is written, so a
 * chat that refuses still leaves the file (and exits 1).
 */
import type { Ctx } from '../../cli/context.js';
import { say } from '../../cli/output.js';
import { t } from '../../i18n/index.js';
import { InputError } from '../../shared/errors.js';
import type { ChatTarget } from '../chat.service.js';


export interface ChatFlags {
  webhook?: string | boolean;
  to?: string;
  secret?: string;
  quiet?: boolean;
}

/** Where to post, or undefined without --webhook; bad flags are an input error (exit 2) before any work. */
export async function chatOf(ctx: Ctx, flags: ChatFlags): Promise<ChatTarget | undefined> {
  if (flags.webhook === undefined || flags.webhook === false) return undefined;
  const { chatTarget } = await import('../chat.service.js');
  const target = chatTarget({ ...(typeof flags.webhook === 'string' && { webhook: flags.webhook }), ...(flags.to !== undefined && { to: flags.to }), ...(flags.secret !== undefined && { secret: flags.secret }) }, ctx.env);
  if (target === undefined) throw new InputError('reports.err.noWebhook', {});
  return target;
}

/** Posts the Markdown; one line on stderr says where (never the URL), unless --quiet. */
export async function postMarkdown(ctx: Ctx, target: ChatTarget, flags: ChatFlags, title: string, markdown: string): Promise<void> {
  const [{ sendChat }, { CHAT_SERVICE_LABEL }] = await Promise.all([import('../chat.service.js'), import('../rules/chat.js')]);
  const { messages } = await sendChat(target, { title, markdown }, { now: ctx.now });
  if (!flags.quiet) say(t('reports.posted', { service: t(CHAT_SERVICE_LABEL[target.to]), n: messages }));
}
