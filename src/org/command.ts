/** The org feature's commands: depts, roles (with duties), members, org. Handlers load lazily. */
import type { Command } from 'commander';
import { examples, group, lazy, listOptions, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  deptsRead: () => import('./handlers/depts-read.js'),
  deptsWrite: () => import('./handlers/depts-write.js'),
  rolesRead: () => import('./handlers/roles-read.js'),
  rolesWrite: () => import('./handlers/roles-write.js'),
  membersRead: () => import('./handlers/members-read.js'),
  membersWrite: () => import('./handlers/members-write.js'),
  org: () => import('./handlers/org.js'),
};

export const commands: FeatureCommands = (d) => {
  d.group('depts', 'org.cmd.depts', defineDepts, ['team depts list', 'team depts show 客服部 --json']);
  d.group('roles', 'org.cmd.roles', defineRoles, ['team roles list --dept 客服部', 'team roles show 客服经理', 'team roles duties add 客服助理 "每日统计接待量和满意度"']);
  d.group('members', 'org.cmd.members', defineMembers, ['team members add li.na --name 李娜 --role 客服经理', 'team members list --shift late', 'team members archive zhao.lei --reassign-to li.na']);
  examples(d.program.command('org').description(t('org.cmd.org')).option('--dept <dept>', t('org.opt.dept')).option('--json', t('opt.json')).action(lazy(load.org, 'org')), ['team org', 'team org --dept 客服部 --json']);
};

function defineDepts(depts: Command): void {
  examples(
    depts.command('add').argument('[name]').description(t('org.cmd.depts.add')).option('--description <text>', t('org.opt.description')).option('--json', t('opt.json')).action(lazy(load.deptsWrite, 'add')),
    ['team depts add 直播部 --description "抖音和淘宝直播"'],
  );
  examples(listOptions(depts.command('list').description(t('org.cmd.depts.list'))).action(lazy(load.deptsRead, 'list')), ['team depts list', 'team depts list --format csv > depts.csv']);
  examples(depts.command('show').argument('<dept>').description(t('org.cmd.depts.show')).option('--json', t('opt.json')).action(lazy(load.deptsRead, 'show')), ['team depts show 客服部']);
  examples(
    depts.command('edit').argument('<dept>').description(t('org.cmd.depts.edit')).option('--name <name>', t('opt.name')).option('--description <text>', t('org.opt.description')).option('--json', t('opt.json')).action(lazy(load.deptsWrite, 'edit')),
    ['team depts edit 客服部 --name 客户服务部'],
  );
  examples(depts.command('rm').argument('<dept>').description(t('org.cmd.depts.rm')).option('-y, --yes', t('org.opt.yes')).action(lazy(load.deptsWrite, 'rm')), ['team depts rm 直播部 --yes']);
}

function defineRoles(roles: Command): void {
  const roleWriteOptions = (c: Command) =>
    c
      .option('--dept <dept>', t('org.opt.dept'))
      .option('--reports-to <role>', t('org.opt.reportsTo'))
      .option('--description <text>', t('org.opt.description'))
      .option('--workflow <text>', t('org.opt.workflow'))
      .option('--json', t('opt.json'));
  examples(
    roleWriteOptions(roles.command('add').argument('[name]').description(t('org.cmd.roles.add')))
      .option('--duty <text>', t('org.opt.duty'), (v: string, prev: string[] = []) => [...prev, v])
      .action(lazy(load.rolesWrite, 'add')),
    ['team roles add 短视频运营 --dept 运营部 --reports-to 运营经理 --duty "每周策划 3 条短视频" --duty "跟踪播放和转化数据"'],
  );
  examples(listOptions(roles.command('list').description(t('org.cmd.roles.list')).option('--dept <dept>', t('org.opt.dept'))).action(lazy(load.rolesRead, 'list')), ['team roles list', 'team roles list --dept 客服部 --json']);
  examples(roles.command('show').argument('<role>').description(t('org.cmd.roles.show')).option('--json', t('opt.json')).action(lazy(load.rolesRead, 'show')), ['team roles show 客服经理']);
  examples(roleWriteOptions(roles.command('edit').argument('<role>').description(t('org.cmd.roles.edit')).option('--name <name>', t('opt.name'))).action(lazy(load.rolesWrite, 'edit')), ['team roles edit 直播主播 --reports-to 营销专员']);
  examples(roles.command('rm').argument('<role>').description(t('org.cmd.roles.rm')).option('-y, --yes', t('org.opt.yes')).action(lazy(load.rolesWrite, 'rm')), ['team roles rm 短视频运营 --yes']);
  const duties = examples(group(roles, 'duties', 'org.cmd.roles.duties'), ['team roles duties add 客服经理 "每季度组织一次复训" --at 2', 'team roles duties move 客服经理 5 1']);
  examples(duties.command('add').argument('<role>').argument('<text>').description(t('org.cmd.roles.duties.add')).option('--at <n>', t('org.opt.at')).option('--json', t('opt.json')).action(lazy(load.rolesWrite, 'dutyAdd')), ['team roles duties add 客服专员（售前） "首次响应不超过 30 秒" --at 1']);
  examples(duties.command('rm').argument('<role>').argument('<n>').description(t('org.cmd.roles.duties.rm')).option('-y, --yes', t('org.opt.yes')).option('--json', t('opt.json')).action(lazy(load.rolesWrite, 'dutyRm')), ['team roles duties rm 客服助理 3 --yes']);
  examples(duties.command('move').argument('<role>').argument('<from>').argument('<to>').description(t('org.cmd.roles.duties.move')).option('--json', t('opt.json')).action(lazy(load.rolesWrite, 'dutyMove')), ['team roles duties move 客服经理 4 1']);
}

function defineMembers(members: Command): void {
  const memberWriteOptions = (c: Command) =>
    c
      .option('--role <role>', t('org.opt.role'))
      .option('--dept <dept>', t('org.opt.dept'))
      .option('--manager <member>', t('org.opt.manager'))
      .option('--hire-date <date>', t('org.opt.hireDate'))
      .option('--contact <text>', t('org.opt.contact'))
      .option('--shift <shift>', t('org.opt.shift'))
      .option('--status <status>', t('org.opt.status'))
      .option('--json', t('opt.json'));
  examples(
    memberWriteOptions(members.command('add').argument('[handle]', t('org.opt.handle')).description(t('org.cmd.members.add')).option('--name <name>', t('org.opt.memberName'))).action(lazy(load.membersWrite, 'add')),
    ['team members add li.na --name 李娜 --role 客服经理 --hire-date 2024-03-01 --shift day', `team members add   # ${t('org.example.wizard')}`],
  );
  examples(
    listOptions(
      members
        .command('list')
        .description(t('org.cmd.members.list'))
        .option('--dept <dept>', t('org.opt.dept'))
        .option('--role <role>', t('org.opt.role'))
        .option('--shift <shift>', t('org.opt.shift'))
        .option('--status <status>', t('org.opt.status'))
        .option('--all', t('org.opt.all')),
    ).action(lazy(load.membersRead, 'list')),
    ['team members list --dept 客服部', 'team members list --shift late --json', 'team members list --all --format md'],
  );
  examples(members.command('show').argument('<member>').description(t('org.cmd.members.show')).option('--json', t('opt.json')).action(lazy(load.membersRead, 'show')), ['team members show li.na']);
  examples(
    memberWriteOptions(members.command('edit').argument('<member>').description(t('org.cmd.members.edit')).option('--name <name>', t('org.opt.memberName')).option('--handle <handle>', t('org.opt.newHandle'))).action(lazy(load.membersWrite, 'edit')),
    ['team members edit li.na --shift late --manager wang.qiang'],
  );
  examples(members.command('archive').argument('<member>').description(t('org.cmd.members.archive')).option('--reassign-to <member>', t('org.opt.reassignTo')).option('--json', t('opt.json')).action(lazy(load.membersWrite, 'archive')), ['team members archive zhao.lei --reassign-to li.na']);
  examples(members.command('restore').argument('<member>').description(t('org.cmd.members.restore')).option('--json', t('opt.json')).action(lazy(load.membersWrite, 'restore')), ['team members restore zhao.lei']);
}
