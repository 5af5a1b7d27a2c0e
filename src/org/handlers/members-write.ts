import { z } from 'zod';
import type { ServiceOptions } from '../../shared/service.js';
import { t } from '../../i18n/index.js';
import { addMember, archiveMember, editMember, getMembers, isHandleTaken, restoreMember, type MemberInput } from '../members.service.js';
import { getRoles } from '../roles.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askChoice, askText, requireFlags } from '../../cli/prompts.js';
import { InputError } from '../../shared/errors.js';
import { isoDate, isoDateOrNone, parseOptions, promptCheck, text } from '../../cli/validate.js';
import { MEMBER_STATUSES } from '../rules/org.js';
import type { MessageKey } from '../../i18n/index.js';

const memberStatus = z.enum(MEMBER_STATUSES, { message: 'err.invalidStatus' satisfies MessageKey });
import { isValidHandle } from '../rules/org.js';
import { isNone } from '../../shared/none.js';

const schema = z.object({
  handle: text.optional(),
  name: text.optional(),
  role: z.string().optional(),
  dept: z.string().optional(),
  manager: z.string().optional(),
  hireDate: isoDateOrNone.optional(),
  contact: z.string().optional(),
  shift: z.string().optional(),
  status: memberStatus.optional(),
  json: z.boolean().optional(),
});
type Opts = z.infer<typeof schema>;

/** Asks, on a terminal, for what the flags left out; without one, names the missing flags. */
async function completeNewMember(so: ServiceOptions, o: Opts): Promise<Opts & { handle: string; name: string }> {
  const missing = [o.handle === undefined && 'HANDLE', o.name === undefined && '--name', o.role === undefined && '--role'].filter((x): x is string => Boolean(x));
  requireFlags(missing);
  if (missing.length === 0) return { ...o, handle: o.handle!, name: o.name! };
  // Each answer is checked as it is given, so nothing typed is lost to a check after the last question.
  const handleProblem = async (h: string): Promise<string | true> => {
    if (!isValidHandle(h)) return t('org.err.member.badHandle', { handle: h });
    if (await isHandleTaken(so, h)) return t('org.err.member.duplicateHandle', { handle: h });
    return true;
  };
  // A handle given as an argument is checked before the questions, not after them.
  if (o.handle !== undefined && !isValidHandle(o.handle)) throw new InputError('org.err.member.badHandle', { handle: o.handle });
  if (o.handle !== undefined && (await isHandleTaken(so, o.handle))) throw new InputError('org.err.member.duplicateHandle', { handle: o.handle });
  const handle = o.handle ?? (await askText(t('org.prompt.handle'), { required: true, validate: (v) => handleProblem(v.trim()) }));
  const name = o.name ?? (await askText(t('org.prompt.name'), { required: true, validate: (v) => v.trim() !== '' || t('org.prompt.nameEmpty') }));
  let role = o.role;
  if (role === undefined) {
    const roles = await getRoles(so, {});
    role = String(await askChoice(t('org.prompt.role'), [...roles.map((r) => ({ name: r.department ? `${r.name} · ${r.department}` : r.name, value: r.id })), { name: t('org.prompt.none'), value: 0 }]));
    if (role === '0') role = 'none';
  }
  let manager = o.manager;
  if (manager === undefined && missing.length > 0) {
    const members = await getMembers(so, {});
    if (members.length > 0) {
      const id = await askChoice(t('org.prompt.manager'), [{ name: t('org.prompt.none'), value: 0 }, ...members.map((m) => ({ name: `${m.name} (${m.handle}) · ${m.role ?? ''}`, value: m.id }))]);
      manager = id === 0 ? undefined : String(id);
    }
  }
  let shift = o.shift;
  if (shift === undefined && missing.length > 0) shift = (await askText(t('org.prompt.shift'))) || undefined;
  let hireDate = o.hireDate;
  if (hireDate === undefined && missing.length > 0) {
    hireDate = (await askText(t('org.prompt.hireDate'), { validate: promptCheck(isoDate, '--hire-date', true) })) || undefined;
  }
  return { ...o, handle, name, role, manager, shift, hireDate };
}

function toInput(o: Opts): MemberInput {
  return { handle: o.handle, name: o.name, role: o.role, dept: o.dept, manager: o.manager, hireDate: o.hireDate, contact: o.contact, shift: o.shift, status: o.status };
}

export async function add(ctx: Ctx, handle: string | undefined, raw: unknown): Promise<void> {
  const opts = parseOptions(schema, { ...(raw as object), handle }, { handle: 'HANDLE' });
  if (opts.hireDate !== undefined && isNone(opts.hireDate)) opts.hireDate = undefined;
  const m = await withDb(ctx, async (o) => {
    const full = await completeNewMember(o, opts);
    return addMember(o, { ...toInput(full), handle: full.handle, name: full.name });
  });
  if (opts.json) printJson(m);
  say(t('org.member.added', { handle: m.handle, name: m.name }));
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(schema, raw);
  const m = await withDb(ctx, (o) => editMember(o, ref, toInput(opts)));
  if (opts.json) printJson(m);
  say(t('org.member.updated', { handle: m.handle }));
}

export async function archive(ctx: Ctx, ref: string, opts: { reassignTo?: string; json?: boolean }): Promise<void> {
  const m = await withDb(ctx, (o) => archiveMember(o, ref, opts.reassignTo));
  if (opts.json) printJson(m);
  say(t('org.member.archived', { handle: m.handle }));
}

export async function restore(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const m = await withDb(ctx, (o) => restoreMember(o, ref));
  if (opts.json) printJson(m);
  say(t('org.member.restored', { handle: m.handle }));
}
