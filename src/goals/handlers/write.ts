import { z } from 'zod';
import type { TeamError } from '../../shared/errors.js';
import { InputError } from '../../shared/errors.js';
import type { GoalView } from '../rules/goal.js';
import { knownUnit, DIRECTIONS, type Direction, type MetricKind } from '../rules/units.js';
import { currentPeriod } from '../rules/periods.js';
import { HORIZONS } from '../rules/periods.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { DIRECTION_LABEL, KIND_LABEL, STATE_LABEL } from '../labels.js';
import { addGoal, archiveGoal, checkinGoal, editGoal, restoreGoal, reviewGoal, SmartError, type GoalInput } from '../goals.service.js';
import type { ServiceOptions } from '../../shared/service.js';
import { splitGoal, type SplitBy } from '../split.service.js';
import { refreshAllSummaries } from '../summary.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askChoice, askText, askYesNo, canPrompt, requireFlags } from '../../cli/prompts.js';
import { isoDate, listText, numberText, parseOptions, positiveInt, text, weightText } from '../../cli/validate.js';
import { formatQuantity, smartJson, smartLines, statusLabel } from '../render.js';
import type { SmartReport } from '../rules/smart.js';

const choice = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, { message: 'goals.err.invalidChoice' satisfies MessageKey });
// 1 to 5, written plainly (no "0x5" or "5e0").
const score = z.string().regex(/^\s*[1-5]\s*$/, { message: 'goals.err.invalidChoice' satisfies MessageKey }).transform(Number);

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
  cadence: positiveInt.optional(),
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

/** Fills a template's metric, unit, kind, direction, target, reason and current period into what the flags left open. */
async function applyTemplate(ctx: Ctx, o: z.infer<typeof addSchema>): Promise<z.infer<typeof addSchema>> {
  if (o.template === undefined) return o;
  const { goalTemplates } = await import('../templates.js');
  const tpl = goalTemplates.find((x) => x.key === o.template);
  if (!tpl) throw new InputError('goals.err.unknownTemplate', { value: o.template });
  const [start, due] = currentPeriod(tpl.horizon, o.start ?? ctx.today);
  const decimals = knownUnit(tpl.unit)?.decimals ?? 2;
  if (tpl.growthPct !== undefined && o.baseline === undefined && o.target === undefined) {
    throw new InputError('goals.err.templateNeedsBaseline', { template: tpl.key, pct: tpl.growthPct });
  }
  const grown = tpl.growthPct !== undefined && o.baseline !== undefined ? Math.round(o.baseline * (1 + tpl.growthPct / 100) * 10 ** decimals) / 10 ** decimals : undefined;
  return {
    ...o,
    title: o.title ?? tpl.title[ctx.lang],
    metric: o.metric ?? tpl.metric[ctx.lang],
    unit: o.unit ?? tpl.unit,
    kind: o.kind ?? tpl.kind,
    direction: o.direction ?? tpl.direction,
    target: o.target ?? tpl.target ?? grown,
    why: o.why ?? (o.parent === undefined ? tpl.why[ctx.lang] : undefined),
    start: o.start ?? start,
    due: o.due ?? due,
  };
}

const numberPrompt = (v: string) => v.trim() === '' || !Number.isNaN(Number(v.replace(/,/g, ''))) || t('goals.prompt.number');
const datePrompt = (v: string) => isoDate.safeParse(v.trim()).success || t('prompt.date');

/** On a terminal, asks for every SMART field the flags left out. */
async function promptGoal(so: ServiceOptions, o: z.infer<typeof addSchema>): Promise<z.infer<typeof addSchema>> {
  const r = { ...o };
  r.title ??= await askText(t('goals.prompt.title'), { required: true });
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
    const b = await askText(t('goals.prompt.baseline'), { validate: numberPrompt });
    if (b) r.baseline = Number(b.replace(/,/g, ''));
  }
  if (r.target === undefined) r.target = Number((await askText(t('goals.prompt.target'), { required: true, validate: numberPrompt })).replace(/,/g, ''));
  if (r.direction === undefined && (r.baseline === undefined || r.baseline === r.target)) {
    r.direction = await askChoice<Direction>(t('goals.prompt.direction'), DIRECTIONS.map((d) => ({ name: t(DIRECTION_LABEL[d]), value: d })));
  }
  r.due ??= await askText(t('goals.prompt.due'), { required: true, validate: datePrompt });
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
      if (e instanceof SmartError) throw new InputError('goals.err.notSmartEdit', { id: ref.replace(/^#/, ''), findings: blockingLines(e.report) });
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
  say(t('goals.checkedIn', { id: r.goal.id, value: formatQuantity(r.value, r.goal.unit, r.goal.decimals), date: r.date, status: statusLabel(r.goal.status, r.goal.stale) }));
}

const splitSchema = z.object({
  by: z.string(),
  members: listText.optional(),
  dept: z.string().optional(),
  period: choice(['month', 'week']).optional(),
  weights: listText.pipe(z.array(weightText)).refine((ws) => ws.some((w) => w > 0), { message: 'goals.err.weightsZero' }).optional(),
  actor: z.string().optional(),
  json: z.boolean().optional(),
});

export async function split(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(splitSchema, raw);
  const by = opts.by.replace(/\s/g, '');
  if (by !== 'member' && by !== 'period' && by !== 'member,period' && by !== 'period,member') throw new InputError('goals.err.badBy', { value: opts.by });
  const result = await withDb(ctx, (o) =>
    splitGoal(o, ref, {
      by: (by === 'period,member' ? 'member,period' : by) as SplitBy,
      members: opts.members,
      dept: opts.dept,
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
  json: z.boolean().optional(),
});

export async function review(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const opts = parseOptions(reviewSchema, raw);
  const r = await withDb(ctx, (o) => reviewGoal(o, ref, opts));
  if (opts.json) printJson(r.goal);
  say(t('goals.reviewed', { id: r.goal.id }));
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
