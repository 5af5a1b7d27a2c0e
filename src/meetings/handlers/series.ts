import { z } from 'zod';
import { t, type MessageKey } from '../../i18n/index.js';
import { isNone } from '../../shared/none.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askChoice, askText, canPrompt, requireFlags } from '../../cli/prompts.js';
import { answerError, isoDate, listText, parseOptions, promptCheck, text } from '../../cli/validate.js';
import { KIND_LABEL } from '../labels.js';
import { kindText, ruleText } from '../render.js';
import { KIND_DEFAULTS, MEETING_KINDS, type MeetingKind } from '../rules/meeting.js';
import { parseCadence, parseTime } from '../rules/cadence.js';
import { addMeeting, checkAttendees, editMeeting, endMeeting, isMeetingTitleTaken, moveOccurrence, refreshMeetings, skipOccurrence, type SeriesInput } from '../series.service.js';
import type { MeetingDetail } from '../views.service.js';
import type { ServiceOptions } from '../../shared/service.js';

const wholeNumber = (key: MessageKey) => z.string().regex(/^\s*\d{1,6}\s*$/, { message: key }).transform(Number);
const fields = {
  title: text.optional(),
  kind: z.enum(MEETING_KINDS, { message: 'meetings.err.badKind' satisfies MessageKey }).optional(),
  time: z.string().optional(),
  duration: wholeNumber('meetings.err.badDuration').refine((n) => n >= 1 && n <= 1440, { message: 'meetings.err.badDuration' satisfies MessageKey }).optional(),
  tz: z.string().optional(),
  repeat: z.string().optional(),
  interval: wholeNumber('meetings.err.badInterval').optional(),
  rrule: z.string().optional(),
  from: isoDate.optional(),
  until: isoDate.optional(),
  attendees: listText.optional(),
  facilitator: z.string().optional(),
  place: z.string().optional(),
  shift: z.string().optional(),
  agenda: z.array(z.string()).optional(),
  actor: z.string().optional(),
  json: z.boolean().optional(),
};
const schema = z.object(fields);
type Flags = z.infer<typeof schema>;

/** Agenda items from repeated --agenda options, each of which may hold several separated by ";". */
const agendaItems = (values: readonly string[] | undefined) => values?.flatMap((v) => v.split(/[;；]/)).map((s) => s.trim()).filter(Boolean);

function toInput(f: Flags): SeriesInput {
  return {
    title: f.title,
    kind: f.kind,
    time: f.time,
    duration: f.duration,
    zone: f.tz,
    repeat: f.repeat,
    interval: f.interval,
    rrule: f.rrule,
    from: f.from,
    until: f.until,
    attendees: f.attendees,
    facilitator: f.facilitator === undefined ? undefined : isNone(f.facilitator) ? null : f.facilitator,
    place: f.place === undefined ? undefined : isNone(f.place) ? null : f.place,
    shift: f.shift === undefined ? undefined : isNone(f.shift) ? null : f.shift,
    agenda: agendaItems(f.agenda),
  };
}



/** On a terminal, asks for what the flags left out, each answer checked as it is given. */
async function promptSeries(o: ServiceOptions, f: Flags): Promise<Flags> {
  const r = { ...f };
  r.title ??= await askText(t('meetings.prompt.title'), { required: true, validate: async (v) => (v.trim() === '' ? t('meetings.err.needTitle') : (await isMeetingTitleTaken(o, v.trim())) ? t('meetings.err.duplicate', { title: v.trim() }) : true) });
  r.kind ??= await askChoice<MeetingKind>(t('meetings.prompt.kind'), MEETING_KINDS.map((k) => ({ name: t(KIND_LABEL[k]), value: k })));
  const d = KIND_DEFAULTS[r.kind];
  r.time ??= await askText(t('meetings.prompt.time'), { required: true, ...(d.time && { default: d.time }), validate: (v) => answerError(async () => parseTime(v.trim())) });
  if (r.repeat === undefined && r.rrule === undefined) r.repeat = await askText(t('meetings.prompt.repeat'), { required: true, ...(d.repeat && { default: d.repeat }), validate: (v) => answerError(async () => parseCadence(v.trim(), r.interval, r.from ?? o.today)) });
  r.duration ??= Number(await askText(t('meetings.prompt.duration'), { default: String(d.duration), validate: promptCheck(fields.duration.unwrap(), '--duration') }));
  if (r.attendees === undefined) {
    const names = (a: string) => a.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
    r.attendees = names(await askText(t('meetings.prompt.attendees'), { default: 'all', validate: async (v) => answerError(() => checkAttendees(o, names(v))) }));
  }
  if (r.agenda === undefined) {
    const a = await askText(t('meetings.prompt.agenda'));
    if (a) r.agenda = [a];
  }
  return r;
}

/** The series (--json, as show prints it) on stdout, the message on stderr: the schedule it was given, which for an edit may begin later. */
function report(m: MeetingDetail, json: boolean | undefined, key: 'meetings.added' | 'meetings.edited'): void {
  if (json) printJson({ ...m, ruleText: ruleText(m.rrule, m.time) });
  const v = m.schedules.at(-1)!;
  const rule = [ruleText(v.rrule, v.time), t('meetings.minutes', { n: v.durationMin }), kindText(m.kind), ...(key === 'meetings.edited' && v.validFrom > m.firstDate ? [t('meetings.fromDate', { date: v.validFrom })] : [])].join(' · ');
  say(t(key, { id: m.id, title: m.title, rule, next: m.next ? `${m.next.date} ${m.next.time}` : t('meetings.none') }));
}

export async function add(ctx: Ctx, title: string | undefined, raw: unknown): Promise<void> {
  const flags = parseOptions(schema, { ...(raw as object), ...(title !== undefined && { title }) }, { title: 'TITLE' });
  if (flags.title === undefined) requireFlags(['TITLE']);
  const m = await withDb(ctx, async (o) => addMeeting(o, toInput(flags.title === undefined && canPrompt() ? await promptSeries(o, flags) : flags)));
  report(m, flags.json, 'meetings.added');
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const flags = parseOptions(schema, raw);
  const input = toInput(flags);
  const m = await withDb(ctx, (o) => editMeeting(o, ref, input));
  report(m, flags.json, 'meetings.edited');
}

const dateFlags = z.object({ date: isoDate, to: isoDate.optional(), time: z.string().optional(), from: isoDate.optional(), actor: z.string().optional(), json: z.boolean().optional() });

export async function skip(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const f = parseOptions(dateFlags, raw);
  const r = await withDb(ctx, (o) => skipOccurrence(o, ref, f.date));
  if (f.json) printJson({ meetingId: r.meeting.id, title: r.meeting.title, date: r.occursOn, skipped: true });
  say(t('meetings.skipped', { title: r.meeting.title, date: r.occursOn }));
}

export async function move(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const f = parseOptions(dateFlags, raw);
  const r = await withDb(ctx, (o) => moveOccurrence(o, ref, f.date, f.to!, f.time));
  if (f.json) printJson({ title: r.meeting.title, ...r.occurrence });
  say(t('meetings.moved', { title: r.meeting.title, from: r.occurrence.occursOn, date: r.occurrence.date, time: r.occurrence.time }));
}

export async function end(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const f = parseOptions(dateFlags.omit({ date: true }), raw);
  const r = await withDb(ctx, (o) => endMeeting(o, ref, f.from));
  if (f.json) printJson({ meetingId: r.meeting.id, title: r.meeting.title, lastDate: r.lastDate });
  say(t('meetings.endedMsg', { title: r.meeting.title, date: r.lastDate }));
}

export async function refresh(ctx: Ctx, flags: { json?: boolean }): Promise<void> {
  const r = await withDb(ctx, (o) => refreshMeetings(o));
  if (flags.json) printJson(r);
  say(t('meetings.refreshed', r));
}
