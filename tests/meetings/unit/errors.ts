/** The meetings unit tests' one helper for refused input. */
import { InputError } from '../../../src/shared/errors.js';

/** The InputError `f` throws (the test fails when it throws nothing, or something else). */
export function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
