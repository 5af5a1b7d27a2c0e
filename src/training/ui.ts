/** The training renderers other features' handlers may show (the demo prints where training stands). */
export { statusColumns } from './render.js';
export { SOURCE_LABEL as TRAINING_SOURCE_LABEL, STATUS_LABEL as TRAINING_STATUS_LABEL } from './labels.js';
