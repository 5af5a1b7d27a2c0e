/** The meetings renderers other features may show (the demo prints the open actions; training writes a class's time as a meeting's). */
export { actionColumns, timeRange } from './render.js';
export { KIND_LABEL as MEETING_KIND_LABEL } from './labels.js';
