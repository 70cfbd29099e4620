/**
 * A problem found in a document or a submission: data, not an exception.
 * `path` is a JSON Pointer into the checked document (ajv's instancePath), '' for the root.
 * `code` is a stable dotted identifier (e.g. `schema.required`, `reference.unknown_item`, `bands.gap`);
 * `message` is a sentence a designer (or API client) can act on.
 */
export interface Issue {
  code: string;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from segments: pointer('pages', 0, 'blocks') → '/pages/0/blocks'. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}
