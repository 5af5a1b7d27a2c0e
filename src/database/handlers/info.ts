import { withDb, type Ctx } from '../../cli/context.js';
import { out, printJson, terminalWidth } from '../../cli/output.js';
import { getDatabaseInfo } from '../info.service.js';
import { renderInfo } from '../render.js';

/** `team db info`: engine, location, schema version, row counts, file size or server version. */
export async function info(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const facts = await withDb(ctx, (o) => getDatabaseInfo(o));
  if (opts.json) return printJson(facts);
  out(await renderInfo(facts, terminalWidth()));
}
