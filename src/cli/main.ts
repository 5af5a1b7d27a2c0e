/** Entry point: the only place that exits. */
import { CommanderError } from 'commander';
import { InputError } from '../shared/errors.js';
import { detectLang, langFromLocale, setLang, t } from '../i18n/index.js';
import { reportError, UsageExit } from './errors.js';
import { io, processIo, useIo, type Io } from './io.js';
import { runtime } from './runtime.js';
import { createProgram } from './program.js';
import { commandWords } from './group.js';
import { closestMatch } from '../shared/match.js';

declare const __VERSION__: string;

/** Reads `--lang X` / `--lang=X` before commander runs, so help text is translated too. */
function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1] ?? '';
    if (a.startsWith('--lang=')) return a.slice(7);
  }
  return undefined;
}

/** Commander's English parse errors, said again in the user's language. */
function translateCommanderError(e: CommanderError): string {
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const suggestion = /Did you mean (.+?)\?/.exec(e.message)?.[1];
  const hint = suggestion ? t('cli.didYouMean', { suggestion }) : '';
  switch (e.code) {
    case 'commander.unknownOption':
      return t('cli.unknownOption', { option: quoted[0] ?? '', hint });
    case 'commander.unknownCommand':
      return t('cli.unknownCommand', { command: quoted[0] ?? '', hint });
    case 'commander.missingArgument':
      return t('cli.missingArgument', { argument: quoted[0] ?? '' });
    case 'commander.missingMandatoryOptionValue':
      return t('cli.missingOption', { option: quoted[0] ?? '' });
    case 'commander.optionMissingArgument':
      return t('cli.optionMissingArgument', { option: quoted[0] ?? '' });
    case 'commander.excessArguments': {
      const [, expected = '?', got = '?'] = /Expected (\d+) arguments? but got (\d+)/.exec(e.message) ?? [];
      return t('cli.excessArguments', { command: quoted[0] ?? '', expected, got });
    }
    default:
      return e.message.replace(/^error: /, '');
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { env } = io();
  const flag = langFlag(argv.slice(2));
  await setLang(detectLang(flag, env));
  runtime.color = !argv.includes('--no-color');
  runtime.langExplicit = flag !== undefined || Boolean(env.TEAM_LANG);
  if (flag !== undefined && !langFromLocale(flag)) throw new InputError('err.invalidLang', { value: flag });

  const program = createProgram(__VERSION__, argv.slice(2));
  // `team help foo` would print the general help and exit 0 (commander's way): refuse it as `team foo` is refused.
  const [first, topic] = commandWords(argv.slice(2));
  if (first === 'help' && topic !== undefined && !program.commands.some((c) => c.name() === topic || c.aliases().includes(topic))) {
    const suggestion = closestMatch(topic, program.commands.map((c) => c.name()));
    io().stderr.write(`team: ${t('cli.unknownCommand', { command: topic, hint: suggestion ? t('cli.didYouMean', { suggestion }) : '' })}\n`);
    return 2;
  }
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'commander.executeSubCommandAsync') return e.exitCode;
      io().stderr.write(`team: ${translateCommanderError(e)}\n`);
      throw new UsageExit(2);
    }
    throw e;
  }
  return 0;
}

/**
 * Runs one command line (`argv` as in process.argv) and resolves to its exit
 * code; bin/team sets process.exitCode from it. Never throws. Tests pass
 * their own streams and environment to run the whole program in-process.
 * @example const code = await run(['node', 'team', 'goals', 'list', '--json'], { stdout, stderr, stdinIsTTY: false, env })
 */
export function run(argv: readonly string[], streams: Io = processIo()): Promise<number> {
  useIo(streams);
  return main(argv).catch((e: unknown) => reportError(e));
}
