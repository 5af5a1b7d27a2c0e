import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../i18n/index.js';
import { buildDemo } from '../../services/demo.service.js';
import { getMembers, getOrg } from '../../services/members.service.js';
import { getGoalTree } from '../../services/goals-view.service.js';
import { renderGoalTree } from './goals-view.js';
import { withDb, type Ctx } from '../context.js';
import { out, paint, printJson, say, terminalWidth } from '../output.js';
import { renderTable } from '../table.js';
import { memberColumns } from './members-view.js';
import { renderOrgTree } from './org-view.js';
import { locateDatabase } from '../../db/connection.js';
import { TeamError } from '../../domain/errors.js';

/**
 * `team demo`: the tour. It builds into --db when given, else into a fresh
 * temporary folder: never into $TEAM_DB, which is the lead's real team.
 */
export async function demo(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const dbPath = ctx.dbPath ? await locateDatabase({ path: ctx.dbPath, env: ctx.env }) : join(mkdtempSync(join(tmpdir(), 'team-demo-')), 'team.db');
  const view = await withDb(
    { ...ctx, dbPath },
    async (db) => {
      const o = { db, now: ctx.now, today: ctx.today };
      try {
        await buildDemo(o, ctx.lang);
      } catch (e) {
        if (e instanceof TeamError && e.key === 'demo.exists') throw new TeamError('demo.exists', { path: dbPath });
        throw e;
      }
      return { org: await getOrg(o, {}), members: await getMembers(o, {}), goals: await getGoalTree(o, undefined) };
    },
    { quietCreate: true },
  );
  if (opts.json) return printJson({ database: dbPath, ...view });
  say(t('demo.where', { path: dbPath }));
  out(`${paint.head(t('demo.heading.org'))}\n${renderOrgTree(view.org)}\n`);
  out(`${paint.head(t('demo.heading.members'))}\n${await renderTable(view.members, memberColumns, { width: terminalWidth() })}\n`);
  out(`${paint.head(t('demo.heading.goals'))}\n${renderGoalTree(view.goals)}`);
  say(t('demo.next', { path: dbPath }));
}
