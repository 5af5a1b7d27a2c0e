/**
 * Option validation with zod for the commands that write. Each schema's
 * messages are catalog keys, so failures come out as one translated line
 * naming the flag. (List commands avoid zod: it costs start-up time.)
 */
import { z } from 'zod';
import { InputError, type MessageParams } from '../shared/errors.js';
import { isMessageKey, type MessageKey } from '../i18n/index.js';
import { NONE_WORDS } from '../shared/none.js';
import { DECIMAL, MAX_QUANTITY } from '../shared/numbers.js';
import { dateIssue } from './dates.js';
import { messageOf } from './errors.js';

const flagOf = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A calendar day; the failure says whether the text is malformed or the day does not exist ("February 2026 has 28 days"). */
export const isoDate = z.string().superRefine((s, ctx) => {
  const issue = dateIssue('', s);
  if (issue) ctx.addIssue({ code: 'custom', message: issue.key, params: issue.params });
});
/** A date, or a none-word that clears it (edit commands). */
export const isoDateOrNone = z.string().superRefine((s, ctx) => {
  if (NONE_WORDS.includes(s.trim().toLowerCase())) return;
  const issue = dateIssue('', s);
  if (issue) ctx.addIssue({ code: 'custom', message: issue.key, params: issue.params });
});
export const text = z.string().trim().min(1, { message: 'err.invalid.empty' satisfies MessageKey });
/** A whole number from 1 up to 2^53 − 1 (beyond it, integers round silently). */
export const positiveInt = z
  .string()
  .regex(/^\s*[1-9]\d*\s*$/, { message: 'err.invalid.position' satisfies MessageKey })
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n), { message: 'err.invalid.positionRange' satisfies MessageKey });

/** Parses commander's options; the first failure becomes a TeamError naming the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown, fieldNames: Record<string, string> = {}): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = issue.path[0] ?? '';
  const value = raw && typeof raw === 'object' ? String((raw as Record<PropertyKey, unknown>)[key as PropertyKey] ?? '') : '';
  const field = fieldNames[String(key)] ?? flagOf(key);
  const known = isMessageKey(issue.message) ? issue.message : 'err.invalid';
  // A custom issue may carry parameters of its own (the days of a month).
  const extra = issue.code === 'custom' ? (issue.params as MessageParams | undefined) : undefined;
  // A choice among values names them (z.enum's issue carries them).
  const choices = issue.code === 'invalid_value' ? { choices: issue.values.map(String) } : undefined;
  throw new InputError(known, { reason: issue.message, ...extra, ...choices, field, value });
}

/**
 * A number as typed: "100000", "100,000", "1_000", "-3.5", within
 * ±MAX_QUANTITY (a trillion): "1e309" would be Infinity, and numbers that
 * large are typos in a shop's goals.
 */
const numeral = z
  .string()
  .transform((s) => s.replace(/[,_，]/g, '').trim())
  .refine((s) => DECIMAL.test(s), { message: 'err.invalidNumber' satisfies MessageKey })
  .transform(Number);
export const numberText = numeral
  .refine((n) => Math.abs(n) <= MAX_QUANTITY, { message: 'err.invalid.numberRange' satisfies MessageKey });

/**
 * A number in [min, max], as typed ("85", "85.5"); anything outside it, or
 * too large to be finite ("1e309"), gets `key`, which names the range.
 * @example boundedNumber(0, 100, 'training.err.scoreRange')
 */
export const boundedNumber = (min: number, max: number, key: MessageKey) => numeral.refine((n) => Number.isFinite(n) && n >= min && n <= max, { message: key });

/** A number that is zero or more (weights). */
export const weightText = numberText.refine((n) => n >= 0, { message: 'err.invalid.nonNegative' satisfies MessageKey });

/** A comma-separated list: "a,b , c" → ['a', 'b', 'c']. */
export const listText = z.string().transform((s) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean));

/**
 * A prompt's validate function from a schema: true, or the translated message
 * the same text would get as `field` on the command line. Empty answers pass
 * when `optional`.
 */
export function promptCheck(schema: z.ZodType, field: string, optional = false): (v: string) => true | string {
  return (v) => {
    if (optional && v.trim() === '') return true;
    try {
      parseOptions(z.object({ v: schema }), { v: v.trim() }, { v: field });
      return true;
    } catch (e) {
      if (e instanceof InputError) return messageOf(e);
      throw e;
    }
  };
}

/** True when `check` passes, else the message of the InputError it throws (what a prompt shows before asking again). */
export async function answerError(check: () => Promise<unknown>): Promise<true | string> {
  try {
    await check();
    return true;
  } catch (e) {
    if (e instanceof InputError) return messageOf(e);
    throw e;
  }
}
