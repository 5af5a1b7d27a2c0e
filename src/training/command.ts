/** The training feature's commands (`team training …`). Handlers load lazily. */
import type { Command } from 'commander';
import { examples, group, lazy, listOptions, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  courses: () => import('./handlers/courses.js'),
  plans: () => import('./handlers/plans.js'),
  sessions: () => import('./handlers/sessions.js'),
  views: () => import('./handlers/views.js'),
  catalog: () => import('./handlers/catalog.js'),
};

export const commands: FeatureCommands = (d) => {
  d.group('training', 'training.cmd', defineTraining, [
    'team training status --overdue',
    'team training plan zheng.hao --courses 客服基础,售后服务流程 --due 2026-12-31',
    'team training assess zheng.hao 客服基础 --kind theory --score 86',
    'team training sessions add 平台规则 --date 2026-12-03 --time 14:00',
    'team training report --from 2026-09-01',
  ]);
};

function courseOptions(c: Command): Command {
  return c
    .option('--topic <text>', t('training.opt.topic'))
    .option('--format <format>', t('training.opt.courseFormat'))
    .option('--hours <n>', t('training.opt.hours'))
    .option('--trainer <member>', t('training.opt.trainer'))
    .option('--provider <text>', t('training.opt.provider'))
    .option('--roles <list>', t('training.opt.roles'))
    .option('--onboarding', t('training.opt.onboarding'))
    .option('--no-onboarding', t('training.opt.noOnboarding'))
    .option('--pass-mark <0-100>', t('training.opt.passMark'))
    .option('--assess <kinds>', t('training.opt.assess'))
    .option('--refresh <interval>', t('training.opt.refresh'))
    .option('--requires <courses>', t('training.opt.requires'))
    .option('--description <text>', t('training.opt.description'))
    .option('--json', t('opt.json'));
}

function defineTraining(g: Command): void {
  const courses = group(g, 'courses', 'training.cmd.courses');
  examples(courseOptions(courses.command('add').argument('[title]').description(t('training.cmd.courses.add'))).action(lazy(load.courses, 'add')), [
    'team training courses add "大促话术" --topic 销售 --format roleplay --hours 2 --roles 客服专员（售前） --assess simulation --pass-mark 80',
    'team training courses add "平台规则更新" --format online --hours 1 --assess theory --pass-mark 90 --refresh quarterly',
    `team training courses add   # ${t('training.example.wizard')}`,
  ]);
  examples(listOptions(courses.command('list').description(t('training.cmd.courses.list')).option('--role <role>', t('training.opt.role')).option('--all', t('training.opt.allCourses'))).action(lazy(load.catalog, 'courses')), ['team training courses list', 'team training courses list --role 客服经理 --format md']);
  examples(courses.command('show').argument('<course>').description(t('training.cmd.courses.show')).option('--json', t('opt.json')).action(lazy(load.catalog, 'course')), ['team training courses show 客服基础']);
  examples(courseOptions(courses.command('edit').argument('<course>').description(t('training.cmd.courses.edit')).option('--title <title>', t('opt.name'))).action(lazy(load.courses, 'edit')), ['team training courses edit 平台规则 --refresh 2m --pass-mark 85']);
  examples(courses.command('retire').argument('<course>').description(t('training.cmd.courses.retire')).option('--json', t('opt.json')).action(lazy(load.courses, 'retire')), ['team training courses retire "旧版后台操作"']);

  examples(
    g
      .command('plan')
      .argument('[member]')
      .description(t('training.cmd.plan'))
      .option('--courses <list>', t('training.opt.courses'))
      .option('--role <role>', t('training.opt.planRole'))
      .option('--due <date>', t('training.opt.due'))
      .option('--json', t('opt.json'))
      .action(lazy(load.plans, 'plan')),
    ['team training plan zheng.hao --courses 客服基础,售后服务流程 --due 2026-12-31', 'team training plan --role 客服专员（售后）'],
  );
  examples(g.command('drop').argument('<member>').argument('<course>').description(t('training.cmd.drop')).requiredOption('--reason <text>', t('training.opt.reason')).option('--json', t('opt.json')).action(lazy(load.plans, 'drop')), ['team training drop wu.xue 直播技巧 --reason "转岗仓储"']);
  examples(g.command('complete').argument('<member>').argument('<course>').description(t('training.cmd.complete')).option('--date <date>', t('training.opt.date')).option('--json', t('opt.json')).action(lazy(load.plans, 'complete')), ['team training complete zheng.hao 企业文化 --date 2026-11-28']);
  examples(
    g
      .command('assess')
      .argument('<member>')
      .argument('<course>')
      .description(t('training.cmd.assess'))
      .option('--kind <kind>', t('training.opt.kind'))
      .option('--score <0-100>', t('training.opt.score'))
      .option('--assessor <member>', t('training.opt.assessor'))
      .option('--note <text>', t('training.opt.note'))
      .option('--date <date>', t('training.opt.date'))
      .option('--json', t('opt.json'))
      .action(lazy(load.plans, 'assess')),
    ['team training assess zheng.hao 客服基础 --kind theory --score 86', 'team training assess zheng.hao 冲突处理 --kind simulation --score 58 --assessor zhou.yang --note "情绪安抚不足"'],
  );

  examples(listOptions(g.command('attempts').argument('<member>').description(t('training.cmd.attempts')).option('--course <course>', t('training.opt.course'))).action(lazy(load.views, 'attempts')), ['team training attempts zheng.hao', 'team training attempts zheng.hao --course 冲突处理 --format csv']);

  const sessions = group(g, 'sessions', 'training.cmd.sessions');
  examples(
    sessions
      .command('add')
      .argument('<course>')
      .description(t('training.cmd.sessions.add'))
      .option('--date <date>', t('training.opt.sessionDate'))
      .option('--time <HH:MM>', t('training.opt.time'))
      .option('--duration <minutes>', t('training.opt.duration'))
      .option('--tz <zone>', t('training.opt.tz'))
      .option('--trainer <member>', t('training.opt.sessionTrainer'))
      .option('--place <text>', t('training.opt.place'))
      .option('--attendees <list>', t('training.opt.attendees'))
      .option('--json', t('opt.json'))
      .action(lazy(load.sessions, 'add')),
    ['team training sessions add 平台规则 --date 2026-12-03 --time 14:00 --place "3 楼会议室"', 'team training sessions add 冲突处理 --date 2026-12-10 --time 10:00 --duration 90 --attendees 客服部 --trainer zhou.yang'],
  );
  examples(listOptions(sessions.command('list').description(t('training.cmd.sessions.list')).option('--course <course>', t('training.opt.course')).option('--member <member>', t('training.opt.member')).option('--from <date>', t('training.opt.sessionsFrom')).option('--to <date>', t('training.opt.to'))).action(lazy(load.catalog, 'sessions')), ['team training sessions list', 'team training sessions list --from 2026-11-01 --member zheng.hao --json']);
  examples(sessions.command('show').argument('<session>').description(t('training.cmd.sessions.show')).option('--json', t('opt.json')).action(lazy(load.catalog, 'session')), ['team training sessions show 3']);
  examples(sessions.command('attend').argument('<session>').description(t('training.cmd.sessions.attend')).option('--absent <list>', t('training.opt.absent')).option('--present <list>', t('training.opt.present')).option('--json', t('opt.json')).action(lazy(load.sessions, 'attend')), ['team training sessions attend 3 --absent wu.xue']);

  examples(listOptions(g.command('status').description(t('training.cmd.status')).option('--member <member>', t('training.opt.member')).option('--role <role>', t('training.opt.role')).option('--dept <dept>', t('training.opt.dept')).option('--overdue', t('training.opt.overdue'))).action(lazy(load.views, 'status')), ['team training status', 'team training status --dept 客服部 --overdue', 'team training status --member zheng.hao --json']);
  examples(listOptions(g.command('report').description(t('training.cmd.report')).option('--course <course>', t('training.opt.course')).option('--from <date>', t('training.opt.from')).option('--to <date>', t('training.opt.to'))).action(lazy(load.views, 'report')), ['team training report', 'team training report --course 客服基础 --from 2026-09-01 --to 2026-11-30 --json']);
  examples(
    g
      .command('settings')
      .description(t('training.cmd.settings'))
      .option('--onboarding-days <n>', t('training.opt.onboardingDays'))
      .option('--retake-days <n>', t('training.opt.retakeDays'))
      .option('--soon-days <n>', t('training.opt.soonDays'))
      .option('--json', t('opt.json'))
      .action(lazy(load.views, 'settings')),
    ['team training settings', 'team training settings --onboarding-days 45 --retake-days 7'],
  );
}
