/**
 * Runs before each test file. The in-process projects share one module graph
 * per worker (vitest.config.ts, `isolate: false`), so what a command leaves
 * in the program's process-wide state reaches the next file: here, the
 * message language (each `run` sets it for its command, but unit tests call
 * `t()` directly and expect English, as a fresh process starts).
 */
import { setLang } from '../src/i18n/index.js';

await setLang('en');
