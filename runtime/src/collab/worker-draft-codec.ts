import type { DraftCodec } from '../domain/authoring/draft-codec.js';
import { yDocDraftCodec } from '../domain/authoring/ydoc-draft-codec.js';
import type { YjsWorkers } from './yjs-workers.js';

/**
 * The production draft codec with reading done in the Yjs workers: building a draft's JSON from
 * its updates (GET …/draft, submitting, validating) costs as much as the draft is large, and must
 * not hold the HTTP event loop. Encoding a new draft (from a JSON body or an example, bounded by
 * the body limit) stays on the caller's thread.
 *
 * @example
 * const codec = workerDraftCodec(workers);
 * await codec.decode('module', updates); // the module, decoded in a worker
 */
export function workerDraftCodec(workers: YjsWorkers): DraftCodec {
  let next = 0;
  return {
    encode: (kind, document) => yDocDraftCodec.encode(kind, document),
    // Spread over the workers: decoding a stored draft touches no live document.
    decode: (kind, updates) => workers.decodeDraft(`decode-${next++ % workers.size}`, kind, [...updates]),
  };
}
