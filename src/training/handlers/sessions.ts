import { z } from 'zod';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askText, requireFlags } from '../../cli/prompts.js';
import { answerError, isoDate, listText, parseOptions, promptCheck } from '../../cli/validate.js';
import { parseTime } from '../../meetings/public.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { sessionTime } from '../render.js';
import { addSession, attendSession, checkSessionCourse } from '../sessions.service.js';

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

export async function attend(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ absent: listText.optional(), present: listText.optional(), json: z.boolean().optional() }), raw);
  const s = await withDb(ctx, (o) => attendSession(o, ref, f));
  if (f.json) printJson(s);
  const count = (st: string) => s.attendees.filter((a) => a.status === st).length;
  say(t('training.session.attended', { id: s.id, course: s.course, present: count('present'), absent: count('absent') }));
}
