import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { CommentThread } from '@careloom/format/api';
import type { Workspace } from '../app/workspace.js';
import { t } from './messages.js';

/** Open (unresolved) threads per anchored page, block or item id: the canvas shows them as badges. */
export function openThreadCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.anchor === null || thread.resolvedAt !== null) continue;
    counts.set(thread.anchor, (counts.get(thread.anchor) ?? 0) + 1);
  }
  return counts;
}

/**
 * The threads on one block, slotted into the canvas: the review screens' `<cl-comment-thread>`
 * (reply, resolve) when it is loaded and the shell gave a workspace, else a plain list. The thread
 * reads the comments again whenever `revision` moves (the server said they changed).
 */
export function commentsFor(anchor: string, threads: readonly CommentThread[], documentId: string, workspace: Workspace | undefined, revision = 0): TemplateResult {
  const open = threads.filter((thread) => thread.anchor === anchor && thread.resolvedAt === null);
  const latest = open[open.length - 1];
  if (customElements.get('cl-comment-thread') && workspace) {
    return html`<cl-comment-thread slot="comments" .workspace=${workspace} document-id=${documentId} anchor=${anchor} .version=${latest?.versionNumber ?? 'draft'} .revision=${revision}></cl-comment-thread>`;
  }
  return html`<div slot="comments" class="comments-minimal">
    <h4>${t('canvas.commentsTitle', { id: anchor })}</h4>
    <ul>${open.map((thread) => html`<li>${thread.body}${thread.replies.map((reply) => html`<br />— ${reply.body}`)}</li>`)}</ul>
  </div>`;
}
