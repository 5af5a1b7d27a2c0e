/** The reports renderers other features' handlers may show (the demo prints the weekly report). */
export { weeklyJson, weeklySections, weeklyTitle } from './render.js';
export { sectionsText } from './format.js';
