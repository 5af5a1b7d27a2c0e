/**
 * `team report member`: one person's scorecard for a month, from the other
 * features' public services: role and duties, goals, the KPI trend,
 * training, attendance and open action items.
 */
import { showEvaluation, type EvaluationView } from '../evaluations/public.js';
import { byUrgency, getGoals, type GoalView } from '../goals/public.js';
import { getActions, getAttendance, type ActionItem } from '../meetings/public.js';
import { showMember, showRole, type Member } from '../org/public.js';
import { InputError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';
import { getStatus, type MemberTraining } from '../training/public.js';

export interface Scorecard {
  period: string;
  from: string;
  to: string;
  member: Pick<Member, 'handle' | 'name' | 'role' | 'department' | 'manager' | 'hireDate' | 'shift' | 'status' | 'archived'>;
  duties: string[];
  goals: GoalView[];
  /** The month's evaluation and the trend of the months up to it; null before any evaluation. */
  evaluation: EvaluationView | null;
  trend: { period: string; finalScore: number | null; grade: string | null }[];
  kpiTrend: { name: string; unit: string | null; scores: (number | null)[] }[];
  training: MemberTraining | null;
  attendance: { present: number; late: number; absent: number; excused: number; ratePct: number | null };
  actions: ActionItem[];
}

const lastDay = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export async function getScorecard(o: ServiceOptions, f: { member: string; period: string; months?: number }): Promise<Scorecard> {
  const from = `${f.period}-01`;
  const end = lastDay(f.period);
  const to = end < o.today ? end : o.today < from ? end : o.today;
  return o.db.snapshot(async () => {
    const m = await showMember(o, f.member);
    const duties = m.role === null ? [] : (await showRole(o, m.role)).duties;
    // Open goals, and those closed within the month: what the month was about.
    const goals = (await getGoals(o, { owner: m.handle, all: true })).filter((g) => !g.archivedAt && (g.state === 'open' || (g.closedAt !== null && g.closedAt.slice(0, 10) >= from))).sort(byUrgency);
    let evaluation: EvaluationView | null = null;
    let trend: Scorecard['trend'] = [];
    let kpiTrend: Scorecard['kpiTrend'] = [];
    try {
      const r = await showEvaluation(o, { member: m.handle, period: f.period, trend: f.months ?? 6 });
      evaluation = r.evaluation;
      trend = r.trend?.periods ?? [];
      kpiTrend = (r.trend?.kpis ?? []).map((k) => ({ name: k.name, unit: k.unit, scores: k.scores }));
    } catch (e) {
      // No evaluation of that month (none opened, or the member was not in it): the card says so.
      if (!(e instanceof InputError)) throw e;
    }
    const training = m.archived ? null : ((await getStatus(o, { member: m.handle }))[0] ?? null);
    const att = (await getAttendance(o, { member: m.handle, from, to: to < from ? from : to })).members[0];
    const attendance = att ? { present: att.present, late: att.late, absent: att.absent, excused: att.excused, ratePct: att.ratePct } : { present: 0, late: 0, absent: 0, excused: 0, ratePct: null };
    const actions = await getActions(o, { owner: m.handle, open: true });
    return {
      period: f.period,
      from,
      to: end,
      member: { handle: m.handle, name: m.name, role: m.role, department: m.department, manager: m.manager, hireDate: m.hireDate, shift: m.shift, status: m.status, archived: m.archived },
      duties,
      goals,
      evaluation,
      trend,
      kpiTrend,
      training,
      attendance,
      actions,
    };
  });
}
