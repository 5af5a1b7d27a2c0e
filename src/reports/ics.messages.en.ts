/** English messages of the reports' ics part; keys begin with reports.ics. */
export const icsEn = {
  'reports.ics.placeholder': '',
} as const;
