import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import * as Y from 'yjs';
import type { Issue } from '@careloom/format';
import type { DesignerApi } from '../api/api-client.js';
import { isApiError } from '@careloom/client/api';
import type { CommentThread } from '@careloom/format/api';
import type { Workspace } from '../app/workspace.js';
import type { CollabSession } from '../collab/collab-session.js';
import { openCollabSession } from '../collab/open-collab-session.js';
import { CollabSessionController } from '../collab/collab-session-controller.js';
import { UndoKeys } from '../collab/undo-keys.js';
import { peersOf } from '../collab/presence.js';
import type { Peer } from '../collab/presence.js';
import { userColor } from '../collab/user-color.js';

import { Announcer } from '../ui/announcer.js';
import { analyseDraft } from './draft-analysis.js';
import { commentsFor, openThreadCounts } from './draft-comments.js';
import type { DraftAnalysis } from './draft-analysis.js';
import type { EditContext, MediaLibraryAccess } from './edit-context.js';
import { editorStyles } from './editor-styles.js';
import { t } from './messages.js';
import type { ClModuleDetails } from './module-details.js';
import type { ClPageCanvas } from './page-canvas.js';
import type { PageDeletedDetail, PageSelectDetail } from './page-outline.js';
import type { ProblemSelectDetail } from './validation-panel.js';
import { collectIds } from './y/ids.js';
import { arrayAt, mapsOf, stringAt } from './y/read.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** How long the draft must be still before it is validated again. */
const VALIDATE_AFTER_MS = 250;

/** The `problems-change` event's detail. */
export interface ProblemsChangeDetail {
  problems: readonly Issue[];
}

/**
 * `<cl-module-editor document-id="…">`: the collaborative module editor. Given the shell's
 * `workspace` (or `api`), it opens the live draft `/collab/<document-id>` (read-only for people
 * who may not edit), and shows the header (connection, other editors, undo/redo, submit), the page
 * outline, the page canvas with every block's editor, the live validation and the live preview.
 * Tests pass a ready `session` instead (a local Y.Doc, no server).
 *
 * `problems` is the validator's current list; `problems-change` fires when it changes, so a shell
 * can disable its own submit button while problems remain (or use the built-in `<cl-submit-version>`).
 *
 * @fires problems-change {ProblemsChangeDetail}
 * @fires version-submitted from the built-in submit button
 */
export class ClModuleEditor extends DesignerElement {
  static override properties: PropertyDeclarations = {
    documentId: { type: String, attribute: 'document-id' },
    workspace: { attribute: false },
    api: { attribute: false },
    session: { attribute: false },
    language: { type: String },
    pageIndex: { state: true },
    analysis: { state: true },
    failure: { state: true },
    toast: { state: true },
    threads: { state: true },
    openComments: { state: true },
    commentsRevision: { state: true },
    previewWide: { state: true },
    detailsOpen: { state: true },
  };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; }
      .layout { display: grid; grid-template-columns: minmax(13rem, 17rem) minmax(0, 1fr) minmax(23rem, 27rem); gap: 1rem; align-items: start; margin-top: 0.75rem; }
      .layout.wide { grid-template-columns: minmax(13rem, 17rem) minmax(0, 1fr) minmax(0, 1fr); }
      @media (max-width: 70rem) { .layout, .layout.wide { grid-template-columns: minmax(12rem, 15rem) minmax(0, 1fr); } .side { grid-column: 1 / -1; } }
      nav, .side { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow: auto; }
      /* On a phone the outline, the page and the preview stack: side by side they were 508 px wide at 360 px. */
      @media (max-width: 40rem) { .layout, .layout.wide { grid-template-columns: minmax(0, 1fr); } nav, .side { position: static; max-height: none; } }
      .toast { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); background: #1a1a1a; color: #fff; padding: 0.5rem 0.75rem; border-radius: 0.5rem; display: flex; gap: 0.75rem; align-items: center; z-index: 10; }
      .toast button { background: #fff; color: #1a1a1a; min-height: 2rem; }
      .details-entry { width: 100%; text-align: left; margin-bottom: 0.25rem; }
      .details-entry[aria-current='page'] { border: 2px solid var(--cl-accent); background: var(--cl-surface); }
      .comments-minimal { border-top: 1px solid var(--cl-line); margin-top: 0.5rem; }
    `,
  ];

  declare documentId: string;
  declare workspace: Workspace | undefined;
  declare api: DesignerApi | undefined;
  declare session: CollabSession | undefined;
  /** Language of labels and pickers (the module's content); default: the module's default language. */
  declare language: string | undefined;
  declare pageIndex: number;
  declare analysis: DraftAnalysis | undefined;
  declare failure: string | undefined;
  declare toast: { message: string; stackItem: unknown } | undefined;
  declare threads: CommentThread[];
  declare openComments: string | undefined;
  /** Counts the server's "comments changed" notices: the open thread beside a block reads again when it moves. */
  declare commentsRevision: number;
  declare previewWide: boolean;
  /** The module details screen is shown instead of a page. */
  declare detailsOpen: boolean;
  readonly #announcer = new Announcer(this);
  /** Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z anywhere in the editor (rich text handles its own first). */
  protected readonly undoKeys = new UndoKeys(this, { undo: () => this.#undo(), redo: () => this.#redo() });
  #validateTimer: ReturnType<typeof setTimeout> | undefined;
  /** The owning organisation's media library, once the document is known. */
  #media: MediaLibraryAccess | undefined;
  /** The live draft: opened while the editor is in the page, the other editors, let go on removal. */
  readonly #collab = new CollabSessionController(this, {
    documentId: () => this.documentId,
    open: (readOnly) => this.#open(readOnly),
    peersOf,
    attached: (session) => this.#attached(session),
  });
  /** The comments being read now, and whether a notice came meanwhile (then they are read once more). */
  #commentsLoading: Promise<void> | undefined;
  #commentsAgain = false;

  constructor() {
    super();
    this.documentId = '';
    this.pageIndex = 0;
    this.threads = [];
    this.commentsRevision = 0;
    this.previewWide = false;
    this.detailsOpen = false;
  }

  /** The validator's problems with the draft now (empty when it can be submitted). */
  get problems(): readonly Issue[] {
    return this.analysis?.problems ?? [];
  }

  /** Re-validates at once (tests, and the shell before submitting). */
  validateNow(): void {
    clearTimeout(this.#validateTimer);
    this.#validateTimer = undefined;
    this.#analyse();
  }

  /** The other editors of the draft, with the page and block each is on. */
  get peers(): readonly Peer[] {
    return this.#collab.peers;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.#collab.follow();
    if (changed.has('documentId') || changed.has('workspace') || changed.has('api')) {
      if (!this.session) void this.#collab.open();
      const api = this.api ?? this.workspace?.api;
      if (api && this.documentId) void this.#loadComments(api);
    }
  }

  /** Opens the live draft for the shell: decides read or write from the person's roles in the owning organisation. */
  async #open(readOnly: boolean): Promise<CollabSession | undefined> {
    const api = this.api ?? this.workspace?.api;
    const workspace = this.workspace;
    if (!api || !workspace || !this.documentId) return undefined;
    try {
      const document = await api.getDocument(this.documentId);
      this.#media = { list: () => api.listMedia(document.organisationId), upload: (file) => api.uploadMedia(document.organisationId, file) };
      const canEdit = workspace.session.memberships.some((membership) => membership.organisationId === document.organisationId && membership.role === 'designer');
      const person = workspace.session.person;
      const documentId = this.documentId;
      return openCollabSession({
        documentId,
        readOnly: !canEdit || readOnly,
        user: { id: person.id, name: person.name, color: userColor(person.id) },
        checkAccess: () => api.getDocument(documentId).then(() => true, (error: unknown) => (isApiError(error, 403, 404) ? false : Promise.reject(error))),
      });
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.failure = t('editor.loadFailed', { reason: error.message });
      return undefined;
    }
  }

  /**
   * A publisher commented, someone answered or resolved a thread (the server's notice), or the
   * connection came back: the badges and the open thread read the comments again. Notices that
   * arrive while they are being read lead to one more read, not one each.
   */
  #refreshComments(): void {
    const api = this.api ?? this.workspace?.api;
    if (!api || !this.documentId) return;
    if (this.#commentsLoading) {
      this.#commentsAgain = true;
      return;
    }
    this.commentsRevision++;
    this.#commentsLoading = this.#loadComments(api).finally(() => {
      this.#commentsLoading = undefined;
      if (!this.#commentsAgain) return;
      this.#commentsAgain = false;
      this.#refreshComments();
    });
  }

  async #loadComments(api: DesignerApi): Promise<void> {
    try {
      this.threads = await api.listComments(this.documentId);
    } catch (error) {
      if (!isApiError(error)) throw error;
      // Comments are an aid while editing; the editor works without them.
      this.threads = [];
    }
  }

  /** The editor's own listeners on a session just attached: validation, the server's comment notices, the page list. */
  #attached(session: CollabSession): Array<() => void> {
    const onUpdate = () => this.#scheduleValidation();
    session.doc.on('update', onUpdate);
    const stopComments = session.onCommentsChanged(() => this.#refreshComments());
    const root = session.doc.getMap('module');
    const onRoot = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      if (events.some((event) => event.path.length <= 1)) this.requestUpdate();
    };
    root.observeDeep(onRoot);
    this.#analyse();
    return [() => session.doc.off('update', onUpdate), stopComments, () => root.unobserveDeep(onRoot), () => clearTimeout(this.#validateTimer)];
  }

  /**
   * Opens the draft again after the server stopped the connection (the last change was refused, or
   * the person may now only read): what is saved, from the server. A session given by the caller
   * is the caller's to reopen, so the request goes up as `draft-reload`.
   */
  #reload(): void {
    if (this.#collab.reload()) this.analysis = undefined;
    else this.dispatchEvent(new CustomEvent('draft-reload', { bubbles: true, composed: true }));
  }

  #scheduleValidation(): void {
    clearTimeout(this.#validateTimer);
    this.#validateTimer = setTimeout(() => this.#analyse(), VALIDATE_AFTER_MS);
  }

  #analyse(): void {
    const session = this.session;
    if (!session) return;
    const before = this.analysis?.problems;
    const hasDraft = session.doc.getMap('module').size > 0;
    this.analysis = hasDraft ? analyseDraft(session.doc, this.language ?? '') : undefined;
    const pageCount = this.#pages()?.length ?? 0;
    if (this.pageIndex >= pageCount && pageCount > 0) this.pageIndex = pageCount - 1;
    const after = this.analysis?.problems ?? [];
    if (JSON.stringify(before ?? []) !== JSON.stringify(after)) {
      this.dispatchEvent(new CustomEvent<ProblemsChangeDetail>('problems-change', { detail: { problems: after }, bubbles: true, composed: true }));
    }
  }

  #pages(): Y.Array<unknown> | undefined {
    return arrayAt(this.session?.doc.getMap('module'), 'pages');
  }

  #context(session: CollabSession, analysis: DraftAnalysis): EditContext {
    const languages = analysis.languages.length > 0 ? analysis.languages : [analysis.defaultLanguage];
    return {
      session,
      languages,
      defaultLanguage: analysis.defaultLanguage,
      language: this.language && languages.includes(this.language) ? this.language : analysis.defaultLanguage,
      readOnly: session.readOnly,
      items: analysis.items,
      pages: analysis.pages,
      pageIndex: this.pageIndex,
      takenIds: () => collectIds(session.doc.getMap('module').toJSON()),
      announce: (message) => this.#announcer.announce(message),
      ...(this.#media && !session.readOnly ? { media: this.#media } : {}),
    };
  }

  protected override render() {
    if (this.failure) return html`<p class="error" role="alert">${this.failure}</p>`;
    const session = this.session;
    if (!session) return html`<p role="status">${t('editor.loading')}</p>`;
    const analysis = this.analysis;
    const pages = this.#pages();
    if (!analysis || !pages) {
      return html`<p role="status">${session.synced ? t('editor.noDraft') : t('editor.loading')}</p>`;
    }
    const context = this.#context(session, analysis);
    const page = mapsOf(pages)[this.pageIndex]?.map;
    const pageId = page ? stringAt(page, 'id') : undefined;
    return html`
      <cl-editor-header
        .heading=${t('editor.title', { title: analysis.title || this.documentId || t('editor.untitled') })}
        .connection=${session.connection}
        .synced=${session.synced}
        .readOnly=${session.readOnly}
        .stopped=${session.stopped}
        .peers=${this.peers}
        .canUndo=${session.undoManager.undoStack.length > 0}
        .canRedo=${session.undoManager.redoStack.length > 0}
        .describePlace=${(peer: Peer) => this.#describePlace(peer, analysis)}
        @undo=${() => this.#undo()}
        @redo=${() => this.#redo()}
        @reload-draft=${() => this.#reload()}
      >
        <cl-submit-version slot="actions" .api=${this.api ?? this.workspace?.api} document-id=${this.documentId} .problems=${analysis.problems} .warnings=${analysis.warnings} ?read-only=${session.readOnly}></cl-submit-version>
      </cl-editor-header>
      <div class="layout ${this.previewWide ? 'wide' : ''}">
        <nav aria-label=${t('outline.heading')}>
          <button type="button" class="details-entry" data-action="module-details" aria-current=${this.detailsOpen ? 'page' : 'false'} @click=${this.#openDetails}>${t('details.open')}</button>
          <h2>${t('outline.heading')}</h2>
          <cl-page-outline .session=${session} .pages=${pages} .selected=${this.detailsOpen ? -1 : this.pageIndex} .language=${context.language} .languages=${context.languages} .peers=${this.peers}
            @page-select=${(event: CustomEvent<PageSelectDetail>) => this.#selectPage(event.detail.index)}
            @page-deleted=${(event: CustomEvent<PageDeletedDetail>) => (this.toast = { message: t('outline.deleted', { title: event.detail.title }), stackItem: event.detail.stackItem })}
            @announce=${(event: CustomEvent<{ message: string }>) => this.#announcer.announce(event.detail.message)}></cl-page-outline>
        </nav>
        <main>
          ${this.detailsOpen ? nothing : html`<cl-readability-score .scores=${analysis.readability.filter((entry) => entry.pageIndex === this.pageIndex)} .level=${analysis.readingLevel}></cl-readability-score>`}
          ${this.detailsOpen ? html`<cl-module-details .context=${context} @announce=${(event: CustomEvent<{ message: string }>) => this.#announcer.announce(event.detail.message)}></cl-module-details>` : html`<cl-page-canvas .context=${context} .page=${page} .peers=${this.peers} .commentCounts=${openThreadCounts(this.threads)} .openComments=${this.openComments}
            @show-comments=${(event: CustomEvent<{ anchor: string }>) => (this.openComments = this.openComments === event.detail.anchor ? undefined : event.detail.anchor)}>
            ${this.openComments ? commentsFor(this.openComments, this.threads, this.documentId, this.workspace, this.commentsRevision) : nothing}
          </cl-page-canvas>`}
        </main>
        <div class="side">
          <cl-validation-panel .problems=${analysis.problems} .warnings=${analysis.warnings} .document=${analysis.snapshot} content-language=${context.language} @problem-select=${(event: CustomEvent<ProblemSelectDetail>) => void this.#goToProblem(event.detail)}></cl-validation-panel>
          <cl-module-preview .module=${analysis.previewable} .pageId=${pageId} .language=${context.language} ?stale=${analysis.previewable === undefined}
            @preview-width=${(event: CustomEvent<{ width: string }>) => (this.previewWide = event.detail.width === 'desktop')}
            @preview-page=${(event: CustomEvent<{ pageId: string }>) => this.#selectPageId(event.detail.pageId)}></cl-module-preview>
        </div>
      </div>
      ${this.#announcer.region()}
      ${this.toast
        ? html`<div class="toast" role="status">
            <span>${this.toast.message}</span>
            <button type="button" data-action="undo-delete" @click=${this.#undoDelete}>${t('common.undo')}</button>
            <button type="button" @click=${() => (this.toast = undefined)}>${t('outline.dismiss')}</button>
          </div>`
        : nothing}
    `;
  }

  #describePlace(peer: Peer, analysis: DraftAnalysis): string {
    const page = analysis.pages.find((candidate) => candidate.id === peer.pageId);
    if (peer.blockId) return t('editor.peerOnBlock', { name: peer.name, block: peer.blockId });
    if (page) return t('editor.peerOnPage', { name: peer.name, page: page.index + 1 });
    return t('editor.peerNowhere', { name: peer.name });
  }

  #selectPage(index: number): void {
    this.detailsOpen = false;
    this.pageIndex = index;
    const page = mapsOf(this.#pages())[index]?.map;
    this.session?.setLocation(page ? stringAt(page, 'id') : null, null);
  }

  #selectPageId(pageId: string): void {
    const index = mapsOf(this.#pages()).findIndex(({ map }) => stringAt(map, 'id') === pageId);
    if (index >= 0) this.#selectPage(index);
  }

  /** Takes the designer to what a problem is about: its page, then its block (focused) or the page settings. */
  async #goToProblem(detail: ProblemSelectDetail): Promise<void> {
    if (detail.pageIndex === undefined) {
      // A problem with the module's own metadata (title, languages…): those are on the details screen.
      this.#openDetails();
      return;
    }
    this.#selectPage(detail.pageIndex);
    await this.updateComplete;
    const canvas = this.renderRoot.querySelector<ClPageCanvas>('cl-page-canvas');
    if (!canvas) return;
    await canvas.updateComplete;
    const page = mapsOf(this.#pages())[detail.pageIndex]?.map;
    const block = detail.blockIndex === undefined ? undefined : arrayAt(page, 'blocks')?.get(detail.blockIndex);
    if (block instanceof Y.Map) await canvas.focusBlock(stringAt(block as Y.Map<unknown>, 'id'));
    else await canvas.focusPageSettings();
  }

  readonly #openDetails = (): void => {
    this.detailsOpen = true;
    this.session?.setLocation(null, null);
    void this.updateComplete.then(() => this.renderRoot.querySelector<ClModuleDetails>('cl-module-details')?.focusHeading());
  };

  #undo(): void {
    this.session?.undoManager.undo();
  }

  #redo(): void {
    this.session?.undoManager.redo();
  }

  #undoDelete = (): void => {
    const session = this.session;
    const toast = this.toast;
    this.toast = undefined;
    if (!session || !toast) return;
    const stack = session.undoManager.undoStack;
    if (stack[stack.length - 1] === toast.stackItem) session.undoManager.undo();
  };
}
