/** How reminders read: one line an item for cron mail and terminals, Markdown bullets for chat. */
import { paint } from '../cli/output.js';
import { statusText } from '../goals/ui.js';
import type { GoalStatus } from '../goals/public.js';
import { t, type MessageKey } from '../i18n/index.js';
import type { RemindItem, RemindKind } from './rules/remind.js';
import type { Reminders } from './remind.service.js';

const KIND_KEY: Record<RemindKind, MessageKey> = {
  evaluation: 'reports.remind.evaluation',
  goalOverdue: 'reports.remind.goalOverdue',
  actionOverdue: 'reports.remind.actionOverdue',
  trainingOverdue: 'reports.remind.trainingOverdue',
  meeting: 'reports.remind.meeting',
  session: 'reports.remind.session',
  goalDue: 'reports.remind.goalDue',
  actionDue: 'reports.remind.actionDue',
  trainingDue: 'reports.remind.trainingDue',
  goalStale: 'reports.remind.goalStale',
};

/** The facts after the title: "15 min · 2 carried actions", "60% · at risk". */
function detailText(i: RemindItem): string {
  const d = i.detail;
  const parts: string[] = [];
  if (typeof d.durationMin === 'number') parts.push(t('reports.remind.minutes', { n: d.durationMin }));
  if (typeof d.place === 'string' && d.place !== '') parts.push(d.place);
  if (typeof d.carriedActions === 'number' && d.carriedActions > 0) parts.push(t('reports.remind.carried', { n: d.carriedActions }));
  if (typeof d.movedFrom === 'string') parts.push(t('reports.remind.moved', { date: d.movedFrom }));
  if (typeof d.progressPct === 'number') parts.push(`${Math.round(d.progressPct)}%`);
  if (typeof d.status === 'string' && i.kind.startsWith('goal')) parts.push(statusText(d.status as GoalStatus));
  if (typeof d.lastCheckinDate === 'string') parts.push(t('reports.remind.lastCheckin', { date: d.lastCheckinDate }));
  if (i.kind === 'evaluation') {
    if (Number(d.missingValues) > 0) parts.push(t('reports.eval.missingValues', { n: Number(d.missingValues) }));
    if (Number(d.missingSelf) > 0) parts.push(t('reports.eval.missingSelf', { n: Number(d.missingSelf) }));
    if (Number(d.missingPeer) > 0) parts.push(t('reports.eval.missingPeer', { n: Number(d.missingPeer) }));
    if (Number(d.missingLead) > 0) parts.push(t('reports.eval.missingLead', { n: Number(d.missingLead) }));
  }
  return parts.join(' · ');
}

const whenText = (i: RemindItem) => `${i.date.slice(5)} ${i.time ?? '     '}`;
const whoText = (i: RemindItem) => (i.owner === null ? '' : ` (${i.owner})`);

/** One item in words: "Goal due: GMV 20% (sun.li) · 60% · at risk". */
export function itemText(i: RemindItem): string {
  const detail = detailText(i);
  return `${t(KIND_KEY[i.kind])}${t('reports.ppp.colon')}${i.title}${whoText(i)}${detail === '' ? '' : ` · ${detail}`}`;
}

function moreLines(r: Reminders): string[] {
  return (Object.entries(r.more) as [RemindKind, number][]).map(([k, n]) => t('reports.remind.more', { n, kind: t(KIND_KEY[k]) }));
}

/** 24 → "24 hours", 168 → "7 days", 336 → "14 days". */
const windowText = (hours: number) => (hours % 24 === 0 ? t('reports.remind.days', { n: hours / 24 }) : t('reports.remind.hours', { n: hours }));

export function remindTitle(r: Reminders): string {
  return t(r.member === null ? 'reports.remind.title' : 'reports.remind.titleMember', { window: r.hours === 24 ? t('reports.remind.hours', { n: 24 }) : windowText(r.hours), from: r.from, to: r.to, member: r.member ?? '' });
}

/** Wrapping for a terminal: the width and the tables' wrapper (loaded only then). */
export interface TextFit {
  width: number;
  wrap: (text: string, width: number) => string;
}

/**
 * Plain lines (colour only on a terminal): the title, then "12-01 09:00  Meeting: …".
 * With `fit` (a terminal), a long item wraps under its own text, clear of the date column.
 */
export function remindText(r: Reminders, fit?: TextFit): string {
  const lines = r.items.flatMap((i) => {
    // "12-01 09:00  " (ASCII: its length is its width), then the text; wrapped lines go under the text.
    const head = `${whenText(i)}  `;
    const text = itemText(i);
    const parts = fit ? fit.wrap(text, Math.max(fit.width - head.length, 20)).split('\n') : [text];
    return parts.map((part, k) => {
      const line = `${k === 0 ? head : ' '.repeat(head.length)}${part}`;
      return i.overdue ? paint.bad(line) : line;
    });
  });
  return [paint.head(remindTitle(r)), ...lines, ...moreLines(r)].join('\n');
}

/** Markdown for chat: a heading and one bullet an item, the overdue in bold. */
export function remindMarkdown(r: Reminders): string {
  const esc = (s: string) => s.replace(/([*_`[\]])/g, '\\$1');
  const lines = r.items.map((i) => {
    const line = `${whenText(i).trim()} ${esc(itemText(i))}`;
    return i.overdue ? `- **${line}**` : `- ${line}`;
  });
  return [`### ${esc(remindTitle(r))}`, ...lines, ...moreLines(r).map((l) => `- ${esc(l)}`)].join('\n');
}
