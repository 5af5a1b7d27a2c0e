import { TeamError } from '../../domain/errors.js';
import { isCalendarDate } from '../../domain/goals/dates.js';
import { HORIZONS } from '../../domain/goals/periods.js';
import { GOAL_STATUSES } from '../../domain/goals/goal.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { checkGoal, getGoals, getGoalTree, showGoal, type GoalDetail, type GoalListOptions } from '../../services/goals-view.service.js';
import { withDb, type Ctx } from '../context.js';
import { out, paint, printJson, printList, resolveFormat, say, terminalWidth } from '../output.js';
import { formatQuantity, goalColumns, ownerLabel, progressBar, renderGoalTree, smartJson, smartLines, statusLabel } from './goals-view.js';


interface ListFlags {
  owner?: string;
  dept?: string;
  status?: string;
  horizon?: string;
  dueBefore?: string;
  dueAfter?: string;
  parent?: string;
  all?: boolean;
  sort?: string;
  json?: boolean;
  format?: string;
}

/** Cheap checks by hand: list commands stay free of zod for start-up time. */
function listOptions(f: ListFlags): GoalListOptions {
  if (f.status !== undefined && f.status !== 'stale' && !(GOAL_STATUSES as readonly string[]).includes(f.status)) throw new TeamError('err.goal.badStatus', { value: f.status });
  for (const [field, v] of [['--due-before', f.dueBefore], ['--due-after', f.dueAfter]] as const) {
    if (v !== undefined && !isCalendarDate(v)) throw new TeamError('err.invalidDate', { field, value: v });
  }
  if (f.sort !== undefined && f.sort !== 'due' && f.sort !== 'progress') throw new TeamError('err.invalidChoice', { field: '--sort', value: f.sort });
  if (f.horizon !== undefined && !(HORIZONS as readonly string[]).includes(f.horizon)) throw new TeamError('err.invalidChoice', { field: '--horizon', value: f.horizon });
  return { ...f, status: f.status as GoalListOptions['status'], sort: f.sort as GoalListOptions['sort'] };
}

export async function list(ctx: Ctx, flags: ListFlags): Promise<void> {
  const format = resolveFormat(flags);
  const options = listOptions(flags);
  const goals = await withDb(ctx, (db) => getGoals({ db, now: ctx.now, today: ctx.today }, options));
  if (format === 'table' && goals.length === 0) return say(t('goal.noGoals'));
  await printList(format, goals, goalColumns);
}

async function renderDetail(g: GoalDetail): Promise<string> {
  const { renderFields, renderTable } = await import('../table.js');
  const width = terminalWidth();
  const parts: string[] = [];
  const q = (v: number | null) => formatQuantity(v, g.unit, g.decimals);
  parts.push(
    renderFields([
      ['col.id', `#${g.id}`],
      ['col.title', g.title],
      ['col.owner', ownerLabel(g)],
      ['col.metric', [g.metric, g.unit && `(${g.unit})`].filter(Boolean).join(' ')],
      ['col.direction', g.direction ? t(`direction.${g.direction}` as MessageKey) : ''],
      ['col.baseline', q(g.baseline)],
      ['col.target', q(g.target)],
      ['col.value', q(g.value)],
      ['col.progress', progressBar(g.progressPct, 20)],
      ['col.forecast', q(g.projected)],
      ['col.goalStatus', statusLabel(g.status, g.stale)],
      ['col.start', g.start],
      ['col.due', g.due],
      ['col.horizon', `${t(`horizon.${g.horizon}` as MessageKey)} · ${t(`goal.term.${g.term}` as MessageKey)}`],
      ['col.relevance', g.relevance],
      ['col.parent', g.parentId === null ? '' : `#${g.parentId}`],
      ...(g.state !== 'open' ? ([['col.state', `${t(`goal.state.${g.state}` as MessageKey)} · ${q(g.finalValue)}`]] as const) : []),
      ...(g.archivedAt ? ([['col.archived', g.archivedAt.slice(0, 10)]] as const) : []),
    ], { width }),
  );
  const smart = smartLines(g.smart);
  parts.push(`${paint.head(t('goal.heading.smart'))}\n${smart.length ? smart.map((l) => `  ${l}`).join('\n') : `  ${t('goal.smartOk')}`}`);
  if (g.checkins.length) {
    parts.push(`${paint.head(t('goal.heading.checkins'))}  ${g.sparkline}`);
    parts.push(await renderTable(g.checkins, [
      { header: 'col.date', value: (c) => c.date },
      { header: 'col.value', value: (c) => q(c.value), align: 'right' },
      { header: 'col.note', value: (c) => c.note, wrap: 40 },
      { header: 'col.by', value: (c) => c.actor },
    ], { width }));
  } else if (g.sparkline) {
    parts.push(`${paint.head(t('col.trend'))}  ${g.sparkline}`);
  }
  if (g.children.length) parts.push(`${paint.head(t('goal.heading.children'))}\n${await renderTable(g.children, goalColumns, { width })}`);
  if (g.reviews.length) {
    parts.push(`${paint.head(t('goal.heading.reviews'))}\n${await renderTable(g.reviews, [
      { header: 'col.date', value: (r) => r.at.slice(0, 10) },
      { header: 'col.kind', value: (r) => t(`goal.review.${r.kind}` as MessageKey) },
      { header: 'col.note', value: (r) => r.text, wrap: 40 },
      { header: 'col.score', value: (r) => r.score, align: 'right' },
      { header: 'col.outcome', value: (r) => [r.outcome, r.outcomeNote].filter(Boolean).join(': ') },
      { header: 'col.by', value: (r) => r.actor },
    ], { width })}`);
  }
  if (g.history) {
    parts.push(`${paint.head(t('goal.heading.history'))}\n${await renderTable(g.history, [
      { header: 'col.date', value: (e) => e.at.replace('T', ' ').slice(0, 16) },
      { header: 'col.by', value: (e) => e.actor },
      { header: 'col.field', value: (e) => e.field },
      { header: 'col.change', value: (e) => `${e.old ?? '∅'} → ${e.new ?? '∅'}`, wrap: 40 },
    ], { width })}`);
  }
  return parts.join('\n');
}

export async function show(ctx: Ctx, ref: string, opts: { json?: boolean; history?: boolean }): Promise<void> {
  const g = await withDb(ctx, (db) => showGoal({ db, now: ctx.now, today: ctx.today }, ref, { history: opts.history }));
  if (opts.json) return printJson({ ...g, smart: smartJson(g.smart) });
  out(await renderDetail(g));
}

export async function tree(ctx: Ctx, ref: string | undefined, opts: { json?: boolean }): Promise<void> {
  const roots = await withDb(ctx, (db) => getGoalTree({ db, now: ctx.now, today: ctx.today }, ref));
  if (opts.json) return printJson(ref === undefined ? roots : roots[0]);
  if (roots.length === 0) return say(t('goal.noGoals'));
  out(renderGoalTree(roots));
}

/** Exits 1 when a blocking letter fails, like a linter, so scripts can act on it. */
export async function check(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const { goal, smart } = await withDb(ctx, (db) => checkGoal({ db, now: ctx.now, today: ctx.today }, ref));
  if (opts.json) printJson({ id: goal.id, title: goal.title, draft: goal.draft, ...smartJson(smart) });
  else out(smart.findings.length ? smartLines(smart).join('\n') : t('goal.smartOk'));
  if (smart.blocking) throw new TeamError('goal.checkFailed', { id: goal.id }, 1);
}

export async function templates(ctx: Ctx, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(opts);
  const { ecommercePreset } = await import('../../services/preset.service.js');
  const rows = ecommercePreset.goalTemplates.map((tpl) => ({
    key: tpl.key,
    title: tpl.title[ctx.lang],
    metric: tpl.metric[ctx.lang],
    unit: tpl.unit,
    kind: tpl.kind,
    direction: tpl.direction,
    target: tpl.target ?? null,
    growthPct: tpl.growthPct ?? null,
    horizon: tpl.horizon,
    why: tpl.why[ctx.lang],
  }));
  await printList(format, rows, [
    { header: 'col.key', value: (r) => r.key },
    { header: 'col.goal', value: (r) => r.title, wrap: 40 },
    { header: 'col.metric', value: (r) => r.metric },
    { header: 'col.direction', value: (r) => t(`direction.${r.direction}` as MessageKey) },
    { header: 'col.target', value: (r) => (r.target !== null ? formatQuantity(r.target, r.unit, 2) : r.growthPct !== null ? `+${r.growthPct}%` : '') },
    { header: 'col.horizon', value: (r) => r.horizon },
  ]);
}
