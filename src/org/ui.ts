/** The org renderers other features' handlers may show (the demo prints the team). */
export { memberColumns } from './members.render.js';
export { renderOrgTree } from './org.render.js';
export { shiftText } from './members.render.js';
