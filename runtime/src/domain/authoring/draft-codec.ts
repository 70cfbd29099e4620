import type { DocumentKind } from './ports.js';

/**
 * Turns a JSON document into the first update of a draft Y.Doc and a draft's updates back into
 * JSON. Throws (e.g. the ydoc mapping's `YDocLayoutError`, with `code` and `path`) when a document
 * cannot be laid out at all; anything JSON can express is kept for the validator to judge.
 */
export interface DraftCodec {
  encode(kind: DocumentKind, document: unknown): Uint8Array;
  /** The JSON, or a promise of it: the server decodes in a worker thread, off the HTTP event loop. */
  decode(kind: DocumentKind, updates: readonly Uint8Array[]): unknown | Promise<unknown>;
}

/** A mapping failure the codec reports: where and why a document cannot become a draft. */
export interface DraftLayoutFailure {
  code: string;
  path: string;
  message: string;
}

/** Reads `{ code, path, message }` off a thrown layout error, if it carries them. */
export function layoutFailure(error: unknown): DraftLayoutFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as Error & { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || typeof path !== 'string') return undefined;
  return { code, path, message: error.message };
}
