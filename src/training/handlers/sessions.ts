import { z } from 'zod';
import { homeZone, withDb, type Ctx } from '../../cli/context.js';
import { checkDate } from '../../cli/dates.js';
import { out, paint, printJson, printList, resolveFormat, say, terminalWidth } from '../../cli/output.js';
import { askText, requireFlags } from '../../cli/prompts.js';
import { answerError, isoDate, listText, parseOptions, promptCheck } from '../../cli/validate.js';
import { parseTime } from '../../meetings/public.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { attendeeText, sessionColumns, sessionTime } from '../render.js';
import type { Session } from '../rules/training.js';
import { addSession, attendSession, checkSessionCourse, getSessions, showSession } from '../sessions.service.js';

const addSchema = z.object({
  date: isoDate.optional(),
  time: z.string().optional(),
  duration: z
    .string()
    .regex(/^\s*\d{1,4}\s*$/, { message: 'training.err.duration' satisfies MessageKey })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1440, { message: 'training.err.duration' satisfies MessageKey })
    .optional(),
  tz: z.string().optional(),
  trainer: z.string().optional(),
  place: z.string().optional(),
  attendees: listText.optional(),
  json: z.boolean().optional(),
});

export async function add(ctx: Ctx, course: string, raw: unknown): Promise<void> {
  const f = parseOptions(addSchema, raw);
  if (f.time === undefined) requireFlags(['--time']);
  const s = await withDb(ctx, async (o) => {
    // The course first: nothing is asked for a class that cannot be scheduled.
    if (f.time === undefined) await checkSessionCourse(o, course);
    return addSession(o, {
      course,
      // On a terminal: the date (today unless changed) and the time, each checked as it is given.
      ...((f.date !== undefined || f.time === undefined) && { date: f.date ?? (await askText(t('training.prompt.date'), { default: o.today, validate: promptCheck(isoDate, '--date') })) }),
      time: f.time ?? (await askText(t('training.prompt.time'), { required: true, validate: (v) => answerError(async () => parseTime(v.trim())) })),
      ...(f.duration !== undefined && { durationMin: f.duration }),
      ...(f.tz !== undefined && { zone: f.tz }),
      ...(f.trainer !== undefined && { trainer: f.trainer }),
      ...(f.place !== undefined && { place: f.place }),
      ...(f.attendees && { attendees: f.attendees }),
    });
  });
  if (f.json) printJson(s);
  say(t('training.session.added', { id: s.id, course: s.course, date: s.date, time: sessionTime(s), count: s.attendees.length }));
}

export async function list(ctx: Ctx, flags: { course?: string; member?: string; from?: string; to?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  if (flags.from !== undefined) checkDate('--from', flags.from);
  if (flags.to !== undefined) checkDate('--to', flags.to);
  const sessions = await withDb(ctx, (o) => getSessions(o, flags));
  if (format === 'table' && sessions.length === 0) return say(t('training.noSessions'));
  await printList(format, sessions, sessionColumns);
}

export async function show(ctx: Ctx, ref: string, flags: { json?: boolean }): Promise<void> {
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

export async function attend(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ absent: listText.optional(), present: listText.optional(), json: z.boolean().optional() }), raw);
  const s = await withDb(ctx, (o) => attendSession(o, ref, f));
  if (f.json) printJson(s);
  const count = (st: string) => s.attendees.filter((a) => a.status === st).length;
  say(t('training.session.attended', { id: s.id, course: s.course, present: count('present'), absent: count('absent') }));
}
