import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rewrites the frames of a stack trace that point into the compiled server (`npm run build`, whose
 * files have linked `.map` files) to the TypeScript sources they came from. The production start
 * does not run Node with `--enable-source-maps`: that parses every map at load and cost about
 * 130 ms of each start. Only a logged error pays here, and each map is read once.
 *
 * @example
 * stackWithSources('Error: no\n    at open (file:///srv/careloom/runtime/dist/main.js:17077:11)');
 * // 'Error: no\n    at open (/srv/careloom/runtime/src/storage/sqlite/open.ts:40:9)'
 */
export function stackWithSources(stack: string, maps: SourceMaps = sharedMaps): string {
  // Called while an error is being logged: whatever goes wrong here, the original stack is logged.
  try {
    return mapFrames(stack, maps);
  } catch {
    return stack;
  }
}

function mapFrames(stack: string, maps: SourceMaps): string {
  return stack.replace(/((?:file:\/\/)?\/[^\s()]+?\.m?js):(\d+):(\d+)/g, (whole, location: string, line: string, column: string) => {
    const file = location.startsWith('file:') ? fileURLToPath(location) : location;
    const entry = maps.of(file)?.findEntry(Number(line) - 1, Number(column) - 1) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }> | undefined;
    if (!entry?.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return whole;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(file), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

/** The source maps read so far, by compiled file (null: it has none). */
export interface SourceMaps {
  of(file: string): SourceMap | null;
}

/** Reads `<file>.map` on first use and keeps it; a file without a readable map is remembered as such. */
export function createSourceMaps(): SourceMaps {
  const known = new Map<string, SourceMap | null>();
  return {
    of(file) {
      if (!known.has(file)) {
        let map: SourceMap | null = null;
        try {
          map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
        } catch {
          map = null;
        }
        known.set(file, map);
      }
      return known.get(file) ?? null;
    },
  };
}

const sharedMaps = createSourceMaps();
