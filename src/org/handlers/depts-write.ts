import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { addDepartment, editDepartment, prepareRemoveDepartment, removeDepartment } from '../departments.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askText, confirmOrAbort, requireFlags } from '../../cli/prompts.js';
import { parseOptions, text } from '../../cli/validate.js';

const writeSchema = z.object({ name: text.optional(), description: z.string().optional(), json: z.boolean().optional() });

export async function add(ctx: Ctx, name: string | undefined, raw: unknown): Promise<void> {
  const opts = parseOptions(writeSchema, { ...(raw as object), name }, { name: 'NAME' });
  requireFlags(opts.name === undefined ? ['NAME'] : []);
  const deptName = opts.name ?? (await askText(t('org.prompt.deptName'), { required: true }));
  const dept = await withDb(ctx, (o) => addDepartment(o, { name: deptName, description: opts.description ?? null }));
  if (opts.json) printJson(dept);
  say(t('org.dept.added', { name: dept.name }));
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(writeSchema, raw);
  const d = await withDb(ctx, (o) => editDepartment(o, ref, { name: opts.name, description: opts.description }));
  if (opts.json) printJson(d);
  say(t('org.dept.updated', { name: d.name }));
}

export async function rm(ctx: Ctx, ref: string, opts: { yes?: boolean }): Promise<void> {
  const d = await withDb(ctx, async (o) => {
    const target = await prepareRemoveDepartment(o.db, ref);
    await confirmOrAbort(opts.yes, t('org.dept.confirmRm', { name: target.name }));
    return removeDepartment(o, String(target.id));
  });
  say(t('org.dept.removed', { name: d.name }));
}
