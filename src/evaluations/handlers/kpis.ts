import { z } from 'zod';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askChoice, askText, canPrompt, confirmOrAbort, requireFlags } from '../../cli/prompts.js';
import { answerError, boundedNumber, isoDate, parseOptions, promptCheck, text } from '../../cli/validate.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { isNone } from '../../shared/none.js';
import type { ServiceOptions } from '../../shared/service.js';
import { addKpi, addSeason, buildRule, checkKpiName, checkRole, checkRoleWeight, editKpi, removeKpiTemplate, setSeasonOverride, type KpiInput, type KpiResult } from '../kpis.service.js';
import { DIRECTION_LABEL } from '../labels.js';
import { scaleText, targetText } from '../render.js';
import type { Season } from '../rules/evaluation.js';
import { DIRECTIONS, parseBands, parseDirection, parseRange } from '../rules/scoring.js';

const range = z
  .string()
  .transform((s) => parseRange(s.replace(/[,_，](?=\d{3}\b)/g, '')))
  .refine((v) => v !== undefined && (typeof v === 'number' ? Number.isFinite(v) : v.every(Number.isFinite)), { message: 'evaluations.err.badNumberOrRange' satisfies MessageKey })
  .transform((v) => v!);
const weight = boundedNumber(0, 100, 'evaluations.err.weightRange').refine((n) => n > 0, { message: 'evaluations.err.weightRange' satisfies MessageKey });
const fields = {
  name: text.optional(),
  role: text.optional(),
  unit: z.string().optional(),
  direction: z
    .string()
    .transform(parseDirection)
    .refine((d) => d !== undefined, { message: 'evaluations.err.badDirection' satisfies MessageKey })
    .transform((d) => d!)
    .optional(),
  target: range.optional(),
  threshold: range.optional(),
  bands: z
    .string()
    .transform((s) => (isNone(s) ? null : parseBands(s)))
    .refine((b) => b !== undefined, { message: 'evaluations.err.badBands' satisfies MessageKey })
    .optional(),
  weight: weight.optional(),

  source: z.string().optional(),
  fromGoal: z.union([z.string(), z.boolean()]).optional(),
  attainment: z.boolean().optional(),
  clear: z.boolean().optional(),
  json: z.boolean().optional(),
};
const schema = z.object(fields);
type Flags = z.infer<typeof schema>;

const clearable = (v: string | undefined) => (v === undefined ? undefined : isNone(v) ? null : v.trim());

/** A target or threshold as one number, or a range for "within": low and high. */
function split(v: number | [number, number] | undefined): [number | undefined, number | null | undefined] {
  if (v === undefined) return [undefined, undefined];
  return typeof v === 'number' ? [v, undefined] : [v[0], v[1]];
}

function toInput(f: Flags): KpiInput {
  const [target, targetHigh] = split(f.target);
  const [threshold, thresholdHigh] = split(f.threshold);
  const goalMetric = f.fromGoal === undefined ? undefined : typeof f.fromGoal === 'boolean' ? (f.fromGoal ? (f.name ?? '') : null) : isNone(f.fromGoal) ? null : f.fromGoal.trim();
  return {
    ...(f.name !== undefined && { name: f.name }),
    ...(f.unit !== undefined && { unit: clearable(f.unit) }),
    ...(f.direction !== undefined && { direction: f.direction }),
    ...(target !== undefined && { target }),
    ...(targetHigh !== undefined && { targetHigh }),
    ...(threshold !== undefined && { threshold }),
    ...(thresholdHigh !== undefined && { thresholdHigh }),
    ...(f.bands !== undefined && { bands: f.bands }),
    ...(f.weight !== undefined && { weight: f.weight }),
    ...(f.source !== undefined && { source: clearable(f.source) }),
    ...(goalMetric !== undefined && { goalMetric }),
    ...(f.attainment !== undefined && { goalUse: f.attainment ? 'attainment' : 'value' }),
  };
}

/** On a terminal, asks for what the flags left out, each answer checked as it is given. */
async function promptKpi(o: ServiceOptions, f: Flags): Promise<Flags> {
  const r = { ...f };
  r.role ??= await askText(t('evaluations.prompt.role'), { required: true, validate: (v) => answerError(() => checkRole(o, v)) });
  r.name ??= await askText(t('evaluations.prompt.name'), { required: true, validate: (v) => answerError(() => checkKpiName(o, r.role!, v)) });
  if (r.unit === undefined) r.unit = await askText(t('evaluations.prompt.unit'), { default: '%' });
  r.direction ??= await askChoice(t('evaluations.prompt.direction'), DIRECTIONS.map((d) => ({ name: t(DIRECTION_LABEL[d]), value: d })));
  if (r.target === undefined && r.bands === undefined) {
    // "Within a band" needs a range at once: a single number would leave no threshold that fits.
    const target = (v: string) => {
      const ok = promptCheck(range, '--target')(v);
      return ok !== true || r.direction !== 'within' || typeof range.parse(v) !== 'number' ? ok : t('evaluations.err.withinNeedsRange');
    };
    r.target = range.parse(await askText(t('evaluations.prompt.target'), { required: true, validate: target }));
  }
  if (r.threshold === undefined && r.bands === undefined) {
    // The threshold is checked against the direction and the target at once (its side, a range for "within").
    const sound = (v: string) => {
      const ok = promptCheck(range, '--threshold')(v);
      return ok !== true ? ok : answerError(async () => buildRule({ ...toInput({ ...r, threshold: range.parse(v) }), direction: r.direction! }));
    };
    r.threshold = range.parse(await askText(t('evaluations.prompt.threshold'), { required: true, validate: sound }));
  }
  if (r.weight === undefined) r.weight = weight.parse(await askText(t('evaluations.prompt.weight'), { required: true, validate: (v) => { const ok = promptCheck(weight, '--weight')(v); return ok !== true ? ok : answerError(() => checkRoleWeight(o, r.role!, weight.parse(v))); } }));
  return r;
}

function report(r: KpiResult, json: boolean | undefined, key: 'evaluations.kpi.added' | 'evaluations.kpi.edited' | 'evaluations.kpi.removed'): void {
  if (json) printJson({ ...r.kpi, roleTotal: r.roleTotal });
  const k = r.kpi;
  say(t(key, { kpi: k.name, role: k.role, target: targetText(k, k.unit), scale: scaleText(k), weight: k.weight }));
  say(t(r.roleTotal === 100 ? 'evaluations.kpi.totalDone' : 'evaluations.kpi.total', { role: k.role, total: r.roleTotal }));
}

export async function add(ctx: Ctx, name: string | undefined, raw: unknown): Promise<void> {
  const flags = parseOptions(schema, { ...(raw as object), ...(name !== undefined && { name }) }, { name: 'NAME' });
  const missing = [
    ...(flags.name === undefined ? ['NAME'] : []),
    ...(flags.role === undefined ? ['--role'] : []),
    ...(flags.target === undefined && flags.bands === undefined ? ['--target'] : []),
    ...(flags.threshold === undefined && flags.bands === undefined ? ['--threshold'] : []),
    ...(flags.weight === undefined ? ['--weight'] : []),
  ];
  if (missing.length && !canPrompt()) requireFlags(missing);
  const r = await withDb(ctx, async (o) => {
    const full = missing.length ? await promptKpi(o, flags) : flags;
    return addKpi(o, full.role!, { ...toInput(full), name: full.name! });
  });
  report(r, flags.json, 'evaluations.kpi.added');
}

export async function edit(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const flags = parseOptions(schema, raw);
  const r = await withDb(ctx, (o) => editKpi(o, ref, flags.role, toInput(flags)));
  report(r, flags.json, 'evaluations.kpi.edited');
}

export async function rm(ctx: Ctx, ref: string, flags: { role?: string; yes?: boolean; json?: boolean }): Promise<void> {
  const r = await withDb(ctx, async (o) => {
    await confirmOrAbort(flags.yes, t('evaluations.kpi.confirmRemove', { kpi: ref }));
    return removeKpiTemplate(o, ref, flags.role);
  });
  report(r, flags.json, 'evaluations.kpi.removed');
}

const seasonSchema = z.object({ from: isoDate, to: isoDate, yearly: z.boolean().optional(), json: z.boolean().optional() });

function sayseason(s: Season, json: boolean | undefined, key: 'evaluations.season.added' | 'evaluations.season.set'): void {
  if (json) printJson(s);
  say(t(key, { season: s.name, from: s.from, to: s.to, overrides: s.overrides.length }));
}

export async function seasonAdd(ctx: Ctx, name: string, raw: unknown): Promise<void> {
  const f = parseOptions(seasonSchema, raw);
  const s = await withDb(ctx, (o) => addSeason(o, { name, from: f.from, to: f.to, yearly: f.yearly ?? false }));
  sayseason(s, f.json, 'evaluations.season.added');
}

export async function seasonSet(ctx: Ctx, season: string, kpi: string, raw: unknown): Promise<void> {
  const f = parseOptions(schema, raw);
  const s = await withDb(ctx, (o) => setSeasonOverride(o, season, kpi, { ...toInput(f), ...(f.role !== undefined && { role: f.role }), ...(f.clear && { clear: true }) }));
  sayseason(s, f.json, 'evaluations.season.set');
}
