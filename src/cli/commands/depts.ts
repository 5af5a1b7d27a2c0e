import { z } from 'zod';
import { addDepartment, editDepartment, getDepartments, prepareRemoveDepartment, removeDepartment, showDepartment } from '../../services/departments.service.js';
import { t } from '../../i18n/index.js';
import type { Department } from '../../domain/org.js';
import { withDb, type Ctx } from '../context.js';
import { printJson, printList, renderFields, renderTable, resolveFormat, say, out, type Column } from '../output.js';
import { askText, confirmOrAbort, requireFlags } from '../prompts.js';
import { parseOptions, text } from '../validate.js';

const columns: Column<Department>[] = [
  { header: 'col.id', value: (d) => d.id, align: 'right' },
  { header: 'col.name', value: (d) => d.name },
  { header: 'col.roles', value: (d) => d.roleCount, align: 'right' },
  { header: 'col.members', value: (d) => d.memberCount, align: 'right' },
  { header: 'col.description', value: (d) => d.description, wrap: 40 },
];

const writeSchema = z.object({ name: text.optional(), description: z.string().optional(), json: z.boolean().optional() });

export async function add(ctx: Ctx, name: string | undefined, raw: unknown): Promise<void> {
  const opts = parseOptions(writeSchema, { ...(raw as object), name });
  requireFlags(opts.name === undefined ? ['NAME'] : []);
  const deptName = opts.name ?? (await askText(t('prompt.deptName'), { required: true }));
  const dept = await withDb(ctx, (db) => addDepartment({ db, now: ctx.now }, { name: deptName, description: opts.description ?? null }));
  if (opts.json) printJson(dept);
  say(t('dept.added', { name: dept.name }));
}

export async function list(ctx: Ctx, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(opts);
  const depts = await withDb(ctx, (db) => getDepartments({ db, now: ctx.now }));
  await printList(format, depts, columns);
}

export async function show(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const d = await withDb(ctx, (db) => showDepartment({ db, now: ctx.now }, ref));
  if (opts.json) return printJson(d);
  out(renderFields([['col.id', d.id], ['col.name', d.name], ['col.description', d.description]]));
  if (d.roles.length) out(await renderTable(d.roles, [{ header: 'col.role', value: (r) => r.name }, { header: 'col.reportsTo', value: (r) => r.reportsTo }, { header: 'col.members', value: (r) => r.memberCount, align: 'right' }]));
  if (d.members.length) out(await renderTable(d.members, [{ header: 'col.handle', value: (m) => m.handle }, { header: 'col.fullName', value: (m) => m.name }, { header: 'col.role', value: (m) => m.role }, { header: 'col.shift', value: (m) => m.shift }]));
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(writeSchema, raw);
  const d = await withDb(ctx, (db) => editDepartment({ db, now: ctx.now }, ref, { name: opts.name, description: opts.description }));
  if (opts.json) printJson(d);
  say(t('dept.updated', { name: d.name }));
}

export async function rm(ctx: Ctx, ref: string, opts: { yes?: boolean }): Promise<void> {
  const d = await withDb(ctx, async (db) => {
    const o = { db, now: ctx.now };
    const target = await prepareRemoveDepartment(db, ref);
    await confirmOrAbort(opts.yes, t('dept.confirmRm', { name: target.name }));
    return removeDepartment(o, String(target.id));
  });
  say(t('dept.removed', { name: d.name }));
}
