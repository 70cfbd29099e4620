// Every path a README, ARCHITECTURE.md or a page in docs/ names must exist, so the docs cannot
// drift from the tree unnoticed; and no tracked file may point outside the repository, which a
// reader of this repository does not have.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tracked = (...patterns: string[]) => execFileSync('git', ['ls-files', '--', ...patterns], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

/** Paths a document names on purpose although they are not in the tree, each with the reason. */
const KNOWN_ABSENT: Readonly<Record<string, string>> = {};

/** Backticked words and link targets that look like files or folders of this repository. */
export function namedPaths(markdown: string): string[] {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/`([^`\s]+)`/g)) found.add(match[1]!);
  for (const match of markdown.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) found.add(match[1]!);
  return [...found].filter((text) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('/') || text.startsWith('#')) return false; // URLs, API paths, routes
    if (/[*<>{}$|]|NNN/.test(text)) return false; // globs and placeholders
    if (text.includes('/')) return /^[\w.@-]+(\/[\w.@-]+)*\/?$/.test(text) && (/\.(ts|md|json|sql|mjs|js|svg|vtt|txt|png)$/.test(text) || text.endsWith('/'));
    return /\.(ts|md|sql|mjs)$/.test(text);
  });
}

/** A document may name a path from its own folder, any folder above it, or those folders' src/. */
function resolves(document: string, path: string, files: readonly string[]): boolean {
  for (let folder = dirname(document); ; folder = dirname(folder)) {
    if (existsSync(join(root, folder, path)) || existsSync(join(root, folder, 'src', path))) return true;
    if (folder === '.') break;
  }
  // A bare file name ("errors.ts") names a file somewhere in the tree.
  return !path.includes('/') && files.some((file) => file.endsWith(`/${path}`) || file === path);
}

describe('paths named in the docs', () => {
  const files = tracked();
  const documents = tracked('*.md');

  it.each(documents)('%s names only paths that exist', (document) => {
    const missing = namedPaths(readFileSync(join(root, document), 'utf8')).filter((path) => !(path in KNOWN_ABSENT) && !resolves(document, path, files));
    expect(missing).toEqual([]);
  });

  it('recognises paths and leaves URLs, API routes and placeholders alone', () => {
    expect(namedPaths('See `runtime/src/server.ts`, [the schemas](schemas/json/), `errors.ts` and `src/`.')).toEqual(['runtime/src/server.ts', 'errors.ts', 'src/', 'schemas/json/']);
    expect(namedPaths('`/api/care/units`, `https://example.org/a.ts`, `migrations/NNN-name.sql`, `designer/src/*.ts`, `npm test`')).toEqual([]);
    expect(resolves('README.md', 'no/such/file.ts', files)).toBe(false);
  });
});

describe('references outside the repository', () => {
  it('no tracked text file points at files beside the repository', () => {
    // The product brief and style notes the team keeps beside the repository; their content lives in docs/.
    const pattern = /\b(?:PRODUCT|STYLE|SETUP)\.md\b|\bshared\/seeds\b/;
    const offenders = tracked('*.ts', '*.md', '*.mjs', '*.js', '*.json', '*.sh', '.ci/*')
      .filter((file) => file !== 'package-lock.json' && file !== 'tools/docs-paths.test.ts')
      .filter((file) => pattern.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
