import { t } from '../../i18n/index.js';
import { withDb, type Ctx } from '../../cli/context.js';
import { checkDate } from '../../cli/dates.js';
import { printJson, printList, resolveFormat, say } from '../../cli/output.js';
import { doneAction, dropAction, getActions, moveAction } from '../actions.service.js';
import type { ActionItem } from '../rules/meeting.js';
import { actionColumns } from '../render.js';

export async function list(ctx: Ctx, flags: { owner?: string; meeting?: string; open?: boolean; overdue?: boolean; json?: boolean; format?: string }): Promise<void> {
  const format = resolveFormat(flags);
  const items = await withDb(ctx, (o) => getActions(o, flags));
  if (format === 'table' && items.length === 0) return say(t('meetings.noActions'));
  await printList(format, items, actionColumns);
}

function report(a: ActionItem, json: boolean | undefined, message: string): void {
  if (json) printJson(a);
  say(message);
}

export async function done(ctx: Ctx, id: string, flags: { note?: string; json?: boolean }): Promise<void> {
  const a = await withDb(ctx, (o) => doneAction(o, id, flags.note));
  report(a, flags.json, t('meetings.actionDone', { id: a.id, text: a.text }));
}

export async function move(ctx: Ctx, id: string, flags: { due: string; json?: boolean }): Promise<void> {
  checkDate('--due', flags.due);
  const a = await withDb(ctx, (o) => moveAction(o, id, flags.due));
  report(a, flags.json, t('meetings.actionMoved', { id: a.id, due: a.due ?? '', text: a.text }));
}

export async function drop(ctx: Ctx, id: string, flags: { reason: string; json?: boolean }): Promise<void> {
  const a = await withDb(ctx, (o) => dropAction(o, id, flags.reason));
  report(a, flags.json, t('meetings.actionDropped', { id: a.id, text: a.text }));
}
