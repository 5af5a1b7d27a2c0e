/**
 * The README's tour, executed: every `team` line of its code block runs
 * in-process on a fresh database, on days across the calendar (a quarter's
 * first and last day, a leap day, mid-month), so the tour cannot drift from
 * the program nor depend on the day it is read.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onPostgres, run, tempDb } from '../../helpers.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The lines of the first ```sh block after "## A tour", as argument lists (shell words, comments dropped). */
function tourCommands(): string[][] {
  const section = readme.slice(readme.indexOf('## A tour'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('team '))
    .map((l) => words(l).slice(1));
}

/** Splits a shell line into words: double and single quotes, and a # comment after a space. */
function words(line: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur ??= '';
    } else if (c === '#' && cur === null) break;
    else if (/\s/.test(c)) {
      if (cur !== null) out.push(cur);
      cur = null;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== null) out.push(cur);
  return out;
}

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('the README tour', () => {
  it('has the commands it describes', () => {
    const cmds = tourCommands();
    expect(cmds.length).toBeGreaterThan(15);
    expect(cmds[0]).toEqual(['init', '--lang', 'zh']);
    expect(words('team goals checkin 3 --value 420000 --note "直播间双12 预热"   # comment')).toEqual(['team', 'goals', 'checkin', '3', '--value', '420000', '--note', '直播间双12 预热']);
  });

  // On PostgreSQL the days at the edges (a year's first and last, a leap day): what the others vary is the engines' common JavaScript.
  it.each(onPostgres ? ['2026-01-01', '2026-12-31', '2028-02-29'] : ['2026-01-01', '2026-03-31', '2026-05-15', '2026-11-23', '2026-12-31', '2028-02-29'])('runs on %s: every command succeeds, and the reviewed goal closes as achieved with a reward', async (today) => {
    const env = { TEAM_TODAY: today, TEAM_USER: 'li.na', LANG: 'zh_CN.UTF-8' };
    for (const args of tourCommands()) {
      const r = await run(t.db, args, { env });
      expect(r.code, `team ${args.join(' ')} on ${today}\n${r.stderr}`).toBe(0);
      expect(r.stderr, `team ${args.join(' ')} on ${today}`).not.toMatch(/警告|warning|未知|Unexpected/);
    }
    const goal = (await run(t.db, ['goals', 'show', '3', '--json'], { env })).json<{ state: string; start: string; due: string; finalValue: number; target: number; reviews: { kind: string; outcome: string | null }[] }>();
    expect(goal.start <= today && today <= goal.due, `${goal.start}…${goal.due} contains ${today}`).toBe(true);
    expect([goal.state, goal.finalValue, goal.target]).toEqual(['achieved', 610000, 600000]);
    expect(goal.reviews.map((r) => [r.kind, r.outcome])).toEqual([['self', null], ['lead', 'reward']]);
    const months = (await run(t.db, ['goals', 'list', '--parent', '2', '--json'], { env })).json<{ target: number }[]>();
    expect(months.reduce((a, m) => a + Math.round(m.target * 100), 0)).toBe(120_000_000); // ¥1,200,000.00 to the fen
    // Training: wu.xue's onboarding (7 courses), two of them passed; li.na's platform rules passed, its refresher due in 3 months.
    const status = (await run(t.db, ['training', 'status', '--json'], { env })).json<{ handle: string; courses: number; current: number; items: { course: string; status: string; source: string }[] }[]>();
    const wu = status.find((m) => m.handle === 'wu.xue')!;
    expect([wu.courses, wu.current, wu.items.filter((i) => i.status === 'passed').map((i) => i.course)]).toEqual([7, 2, ['企业文化', '客服基础']]);
    expect(status.find((m) => m.handle === 'li.na')!.items.map((i) => [i.course, i.source, i.status])).toEqual([['平台规则', 'refresher', 'planned']]);
    // Evaluations: wu.xue's KPIs all 100 (80 %), self 88 and lead 90 (10 % each): 97.8, grade A, first; li.na closed without a score.
    const shown = (await run(t.db, ['evals', 'show', 'wu.xue', '--json'], { env })).json<{ evaluation: { period: string; finalScore: number; grade: string; rank: number; state: string } }>().evaluation;
    expect([shown.period, shown.finalScore, shown.grade, shown.rank, shown.state]).toEqual([today.slice(0, 7), 97.8, 'A', 1, 'closed']);
    const rewards = (await run(t.db, ['evals', 'rewards', '--json'], { env })).json<{ rows: { handle: string; kind: string | null; coefficient: number | null; text: string | null }[] }>();
    expect(rewards.rows.map((r) => [r.handle, r.kind, r.coefficient ?? r.text])).toEqual([
      ['wu.xue', 'bonus', 1.2],
      ['wu.xue', 'training', '外部培训名额'],
      ['wu.xue', 'title', '优秀员工奖'],
      ['wu.xue', 'title', '服务之星'],
      ['li.na', null, null],
    ]);
    // Reports: the week shows the goal closed as achieved, the tour's check-ins and the closed cycle; remind lists the open action and the classes.
    const weekly = (await run(t.db, ['report', 'weekly', '--json'], { env })).json<{ week: string; changes: { checkins: { total: number }; closed: { items: { id: number; state: string }[] } }; evaluations: { current: { state: string; evaluations: number } | null }; ppp: { progress: { kind: string; count: number }[] } }>();
    expect(weekly.changes.closed.items.map((g) => [g.id, g.state])).toEqual([[3, 'achieved']]);
    expect(weekly.changes.checkins.total).toBe(2);
    expect(weekly.evaluations.current).toMatchObject({ state: 'closed', evaluations: 2 });
    expect(weekly.ppp.progress.find((l) => l.kind === 'goalsAchieved')?.count).toBe(1);
    const card = (await run(t.db, ['report', 'member', 'wu.xue', '--json'], { env })).json<{ duties: string[]; evaluation: { finalScore: number } }>();
    expect([card.duties.length > 0, card.evaluation.finalScore]).toEqual([true, 97.8]);
    const due = (await run(t.db, ['remind', '--within', '7d', '--json'], { env })).json<{ items: { kind: string; title: string }[] }>();
    expect(due.items.some((i) => i.kind === 'actionDue' || i.kind === 'actionOverdue' || i.kind === 'meeting')).toBe(true);
  });
});
