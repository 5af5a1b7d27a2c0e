import { databaseZh } from '../database/messages.zh.js';
import { goalsZh } from '../goals/messages.zh.js';
import { meetingsZh } from '../meetings/messages.zh.js';
import { recurrenceZh } from '../meetings/recurrence.messages.zh.js';
import { smartZh } from '../goals/smart.messages.zh.js';
import { orgZh } from '../org/messages.zh.js';
import { setupZh } from '../setup/messages.zh.js';
import { trainingZh } from '../training/messages.zh.js';
import type { MessageKey } from './en.js';
import { wordsZh } from './words.zh.js';

/** 中文目录：键与 en.ts 完全一致（类型保证）。 */
export const zh: Record<MessageKey, string> = { ...wordsZh, ...setupZh, ...orgZh, ...goalsZh, ...smartZh, ...databaseZh, ...meetingsZh, ...recurrenceZh, ...trainingZh };
