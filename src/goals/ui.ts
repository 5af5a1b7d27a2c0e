/** The goal renderers other features' handlers may show (the demo prints the cascade). */
export { goalColumns, renderGoalTree } from './render.js';
