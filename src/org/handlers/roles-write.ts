import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { addDuty, addRole, editRole, moveDuty, prepareRemoveRole, removeDuty, removeRole } from '../roles.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askText, confirmOrAbort, requireFlags } from '../../cli/prompts.js';
import { parseOptions, positiveInt, text } from '../../cli/validate.js';

const writeSchema = z.object({
  name: text.optional(),
  dept: z.string().optional(),
  reportsTo: z.string().optional(),
  description: z.string().optional(),
  workflow: z.string().optional(),
  duty: z.array(text).optional(),
  json: z.boolean().optional(),
});

export async function add(ctx: Ctx, name: string | undefined, raw: unknown): Promise<void> {
  const opts = parseOptions(writeSchema, { ...(raw as object), name }, { name: 'NAME' });
  requireFlags(opts.name === undefined ? ['NAME'] : []);
  const roleName = opts.name ?? (await askText(t('org.prompt.roleName'), { required: true }));
  const role = await withDb(ctx, (o) =>
    addRole(o, { name: roleName, dept: opts.dept, reportsTo: opts.reportsTo, description: opts.description, workflow: opts.workflow, duties: opts.duty ?? [] }),
  );
  if (opts.json) printJson(role);
  say(t('org.role.added', { name: role.name }));
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(writeSchema, raw);
  const role = await withDb(ctx, (o) =>
    editRole(o, ref, { name: opts.name, dept: opts.dept, reportsTo: opts.reportsTo, description: opts.description, workflow: opts.workflow }),
  );
  if (opts.json) printJson(role);
  say(t('org.role.updated', { name: role.name }));
}

export async function rm(ctx: Ctx, ref: string, opts: { yes?: boolean }): Promise<void> {
  const role = await withDb(ctx, async (o) => {
    const target = await prepareRemoveRole(o.db, ref);
    await confirmOrAbort(opts.yes, t('org.role.confirmRm', { name: target.name }));
    return removeRole(o, String(target.id));
  });
  say(t('org.role.removed', { name: role.name }));
}

const atSchema = z.object({ at: positiveInt.optional(), json: z.boolean().optional() });

const positionsSchema = z.object({ n: positiveInt, from: positiveInt, to: positiveInt });

export async function dutyAdd(ctx: Ctx, ref: string, duty: string, raw: unknown): Promise<void> {
  const opts = parseOptions(atSchema, raw);
  const d = parseOptions(z.object({ text }), { text: duty }, { text: 'TEXT' });
  const { role, position } = await withDb(ctx, (o) => addDuty(o, ref, d.text, opts.at));
  if (opts.json) printJson(role);
  say(t('org.duty.added', { role: role.name, position }));
}

export async function dutyRm(ctx: Ctx, ref: string, n: string, opts: { json?: boolean; yes?: boolean }): Promise<void> {
  const p = parseOptions(positionsSchema.pick({ n: true }), { n }, { n: 'N' });
  const role = await withDb(ctx, async (o) => {
    const { showRole } = await import('../roles.service.js');
    const current = await showRole(o, ref);
    const text = current.duties[p.n - 1];
    if (text !== undefined) await confirmOrAbort(opts.yes, t('org.duty.confirmRm', { position: p.n, role: current.name, text }));
    return removeDuty(o, ref, p.n);
  });
  if (opts.json) printJson(role);
  say(t('org.duty.removed', { role: role.name, position: p.n }));
}

export async function dutyMove(ctx: Ctx, ref: string, from: string, to: string, opts: { json?: boolean }): Promise<void> {
  const p = parseOptions(positionsSchema.pick({ from: true, to: true }), { from, to }, { from: 'FROM', to: 'TO' });
  const role = await withDb(ctx, (o) => moveDuty(o, ref, p.from, p.to));
  if (opts.json) printJson(role);
  say(t('org.duty.moved', { role: role.name, from: p.from, to: p.to }));
}
