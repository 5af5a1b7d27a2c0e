import type { MessageKey } from '../i18n/index.js';

export type MessageParams = Record<string, string | number>;

/**
 * An expected failure, raised anywhere and turned into one translated line by
 * the CLI's error handler. `exitCode` 2 means the input was wrong (nothing was
 * written); 1 means the program could not do what was asked.
 * @example throw new TeamError('err.member.duplicateHandle', { handle: 'li' })
 */
export class TeamError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(key);
    this.name = 'TeamError';
  }
}

/** Raised when a name or id matches nothing; carries the closest known name, if any. */
export class NotFoundError extends TeamError {
  constructor(
    readonly kind: 'member' | 'role' | 'department' | 'goal' | 'owner',
    readonly input: string,
    readonly suggestion: string | undefined,
  ) {
    super(suggestion ? 'err.notFound.suggest' : 'err.notFound', { input, suggestion: suggestion ?? '' }, 2);
    this.name = 'NotFoundError';
  }
}

/** Raised when the user cancels a prompt (Ctrl-C); exits 130 with nothing written. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
