import { t } from '../../i18n/index.js';
import { applyPreset, assertPreset } from '../preset.service.js';
import { databaseLocation, withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';

export async function init(ctx: Ctx, opts: { preset: string; json?: boolean }): Promise<void> {
  assertPreset(opts.preset);
  const result = await withDb(ctx, (o) => applyPreset(o, opts.preset, ctx.lang), { quietCreate: true });
  const path = await databaseLocation(ctx);
  if (opts.json) printJson({ database: path, ...result });
  say(t('setup.init.done', { path, ...result }));
}
