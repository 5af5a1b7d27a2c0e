/**
 * `team report team`: a dashboard per department over the last months:
 * goal attainment (goals due in each month), meeting attendance and the mean
 * locked KPI score, each a series for a sparkline; plus where it stands now.
 */
import { getKpiScores } from '../evaluations/public.js';
import { getGoals, type GoalView } from '../goals/public.js';
import { getActions, getAttendance } from '../meetings/public.js';
import { getActiveMembers, listAllDepartments, resolveDepartmentId } from '../org/public.js';
import { addMonths, dayBefore } from '../shared/dates.js';
import type { ServiceOptions } from '../shared/service.js';

export interface DeptTrend {
  /** Null for the whole team. */
  department: string | null;
  members: number;
  /** Per month, oldest first: mean goal progress (0–100, clamped) of the goals due in it. */
  goalAttainment: (number | null)[];
  /** Per month: attendance rate %. */
  attendance: (number | null)[];
  /** Per month: mean locked KPI score of the month's closed cycle. */
  kpiMean: (number | null)[];
  /** Now: open goals off track or at risk, and open action items overdue. */
  goalsAtRisk: number;
  actionsOverdue: number;
}

export interface TeamDashboard {
  months: string[];
  departments: DeptTrend[];
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
const clamp = (v: number) => Math.max(0, Math.min(100, v));

export async function getTeamDashboard(o: ServiceOptions, f: { dept?: string; months?: number }): Promise<TeamDashboard> {
  const n = f.months ?? 6;
  const thisMonth = `${o.today.slice(0, 7)}-01`;
  const months = Array.from({ length: n }, (_, i) => addMonths(thisMonth, i - n + 1).slice(0, 7));
  const first = `${months[0]}-01`;
  return o.db.snapshot(async (q) => {
    const only = f.dept === undefined ? undefined : await resolveDepartmentId(q, f.dept);
    const members = await getActiveMembers(q);
    const deptOf = new Map(members.map((m) => [m.id, m.departmentId]));
    const handleDept = new Map(members.map((m) => [m.handle, m.departmentId]));
    const depts = (await listAllDepartments(q)).filter((d) => only === undefined || d.id === only);
    const keys: (number | null)[] = [...depts.map((d) => d.id), ...(only === undefined ? [null] : [])];
    const slot = () => months.map(() => [] as number[]);
    const acc = new Map(keys.map((k) => [k, { goals: slot(), present: months.map(() => 0), held: months.map(() => 0), kpi: slot(), atRisk: 0, overdue: 0 }]));
    const team = acc.get(null);
    const into = (dept: number | null | undefined, fn: (a: NonNullable<ReturnType<typeof acc.get>>) => void) => {
      if (dept !== null && dept !== undefined && acc.has(dept)) fn(acc.get(dept)!);
      if (team) fn(team);
    };
    const goalDept = (g: GoalView) => (g.ownerType === 'department' ? g.ownerId : g.ownerType === 'member' ? (deptOf.get(g.ownerId!) ?? null) : null);

    const last = `${months.at(-1)}-31`;
    for (const g of await getGoals(o, { all: true, dueAfter: first, dueBefore: last })) {
      if (g.archivedAt !== null || g.due === null || g.progressPct === null) continue;
      const i = months.indexOf(g.due.slice(0, 7));
      if (i >= 0) into(goalDept(g), (a) => a.goals[i]!.push(clamp(g.progressPct!)));
    }
    for (const g of await getGoals(o, {})) if (g.status === 'off-track' || g.status === 'at-risk') into(goalDept(g), (a) => a.atRisk++);
    for (const [i, m] of months.entries()) {
      const to = i === months.length - 1 ? o.today : `${months[i + 1]}-01` > o.today ? o.today : dayBefore(`${months[i + 1]}-01`);
      if (to < `${m}-01`) continue;
      for (const r of (await getAttendance(o, { from: `${m}-01`, to })).members) {
        into(handleDept.get(r.handle), (a) => {
          a.present[i]! += r.present + r.late;
          a.held[i]! += r.present + r.late + r.absent;
        });
      }
    }
    for (const s of await getKpiScores(o, first, last)) {
      const i = months.indexOf(s.from.slice(0, 7));
      if (i >= 0) into(deptOf.get(s.memberId), (a) => a.kpi[i]!.push(s.kpiScore));
    }
    for (const a of await getActions(o, { overdue: true })) into(handleDept.get(a.owner), (x) => x.overdue++);

    const count = (k: number | null) => (k === null ? members.length : members.filter((m) => m.departmentId === k).length);
    return {
      months,
      departments: keys.map((k) => {
        const a = acc.get(k)!;
        return {
          department: k === null ? null : depts.find((d) => d.id === k)!.name,
          members: count(k),
          goalAttainment: a.goals.map(mean),
          attendance: a.held.map((h, i) => (h === 0 ? null : Math.round((a.present[i]! * 1000) / h) / 10)),
          kpiMean: a.kpi.map(mean),
          goalsAtRisk: a.atRisk,
          actionsOverdue: a.overdue,
        };
      }),
    };
  });
}

