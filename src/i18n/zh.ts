import { databaseZh } from '../database/messages.zh.js';
import { goalsZh } from '../goals/messages.zh.js';
import { meetingsZh } from '../meetings/messages.zh.js';
import { recurrenceZh } from '../meetings/recurrence.messages.zh.js';
import { smartZh } from '../goals/smart.messages.zh.js';
import { orgZh } from '../org/messages.zh.js';
import { setupZh } from '../setup/messages.zh.js';
import { trainingZh } from '../training/messages.zh.js';
import { evaluationsZh } from '../evaluations/messages.zh.js';
import { reportsZh } from '../reports/messages.zh.js';
import { chatZh } from '../reports/chat.messages.zh.js';
import { icsZh } from '../reports/ics.messages.zh.js';
import type { MessageKey } from './en.js';
import { wordsZh } from './words.zh.js';

/** 中文目录的各部分，与 en.ts 一一对应，逐个查找、从不合并（见 en.ts）。 */
export const zhParts = [wordsZh, setupZh, orgZh, goalsZh, smartZh, databaseZh, meetingsZh, recurrenceZh, trainingZh, evaluationsZh, reportsZh, chatZh, icsZh] as const;

type KeysOf<T> = T extends unknown ? keyof T : never;
type ZhKey = KeysOf<(typeof zhParts)[number]>;
// Fails to compile when the Chinese parts lack a key of the English ones, or have one more.
const _sameKeys: [MessageKey] extends [ZhKey] ? ([ZhKey] extends [MessageKey] ? true : never) : never = true;
void _sameKeys;
