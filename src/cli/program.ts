/**
 * The program: global options and the list of features whose commands it
 * carries. Each feature declares its own commands in its command.ts.
 */
import { Command } from 'commander';
import { commands as database } from '../database/command.js';
import { commands as goals } from '../goals/command.js';
import { commands as meetings } from '../meetings/command.js';
import { t, type MessageKey } from '../i18n/index.js';
import { commands as org } from '../org/command.js';
import { commands as setup } from '../setup/command.js';
import { commands as training } from '../training/command.js';
import { commands as evaluations } from '../evaluations/command.js';
import { commands as reports } from '../reports/command.js';
import { declarer, type FeatureCommands } from './group.js';
import { io } from './io.js';

/** Every feature with commands, in the order `team --help` lists them. */
const FEATURES: readonly FeatureCommands[] = [setup, org, goals, meetings, training, evaluations, reports, database];

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.globalOptions',
};


export function createProgram(version: string, argv: readonly string[] = []): Command {
  const program = new Command('team')
    .description(t('program.description'))
    .version(version, '-V, --version', t('opt.version'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('help.command'))
    .option('--db <path>', t('opt.db'))
    .option('--lang <lang>', t('opt.lang'))
    .option('--no-color', t('opt.noColor'))
    .configureHelp({ styleTitle: (s: string) => (TITLES[s] ? t(TITLES[s]) : s), showGlobalOptions: true })
    .showSuggestionAfterError(true)
    // Parse errors are translated and printed once by main(); set before any
    // sub-command is declared, since commands copy these settings when created.
    .configureOutput({ outputError: () => {}, writeOut: (s) => io().stdout.write(s), writeErr: (s) => io().stderr.write(s), getOutHelpWidth: () => (io().stdout.isTTY ? io().stdout.columns : undefined) as number, getErrHelpWidth: () => (io().stderr.isTTY ? io().stderr.columns : undefined) as number, getOutHasColors: () => false, getErrHasColors: () => false })
    .exitOverride();
  const d = declarer(program, argv);
  for (const declare of FEATURES) declare(d);
  return program;
}
