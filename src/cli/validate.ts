/**
 * Option validation with zod for the commands that write. Each schema's
 * messages are catalog keys, so failures come out as one translated line
 * naming the flag. (List commands avoid zod: it costs start-up time.)
 */
import { z } from 'zod';
import { InputError } from '../shared/errors.js';
import { isCalendarDate } from '../shared/dates.js';
import { isMessageKey, type MessageKey } from '../i18n/index.js';
import { NONE_WORDS } from '../shared/none.js';

const flagOf = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export const isoDate = z.string().refine((s) => isCalendarDate(s), { message: 'err.invalidDate' satisfies MessageKey });
/** A date, or a none-word that clears it (edit commands). */
export const isoDateOrNone = z.string().refine((s) => NONE_WORDS.includes(s.trim().toLowerCase()) || isCalendarDate(s), { message: 'err.invalidDate' satisfies MessageKey });
export const text = z.string().trim().min(1, { message: 'err.invalid.empty' satisfies MessageKey });
export const positiveInt = z
  .string()
  .regex(/^\s*[1-9]\d*\s*$/, { message: 'err.invalid.position' satisfies MessageKey })
  .transform(Number);

/** Parses commander's options; the first failure becomes a TeamError naming the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown, fieldNames: Record<string, string> = {}): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = issue.path[0] ?? '';
  const value = raw && typeof raw === 'object' ? String((raw as Record<PropertyKey, unknown>)[key as PropertyKey] ?? '') : '';
  const field = fieldNames[String(key)] ?? flagOf(key);
  const known = isMessageKey(issue.message) ? issue.message : 'err.invalid';
  throw new InputError(known, { field, value, reason: issue.message });
}

/** A number as typed: "100000", "100,000", "1_000", "-3.5". */
export const numberText = z
  .string()
  .transform((s) => s.replace(/[,_，]/g, '').trim())
  .refine((s) => /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s), { message: 'err.invalidNumber' satisfies MessageKey })
  .transform(Number);

/** A number that is zero or more (weights). */
export const weightText = numberText.refine((n) => n >= 0, { message: 'err.invalid.nonNegative' satisfies MessageKey });

/** A comma-separated list: "a,b , c" → ['a', 'b', 'c']. */
export const listText = z.string().transform((s) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean));
