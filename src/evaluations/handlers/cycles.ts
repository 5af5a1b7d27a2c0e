import { readFileSync } from 'node:fs';
import type * as CsvParse from 'csv-parse/sync';
import { z } from 'zod';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { confirmOrAbort } from '../../cli/prompts.js';
import { boundedNumber, listText, numberText, parseOptions, positiveInt, text } from '../../cli/validate.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { InputError } from '../../shared/errors.js';
import { closeCycle, decideAppealOutcome, fileAppeal, openCycle, pullGoalValues } from '../cycles.service.js';
import { importValues, peerScore, recordValue, reviewEvaluation, selfAssess, type ImportRow } from '../entries.service.js';
import { addRewardRule, removeRule } from '../rewards.service.js';
import { getGrades, setGrades } from '../settings.service.js';
import { listOf, outcomeText, rewardValueText, weightsText, whyText } from '../render.js';
import { parseGrades, parsePeriod, parseWeights, periodOf, REWARD_KINDS, type Grade, type RewardKind } from '../rules/cycle.js';

const period = z
  .string()
  .refine((s) => parsePeriod(s) !== undefined, { message: 'evaluations.err.badPeriod' satisfies MessageKey })
  .transform((s) => parsePeriod(s)!.period);
const score = boundedNumber(0, 100, 'evaluations.err.scoreRange');

export async function open(ctx: Ctx, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ period: period.optional(), dept: text.optional(), roles: listText.optional(), weights: z.string().optional(), json: z.boolean().optional() }), raw);
  if (f.dept !== undefined && f.roles !== undefined) throw new InputError('evaluations.err.deptOrRoles', {});
  const weights = f.weights === undefined ? undefined : parseWeights(f.weights);
  if (typeof weights === 'string') throw new InputError(weights, { value: f.weights! });
  const r = await withDb(ctx, (o) => openCycle(o, { period: f.period ?? periodOf(o.today).period, ...(f.dept !== undefined && { dept: f.dept }), ...(f.roles !== undefined && { roles: f.roles }), ...(weights && { weights }) }));
  if (f.json) printJson(r);
  say(t('evaluations.opened', { period: r.cycle.period, count: r.added.length, fromGoals: r.fromGoals }));
  if (r.noRole.length) say(t('evaluations.noRole', { members: listOf(r.noRole) }));
  if (r.noKpis.length) say(t('evaluations.noKpisFor', { members: listOf(r.noKpis) }));
  if (r.notHired.length) say(t('evaluations.notHired', { members: listOf(r.notHired), period: r.cycle.period }));
  if (r.weightsChanged) say(t('evaluations.weightsChanged', { period: r.cycle.period, weights: weightsText(r.cycle.weights) }));
}

export async function record(ctx: Ctx, member: string, kpi: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ value: numberText, period: period.optional(), json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => recordValue(o, { member, kpi, value: f.value, ...(f.period !== undefined && { period: f.period }) }));
  if (f.json) printJson(r);
  say(t('evaluations.recorded', { ...r }));
}

/** Header names a file may use, in English and Chinese. */
const HEADERS: Record<'member' | 'kpi' | 'value', readonly string[]> = {
  member: ['member', 'handle', '成员', '员工', '姓名', '账号'],
  kpi: ['kpi', 'indicator', '指标', '考核指标', 'KPI'],
  value: ['value', '数值', '值', '实际值', '完成值'],
};

export async function importFile(ctx: Ctx, file: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ period: period.optional(), json: z.boolean().optional() }), raw);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new InputError('evaluations.err.csvRead', { file });
  }
  // Excel on a Chinese Windows saves "CSV" in GBK unless told "CSV UTF-8": bytes that are not UTF-8 would be read as garbage names.
  if (content.includes('\uFFFD')) throw new InputError('evaluations.err.csvEncoding', { file });
  // A require, not an import: the bundle points it at its own file (dist/vendor/csv-parse.cjs), loaded only by an import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('csv-parse/sync') as typeof CsvParse;
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse numbers the lines (a quoted field may span several; blank lines count), and skips blank lines.
    // Line ends made \n first: csv-parse counts a \r\n inside a quoted field as two lines.
    parsed = parse(content.replace(/\r\n?/g, '\n'), { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new InputError('evaluations.err.csvSyntax', { file, message: (e as Error).message.split('\n')[0] ?? '' });
  }
  // A row whose cells are all empty (",," is what Excel saves for a cleared row) is a blank line too.
  const records = parsed.filter((p) => p.record.some((cell) => cell !== ''));
  const header = records[0]?.record;
  const body = records.slice(1);
  if (!header) throw new InputError('evaluations.err.csvEmpty', {});
  const find = (k: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[k].some((x) => x.toLowerCase() === h.trim().toLowerCase()));
  const col = { member: find('member'), kpi: find('kpi'), value: find('value') };
  const lacking = (Object.keys(col) as (keyof typeof col)[]).filter((k) => col[k] < 0);
  if (lacking.length) throw new InputError('evaluations.err.csvColumns', { file, columns: lacking, found: header });
  const rows: ImportRow[] = body.map(({ record: r, info }) => ({ line: info.lines, member: r[col.member] ?? '', kpi: r[col.kpi] ?? '', value: r[col.value] ?? '' }));
  const names = { member: header[col.member]!, kpi: header[col.kpi]!, value: header[col.value]! };
  const r = await withDb(ctx, (o) => importValues(o, rows, names, f.period));
  if (f.json) printJson(r);
  say(t('evaluations.imported', { ...r, file }));
}

export async function self(ctx: Ctx, member: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ comment: z.string().optional(), score: score.optional(), period: period.optional(), json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => selfAssess(o, { member, ...f }));
  if (f.json) printJson(r);
  say(t('evaluations.selfDone', { handle: r.handle, period: r.period }));
}

export async function review(ctx: Ctx, member: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ comment: z.string().optional(), score: score.optional(), adjust: numberText.optional(), reason: z.string().optional(), period: period.optional(), json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => reviewEvaluation(o, { member, ...f }));
  if (f.json) printJson(r);
  say(t('evaluations.reviewed', { handle: r.handle, period: r.period, adjust: r.adjust > 0 ? `+${r.adjust}` : String(r.adjust) }));
}

export async function peer(ctx: Ctx, member: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ by: text, score, comment: z.string().optional(), period: period.optional(), json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => peerScore(o, { member, ...f }));
  if (f.json) printJson(r);
  say(t('evaluations.peerDone', { ...r }));
}

export async function pull(ctx: Ctx, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ period: period.optional(), json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => pullGoalValues(o, f.period));
  if (f.json) printJson(r);
  say(t('evaluations.pulled', { ...r }));
}

export async function close(ctx: Ctx, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ period: period.optional(), allowMissing: z.boolean().optional(), early: z.boolean().optional(), json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => closeCycle(o, f));
  if (f.json) printJson(r);
  say(t('evaluations.closed', { period: r.cycle.period, scored: r.scored }));
  if (r.missing.length) say(t('evaluations.closedMissing', { members: listOf(r.missing.map((m) => m.handle)) }));
}

export async function appeal(ctx: Ctx, member: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ period, reason: text, json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => fileAppeal(o, { member, ...f }));
  if (f.json) printJson(r);
  say(t('evaluations.appealed', { handle: r.handle, period: r.period, score: r.score ?? '—' }));
}

export async function decide(ctx: Ctx, member: string, raw: unknown): Promise<void> {
  const f = parseOptions(z.object({ period, outcome: z.enum(['upheld', 'changed'], { message: 'evaluations.err.badOutcome' satisfies MessageKey }), note: z.string().optional(), json: z.boolean().optional() }), raw);
  const r = await withDb(ctx, (o) => decideAppealOutcome(o, { member, ...f }));
  if (f.json) printJson(r);
  say(t('evaluations.decided', { handle: r.handle, period: r.period, outcome: outcomeText(r.outcome), old: r.oldScore ?? '—', new: r.newScore ?? '—', grade: r.newGrade ?? '—' }));
}

const KIND_FLAGS: Record<RewardKind, string> = { bonus: '--bonus', title: '--title', training: '--training', promotion: '--promotion', penalty: '--penalty' };

export async function ruleAdd(ctx: Ctx, raw: unknown): Promise<void> {
  const f = parseOptions(
    z.object({ grade: text.optional(), rank: positiveInt.optional(), dept: text.optional(), bonus: boundedNumber(0, 10, 'evaluations.err.coefficient').optional(), title: text.optional(), training: text.optional(), promotion: text.optional(), penalty: text.optional(), json: z.boolean().optional() }),
    raw,
  );
  const kinds = REWARD_KINDS.filter((k) => f[k] !== undefined);
  if (kinds.length !== 1) throw new InputError('evaluations.err.ruleKind', { flags: Object.values(KIND_FLAGS) });
  const kind = kinds[0]!;
  const r = await withDb(ctx, (o) =>
    addRewardRule(o, { kind, ...(f.grade !== undefined && { grade: f.grade }), ...(f.rank !== undefined && { rank: f.rank }), ...(f.dept !== undefined && { dept: f.dept }), ...(kind === 'bonus' ? { coefficient: f.bonus! } : { text: f[kind] as string }) }),
  );
  if (f.json) printJson(r);
  say(t('evaluations.rule.added', { id: r.id, why: whyText(r), reward: rewardValueText(r.kind, r.coefficient, r.text) }));
}

export async function ruleRm(ctx: Ctx, ref: string, flags: { yes?: boolean; json?: boolean }): Promise<void> {
  const r = await withDb(ctx, async (o) => {
    await confirmOrAbort(flags.yes, t('evaluations.rule.confirmRemove', { id: ref }));
    return removeRule(o, ref);
  });
  if (flags.json) printJson(r);
  say(t('evaluations.rule.removed', { id: r.id, why: whyText(r), reward: rewardValueText(r.kind, r.coefficient, r.text) }));
}

export async function settings(ctx: Ctx, flags: { grades?: string; json?: boolean }): Promise<void> {
  let grades: Grade[] | undefined;
  if (flags.grades !== undefined) {
    const parsed = parseGrades(flags.grades);
    if (typeof parsed === 'string') throw new InputError(parsed, { value: flags.grades });
    grades = parsed;
  }
  const g = await withDb(ctx, (o) => (grades ? setGrades(o, grades) : getGrades(o)));
  if (flags.json) return printJson({ grades: g });
  say(t('evaluations.settings.grades', { grades: listOf(g.map((x) => `${x.name} ≥ ${x.min}`)) }));
}
