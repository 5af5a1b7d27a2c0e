/** What other features' handlers may render of evaluations. */
export { rewardColumns, rankingColumns } from './render.js';
