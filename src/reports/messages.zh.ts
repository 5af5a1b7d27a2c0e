/** 报表与提醒命令的中文消息；键以 reports. 开头。 */
import type { reportsEn } from './messages.en.js';

export const reportsZh: Record<keyof typeof reportsEn, string> = {
  'reports.cmd.report': '报表：周报、个人成绩单、团队看板',
  'reports.cmd.weekly': '一周概览：目标、变化、会议、待办、培训、考核，以及 PPP 总结',
  'reports.cmd.member': '个人成绩单：岗位与职责、目标、KPI 趋势、培训、出勤、待办',
  'reports.cmd.team': '各部门看板：目标达成、出勤、KPI 均分的趋势',
  'reports.cmd.remind': '近期到期的一切（供 cron 使用）：会议、目标、待办、培训、考核截止',
  'reports.cmd.export': '导出到其他工具',
  'reports.cmd.ics': '导出一个日历（ICS）：例会、培训课次、目标截止日',
  'reports.opt.webhook': '同时把 Markdown 版本发到这个群机器人地址（或 TEAM_WEBHOOK）',
  'reports.opt.to': '群聊服务：dingtalk、wecom、feishu 或 slack（可由地址推断）',
  'reports.opt.secret': '群机器人的加签密钥（或 TEAM_WEBHOOK_SECRET）',
  'reports.opt.format': '输出格式：table、md、json 或 csv（csv 需配合 --section）',
  'reports.opt.section': '只输出这一节（csv），例如 goals',
  'reports.opt.out': '写入这个文件，而不是标准输出',
  'reports.opt.within': '向前看的时间窗：24h（默认）、3d、7d、2w',
  'reports.opt.member': '只看这位成员的',
  'reports.opt.remindFormat': '输出格式：text（默认）、md、json 或 ics',
  'reports.opt.quiet': '没有到期事项时什么也不输出',
  'reports.opt.week': 'ISO 周，例如 2026-W48（默认：本周）',
  'reports.opt.asOf': '包含这一天的那一周',
  'reports.opt.dept': '只看这个部门',
  'reports.opt.all': '每节列出全部行（默认只列最紧要的）',
  'reports.opt.period': '月份，YYYY-MM（默认：本月）',
  'reports.opt.months': '趋势覆盖的月数（默认 6）',
};
