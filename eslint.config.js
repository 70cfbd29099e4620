// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import careloom from './tools/eslint-package-boundaries.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'url', 'stream', 'buffer', 'child_process'];

export default tseslint.config(
  { ignores: ['node_modules/**', '**/dist/**', 'schemas/src/generated/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Config files, scripts, the server and its tests run on Node.
    files: ['*.js', '*.mjs', 'tools/**', '**/scripts/**', 'runtime/**', 'bench/**', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['client/**', 'designer/**', 'renderer/**', 'runtime/web/**', '**/*.browser.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The workspaces are the packages (package.json): no relative import crosses one, and another
    // package is reached only through its exports and a declared dependency.
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { careloom },
    rules: { 'careloom/package-boundaries': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine runs unchanged in the browser (designer preview, patient app) and in Node (runtime).
    files: ['schemas/src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'The engine must not depend on Node.' },
          { group: ['ajv', 'ajv/*', 'hono', 'hono/*', 'better-sqlite3', 'yjs', 'lit', 'lit/*', '@tiptap/*'], message: 'The engine is dependency-free.' },
          { group: ['**/runtime/**', '**/designer/**', '**/validate/**'], message: 'The engine sits below validation, runtime and designer.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage'],
    },
  },
  {
    // The message system runs in the three apps and in the server's e-mails alike.
    files: ['client/src/messages/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'lit', 'lit/*'], message: 'The message system is pure: no Node, DOM or framework.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'localStorage'],
    },
  },
  {
    files: ['schemas/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/runtime/**', '**/designer/**'], message: 'schemas/ is the bottom layer.' }] }],
    },
  },
  {
    files: ['runtime/src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['hono', 'hono/*', '@hono/*', 'better-sqlite3', '**/storage/sqlite/**', '**/http/**', '**/routes/**'], message: 'Domain services know nothing of HTTP or SQLite.' },
        ],
      }],
    },
  },
  {
    files: ['runtime/src/routes/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['better-sqlite3', '**/storage/sqlite/**'], message: 'Routes call domain services, never storage.' }] }],
    },
  },
);
