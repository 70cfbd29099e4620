import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { CommentRecord, CommentThread, VersionRef } from '@careloom/format/api';
import { personLabel, type Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import type { Anchor } from './anchors.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * Review comment threads on a version (or the draft) of a document: the threads, each reply, a
 * form to reply, resolve and reopen, and a form to start a thread. With `anchor` set it shows and
 * starts only threads on that page, block or item (the module editor puts one beside a block);
 * without it every thread is shown and a new one is anchored with a picker over `anchors`.
 *
 * @example
 * html`<cl-comment-thread .workspace=${workspace} document-id="phq-9" .version=${'draft'} anchor="phq9_9"></cl-comment-thread>`
 */
export class ClCommentThread extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    version: { attribute: false },
    anchor: { type: String },
    anchors: { attribute: false },
    revision: { attribute: false },
    threads: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .thread {
        border: 1px solid var(--cl-line);
        border-radius: 0.5rem;
        padding: 0.5rem 0.75rem;
        margin: 0.75rem 0;
      }
      .thread.resolved {
        background: var(--cl-surface);
      }
      .comment {
        margin: 0.25rem 0;
      }
      .meta {
        font-size: 0.875rem;
        color: var(--cl-muted);
      }
      .replies {
        margin-left: 1rem;
        border-left: 2px solid var(--cl-line);
        padding-left: 0.75rem;
      }
      .body {
        white-space: pre-wrap;
        margin: 0.125rem 0 0.5rem;
      }
      textarea {
        min-height: 3.5rem;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  declare version: VersionRef;
  declare anchor: string | undefined;
  declare anchors: readonly Anchor[];
  /** Moved by the owner when the comments changed elsewhere (the module editor and the review screen hear it live): read them again. */
  declare revision: number;
  declare threads: readonly CommentThread[];
  declare problem: string;
  declare busy: boolean;

  constructor() {
    super();
    this.documentId = '';
    this.version = 'draft';
    this.anchors = [];
    this.revision = 0;
    this.threads = [];
    this.problem = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documentId') || changed.has('version') || changed.has('workspace') || changed.has('revision')) void this.reload();
  }

  /** Reads counted, so an older answer never replaces a newer one when notices come quickly. */
  #reads = 0;
  /** The problem shown is a failed read (a new read clears it), not a refused action (which stays until the next action). */
  #readFailed = false;

  /**
   * Reads the threads again. A read does not mark the form busy (a live notice must not disable a
   * button under the person's pointer) and leaves what they are typing alone: threads are keyed.
   */
  async reload(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !this.documentId) return;
    const read = ++this.#reads;
    try {
      const threads = await workspace.api.listComments(this.documentId, this.version);
      if (read !== this.#reads) return;
      this.threads = threads;
      if (this.#readFailed) this.problem = '';
      this.#readFailed = false;
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (read !== this.#reads) return;
      this.problem = errorText(error);
      this.#readFailed = true;
    }
  }

  override render() {
    const shown = this.anchor === undefined ? this.threads : this.threads.filter((thread) => thread.anchor === this.anchor);
    const open = shown.filter((thread) => thread.resolvedAt === null).length;
    return html`
      <section aria-labelledby="comments-title">
        <h2 id="comments-title">${t('comments.title')} <span class="muted">${t('comments.openCount', { open, total: shown.length })}</span></h2>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        ${shown.length === 0 ? html`<p class="muted">${t('comments.none')}</p>` : nothing}
        ${repeat(shown, (thread) => thread.id, (thread) => this.#thread(thread))}
        ${this.#newThreadForm()}
      </section>
    `;
  }

  #thread(thread: CommentThread): TemplateResult {
    const resolved = thread.resolvedAt !== null;
    const anchorLabel = this.#anchorLabel(thread.anchor);
    return html`<article class="thread ${resolved ? 'resolved' : ''}" data-thread=${thread.id} aria-label=${t('comments.threadOn', { anchor: anchorLabel })}>
      <p class="meta">${t('comments.on')} <strong>${anchorLabel}</strong> ${resolved ? html`· <strong>${t('comments.resolved')}</strong>` : nothing}</p>
      ${this.#comment(thread)}
      ${thread.replies.length > 0 ? html`<div class="replies">${thread.replies.map((reply) => this.#comment(reply))}</div>` : nothing}
      <form class="reply" novalidate @submit=${(event: SubmitEvent) => this.#reply(event, thread)}>
        <label for="reply-${thread.id}">${t('comments.reply')}</label>
        <textarea id="reply-${thread.id}" name="body" maxlength="10000"></textarea>
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${t('comments.sendReply')}</button>
          <button type="button" ?disabled=${this.busy} data-action=${resolved ? 'reopen' : 'resolve'} @click=${() => this.#setResolved(thread, !resolved)}>
            ${resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      </form>
    </article>`;
  }

  #comment(comment: CommentRecord): TemplateResult {
    const when = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(comment.createdAt));
    const author = this.workspace ? personLabel(this.workspace, comment.authorId, t('people.you'), comment.authorName) : comment.authorId;
    return html`<div class="comment">
      <span class="meta">${author} · <time datetime=${comment.createdAt}>${when}</time></span>
      <p class="body">${comment.body}</p>
    </div>`;
  }

  #newThreadForm(): TemplateResult {
    return html`<form class="new-thread" novalidate @submit=${this.#start}>
      <h3>${t('comments.new')}</h3>
      ${this.anchor === undefined
        ? html`<div class="field">
            <label for="new-anchor">${t('comments.anchor')}</label>
            <select id="new-anchor" name="anchor">
              <option value="">${t('comments.wholeDocument')}</option>
              ${this.anchors.map((anchor) => html`<option value=${anchor.id}>${this.#anchorLabel(anchor.id)}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="new-body">${t('comments.body')}</label>
        <textarea id="new-body" name="body" maxlength="10000" required></textarea>
      </div>
      <button class="primary" type="submit" ?disabled=${this.busy}>${t('comments.add')}</button>
    </form>`;
  }

  #anchorLabel(id: string | null): string {
    if (id === null) return t('comments.wholeDocument');
    const anchor = this.anchors.find((candidate) => candidate.id === id);
    if (!anchor) return id;
    const kind = t(`anchor.${anchor.kind}`);
    return anchor.text ? `${kind} ${id}: ${anchor.text.slice(0, 60)}` : `${kind} ${id}`;
  }

  async #start(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value.trim();
    if (body === '') {
      this.problem = t('comments.empty');
      return;
    }
    const picked = (form.elements.namedItem('anchor') as HTMLSelectElement | null)?.value ?? '';
    const anchor = this.anchor ?? (picked === '' ? null : picked);
    const added = await this.#attempt(() => this.workspace!.api.addComment(this.documentId, { body, version: this.version === 'draft' ? null : this.version, anchor }));
    if (added) {
      form.reset();
      await this.reload();
    }
  }

  async #reply(event: SubmitEvent, thread: CommentThread): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value.trim();
    if (body === '') {
      this.problem = t('comments.empty');
      return;
    }
    const added = await this.#attempt(() => this.workspace!.api.addComment(this.documentId, { body, parentId: thread.id }));
    if (added) {
      form.reset();
      await this.reload();
    }
  }

  async #setResolved(thread: CommentThread, resolved: boolean): Promise<void> {
    const done = await this.#attempt(() => this.workspace!.api.setCommentResolved(this.documentId, thread.id, resolved));
    if (done) await this.reload();
  }

  /** Runs one API call, showing a refusal in words; answers whether it succeeded. */
  async #attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    try {
      const result = await call();
      this.problem = '';
      this.#readFailed = false;
      return result;
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.problem = [errorText(error), ...error.issues.map((issue) => issue.message)].join(' ');
      this.#readFailed = false;
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('cl-comment-thread', ClCommentThread);

declare global {
  interface HTMLElementTagNameMap {
    'cl-comment-thread': ClCommentThread;
  }
}
