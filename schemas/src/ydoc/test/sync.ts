import * as Y from 'yjs';

/** Exchanges what each of two docs lacks, as two y-protocols sync steps would. */
export function syncPair(left: Y.Doc, right: Y.Doc): void {
  const toRight = Y.encodeStateAsUpdate(left, Y.encodeStateVector(right));
  const toLeft = Y.encodeStateAsUpdate(right, Y.encodeStateVector(left));
  Y.applyUpdate(right, toRight);
  Y.applyUpdate(left, toLeft);
}

/** Brings every doc up to date with every other. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const left of docs) for (const right of docs) if (left !== right) syncPair(left, right);
}

/** A replica of `source` with its own client id, as a second designer would load it. */
export function replicaOf(source: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** Every `{ type: 'doc' }` object in a document, normalised by `normalize` (for comparing examples). */
export function mapRichDocs(value: unknown, normalize: (doc: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => mapRichDocs(item, normalize));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (object['type'] === 'doc' && Array.isArray(object['content'])) return normalize(object);
  return Object.fromEntries(Object.entries(object).map(([key, child]) => [key, mapRichDocs(child, normalize)]));
}
