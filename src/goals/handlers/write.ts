import { z } from 'zod';
import type { TeamError } from '../../shared/errors.js';
import { CancelledError, InputError } from '../../shared/errors.js';
import type { GoalView } from '../rules/goal.js';
import { knownUnit, DIRECTIONS, type Direction, type MetricKind } from '../rules/units.js';
import { HORIZONS, SPLIT_PERIODS } from '../rules/periods.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { DIRECTION_LABEL, KIND_LABEL, OUTCOME_LABEL, STATE_LABEL } from '../labels.js';
import { addGoal, checkinGoal, checkOwner, editGoal, SmartError, type GoalInput } from '../goals.service.js';
import { archiveGoal, OutcomeContradictionError, restoreGoal, reviewGoal } from '../review.service.js';
import type { ServiceOptions } from '../../shared/service.js';
import { splitGoal, type SplitBy } from '../split.service.js';
import { refreshAllSummaries } from '../summary.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askChoice, askText, askYesNo, canPrompt, requireFlags } from '../../cli/prompts.js';
import { isoDate, listText, numberText, parseOptions, positiveInt, promptCheck, text, weightText } from '../../cli/validate.js';
import { formatQuantity, smartJson, smartLines, statusLabel } from '../render.js';
import type { SmartReport } from '../rules/smart.js';
import { dueProblem, titleProblem, type AnswerProblem } from '../rules/answers.js';

const choice = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, { message: 'goals.err.invalidChoice' satisfies MessageKey });
// 1 to 5, written plainly (no "0x5" or "5e0").
const score = z.string().regex(/^\s*[1-5]\s*$/, { message: 'goals.err.score' satisfies MessageKey }).transform(Number);

const goalFields = {
  title: text.optional(),
  owner: z.string().optional(),
  metric: text.optional(),
  unit: text.optional(),
  kind: choice(['additive', 'rate']).optional(),
  baseline: numberText.optional(),
  target: numberText.optional(),
  direction: choice(DIRECTIONS as [Direction, ...Direction[]]).optional(),
  start: isoDate.optional(),
  due: isoDate.optional(),
  horizon: choice(HORIZONS).optional(),
  term: choice(['long', 'short']).optional(),
  why: z.string().optional(),
  parent: z.string().optional(),
  weight: weightText.optional(),
  // How often a check-in is expected: at most once a year makes sense for a goal.
  cadence: positiveInt.refine((n) => n <= 366, { message: 'goals.err.cadenceRange' satisfies MessageKey }).optional(),
  actor: z.string().optional(),
  json: z.boolean().optional(),
};
const addSchema = z.object({ ...goalFields, draft: z.boolean().optional(), template: z.string().optional() });
const editSchema = z.object({ ...goalFields, resplit: z.boolean().optional() });

function toInput(o: z.infer<typeof editSchema> | z.infer<typeof addSchema>): GoalInput {
  const { title, owner, metric, unit, kind, baseline, target, direction, start, due, horizon, term, why, parent, weight, cadence } = o;
  return { title, owner, metric, unit, kind, baseline, target, direction, start, due, horizon, term, why, parent, weight, cadence };
}

/** The blocking findings as one line: "S …; M …; T …". */
function blockingLines(report: SmartReport): string {
  return smartLines({ ...report, findings: report.findings.filter((f) => f.severity === 'error') }).join('; ');
}

function notSmart(report: SmartReport): TeamError {
  return new InputError('goals.err.notSmart', { findings: blockingLines(report) });
}

function warn(report: SmartReport): void {
  for (const f of report.findings) if (f.severity === 'warning') say(t('goals.warning', { message: t(f.code, f.params) }));
}

/** A template fills what the flags left open (before any prompt asks for the rest). */
async function applyTemplate(ctx: Ctx, o: z.infer<typeof addSchema>): Promise<z.infer<typeof addSchema>> {
  if (o.template === undefined) return o;
  const { fromTemplate } = await import('../templates.js');
  return fromTemplate(ctx, o.template, o, ctx.lang);
}

// Prompts take what the flags take: the same numbers (no "Infinity" or "0x10") and dates.
const parseNumber = (v: string): number => numberText.parse(v);
const datePrompt = promptCheck(isoDate, '--due');

/** An answer's problem as the message the prompt shows before asking again (true: fine). */
const shown = (p: AnswerProblem | null): string | true => p === null || t(p.code, p.params);

/**
 * On a terminal, asks for every SMART field the flags left out, checking each
 * answer as it is given (S on the title, numbers, the due date against the
 * start), so a mistake is fixed there and nothing typed is lost.
 */
async function promptGoal(so: ServiceOptions, o: z.infer<typeof addSchema>): Promise<z.infer<typeof addSchema>> {
  const r = { ...o };
  // What the flags gave is checked before the first question.
  if (r.owner !== undefined) await checkOwner(so, r.owner);
  const vague = r.title === undefined || r.draft ? null : titleProblem(r.title);
  if (vague) say(t(vague.code, vague.params));
  if (r.title === undefined || vague) {
    r.title = await askText(t('goals.prompt.title'), { required: true, ...(vague && { default: r.title }), validate: (v) => (r.draft ? v.trim() !== '' || t('goals.prompt.titleEmpty') : shown(titleProblem(v))) });
  }
  if (r.owner === undefined) {
    const { getDepartments, getMembers } = await import('../../org/public.js');
    const choices = [
      { name: t('goals.team'), value: 'team' },
      ...(await getDepartments(so)).map((d) => ({ name: d.name, value: `${d.id}:dept` })),
      ...(await getMembers(so, {})).map((m) => ({ name: `${m.name} (${m.handle})${m.role ? ` · ${m.role}` : ''}`, value: m.handle })),
    ];
    const picked = await askChoice(t('goals.prompt.owner'), choices);
    r.owner = picked.endsWith(':dept') ? picked.slice(0, -5) : picked;
  }
  if (r.draft) return r;
  r.metric ??= await askText(t('goals.prompt.metric'), { required: true });
  r.unit ??= (await askText(t('goals.prompt.unit'))) || undefined;
  if (r.unit && !r.kind && !knownUnit(r.unit) && r.parent === undefined) {
    r.kind = await askChoice<MetricKind>(t('goals.prompt.kind'), (['additive', 'rate'] as const).map((k) => ({ name: t(KIND_LABEL[k]), value: k })));
  }
  if (r.baseline === undefined) {
    const b = await askText(t('goals.prompt.baseline'), { validate: promptCheck(numberText, '--baseline', true) });
    if (b) r.baseline = parseNumber(b);
  }
  if (r.target === undefined) r.target = parseNumber(await askText(t('goals.prompt.target'), { required: true, validate: promptCheck(numberText, '--target') }));
  if (r.direction === undefined && (r.baseline === undefined || r.baseline === r.target)) {
    r.direction = await askChoice<Direction>(t('goals.prompt.direction'), DIRECTIONS.map((d) => ({ name: t(DIRECTION_LABEL[d]), value: d })));
  }
  // A sub-goal's start comes from its parent: the service checks its due date against that.
  const start = r.start ?? so.today;
  const dueOk = (v: string) => {
    const bad = datePrompt(v);
    return bad !== true || r.parent !== undefined ? bad : shown(dueProblem(v.trim(), start));
  };
  r.due ??= await askText(t('goals.prompt.due'), { required: true, validate: dueOk });
  if (r.why === undefined && r.parent === undefined) r.why = (await askText(t('goals.prompt.why'))) || undefined;
  return r;
}

/** Prints the goal (--json), then on stderr what SMART found (every finding for a draft, warnings otherwise) and the message. */
function report(goal: GoalView, smart: SmartReport, json: boolean | undefined, message: string): void {
  if (json) printJson({ ...goal, smart: smartJson(smart) });
  if (goal.draft) for (const line of smartLines(smart)) say(line);
  else warn(smart);
  say(message);
}

export async function add(ctx: Ctx, title: string | undefined, raw: unknown): Promise<void> {
  let opts = await applyTemplate(ctx, parseOptions(addSchema, { ...(raw as object), title: title ?? (raw as { title?: string }).title }, { title: 'TITLE' }));
  requireFlags([opts.title === undefined && 'TITLE', opts.owner === undefined && '--owner'].filter((x): x is string => Boolean(x)));
  const result = await withDb(ctx, async (o) => {
    if (canPrompt()) opts = await promptGoal(o, opts);
    const input = { ...toInput(opts), title: opts.title!, owner: opts.owner! };
    try {
      return await addGoal(o, input, Boolean(opts.draft));
    } catch (e) {
      if (!(e instanceof SmartError)) throw e;
      if (!canPrompt()) throw notSmart(e.report);
      for (const line of smartLines(e.report)) say(line);
      if (!(await askYesNo(t('goals.prompt.saveDraft'), false))) throw notSmart(e.report);
      return addGoal(o, input, true);
    }
  });
  const { goal, smart } = result;
  report(goal, smart, opts.json, t(goal.draft ? 'goals.addedDraft' : 'goals.added', { id: goal.id, title: goal.title }));
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(editSchema, raw);
  const result = await withDb(ctx, async (o) => {
    let resplit = opts.resplit;
    if (resplit === undefined && opts.target !== undefined && canPrompt()) {
      const { getGoal } = await import('../view.service.js');
      if ((await getGoal(o, ref)).childCount > 0) resplit = await askYesNo(t('goals.resplitAsk'), true);
    }
    try {
      return await editGoal(o, ref, toInput(opts), { resplit: Boolean(resplit) });
    } catch (e) {
      if (e instanceof SmartError) throw new InputError('goals.err.notSmartEdit', { id: e.goalId ?? ref, findings: blockingLines(e.report) });
      throw e;
    }
  });
  report(result.goal, result.smart, opts.json, t('goals.updated', { id: result.goal.id }));
  if (result.promoted) say(t('goals.promoted', { id: result.goal.id }));
  if (result.resplit > 0) say(t('goals.resplit', { count: result.resplit }));
  else if (result.targetChanged && result.goal.childCount > 0 && opts.resplit === undefined) say(t('goals.resplitSkipped', { id: result.goal.id }));
}

const checkinSchema = z.object({ value: numberText.optional(), add: numberText.optional(), date: isoDate.optional(), note: z.string().optional(), actor: z.string().optional(), json: z.boolean().optional() });

export async function checkin(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(checkinSchema, raw);
  if ((opts.value === undefined) === (opts.add === undefined)) throw new InputError('goals.err.valueOrAdd');
  const r = await withDb(ctx, (o) => checkinGoal(o, ref, { value: opts.value, add: opts.add, date: opts.date, note: opts.note }));
  if (opts.json) printJson(r.goal);
  if (r.ownerArchived !== undefined) say(t('goals.warning', { message: t('goals.warn.ownerArchived', { id: r.goal.id, owner: r.ownerArchived }) }));
  say(t('goals.checkedIn', { id: r.goal.id, value: formatQuantity(r.value, r.goal.unit, r.goal.decimals), date: r.date, status: statusLabel(r.goal.status, r.goal.stale) }));
}

const splitSchema = z.object({
  by: z.string(),
  members: listText.optional(),
  dept: z.string().optional(),
  depts: listText.optional(),
  period: choice(SPLIT_PERIODS).optional(),
  weights: listText.pipe(z.array(weightText)).refine((ws) => ws.some((w) => w > 0), { message: 'goals.err.weightsZero' }).optional(),
  actor: z.string().optional(),
  json: z.boolean().optional(),
});

/** What --by accepts; a two-part split in either order. */
const SPLIT_BY = new Map<string, SplitBy>([
  ['member', 'member'],
  ['dept', 'dept'],
  ['period', 'period'],
  ['member,period', 'member,period'],
  ['period,member', 'member,period'],
  ['dept,period', 'dept,period'],
  ['period,dept', 'dept,period'],
]);

export async function split(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(splitSchema, raw);
  const by = SPLIT_BY.get(opts.by.replace(/\s/g, ''));
  if (by === undefined) throw new InputError('goals.err.badBy', { value: opts.by });
  const result = await withDb(ctx, (o) =>
    splitGoal(o, ref, {
      by,
      members: opts.members,
      dept: opts.dept,
      depts: opts.depts,
      period: opts.period,
      weights: opts.weights,
    }),
  );
  if (opts.json) printJson(result.children);
  say(t('goals.split', { id: result.parentId, count: result.created }));
}

const reviewSchema = z.object({
  self: text.optional(),
  selfScore: score.optional(),
  lead: text.optional(),
  score: score.optional(),
  outcome: choice(['reward', 'none', 'penalty']).optional(),
  outcomeNote: z.string().optional(),
  final: numberText.optional(),
  actor: z.string().optional(),
  yes: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** The contradiction in words: id, result, final value, target and outcome, formatted. */
function contradictionParams(e: OutcomeContradictionError): Record<string, string | number> {
  const d = e.detail;
  return { id: d.id, value: formatQuantity(d.final, d.unit, d.decimals), target: formatQuantity(d.target, d.unit, d.decimals), outcome: t(OUTCOME_LABEL[d.outcome]) };
}

export async function review(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const { yes, ...opts } = parseOptions(reviewSchema, raw);
  const r = await withDb(ctx, async (o) => {
    try {
      return await reviewGoal(o, ref, { ...opts, allowContradiction: Boolean(yes) });
    } catch (e) {
      if (!(e instanceof OutcomeContradictionError)) throw e;
      const params = contradictionParams(e);
      const achieved = e.detail.result === 'achieved';
      if (!canPrompt()) throw new InputError(achieved ? 'goals.err.outcomeContradicts.achieved' : 'goals.err.outcomeContradicts.missed', params);
      say(t('goals.warning', { message: t(achieved ? 'goals.warn.outcomeContradicts.achieved' : 'goals.warn.outcomeContradicts.missed', params) }));
      if (!(await askYesNo(t('goals.prompt.recordAnyway'), false))) throw new CancelledError();
      return reviewGoal(o, ref, { ...opts, allowContradiction: true });
    }
  });
  if (opts.json) printJson({ ...r.goal, selfAssessmentWaived: r.selfAssessmentWaived });
  say(t('goals.reviewed', { id: r.goal.id }));
  if (r.selfAssessmentWaived) say(t('goals.selfWaived', { id: r.goal.id, owner: r.owner }));
  if (r.closed) say(t('goals.closed', { id: r.goal.id, state: t(STATE_LABEL[r.goal.state]), value: formatQuantity(r.goal.finalValue, r.goal.unit, r.goal.decimals) }));
}

export async function archive(ctx: Ctx, ref: string, opts: { actor?: string; json?: boolean }): Promise<void> {
  const r = await withDb(ctx, (o) => archiveGoal(o, ref));
  if (opts.json) printJson(r.goal);
  say(t('goals.archivedMsg', { id: r.goal.id, count: r.count }));
}

export async function restore(ctx: Ctx, ref: string, opts: { actor?: string; json?: boolean }): Promise<void> {
  const r = await withDb(ctx, (o) => restoreGoal(o, ref));
  if (opts.json) printJson(r.goal);
  say(t('goals.restoredMsg', { id: r.goal.id, count: r.count }));
}

export async function refresh(ctx: Ctx): Promise<void> {
  const count = await withDb(ctx, (o) => refreshAllSummaries(o));
  say(t('goals.refreshedMsg', { count }));
}
