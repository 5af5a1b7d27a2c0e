/** The goals feature's commands. Handlers load lazily. */
import type { Command } from 'commander';
import { examples, lazy, listOptions, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  goalsRead: () => import('./handlers/read.js'),
  goalsWrite: () => import('./handlers/write.js'),
};

export const commands: FeatureCommands = (d) => {
  d.group('goals', 'goals.cmd', defineGoals, ['team goals add --template gmv-quarter --owner team --baseline 1500000', 'team goals split 1 --by member,period --dept 运营部', 'team goals tree', 'team goals list --status at-risk']);
};

function defineGoals(goals: Command): void {
  const goalFields = (c: Command, mode: 'add' | 'edit') =>
    c
      .option('--owner <who>', t('goals.opt.owner'))
      .option('--metric <name>', t('goals.opt.metric'))
      .option('--unit <unit>', t('goals.opt.unit'))
      .option('--kind <kind>', t('goals.opt.kind'))
      .option('--baseline <n>', t('goals.opt.baseline'))
      .option('--target <n>', t('goals.opt.target'))
      .option('--direction <dir>', t('goals.opt.direction'))
      .option('--start <date>', t(mode === 'add' ? 'goals.opt.start' : 'goals.opt.startEdit'))
      .option('--due <date>', t('goals.opt.due'))
      .option('--horizon <h>', t(mode === 'add' ? 'goals.opt.horizon' : 'goals.opt.horizonEdit'))
      .option('--term <term>', t('goals.opt.term'))
      .option('--why <text>', t('goals.opt.why'))
      .option('--parent <goal>', t('goals.opt.parent'))
      .option('--weight <n>', t('goals.opt.weight'))
      .option('--cadence <days>', t('goals.opt.cadence'))
      .option('--actor <name>', t('goals.opt.actor'))
      .option('--json', t('opt.json'));
  examples(
    goalFields(goals.command('add').argument('[title]').description(t('goals.cmd.add')), 'add')
      .option('--template <key>', t('goals.opt.template'))
      .option('--draft', t('goals.opt.draft'))
      .action(lazy(load.goalsWrite, 'add')),
    [
      'team goals add "Q1 天猫店 GMV 提升 20%" --owner team --metric GMV --unit ¥ --baseline 1000000 --target 1200000 --start 2026-01-01 --due 2026-03-31 --why "年度增长计划"',
      'team goals add --template first-response --owner 客服部',
      'team goals add "客服首次响应 ≤ 30 秒" --owner wu.xue --metric 首次响应时长 --unit s --direction at-most --target 30 --due 2026-12-31 --parent 1',
      `team goals add   # ${t('goals.example.wizard')}`,
    ],
  );
  examples(
    listOptions(
      goals
        .command('list')
        .description(t('goals.cmd.list'))
        .option('--owner <who>', t('goals.opt.filterOwner'))
        .option('--dept <dept>', t('goals.opt.filterDept'))
        .option('--status <status>', t('goals.opt.status'))
        .option('--horizon <h>', t('goals.opt.horizonFilter'))
        .option('--due-before <date>', t('goals.opt.dueBefore'))
        .option('--due-after <date>', t('goals.opt.dueAfter'))
        .option('--parent <goal>', t('goals.opt.parent'))
        .option('--sort <key>', t('goals.opt.sort'))
        .option('--all', t('goals.opt.allGoals')),
    ).action(lazy(load.goalsRead, 'list')),
    ['team goals list --owner wu.xue', 'team goals list --status at-risk --json', 'team goals list --dept 客服部 --sort progress --format csv > goals.csv'],
  );
  examples(goals.command('show').argument('<goal>').description(t('goals.cmd.show')).option('--history', t('goals.opt.history')).option('--json', t('opt.json')).action(lazy(load.goalsRead, 'show')), ['team goals show 3', 'team goals show 3 --history']);
  examples(goals.command('tree').argument('[goal]').description(t('goals.cmd.tree')).option('--json', t('opt.json')).action(lazy(load.goalsRead, 'tree')), ['team goals tree', 'team goals tree 1 --json']);
  examples(goals.command('check').argument('<goal>').description(t('goals.cmd.check')).option('--json', t('opt.json')).action(lazy(load.goalsRead, 'check')), ['team goals check 7']);
  examples(
    goals
      .command('split')
      .argument('<goal>')
      .description(t('goals.cmd.split'))
      .requiredOption('--by <how>', t('goals.opt.by'))
      .option('--members <list>', t('goals.opt.members'))
      .option('--dept <dept>', t('goals.opt.splitDept'))
      .option('--depts <list>', t('goals.opt.depts'))
      .option('--period <period>', t('goals.opt.period'))
      .option('--weights <list>', t('goals.opt.weights'))
      .option('--actor <name>', t('goals.opt.actor'))
      .option('--json', t('opt.json'))
      .addHelpText('after', `\n${t('goals.help.split')}`)
      .action(lazy(load.goalsWrite, 'split')),
    [
      'team goals split 1 --by member,period --members li.qiang,zhao.min,sun.li --period month',
      'team goals split 1 --by member --dept 客服部 --weights 2,1,1',
      'team goals split 1 --by dept --depts 运营部,客服部,营销部 --weights 3,2,1',
      `team goals split 1 --by period --period quarter   # ${t('goals.example.quarters')}`,
      `team goals split 2 --by period --period month     # ${t('goals.example.months')}`,
    ],
  );
  examples(
    goals
      .command('checkin')
      .argument('<goal>')
      .description(t('goals.cmd.checkin'))
      .option('--value <n>', t('goals.opt.value'))
      .option('--add <n>', t('goals.opt.add'))
      .option('--date <date>', t('goals.opt.date'))
      .option('--note <text>', t('goals.opt.note'))
      .option('--actor <name>', t('goals.opt.actor'))
      .option('--json', t('opt.json'))
      .action(lazy(load.goalsWrite, 'checkin')),
    ['team goals checkin 5 --value 48200 --note "双11 预热"', 'team goals checkin 5 --add 3200 --date 2026-11-20'],
  );
  examples(
    goalFields(goals.command('edit').argument('<goal>').description(t('goals.cmd.edit')).option('--title <title>', t('opt.name')), 'edit')
      .option('--resplit', t('goals.opt.resplit'))
      .option('--no-resplit', t('goals.opt.noResplit'))
      .action(lazy(load.goalsWrite, 'edit')),
    ['team goals edit 1 --target 1300000 --resplit', 'team goals edit 7 --due 2026-12-31 --why "年货节备货"'],
  );
  examples(
    goals
      .command('review')
      .argument('<goal>')
      .description(t('goals.cmd.review'))
      .option('--self <text>', t('goals.opt.self'))
      .option('--self-score <n>', t('goals.opt.selfScore'))
      .option('--lead <text>', t('goals.opt.lead'))
      .option('--score <n>', t('goals.opt.score'))
      .option('--outcome <outcome>', t('goals.opt.outcome'))
      .option('--outcome-note <text>', t('goals.opt.outcomeNote'))
      .option('--final <n>', t('goals.opt.final'))
      .option('-y, --yes', t('goals.opt.reviewYes'))
      .option('--actor <name>', t('goals.opt.actor'))
      .option('--json', t('opt.json'))
      .action(lazy(load.goalsWrite, 'review')),
    ['team goals review 5 --self "双11 超额完成，售后压力大" --self-score 4', 'team goals review 5 --lead "达成，评为服务之星" --score 5 --outcome reward --outcome-note 服务之星'],
  );
  examples(goals.command('archive').argument('<goal>').description(t('goals.cmd.archive')).option('--actor <name>', t('goals.opt.actor')).option('--json', t('opt.json')).action(lazy(load.goalsWrite, 'archive')), ['team goals archive 12']);
  examples(goals.command('restore').argument('<goal>').description(t('goals.cmd.restore')).option('--actor <name>', t('goals.opt.actor')).option('--json', t('opt.json')).action(lazy(load.goalsWrite, 'restore')), ['team goals restore 12']);
  examples(goals.command('refresh').description(t('goals.cmd.refresh')).action(lazy(load.goalsWrite, 'refresh')), ['team goals refresh']);
  examples(listOptions(goals.command('templates').description(t('goals.cmd.templates'))).action(lazy(load.goalsRead, 'templates')), ['team goals templates', 'team --lang zh goals templates --json']);
}
