/**
 * The layout's rules are enforced by lint (eslint.config.js): these probes
 * lint one import in a pretend file and check that the rule fires, so a later
 * edit of the config cannot switch the boundaries off unnoticed.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    // The probes are not files of the TypeScript project: skip the type-aware rules.
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/await-thenable': 'off' } },
  });
});

/** The boundary messages for `code` placed at `file`. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = x;\n`, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('feature boundaries', () => {
  it.each([
    ['a feature reaching into another feature\'s repository', 'src/goals/split.service.ts', "import { x } from '../org/members.repository.js';", /org\/public\.ts/],
    ['a feature reaching into another feature\'s service', 'src/goals/view.service.ts', "import { x } from '../org/members.service.js';", /org\/public\.ts/],
    ['a service using another feature\'s renderers', 'src/setup/demo.service.ts', "import { x } from '../org/ui.js';", /public\.ts/],
    ['a handler using a repository', 'src/goals/handlers/read.ts', "import { x } from '../repository.js';", /Only services use repositories/],
    ['a handler opening the database itself', 'src/org/handlers/members-read.ts', "import { x } from '../../db/connection.js';", /database layer/],
    ['a service printing', 'src/goals/goals.service.ts', "import { x } from '../cli/output.js';", /CLI kernel/],
    ['a service prompting', 'src/org/members.service.ts', "import { x } from '../cli/prompts.js';", /Only handlers prompt/],
    ['a repository calling a service', 'src/goals/repository.ts', "import { x } from './view.service.js';", /Services are called by handlers/],
    ['a rule touching the database', 'src/goals/rules/split.ts', "import { x } from '../../db/sql.js';", /Rules are pure/],
    ['a rule reading files', 'src/goals/rules/periods.ts', "import { x } from 'node:fs';", /Rules are pure/],
    ['a renderer calling a repository', 'src/goals/render.ts', "import { x } from './repository.js';", /Only services use repositories/],
    ['the kernel importing a feature', 'src/cli/output.ts', "import { x } from '../goals/render.js';", /kernel knows no feature/],
    ['program.ts importing more than command.ts', 'src/cli/program.ts', "import { x } from '../goals/public.js';", /command\.ts/],
    ['shared rules using the CLI', 'src/shared/dates.ts', "import { x } from '../cli/io.js';", /shared\//],
  ])('refuses %s', async (_what, file, code, message) => {
    const found = await violations(file, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((m) => message.test(m)), found.join('\n')).toBe(true);
  });

  it.each([
    ['a service using another feature\'s public module', 'src/goals/split.service.ts', "import { x } from '../org/public.js';"],
    ['a handler showing another feature\'s renderers', 'src/setup/handlers/demo.ts', "import { x } from '../../org/ui.js';"],
    ['a handler calling its service', 'src/goals/handlers/write.ts', "import { x } from '../goals.service.js';"],
    ['a service naming the CLI\'s types', 'src/goals/view.service.ts', "import type { x } from '../cli/output.js';"],
    ['program.ts listing a feature\'s commands', 'src/cli/program.ts', "import { x } from '../goals/command.js';"],
    ['the catalog composing a feature\'s messages', 'src/i18n/en.ts', "import { x } from '../goals/messages.en.js';"],
  ])('allows %s', async (_what, file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
