/** A parsed `#/…` location: its path segments and its query. */
export interface HashRoute {
  /** Path segments, decoded: `#/modules/e1/phq-9` → `['modules', 'e1', 'phq-9']`. */
  segments: string[];
  query: URLSearchParams;
}

/**
 * Parses a location hash. An empty hash is the root (`[]`).
 *
 * @example
 * parseHash('#/modules/e1/phq-9?fresh=1'); // { segments: ['modules', 'e1', 'phq-9'], query: fresh=1 }
 */
export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const segments = path.split('/').filter((part) => part !== '').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return { segments, query: new URLSearchParams(search) };
}

/**
 * Builds a hash from segments (each escaped) and an optional query.
 *
 * @example
 * hashOf('modules', 'e 1', 'phq-9'); // '#/modules/e%201/phq-9'
 */
export function hashOf(...parts: Array<string | number | Record<string, string>>): string {
  const query = parts.find((part): part is Record<string, string> => typeof part === 'object');
  const path = parts.filter((part): part is string | number => typeof part !== 'object').map((part) => encodeURIComponent(String(part))).join('/');
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#/${path}${search ? `?${search}` : ''}`;
}
