/**
 * The reports feature's commands: `team report weekly|member|team`,
 * `team remind` (for cron) and `team export ics`. Handlers load lazily; the
 * feature reads the others only through their public.ts.
 */
import type { Command } from 'commander';
import { examples, lazy, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  report: () => import('./handlers/report.js'),
  remind: () => import('./handlers/remind.js'),
  ics: () => import('./handlers/ics.js'),
};

/** --webhook, --to and --secret: the Markdown version posted to a chat group. */
function chatOptions(c: Command): Command {
  return c
    .option('--webhook [url]', t('reports.opt.webhook'))
    .option('--to <service>', t('reports.opt.to'))
    .option('--secret <secret>', t('reports.opt.secret'));
}

function formatOptions(c: Command): Command {
  return c.option('--format <format>', t('reports.opt.format')).option('--json', t('opt.json')).option('--section <name>', t('reports.opt.section')).option('--out <file>', t('reports.opt.out'));
}

export const commands: FeatureCommands = (d) => {
  d.group('report', 'reports.cmd.report', defineReport, ['team report weekly', 'team report weekly --week last --format md', 'team report member zheng.hao', 'team report team']);
  examples(
    chatOptions(
      d.program
        .command('remind')
        .description(t('reports.cmd.remind'))
        .option('--within <window>', t('reports.opt.within'))
        .option('--member <member>', t('reports.opt.member'))
        .option('--format <format>', t('reports.opt.remindFormat'))
        .option('--json', t('opt.json'))
        .option('--out <file>', t('reports.opt.out'))
        .option('--quiet', t('reports.opt.quiet'))
        .option('--all', t('reports.opt.allRemind')),
    ).action(lazy(load.remind, 'remind')),
    ['team remind', 'team remind --within 7d --member zheng.hao', 'team remind --format ics --out ~/team.ics', 'team remind --quiet --webhook "$TEAM_WEBHOOK" --to wecom'],
  );
  d.group('export', 'reports.cmd.export', defineExport, ['team export ics --out ~/team.ics', 'team export ics --member zheng.hao']);
};

function defineReport(g: Command): void {
  examples(
    chatOptions(formatOptions(g.command('weekly').description(t('reports.cmd.weekly')).option('--week <week>', t('reports.opt.week')).option('--as-of <date>', t('reports.opt.asOf')).option('--dept <department>', t('reports.opt.dept')).option('--all', t('reports.opt.all')).option('--quiet', t('reports.opt.quietReport')))).action(lazy(load.report, 'weekly')),
    ['team report weekly', 'team report weekly --week 2026-W48 --dept 客服部', 'team report weekly --format md --webhook "$TEAM_WEBHOOK" --to wecom', 'team report weekly --format csv --section goals > goals.csv'],
  );
  examples(formatOptions(g.command('member').argument('<member>').description(t('reports.cmd.member')).option('--period <month>', t('reports.opt.period'))).action(lazy(load.report, 'member')), ['team report member zheng.hao', 'team report member zheng.hao --period 2026-11 --format md']);
  examples(formatOptions(g.command('team').description(t('reports.cmd.team')).option('--dept <department>', t('reports.opt.dept')).option('--months <n>', t('reports.opt.months'))).action(lazy(load.report, 'team')), ['team report team', 'team report team --dept 客服部 --json']);
}

function defineExport(g: Command): void {
  examples(g.command('ics').description(t('reports.cmd.ics')).option('--out <file>', t('reports.opt.out')).option('--member <member>', t('reports.opt.member')).option('--quiet', t('reports.opt.quietIcs')).action(lazy(load.ics, 'exportIcs')), ['team export ics --out ~/team.ics', 'team export ics --member zheng.hao > zheng.ics']);
}
