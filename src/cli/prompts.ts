/**
 * Every interactive prompt lives here. @inquirer/prompts is loaded only when a
 * prompt is really shown, and never without a terminal (it would hang on an
 * empty stdin): callers get a one-line error naming the missing flags instead.
 */
import { CancelledError, InputError } from '../shared/errors.js';
import { t } from '../i18n/index.js';
import { io } from './io.js';

export function canPrompt(): boolean {
  const { stdout, env } = io();
  // Standard output first: asking whether standard input is a terminal loads node:tty (cli/io.ts).
  return Boolean(stdout.isTTY) && io().stdinIsTTY && env.TEAM_NO_PROMPT !== '1';
}

/** Throws the "missing flags" usage error when there is no terminal to ask on. */
export function requireFlags(missing: readonly string[]): void {
  if (missing.length > 0 && !canPrompt()) throw new InputError('prompt.missingFlags', { flags: missing });
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') throw new CancelledError();
    throw e;
  }
}

/**
 * Asks for a line of text. `validate` checks each answer as it is given (true,
 * or the message to show before asking again); it may ask the database.
 */
export async function askText(message: string, opts: { required?: boolean; default?: string; validate?: (v: string) => string | true | Promise<string | true> } = {}): Promise<string> {
  const { input } = await import('./prompts-lib.js');
  // A required answer is checked here, not by the library: its "You must provide a value" is English only.
  const validate = opts.validate;
  // The caller's own check speaks first (it may say better what an empty answer lacks).
  const check = opts.required
    ? async (v: string) => {
        const own = validate ? await validate(v) : true;
        if (own !== true) return own;
        return v.trim() === '' && opts.default === undefined ? t('prompt.required') : true;
      }
    : validate;
  const answer = await guard(
    input({
      message,
      ...(opts.default !== undefined ? { default: opts.default } : {}),
      ...(check ? { validate: check } : {}),
    }),
  );
  return answer.trim();
}

export async function askChoice<T extends string | number>(message: string, choices: readonly { name: string; value: T }[]): Promise<T> {
  const { select } = await import('./prompts-lib.js');
  return guard(select({ message, choices: [...choices], pageSize: 12 }));
}

/**
 * Confirms a destructive step: `--yes` skips it; without a terminal it fails
 * asking for `--yes`; a "no" aborts with nothing written.
 */
export async function confirmOrAbort(yes: boolean | undefined, message: string): Promise<void> {
  if (yes) return;
  if (!canPrompt()) throw new InputError('err.needsYes');
  const { confirm } = await import('./prompts-lib.js');
  const ok = await guard(confirm({ message, default: false }));
  if (!ok) throw new CancelledError();
}

/** A yes/no question; Ctrl-C cancels the command (exit 130) rather than answering "no". */
export async function askYesNo(message: string, fallback: boolean): Promise<boolean> {
  const { confirm } = await import('./prompts-lib.js');
  return guard(confirm({ message, default: fallback }));
}
