import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../i18n/index.js';
import { buildDemo } from '../demo.service.js';
import { getMembers, getOrg } from '../../org/public.js';
import { getGoalTree } from '../../goals/public.js';
import { getActions } from '../../meetings/public.js';
import { actionColumns } from '../../meetings/ui.js';
import { getStatus } from '../../training/public.js';
import { statusColumns } from '../../training/ui.js';
import { getCycles, getRewards, type RewardsResult } from '../../evaluations/public.js';
import type { ServiceOptions } from '../../shared/service.js';
import { rewardColumns } from '../../evaluations/ui.js';
import { renderGoalTree } from '../../goals/ui.js';
import { databaseLocation, withDb, type Ctx } from '../../cli/context.js';
import { out, paint, printJson, say, terminalWidth } from '../../cli/output.js';
import { renderTable } from '../../cli/table.js';
import { memberColumns, renderOrgTree } from '../../org/ui.js';
import { InputError, TeamError } from '../../shared/errors.js';
import { getWeeklyReport, SECTION_LIMIT, weekOf } from '../../reports/public.js';
import { sectionsText, weeklyJson, weeklySections, weeklyTitle } from '../../reports/ui.js';

/**
 * `team demo`: the tour. It builds into --db when given, else into a fresh
 * temporary folder: never into $TEAM_DB, which is the lead's real team.
 */
export async function demo(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const target = { ...ctx, dbPath: ctx.dbPath ?? join(mkdtempSync(join(ctx.env.TMPDIR || tmpdir(), 'team-demo-')), 'team.db') };
  // Where it is, as it may be printed (a server's password left out).
  const dbPath = await databaseLocation(target);
  const view = await withDb(
    target,
    async (o) => {
      try {
        await buildDemo(o, ctx.lang);
      } catch (e) {
        if (e instanceof TeamError && e.key === 'setup.demo.exists') throw new InputError('setup.demo.exists', { path: dbPath });
        throw e;
      }
      return { org: await getOrg(o, {}), members: await getMembers(o, {}), goals: await getGoalTree(o, undefined), actions: await getActions(o, { open: true }), training: (await getStatus(o, {})).filter((m) => m.courses > 0), rewards: await lastRewards(o), weekly: await getWeeklyReport(o, { week: weekOf(o.today), limit: SECTION_LIMIT }) };
    },
    { quietCreate: true },
  );
  if (opts.json) return printJson({ database: dbPath, ...view, weekly: weeklyJson(view.weekly) });
  say(t('setup.demo.where', { path: dbPath }));
  out(`${paint.head(t('setup.demo.heading.org'))}\n${renderOrgTree(view.org)}\n`);
  out(`${paint.head(t('setup.demo.heading.members'))}\n${await renderTable(view.members, memberColumns, { width: terminalWidth() })}\n`);
  out(`${paint.head(t('setup.demo.heading.goals'))}\n${renderGoalTree(view.goals)}\n`);
  out(`${paint.head(t('setup.demo.heading.actions'))}\n${await renderTable(view.actions, actionColumns, { width: terminalWidth() })}\n`);
  out(`${paint.head(t('setup.demo.heading.training'))}\n${await renderTable(view.training, statusColumns, { width: terminalWidth() })}\n`);
  out(`${paint.head(t('setup.demo.heading.rewards', { period: view.rewards.period }))}\n${await renderTable(view.rewards.rows.filter((r) => r.kind !== null && !(r.kind === 'bonus' && r.coefficient === 1)), rewardColumns, { width: terminalWidth() })}\n`);
  // Last, what a lead reads every Monday: the week at a glance.
  out(await sectionsText(weeklyTitle(view.weekly), weeklySections(view.weekly), terminalWidth()));
  say(t('setup.demo.next', { path: dbPath }));
}

/** The rewards of last month's cycle (closed by the demo). */
async function lastRewards(o: ServiceOptions): Promise<RewardsResult> {
  const closed = (await getCycles(o)).find((c) => c.state === 'closed');
  return getRewards(o, { period: closed!.period });
}
