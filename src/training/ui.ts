/** The training renderers other features' handlers may show (the demo prints where training stands). */
export { statusColumns } from './render.js';
