import { z } from 'zod';
import type { Ctx } from '../../cli/context.js';
import { out, printJson, say, terminalWidth } from '../../cli/output.js';
import { parseOptions, text } from '../../cli/validate.js';
import { t } from '../../i18n/index.js';
import { backupTeamDatabase, copyTeamDatabase } from '../copy.service.js';
import { dataRows, renderChecks, renderCounts } from '../render.js';

const copySchema = z.object({ to: text, from: text.optional(), json: z.boolean().optional() });
const backupSchema = z.object({ file: text, json: z.boolean().optional() });

/** `team db copy --to LOCATION [--from LOCATION]`: the whole database into an empty one, verified. */
export async function copy(ctx: Ctx, raw: { to: string; from?: string; json?: boolean }): Promise<void> {
  const opts = parseOptions(copySchema, raw);
  const result = await copyTeamDatabase({ from: opts.from ?? ctx.dbPath, to: opts.to, env: ctx.env });
  if (opts.json) printJson(result);
  else out(await renderChecks(result.tables, terminalWidth()));
  say(t('database.copy.done', { from: result.from, to: result.to, rows: dataRows(result.tables), tables: result.tables.length }));
}

/** `team db backup FILE`: a consistent SQLite copy in a new file. */
export async function backup(ctx: Ctx, file: string, raw: { json?: boolean }): Promise<void> {
  const opts = parseOptions(backupSchema, { ...raw, file }, { file: 'FILE' });
  const result = await backupTeamDatabase({ from: ctx.dbPath, file: opts.file, env: ctx.env });
  if (opts.json) printJson(result);
  else out(await renderCounts(result.tables, terminalWidth()));
  say(t('database.backup.done', { from: result.from, file: result.file, rows: dataRows(result.tables), tables: result.tables.length }));
}
