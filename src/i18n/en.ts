/**
 * The English catalog: the kernel's words and every feature's messages, keyed
 * by feature (org., goals., setup.). The Chinese catalog must have exactly the
 * same keys (the type of zh.ts enforces it). `{name}` marks a parameter.
 * A new feature adds its two message files here and in zh.ts.
 */
import { databaseEn } from '../database/messages.en.js';
import { goalsEn } from '../goals/messages.en.js';
import { meetingsEn } from '../meetings/messages.en.js';
import { recurrenceEn } from '../meetings/recurrence.messages.en.js';
import { smartEn } from '../goals/smart.messages.en.js';
import { orgEn } from '../org/messages.en.js';
import { setupEn } from '../setup/messages.en.js';
import { trainingEn } from '../training/messages.en.js';
import { wordsEn } from './words.en.js';

export const en = { ...wordsEn, ...setupEn, ...orgEn, ...goalsEn, ...smartEn, ...databaseEn, ...meetingsEn, ...recurrenceEn, ...trainingEn } as const;

export type MessageKey = keyof typeof en;
