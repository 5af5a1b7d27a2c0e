/** What other features may use of reports: the demo ends with the weekly report. */
export { getWeeklyReport, SECTION_LIMIT, type WeeklyReport } from './weekly.service.js';
export { weekOf, type Week } from './rules/week.js';
