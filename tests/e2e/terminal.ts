/**
 * The prompts, on a real terminal: `script` (util-linux) gives the command a
 * pseudo-terminal, and keystrokes are typed into it as a person would.
 * Without a terminal the same commands name the missing flags (see the
 * in-process suites).
 */
import { spawn, spawnSync } from 'node:child_process';
import { BIN } from '../helpers.js';

export const hasScript = spawnSync('script', ['--version']).status === 0;
export const ENTER = '\r';
export const DOWN = '\x1b[B';
export const CTRL_C = '\x03';
export const BACKSPACE = '\x7f';
/** The keys that delete what was typed (a rejected answer stays in the field, to be fixed). */
export const erase = (typed: string) => BACKSPACE.repeat([...typed].length);

/** How long the screen must stay unchanged before the next key is typed. */
const IDLE_MS = 300;

/**
 * Runs `team …args` on `db` on a pseudo-terminal and types each key once the
 * screen has settled (no output for IDLE_MS): a key typed before its prompt
 * is drawn could go to the previous one, and fixed pauses made the prompt
 * tests the slowest of the suite. Resolves to the exit code and the screen.
 */
export function onTerminal(db: string, args: string[], keys: string[]): Promise<{ code: number; screen: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', quoted, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TEAM_DB: db, TEAM_TODAY: '2026-11-23', LANG: 'en_US.UTF-8', NO_COLOR: '1', TERM: 'xterm' },
  });
  let screen = '';
  let next = 0;
  let idle: NodeJS.Timeout | undefined;
  const typeNext = () => {
    if (next < keys.length) child.stdin.write(keys[next++]!);
    else child.stdin.end();
  };
  child.stdout.on('data', (d: Buffer) => {
    screen += d.toString();
    clearTimeout(idle);
    idle = setTimeout(typeNext, IDLE_MS);
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(idle);
      resolve({ code: code ?? -1, screen });
    }),
  );
}
