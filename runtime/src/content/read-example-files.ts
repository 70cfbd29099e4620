import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExampleFile, ExampleKind } from '../domain/example-catalog.js';

const FOLDERS: ReadonlyArray<[string, ExampleKind]> = [
  ['modules', 'module'],
  ['programs', 'program'],
];

/**
 * Reads `<dir>/modules/*.json` and `<dir>/programs/*.json` (not sub-folders). A missing folder
 * yields no files; the caller decides whether that deserves a warning.
 *
 * @example
 * const files = readExampleFiles(config.examplesDir);
 */
export function readExampleFiles(dir: string): ExampleFile[] {
  return FOLDERS.flatMap(([folder, kind]) => {
    const path = join(dir, folder);
    if (!existsSync(path)) return [];
    return readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name)
      .sort()
      .map((name) => ({ kind, file: `${folder}/${name}`, text: readFileSync(join(path, name), 'utf8') }));
  });
}
