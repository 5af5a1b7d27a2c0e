/** 报表的 chat 部分的中文消息；键以 reports.chat. 开头。 */
import type { chatEn } from './chat.messages.en.js';

export const chatZh: Record<keyof typeof chatEn, string> = {
  'reports.chat.placeholder': '',
};
