import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk that always colours: output.ts has already decided colour is wanted. */
export function colorChalk(): ChalkInstance {
  return new Chalk({ level: 1 });
}
