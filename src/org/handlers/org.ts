import { t } from '../../i18n/index.js';
import { getOrg } from '../members.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { out, printJson, say } from '../../cli/output.js';
import { renderOrgTree } from '../org.render.js';

export async function org(ctx: Ctx, opts: { dept?: string; json?: boolean }): Promise<void> {
  const roots = await withDb(ctx, (o) => getOrg(o, { dept: opts.dept }));
  if (opts.json) return printJson(roots);
  if (roots.length === 0) return say(t('org.empty'));
  out(renderOrgTree(roots));
}
