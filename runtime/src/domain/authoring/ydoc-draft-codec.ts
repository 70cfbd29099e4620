import * as Y from 'yjs';
import type { Module, Program } from '@careloom/format';
import { moduleToYDoc, programToYDoc, yDocToModule, yDocToProgram } from '@careloom/format/ydoc';
import { applyUpdatesSafely } from '../../collab/apply-updates.js';
import type { DraftCodec } from './draft-codec.js';

/**
 * The production draft codec: the schemas' Y.Doc layout. A new draft is one update holding the
 * whole document; reading applies every stored update to a fresh doc, skipping one that does not
 * apply (the collaboration server sets such rows aside), so one bad update never breaks the draft.
 *
 * @example
 * const update = yDocDraftCodec.encode('module', example);
 * yDocDraftCodec.decode('module', [update]); // the module again
 */
export const yDocDraftCodec: DraftCodec = {
  encode(kind, document) {
    // The mapping checks the JSON shape itself (YDocLayoutError); the validator judges the rest.
    const doc = kind === 'module' ? moduleToYDoc(document as Module) : programToYDoc(document as Program);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  },
  decode(kind, updates) {
    const { doc } = applyUpdatesSafely(updates);
    try {
      return kind === 'module' ? yDocToModule(doc) : yDocToProgram(doc);
    } finally {
      doc.destroy();
    }
  },
};
