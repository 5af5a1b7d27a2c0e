/** The meetings renderers other features' handlers may show (the demo prints the open actions). */
export { actionColumns } from './render.js';
