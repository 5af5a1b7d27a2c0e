import { z } from 'zod';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, printList, say } from '../../cli/output.js';
import { askChoice, askText, canPrompt, requireFlags } from '../../cli/prompts.js';
import { answerError, boundedNumber, isoDate, listText, parseOptions, promptCheck } from '../../cli/validate.js';
import { InputError } from '../../shared/errors.js';
import { checkCourses, showCourse } from '../courses.service.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { assessMember, checkMember, completeCourse, dropRound, planCourses } from '../plans.service.js';
import { kindText, planItemColumns, statusText } from '../render.js';
import { parseKind } from '../rules/training.js';

const planSchema = z.object({ courses: listText.optional(), role: z.string().optional(), due: isoDate.optional(), json: z.boolean().optional() });

export async function plan(ctx: Ctx, member: string | undefined, raw: unknown): Promise<void> {
  const f = parseOptions(planSchema, raw);
  const r = await withDb(ctx, async (o) => {
    let courses = f.courses;
    // A member's plan without --courses: on a terminal, ask which (each name checked as it is given), once the member is known.
    if (member !== undefined && f.role === undefined && !courses?.length && canPrompt()) {
      await checkMember(o, member);
      courses = listText.parse(await askText(t('training.prompt.courses'), { required: true, validate: (v) => answerError(() => checkCourses(o, listText.parse(v))) }));
    }
    return planCourses(o, { ...(member !== undefined && { member }), ...(f.role !== undefined && { role: f.role }), ...(courses && { courses }), ...(f.due !== undefined && { due: f.due }) });
  });
  if (f.json) printJson(r);
  else if (r.planned.length > 0) await printList('table', r.planned, planItemColumns);
  for (const s of r.skipped) say(t(s.reason === 'open' ? 'training.plan.skippedOpen' : 'training.plan.skippedPassed', { handle: s.member, course: s.course }));
  say(r.planned.length > 0 ? t('training.plan.done', { count: r.planned.length, due: r.due }) : t('training.plan.nothing'));
}

export async function drop(ctx: Ctx, member: string, course: string, f: { reason: string; json?: boolean }): Promise<void> {
  const item = await withDb(ctx, (o) => dropRound(o, member, course, f.reason));
  if (f.json) printJson(item);
  say(t('training.dropped', { handle: item.member, course: item.course }));
}

const dateSchema = z.object({ date: isoDate.optional(), json: z.boolean().optional() });

export async function complete(ctx: Ctx, member: string, course: string, raw: unknown): Promise<void> {
  const f = parseOptions(dateSchema, raw);
  const item = await withDb(ctx, (o) => completeCourse(o, member, course, f.date));
  if (f.json) printJson(item);
  say(t('training.completed', { handle: item.member, course: item.course, status: statusText(item.status) }));
}

const kindField = z
  .string()
  .transform(parseKind)
  .refine((k) => k !== undefined, { message: 'training.err.badKind' satisfies MessageKey })
  .transform((k) => k!);
const scoreField = boundedNumber(0, 100, 'training.err.scoreRange');
const assessSchema = z.object({
  kind: kindField.optional(),
  score: scoreField.optional(),
  assessor: z.string().optional(),
  note: z.string().optional(),
  date: isoDate.optional(),
  json: z.boolean().optional(),
});

export async function assess(ctx: Ctx, member: string, course: string, raw: unknown): Promise<void> {
  const f = parseOptions(assessSchema, raw);
  requireFlags([...(f.kind === undefined ? ['--kind'] : []), ...(f.score === undefined ? ['--score'] : [])]);
  const r = await withDb(ctx, async (o) => {
    // On a terminal: the kinds the course takes, then the score, each checked as it is given.
    let kind = f.kind;
    // The member and the course first: nothing is asked for an attempt that cannot be recorded.
    if (kind === undefined || f.score === undefined) await checkMember(o, member);
    if (kind === undefined) {
      const c = await showCourse(o, course);
      if (c.assessments.length === 0) throw new InputError('training.err.noAssessments', { course: c.title });
      kind = c.assessments.length === 1 ? c.assessments[0]! : await askChoice(t('training.prompt.kind'), c.assessments.map((k) => ({ name: kindText(k), value: k })));
    }
    if (f.score === undefined) await showCourse(o, course);
    const score = f.score ?? Number(await askText(t('training.prompt.score'), { required: true, validate: promptCheck(scoreField, '--score') }));
    return assessMember(o, { member, course, kind, score, ...(f.assessor !== undefined && { assessor: f.assessor }), ...(f.note !== undefined && { note: f.note }), ...(f.date !== undefined && { date: f.date }) });
  });
  if (f.json) printJson(r);
  const base = { handle: r.item.member, course: r.item.course, kind: kindText(r.assessment.kind), score: r.assessment.score, passMark: r.passMark };
  if (r.item.passedOn) say(t('training.assessed.passed', { ...base, date: r.item.passedOn }));
  else if (!r.assessment.passed && r.item.retakeDueOn) say(t('training.assessed.failed', { ...base, retake: r.item.retakeDueOn }));
  else if (!r.assessment.passed) say(t('training.assessed.belowMet', base));
  else say(t('training.assessed.pending', { ...base, pending: r.result.pendingKinds.map(kindText).join(t('list.separator')) }));
}
