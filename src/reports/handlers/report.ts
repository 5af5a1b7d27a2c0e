/** `team report weekly|member|team`: read one service, render in the chosen format, optionally post to chat. */
import { withDb, type Ctx } from '../../cli/context.js';
import { checkDate } from '../../cli/dates.js';
import { printJson, resolveFormat, terminalWidth, type Format } from '../../cli/output.js';
import { emit } from '../../cli/write-out.js';
import { InputError } from '../../shared/errors.js';
import { closestMatch } from '../../shared/match.js';
import { sectionCsv, sectionsMarkdown, sectionsText, type Section } from '../format.js';
import { WEEKLY_SECTIONS, weeklyJson, weeklyJsonSection, weeklySections, weeklyTitle, type WeeklySection } from '../render.js';
import { parseWeek, weekOf } from '../rules/week.js';
import { getWeeklyReport, SECTION_LIMIT } from '../weekly.service.js';
import { getScorecard } from '../member.service.js';
import { getTeamDashboard } from '../team.service.js';
import { dashboardSections, dashboardTitle, scorecardJson, scorecardSections, scorecardTitle } from '../scorecard.render.js';
import { chatOf, postMarkdown, type ChatFlags } from './chat.js';
import type { ChatTarget } from '../chat.service.js';

interface OutputFlags extends ChatFlags {
  json?: boolean;
  format?: string;
  section?: string;
  out?: string;
}

/** The format, and the one section asked for (CSV needs one). */
function outputOf(flags: OutputFlags, sections: readonly string[]): { format: Format; section?: string } {
  const format = resolveFormat(flags);
  if (flags.section !== undefined && !sections.includes(flags.section)) {
    const near = closestMatch(flags.section, sections);
    throw new InputError('reports.err.section', { value: flags.section, sections: near ? [near] : [...sections] });
  }
  if (format === 'csv' && flags.section === undefined) throw new InputError('reports.err.csvSection', { sections: [...sections] });
  return { format, ...(flags.section !== undefined && { section: flags.section }) };
}

/**
 * Prints (or writes) a report of sections in the format asked for; `json` is
 * the report's (or the section's) own shape. The sections are built only for
 * what shows them (JSON alone does not).
 */
async function emitReport(flags: OutputFlags, ctx: Ctx, chat: ChatTarget | undefined, title: string, all: () => Section[], json: unknown, section: string | undefined, format: Format): Promise<void> {
  let built: Section[] | undefined;
  const sections = () => (built ??= section === undefined ? all() : all().filter((s) => s.name === section));
  await emitFormat(flags, title, sections, json, format);
  if (chat) await postMarkdown(ctx, chat, flags, title, sectionsMarkdown(title, sections()));
}

async function emitFormat(flags: OutputFlags, title: string, sections: () => Section[], json: unknown, format: Format): Promise<void> {
  switch (format) {
    case 'json':
      if (flags.out === undefined) return printJson(json);
      return emit(JSON.stringify(json), flags.out);
    case 'csv':
      return emit(await sectionCsv(sections()[0]!), flags.out);
    case 'md':
      return emit(sectionsMarkdown(title, sections()), flags.out);
    case 'table':
      return emit(await sectionsText(title, sections(), flags.out === undefined ? terminalWidth() : undefined), flags.out);
  }
}

export async function weekly(ctx: Ctx, flags: OutputFlags & { week?: string; asOf?: string; dept?: string; all?: boolean }): Promise<void> {
  if (flags.week !== undefined && flags.asOf !== undefined) throw new InputError('reports.err.weekAndAsOf', {});
  if (flags.asOf !== undefined) checkDate('--as-of', flags.asOf);
  const { format, section } = outputOf(flags, WEEKLY_SECTIONS);
  const chat = await chatOf(ctx, flags);
  const week = flags.week !== undefined ? parseWeek(flags.week, ctx.today) : weekOf(flags.asOf ?? ctx.today);
  const r = await withDb(ctx, (o) => getWeeklyReport(o, { week, ...(flags.dept !== undefined && { dept: flags.dept }), ...(!flags.all && { limit: SECTION_LIMIT }) }));
  const json = weeklyJson(r);
  await emitReport(flags, ctx, chat, weeklyTitle(r), () => weeklySections(r), section === undefined ? json : weeklyJsonSection(json, section as WeeklySection), section, format);
}

export async function member(ctx: Ctx, handle: string, flags: OutputFlags & { period?: string }): Promise<void> {
  const { format, section } = outputOf(flags, MEMBER_SECTIONS);
  if (flags.period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(flags.period)) throw new InputError('reports.err.period', { value: flags.period });
  const period = flags.period ?? ctx.today.slice(0, 7);
  const c = await withDb(ctx, (o) => getScorecard(o, { member: handle, period }));
  const json = scorecardJson(c, ctx.today);
  await emitReport(flags, ctx, undefined, scorecardTitle(c), () => scorecardSections(c, ctx.today), section === undefined ? json : (json as Record<string, unknown>)[section === 'kpis' ? 'evaluation' : section === 'profile' ? 'member' : section], section, format);
}

const MEMBER_SECTIONS = ['profile', 'goals', 'kpis', 'training', 'attendance', 'actions'] as const;

export async function team(ctx: Ctx, flags: OutputFlags & { dept?: string; months?: string }): Promise<void> {
  const { format, section } = outputOf(flags, ['departments']);
  if (flags.months !== undefined && !(/^\d{1,2}$/.test(flags.months) && Number(flags.months) >= 2 && Number(flags.months) <= 24)) throw new InputError('reports.err.months', { value: flags.months });
  const d = await withDb(ctx, (o) => getTeamDashboard(o, { ...(flags.dept !== undefined && { dept: flags.dept }), ...(flags.months !== undefined && { months: Number(flags.months) }) }));
  await emitReport(flags, ctx, undefined, dashboardTitle(d), () => dashboardSections(d), section === undefined ? d : d.departments, section, format);
}
