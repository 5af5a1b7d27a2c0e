/**
 * `team remind`: everything due in a window from now, from the other
 * features' public services. Bounded like the report: what is overdue and
 * what is due is counted and cut at `limit`; meetings and classes are what
 * the window holds.
 */
import { getEvaluationDigest, periodOf, previousPeriod } from '../evaluations/public.js';
import { getGoalWindow, type GoalView } from '../goals/public.js';
import { getActionDigest, getUpcoming } from '../meetings/public.js';
import { resolveMemberId } from '../org/public.js';
import { addDays } from '../shared/dates.js';
import type { ServiceOptions } from '../shared/service.js';
import { getTrainingDigest } from '../training/public.js';
import { sortReminders, windowDays, type RemindItem, type RemindKind } from './rules/remind.js';

export interface Reminders {
  /** The window: from now for `hours`; date items from today to `to`. */
  now: string;
  until: string;
  from: string;
  to: string;
  hours: number;
  member: string | null;
  items: RemindItem[];
  /** Overdue items left out (the limit), by kind. */
  more: Partial<Record<RemindKind, number>>;
}

const day = (kind: RemindKind, date: string, title: string, owner: string | null, ref: string, overdue: boolean, detail: RemindItem['detail'] = {}): RemindItem => ({ kind, date, time: null, startsAt: null, endsAt: null, zone: null, title, owner, overdue, ref, detail });
const goalDetail = (g: GoalView) => ({ status: g.status, progressPct: g.progressPct, due: g.due });

export async function getReminders(o: ServiceOptions, f: { hours: number; member?: string; limit?: number }): Promise<Reminders> {
  const days = windowDays(f.hours);
  const to = addDays(o.today, days - 1);
  const until = new Date(o.now.getTime() + f.hours * 3_600_000);
  const limit = f.limit;
  return o.db.snapshot(async (q) => {
    const member = f.member;
    if (member !== undefined) await resolveMemberId(q, member);
    const who = member === undefined ? {} : { member };
    const items: RemindItem[] = [];
    const more: Partial<Record<RemindKind, number>> = {};

    // Meetings starting from now within the window, with the actions they carry.
    for (const x of await getUpcoming(o, { from: o.today, days: days + 1, ...who })) {
      const at = Date.parse(x.startsAt);
      if (at < o.now.getTime() || at > until.getTime()) continue;
      items.push({ kind: 'meeting', date: x.date, time: x.time, startsAt: x.startsAt, endsAt: x.endsAt, zone: x.zone, title: x.title, owner: x.facilitator, overdue: false, ref: `meeting ${x.meetingId} ${x.occursOn}`, detail: { durationMin: x.durationMin, carriedActions: x.carriedActions, place: x.place, movedFrom: x.movedFrom } });
    }

    // Goals: due in the window, past due (counted, the first `limit`), and stale ones in play.
    const goals = await getGoalWindow(o, { ...(member !== undefined && { owner: member }), from: o.today, to, due: { from: o.today, to }, ...(limit !== undefined && { limit }) });
    const dueIds = new Set(goals.due.items.map((g) => g.id));
    for (const g of goals.due.items) items.push(day('goalDue', g.due!, g.title, g.owner, `goal ${g.id}`, false, goalDetail(g)));
    if (goals.due.total > goals.due.items.length) more.goalDue = goals.due.total - goals.due.items.length;
    for (const g of goals.stale.items) if (!dueIds.has(g.id)) items.push(day('goalStale', o.today, g.title, g.owner, `goal ${g.id}`, false, { ...goalDetail(g), lastCheckinDate: g.lastCheckinDate }));
    if (goals.stale.total > goals.stale.items.length) more.goalStale = goals.stale.total - goals.stale.items.length;
    for (const g of goals.overdue.items) items.push(day('goalOverdue', g.due!, g.title, g.owner, `goal ${g.id}`, true, goalDetail(g)));
    if (goals.overdue.total > goals.overdue.items.length) more.goalOverdue = goals.overdue.total - goals.overdue.items.length;

    // Action items due in the window, and overdue: each counted, the first `limit` listed.
    const actions = await getActionDigest(o, { ...(member !== undefined && { owner: member }), due: { from: o.today, to }, open: false, ...(limit !== undefined && { limit }) });
    for (const a of actions.due.items) items.push(day('actionDue', a.due!, a.text, a.owner, `action ${a.id}`, false, { meeting: a.meeting }));
    if (actions.due.total > actions.due.items.length) more.actionDue = actions.due.total - actions.due.items.length;
    for (const a of actions.overdue.items) items.push(day('actionOverdue', a.due!, a.text, a.owner, `action ${a.id}`, true, { meeting: a.meeting }));
    if (actions.overdue.total > actions.overdue.items.length) more.actionOverdue = actions.overdue.total - actions.overdue.items.length;

    // Training: classes in the window, rounds due in it, overdue rounds (refreshers among them).
    const training = await getTrainingDigest(o, { from: o.today, to: addDays(o.today, days), ...who, only: 'open', ...(limit !== undefined && { limit }) });
    for (const s of training.sessions) {
      const local = `${s.date}T${s.time}`;
      if (s.date > addDays(o.today, days) || local < `${o.today}T00:00`) continue;
      items.push({ kind: 'session', date: s.date, time: s.time, startsAt: null, endsAt: null, zone: s.timeZone, title: s.course, owner: s.trainer, overdue: false, ref: `session ${s.id}`, detail: { durationMin: s.durationMin, place: s.place } });
    }
    if (training.due.total > training.due.items.length) more.trainingDue = training.due.total - training.due.items.length;
    for (const r of training.due.items.filter((x) => x.date <= to)) items.push(day('trainingDue', r.date, r.course, r.member, `training ${r.member} ${r.course}`, false, { source: r.source, status: r.status }));
    for (const r of training.overdue.items) items.push(day('trainingOverdue', r.date, r.course, r.member, `training ${r.member} ${r.course}`, true, { source: r.source, status: r.status }));
    if (training.overdue.total > training.overdue.items.length) more.trainingOverdue = training.overdue.total - training.overdue.items.length;

    // Evaluations: an open month that ends within the window, with what it still lacks.
    const e = await getEvaluationDigest(o, { period: o.today.slice(0, 7), ...who, only: 'open' });
    const c = e.current;
    if (c !== null && c.state === 'open' && c.evaluations > 0 && c.to <= to) {
      items.push(day('evaluation', c.to, c.period, member ?? null, `cycle ${c.period}`, false, { evaluations: c.evaluations, missingValues: c.missingValues, missingSelf: c.weights.self > 0 ? c.missingSelf : 0, missingPeer: c.weights.peer > 0 ? c.missingPeer : 0, missingLead: c.weights.lead > 0 ? c.missingLead : 0 }));
    }
    // Last month left open after it ended is overdue to close.
    const prev = (await getEvaluationDigest(o, { period: previousPeriod(periodOf(o.today)).period, ...who, only: 'open' })).current;
    if (prev !== null && prev.state === 'open' && prev.evaluations > 0) items.push(day('evaluation', prev.to, prev.period, member ?? null, `cycle ${prev.period}`, true, { evaluations: prev.evaluations, missingValues: prev.missingValues, missingSelf: prev.weights.self > 0 ? prev.missingSelf : 0, missingPeer: prev.weights.peer > 0 ? prev.missingPeer : 0, missingLead: prev.weights.lead > 0 ? prev.missingLead : 0 }));

    return { now: o.now.toISOString(), until: until.toISOString(), from: o.today, to, hours: f.hours, member: member ?? null, items: sortReminders(items), more };
  });
}
