import type { Department } from '../../domain/org.js';
import { getDepartments, showDepartment } from '../../services/departments.service.js';
import { withDb, type Ctx } from '../context.js';
import { out, printJson, printList, resolveFormat, terminalWidth, type Column } from '../output.js';

const columns: Column<Department>[] = [
  { header: 'col.id', value: (d) => d.id, align: 'right' },
  { header: 'col.name', value: (d) => d.name },
  { header: 'col.roles', value: (d) => d.roleCount, align: 'right' },
  { header: 'col.members', value: (d) => d.memberCount, align: 'right' },
  { header: 'col.description', value: (d) => d.description, wrap: 40 },
];

export async function list(ctx: Ctx, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(opts);
  const depts = await withDb(ctx, (db) => getDepartments({ db, now: ctx.now }));
  await printList(format, depts, columns);
}

export async function show(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const { renderFields, renderTable } = await import('../table.js');
  const d = await withDb(ctx, (db) => showDepartment({ db, now: ctx.now }, ref));
  if (opts.json) return printJson(d);
  const width = terminalWidth();
  out(renderFields([['col.id', d.id], ['col.name', d.name], ['col.description', d.description]], { width }));
  if (d.roles.length) out(await renderTable(d.roles, [{ header: 'col.role', value: (r) => r.name }, { header: 'col.reportsTo', value: (r) => r.reportsTo }, { header: 'col.members', value: (r) => r.memberCount, align: 'right' }], { width }));
  if (d.members.length) out(await renderTable(d.members, [{ header: 'col.handle', value: (m) => m.handle }, { header: 'col.fullName', value: (m) => m.name }, { header: 'col.role', value: (m) => m.role }, { header: 'col.shift', value: (m) => m.shift }], { width }));
}
