/** The catalog's and the sessions' reads (list, show): no zod, no prompts, as every read. */
import { homeZone, withDb, type Ctx } from '../../cli/context.js';
import { checkDate } from '../../cli/dates.js';
import { out, paint, printJson, printList, resolveFormat, say, terminalWidth } from '../../cli/output.js';
import { t } from '../../i18n/index.js';
import { getCourses, showCourse } from '../courses.service.js';
import { assessmentsText, attendeeText, courseColumns, formatText, refreshText, sessionColumns, sessionTime } from '../render.js';
import type { Session } from '../rules/training.js';
import { getSessions, showSession } from '../sessions.service.js';

export async function courses(ctx: Ctx, flags: { role?: string; all?: boolean; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const courses = await withDb(ctx, (o) => getCourses(o, flags));
  if (format === 'table' && courses.length === 0) return say(t('training.noCourses'));
  await printList(format, courses, courseColumns);
}

export async function course(ctx: Ctx, ref: string, flags: { json?: boolean }): Promise<void> {
  const c = await withDb(ctx, (o) => showCourse(o, ref));
  if (flags.json) return printJson(c);
  const { renderFields } = await import('../../cli/table.js');
  const parts = [
    renderFields(
      [
        ['col.id', `#${c.id}`],
        ['training.col.course', c.title],
        ['training.col.topic', c.topic],
        ['training.col.format', formatText(c.format)],
        ['training.col.hours', String(c.hours)],
        ...(c.trainer || c.provider ? ([['training.col.trainer', c.trainer ?? c.provider]] as const) : []),
        ['training.col.roles', c.roles.join(t('list.separator'))],
        ['training.col.onboarding', c.onboarding ? t('training.yes') : t('training.no')],
        ['training.col.assess', assessmentsText(c.assessments)],
        ['training.col.passMark', c.assessments.length ? String(c.passMark) : ''],
        ['training.col.refresh', refreshText(c.refreshMonths)],
        ...(c.prerequisites.length ? ([['training.col.requires', c.prerequisites.join(t('list.separator'))]] as const) : []),
        ...(c.retiredAt ? ([['training.col.retired', c.retiredAt.slice(0, 10)]] as const) : []),
      ],
      { width: terminalWidth() },
    ),
  ];
  if (c.description) parts.push(`${paint.head(t('training.heading.description'))}\n  ${c.description}`);
  out(parts.join('\n\n'));
}

export async function sessions(ctx: Ctx, flags: { course?: string; member?: string; from?: string; to?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  if (flags.from !== undefined) checkDate('--from', flags.from);
  if (flags.to !== undefined) checkDate('--to', flags.to);
  const sessions = await withDb(ctx, (o) => getSessions(o, flags));
  if (format === 'table' && sessions.length === 0) return say(t('training.noSessions'));
  await printList(format, sessions, sessionColumns);
}

export async function session(ctx: Ctx, ref: string, flags: { json?: boolean }): Promise<void> {
  const s = await withDb(ctx, (o) => showSession(o, ref));
  if (flags.json) return printJson(s);
  out(await renderSession(s, homeZone(ctx)));
}

async function renderSession(s: Session, home: string): Promise<string> {
  const { renderFields } = await import('../../cli/table.js');
  const head = renderFields(
    [
      ['col.id', `#${s.id}`],
      ['training.col.course', s.course],
      ['training.col.date', s.date],
      ['training.col.time', s.timeZone === home ? sessionTime(s) : `${sessionTime(s)} (${s.timeZone})`],
      ...(s.trainer ? ([['training.col.trainer', s.trainer]] as const) : []),
      ...(s.place ? ([['training.col.place', s.place]] as const) : []),
      ['training.col.attendance', s.attendedAt ? s.attendedAt.slice(0, 10) : t('training.session.notTaken')],
    ],
    { width: terminalWidth() },
  );
  const people = s.attendees.map((a) => `  ${a.handle} (${a.name})  ${attendeeText(a.status)}`).join('\n');
  return `${head}\n\n${paint.head(t('training.heading.attendees'))}\n${people}`;
}
