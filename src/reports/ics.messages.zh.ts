/** 报表的 ics 部分的中文消息；键以 reports.ics. 开头。 */
import type { icsEn } from './ics.messages.en.js';

export const icsZh: Record<keyof typeof icsEn, string> = {
  'reports.ics.placeholder': '',
};
