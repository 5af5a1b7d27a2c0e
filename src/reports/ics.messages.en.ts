/** English messages of the reports' ics part; keys begin with reports.ics. */
export const icsEn = {
  'reports.ics.name': 'Team calendar',
  'reports.ics.nameMember': 'Team calendar of {name} ({handle})',
  'reports.ics.facilitator': 'Facilitator: {handle}',
  'reports.ics.session': 'Training: {course}',
  'reports.ics.trainer': 'Trainer: {trainer}',
  'reports.ics.due': 'Due: {title}',
  'reports.ics.goalOwner': 'Goal #{id} of {owner}',
  'reports.ics.written': 'Wrote {count} events to {file}.',
} as const;
