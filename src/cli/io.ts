/**
 * The process's streams and environment, behind one object so that tests can
 * run the whole program in-process (`run(argv, io)`) with captured output.
 * Only the kernel touches `process.stdout`, `process.env` and friends, here.
 */
import { isatty } from 'node:tty';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** Whether standard input is a terminal (prompts need one). */
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

// isatty(0), not process.stdin.isTTY: the getter builds the stdin stream (4 ms) that only prompts use.
export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, stdinIsTTY: isatty(0), env: process.env });

let current: Io | undefined;

/** The streams of the command being run. */
export function io(): Io {
  return (current ??= processIo());
}

/** Sets the streams for one run; main() calls it first. */
export function useIo(next: Io): void {
  current = next;
}
