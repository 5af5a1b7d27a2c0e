/** Posting a report's Markdown to a chat group (--webhook, or TEAM_WEBHOOK): the chat module loads only then. */
import type { Ctx } from '../../cli/context.js';

export interface ChatFlags {
  webhook?: string;
  to?: string;
  secret?: string;
  quiet?: boolean;
}

export async function postMarkdown(_ctx: Ctx, _flags: ChatFlags, _title: string, _markdown: string): Promise<void> {
  // Wired to the chat module once it lands.
}
