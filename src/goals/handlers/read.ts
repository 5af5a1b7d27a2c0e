import { Failure, InputError } from '../../shared/errors.js';
import { checkDate } from '../../cli/dates.js';
import { HORIZONS } from '../rules/periods.js';
import { GOAL_STATUSES } from '../rules/goal.js';
import { t } from '../../i18n/index.js';
import { DIRECTION_LABEL, OUTCOME_LABEL, REVIEW_KIND_LABEL, STATE_LABEL, TERM_LABEL } from '../labels.js';
import { checkGoal, getGoals, showGoal, writeGoalsJson, type GoalDetail, type GoalListOptions } from '../view.service.js';
import { getGoalTree, writeGoalTreeJson } from '../tree.service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { jsonArrayWriter, out, paint, printJson, printList, resolveFormat, say, terminalWidth } from '../../cli/output.js';
import { formatQuantity, goalColumns, historyField, historyValue, horizonText, ownerLabel, progressBar, renderGoalTree, smartJson, smartLines, statusLabel } from '../render.js';


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
  if (f.status !== undefined && f.status !== 'stale' && !(GOAL_STATUSES as readonly string[]).includes(f.status)) throw new InputError('goals.err.badStatus', { value: f.status });
  for (const [field, v] of [['--due-before', f.dueBefore], ['--due-after', f.dueAfter]] as const) {
    if (v !== undefined) checkDate(field, v);
  }
  if (f.sort !== undefined && f.sort !== 'due' && f.sort !== 'progress') throw new InputError('goals.err.invalidChoice', { field: '--sort', value: f.sort, choices: ['due', 'progress'] });
  if (f.horizon !== undefined && !(HORIZONS as readonly string[]).includes(f.horizon)) throw new InputError('goals.err.invalidChoice', { field: '--horizon', value: f.horizon, choices: [...HORIZONS] });
  return { ...f, status: f.status as GoalListOptions['status'], sort: f.sort as GoalListOptions['sort'] };
}

export async function list(ctx: Ctx, flags: ListFlags): Promise<void> {
  const format = resolveFormat(flags);
  const options = listOptions(flags);
  // JSON to a pipe or file is written as the goals are judged, none of them kept:
  // from their stored JSON where it serves, else from the goals themselves.
  const writer = format === 'json' ? jsonArrayWriter() : null;
  if (writer) {
    const missing = await withDb(ctx, (o) => writeGoalsJson(o, options, writer.pushJson));
    writer.end();
    return refreshHint(missing);
  }
  const goals = await withDb(ctx, (o) => getGoals(o, options));
  if (format === 'table' && goals.length === 0) return say(t('goals.noGoals'));
  await printList(format, goals, goalColumns);
}

/** After a list of a database from an older version: one line saying what makes lists fast again. */
function refreshHint(missing: number): void {
  if (missing > 0) say(t('goals.hint.refresh', { count: missing }));
}

async function renderDetail(g: GoalDetail): Promise<string> {
  const { renderFields, renderTable } = await import('../../cli/table.js');
  const width = terminalWidth();
  const parts: string[] = [];
  const q = (v: number | null) => formatQuantity(v, g.unit, g.decimals);
  parts.push(
    renderFields([
      ['col.id', `#${g.id}`],
      ['goals.col.title', g.title],
      ['goals.col.owner', ownerLabel(g)],
      ['goals.col.metric', [g.metric, g.unit && `(${g.unit})`].filter(Boolean).join(' ')],
      ['goals.col.direction', g.direction ? t(DIRECTION_LABEL[g.direction]) : ''],
      ['goals.col.baseline', q(g.baseline)],
      ['goals.col.target', q(g.target)],
      ['goals.col.value', q(g.value)],
      ['goals.col.progress', progressBar(g.progressPct, 20)],
      ['goals.col.forecast', q(g.projected)],
      ['goals.col.goalStatus', statusLabel(g.status, g.stale)],
      ['goals.col.start', g.start],
      ['goals.col.due', g.due],
      ['goals.col.horizon', `${horizonText(g.horizon)} · ${t(TERM_LABEL[g.term])}`],
      ['goals.col.relevance', g.relevance],
      ['goals.col.parent', g.parentId === null ? '' : `#${g.parentId}`],
      ...(g.state !== 'open' ? ([['goals.col.state', `${t(STATE_LABEL[g.state])} · ${q(g.finalValue)}`]] as const) : []),
      ...(g.archivedAt ? ([['goals.col.archived', g.archivedAt.slice(0, 10)]] as const) : []),
    ], { width }),
  );
  const smart = smartLines(g.smart);
  parts.push(`${paint.head(t('goals.heading.smart'))}\n${smart.length ? smart.map((l) => `  ${l}`).join('\n') : `  ${t('goals.smartOk')}`}`);
  if (g.checkins.length) {
    parts.push(`${paint.head(t('goals.heading.checkins'))}  ${g.sparkline}`);
    parts.push(await renderTable(g.checkins, [
      { header: 'goals.col.date', value: (c) => c.date },
      { header: 'goals.col.value', value: (c) => q(c.value), align: 'right' },
      { header: 'goals.col.note', value: (c) => c.note, wrap: 40 },
      { header: 'goals.col.by', value: (c) => c.actor },
    ], { width }));
  } else if (g.sparkline) {
    parts.push(`${paint.head(t('goals.col.trend'))}  ${g.sparkline}`);
  }
  if (g.children.length) parts.push(`${paint.head(t('goals.heading.children'))}\n${await renderTable(g.children, goalColumns, { width })}`);
  if (g.reviews.length) {
    parts.push(`${paint.head(t('goals.heading.reviews'))}\n${await renderTable(g.reviews, [
      { header: 'goals.col.date', value: (r) => r.at.slice(0, 10) },
      { header: 'goals.col.kind', value: (r) => t(REVIEW_KIND_LABEL[r.kind]) },
      { header: 'goals.col.note', value: (r) => r.text, wrap: 40 },
      { header: 'goals.col.score', value: (r) => r.score, align: 'right' },
      { header: 'goals.col.outcome', value: (r) => [r.outcome && t(OUTCOME_LABEL[r.outcome]), r.outcomeNote].filter(Boolean).join(': ') },
      { header: 'goals.col.by', value: (r) => r.actor },
    ], { width })}`);
  }
  if (g.history) {
    parts.push(`${paint.head(t('goals.heading.history'))}\n${await renderTable(g.history, [
      { header: 'goals.col.date', value: (e) => e.at.replace('T', ' ').slice(0, 16) },
      { header: 'goals.col.by', value: (e) => e.actor },
      { header: 'goals.col.field', value: (e) => historyField(e.field) },
      { header: 'goals.col.change', value: (e) => `${historyValue(e.field, e.old, g)} → ${historyValue(e.field, e.new, g)}`, wrap: 40 },
    ], { width })}`);
  }
  return parts.join('\n');
}

export async function show(ctx: Ctx, ref: string, opts: { json?: boolean; history?: boolean }): Promise<void> {
  const g = await withDb(ctx, (o) => showGoal(o, ref, { history: opts.history }));
  if (opts.json) return printJson({ ...g, smart: smartJson(g.smart) });
  out(await renderDetail(g));
}

export async function tree(ctx: Ctx, ref: string | undefined, opts: { json?: boolean }): Promise<void> {
  // The whole tree as JSON to a pipe or file is written root by root as each is judged.
  const writer = opts.json && ref === undefined ? jsonArrayWriter() : null;
  if (writer) {
    const missing = await withDb(ctx, (o) => writeGoalTreeJson(o, writer.pushJson));
    writer.end();
    return refreshHint(missing);
  }
  const roots = await withDb(ctx, (o) => getGoalTree(o, ref));
  if (opts.json) return printJson(ref === undefined ? roots : roots[0]);
  if (roots.length === 0) return say(t('goals.noGoals'));
  out(renderGoalTree(roots));
}

/** Exits 1 when a blocking letter fails, like a linter, so scripts can act on it. */
export async function check(ctx: Ctx, ref: string, opts: { json?: boolean }): Promise<void> {
  const { goal, smart } = await withDb(ctx, (o) => checkGoal(o, ref));
  if (opts.json) printJson({ id: goal.id, title: goal.title, draft: goal.draft, ...smartJson(smart) });
  else out(smart.findings.length ? smartLines(smart).join('\n') : t('goals.smartOk'));
  if (smart.blocking) throw new Failure('goals.checkFailed', { id: goal.id });
}

export async function templates(ctx: Ctx, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(opts);
  const { goalTemplates } = await import('../templates.js');
  const rows = goalTemplates.map((tpl) => ({
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
    { header: 'goals.col.key', value: (r) => r.key },
    { header: 'goals.col.goal', value: (r) => r.title, wrap: 40 },
    { header: 'goals.col.metric', value: (r) => r.metric },
    { header: 'goals.col.direction', value: (r) => t(DIRECTION_LABEL[r.direction]) },
    { header: 'goals.col.target', value: (r) => (r.target !== null ? formatQuantity(r.target, r.unit, 2) : r.growthPct !== null ? `+${r.growthPct}%` : '') },
    { header: 'goals.col.horizon', value: (r) => horizonText(r.horizon) },
  ]);
}
