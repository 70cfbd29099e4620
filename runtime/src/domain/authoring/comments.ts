import { DomainError } from '../errors.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { actorId, auditEntry, documentFor } from './document-access.js';
import { anchorIds, snapshotDraft, versionContent } from './document-content.js';
import type { CommentRecord } from './ports.js';
import { versionOf } from './versions.js';
import type { CommentInput, CommentThread } from '@careloom/format/api';
export type { CommentInput, CommentThread };

export function createCommentCommands(deps: AuthoringDeps) {
  return {
    /** Threads on a document, optionally only those on one version (or 'draft'). */
    async listComments(context: AuthoringContext, id: string, on?: number | 'draft'): Promise<CommentThread[]> {
      const { document } = await documentFor(deps, context, id, 'document.read');
      const comments = await deps.store.listComments(document.id);
      const roots = comments.filter((comment) => comment.parentId === null && (on === undefined || comment.versionNumber === (on === 'draft' ? null : on)));
      return roots.map((root) => ({ ...root, replies: comments.filter((comment) => comment.parentId === root.id) }));
    },

    /** Starts a thread (anchored to an id that exists in that content) or replies to one. */
    async addComment(context: AuthoringContext, id: string, input: CommentInput): Promise<CommentRecord> {
      const { document, role } = await documentFor(deps, context, id, 'comment.write');
      let place: Pick<CommentRecord, 'versionNumber' | 'anchor' | 'parentId'>;
      if (input.parentId !== undefined) {
        const parent = await deps.store.getComment(input.parentId);
        if (!parent || parent.documentId !== document.id) throw new DomainError('not_found', `There is no comment "${input.parentId}" on "${document.id}".`);
        if (parent.parentId !== null) throw invalid('/parentId', 'comment.reply_to_reply', 'Reply to the thread\'s first comment.');
        place = { versionNumber: parent.versionNumber, anchor: parent.anchor, parentId: parent.id };
      } else {
        const versionNumber = input.version ?? null;
        const content = versionNumber === null ? (await snapshotDraft(deps, document)).content : versionContent(await versionOf(deps, document, versionNumber));
        const anchor = input.anchor ?? null;
        if (anchor !== null && !anchorIds(content).has(anchor)) {
          throw invalid('/anchor', 'comment.unknown_anchor', `There is no page, block or item "${anchor}" in ${versionNumber === null ? 'the draft' : `version ${versionNumber}`}.`);
        }
        place = { versionNumber, anchor, parentId: null };
      }
      const at = deps.now().toISOString();
      const comment: Omit<CommentRecord, 'authorName'> = { id: deps.newId(), documentId: document.id, ...place, authorId: actorId(context), body: input.body, createdAt: at, resolvedAt: null, resolvedBy: null };
      const added = await deps.store.addComment({
        comment,
        audit: auditEntry(deps, context, { at, role, action: 'comment.add', document, objectId: comment.id, details: { version: comment.versionNumber, anchor: comment.anchor, parentId: comment.parentId } }),
      });
      deps.commentsChanged?.(document.id);
      return added;
    },

    /** Marks a thread resolved (true) or reopens it (false). Setting the state it already has changes nothing. */
    async setResolved(context: AuthoringContext, id: string, commentId: string, resolved: boolean): Promise<CommentRecord> {
      const { document, role } = await documentFor(deps, context, id, 'comment.write');
      const comment = await deps.store.getComment(commentId);
      if (!comment || comment.documentId !== document.id) throw new DomainError('not_found', `There is no comment "${commentId}" on "${document.id}".`);
      if (comment.parentId !== null) throw invalid('', 'comment.not_a_thread', 'Resolve or reopen the thread\'s first comment.');
      if ((comment.resolvedAt !== null) === resolved) return comment;
      const at = deps.now().toISOString();
      const changed = await deps.store.setCommentResolved({
        id: comment.id,
        resolved: resolved ? { at, by: actorId(context) } : null,
        audit: auditEntry(deps, context, { at, role, action: resolved ? 'comment.resolve' : 'comment.reopen', document, objectId: comment.id }),
      });
      deps.commentsChanged?.(document.id);
      return changed;
    },
  };
}

function invalid(path: string, code: string, message: string): DomainError {
  return new DomainError('invalid', message, { issues: [{ code, path, message }] });
}
