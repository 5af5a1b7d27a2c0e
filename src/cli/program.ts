/**
 * Every command is declared here, in one place; handlers are imported lazily
 * so `team --help` and list commands never load prompts, CSV or report code.
 */
import { Command, Option } from 'commander';
import { t, type MessageKey } from '../i18n/index.js';
import { ctxFrom, type Ctx } from './context.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (ctx: Ctx, ...args: any[]) => Promise<void>;
type Loader = () => Promise<Record<string, Handler>>;

/** Wraps a lazily imported handler: commander's (args…, opts, cmd) → handler(ctx, args…, opts). */
function lazy(load: Loader, name: string) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const rest = args.slice(0, -1);
    const mod = await load();
    await mod[name]!(ctxFrom(cmd), ...rest);
  };
}

const load = {
  init: () => import('./commands/init.js'),
  demo: () => import('./commands/demo.js'),
  depts: () => import('./commands/depts.js'),
  roles: () => import('./commands/roles.js'),
  membersRead: () => import('./commands/members-read.js'),
  membersWrite: () => import('./commands/members-write.js'),
  org: () => import('./commands/org.js'),
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

export function createProgram(version: string): Command {
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

  // departments
  const depts = group(program, 'depts', 'cmd.depts');
  examples(
    depts.command('add').argument('[name]').description(t('cmd.depts.add')).option('--description <text>', t('opt.description')).option('--json', t('opt.json')).action(lazy(load.depts, 'add')),
    ['team depts add 直播部 --description "抖音和淘宝直播"'],
  );
  examples(listOptions(depts.command('list').description(t('cmd.depts.list'))).action(lazy(load.depts, 'list')), ['team depts list', 'team depts list --format csv > depts.csv']);
  examples(depts.command('show').argument('<dept>').description(t('cmd.depts.show')).option('--json', t('opt.json')).action(lazy(load.depts, 'show')), ['team depts show 客服部']);
  examples(
    depts.command('edit').argument('<dept>').description(t('cmd.depts.edit')).option('--name <name>', t('opt.name')).option('--description <text>', t('opt.description')).option('--json', t('opt.json')).action(lazy(load.depts, 'edit')),
    ['team depts edit 客服部 --name 客户服务部'],
  );
  examples(depts.command('rm').argument('<dept>').description(t('cmd.depts.rm')).option('-y, --yes', t('opt.yes')).action(lazy(load.depts, 'rm')), ['team depts rm 直播部 --yes']);

  // roles
  const roles = group(program, 'roles', 'cmd.roles');
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
      .action(lazy(load.roles, 'add')),
    ['team roles add 短视频运营 --dept 运营部 --reports-to 运营经理 --duty "每周策划 3 条短视频" --duty "跟踪播放和转化数据"'],
  );
  examples(listOptions(roles.command('list').description(t('cmd.roles.list')).option('--dept <dept>', t('opt.dept'))).action(lazy(load.roles, 'list')), ['team roles list', 'team roles list --dept 客服部 --json']);
  examples(roles.command('show').argument('<role>').description(t('cmd.roles.show')).option('--json', t('opt.json')).action(lazy(load.roles, 'show')), ['team roles show 客服经理']);
  examples(roleWriteOptions(roles.command('edit').argument('<role>').description(t('cmd.roles.edit')).option('--name <name>', t('opt.name'))).action(lazy(load.roles, 'edit')), ['team roles edit 直播主播 --reports-to 营销专员']);
  examples(roles.command('rm').argument('<role>').description(t('cmd.roles.rm')).option('-y, --yes', t('opt.yes')).action(lazy(load.roles, 'rm')), ['team roles rm 短视频运营 --yes']);
  const duties = group(roles, 'duties', 'cmd.roles.duties');
  examples(duties.command('add').argument('<role>').argument('<text>').description(t('cmd.roles.duties.add')).option('--at <n>', t('opt.at')).option('--json', t('opt.json')).action(lazy(load.roles, 'dutyAdd')), ['team roles duties add 客服专员（售前） "首次响应不超过 30 秒" --at 1']);
  examples(duties.command('rm').argument('<role>').argument('<n>').description(t('cmd.roles.duties.rm')).option('--json', t('opt.json')).action(lazy(load.roles, 'dutyRm')), ['team roles duties rm 客服助理 3']);
  examples(duties.command('move').argument('<role>').argument('<from>').argument('<to>').description(t('cmd.roles.duties.move')).option('--json', t('opt.json')).action(lazy(load.roles, 'dutyMove')), ['team roles duties move 客服经理 4 1']);

  // members
  const members = group(program, 'members', 'cmd.members');
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

  examples(program.command('org').description(t('cmd.org')).option('--dept <dept>', t('opt.dept')).option('--json', t('opt.json')).action(lazy(load.org, 'org')), ['team org', 'team org --dept 客服部 --json']);

  return program;
}
