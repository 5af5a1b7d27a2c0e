import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { InputError } from '../../shared/errors.js';
import type { ServiceOptions } from '../../shared/service.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { messageOf } from '../../cli/errors.js';
import { printJson, say } from '../../cli/output.js';
import { askText, canPrompt } from '../../cli/prompts.js';
import { isoDate, listText, parseOptions } from '../../cli/validate.js';
import { logMeeting, meetingKindOf, type LogInput } from '../minutes.service.js';
import { parseAction, parseDone, parsePlan } from '../rules/meeting.js';
import { checkMemberName } from '../series.service.js';

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

/** A check of an answer: the parser's and the owner's, as the flag would get them. */
function answerCheck(o: ServiceOptions, parse: (v: string) => { owner: string }): (v: string) => Promise<true | string> {
  return async (v) => {
    if (v.trim() === '') return true;
    try {
      await checkMemberName(o, parse(v).owner);
      return true;
    } catch (e) {
      if (e instanceof InputError) return messageOf(e);
      throw e;
    }
  };
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

/** On a terminal with nothing but attendance given: notes, decisions, actions, and by kind the plans (morning) or done and problems (evening). */
async function promptMinutes(o: ServiceOptions, ref: string, input: LogInput): Promise<LogInput> {
  const kind = await meetingKindOf(o, ref);
  const r = { ...input };
  r.notes = (await askText(t('meetings.prompt.notes'))) || undefined;
  r.decisions = await askMany(t('meetings.prompt.decision'));
  r.actions = await askMany(t('meetings.prompt.action'), answerCheck(o, parseAction));
  if (kind === 'morning') r.plans = await askMany(t('meetings.prompt.plan'), answerCheck(o, parsePlan));
  if (kind === 'evening') {
    r.done = await askMany(t('meetings.prompt.done'), answerCheck(o, parseDone));
    r.problems = await askMany(t('meetings.prompt.problem'));
  }
  return r;
}

export async function log(ctx: Ctx, ref: string, raw: unknown): Promise<void> {
  const f = parseOptions(logSchema, raw);
  const input: LogInput = { date: f.date, extra: f.extra, absent: f.absent, late: f.late, excused: f.excused, notes: f.notes, decisions: f.decision, actions: f.action, plans: f.plan, done: f.done, problems: f.problem };
  const content = [f.notes, f.decision, f.action, f.plan, f.done, f.problem].some((v) => v !== undefined);
  const r = await withDb(ctx, async (o) => logMeeting(o, ref, !content && canPrompt() ? await promptMinutes(o, ref, input) : input));
  if (f.json) printJson(r);
  say(t('meetings.logged', { title: r.title, date: r.date, ...r.counts, decisions: r.decisions.length, actions: r.actions.length }));
  if (r.planned > 0 || r.markedDone > 0 || r.markedNotDone > 0) say(t('meetings.loggedPlans', { planned: r.planned, done: r.markedDone, notDone: r.markedNotDone }));
}
