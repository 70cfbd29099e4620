import * as Y from 'yjs';

/** A Y.Map's value as a string: Y.Text and plain strings read alike ('' otherwise). */
export function stringAt(map: Y.Map<unknown> | undefined, key: string): string {
  const value = map?.get(key);
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

/** A Y.Map's number, or undefined. */
export function numberAt(map: Y.Map<unknown> | undefined, key: string): number | undefined {
  const value = map?.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A Y.Map's nested Y.Map, or undefined. */
export function mapAt(map: Y.Map<unknown> | undefined, key: string): Y.Map<unknown> | undefined {
  const value = map?.get(key);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/** A Y.Map's nested Y.Array, or undefined. */
export function arrayAt(map: Y.Map<unknown> | undefined, key: string): Y.Array<unknown> | undefined {
  const value = map?.get(key);
  return value instanceof Y.Array ? (value as Y.Array<unknown>) : undefined;
}

/** The Y.Maps of a Y.Array (other entries skipped, with their index kept). */
export function mapsOf(array: Y.Array<unknown> | undefined): Array<{ map: Y.Map<unknown>; index: number }> {
  const maps: Array<{ map: Y.Map<unknown>; index: number }> = [];
  array?.forEach((value, index) => {
    if (value instanceof Y.Map) maps.push({ map: value as Y.Map<unknown>, index });
  });
  return maps;
}

/** The localized text of a Y.Map<lang, Y.Text> in a language, falling back to any language. */
export function localizedAt(map: Y.Map<unknown> | undefined, key: string, language: string): string {
  const texts = mapAt(map, key);
  if (!texts) return '';
  const own = stringAt(texts, language);
  if (own !== '') return own;
  for (const candidate of texts.keys()) {
    const text = stringAt(texts, candidate);
    if (text !== '') return text;
  }
  return '';
}

const keys = new WeakMap<object, number>();
let nextKey = 1;

/** A stable key for a Y type, for Lit's repeat(): the same map keeps its DOM across re-renders. */
export function keyOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let key = keys.get(value);
  if (key === undefined) {
    key = nextKey;
    nextKey += 1;
    keys.set(value, key);
  }
  return key;
}
