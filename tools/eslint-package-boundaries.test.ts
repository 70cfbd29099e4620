import { resolve } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import careloom from './eslint-package-boundaries.js';

const root = resolve(import.meta.dirname, '..');
const linter = new Linter({ configType: 'flat' });
const config = [{
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser as Linter.Parser },
  plugins: { careloom },
  rules: { 'careloom/package-boundaries': 'error' as const },
}];

/** The rule's messages for `code` as if it were the file at `path` (repository-relative). */
function lint(path: string, code: string): string[] {
  return linter.verify(code, config, { filename: resolve(root, path) }).map((message) => message.message);
}

describe('careloom/package-boundaries', () => {
  it('fails a relative import that climbs out of the designer into the server', () => {
    const messages = lint('designer/src/api/bad.ts', "import type { Role } from '../../../runtime/src/domain/principal.js';\nexport type R = Role;\n");
    expect(messages).toEqual(["'../../../runtime/src/domain/principal.js' reaches from @careloom/designer into @careloom/server by a relative path: import it as @careloom/server/… through an export."]);
  });

  it('fails relative imports across every kind of boundary: re-exports, dynamic imports, the nested web apps', () => {
    expect(lint('runtime/web/patient/bad.ts', "export * from '../../src/domain/care/charts.js';")).toHaveLength(1);
    expect(lint('runtime/src/bad.ts', "await import('../web/shared/i18n.js');")).toHaveLength(1);
    expect(lint('renderer/src/bad.ts', "export { x } from '../../schemas/src/issue.js';")).toHaveLength(1);
  });

  it('fails a deep import of a path the package does not export', () => {
    expect(lint('designer/src/bad.ts', "import { scoreInstrument } from '@careloom/format/src/engine/scoring.js';\nscoreInstrument;\n")).toEqual([
      "@careloom/format does not export './src/engine/scoring.js' (its package.json \"exports\" lists ., ./engine, ./validate, ./migrations, ./workflow, ./ydoc, ./rich-text-extensions, ./api, ./api/schemas, ./testing, ./json/*, ./package.json).",
    ]);
  });

  it('fails an import of a package the importing package does not declare', () => {
    expect(lint('renderer/src/bad.ts', "import type { E2eSystem } from '@careloom/server/e2e';\nexport type S = E2eSystem;\n")).toEqual([
      '@careloom/renderer imports @careloom/server without declaring it in its package.json dependencies.',
    ]);
  });

  it('passes exported paths, pattern exports, declared dependencies and imports inside a package', () => {
    expect(lint('designer/src/fine.ts', [
      "import { scoreInstrument } from '@careloom/format/engine';",
      "import type { Session } from '@careloom/format/api';",
      "import phq9 from '@careloom/examples/modules/phq-9.json';",
      "import { ClModulePage } from '@careloom/renderer';",
      "import { t } from './i18n/i18n.js';",
      'export { scoreInstrument, phq9, ClModulePage, t };',
      'export type { Session };',
    ].join('\n'))).toEqual([]);
  });
});

describe("the repository's ESLint configuration", () => {
  it('turns the rule on, so `npm run lint` fails on a file that reaches into another package', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import type { Role } from '../../../runtime/src/domain/principal.js';\nexport type R = Role;\n", { filePath: resolve(root, 'designer/src/api/bad.ts') });
    expect(result?.errorCount).toBe(1);
    expect(result?.messages[0]?.ruleId).toBe('careloom/package-boundaries');
  });
});
