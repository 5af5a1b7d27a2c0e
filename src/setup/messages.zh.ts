import type { setupEn } from './messages.en.js';

/** init 和 demo 的中文消息；键以 setup. 开头。 */
export const setupZh: Record<keyof typeof setupEn, string> = {
  'setup.cmd.init': '创建数据库并载入预设（可重复运行）',
  'setup.opt.preset': '要载入的预设：ecommerce 或 blank',
  'setup.init.done': '数据库已就绪：{path}（预设 {preset}：新增 {departments} 个部门、{roles} 个岗位、{duties} 条职责、{meetings} 个会议、{courses} 门培训课程、{kpis} 项 KPI、{seasons} 个大促季、{rewardRules} 条奖惩规则）。',
  'setup.cmd.demo': '搭建一个真实的示例网店团队并展示（导览）',
  'setup.demo.where': '示例数据库：{path}',
  'setup.demo.exists': '数据库 {path} 里已有成员；demo 需要空数据库（请换一个 --db 路径）。',
  'setup.demo.heading.org': '汇报关系',
  'setup.demo.heading.members': '成员',
  'setup.demo.heading.goals': '目标',
  'setup.demo.heading.actions': '会议上未完成的行动项',
  'setup.demo.heading.rewards': '{period} 奖惩：按等级与名次（team evals rewards）',
  'setup.demo.heading.training': '培训：计划、逾期与将到期项、最近成绩',
  'setup.demo.next': '试试：\n  team --db {path} goals tree\n  team --db {path} meetings agenda 周会\n  team --db {path} roles show 客服经理',
  'setup.err.invalidPreset': '未知预设“{value}”：请用 ecommerce 或 blank。',
};
