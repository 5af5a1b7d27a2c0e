import { z } from 'zod';
import { t } from '../../i18n/index.js';
import type { ServiceOptions } from '../../shared/service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { printJson, say } from '../../cli/output.js';
import { askText, canPrompt } from '../../cli/prompts.js';
import { answerError, isoDate, listText, parseOptions } from '../../cli/validate.js';
import { checkLogAnswer, logMeeting, prepareLog, type LogInput } from '../minutes.service.js';
import { parseAction, parsePlan } from '../rules/minutes.js';

const logSchema = z.object({
  date: isoDate.optional(),
  extra: z.boolean().optional(),
  absent: listText.optional(),
  late: listText.optional(),
  excused: listText.optional(),
  notes: z.string().optional(),
  decision: z.array(z.string()).optional(),
  action: z.array(z.string()).optional(),
  plan: z.array(z.string()).optional(),
  done: z.array(z.string()).optional(),
  problem: z.array(z.string()).optional(),
  actor: z.string().optional(),
  json: z.boolean().optional(),
});

/** A check of an answer as the flag would get it: its form (`parse`), then what only the database knows. */
function answerCheck(o: ServiceOptions, check: (v: string) => Parameters<typeof checkLogAnswer>[1]): (v: string) => Promise<true | string> {
  return (v) => (v.trim() === '' ? Promise.resolve(true) : answerError(() => checkLogAnswer(o, check(v.trim()))));
}

/** Asks again and again until an empty answer. */
async function askMany(message: string, validate?: (v: string) => Promise<true | string>): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const v = await askText(message, validate ? { validate } : {});
    if (v === '') return out;
    out.push(v);
  }
}

const names = (v: string) => v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);

/**
 * On a terminal with no minutes given as flags: who was absent, late or
 * excused (unless given), notes, decisions, actions, and by kind the plans
 * (morning) or what got done and the problems (evening), each answer
 * checked as it is given.
 */
async function promptMinutes(o: ServiceOptions, prep: { kind: string; expected: string[] }, input: LogInput): Promise<LogInput> {
  const r = { ...input };
  const who = (v: string) => ({ attendees: names(v), expected: prep.expected });
  if (r.absent === undefined && r.late === undefined && r.excused === undefined) {
    r.absent = names(await askText(t('meetings.prompt.absent'), { validate: answerCheck(o, who) }));
    r.late = names(await askText(t('meetings.prompt.late'), { validate: answerCheck(o, who) }));
    r.excused = names(await askText(t('meetings.prompt.excused'), { validate: answerCheck(o, who) }));
  }
  r.notes = (await askText(t('meetings.prompt.notes'))) || undefined;
  r.decisions = await askMany(t('meetings.prompt.decision'));
  r.actions = await askMany(t('meetings.prompt.action'), answerCheck(o, (v) => ({ owner: parseAction(v).owner })));
  if (prep.kind === 'morning') r.plans = await askMany(t('meetings.prompt.plan'), answerCheck(o, (v) => ({ owner: parsePlan(v).owner })));
  if (prep.kind === 'evening') {
    r.done = await askMany(t('meetings.prompt.done'), answerCheck(o, (v) => ({ done: v, date: input.date ?? o.today })));
    r.problems = await askMany(t('meetings.prompt.problem'));
  }
  return r;
}

export async function log(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const f = parseOptions(logSchema, raw);
  const input: LogInput = { date: f.date, extra: f.extra, absent: f.absent, late: f.late, excused: f.excused, notes: f.notes, decisions: f.decision, actions: f.action, plans: f.plan, done: f.done, problems: f.problem };
  const content = [f.notes, f.decision, f.action, f.plan, f.done, f.problem].some((v) => v !== undefined);
  // On a terminal the date is checked first: nothing is asked for minutes that cannot be recorded.
  const r = await withDb(ctx, async (o) => logMeeting(o, ref, !content && canPrompt() ? await promptMinutes(o, await prepareLog(o, ref, { date: f.date, extra: f.extra }), input) : input));
  if (f.json) printJson(r);
  say(t('meetings.logged', { title: r.title, date: r.date, ...r.counts, decisions: r.decisions.length, actions: r.actions.length }));
  if (r.planned > 0 || r.markedDone > 0 || r.markedNotDone > 0) say(t('meetings.loggedPlans', { planned: r.planned, done: r.markedDone, notDone: r.markedNotDone }));
}
