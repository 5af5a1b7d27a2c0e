/** English messages of the reports' chat part; keys begin with reports.chat. */
export const chatEn = {
  'reports.chat.placeholder': '',
} as const;
