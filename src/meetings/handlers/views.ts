import { t } from '../../i18n/index.js';
import { InputError } from '../../shared/errors.js';
import { homeZone, withDb, type Ctx } from '../../cli/context.js';
import { checkDate } from '../../cli/dates.js';
import { out, paint, printJson, printList, resolveFormat, say, terminalWidth } from '../../cli/output.js';
import { attendanceColumns, attendanceText, attendeesText, kindText, meetingColumns, rateText, ruleText, timeRange, upcomingColumns } from '../render.js';
import { getAttendance, getDay } from '../minutes.service.js';
import type { ActionItem } from '../rules/meeting.js';
import { getAgenda, getMeetings, getUpcoming, showMeeting, type MeetingDetail } from '../views.service.js';

/** A whole number in a range, checked by hand (list commands stay free of zod for start-up time). */
export function wholeInRange(field: string, value: string, max: number, key: 'meetings.err.badDays'): number {
  if (!/^\s*\d{1,6}\s*$/.test(value) || Number(value) < 1 || Number(value) > max) throw new InputError(key, { field, value });
  return Number(value);
}

export async function list(ctx: Ctx, flags: { json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const meetings = await withDb(ctx, (o) => getMeetings(o));
  if (format === 'table' && meetings.length === 0) return say(t('meetings.noMeetings'));
  await printList(format, meetings, meetingColumns(format === 'table' ? homeZone(ctx) : undefined), meetings.map((m) => ({ ...m, ruleText: ruleText(m.rrule, m.time) })));
}

export async function show(ctx: Ctx, ref: string, flags: { json?: boolean }): Promise<void> {
  const m = await withDb(ctx, (o) => showMeeting(o, ref));
  if (flags.json) return printJson({ ...m, ruleText: ruleText(m.rrule, m.time) });
  out(await renderDetail(m));
}

async function renderDetail(m: MeetingDetail): Promise<string> {
  const { renderFields, renderTable } = await import('../../cli/table.js');
  const width = terminalWidth();
  const parts: string[] = [];
  parts.push(
    renderFields(
      [
        ['col.id', `#${m.id}`],
        ['meetings.col.title', m.title],
        ['meetings.col.kind', kindText(m.kind)],
        ['meetings.col.rule', m.ended ? `${t('meetings.ended')} (${m.until})` : ruleText(m.rrule, m.time, m.zone)],
        ['meetings.col.duration', String(m.durationMin)],
        ['meetings.col.attendees', attendeesText(m)],
        ...(m.facilitator ? ([['meetings.col.facilitator', m.facilitator]] as const) : []),
        ...(m.place ? ([['meetings.col.place', m.place]] as const) : []),
        ['meetings.col.from', m.firstDate],
        ...(m.until ? ([['meetings.col.until', m.until]] as const) : []),
        ['meetings.col.openActions', String(m.openActions)],
      ],
      { width },
    ),
  );
  if (m.agenda.length) parts.push(`${paint.head(t('meetings.heading.agenda'))}\n${m.agenda.map((a, i) => `  ${i + 1}. ${a}`).join('\n')}`);
  if (m.upcoming.length) {
    parts.push(`${paint.head(t('meetings.heading.upcoming'))}\n${m.upcoming.map((o) => `  ${o.date} ${timeRange(o.time, o.durationMin)}${o.movedFrom ? `  (${t('meetings.movedFrom', { date: o.movedFrom })})` : ''}`).join('\n')}`);
  }
  if (m.schedules.length > 1) {
    parts.push(`${paint.head(t('meetings.heading.schedules'))}\n${await renderTable(m.schedules, [
      { header: 'meetings.col.from', value: (v) => v.validFrom },
      { header: 'meetings.col.until', value: (v) => v.validUntil },
      { header: 'meetings.col.rule', value: (v) => ruleText(v.rrule, v.time, v.zone), wrap: 40 },
      { header: 'meetings.col.duration', value: (v) => v.durationMin, align: 'right' },
    ], { width })}`);
  }
  const upcomingExceptions = m.exceptions.filter((e) => e.occursOn >= (m.next?.date ?? '') || (e.movedTo ?? '') >= (m.next?.date ?? ''));
  if (upcomingExceptions.length) {
    parts.push(`${paint.head(t('meetings.heading.exceptions'))}\n${upcomingExceptions.map((e) => `  ${e.occursOn}  ${e.kind === 'skip' ? t('meetings.exception.skip') : t('meetings.exception.move', { date: e.movedTo!, time: e.movedTime ?? m.time })}`).join('\n')}`);
  }
  const last = m.lastMinutes;
  if (last) {
    const lines = [paint.head(t('meetings.heading.lastMinutes', { date: last.date }))];
    if (last.notes) lines.push(`  ${last.notes}`);
    const counts = (['present', 'late', 'absent', 'excused'] as const).map((s) => ({ s, who: last.attendance.filter((a) => a.status === s) })).filter((c) => c.who.length > 0);
    const who = counts.map((c) => `${attendanceText(c.s)} ${c.who.length}${c.s === 'present' ? '' : ` (${c.who.map((a) => a.handle).join(t('list.separator'))})`}`).join(' · ');
    lines.push(`  ${t('meetings.labelled', { label: t('meetings.heading.attendance'), value: who })}`);
    if (last.decisions.length) lines.push(`  ${t('meetings.labelled', { label: t('meetings.heading.decisions'), value: '' }).trimEnd()}`, ...last.decisions.map((d, i) => `    ${i + 1}. ${d}`));
    if (last.actions.length) lines.push(`  ${t('meetings.labelled', { label: t('meetings.heading.actions'), value: '' }).trimEnd()}`, ...last.actions.map((a) => `    ${actionLine(a)}`));
    parts.push(lines.join('\n'));
  }
  return parts.join('\n');
}

/** "#3 zhou.yang: 整理差评回复模板 [2026-12-09]". */
const actionLine = (a: ActionItem) => `#${a.id} ${a.owner}: ${a.text}${a.due ? ` [${a.due}]` : ''}`;

interface UpcomingFlags {
  days?: string;
  member?: string;
  dept?: string;
  json?: boolean;
  format?: string;
}

export async function upcoming(ctx: Ctx, flags: UpcomingFlags): Promise<void> {
  const format = resolveFormat(flags);
  const days = flags.days === undefined ? 7 : wholeInRange('--days', flags.days, 366, 'meetings.err.badDays');
  const items = await withDb(ctx, (o) => getUpcoming(o, { days, member: flags.member, dept: flags.dept }));
  if (format === 'table' && items.length === 0) return say(t('meetings.noUpcoming', { days }));
  await printList(format, items, upcomingColumns(format === 'table' ? homeZone(ctx) : undefined));
}

export async function agenda(ctx: Ctx, ref: string, flags: { date?: string; json?: boolean }): Promise<void> {
  if (flags.date !== undefined) checkDate('--date', flags.date);
  const a = await withDb(ctx, (o) => getAgenda(o, ref, flags.date));
  if (flags.json) return printJson(a);
  const lines = [paint.bold(`${a.title} · ${a.date} ${a.time}`), paint.head(t('meetings.heading.agenda')), ...(a.items.length ? a.items.map((x, i) => `  ${i + 1}. ${x}`) : [`  ${t('meetings.none')}`])];
  if (a.carried.length) lines.push(paint.head(t('meetings.heading.carried')), ...a.carried.map((c) => `  ${actionLine(c)}${c.due && c.due < a.date ? paint.bad(t('meetings.overdue')) : ''}`));
  if (a.lastDecisions && a.lastDecisions.decisions.length) lines.push(paint.head(t('meetings.heading.lastDecisions', { date: a.lastDecisions.date })), ...a.lastDecisions.decisions.map((d, i) => `  ${i + 1}. ${d}`));
  out(lines.join('\n'));
}

export async function day(ctx: Ctx, flags: { date?: string; member?: string; json?: boolean }): Promise<void> {
  if (flags.date !== undefined) checkDate('--date', flags.date);
  const d = await withDb(ctx, (o) => getDay(o, flags));
  if (flags.json) return printJson(d);
  if (d.members.length === 0 && d.problems.length === 0) return say(t('meetings.noPlans', { date: d.date }));
  const mark = (done: boolean | null) => (done === true ? paint.ok('✓') : done === false ? paint.bad('✗') : paint.dim('·'));
  const lines = [paint.head(t('meetings.heading.day', { date: d.date, done: d.done, planned: d.planned, rate: rateText(d.completionPct) || '—' }))];
  for (const m of d.members) {
    lines.push(paint.bold(`${m.name} (${m.handle})  ${m.done}/${m.planned}${m.completionPct === null ? '' : `  ${m.completionPct}%`}${m.pending > 0 ? `  ${paint.dim(t('meetings.pending'))}` : ''}`));
    for (const i of m.items) lines.push(`  ${mark(i.done)} ${i.position}. ${i.text}`);
    for (const p of m.problems) lines.push(`  ${paint.warn('!')} ${p}`);
  }
  if (d.problems.length) lines.push(paint.head(t('meetings.heading.problems')), ...d.problems.map((p) => `  ${paint.warn('!')} ${p}`));
  if (d.carry.length) lines.push(paint.head(t('meetings.heading.carry')), ...d.carry.map((c) => `  ${c.handle}: ${c.text}`));
  out(lines.join('\n'));
}

export async function attendance(ctx: Ctx, flags: { from?: string; to?: string; member?: string; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  if (flags.from !== undefined) checkDate('--from', flags.from);
  if (flags.to !== undefined) checkDate('--to', flags.to);
  const r = await withDb(ctx, (o) => getAttendance(o, flags));
  if (format === 'json') return printJson(r);
  if (format === 'table' && r.members.length === 0) return say(t('meetings.noAttendance', { from: r.from, to: r.to }));
  await printList(format, r.members, attendanceColumns);
}
