/** The goals feature's commands. Handlers load lazily. */
import type { Command } from 'commander';
import { examples, lazy, listOptions, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  goalsRead: () => import('./handlers/read.js'),
  goalsWrite: () => import('./handlers/write.js'),
};

export const commands: FeatureCommands = (d) => {
  d.group('goals', 'cmd.goals', defineGoals, ['team goals add --template gmv-quarter --owner team --baseline 1500000', 'team goals split 1 --by member,period --dept 运营部', 'team goals tree', 'team goals list --status at-risk']);
};

function defineGoals(goals: Command): void {
  const goalFields = (c: Command, mode: 'add' | 'edit') =>
    c
      .option('--owner <who>', t('opt.goal.owner'))
      .option('--metric <name>', t('opt.goal.metric'))
      .option('--unit <unit>', t('opt.goal.unit'))
      .option('--kind <kind>', t('opt.goal.kind'))
      .option('--baseline <n>', t('opt.goal.baseline'))
      .option('--target <n>', t('opt.goal.target'))
      .option('--direction <dir>', t('opt.goal.direction'))
      .option('--start <date>', t(mode === 'add' ? 'opt.goal.start' : 'opt.goal.startEdit'))
      .option('--due <date>', t('opt.goal.due'))
      .option('--horizon <h>', t(mode === 'add' ? 'opt.goal.horizon' : 'opt.goal.horizonEdit'))
      .option('--term <term>', t('opt.goal.term'))
      .option('--why <text>', t('opt.goal.why'))
      .option('--parent <goal>', t('opt.goal.parent'))
      .option('--weight <n>', t('opt.goal.weight'))
      .option('--cadence <days>', t('opt.goal.cadence'))
      .option('--actor <name>', t('opt.by'))
      .option('--json', t('opt.json'));
  examples(
    goalFields(goals.command('add').argument('[title]').description(t('cmd.goals.add')), 'add')
      .option('--template <key>', t('opt.goal.template'))
      .option('--draft', t('opt.goal.draft'))
      .action(lazy(load.goalsWrite, 'add')),
    [
      'team goals add "Q1 天猫店 GMV 提升 20%" --owner team --metric GMV --unit ¥ --baseline 1000000 --target 1200000 --start 2026-01-01 --due 2026-03-31 --why "年度增长计划"',
      'team goals add --template first-response --owner 客服部',
      'team goals add "客服首次响应 ≤ 30 秒" --owner wu.xue --metric 首次响应时长 --unit s --direction at-most --target 30 --due 2026-12-31 --parent 1',
      'team goals add   # asks for each SMART field, on a terminal',
    ],
  );
  examples(
    listOptions(
      goals
        .command('list')
        .description(t('cmd.goals.list'))
        .option('--owner <who>', t('opt.goal.filterOwner'))
        .option('--dept <dept>', t('opt.goal.filterDept'))
        .option('--status <status>', t('opt.goal.status'))
        .option('--horizon <h>', t('opt.goal.horizonFilter'))
        .option('--due-before <date>', t('opt.goal.dueBefore'))
        .option('--due-after <date>', t('opt.goal.dueAfter'))
        .option('--parent <goal>', t('opt.goal.parent'))
        .option('--sort <key>', t('opt.goal.sort'))
        .option('--all', t('opt.goal.allGoals')),
    ).action(lazy(load.goalsRead, 'list')),
    ['team goals list --owner wu.xue', 'team goals list --status at-risk --json', 'team goals list --dept 客服部 --sort progress --format csv > goals.csv'],
  );
  examples(goals.command('show').argument('<goal>').description(t('cmd.goals.show')).option('--history', t('opt.goal.history')).option('--json', t('opt.json')).action(lazy(load.goalsRead, 'show')), ['team goals show 3', 'team goals show 3 --history']);
  examples(goals.command('tree').argument('[goal]').description(t('cmd.goals.tree')).option('--json', t('opt.json')).action(lazy(load.goalsRead, 'tree')), ['team goals tree', 'team goals tree 1 --json']);
  examples(goals.command('check').argument('<goal>').description(t('cmd.goals.check')).option('--json', t('opt.json')).action(lazy(load.goalsRead, 'check')), ['team goals check 7']);
  examples(
    goals
      .command('split')
      .argument('<goal>')
      .description(t('cmd.goals.split'))
      .requiredOption('--by <how>', t('opt.goal.by'))
      .option('--members <list>', t('opt.goal.members'))
      .option('--dept <dept>', t('opt.goal.splitDept'))
      .option('--period <period>', t('opt.goal.period'))
      .option('--weights <list>', t('opt.goal.weights'))
      .option('--actor <name>', t('opt.by'))
      .option('--json', t('opt.json'))
      .action(lazy(load.goalsWrite, 'split')),
    ['team goals split 1 --by member,period --members li.qiang,zhao.min,sun.li --period month', 'team goals split 1 --by member --dept 客服部 --weights 2,1,1'],
  );
  examples(
    goals
      .command('checkin')
      .argument('<goal>')
      .description(t('cmd.goals.checkin'))
      .option('--value <n>', t('opt.goal.value'))
      .option('--add <n>', t('opt.goal.add'))
      .option('--date <date>', t('opt.goal.date'))
      .option('--note <text>', t('opt.goal.note'))
      .option('--actor <name>', t('opt.by'))
      .option('--json', t('opt.json'))
      .action(lazy(load.goalsWrite, 'checkin')),
    ['team goals checkin 5 --value 48200 --note "双11 预热"', 'team goals checkin 5 --add 3200 --date 2026-11-20'],
  );
  examples(
    goalFields(goals.command('edit').argument('<goal>').description(t('cmd.goals.edit')).option('--title <title>', t('opt.name')), 'edit')
      .option('--resplit', t('opt.goal.resplit'))
      .option('--no-resplit', t('opt.goal.noResplit'))
      .action(lazy(load.goalsWrite, 'edit')),
    ['team goals edit 1 --target 1300000 --resplit', 'team goals edit 7 --due 2026-12-31 --why "年货节备货"'],
  );
  examples(
    goals
      .command('review')
      .argument('<goal>')
      .description(t('cmd.goals.review'))
      .option('--self <text>', t('opt.goal.self'))
      .option('--self-score <n>', t('opt.goal.selfScore'))
      .option('--lead <text>', t('opt.goal.lead'))
      .option('--score <n>', t('opt.goal.score'))
      .option('--outcome <outcome>', t('opt.goal.outcome'))
      .option('--outcome-note <text>', t('opt.goal.outcomeNote'))
      .option('--final <n>', t('opt.goal.final'))
      .option('--actor <name>', t('opt.by'))
      .option('--json', t('opt.json'))
      .action(lazy(load.goalsWrite, 'review')),
    ['team goals review 5 --self "双11 超额完成，售后压力大" --self-score 4', 'team goals review 5 --lead "达成，评为服务之星" --score 5 --outcome reward --outcome-note 服务之星'],
  );
  examples(goals.command('archive').argument('<goal>').description(t('cmd.goals.archive')).option('--actor <name>', t('opt.by')).option('--json', t('opt.json')).action(lazy(load.goalsWrite, 'archive')), ['team goals archive 12']);
  examples(goals.command('restore').argument('<goal>').description(t('cmd.goals.restore')).option('--actor <name>', t('opt.by')).option('--json', t('opt.json')).action(lazy(load.goalsWrite, 'restore')), ['team goals restore 12']);
  examples(listOptions(goals.command('templates').description(t('cmd.goals.templates'))).action(lazy(load.goalsRead, 'templates')), ['team goals templates', 'team --lang zh goals templates --json']);
}
