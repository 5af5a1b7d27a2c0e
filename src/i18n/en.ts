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
import { evaluationsEn } from '../evaluations/messages.en.js';
import { reportsEn } from '../reports/messages.en.js';
import { chatEn } from '../reports/chat.messages.en.js';
import { icsEn } from '../reports/ics.messages.en.js';
import { wordsEn } from './words.en.js';

/**
 * The catalog's parts, looked up in turn (i18n/index.ts), never merged: a
 * spread of 1,700 keys into one object costs 6–10 ms on every start here,
 * the parts themselves under one.
 */
export const enParts = [wordsEn, setupEn, orgEn, goalsEn, smartEn, databaseEn, meetingsEn, recurrenceEn, trainingEn, evaluationsEn, reportsEn, chatEn, icsEn] as const;

/** The keys of any of the parts (a union, not the intersection `keyof` of a union would give). */
type KeysOf<T> = T extends unknown ? keyof T : never;
export type MessageKey = KeysOf<(typeof enParts)[number]>;
