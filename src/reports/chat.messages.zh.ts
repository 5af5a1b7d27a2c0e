/** 报表的 chat 部分的中文消息；键以 reports.chat. 开头。 */
import type { chatEn } from './chat.messages.en.js';

export const chatZh: Record<keyof typeof chatEn, string> = {
  'reports.chat.service.dingtalk': '钉钉',
  'reports.chat.service.wecom': '企业微信',
  'reports.chat.service.feishu': '飞书',
  'reports.chat.service.slack': 'Slack',
  'reports.chat.err.url': '机器人地址（--webhook 或 TEAM_WEBHOOK）不是网址：请用机器人的 https:// 地址。',
  'reports.chat.err.protocol': '机器人地址（--webhook 或 TEAM_WEBHOOK）必须是 http(s) 网址，而不是 {protocol}。',
  'reports.chat.err.credentials': '机器人地址（--webhook 或 TEAM_WEBHOOK）里不能含用户名或密码。',
  'reports.chat.err.service': '未知的聊天服务“{value}”：请用 dingtalk、wecom、feishu 或 slack。',
  'reports.chat.err.serviceSuggest': '未知的聊天服务“{value}”。是不是“{suggestion}”？（dingtalk、wecom、feishu 或 slack）',
  'reports.chat.err.noService': '{host} 是哪种聊天服务？请加 --to dingtalk、wecom、feishu 或 slack（或设置 TEAM_WEBHOOK_TO）。',
  'reports.chat.err.mismatch': '{host} 是{actual}的机器人地址，不是{service}的：请改正 --to（或 TEAM_WEBHOOK_TO）。',
  'reports.chat.err.noSigning': '{service}机器人没有加签密钥：请去掉 --secret。',
  'reports.chat.err.tooManyParts': '这条消息要分成 {parts} 条{service}消息，而{service}每分钟最多收 {max} 条。什么也没发送：请缩小范围（--dept、--member）。',
  'reports.chat.err.refused': '{service}（{host}）拒收了消息：{reason}',
  'reports.chat.err.refusedPart': '{service}（{host}）拒收了第 {part}/{total} 部分：{reason}（之前的部分已发送）',
  'reports.chat.err.http': '{service}（{host}）返回 HTTP {status}；消息没有发出。',
  'reports.chat.err.httpPart': '{service}（{host}）对第 {part}/{total} 部分返回 HTTP {status}（之前的部分已发送）。',
  'reports.chat.err.unreachable': '连不上{service}（{host}，{reason}）；消息没有发出。',
  'reports.chat.err.unreachablePart': '发送第 {part}/{total} 部分时连不上{service}（{host}，{reason}）（之前的部分已发送）。',
  'reports.chat.err.timeout': '{service}（{host}）{seconds} 秒内没有应答；消息可能没有发出。',
  'reports.chat.err.timeoutPart': '{service}（{host}）{seconds} 秒内没有应答第 {part}/{total} 部分（之前的部分已发送）。',
};
