import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentKind, ExampleLibrary } from '../domain/authoring/ports.js';

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const FOLDER: Record<DocumentKind, string> = { module: 'modules', program: 'programs' };

/**
 * The shipped examples (`examples/modules/*.json`, `examples/programs/*.json`) as a library to
 * start drafts from. Names are file names without `.json`; anything else is not found.
 *
 * @example
 * const examples = createExampleDirectory(new URL('../../../examples', import.meta.url).pathname);
 * await examples.get('module', 'phq9');
 */
export function createExampleDirectory(root: string): ExampleLibrary {
  return {
    async list() {
      const lists = await Promise.all(
        (Object.keys(FOLDER) as DocumentKind[]).map(async (kind) => {
          const files = await readdir(join(root, FOLDER[kind])).catch(() => [] as string[]);
          return files.filter((file) => file.endsWith('.json')).map((file) => ({ kind, name: file.slice(0, -'.json'.length) }));
        }),
      );
      return lists.flat();
    },
    async get(kind, name) {
      if (!NAME.test(name)) return undefined;
      const text = await readFile(join(root, FOLDER[kind], `${name}.json`), 'utf8').catch(() => undefined);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
  };
}
