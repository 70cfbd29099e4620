/** A file body received into a temporary place, hashed and counted while it streamed in. */
export interface ReceivedBody {
  sha256: string;
  sizeBytes: number;
  /** The first bytes (up to the sniffing window), to decide the type from. */
  head: Uint8Array;
  /** Whether the whole body is valid UTF-8 (WebVTT must be). */
  utf8: boolean;
  /** Moves the body to its content-addressed place, durably (file and folder synced), unless the same body is there already. */
  keep(): Promise<void>;
  /** Removes the temporary file. Safe to call after `keep`. */
  discard(): Promise<void>;
}

/** What `receive` throws when the body passes the limit: the caller answers 413 with the limit. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
  constructor(readonly limitBytes: number) {
    super(`The body is larger than ${limitBytes} bytes.`);
  }
}

/**
 * Where media bodies live, named by their SHA-256 so one body is stored once however many libraries
 * hold it. Implementation: storage/media-files.ts (a folder on disk).
 */
export interface MediaBodies {
  /**
   * Streams a body to a temporary file while hashing and counting it, never holding it whole in
   * memory. Throws `BodyTooLarge` (and keeps nothing) as soon as it passes `maxBytes`.
   */
  receive(body: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<ReceivedBody>;
  /** The body's size in bytes, or undefined when it is not stored. */
  size(sha256: string): Promise<number | undefined>;
  /** The bytes `start` to `end` (inclusive) of a stored body, as a stream. */
  read(sha256: string, range: { start: number; end: number }): ReadableStream<Uint8Array>;
  /** Deletes a stored body (no error when it is not there). */
  remove(sha256: string): Promise<void>;
}
