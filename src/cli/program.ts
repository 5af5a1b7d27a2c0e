/**
 * Every command is declared here, in one place; handlers are imported lazily
 * so `team --help` and list commands never load prompts, CSV or report code.
 */
import { Command, Option } from 'commander';
import { t, type MessageKey } from '../i18n/index.js';
import type { Ctx } from './context.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (ctx: Ctx, ...args: any[]) => Promise<void>;
type Loader = () => Promise<Record<string, Handler>>;

/** Wraps a lazily imported handler: commander's (args…, opts, cmd) → handler(ctx, args…, opts). */
function lazy(load: Loader, name: string) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const rest = args.slice(0, -1);
    const [mod, { ctxFrom, adoptTeamLanguage, closeEarly }, { loadColor }] = await Promise.all([load(), import('./context.js'), import('./output.js')]);
    await loadColor();
    const ctx = ctxFrom(cmd);
    try {
      await adoptTeamLanguage(ctx);
      await mod[name]!(ctx, ...rest);
    } finally {
      closeEarly();
    }
  };
}

const load = {
  init: () => import('../setup/handlers/init.js'),
  demo: () => import('../setup/handlers/demo.js'),
  deptsRead: () => import('../org/handlers/depts-read.js'),
  deptsWrite: () => import('../org/handlers/depts-write.js'),
  rolesRead: () => import('../org/handlers/roles-read.js'),
  rolesWrite: () => import('../org/handlers/roles-write.js'),
  goalsRead: () => import('../goals/handlers/read.js'),
  goalsWrite: () => import('../goals/handlers/write.js'),
  membersRead: () => import('../org/handlers/members-read.js'),
  membersWrite: () => import('../org/handlers/members-write.js'),
  org: () => import('../org/handlers/org.js'),
} satisfies Record<string, Loader>;

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.globalOptions',
};

function examples(cmd: Command, lines: readonly string[]): Command {
  return cmd.addHelpText('after', `\n${t('help.examples')}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}

/** --json and --format for lists; --json alone for show. */
function listOptions(cmd: Command): Command {
  return cmd.option('--json', t('opt.json')).option('--format <format>', t('opt.format'));
}

function group(parent: Command, name: string, desc: MessageKey): Command {
  return parent.command(name).description(t(desc));
}

/** Global options that take a value, to skip when looking for the command word. */
const VALUE_OPTIONS = new Set(['--db', '--lang']);

/** The group a command line asks for: `team --db x members list` → members; `team help goals` → goals. */
export function wantedGroup(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * A command group whose sub-commands are declared only when the command line
 * names it (or asks for its help): `team --help` and `team members list`
 * then build a dozen commands instead of every one.
 */
function lazyGroup(program: Command, argv: readonly string[], name: string, desc: MessageKey, define: (g: Command) => void, lines: readonly string[]): void {
  const g = group(program, name, desc);
  if (wantedGroup(argv) !== name) return;
  define(g);
  examples(g, lines);
}

export function createProgram(version: string, argv: readonly string[] = []): Command {
  const program = new Command('team')
    .description(t('program.description'))
    .version(version, '-V, --version', t('opt.version'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('help.command'))
    .option('--db <path>', t('opt.db'))
    .option('--lang <lang>', t('opt.lang'))
    .option('--no-color', t('opt.noColor'))
    .configureHelp({ styleTitle: (s: string) => (TITLES[s] ? t(TITLES[s]) : s), showGlobalOptions: true })
    .showSuggestionAfterError(true)
    // Parse errors are translated and printed once by main(); set before any
    // sub-command is declared, since commands copy these settings when created.
    .configureOutput({ outputError: () => {} })
    .exitOverride();

  examples(
    program
      .command('init')
      .description(t('cmd.init'))
      .addOption(new Option('--preset <preset>', t('opt.preset')).default('ecommerce'))
      .option('--json', t('opt.json'))
      .action(lazy(load.init, 'init')),
    ['team init --lang zh', 'team --db shop.db init --preset blank'],
  );
  examples(
    program.command('demo').description(t('cmd.demo')).option('--json', t('opt.json')).action(lazy(load.demo, 'demo')),
    ['team demo', 'team demo --db /tmp/demo.db --lang zh'],
  );

  lazyGroup(program, argv, 'depts', 'cmd.depts', defineDepts, ['team depts list', 'team depts show 客服部 --json']);
  lazyGroup(program, argv, 'roles', 'cmd.roles', defineRoles, ['team roles list --dept 客服部', 'team roles show 客服经理', 'team roles duties add 客服助理 "每日统计接待量和满意度"']);
  lazyGroup(program, argv, 'members', 'cmd.members', defineMembers, ['team members add li.na --name 李娜 --role 客服经理', 'team members list --shift late', 'team members archive zhao.lei --reassign-to li.na']);
  examples(program.command('org').description(t('cmd.org')).option('--dept <dept>', t('opt.dept')).option('--json', t('opt.json')).action(lazy(load.org, 'org')), ['team org', 'team org --dept 客服部 --json']);
  lazyGroup(program, argv, 'goals', 'cmd.goals', defineGoals, ['team goals add --template gmv-quarter --owner team --baseline 1500000', 'team goals split 1 --by member,period --dept 运营部', 'team goals tree', 'team goals list --status at-risk']);
  return program;
}


function defineDepts(depts: Command): void {
  examples(
    depts.command('add').argument('[name]').description(t('cmd.depts.add')).option('--description <text>', t('opt.description')).option('--json', t('opt.json')).action(lazy(load.deptsWrite, 'add')),
    ['team depts add 直播部 --description "抖音和淘宝直播"'],
  );
  examples(listOptions(depts.command('list').description(t('cmd.depts.list'))).action(lazy(load.deptsRead, 'list')), ['team depts list', 'team depts list --format csv > depts.csv']);
  examples(depts.command('show').argument('<dept>').description(t('cmd.depts.show')).option('--json', t('opt.json')).action(lazy(load.deptsRead, 'show')), ['team depts show 客服部']);
  examples(
    depts.command('edit').argument('<dept>').description(t('cmd.depts.edit')).option('--name <name>', t('opt.name')).option('--description <text>', t('opt.description')).option('--json', t('opt.json')).action(lazy(load.deptsWrite, 'edit')),
    ['team depts edit 客服部 --name 客户服务部'],
  );
  examples(depts.command('rm').argument('<dept>').description(t('cmd.depts.rm')).option('-y, --yes', t('opt.yes')).action(lazy(load.deptsWrite, 'rm')), ['team depts rm 直播部 --yes']);
}

function defineRoles(roles: Command): void {
  const roleWriteOptions = (c: Command) =>
    c
      .option('--dept <dept>', t('opt.dept'))
      .option('--reports-to <role>', t('opt.reportsTo'))
      .option('--description <text>', t('opt.description'))
      .option('--workflow <text>', t('opt.workflow'))
      .option('--json', t('opt.json'));
  examples(
    roleWriteOptions(roles.command('add').argument('[name]').description(t('cmd.roles.add')))
      .option('--duty <text>', t('opt.duty'), (v: string, prev: string[] = []) => [...prev, v])
      .action(lazy(load.rolesWrite, 'add')),
    ['team roles add 短视频运营 --dept 运营部 --reports-to 运营经理 --duty "每周策划 3 条短视频" --duty "跟踪播放和转化数据"'],
  );
  examples(listOptions(roles.command('list').description(t('cmd.roles.list')).option('--dept <dept>', t('opt.dept'))).action(lazy(load.rolesRead, 'list')), ['team roles list', 'team roles list --dept 客服部 --json']);
  examples(roles.command('show').argument('<role>').description(t('cmd.roles.show')).option('--json', t('opt.json')).action(lazy(load.rolesRead, 'show')), ['team roles show 客服经理']);
  examples(roleWriteOptions(roles.command('edit').argument('<role>').description(t('cmd.roles.edit')).option('--name <name>', t('opt.name'))).action(lazy(load.rolesWrite, 'edit')), ['team roles edit 直播主播 --reports-to 营销专员']);
  examples(roles.command('rm').argument('<role>').description(t('cmd.roles.rm')).option('-y, --yes', t('opt.yes')).action(lazy(load.rolesWrite, 'rm')), ['team roles rm 短视频运营 --yes']);
  const duties = examples(group(roles, 'duties', 'cmd.roles.duties'), ['team roles duties add 客服经理 "每季度组织一次复训" --at 2', 'team roles duties move 客服经理 5 1']);
  examples(duties.command('add').argument('<role>').argument('<text>').description(t('cmd.roles.duties.add')).option('--at <n>', t('opt.at')).option('--json', t('opt.json')).action(lazy(load.rolesWrite, 'dutyAdd')), ['team roles duties add 客服专员（售前） "首次响应不超过 30 秒" --at 1']);
  examples(duties.command('rm').argument('<role>').argument('<n>').description(t('cmd.roles.duties.rm')).option('-y, --yes', t('opt.yes')).option('--json', t('opt.json')).action(lazy(load.rolesWrite, 'dutyRm')), ['team roles duties rm 客服助理 3 --yes']);
  examples(duties.command('move').argument('<role>').argument('<from>').argument('<to>').description(t('cmd.roles.duties.move')).option('--json', t('opt.json')).action(lazy(load.rolesWrite, 'dutyMove')), ['team roles duties move 客服经理 4 1']);
}

function defineMembers(members: Command): void {
  const memberWriteOptions = (c: Command) =>
    c
      .option('--role <role>', t('opt.role'))
      .option('--dept <dept>', t('opt.dept'))
      .option('--manager <member>', t('opt.manager'))
      .option('--hire-date <date>', t('opt.hireDate'))
      .option('--contact <text>', t('opt.contact'))
      .option('--shift <shift>', t('opt.shift'))
      .option('--status <status>', t('opt.status'))
      .option('--json', t('opt.json'));
  examples(
    memberWriteOptions(members.command('add').argument('[handle]', t('opt.handle')).description(t('cmd.members.add')).option('--name <name>', t('opt.memberName'))).action(lazy(load.membersWrite, 'add')),
    ['team members add li.na --name 李娜 --role 客服经理 --hire-date 2024-03-01 --shift day', 'team members add   # asks for what is missing, on a terminal'],
  );
  examples(
    listOptions(
      members
        .command('list')
        .description(t('cmd.members.list'))
        .option('--dept <dept>', t('opt.dept'))
        .option('--role <role>', t('opt.role'))
        .option('--shift <shift>', t('opt.shift'))
        .option('--status <status>', t('opt.status'))
        .option('--all', t('opt.all')),
    ).action(lazy(load.membersRead, 'list')),
    ['team members list --dept 客服部', 'team members list --shift late --json', 'team members list --all --format md'],
  );
  examples(members.command('show').argument('<member>').description(t('cmd.members.show')).option('--json', t('opt.json')).action(lazy(load.membersRead, 'show')), ['team members show li.na']);
  examples(
    memberWriteOptions(members.command('edit').argument('<member>').description(t('cmd.members.edit')).option('--name <name>', t('opt.memberName')).option('--handle <handle>', t('opt.newHandle'))).action(lazy(load.membersWrite, 'edit')),
    ['team members edit li.na --shift late --manager wang.qiang'],
  );
  examples(members.command('archive').argument('<member>').description(t('cmd.members.archive')).option('--reassign-to <member>', t('opt.reassignTo')).option('--json', t('opt.json')).action(lazy(load.membersWrite, 'archive')), ['team members archive zhao.lei --reassign-to li.na']);
  examples(members.command('restore').argument('<member>').description(t('cmd.members.restore')).option('--json', t('opt.json')).action(lazy(load.membersWrite, 'restore')), ['team members restore zhao.lei']);
}

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
