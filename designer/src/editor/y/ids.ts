/** Every `id` string in a document (pages, blocks, items, options, bands, rules…), for new unique ids. */
export function collectIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['id'] === 'string') into.add(record['id']);
    for (const child of Object.values(record)) if (child !== null && typeof child === 'object') collectIds(child, into);
  }
  return into;
}

/**
 * The first free id of the form `<prefix><n>` (n from 1), added to `taken` so that several pieces
 * created in one go get different ids. Ids follow the format's pattern: a letter first.
 *
 * @example
 * uniqueId('question', new Set(['question1'])); // 'question2'
 */
export function uniqueId(prefix: string, taken: Set<string>): string {
  for (let number = 1; ; number += 1) {
    const candidate = `${prefix}${number}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}
