/** What other features' handlers may render of evaluations. */
export { rewardColumns, rankingColumns } from './render.js';
export { STATE_LABEL as CYCLE_STATE_LABEL } from './labels.js';
