import type { Role, RoleDetail } from '../rules/org.js';
import { getRoles, showRole } from '../roles.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { out, printJson, printList, resolveFormat, terminalWidth, type Column } from '../../cli/output.js';

const columns: Column<Role>[] = [
  { header: 'col.id', value: (r) => r.id, align: 'right' },
  { header: 'org.col.role', value: (r) => r.name },
  { header: 'org.col.dept', value: (r) => r.department },
  { header: 'org.col.reportsTo', value: (r) => r.reportsTo },
  { header: 'org.col.duties', value: (r) => r.dutyCount, align: 'right' },
  { header: 'org.col.members', value: (r) => r.memberCount, align: 'right' },
];

async function render(r: RoleDetail): Promise<string> {
  const { renderFields, renderTable } = await import('../../cli/table.js');
  const width = terminalWidth();
  const head = renderFields([
    ['col.id', r.id],
    ['org.col.role', r.name],
    ['org.col.dept', r.department],
    ['org.col.reportsTo', r.reportsTo],
    ['org.col.description', r.description],
    ['org.col.workflow', r.workflow],
    ['org.col.holders', r.holders.map((h) => `${h.name} (${h.handle})`).join(', ')],
  ], { width });
  if (r.duties.length === 0) return head;
  const duties = await renderTable(r.duties.map((text, i) => ({ n: i + 1, text })), [
    { header: 'org.col.position', value: (d) => d.n, align: 'right' },
    { header: 'org.col.duty', value: (d) => d.text, wrap: 60 },
  ], { width });
  return `${head}\n${duties}`;
}

export async function list(ctx: Ctx, opts: { json?: boolean; format?: string; dept?: string }): Promise<void> {
  const format = resolveFormat(opts);
  const roles = await withDb(ctx, (o) => getRoles(o, { dept: opts.dept }));
  await printList(format, roles, columns);
}

export async function show(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const role = await withDb(ctx, (o) => showRole(o, ref));
  if (opts.json) return printJson(role);
  out(await render(role));
}
