/** Words that mean "no value" where a reference or a field can be cleared (--manager none, --hire-date 无). */
export const NONE_WORDS: readonly string[] = ['none', '无', '-', ''];

/**
 * Whether the input asks to clear the value.
 * @example isNone('无') // true
 */
export function isNone(input: string | undefined): boolean {
  return input !== undefined && NONE_WORDS.includes(input.trim().toLowerCase());
}
