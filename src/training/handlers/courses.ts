import { z } from 'zod';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askChoice, askText, canPrompt, requireFlags } from '../../cli/prompts.js';
import { answerError, boundedNumber, listText, parseOptions, promptCheck, text } from '../../cli/validate.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { isNone } from '../../shared/none.js';
import type { ServiceOptions } from '../../shared/service.js';
import { addCourse, checkCourseTitle, checkRoles, COURSE_DEFAULTS, editCourse, retireCourse, type CourseInput } from '../courses.service.js';
import { FORMAT_LABEL } from '../labels.js';
import { assessmentsText } from '../render.js';
import { ASSESSMENT_KINDS, FORMATS, parseFormat, parseKind, parseRefresh, type Course } from '../rules/training.js';

/** A list of names, or a none-word for none. */
const names = z.string().transform((v) => (isNone(v) ? [] : listText.parse(v)));
const kinds = z
  .string()
  .transform((s) => (isNone(s) ? [] : s.split(/[,，、]/).map((x) => x.trim()).filter(Boolean).map(parseKind)))
  .refine((xs) => xs.every((x) => x !== undefined), { message: 'training.err.badKinds' satisfies MessageKey })
  .transform((xs) => ASSESSMENT_KINDS.filter((k) => xs.includes(k)));
export const fields = {
  title: text.optional(),
  topic: z.string().optional(),
  format: z
    .string()
    .transform(parseFormat)
    .refine((f) => f !== undefined, { message: 'training.err.badFormat' satisfies MessageKey })
    .transform((f) => f!)
    .optional(),
  hours: boundedNumber(0, 1000, 'training.err.hours').refine((n) => n > 0, { message: 'training.err.hours' satisfies MessageKey }).optional(),
  trainer: z.string().optional(),
  provider: z.string().optional(),
  roles: names.optional(),
  onboarding: z.boolean().optional(),
  passMark: boundedNumber(0, 100, 'training.err.passMark').refine((n) => Number.isInteger(n), { message: 'training.err.passMark' satisfies MessageKey }).optional(),
  assess: kinds.optional(),
  refresh: z
    .string()
    .transform((s) => parseRefresh(s))
    .refine((v) => v !== undefined, { message: 'training.err.badRefresh' satisfies MessageKey })
    .optional(),
  requires: names.optional(),
  description: z.string().optional(),
  json: z.boolean().optional(),
};
const schema = z.object(fields);
type Flags = z.infer<typeof schema>;

const clearable = (v: string | undefined) => (v === undefined ? undefined : isNone(v) ? null : v.trim());

function toInput(f: Flags): CourseInput {
  return {
    title: f.title,
    topic: clearable(f.topic),
    format: f.format,
    hours: f.hours,
    trainer: clearable(f.trainer),
    provider: clearable(f.provider),
    roles: f.roles,
    onboarding: f.onboarding,
    passMark: f.passMark,
    assessments: f.assess,
    refreshMonths: f.refresh as number | null | undefined,
    prerequisites: f.requires,
    description: clearable(f.description),
  };
}

/** On a terminal, asks for what the flags left out, each answer checked as it is given. */
async function promptCourse(o: ServiceOptions, f: Flags): Promise<Flags> {
  const r = { ...f };
  r.title ??= await askText(t('training.prompt.title'), { required: true, validate: (v) => answerError(() => checkCourseTitle(o, v.trim())) });
  r.format ??= await askChoice(t('training.prompt.format'), FORMATS.map((x) => ({ name: t(FORMAT_LABEL[x]), value: x })));
  r.hours ??= Number(await askText(t('training.prompt.hours'), { default: String(COURSE_DEFAULTS.hours), validate: promptCheck(fields.hours.unwrap(), '--hours') }));
  if (r.roles === undefined) r.roles = names.parse(await askText(t('training.prompt.roles'), { default: 'none', validate: (v) => answerError(() => checkRoles(o, names.parse(v))) }));
  if (r.assess === undefined) r.assess = kinds.parse(await askText(t('training.prompt.assess'), { default: 'theory', validate: promptCheck(fields.assess.unwrap(), '--assess') }));
  if (r.assess.length > 0) r.passMark ??= Number(await askText(t('training.prompt.passMark'), { default: String(COURSE_DEFAULTS.passMark), validate: promptCheck(fields.passMark.unwrap(), '--pass-mark') }));
  if (r.refresh === undefined) r.refresh = fields.refresh.unwrap().parse(await askText(t('training.prompt.refresh'), { default: 'none', validate: promptCheck(fields.refresh.unwrap(), '--refresh') }));
  return r;
}

function report(c: Course, json: boolean | undefined, key: 'training.course.added' | 'training.course.edited' | 'training.course.retired'): void {
  if (json) printJson(c);
  say(t(key, { id: c.id, title: c.title, assess: assessmentsText(c.assessments), passMark: c.passMark }));
}

export async function add(ctx: Ctx, title: string | undefined, raw: unknown): Promise<void> {
  const flags = parseOptions(schema, { ...(raw as object), ...(title !== undefined && { title }) }, { title: 'TITLE' });
  if (flags.title === undefined) requireFlags(['TITLE']);
  const c = await withDb(ctx, async (o) => {
    const full = flags.title === undefined && canPrompt() ? await promptCourse(o, flags) : flags;
    return addCourse(o, { ...toInput(full), title: full.title! });
  });
  report(c, flags.json, 'training.course.added');
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const flags = parseOptions(schema, raw);
  const c = await withDb(ctx, (o) => editCourse(o, ref, toInput(flags)));
  report(c, flags.json, 'training.course.edited');
}

export async function retire(ctx: Ctx, ref: string, flags: { json?: boolean }): Promise<void> {
  const c = await withDb(ctx, (o) => retireCourse(o, ref));
  report(c, flags.json, 'training.course.retired');
}
