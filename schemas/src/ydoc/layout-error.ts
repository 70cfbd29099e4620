/** Stable codes of the refusals {@link YDocLayoutError} carries. */
export type YDocLayoutErrorCode =
  /** The doc has no draft of this kind: the root map and `meta` are empty. */
  | 'ydoc.missing_root'
  /** `meta.layout` is missing or newer than this code understands. */
  | 'ydoc.unsupported_layout'
  /** `moduleToYDoc`/`programToYDoc` was handed a doc that already holds a draft. */
  | 'ydoc.not_empty'
  /** A value that JSON cannot hold (binary, sub-document, NaN, undefined in an array, a function). */
  | 'ydoc.not_json'
  /** A Y type where the layout never puts one (an XML type outside rich text, a map where a rich text must be). */
  | 'ydoc.unexpected_type'
  /** Rich text that is not a ProseMirror document the designer's editor can hold. */
  | 'ydoc.invalid_rich_text';

/**
 * Raised when a Y.Doc (or a JSON document being written into one) cannot be mapped at all.
 * Anything JSON can express is mapped faithfully and left to the validator; this error is for the
 * rest. `path` is a JSON Pointer into the document, '' for the root.
 *
 * @example
 * try { yDocToModule(doc) } catch (error) {
 *   if (error instanceof YDocLayoutError) console.log(error.code, error.path);
 * }
 */
export class YDocLayoutError extends Error {
  override readonly name = 'YDocLayoutError';

  constructor(
    readonly code: YDocLayoutErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(`${message}${path === '' ? '' : ` (at ${path})`}`);
  }
}
