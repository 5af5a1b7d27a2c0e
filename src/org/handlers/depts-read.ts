import { shiftText } from '../members.render.js';
import type { Department } from '../rules/org.js';
import { getDepartments, showDepartment } from '../departments.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { out, printJson, printList, resolveFormat, terminalWidth, type Column } from '../../cli/output.js';

const columns: Column<Department>[] = [
  { header: 'col.id', value: (d) => d.id, align: 'right' },
  { header: 'org.col.name', value: (d) => d.name },
  { header: 'org.col.roles', value: (d) => d.roleCount, align: 'right' },
  { header: 'org.col.members', value: (d) => d.memberCount, align: 'right' },
  { header: 'org.col.description', value: (d) => d.description, wrap: 40 },
];

export async function list(ctx: Ctx, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(opts);
  const depts = await withDb(ctx, (o) => getDepartments(o));
  await printList(format, depts, columns);
}

export async function show(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const { renderFields, renderTable } = await import('../../cli/table.js');
  const d = await withDb(ctx, (o) => showDepartment(o, ref));
  if (opts.json) return printJson(d);
  const width = terminalWidth();
  out(renderFields([['col.id', d.id], ['org.col.name', d.name], ['org.col.description', d.description]], { width }));
  if (d.roles.length) out(await renderTable(d.roles, [{ header: 'org.col.role', value: (r) => r.name }, { header: 'org.col.reportsTo', value: (r) => r.reportsTo }, { header: 'org.col.members', value: (r) => r.memberCount, align: 'right' }], { width }));
  if (d.members.length) out(await renderTable(d.members, [{ header: 'org.col.handle', value: (m) => m.handle }, { header: 'org.col.fullName', value: (m) => m.name }, { header: 'org.col.role', value: (m) => m.role }, { header: 'org.col.shift', value: (m) => shiftText(m.shift) }], { width }));
}
