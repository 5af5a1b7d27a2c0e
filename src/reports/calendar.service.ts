/**
 * The team's calendar as events (`team export ics`): the meeting series as
 * recurring events, training sessions, and goal deadlines as all-day events.
 * Read through meetings', training's, goals' and org's public.ts only.
 *
 * UIDs are made of the rows' ids ('meeting-3-v7@team', 'session-12@team',
 * 'goal-40@team'), so every export of the same database names an event the
 * same and a calendar app updates it instead of adding a copy.
 */
import { t } from '../i18n/index.js';
import { getCalendarSeries, type CalendarSeries, type CalendarVersion } from '../meetings/public.js';
import { getGoals, type GoalView } from '../goals/public.js';
import { getMemberById, listAllDepartments, resolveMemberId } from '../org/public.js';
import { getSessions, type Session } from '../training/public.js';
import { addDays } from '../shared/dates.js';
import type { ServiceOptions } from '../shared/service.js';
import type { IcsEvent } from './ics.js';

/** The fixed part of every UID: the same on every machine. */
export const UID_DOMAIN = 'team';
/** Training sessions and goal deadlines of the last days stay in the calendar: a subscribed calendar drops what leaves the feed. */
export const RECENT_DAYS = 90;

export interface Calendar {
  /** The calendar's name, in the reader's language. */
  name: string;
  events: IcsEvent[];
}

/**
 * Every meeting series (for `member`, those that expect them), the training
 * sessions from RECENT_DAYS ago on (for `member`, those they are invited to),
 * and the deadlines of open goals due from RECENT_DAYS ago on: the team's and
 * the departments' goals, or the member's own. Not every member's goals: a
 * team of 2,000 with a goal per member and month would put 24,000 deadlines in
 * everyone's calendar; a member exports their own with --member.
 */
export async function getCalendar(o: ServiceOptions, f: { member?: string }): Promise<Calendar> {
  const member = f.member === undefined ? undefined : await getMemberById(o.db, await resolveMemberId(o.db, f.member));
  const handle = member?.handle;
  const since = addDays(o.today, -RECENT_DAYS);
  const series = await getCalendarSeries(o, handle === undefined ? {} : { member: handle });
  const sessions = await getSessions(o, { from: since, ...(handle !== undefined && { member: handle }) });
  const goals: GoalView[] = [];
  const owners = handle !== undefined ? [handle] : ['team', ...(await listAllDepartments(o.db)).map((d) => d.name)];
  for (const owner of owners) goals.push(...(await getGoals(o, { owner, dueAfter: since })));
  const events = [...series.flatMap(meetingEvents), ...sessions.map(sessionEvent), ...goals.filter((g) => g.due !== null && g.state === 'open' && !g.draft).map(goalEvent)];
  return { name: member ? t('reports.ics.nameMember', { name: member.name, handle: member.handle }) : t('reports.ics.name'), events };
}

/** '2026-11-23T01:00:00.000Z' as an RRULE's UNTIL: '20261123T010000Z'. */
function utcText(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * A series: one recurring event per schedule version (from its first
 * occurrence, until its last possible one), its skipped occurrences as
 * EXDATE, and each moved occurrence as an event of the same UID with the
 * RECURRENCE-ID of its original date and time. A moved occurrence is not an
 * EXDATE too: it replaces the instance its RECURRENCE-ID names, which an
 * EXDATE would remove from the set (and calendar apps then drop the override).
 */
function meetingEvents(s: CalendarSeries): IcsEvent[] {
  return s.versions.flatMap((v) => {
    const uid = `meeting-${s.id}-v${v.id}@${UID_DOMAIN}`;
    const base = { uid, summary: s.title, zone: v.zone, durationMin: v.durationMin, lastModified: s.updatedAt, ...(s.place !== null && { location: s.place }), ...(s.facilitator !== null && { description: t('reports.ics.facilitator', { handle: s.facilitator }) }) };
    const at = (date: string, time = v.time) => `${date}T${time}`;
    const moves = v.moved.map((m): IcsEvent => ({ ...base, start: at(m.date, m.time), recurrenceId: at(m.occursOn) }));
    if (v.firstDate === v.lastDate) {
      // One date only: an event, no rule (skipped: none; moved: where it went).
      if (v.skipped.includes(v.firstDate)) return [];
      const move = v.moved.find((m) => m.occursOn === v.firstDate);
      return [{ ...base, start: move ? at(move.date, move.time) : at(v.firstDate) }];
    }
    const master: IcsEvent = { ...base, start: at(v.firstDate), rrule: rruleOf(v), ...(v.skipped.length > 0 && { exdates: v.skipped.map((d) => at(d)) }) };
    return [master, ...moves];
  });
}

/** The version's rule as the calendar needs it: ending at the instant of its last possible occurrence. */
function rruleOf(v: CalendarVersion): string {
  return v.untilAt === null ? v.pattern : `${v.pattern};UNTIL=${utcText(v.untilAt)}`;
}

function sessionEvent(s: Session): IcsEvent {
  return {
    uid: `session-${s.id}@${UID_DOMAIN}`,
    summary: t('reports.ics.session', { course: s.course }),
    start: `${s.date}T${s.time}`,
    zone: s.timeZone,
    durationMin: s.durationMin,
    lastModified: s.attendedAt ?? s.createdAt,
    ...(s.place !== null && { location: s.place }),
    ...(s.trainer !== null && { description: t('reports.ics.trainer', { trainer: s.trainer }) }),
  };
}

function goalEvent(g: GoalView): IcsEvent {
  return {
    uid: `goal-${g.id}@${UID_DOMAIN}`,
    summary: t('reports.ics.due', { title: g.title }),
    description: t('reports.ics.goalOwner', { id: g.id, owner: g.ownerName ?? g.owner }),
    start: g.due!,
    allDay: true,
    lastModified: g.updatedAt,
  };
}
