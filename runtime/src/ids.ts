import { randomUUID } from 'node:crypto';

/** Makes new unique ids (audit rows, request ids, later every stored object). */
export interface IdGenerator {
  newId(): string;
}

/** Random UUIDs (version 4). */
export const uuidGenerator: IdGenerator = Object.freeze({ newId: () => randomUUID() });

/**
 * A predictable generator for tests: `<prefix>-1`, `<prefix>-2`, …
 *
 * @example
 * const ids = createSequentialIds('audit');
 * ids.newId(); // 'audit-1'
 */
export function createSequentialIds(prefix = 'id'): IdGenerator {
  let next = 1;
  return { newId: () => `${prefix}-${next++}` };
}
