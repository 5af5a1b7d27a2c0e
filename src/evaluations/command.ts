/** The evaluations feature's commands (`team kpis …`, `team evals …`). Handlers load lazily. */
import type { Command } from 'commander';
import { examples, group, lazy, listOptions, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  kpis: () => import('./handlers/kpis.js'),
  cycles: () => import('./handlers/cycles.js'),
  views: () => import('./handlers/views.js'),
};

export const commands: FeatureCommands = (d) => {
  d.group('kpis', 'evaluations.cmd.kpis', defineKpis, [
    'team kpis list --role 客服专员（售前）',
    'team kpis add 首次响应时长 --role 客服专员（售前） --unit s --direction lower --bands "30:100,45:80,60:60" --weight 25 --from-goal',
    'team kpis season add 双11 --from 2026-11-01 --to 2026-11-11 --yearly',
    'team kpis season set 双11 首次响应时长 --bands "60:100,90:80,120:60"',
  ]);
  d.group('evals', 'evaluations.cmd.evals', defineEvals, [
    'team evals open --period 2026-11',
    'team evals record wu.xue 客户满意度 --value 96.5',
    'team evals import 11月绩效.csv --period 2026-11',
    'team evals close --period 2026-11',
    'team evals report --period 2026-11',
    'team evals rewards --period 2026-11 --format csv > payroll.csv',
  ]);
};

function kpiOptions(c: Command): Command {
  return c
    .option('--role <role>', t('evaluations.opt.role'))
    .option('--unit <unit>', t('evaluations.opt.unit'))
    .option('--direction <direction>', t('evaluations.opt.direction'))
    .option('--target <n|low-high>', t('evaluations.opt.target'))
    .option('--threshold <n|low-high>', t('evaluations.opt.threshold'))
    .option('--bands <bound:score,…>', t('evaluations.opt.bands'))
    .option('--weight <n>', t('evaluations.opt.weight'))
    .option('--source <text>', t('evaluations.opt.source'))
    .option('--from-goal [metric]', t('evaluations.opt.fromGoal'))
    .option('--attainment', t('evaluations.opt.attainment'))
    .option('--json', t('opt.json'));
}

function defineKpis(g: Command): void {
  examples(kpiOptions(g.command('add').argument('[name]').description(t('evaluations.cmd.kpis.add'))).action(lazy(load.kpis, 'add')), [
    'team kpis add 客户满意度 --role 客服专员（售后） --unit % --target 95 --threshold 80 --weight 20 --from-goal',
    'team kpis add 库存周转天数 --role 仓储物流 --unit 天 --direction within --target 20-35 --threshold 5-60 --weight 15',
    `team kpis add   # ${t('evaluations.example.wizard')}`,
  ]);
  examples(listOptions(g.command('list').description(t('evaluations.cmd.kpis.list')).option('--role <role>', t('evaluations.opt.role'))).action(lazy(load.views, 'kpis')), ['team kpis list', 'team kpis list --role 运营经理 --json']);
  examples(g.command('show').argument('<kpi>').description(t('evaluations.cmd.kpis.show')).option('--role <role>', t('evaluations.opt.role')).option('--json', t('opt.json')).action(lazy(load.views, 'kpi')), ['team kpis show 首次响应时长 --role 客服专员（售前）']);
  examples(kpiOptions(g.command('edit').argument('<kpi>').description(t('evaluations.cmd.kpis.edit')).option('--name <name>', t('opt.name'))).action(lazy(load.kpis, 'edit')), ['team kpis edit 转化率 --role 运营经理 --target 4 --weight 20']);
  examples(g.command('rm').argument('<kpi>').description(t('evaluations.cmd.kpis.rm')).option('--role <role>', t('evaluations.opt.role')).option('-y, --yes', t('evaluations.opt.yes')).option('--json', t('opt.json')).action(lazy(load.kpis, 'rm')), ['team kpis rm 场均观看人数 --role 主播 --yes']);
  const season = group(g, 'season', 'evaluations.cmd.season');
  examples(season.command('add').argument('<name>').description(t('evaluations.cmd.season.add')).requiredOption('--from <date>', t('evaluations.opt.seasonFrom')).requiredOption('--to <date>', t('evaluations.opt.seasonTo')).option('--yearly', t('evaluations.opt.yearly')).option('--json', t('opt.json')).action(lazy(load.kpis, 'seasonAdd')), [
    'team kpis season add 年货节 --from 2027-01-05 --to 2027-01-20',
  ]);
  examples(
    season
      .command('set')
      .argument('<season>')
      .argument('<kpi>')
      .description(t('evaluations.cmd.season.set'))
      .option('--role <role>', t('evaluations.opt.overrideRole'))
      .option('--target <n|low-high>', t('evaluations.opt.target'))
      .option('--threshold <n|low-high>', t('evaluations.opt.threshold'))
      .option('--bands <bound:score,…>', t('evaluations.opt.bands'))
      .option('--clear', t('evaluations.opt.clear'))
      .option('--json', t('opt.json'))
      .action(lazy(load.kpis, 'seasonSet')),
    ['team kpis season set 双11 客户满意度 --target 92 --threshold 75', 'team kpis season set 618 发货及时率 --clear'],
  );
  examples(listOptions(season.command('list').description(t('evaluations.cmd.season.list'))).action(lazy(load.views, 'seasons')), ['team kpis season list']);
}

const periodOpt = (c: Command) => c.option('--period <YYYY-MM>', t('evaluations.opt.period'));

function defineEvals(g: Command): void {
  examples(periodOpt(g.command('open').description(t('evaluations.cmd.open'))).option('--dept <dept>', t('evaluations.opt.dept')).option('--roles <list>', t('evaluations.opt.roles')).option('--weights <kpi=N,self=N,peer=N,lead=N>', t('evaluations.opt.weights')).option('--json', t('opt.json')).action(lazy(load.cycles, 'open')), [
    'team evals open --period 2026-11',
    'team evals open --period 2026-11 --dept 客服部 --weights kpi=70,self=10,peer=10,lead=10',
  ]);
  examples(periodOpt(g.command('record').argument('<member>').argument('<kpi>').description(t('evaluations.cmd.record')).requiredOption('--value <n>', t('evaluations.opt.value'))).option('--json', t('opt.json')).action(lazy(load.cycles, 'record')), ['team evals record wu.xue 首次响应时长 --value 28']);
  examples(periodOpt(g.command('import').argument('<file>').description(t('evaluations.cmd.import'))).option('--json', t('opt.json')).action(lazy(load.cycles, 'importFile')), ['team evals import 11月绩效.csv --period 2026-11']);
  examples(periodOpt(g.command('self').argument('<member>').description(t('evaluations.cmd.self')).option('--comment <text>', t('evaluations.opt.comment')).option('--score <0-100>', t('evaluations.opt.selfScore'))).option('--json', t('opt.json')).action(lazy(load.cycles, 'self')), [
    'team evals self wu.xue --comment "双11 期间响应偏慢，已加练快捷短语" --score 85',
  ]);
  examples(
    periodOpt(g.command('review').argument('<member>').description(t('evaluations.cmd.review')).option('--comment <text>', t('evaluations.opt.comment')).option('--score <0-100>', t('evaluations.opt.leadScore')).option('--adjust <±n>', t('evaluations.opt.adjust')).option('--reason <text>', t('evaluations.opt.reason')))
      .option('--json', t('opt.json'))
      .action(lazy(load.cycles, 'review')),
    ['team evals review wu.xue --comment "大促期间主动加班" --adjust +3 --reason "双11 支援售后"'],
  );
  examples(periodOpt(g.command('peer').argument('<member>').description(t('evaluations.cmd.peer')).requiredOption('--by <member>', t('evaluations.opt.by')).requiredOption('--score <0-100>', t('evaluations.opt.peerScore')).option('--comment <text>', t('evaluations.opt.comment'))).option('--json', t('opt.json')).action(lazy(load.cycles, 'peer')), ['team evals peer wu.xue --by zheng.hao --score 88']);
  examples(periodOpt(g.command('pull').description(t('evaluations.cmd.pull'))).option('--json', t('opt.json')).action(lazy(load.cycles, 'pull')), ['team evals pull --period 2026-11']);
  examples(g.command('close').description(t('evaluations.cmd.close')).option('--period <YYYY-MM>', t('evaluations.opt.closePeriod')).option('--allow-missing', t('evaluations.opt.allowMissing')).option('--early', t('evaluations.opt.early')).option('--json', t('opt.json')).action(lazy(load.cycles, 'close')), ['team evals close --period 2026-11']);
  examples(g.command('appeal').argument('<member>').description(t('evaluations.cmd.appeal')).requiredOption('--period <YYYY-MM>', t('evaluations.opt.period')).requiredOption('--reason <text>', t('evaluations.opt.appealReason')).option('--json', t('opt.json')).action(lazy(load.cycles, 'appeal')), [
    'team evals appeal zheng.hao --period 2026-11 --reason "满意度统计漏了 11 月 30 日的评价"',
  ]);
  examples(g.command('decide').argument('<member>').description(t('evaluations.cmd.decide')).requiredOption('--period <YYYY-MM>', t('evaluations.opt.period')).requiredOption('--outcome <upheld|changed>', t('evaluations.opt.outcome')).option('--note <text>', t('evaluations.opt.note')).option('--json', t('opt.json')).action(lazy(load.cycles, 'decide')), [
    'team evals decide zheng.hao --period 2026-11 --outcome changed --note "补录评价后满意度 96%"',
  ]);
  examples(periodOpt(g.command('show').argument('<member>').description(t('evaluations.cmd.show'))).option('--trend [periods]', t('evaluations.opt.trend')).option('--json', t('opt.json')).action(lazy(load.views, 'show')), ['team evals show wu.xue', 'team evals show wu.xue --trend 6']);
  examples(listOptions(periodOpt(g.command('report').description(t('evaluations.cmd.report'))).option('--dept <dept>', t('evaluations.opt.dept'))).action(lazy(load.views, 'report')), ['team evals report --period 2026-11', 'team evals report --dept 客服部 --format md']);
  examples(listOptions(g.command('list').description(t('evaluations.cmd.list')).option('--all', t('evaluations.opt.allCycles'))).action(lazy(load.views, 'cycles')), ['team evals list']);
  examples(listOptions(periodOpt(g.command('rewards').description(t('evaluations.cmd.rewards')))).action(lazy(load.views, 'rewards')), ['team evals rewards --period 2026-11', 'team evals rewards --period 2026-11 --format csv > 11月奖金.csv']);
  const rules = group(g, 'rules', 'evaluations.cmd.rules');
  examples(
    rules
      .command('add')
      .description(t('evaluations.cmd.rules.add'))
      .option('--grade <grade>', t('evaluations.opt.grade'))
      .option('--rank <n>', t('evaluations.opt.rank'))
      .option('--dept <dept>', t('evaluations.opt.ruleDept'))
      .option('--bonus <coefficient>', t('evaluations.opt.bonus'))
      .option('--title <title>', t('evaluations.opt.title'))
      .option('--training <text>', t('evaluations.opt.training'))
      .option('--promotion <text>', t('evaluations.opt.promotion'))
      .option('--penalty <text>', t('evaluations.opt.penalty'))
      .option('--json', t('opt.json'))
      .action(lazy(load.cycles, 'ruleAdd')),
    ['team evals rules add --grade A --bonus 1.2', 'team evals rules add --rank 1 --dept 客服部 --title 服务之星'],
  );
  examples(listOptions(rules.command('list').description(t('evaluations.cmd.rules.list'))).action(lazy(load.views, 'rules')), ['team evals rules list']);
  examples(rules.command('rm').argument('<id>').description(t('evaluations.cmd.rules.rm')).option('-y, --yes', t('evaluations.opt.yes')).option('--json', t('opt.json')).action(lazy(load.cycles, 'ruleRm')), ['team evals rules rm 3 --yes']);
  examples(g.command('settings').description(t('evaluations.cmd.settings')).option('--grades <A=90,B=75,…>', t('evaluations.opt.grades')).option('--json', t('opt.json')).action(lazy(load.cycles, 'settings')), ['team evals settings', 'team evals settings --grades S=95,A=85,B=70,C=60,D=0']);
}
