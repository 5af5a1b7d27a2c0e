import { CancelledError, Failure, LineError, TeamError, type Label, type MessageParams } from '../shared/errors.js';
import { t } from '../i18n/index.js';
import { io } from './io.js';

/** A commander parse error, already translated by the program's output hook. */
export class UsageExit extends Error {
  constructor(readonly exitCode: number) {
    super('usage');
  }
}

/** The translated one-line message of a TeamError. */
export function messageOf(e: TeamError): string {
  if (e instanceof LineError) return t('err.atLine', { line: e.line, column: e.column, message: messageOf(e.inner) });
  return t(e.key, translateParams(e.params));
}

/** Parameters that are message keys (enum values, kinds) said in the reader's language. */
export function translateParams(params: MessageParams): Record<string, string | number> {
  const say = (v: string | number | Label) => (typeof v === 'object' ? t(v.label) : v);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.map(say).join(t('list.separator')) : say(v as string | number | Label)]));
}

/** Which exit code a domain error class means: the input was wrong (2), or the program could not do it (1). */
export function exitCodeOf(e: TeamError): 1 | 2 {
  return e instanceof Failure ? 1 : 2;
}

/**
 * The single place that turns a failure into one stderr line and an exit code:
 * 2 for usage/validation, 1 for runtime, 130 for Ctrl-C. Stack only with TEAM_DEBUG=1.
 */
export function reportError(e: unknown): number {
  const { env, stderr } = io();
  const debug = env.TEAM_DEBUG === '1';
  const line = (msg: string) => stderr.write(`team: ${msg}\n`);
  if (e instanceof UsageExit) return e.exitCode;
  if (e instanceof CancelledError || (e instanceof Error && e.name === 'ExitPromptError')) {
    line(t('err.cancelled'));
    return 130;
  }
  if (e instanceof TeamError) {
    line(messageOf(e));
    if (debug) stderr.write(`${e.stack}\n`);
    return exitCodeOf(e);
  }
  const err = e instanceof Error ? e : new Error(String(e));
  line(t('err.unexpected', { message: err.message.split('\n')[0] ?? '' }));
  if (debug) stderr.write(`${err.stack}\n`);
  return 1;
}
