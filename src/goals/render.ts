/** How goals look to people: quantities, progress bars, status labels, tables. */
import type { GoalStatus } from './rules/evaluate.js';
import type { GoalView } from './rules/goal.js';
import type { GoalTreeNode } from './view.service.js';
import type { SmartReport } from './rules/smart.js';
import { t, type MessageKey } from '../i18n/index.js';
import { DIRECTION_LABEL, HISTORY_FIELD_LABEL, horizonKey, STATE_LABEL, STATUS_LABEL, TERM_LABEL } from './labels.js';
import { paint, renderTree, type Column } from '../cli/output.js';
import { formatDecimal } from '../shared/numbers.js';

const PREFIX_UNITS = new Set(['¥', '￥', '$', '€', '£']);

/**
 * A value with its unit: ¥33,333.34 · 95% · 30 s · 120 单.
 * @example formatQuantity(100000, '¥', 2) // '¥100,000'
 */
export function formatQuantity(value: number | null, unit: string | null, decimals: number): string {
  if (value === null) return '';
  // As Intl.NumberFormat writes it in en-US and zh-CN alike (the same marks), without loading ICU.
  const n = formatDecimal(value, decimals);
  if (!unit) return n;
  if (PREFIX_UNITS.has(unit)) return value < 0 ? `-${unit}${n.slice(1)}` : `${unit}${n}`;
  if (unit === '%' || unit === '％') return `${n}%`;
  return `${n} ${unit}`;
}

/** ██████░░░░ 60% (clamped bar, true percentage). */
export function progressBar(pct: number | null, width = 10): string {
  if (pct === null) return '';
  const filled = Math.round((Math.max(0, Math.min(100, pct)) / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(pct)}%`;
}

/** A stored horizon in words (a custom one as typed). */
export function horizonText(h: string): string {
  const key = horizonKey(h);
  return key ? t(key) : h;
}

/** The status in words, without colour (CSV, Markdown). */
export function statusText(status: GoalStatus, stale = false): string {
  return t(STATUS_LABEL[status]) + (stale ? ` · ${t('goals.stale')}` : '');
}

/** The status in words, coloured by how it stands. */
export function statusLabel(status: GoalStatus, stale = false): string {
  const label = statusText(status, stale);
  switch (status) {
    case 'on-track':
    case 'done':
      return paint.ok(label);
    case 'at-risk':
      return paint.warn(label);
    case 'off-track':
    case 'missed':
      return paint.bad(label);
    default:
      return paint.dim(label);
  }
}

export function ownerLabel(g: Pick<GoalView, 'ownerType' | 'owner' | 'ownerName'>): string {
  if (g.ownerType === 'team') return t('goals.team');
  return g.ownerType === 'member' && g.ownerName ? `${g.ownerName} (${g.owner})` : g.owner;
}

export const goalColumns: Column<GoalView>[] = [
  { header: 'col.id', value: (g) => g.id, align: 'right' },
  { header: 'goals.col.goal', value: (g) => g.title, wrap: 36 },
  { header: 'goals.col.owner', value: ownerLabel, priority: 3 },
  { header: 'goals.col.target', value: (g) => formatQuantity(g.target, g.unit, g.decimals), plain: (g) => g.target, align: 'right', priority: 6 },
  { header: 'goals.col.value', value: (g) => formatQuantity(g.value, g.unit, g.decimals), plain: (g) => g.value, align: 'right', priority: 5 },
  { header: 'goals.col.progress', value: (g) => progressBar(g.progressPct), plain: (g) => (g.progressPct === null ? '' : `${g.progressPct}%`), priority: 2 },
  { header: 'goals.col.goalStatus', value: (g) => statusLabel(g.status, g.stale), plain: (g) => statusText(g.status, g.stale), priority: 1 },
  { header: 'goals.col.due', value: (g) => g.due, priority: 4 },
];

/** One translated line per SMART finding, letter first. */
export function smartLines(report: SmartReport): string[] {
  return report.findings.map((f) => t(f.code, f.params));
}

/** SMART findings with their translated message, for --json. */
export function smartJson(report: SmartReport) {
  return { ...report, findings: report.findings.map((f) => ({ ...f, message: t(f.code, f.params) })) };
}

/** The cascade as an indented tree, one goal a line with its progress bar. */
export function renderGoalTree(roots: readonly GoalTreeNode[]): string {
  const label = (g: GoalView) =>
    `${paint.dim(`#${g.id}`)} ${g.title}  ${progressBar(g.progressPct)}  ${formatQuantity(g.value, g.unit, g.decimals) || '–'} / ${formatQuantity(g.target, g.unit, g.decimals)}  ${statusLabel(g.status, g.stale)}`;
  return renderTree(roots, label, (g) => g.children);
}

/**
 * One audit-trail value in the reader's language: states, directions,
 * horizons and terms by their labels, amounts with the goal's unit, and the
 * recorded events ("split from #14", "waived: owner archived") in words.
 */
export function historyValue(field: string, value: string | null, goal: { unit: string | null; decimals: number }): string {
  if (value === null) return '∅';
  const n = Number(value);
  if ((field === 'target' || field === 'baseline' || field === 'finalValue') && value !== '' && Number.isFinite(n)) return formatQuantity(n, goal.unit, goal.decimals);
  const enumKey = (map: Record<string, MessageKey>, v: string) => (Object.hasOwn(map, v) ? t(map[v]!) : v);
  if (field === 'state' || (field === 'created' && (value === 'open' || value === 'draft'))) return value === 'draft' ? t('goals.status.draft') : enumKey(STATE_LABEL, value);
  if (field === 'direction') return enumKey(DIRECTION_LABEL, value);
  if (field === 'horizon') return horizonText(value);
  if (field === 'term') return enumKey(TERM_LABEL, value);
  if (field === 'draft') return value === 'true' ? t('goals.history.yes') : t('goals.history.no');
  const splitFrom = /^split from #(\d+)$/.exec(value);
  if (splitFrom) return t('goals.history.splitFrom', { id: splitFrom[1]! });
  const archivedWith = /^with #(\d+)$/.exec(value);
  if (archivedWith) return t('goals.history.with', { id: archivedWith[1]! });
  if (field === 'archived' && value === 'archived') return t('goals.history.archived');
  if (value === 'waived: owner archived') return t('goals.history.waived');
  return value;
}

/** An audit-trail field in the reader's language. */
export function historyField(field: string): string {
  const key = HISTORY_FIELD_LABEL[field];
  return key ? t(key) : field;
}
