/** The goal renderers other features' handlers may show (the demo prints the cascade). */
export { goalColumns, renderGoalTree } from './render.js';
export { formatQuantity, ownerLabel, progressBar, statusLabel, statusText } from './render.js';
