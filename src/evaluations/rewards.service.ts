/** The rules that turn a grade or a rank into a reward (bonus coefficient, title, training, promotion) or a penalty. */
import { resolveDepartmentId } from '../org/public.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import { stamp, type ServiceOptions } from '../shared/service.js';
import { findRewardRule, insertRewardRule, listRewardRules, removeRewardRule } from './repository.js';
import type { RewardKind, RewardRule } from './rules/cycle.js';
import { readGrades } from './settings.service.js';

export interface RewardRuleInput {
  grade?: string;
  rank?: number;
  dept?: string;
  kind: RewardKind;
  coefficient?: number;
  text?: string;
}

export async function addRewardRule(o: ServiceOptions, r: RewardRuleInput, presetKey: string | null = null): Promise<RewardRule> {
  if (r.grade === undefined && r.rank === undefined) throw new InputError('evaluations.err.ruleWhen', {});
  if (r.rank !== undefined && (!Number.isInteger(r.rank) || r.rank < 1 || r.rank > 1000)) throw new InputError('evaluations.err.rank', { value: String(r.rank) });
  if (r.kind === 'bonus' && (r.coefficient === undefined || !Number.isFinite(r.coefficient) || r.coefficient < 0 || r.coefficient > 10)) throw new InputError('evaluations.err.coefficient', { value: String(r.coefficient ?? '') });
  if (r.kind !== 'bonus' && !r.text?.trim()) throw new InputError('evaluations.err.ruleText', {});
  return o.db.transaction(async (tx) => {
    let grade: string | null = null;
    if (r.grade !== undefined) {
      const grades = await readGrades(tx);
      const g = grades.find((x) => x.name.toLowerCase() === r.grade!.trim().toLowerCase());
      if (!g) throw new InputError('evaluations.err.unknownGrade', { grade: r.grade.trim(), grades: grades.map((x) => x.name) });
      grade = g.name;
    }
    const departmentId = r.dept !== undefined ? await resolveDepartmentId(tx, r.dept) : null;
    const id = await insertRewardRule(tx, { grade, rankMax: r.rank ?? null, departmentId, kind: r.kind, coefficient: r.kind === 'bonus' ? r.coefficient! : null, text: r.text?.trim() || null, presetKey }, stamp(o.now));
    return (await findRewardRule(tx, id))!;
  });
}

export function getRewardRules(o: ServiceOptions): Promise<RewardRule[]> {
  return listRewardRules(o.db);
}

/** Takes a rule out (kept on record): rewards listed from now on no longer give it. */
export async function removeRule(o: ServiceOptions, ref: string): Promise<RewardRule> {
  return o.db.transaction(async (tx) => {
    const id = /^#?\d+$/.test(ref.trim()) ? Number(ref.trim().replace('#', '')) : NaN;
    const r = Number.isInteger(id) ? await findRewardRule(tx, id) : undefined;
    if (!r) throw new NotFoundError('evaluations.kind.rule', ref.trim(), undefined);
    await removeRewardRule(tx, r.id, stamp(o.now));
    return r;
  });
}
