import type { Principal } from '../principal.js';
import type { DraftCodec } from './draft-codec.js';
import type { AuthoringStore, DraftUpdates, ExampleLibrary } from './ports.js';

/** Everything the authoring service depends on, passed in by the composition root (main.ts). */
export interface AuthoringDeps {
  store: AuthoringStore;
  drafts: DraftUpdates;
  /** JSON document ⇄ Y.Doc updates; `yDocDraftCodec` in production. */
  codec: DraftCodec;
  examples: ExampleLibrary;
  /** The clock. */
  now: () => Date;
  /** New opaque ids (audit rows, comments, test enrollments). */
  newId: () => string;
  /**
   * Called after a review comment of the document was stored (added, or resolved or reopened), so
   * the open editors of its draft show it at once; the composition root passes the collaboration
   * server's `commentsChanged`. It must not throw.
   */
  commentsChanged?: (documentId: string) => void;
}

/** Who is asking, and the request facts the audit log records. */
export interface AuthoringContext {
  principal: Principal | undefined;
  requestId: string | null;
  ip: string | null;
}
