/** 报表的 ics 部分的中文消息；键以 reports.ics. 开头。 */
import type { icsEn } from './ics.messages.en.js';

export const icsZh: Record<keyof typeof icsEn, string> = {
  'reports.ics.name': '团队日历',
  'reports.ics.nameMember': '{name}（{handle}）的团队日历',
  'reports.ics.facilitator': '主持人：{handle}',
  'reports.ics.session': '培训：{course}',
  'reports.ics.trainer': '讲师：{trainer}',
  'reports.ics.due': '截止：{title}',
  'reports.ics.goalOwner': '{owner}的目标 #{id}',
  'reports.ics.written': '已将 {count} 个日程写入 {file}。',
};
