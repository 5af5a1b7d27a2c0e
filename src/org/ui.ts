/** The org renderers other features' handlers may show (the demo prints the team). */
export { memberColumns, renderMember } from './members.render.js';
export { renderOrgTree } from './org.render.js';
