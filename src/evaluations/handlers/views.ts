import { withDb, type Ctx } from '../../cli/context.js';
import { out, paint, printJson, printList, resolveFormat, say } from '../../cli/output.js';
import { t } from '../../i18n/index.js';
import { InputError } from '../../shared/errors.js';
import { getKpis, getSeasons, showKpi } from '../kpis.service.js';
import { directionText, listOf, cycleColumns, itemColumns, seasonLines, kpiColumns, kpiMeanColumns, outcomeText, partText, rankingColumns, rewardColumns, ruleColumns, scaleText, scoreSparkline, seasonColumns, stateText, targetText, weightsText, type KpiRow } from '../render.js';
import { getRewardRules } from '../rewards.service.js';
import { isPart } from '../rules/cycle.js';
import { cycleDays } from '../rules/evaluate.js';
import { getCycleReport, getCycles, getRewards, showEvaluation, type EvaluationView, type Trend } from '../views.service.js';

export async function kpis(ctx: Ctx, flags: { role?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const roles = await withDb(ctx, (o) => getKpis(o, flags));
  if (format === 'json') return printJson(roles);
  if (format === 'table' && roles.length === 0) return say(t('evaluations.noKpis'));
  const rows: KpiRow[] = roles.flatMap((r) => r.kpis.map((k) => ({ ...k, roleTotal: r.total })));
  await printList(format, rows, kpiColumns);
  if (format === 'table') for (const r of roles.filter((x) => x.total !== 100)) say(t('evaluations.kpi.total', { role: r.role, total: r.total }));
}

export async function kpi(ctx: Ctx, ref: string, flags: { role?: string; json?: boolean }): Promise<void> {
  const k = await withDb(ctx, (o) => showKpi(o, ref, flags.role));
  if (flags.json) return printJson(k);
  out(
    [
      paint.head(`${k.name} · ${k.role}`),
      t('evaluations.show.kpi', { target: targetText(k, k.unit), direction: directionText(k.direction), scale: scaleText(k), weight: k.weight }),
      ...(k.goalMetric ? [t(k.goalUse === 'attainment' ? 'evaluations.show.fromGoalAttainment' : 'evaluations.show.fromGoal', { metric: k.goalMetric })] : []),
      ...(k.source ? [t('evaluations.show.source', { source: k.source })] : []),
    ].join('\n'),
  );
}

export async function seasons(ctx: Ctx, flags: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const rows = await withDb(ctx, (o) => getSeasons(o));
  if (format === 'table' && rows.length === 0) return say(t('evaluations.noSeasons'));
  await printList(format, rows, seasonColumns);
}

/** "--trend" alone is 6 periods; "--trend 12" twelve. */
function trendCount(v: string | boolean | undefined): number | undefined {
  if (v === undefined || v === false) return undefined;
  if (v === true) return 6;
  if (!/^\s*\d{1,2}\s*$/.test(v) || Number(v) < 2 || Number(v) > 36) throw new InputError('evaluations.err.trend', { value: v });
  return Number(v);
}

export async function show(ctx: Ctx, member: string, flags: { period?: string; trend?: string | boolean; json?: boolean }): Promise<void> {
  const trend = trendCount(flags.trend);
  const r = await withDb(ctx, (o) => showEvaluation(o, { member, ...(flags.period !== undefined && { period: flags.period }), ...(trend !== undefined && { trend }) }));
  if (flags.json) return printJson(r);
  const e = r.evaluation;
  out(paint.head(t('evaluations.show.head', { name: e.name, handle: e.handle, role: e.role ?? '—', department: e.department ?? '—', period: e.period, state: stateText(e.state) })));
  if (e.items.length) await printList('table', e.items, itemColumns);
  out([...seasonLines(e.items, cycleDays(e)), ...summaryLines(e)].join('\n'));
  if (r.trend) out(await trendText(r.trend));
}

/** A missing part (self, peer, lead) in the reader's words; a KPI by its name. */
const partOrKpi = (x: string) => (isPart(x) ? partText(x) : x);

function summaryLines(e: EvaluationView): string[] {
  const dash = (v: number | null) => (v === null ? '—' : String(v));
  const parts = (Object.keys(e.weights) as (keyof typeof e.weights)[]).filter((p) => e.weights[p] > 0).map((p) => `${partText(p)} ${dash(e.parts[p])} (${e.weights[p]}%)`);
  const lines = [t('evaluations.show.parts', { parts: parts.join(t('list.separator')) })];
  if (e.adjust !== 0) lines.push(t('evaluations.show.adjust', { adjust: e.adjust > 0 ? `+${e.adjust}` : String(e.adjust), reason: e.adjustReason ?? '' }));
  lines.push(
    e.finalScore === null
      ? t('evaluations.show.noFinal', { missing: listOf(e.missing.map(partOrKpi)) })
      : e.rank === null
        ? t('evaluations.show.finalUnranked', { score: e.finalScore, grade: e.grade! })
        : t('evaluations.show.final', { score: e.finalScore, grade: e.grade!, rank: e.rank, departmentRank: e.departmentRank ?? '—' }),
  );
  if (e.provisional) lines.push(t('evaluations.show.provisional', { score: e.provisional.finalScore ?? '—', grade: e.provisional.grade ?? '—' }));
  if (e.selfComment) lines.push(t('evaluations.show.selfComment', { comment: e.selfComment }));
  if (e.leadComment) lines.push(t('evaluations.show.leadComment', { comment: e.leadComment, reviewer: e.reviewer ?? '' }));
  if (e.peers.length) lines.push(t('evaluations.show.peers', { peers: listOf(e.peers.map((p) => `${p.by} ${p.score}`)) }));
  for (const a of e.appeals)
    lines.push(a.outcome === null ? t('evaluations.show.appealOpen', { date: a.filedOn, reason: a.reason }) : t('evaluations.show.appealDone', { date: a.filedOn, reason: a.reason, outcome: outcomeText(a.outcome), old: a.oldScore ?? '—', new: a.newScore ?? '—' }));
  return lines;
}

async function trendText(tr: Trend): Promise<string> {
  const rows = [
    ...tr.kpis.map((k) => ({ name: k.name, line: scoreSparkline(k.scores), scores: k.scores.map((s) => (s === null ? '—' : String(s))).join(' · ') })),
    { name: t('evaluations.col.final'), line: scoreSparkline(tr.periods.map((p) => p.finalScore)), scores: tr.periods.map((p) => (p.finalScore === null ? '—' : `${p.finalScore}${p.grade ? ` ${p.grade}` : ''}`)).join(' · ') },
  ];
  const head = paint.head(t('evaluations.show.trend', { from: tr.periods[0]?.period ?? '', to: tr.periods[tr.periods.length - 1]?.period ?? '', count: tr.periods.length }));
  const { renderTable } = await import('../../cli/table.js');
  const { terminalWidth } = await import('../../cli/output.js');
  return `${head}\n${await renderTable(rows, [
    { header: 'evaluations.col.kpi', value: (r) => r.name, wrap: 18 },
    { header: 'evaluations.col.trend', value: (r) => r.line },
    { header: 'evaluations.col.scores', value: (r) => r.scores, wrap: 40 },
  ], { width: terminalWidth() })}`;
}

export async function report(ctx: Ctx, flags: { period?: string; dept?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const r = await withDb(ctx, (o) => getCycleReport(o, flags));
  if (format === 'json') return printJson(r);
  if (format === 'table') {
    out(paint.head(t('evaluations.report.head', { period: r.period, state: stateText(r.state), department: r.department ?? t('evaluations.report.wholeTeam'), weights: weightsText(r.weights) })));
    say(t('evaluations.report.summary', { evaluations: r.evaluations, scored: r.scored, mean: r.meanScore ?? '—', grades: listOf(r.gradeCounts.map((g) => `${g.grade} ${g.count}`)) }));
  }
  await printList(format, r.ranking, rankingColumns);
  if (format !== 'table') return;
  if (r.kpis.length) {
    out(paint.head(t('evaluations.report.kpis')));
    await printList(format, r.kpis, kpiMeanColumns);
  }
  if (r.missing.length) {
    out(paint.head(t('evaluations.report.missing')));
    for (const m of r.missing) out(`  ${m.handle}: ${listOf(m.missing.map(partOrKpi))}`);
  } else say(t('evaluations.report.complete'));
}

export async function cycles(ctx: Ctx, flags: { all?: boolean; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const rows = await withDb(ctx, (o) => getCycles(o, flags));
  if (format === 'table' && rows.length === 0) return say(t('evaluations.noCycles'));
  await printList(format, rows, cycleColumns);
}

export async function rewards(ctx: Ctx, flags: { period?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const r = await withDb(ctx, (o) => getRewards(o, flags));
  if (format === 'json') return printJson(r);
  if (r.state === 'open') say(t('evaluations.rewards.provisional', { period: r.period }));
  else if (format === 'table') say(t('evaluations.rewards.head', { period: r.period }));
  await printList(format, r.rows, rewardColumns);
}

export async function rules(ctx: Ctx, flags: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const rows = await withDb(ctx, (o) => getRewardRules(o));
  if (format === 'table' && rows.length === 0) return say(t('evaluations.noRules'));
  await printList(format, rows, ruleColumns);
}
