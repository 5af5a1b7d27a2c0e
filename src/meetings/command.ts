/** The meetings feature's commands (`team meetings …`, `team actions …`). Handlers load lazily. */
import type { Command } from 'commander';
import { examples, lazy, listOptions, type FeatureCommands } from '../cli/group.js';
import { t } from '../i18n/index.js';

const load = {
  series: () => import('./handlers/series.js'),
  views: () => import('./handlers/views.js'),
  minutes: () => import('./handlers/minutes.js'),
  actions: () => import('./handlers/actions.js'),
};

/** A repeatable option's values, in order. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

export const commands: FeatureCommands = (d) => {
  d.group('meetings', 'meetings.cmd', defineMeetings, ['team meetings upcoming --days 7', 'team meetings log 早会 --late zheng.hao --plan "wu.xue: 回复差评; 上新 3 款"', 'team meetings agenda 周会', 'team meetings day']);
  d.group('actions', 'meetings.cmd.actions', defineActions, ['team actions list --open', 'team actions done 4 --note "模板已上线"']);
};

function scheduleOptions(c: Command, mode: 'add' | 'edit'): Command {
  return c
    .option('--kind <kind>', t('meetings.opt.kind'))
    .option('--time <HH:MM>', t('meetings.opt.time'))
    .option('--duration <minutes>', t('meetings.opt.duration'))
    .option('--tz <zone>', t('meetings.opt.tz'))
    .option('--repeat <cadence>', t('meetings.opt.repeat'))
    .option('--interval <n>', t('meetings.opt.interval'))
    .option('--rrule <rule>', t('meetings.opt.rrule'))
    .option('--from <date>', t(mode === 'add' ? 'meetings.opt.from' : 'meetings.opt.fromEdit'))
    .option('--until <date>', t('meetings.opt.until'))
    .option('--attendees <list>', t('meetings.opt.attendees'))
    .option('--facilitator <member>', t('meetings.opt.facilitator'))
    .option('--place <text>', t('meetings.opt.place'))
    .option('--shift <shift>', t('meetings.opt.shift'))
    .option('--agenda <item>', t('meetings.opt.agenda'), collect)
    .option('--actor <name>', t('meetings.opt.actor'))
    .option('--json', t('opt.json'));
}

function defineMeetings(g: Command): void {
  examples(
    scheduleOptions(g.command('add').argument('[title]').description(t('meetings.cmd.add')), 'add').addHelpText('after', `\n${t('meetings.help.repeat')}`).action(lazy(load.series, 'add')),
    [
      'team meetings add 早会 --kind morning --time 09:00 --duration 15',
      'team meetings add "客服周会" --kind weekly --repeat weekly:fri --time 16:30 --attendees 客服部 --facilitator zhou.yang',
      'team meetings add "大促复盘" --repeat monthly:last-workday --time 15:00 --tz Asia/Shanghai --agenda "数据回顾; 问题; 改进"',
      'team meetings add "晚班交接" --repeat workdays --time 21:50 --duration 10 --shift late',
      'team meetings add "双周例会" --rrule "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" --time 14:00',
      `team meetings add   # ${t('meetings.example.wizard')}`,
    ],
  );
  examples(
    scheduleOptions(g.command('edit').argument('<meeting>').description(t('meetings.cmd.edit')).option('--title <title>', t('opt.name')), 'edit').action(lazy(load.series, 'edit')),
    ['team meetings edit 夕会 --time 18:00 --from 2026-12-07', 'team meetings edit 周会 --place "3 楼会议室" --agenda "业绩; 风险; 计划"'],
  );
  examples(g.command('skip').argument('<meeting>').description(t('meetings.cmd.skip')).requiredOption('--date <date>', t('meetings.opt.date')).option('--actor <name>', t('meetings.opt.actor')).option('--json', t('opt.json')).action(lazy(load.series, 'skip')), ['team meetings skip 早会 --date 2026-12-25']);
  examples(
    g
      .command('move')
      .argument('<meeting>')
      .description(t('meetings.cmd.move'))
      .requiredOption('--date <date>', t('meetings.opt.date'))
      .requiredOption('--to <date>', t('meetings.opt.to'))
      .option('--time <HH:MM>', t('meetings.opt.moveTime'))
      .option('--actor <name>', t('meetings.opt.actor'))
      .option('--json', t('opt.json'))
      .action(lazy(load.series, 'move')),
    ['team meetings move 周会 --date 2026-12-07 --to 2026-12-08', 'team meetings move 月会 --date 2027-01-01 --to 2027-01-04 --time 15:00'],
  );
  examples(g.command('end').argument('<meeting>').description(t('meetings.cmd.end')).option('--from <date>', t('meetings.opt.endFrom')).option('--actor <name>', t('meetings.opt.actor')).option('--json', t('opt.json')).action(lazy(load.series, 'end')), ['team meetings end "双周例会" --from 2027-01-01']);
  examples(listOptions(g.command('list').description(t('meetings.cmd.list'))).action(lazy(load.views, 'list')), ['team meetings list', 'team meetings list --format md']);
  examples(g.command('show').argument('<meeting>').description(t('meetings.cmd.show')).option('--json', t('opt.json')).action(lazy(load.views, 'show')), ['team meetings show 早会']);
  examples(
    listOptions(g.command('upcoming').description(t('meetings.cmd.upcoming')).option('--days <n>', t('meetings.opt.days')).option('--member <member>', t('meetings.opt.member')).option('--dept <dept>', t('meetings.opt.dept'))).action(lazy(load.views, 'upcoming')),
    ['team meetings upcoming', 'team meetings upcoming --days 30 --member sun.li --json'],
  );
  examples(g.command('agenda').argument('<meeting>').description(t('meetings.cmd.agenda')).option('--date <date>', t('meetings.opt.agendaDate')).option('--json', t('opt.json')).action(lazy(load.views, 'agenda')), ['team meetings agenda 周会', 'team meetings agenda 早会 --date 2026-12-02 --json']);
  examples(
    g
      .command('log')
      .argument('<meeting>')
      .description(t('meetings.cmd.log'))
      .option('--date <date>', t('meetings.opt.logDate'))
      .option('--extra', t('meetings.opt.extra'))
      .option('--absent <list>', t('meetings.opt.absent'))
      .option('--late <list>', t('meetings.opt.late'))
      .option('--excused <list>', t('meetings.opt.excused'))
      .option('--notes <text>', t('meetings.opt.notes'))
      .option('--decision <text>', t('meetings.opt.decision'), collect)
      .option('--action <"owner: text [due]">', t('meetings.opt.action'), collect)
      .option('--plan <"member: item; item">', t('meetings.opt.plan'), collect)
      .option('--done <"member: 1,3">', t('meetings.opt.done'), collect)
      .option('--problem <text>', t('meetings.opt.problem'), collect)
      .option('--actor <name>', t('meetings.opt.actor'))
      .option('--json', t('opt.json'))
      .action(lazy(load.minutes, 'log')),
    [
      'team meetings log 早会 --late zheng.hao --plan "wu.xue: 回复昨日差评; 整理售后模板" --plan "li.qiang: 双12 活动报名"',
      'team meetings log 夕会 --done "wu.xue: 1" --done "li.qiang: all" --problem "wu.xue: 物流延迟导致差评"',
      'team meetings log 周会 --absent ma.jun --decision "双12 主推 3 款" --action "chen.jing: 主图改版 [2026-12-08]"',
      'team meetings log 周会 --date 2026-12-09 --extra --notes "临时加会"',
      `team meetings log 月会   # ${t('meetings.example.logWizard')}`,
    ],
  );
  examples(g.command('refresh').description(t('meetings.cmd.refresh')).option('--json', t('opt.json')).action(lazy(load.series, 'refresh')), ['team meetings refresh']);
  examples(g.command('day').description(t('meetings.cmd.day')).option('--date <date>', t('meetings.opt.dayDate')).option('--member <member>', t('meetings.opt.member')).option('--json', t('opt.json')).action(lazy(load.views, 'day')), ['team meetings day', 'team meetings day --date 2026-11-30 --member wu.xue --json']);
  examples(
    listOptions(g.command('attendance').description(t('meetings.cmd.attendance')).option('--from <date>', t('meetings.opt.attFrom')).option('--to <date>', t('meetings.opt.attTo')).option('--member <member>', t('meetings.opt.member'))).action(lazy(load.views, 'attendance')),
    ['team meetings attendance --from 2026-11-01 --to 2026-11-30', 'team meetings attendance --member zheng.hao --format csv > attendance.csv'],
  );
}

function defineActions(g: Command): void {
  examples(
    listOptions(g.command('list').description(t('meetings.cmd.actions.list')).option('--owner <member>', t('meetings.opt.owner')).option('--open', t('meetings.opt.open')).option('--overdue', t('meetings.opt.overdue')).option('--meeting <meeting>', t('meetings.opt.meeting'))).action(lazy(load.actions, 'list')),
    ['team actions list --open', 'team actions list --overdue --owner chen.jing', 'team actions list --meeting 周会 --format md'],
  );
  examples(g.command('done').argument('<id>').description(t('meetings.cmd.actions.done')).option('--note <text>', t('meetings.opt.doneNote')).option('--actor <name>', t('meetings.opt.actor')).option('--json', t('opt.json')).action(lazy(load.actions, 'done')), ['team actions done 4 --note "模板已上线"']);
  examples(g.command('move').argument('<id>').description(t('meetings.cmd.actions.move')).requiredOption('--due <date>', t('meetings.opt.due')).option('--actor <name>', t('meetings.opt.actor')).option('--json', t('opt.json')).action(lazy(load.actions, 'move')), ['team actions move 4 --due 2026-12-10']);
  examples(g.command('drop').argument('<id>').description(t('meetings.cmd.actions.drop')).requiredOption('--reason <text>', t('meetings.opt.reason')).option('--actor <name>', t('meetings.opt.actor')).option('--json', t('opt.json')).action(lazy(load.actions, 'drop')), ['team actions drop 6 --reason "活动取消"']);
}
