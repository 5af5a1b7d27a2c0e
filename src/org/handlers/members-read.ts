import type { MemberStatus } from '../rules/org.js';
import { MEMBER_STATUSES } from '../rules/org.js';
import { InputError } from '../../shared/errors.js';
import { getMembers, showMember, writeMembersJson } from '../members.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { jsonArrayWriter, out, printJson, printList, resolveFormat } from '../../cli/output.js';
import { memberColumns, renderMember } from '../members.render.js';

interface ListOptions {
  json?: boolean;
  format?: string;
  dept?: string;
  role?: string;
  shift?: string;
  status?: string;
  all?: boolean;
}

export async function list(ctx: Ctx, opts: ListOptions): Promise<void> {
  const format = resolveFormat(opts);
  if (opts.status !== undefined && !(MEMBER_STATUSES as readonly string[]).includes(opts.status)) {
    throw new InputError('err.invalidStatus', { value: opts.status });
  }
  const filter = { dept: opts.dept, role: opts.role, shift: opts.shift, status: opts.status as MemberStatus | undefined, all: opts.all };
  // JSON into a pipe or a file: written by the database, member by member (a terminal gets it indented, below).
  const list = format === 'json' ? jsonArrayWriter() : null;
  if (list) {
    await withDb(ctx, (o) => writeMembersJson(o, filter, (json) => list.pushJson(json)));
    return list.end();
  }
  const members = await withDb(ctx, (o) => getMembers(o, filter));
  await printList(format, members, memberColumns);
}

export async function show(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const m = await withDb(ctx, (o) => showMember(o, ref));
  if (opts.json) return printJson(m);
  out(await renderMember(m));
}
