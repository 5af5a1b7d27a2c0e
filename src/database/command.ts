/** The database feature's commands: `team db info|copy|backup`. Handlers load lazily. */
import type { Command } from 'commander';
import { examples, lazy, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  info: () => import('./handlers/info.js'),
  copy: () => import('./handlers/copy.js'),
};

export const commands: FeatureCommands = (d) => {
  d.group('db', 'database.cmd.db', defineDb, ['team db info', 'team db copy --to postgres://lead@db.shop.lan/team', 'team db backup ~/backups/team-$(date +%F).db']);
};

function defineDb(db: Command): void {
  examples(db.command('info').description(t('database.cmd.info')).option('--json', t('opt.json')).action(lazy(load.info, 'info')), ['team db info', 'TEAM_DB=postgres://lead@db.shop.lan/team team db info --json']);
  examples(
    db
      .command('copy')
      .description(t('database.cmd.copy'))
      .requiredOption('--to <location>', t('database.opt.to'))
      .option('--from <location>', t('database.opt.from'))
      .option('--json', t('opt.json'))
      .action(lazy(load.copy, 'copy')),
    ['team db copy --to postgres://lead@db.shop.lan/team', 'team db copy --from postgres://lead@db.shop.lan/team --to ~/laptop-team.db', "team --db shop.db db copy --to 'postgres://lead@db.shop.lan/shared?schema=shop' --json"],
  );
  examples(
    db.command('backup').argument('<file>', t('database.arg.file')).description(t('database.cmd.backup')).option('--json', t('opt.json')).action(lazy(load.copy, 'backup')),
    ['team db backup ~/backups/team-2026-11-23.db', 'TEAM_DB=postgres://lead@db.shop.lan/team team db backup /srv/backups/team-$(date +%F).db --json'],
  );
}
