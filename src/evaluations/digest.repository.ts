/** What a cycle's digest counts: one grouped query each, whatever the team's size. */
import type { Queryable, SqlValue } from '../db/sql.js';

/** The cycle's evaluations of one department or member: the clause after `cycle_id = ?` and all its parameters. */
function scoped(cycleId: number, f: { departmentId?: number; memberId?: number }, alias = ''): [string, SqlValue[]] {
  const params: SqlValue[] = [cycleId];
  let sql = '';
  if (f.departmentId !== undefined) {
    sql += ` and ${alias}department_id = ?`;
    params.push(f.departmentId);
  }
  if (f.memberId !== undefined) {
    sql += ` and ${alias}member_id = ?`;
    params.push(f.memberId);
  }
  return [sql, params];
}

export interface DigestCounts {
  evaluations: number;
  /** Evaluations with at least one KPI value missing. */
  missingValues: number;
  missingSelf: number;
  missingLead: number;
  missingPeer: number;
}

/** A cycle's evaluations (of one department or member) and what each still lacks: in the (cycle, department, grade, self, lead) index, a missing value by a probe of the partial index of missing items (no row read). */
export async function digestCounts(q: Queryable, cycleId: number, f: { departmentId?: number; memberId?: number }): Promise<DigestCounts> {
  const [scope, params] = scoped(cycleId, f, 'e.');
  const r = await q.get<Record<keyof DigestCounts, number>>(
    `select count(*) as evaluations,
       sum(case when exists (select 1 from eval_items i where i.evaluation_id = e.id and i.value is null) then 1 else 0 end) as "missingValues",
       sum(case when e.self_score is null then 1 else 0 end) as "missingSelf",
       sum(case when e.lead_score is null then 1 else 0 end) as "missingLead",
       sum(case when not exists (select 1 from eval_peers p where p.evaluation_id = e.id) then 1 else 0 end) as "missingPeer"
     from eval_evaluations e where e.cycle_id = ?${scope}`,
    params,
  );
  return { evaluations: Number(r?.evaluations ?? 0), missingValues: Number(r?.missingValues ?? 0), missingSelf: Number(r?.missingSelf ?? 0), missingLead: Number(r?.missingLead ?? 0), missingPeer: Number(r?.missingPeer ?? 0) };
}

/** The locked grades of a cycle: how many of each. */
export async function gradeCounts(q: Queryable, cycleId: number, f: { departmentId?: number; memberId?: number }): Promise<{ grade: string; n: number }[]> {
  const [scope, params] = scoped(cycleId, f);
  const rows = await q.all<{ grade: string; n: number }>(`select grade, count(*) as n from eval_evaluations where cycle_id = ? and grade is not null${scope} group by grade order by grade`, params);
  return rows.map((r) => ({ grade: r.grade, n: Number(r.n) }));
}

/** How many evaluations a cycle has (of one department or member). */
export async function countEvaluations(q: Queryable, cycleId: number, f: { departmentId?: number; memberId?: number }): Promise<number> {
  const [scope, params] = scoped(cycleId, f);
  return Number((await q.get<{ n: number }>(`select count(*) as n from eval_evaluations where cycle_id = ?${scope}`, params))!.n);
}
