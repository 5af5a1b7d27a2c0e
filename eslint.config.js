import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// ── Boundaries ────────────────────────────────────────────────────────────
// src/cli, src/db, src/i18n and src/shared are the kernel; every other folder
// of src/ is a feature. A feature uses another only through its public.ts
// (services, types) and, from handlers, its ui.ts (renderers); never its
// repository. Inside a feature the layers go one way: handler → service →
// repository → db, and rules stay pure. The kernel imports a feature only at
// its registration points (the program's list of features, the migration
// list, the schema's row types, the catalogs, the reference counters, the hook listeners).
const KERNEL = ['cli', 'db', 'i18n', 'shared'];
const FEATURES = readdirSync(new URL('./src/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !KERNEL.includes(d.name))
  .map((d) => d.name);

const pattern = (regex, message) => ({ regex, message });
/** Another feature's internals: anything but its public.ts (and ui.ts, for handlers). */
const otherFeatures = (self, allowUi) =>
  FEATURES.filter((f) => f !== self).map((f) => pattern(`(^|/)${f}/(?!public\\.js$${allowUi ? '|ui\\.js$' : ''})`, `Use ${f}/public.ts${allowUi ? ' or ui.ts' : ''}: a feature reaches another only through its public module.`));
const LAYER = {
  repository: pattern('(^|/)[\\w.-]*repository\\.js$', 'Only services use repositories (handler → service → repository).'),
  service: pattern('\\.service\\.js$', 'Services are called by handlers (and other services), not by rules, renderers or repositories.'),
  handlers: pattern('(^|/)handlers/', 'Handlers are the top layer: nothing imports them but command.ts (lazily).'),
  cli: pattern('(^|/)cli/', 'Only handlers, command.ts and renderers use the CLI kernel.'),
  db: pattern('(^|/)db/(?!sql\\.js$)', 'Only repositories, services and the kernel touch the database layer.'),
  dbAll: pattern('(^|/)db/', 'Rules are pure: no database.'),
  render: pattern('(^|/)(render|[\\w-]+\\.render|ui)\\.js$', 'Services return data; rendering is the handlers\' job.'),
  prompts: pattern('(^|/)cli/prompts', 'Only handlers prompt.'),
  io: pattern('^node:(fs|child_process|net|http|https|os|process)$', 'Rules are pure: no I/O, no clock, no printing.'),
};
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: false })) }] } });
const typesOk = (patterns) => patterns.map((p) => ({ ...p, allowTypeImports: true }));
const restrictTyped = (files, strict, typed) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [...strict, ...typesOk(typed)] }] } });

const boundaries = FEATURES.flatMap((f) => [
  restrict([`src/${f}/**/*.ts`], [...otherFeatures(f, false), LAYER.handlers]),
  restrict([`src/${f}/command.ts`], [...otherFeatures(f, false), LAYER.repository, LAYER.service, LAYER.db]),
  restrict([`src/${f}/handlers/**/*.ts`], [...otherFeatures(f, true), LAYER.repository, LAYER.db, LAYER.handlers]),
  restrictTyped([`src/${f}/**/*.service.ts`, `src/${f}/public.ts`, `src/${f}/references.ts`, `src/${f}/hooks.ts`, `src/${f}/templates.ts`], [...otherFeatures(f, false), LAYER.handlers, LAYER.render, LAYER.prompts], [LAYER.cli]),
  restrictTyped([`src/${f}/**/*repository.ts`, `src/${f}/table.ts`, `src/${f}/migrations/**/*.ts`], [...otherFeatures(f, false), LAYER.service, LAYER.handlers, LAYER.cli, LAYER.render], []),
  restrictTyped([`src/${f}/rules/**/*.ts`, `src/${f}/labels.ts`], [...otherFeatures(f, false), LAYER.repository, LAYER.handlers, LAYER.cli, LAYER.dbAll, LAYER.render, LAYER.io], [LAYER.service]),
  // Renderers may compose another feature's renderers (its ui.ts), as handlers may.
  restrictTyped([`src/${f}/render.ts`, `src/${f}/*.render.ts`, `src/${f}/ui.ts`], [...otherFeatures(f, true), LAYER.repository, LAYER.handlers, LAYER.db, LAYER.prompts], [LAYER.service]),
]);
const featureRe = FEATURES.join('|');
const kernel = [
  restrictTyped(['src/{cli,db,i18n,shared}/**/*.ts'], [pattern(`(^|/)(${featureRe})/`, 'The kernel knows no feature; register the feature at a registration point instead.')], []),
  // Registration points: each lists the features' parts of one kind.
  restrict(['src/cli/program.ts'], [pattern(`(^|/)(${featureRe})/(?!command\\.js$)`, 'program.ts only lists the features\' command.ts.')]),
  restrict(['src/db/migrations.ts'], [pattern(`(^|/)(${featureRe})/(?!migrations/)`, 'migrations.ts only lists the features\' migrations.')]),
  restrictTyped(['src/db/schema.ts'], [], [pattern(`(^|/)(${featureRe})/(?!table\\.js$)`, 'schema.ts only composes the features\' table.ts.')]),
  restrict(['src/db/hooks.ts'], [pattern(`(^|/)(${featureRe})/(?!hooks\\.js$)`, 'hooks.ts only lists the features\' hooks.ts.')]),
  restrict(['src/db/references.ts'], [pattern(`(^|/)(${featureRe})/(?!references\\.js$)`, 'references.ts only lists the features\' references.ts.')]),
  restrictTyped(['src/i18n/en.ts', 'src/i18n/zh.ts'], [pattern(`(^|/)(${featureRe})/(?![\\w.]*messages\\.(en|zh)\\.js$)`, 'The catalogs only compose the features\' messages.')], []),
  restrictTyped(['src/cli/io.ts', 'src/shared/**/*.ts'], [pattern(`(^|/)(${featureRe}|cli)/`, 'shared/ holds pure rules used by everyone: no CLI, no feature.')], [pattern('(^|/)db/', 'shared/ may name the database seam\'s types, never use it.')]),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.tmp/', 'tests/fixtures/lint/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Every promise is awaited or returned: a forgotten await in a test is a test that cannot fail.
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/await-thenable': 'error' },
  },
  {
    // ICU loads on first use (6–28 ms of a command): localeCompare (which also orders by the machine's
    // locale) and number formatting have ICU-free equivalents in shared/.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='localeCompare']", message: 'Use compareText (src/shared/order.ts): the same order everywhere, without loading ICU.' },
        { selector: "CallExpression[callee.property.name='toLocaleString']", message: 'Use formatDecimal (src/shared/numbers.ts): Intl\'s output without loading ICU.' },
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='NumberFormat']", message: 'Use formatDecimal (src/shared/numbers.ts): Intl\'s output without loading ICU.' },
        // Not ICU, the same kind of cost: the package's index sets up TZDate, walking Date's prototype, on every start that imports it.
        { selector: ":matches(ImportDeclaration[importKind!='type'], ExportNamedDeclaration[exportKind!='type'], ExportAllDeclaration[exportKind!='type'])[source.value='@date-fns/tz']", message: "Import the function's own module (@date-fns/tz/tzOffset, …): the index loads TZDate (~1 ms of every start), or import() it where it is needed." },
      ],
    },
  },
  ...boundaries,
  ...kernel,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { setTimeout: 'readonly', performance: 'readonly' } },
  },
);
