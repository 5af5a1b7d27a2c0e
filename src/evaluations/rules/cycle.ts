/**
 * A monthly evaluation cycle, pure: its period, the promotion seasons it
 * overlaps, the weights of KPI, self, peer and lead scores, the final score,
 * grades by bands, the ranking (ties share a rank) and the rewards rules.
 */
import type { MessageKey } from '../../i18n/index.js';
import { daysInMonth, fromDay, toDay } from '../../shared/dates.js';
import { round1 } from './scoring.js';

export interface Period {
  /** "2026-11". */
  period: string;
  from: string;
  to: string;
  days: number;
}

/** A month typed as 2026-11 (or 2026/11, 2026年11月): its first and last day. */
export function parsePeriod(text: string): Period | undefined {
  const m = /^\s*(\d{4})\s*[-/年.]\s*(\d{1,2})\s*月?\s*$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 2000 || year > 2200) return undefined;
  const mm = String(month).padStart(2, '0');
  const days = daysInMonth(year, month);
  return { period: `${year}-${mm}`, from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(days).padStart(2, '0')}`, days };
}

/** The month a date is in. */
export const periodOf = (date: string): Period => parsePeriod(date.slice(0, 7))!;

/** The month before. */
export function previousPeriod(p: Period): Period {
  return periodOf(fromDay(toDay(p.from) - 1));
}

/** A promotion season: dated, or every year on the same days (month-day of from and to). */
export interface SeasonDates {
  from: string;
  to: string;
  yearly: boolean;
}

/** The days (inclusive) two date ranges share. */
export function overlapDays(aFrom: string, aTo: string, bFrom: string, bTo: string): number {
  const from = Math.max(toDay(aFrom), toDay(bFrom));
  const to = Math.min(toDay(aTo), toDay(bTo));
  return to < from ? 0 : to - from + 1;
}

/** The season's dates in a year (29 February is the 28th in other years). */
function inYear(date: string, year: number): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, m))).padStart(2, '0')}`;
}

/** How many days of the range the season covers (a yearly season in each year the range touches). */
export function seasonDays(s: SeasonDates, from: string, to: string): number {
  if (!s.yearly) return overlapDays(s.from, s.to, from, to);
  let days = 0;
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) days += overlapDays(inYear(s.from, y), inYear(s.to, y), from, to);
  return days;
}

/** Whether two seasons share a day (yearly ones compared on every year either names). */
export function seasonsOverlap(a: SeasonDates, b: SeasonDates): boolean {
  if (!a.yearly && !b.yearly) return overlapDays(a.from, a.to, b.from, b.to) > 0;
  const years = [a.from, a.to, b.from, b.to].map((d) => Number(d.slice(0, 4)));
  for (let y = Math.min(...years) - 1; y <= Math.max(...years) + 1; y++) {
    const ra = a.yearly ? [inYear(a.from, y), inYear(a.to, y)] : [a.from, a.to];
    const rb = b.yearly ? [inYear(b.from, y), inYear(b.to, y)] : [b.from, b.to];
    if (overlapDays(ra[0]!, ra[1]!, rb[0]!, rb[1]!) > 0) return true;
  }
  return false;
}

export const PARTS = ['kpi', 'self', 'peer', 'lead'] as const;
export type Part = (typeof PARTS)[number];
/** Whether a word of a missing list is a part (self, peer, lead) rather than a KPI's name. */
export const isPart = (x: string): x is Part => (PARTS as readonly string[]).includes(x);
/** The weight (%) of each part of the final score; they total 100. */
export type Weights = Record<Part, number>;
export const DEFAULT_WEIGHTS: Weights = { kpi: 100, self: 0, peer: 0, lead: 0 };

const PART_WORDS: Record<string, Part> = { kpi: 'kpi', kpis: 'kpi', 指标: 'kpi', 绩效: 'kpi', self: 'self', 自评: 'self', peer: 'peer', peers: 'peer', 互评: 'peer', lead: 'lead', manager: 'lead', 主管: 'lead', 上级: 'lead' };

/** "kpi=70,self=10,peer=10,lead=10" (parts left out weigh 0); the problem's key when it is not that. */
export function parseWeights(text: string): Weights | MessageKey {
  const w: Weights = { kpi: 0, self: 0, peer: 0, lead: 0 };
  const seen = new Set<Part>();
  for (const p of text.split(/[,，]/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^(\S+?)\s*[=:：]\s*(\d{1,3})\s*%?$/.exec(p);
    const word = m?.[1]!.toLowerCase();
    const part = word !== undefined && Object.hasOwn(PART_WORDS, word) ? PART_WORDS[word] : undefined;
    if (!m || !part || seen.has(part)) return 'evaluations.err.badWeights';
    seen.add(part);
    w[part] = Number(m[2]);
  }
  return weightsTotal(w) === 100 ? w : 'evaluations.err.weightsTotal';
}

export const weightsTotal = (w: Weights) => w.kpi + w.self + w.peer + w.lead;

export interface Grade {
  name: string;
  /** The lowest final score with this grade. */
  min: number;
}

export const DEFAULT_GRADES: readonly Grade[] = [
  { name: 'A', min: 90 },
  { name: 'B', min: 75 },
  { name: 'C', min: 60 },
  { name: 'D', min: 0 },
];

/** "A=90,B=75,C=60,D=0" (or A:90): best first; the problem's key when bands overlap or leave scores without a grade. */
export function parseGrades(text: string): Grade[] | MessageKey {
  const out: Grade[] = [];
  for (const p of text.split(/[,，]/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^([^=:：\s]{1,12})\s*[=:：≥]\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return 'evaluations.err.badGrades';
    out.push({ name: m[1]!, min: Number(m[2]) });
  }
  return gradesProblem(out) ?? [...out].sort((a, b) => b.min - a.min);
}

export function gradesProblem(grades: readonly Grade[]): MessageKey | null {
  if (grades.length < 2) return 'evaluations.err.badGrades';
  if (grades.some((g) => g.min < 0 || g.min > 100)) return 'evaluations.err.gradeRange';
  if (new Set(grades.map((g) => g.name.toLowerCase())).size !== grades.length || new Set(grades.map((g) => g.min)).size !== grades.length) return 'evaluations.err.gradesOverlap';
  if (!grades.some((g) => g.min === 0)) return 'evaluations.err.gradesFloor';
  return null;
}

/** The grade of a final score: the best band it reaches. */
export function gradeOf(score: number, grades: readonly Grade[]): string {
  for (const g of [...grades].sort((a, b) => b.min - a.min)) if (score >= g.min) return g.name;
  return grades[grades.length - 1]!.name;
}

/** The parts of one evaluation's score (null: not given). */
export type Parts = Record<Part, number | null>;

/** The parts a final score still needs: those with a weight and no score. */
export const missingParts = (parts: Parts, w: Weights): Part[] => PARTS.filter((p) => w[p] > 0 && parts[p] === null);

/**
 * The final score: the parts by their weights plus the lead's adjustment,
 * kept within 0–100, to one decimal; null while a weighted part is missing.
 */
export function finalScore(parts: Parts, w: Weights, adjust: number): number | null {
  if (missingParts(parts, w).length > 0) return null;
  const sum = PARTS.reduce((s, p) => s + (w[p] > 0 ? (w[p] * parts[p]!) / 100 : 0), 0);
  return round1(Math.min(100, Math.max(0, sum + adjust)));
}

/** A KPI's share of the KPI score. */
export interface WeightedScore {
  score: number | null;
  weight: number;
}

/** The KPI score: each KPI's score by its weight (weights total 100); null while a value is missing. */
export function kpiScore(items: readonly WeightedScore[]): number | null {
  if (items.length === 0 || items.some((i) => i.score === null)) return null;
  return Math.round(items.reduce((s, i) => s + (i.score! * i.weight) / 100, 0) * 100) / 100;
}

/**
 * Ranks by final score, best first. Ties share the rank and the next rank
 * skips (competition ranking, "1, 2, 2, 4"): two members on 88.5 are both
 * 2nd and nobody is 3rd. Scores compare at one decimal, as shown. No score,
 * no rank.
 */
export function rankScores<T extends { score: number | null }>(rows: readonly T[]): Map<T, number> {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!);
  const out = new Map<T, number>();
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    out.set(r, prev && round1(prev.score!) === round1(r.score!) ? out.get(prev)! : i + 1);
  });
  return out;
}

export const REWARD_KINDS = ['bonus', 'title', 'training', 'promotion', 'penalty'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** When a reward applies: a grade, a rank (within a department when one is named), or both. */
export interface RewardRule {
  id: number;
  grade: string | null;
  rankMax: number | null;
  departmentId: number | null;
  department: string | null;
  kind: RewardKind;
  /** A bonus's coefficient (1.2 = 120 % of the base bonus). */
  coefficient: number | null;
  /** A title's name, a training opportunity, a penalty: as the lead wrote it. */
  text: string | null;
}

/** What a rule needs of an evaluation: its grade, its rank in the team and in its department. */
export interface Ranked {
  grade: string | null;
  rank: number | null;
  departmentId: number | null;
  departmentRank: number | null;
}

/** Whether a rule gives its reward to the evaluation. */
export function ruleApplies(r: RewardRule, e: Ranked): boolean {
  if (r.departmentId !== null && e.departmentId !== r.departmentId) return false;
  if (r.grade !== null && (e.grade === null || e.grade.toLowerCase() !== r.grade.toLowerCase())) return false;
  if (r.rankMax !== null) {
    const rank = r.departmentId !== null ? e.departmentRank : e.rank;
    if (rank === null || rank > r.rankMax) return false;
  }
  return true;
}
