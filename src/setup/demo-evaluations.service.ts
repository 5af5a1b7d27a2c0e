/**
 * The demo's evaluations, relative to today: the month before last and last
 * month closed (last month with self, peer and lead scores, and an appeal
 * that changed a score), this month open with part of its data in. Values are
 * made from each member's level, so that grades run from A to D and ranks
 * differ between months.
 */
import { closeCycle, decideAppealOutcome, getCycleReport, periodOf, previousPeriod, fileAppeal, openCycle, peerScore, recordValue, reviewEvaluation, selfAssess, showEvaluation, type EvaluationView } from '../evaluations/public.js';
import type { Lang } from '../i18n/index.js';
import type { ServiceOptions } from '../shared/service.js';

/** How well each demo member does (0–1), and by how much it moves each month. */
const LEVEL: Readonly<Record<string, readonly [number, number, number]>> = {
  'wang.fang': [0.86, 0.9, 0.88],
  'li.qiang': [0.95, 0.97, 0.9],
  'zhao.min': [0.72, 0.8, 0.78],
  'sun.li': [0.9, 0.82, 0.85],
  'chen.jing': [0.68, 0.74, 0.8],
  'zhou.yang': [0.88, 0.92, 0.9],
  'wu.xue': [0.93, 0.96, 0.94],
  'zheng.hao': [0.78, 0.7, 0.82],
  'xu.lin': [0.6, 0.45, 0.7],
  'he.tao': [0.35, 0.45, 0.5],
  'ma.jun': [0.82, 0.85, 0.8],
  'liu.yan': [0.75, 0.77, 0.86],
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A value scoring about `level` × 100 by the item's own rule (for the days outside any season). */
function valueFor(i: EvaluationView['items'][number], level: number, salt: number): number {
  const l = Math.min(1, Math.max(0, level + ((salt % 5) - 2) * 0.02));
  if (i.bands !== null) {
    // Bands best first: the best band for a top level, the next for a good one, and so on.
    const band = i.bands[l >= 0.9 ? 0 : l >= 0.75 ? 1 : l >= 0.6 ? 2 : 3];
    if (!band) return i.direction === 'lower' ? i.bands[i.bands.length - 1]!.bound + 15 : 0;
    return round1(i.direction === 'lower' ? band.bound - 2 : band.bound + 1);
  }
  if (i.direction === 'within') return round1(l >= 0.85 ? (i.target + i.targetHigh!) / 2 : i.threshold! + (i.target - i.threshold!) * l);
  return round1(i.threshold! + (i.target - i.threshold!) * l);
}

/** The demo members with an evaluation in the period (the newcomer joined only this month or last). */
async function evaluated(o: ServiceOptions, period: string): Promise<string[]> {
  return (await getCycleReport(o, { period })).ranking.map((r) => r.handle).sort((a, b) => Object.keys(LEVEL).indexOf(a) - Object.keys(LEVEL).indexOf(b));
}

async function fill(o: ServiceOptions, period: string, month: number, only?: (handle: string, index: number) => boolean): Promise<void> {
  for (const handle of await evaluated(o, period)) {
    const levels = LEVEL[handle]!;
    const { evaluation } = await showEvaluation(o, { member: handle, period });
    for (const [n, item] of evaluation.items.entries()) {
      if (item.value !== null || (only && !only(handle, n))) continue;
      await recordValue(o, { member: handle, kpi: item.name, value: valueFor(item, levels[month]!, handle.length + n + month), period });
    }
  }
}

/** The demo's words, in the team's language. */
const TEXT: Record<Lang, { self: string; lead: string; adjust: string; appeal: string; csat: string; decision: string }> = {
  zh: { self: '大促期间按时完成分内工作', lead: '双11 响应又快又稳', adjust: '双11 支援售后', appeal: '满意度漏计了月底的好评', csat: '客户满意度', decision: '补录后满意度 96%' },
  en: { self: 'Did my part on time through the promotion', lead: 'Fast and steady replies through Double 11', adjust: 'Helped after-sale during Double 11', appeal: 'Satisfaction left out the good reviews at the end of the month', csat: 'Customer satisfaction', decision: 'Satisfaction 96% once they were counted' },
};

export async function buildDemoEvaluations(o: ServiceOptions, lang: Lang): Promise<void> {
  const go = { ...o, actor: 'demo' };
  const now = periodOf(o.today);
  const [older, last, current] = [previousPeriod(previousPeriod(now)), previousPeriod(now), now].map((p) => p.period) as [string, string, string];
  const say = TEXT[lang];
  // The month before last: KPIs only, closed.
  await openCycle(go, { period: older });
  await fill(go, older, 0);
  await closeCycle(go, { period: older });
  // Last month: KPI 70 %, self, peer and lead 10 % each; an appeal changed a score.
  await openCycle(go, { period: last, weights: { kpi: 70, self: 10, peer: 10, lead: 10 } });
  await fill(go, last, 1);
  const handles = await evaluated(go, last);
  for (const [n, h] of handles.entries()) {
    const level = LEVEL[h]![1];
    await selfAssess(go, { member: h, period: last, score: Math.min(100, Math.round(level * 100 + 4)), ...(n % 3 === 0 && { comment: say.self }) });
    await peerScore(go, { member: h, by: handles[(n + 1) % handles.length]!, score: Math.round(level * 100), period: last });
    await reviewEvaluation(go, { member: h, period: last, score: Math.round(level * 100 - 2), ...(h === 'wu.xue' && { comment: say.lead, adjust: 2, reason: say.adjust }) });
  }
  await closeCycle(go, { period: last });
  await fileAppeal(go, { member: 'zheng.hao', period: last, reason: say.appeal });
  await recordValue(go, { member: 'zheng.hao', kpi: say.csat, value: 96, period: last });
  await decideAppealOutcome(go, { member: 'zheng.hao', period: last, outcome: 'changed', note: say.decision });
  // This month: open, about half of the values in.
  await openCycle(go, { period: current, weights: { kpi: 70, self: 10, peer: 10, lead: 10 } });
  await fill(go, current, 2, (h, n) => (h.length + n) % 2 === 0);
}
