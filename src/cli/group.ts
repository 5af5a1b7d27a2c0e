/**
 * What a feature's command.ts uses to declare its commands: cheap declarations
 * whose handlers are imported only when the command runs, so `team --help` and
 * list commands never load prompts, CSV or report code.
 */
import type { Command } from 'commander';
import { t, type MessageKey } from '../i18n/index.js';
import type { Ctx } from './context.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (ctx: Ctx, ...args: any[]) => Promise<void>;
/** A handler module, imported on first use: `() => import('./handlers/read.js')`. */
export type Loader = () => Promise<Record<string, unknown>>;

/**
 * Wraps a lazily imported handler: commander's (args…, opts, cmd) → handler(ctx, args…, opts).
 * @example cmd.action(lazy(() => import('./handlers/read.js'), 'list'))
 */
export function lazy(load: Loader, name: string) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const rest = args.slice(0, -1);
    const [mod, { ctxFrom, adoptTeamLanguage, closeEarly, sayNotices }, { loadColor }] = await Promise.all([load(), import('./context.js'), import('./output.js')]);
    await loadColor();
    const ctx = await ctxFrom(cmd);
    try {
      await adoptTeamLanguage(ctx);
      await (mod[name] as Handler)(ctx, ...rest);
      sayNotices(ctx);
    } finally {
      await closeEarly();
    }
  };
}

/** Appends an "Examples:" block to a command's --help. */
export function examples(cmd: Command, lines: readonly string[]): Command {
  return cmd.addHelpText('after', `\n${t('help.examples')}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}

/** --json and --format for lists; --json alone for show. */
export function listOptions(cmd: Command): Command {
  return cmd.option('--json', t('opt.json')).option('--format <format>', t('opt.format'));
}

/** A sub-group (`team roles duties …`), declared at once. */
export function group(parent: Command, name: string, desc: MessageKey): Command {
  return parent.command(name).description(t(desc));
}

/** Global options that take a value, to skip when looking for the command word. */
const VALUE_OPTIONS = new Set(['--db', '--lang']);

/** The first two words of a command line, global options skipped: `team --db x members list` → members, list. */
export function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words;
}

/** The group a command line asks for: `team --db x members list` → members; `team help goals` → goals. */
export function wantedGroup(argv: readonly string[]): string | undefined {
  const words = commandWords(argv);
  return words[0] === 'help' ? words[1] : words[0];
}

/** How a feature adds its commands to the program (see program.ts for the list of features). */
export interface Declare {
  program: Command;
  /**
   * A command group whose verbs are declared only when the command line names
   * it (or asks for its help): `team --help` and `team members list` then build
   * a dozen commands instead of every one.
   */
  group(name: string, desc: MessageKey, define: (g: Command) => void, exampleLines: readonly string[]): void;
}

/** A feature's command declarations: `export const commands: FeatureCommands = (d) => { d.group(…) }`. */
export type FeatureCommands = (d: Declare) => void;

export function declarer(program: Command, argv: readonly string[]): Declare {
  const wanted = wantedGroup(argv);
  return {
    program,
    group(name, desc, define, exampleLines) {
      const g = group(program, name, desc);
      if (wanted !== name) return;
      define(g);
      examples(g, exampleLines);
    },
  };
}
