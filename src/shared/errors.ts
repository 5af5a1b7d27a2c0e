import type { MessageKey } from '../i18n/index.js';

/** A message key as a parameter: translated when the message is shown (`{ state: label('goals.state.missed') }`). */
export interface Label {
  readonly label: MessageKey;
}
export const label = (key: MessageKey): Label => ({ label: key });

/** A list parameter is joined with the reader's separator when shown (", " in English, "、" in Chinese). */
export type MessageParams = Record<string, string | number | Label | readonly (string | Label)[]>;

/**
 * An expected failure, raised anywhere and turned into one translated line by
 * the CLI's error handler. Domain code says what went wrong, never how the
 * process ends: the CLI maps the class to an exit code (cli/errors.ts).
 * Each class says its own name: the bundle is minified, where
 * `new.target.name` would be a mangled one in TEAM_DEBUG=1's stack.
 */
export abstract class TeamError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

/**
 * The input was wrong (a bad value, an unknown name, a rule broken); nothing was written.
 * @example throw new InputError('org.err.member.duplicateHandle', { handle: 'li' })
 */
export class InputError extends TeamError {
  override name = 'InputError';
}

/** The input was fine, but the program could not do what was asked (the database cannot be opened, a check failed). */
export class Failure extends TeamError {
  override name = 'Failure';
}

/**
 * A name or id that matches nothing, with the closest known name, if any.
 * `kind` is the feature's own word for what was looked up, so a new feature
 * adds kinds without touching a shared list.
 * @example throw new NotFoundError('goals.kind.goal', '#12', undefined)
 */
export class NotFoundError extends InputError {
  override name = 'NotFoundError';
  constructor(
    readonly kind: MessageKey,
    readonly input: string,
    readonly suggestion: string | undefined,
  ) {
    super(suggestion ? 'err.notFound.suggest' : 'err.notFound', { input, suggestion: suggestion ?? '', kind: label(kind) });
  }
}

/**
 * A problem found at a line and column of a file the user gave (a CSV
 * import): the inner error's message, said after where it is.
 * @example throw new LineError(3, 'value', new InputError('err.invalid.number', { value: 'abc' }))
 */
export class LineError extends InputError {
  override name = 'LineError';
  constructor(
    readonly line: number,
    readonly column: string,
    readonly inner: TeamError,
  ) {
    super('err.atLine', { line, column });
  }
}

/** Raised when the user cancels a prompt (Ctrl-C); exits 130 with nothing written. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
