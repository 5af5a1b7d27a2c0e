import { z } from 'zod';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, printList, say } from '../../cli/output.js';
import { isoDate, listText, numberText, parseOptions } from '../../cli/validate.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { assessMember, completeCourse, dropRound, planCourses } from '../plans.service.js';
import { kindText, planItemColumns, statusText } from '../render.js';
import { ASSESSMENT_KINDS } from '../rules/training.js';

const planSchema = z.object({ courses: listText.optional(), role: z.string().optional(), due: isoDate.optional(), json: z.boolean().optional() });

export async function plan(ctx: Ctx, member: string | undefined, raw: unknown): Promise<void> {
  const f = parseOptions(planSchema, raw);
  const r = await withDb(ctx, (o) => planCourses(o, { ...(member !== undefined && { member }), ...(f.role !== undefined && { role: f.role }), ...(f.courses && { courses: f.courses }), ...(f.due !== undefined && { due: f.due }) }));
  if (f.json) printJson(r);
  else if (r.planned.length > 0) await printList('table', r.planned, planItemColumns);
  for (const s of r.skipped) say(t(s.reason === 'open' ? 'training.plan.skippedOpen' : 'training.plan.skippedPassed', { handle: s.member, course: s.course }));
  say(t('training.plan.done', { count: r.planned.length, due: r.due }));
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

const assessSchema = z.object({
  kind: z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(ASSESSMENT_KINDS, { message: 'training.err.badKind' satisfies MessageKey })),
  score: numberText.refine((n) => n >= 0 && n <= 100, { message: 'training.err.scoreRange' satisfies MessageKey }),
  assessor: z.string().optional(),
  note: z.string().optional(),
  date: isoDate.optional(),
  json: z.boolean().optional(),
});

export async function assess(ctx: Ctx, member: string, course: string, raw: unknown): Promise<void> {
  const f = parseOptions(assessSchema, raw);
  const r = await withDb(ctx, (o) => assessMember(o, { member, course, kind: f.kind, score: f.score, ...(f.assessor !== undefined && { assessor: f.assessor }), ...(f.note !== undefined && { note: f.note }), ...(f.date !== undefined && { date: f.date }) }));
  if (f.json) printJson(r);
  const base = { handle: r.item.member, course: r.item.course, kind: kindText(r.assessment.kind), score: r.assessment.score, passMark: r.passMark };
  if (r.item.passedOn) say(t('training.assessed.passed', { ...base, date: r.item.passedOn }));
  else if (!r.assessment.passed) say(t('training.assessed.failed', { ...base, retake: r.item.retakeDueOn ?? '' }));
  else say(t('training.assessed.pending', { ...base, pending: r.result.pendingKinds.map(kindText).join(t('list.separator')) }));
}
