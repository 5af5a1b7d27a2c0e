/**
 * The process's streams and environment, behind one object so that tests can
 * run the whole program in-process (`run(argv, io)`) with captured output.
 * Only the kernel touches `process.stdout`, `process.env` and friends, here.
 */
import { fstatSync, writeSync } from 'node:fs';

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

/**
 * Whether a descriptor is a terminal. Only a character device can be one, and
 * fstat says so without node:tty, whose loading brings net and the streams
 * (~2–5 ms of a start) to the pipes and files of scripts and cron. Nor is
 * Linux's /dev/null one: its memory devices (major 1: null, zero, full,
 * random) never are.
 */
export function isTerminal(fd: number): boolean {
  try {
    const s = fstatSync(fd);
    if (!s.isCharacterDevice() || (process.platform === 'linux' && ((s.rdev >> 8) & 0xfff) === MEMORY_DEVICES)) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** Linux's major device number of /dev/null and its kind (Documentation/admin-guide/devices.txt). */
const MEMORY_DEVICES = 1;

/**
 * Standard output or error. A terminal gets Node's stream (its width, its
 * colours). A pipe or a file gets write(2) straight away: Node's stream for
 * one is as synchronous on Linux, but building it loads net and the streams.
 * Standard output closed early (`team … | head`) ends the process quietly
 * with 0, as before; standard error closed early only stops the messages, so
 * that the command still ends with its own exit code. A descriptor someone
 * made non-blocking, once full, is handed to Node's stream, which waits for it.
 * `sys` stands in for write(2) and the terminal check (tests/cli/unit/io.test.ts).
 */
export function standardStream(fd: 1 | 2, sys: { write?: typeof writeSync; terminal?: boolean } = {}): OutStream {
  const write = sys.write ?? writeSync;
  let terminal: boolean | undefined = sys.terminal;
  let node: NodeJS.WriteStream | undefined;
  let closed = false;
  const epipe = () => {
    if (fd === 1) process.exit(0);
    closed = true;
  };
  const tty = () => (terminal ??= isTerminal(fd));
  const stream = () => {
    if (node) return node;
    node = fd === 1 ? process.stdout : process.stderr;
    node.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      epipe();
    });
    return node;
  };
  return {
    write(text: string) {
      if (closed) return true;
      if (node || tty()) return stream().write(text);
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; ) {
        try {
          at += write(fd, bytes, at);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') return stream().write(bytes.subarray(at));
          if (code !== 'EPIPE') throw e;
          epipe();
          return true;
        }
      }
      return true;
    },
    get isTTY() {
      return tty();
    },
    get columns() {
      return tty() ? stream().columns : undefined;
    },
  };
}

let std: { stdout: OutStream; stderr: OutStream } | undefined;

// isTerminal(0), not process.stdin.isTTY: the getter builds the stdin stream (4 ms) that only prompts use.
// Asked only when a command would prompt: `team … | less` from a terminal then never loads node:tty for it.
export const processIo = (): Io => {
  std ??= { stdout: standardStream(1), stderr: standardStream(2) };
  let stdin: boolean | undefined;
  return {
    ...std,
    get stdinIsTTY() {
      return (stdin ??= isTerminal(0));
    },
    env: process.env,
  };
};

let current: Io | undefined;

/** The streams of the command being run. */
export function io(): Io {
  return (current ??= processIo());
}

/** Sets the streams for one run; main() calls it first. */
export function useIo(next: Io): void {
  current = next;
}
