import { withDb, type Ctx } from '../../cli/context.js';
import { checkDate } from '../../cli/dates.js';
import { out, paint, printJson, printList, resolveFormat, say } from '../../cli/output.js';
import { InputError } from '../../shared/errors.js';
import { t } from '../../i18n/index.js';
import { attemptColumns, overdueColumns, reportColumns, statusColumns, statusItemColumns } from '../render.js';
import { getTrainingSettings, setTrainingSettings } from '../settings.service.js';
import { SETTING_RANGE, type TrainingSettings } from '../rules/training.js';
import { getAttempts, getReport, getStatus } from '../views.service.js';

export async function status(ctx: Ctx, flags: { member?: string; role?: string; dept?: string; overdue?: boolean; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const rows = await withDb(ctx, (o) => getStatus(o, flags));
  if (format === 'json') return printJson(rows);
  if (format === 'table' && rows.length === 0) return say(t(flags.overdue ? 'training.noOverdue' : 'training.noMembers'));
  // What is overdue, item by item: what a lead (or the Monday chat message) acts on.
  if (flags.overdue) return printList(format, rows.flatMap((m) => m.items.map((i) => ({ ...i, member: m.handle }))), overdueColumns);
  if (flags.member !== undefined) {
    const m = rows[0]!;
    await printList(format, rows, statusColumns);
    if (m.items.length === 0) return say(t('training.noPlan', { handle: m.handle }));
    out(paint.head(t('training.heading.plan', { handle: m.handle })));
    return printList(format, m.items, statusItemColumns);
  }
  await printList(format, rows, statusColumns);
}

export async function attempts(ctx: Ctx, member: string, flags: { course?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const rows = await withDb(ctx, (o) => getAttempts(o, { member, ...(flags.course !== undefined && { course: flags.course }) }));
  if (format === 'table' && rows.length === 0) return say(t('training.noAttempts'));
  await printList(format, rows, attemptColumns);
}

export async function report(ctx: Ctx, flags: { course?: string; from?: string; to?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  if (flags.from !== undefined) checkDate('--from', flags.from);
  if (flags.to !== undefined) checkDate('--to', flags.to);
  const r = await withDb(ctx, (o) => getReport(o, flags));
  if (format === 'json') return printJson(r);
  if (format === 'table') say(t('training.report.period', { from: r.from, to: r.to, days: r.windowDays }));
  if (format === 'table' && r.courses.length === 0) return say(t('training.report.empty'));
  await printList(format, r.courses, reportColumns);
}

const SETTING_FLAGS: Record<keyof TrainingSettings, string> = { onboardingDays: '--onboarding-days', retakeDays: '--retake-days', soonDays: '--soon-days' };

export async function settings(ctx: Ctx, flags: { onboardingDays?: string; retakeDays?: string; soonDays?: string; json?: boolean }): Promise<void> {
  const patch: Partial<TrainingSettings> = {};
  for (const k of Object.keys(SETTING_FLAGS) as (keyof TrainingSettings)[]) {
    const v = flags[k];
    if (v === undefined) continue;
    if (!/^\s*\d{1,3}\s*$/.test(v) || Number(v) < SETTING_RANGE.min || Number(v) > SETTING_RANGE.max) throw new InputError('training.err.settingRange', { field: SETTING_FLAGS[k], value: v, ...SETTING_RANGE });
    patch[k] = Number(v);
  }
  const s = await withDb(ctx, (o) => (Object.keys(patch).length ? setTrainingSettings(o, patch) : getTrainingSettings(o)));
  if (flags.json) return printJson(s);
  out(t('training.settings.show', { ...s }));
}
