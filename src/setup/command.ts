/** The setup feature's commands: init (database and preset) and demo (the tour). */
import { Option } from 'commander';
import { examples, lazy, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  init: () => import('./handlers/init.js'),
  demo: () => import('./handlers/demo.js'),
};

export const commands: FeatureCommands = ({ program }) => {
  examples(
    program
      .command('init')
      .description(t('setup.cmd.init'))
      .addOption(new Option('--preset <preset>', t('setup.opt.preset')).default('ecommerce'))
      .option('--json', t('opt.json'))
      .action(lazy(load.init, 'init')),
    ['team init --lang zh', 'team --db shop.db init --preset blank'],
  );
  examples(program.command('demo').description(t('setup.cmd.demo')).option('--json', t('opt.json')).action(lazy(load.demo, 'demo')), ['team demo', 'team demo --db /tmp/demo.db --lang zh']);
};
