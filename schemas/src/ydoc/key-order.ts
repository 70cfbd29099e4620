import type { Shape } from './schema-location.js';

/**
 * The order an object's keys are written and read in: a fixed-property object's schema order,
 * then any keys the schema does not know in code-unit order; every other map in code-unit order.
 * Snapshots never depend on the order keys reached a Y.Map, so equal doc states give equal bytes.
 */
export function orderKeys(keys: Iterable<string>, shape: Shape | undefined): string[] {
  const present = new Set(keys);
  if (shape?.kind !== 'object') return [...present].sort();
  const known = [...shape.properties.keys()].filter((key) => present.has(key));
  const unknown = [...present].filter((key) => !shape.properties.has(key)).sort();
  return [...known, ...unknown];
}
