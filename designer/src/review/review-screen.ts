import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { DocumentDetail, VersionRef, VersionView } from '@careloom/format/api';
import { editorHash, routeHash } from '../app/router.js';
import { canEdit, type Workspace } from '../app/workspace.js';
import { watchCommentNotices, type CommentNoticeWatch } from '../collab/comment-notices.js';
import { i18n, t } from '../i18n/i18n.js';
import '../ui/status-badge.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { anchorsOf, type Anchor } from './anchors.js';
import { canSimulate, canTryAsPatient } from './workflow-permissions.js';
import './comment-thread.js';
import './version-content.js';
import './version-diff.js';
import './version-history.js';
import './workflow-actions.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * The review of one module or program (`#/modules/<id>/review`): version history, the workflow
 * buttons for the chosen version (and submitting the draft), the diff against the previous
 * version, and the comment threads on the chosen version. The threads are live: the screen listens
 * on the draft's connection for the server's content-free notice that the document's comments
 * changed (a comment, reply or resolution in the editor or on another review screen, on any server
 * process) and reads them again through the API, as the module editor does.
 */
export class ClReviewScreen extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    document: { state: true },
    versions: { state: true },
    selected: { state: true },
    anchors: { state: true },
    problem: { state: true },
    starting: { state: true },
    tryProblem: { state: true },
    wsOrigin: { attribute: false },
    commentRevision: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 1.5rem;
      }
      .try {
        margin-top: 0.75rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      @media (max-width: 60rem) {
        .columns {
          /* minmax(0, …): a wide table scrolls in its own box instead of widening the page on a phone. */
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  declare document: DocumentDetail | undefined;
  declare versions: readonly VersionView[];
  declare selected: number | undefined;
  declare anchors: readonly Anchor[];
  declare problem: string;
  /** A test enrollment is being created for "Try as a patient". */
  declare starting: boolean;
  declare tryProblem: string;
  /** ws: or wss: origin of the server for the comment notices; default: the page's own. */
  declare wsOrigin: string | undefined;
  /** Moved by each comment notice (and reconnection): the thread reads its comments again. */
  declare commentRevision: number;
  #notices: CommentNoticeWatch | undefined;
  #listeningTo = '';

  constructor() {
    super();
    this.documentId = '';
    this.versions = [];
    this.anchors = [];
    this.problem = '';
    this.starting = false;
    this.tryProblem = '';
    this.commentRevision = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening();
  }

  /** Listens for the comment notices of the document shown (again after documentId or wsOrigin changed). */
  #listen(): void {
    const key = this.workspace && this.documentId ? `${this.wsOrigin ?? ''} ${this.documentId}` : '';
    if (!this.isConnected || key === this.#listeningTo) return;
    this.#stopListening();
    if (!key) return;
    this.#listeningTo = key;
    this.#notices = watchCommentNotices({
      documentId: this.documentId,
      ...(this.wsOrigin ? { wsOrigin: this.wsOrigin } : {}),
      onChange: () => this.commentRevision++,
    });
  }

  #stopListening(): void {
    this.#notices?.stop();
    this.#notices = undefined;
    this.#listeningTo = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documentId') || changed.has('workspace') || changed.has('wsOrigin')) this.#listen();
    if (changed.has('documentId') || changed.has('workspace')) void this.reload();
    if (changed.has('selected')) {
      this.tryProblem = '';
      void this.#loadAnchors();
    }
  }

  async reload(keepSelection = false): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !this.documentId) return;
    try {
      const [document, versions] = await Promise.all([workspace.api.getDocument(this.documentId), workspace.api.listVersions(this.documentId)]);
      this.document = document;
      this.versions = versions;
      const newest = versions[versions.length - 1]?.number;
      if (!keepSelection || !versions.some((version) => version.number === this.selected)) this.selected = newest;
      this.problem = '';
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.problem = errorText(error);
    }
  }

  async #loadAnchors(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || this.selected === undefined) return;
    try {
      const version = await workspace.api.getVersion(this.documentId, this.selected);
      this.anchors = anchorsOf(version.content, i18n.locale);
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.anchors = [];
    }
  }

  override render() {
    const workspace = this.workspace;
    if (!workspace) return null;
    if (this.problem) return html`<h1>${t('review.title')}</h1><p class="error" role="alert">${this.problem}</p>`;
    const document = this.document;
    if (!document) return html`<p role="status">${t('common.loading')}</p>`;
    const version = this.versions.find((candidate) => candidate.number === this.selected);
    const previous: VersionRef | undefined = version ? (version.number > 1 ? version.number - 1 : undefined) : undefined;
    return html`
      <h1>${t('review.titleOf', { title: document.title })}</h1>
      <p>
        <code>${document.id}</code> · ${t(document.kind === 'program' ? 'common.program' : 'common.module')}
        ${document.releasedVersion !== null ? html` · ${t('review.inCatalog', { n: document.releasedVersion })}` : nothing}
        · <a href=${editorHash(document.kind, document.id)}>${canEdit(workspace) ? t('review.editDraft') : t('review.openDraft')}</a>
      </p>
      <section class="card" aria-labelledby="draft-title">
        <h2 id="draft-title">${t('review.draft')}</h2>
        <cl-workflow-actions .workspace=${workspace} document-id=${document.id} draft @version-changed=${this.#submitted}></cl-workflow-actions>
        ${canSimulate(workspace.roles) ? this.#simulateLink(document.kind, null) : nothing}
      </section>
      <div class="columns">
        <div>
          <cl-version-history .workspace=${workspace} .versions=${this.versions} .selected=${this.selected} @version-select=${this.#select}></cl-version-history>
          ${version
            ? html`<section class="card" aria-labelledby="actions-title">
                <h2 id="actions-title">${t('review.actionsFor', { n: version.number })} <cl-status-badge status=${version.state}></cl-status-badge></h2>
                <cl-workflow-actions .workspace=${workspace} document-id=${document.id} .version=${version} .releasedVersion=${document.releasedVersion} @version-changed=${this.#changed}></cl-workflow-actions>
                ${canTryAsPatient(document, version, workspace.roles)
                  ? html`<div class="try">
                      <button type="button" data-action="try" aria-describedby="try-hint" ?disabled=${this.starting} @click=${() => this.#tryAsPatient(version.number)}>${t('testRun.try')}</button>
                      <span class="hint" id="try-hint">${this.starting ? t('testRun.starting') : t('testRun.tryHint', { n: version.number })}</span>
                    </div>`
                  : nothing}
                ${this.tryProblem ? html`<p class="error" role="alert">${this.tryProblem}</p>` : nothing}
                ${canSimulate(workspace.roles) ? this.#simulateLink(document.kind, version.number) : nothing}
              </section>`
            : nothing}
          ${version && previous === undefined
            ? html`<section class="card" aria-labelledby="content-title"><cl-version-content .workspace=${workspace} document-id=${document.id} .version=${version.number}></cl-version-content></section>`
            : nothing}
          ${version && previous !== undefined
            ? html`<cl-version-diff .workspace=${workspace} document-id=${document.id} .versions=${this.versions.map((candidate) => candidate.number)} .from=${previous} .to=${version.number}></cl-version-diff>`
            : version
              ? nothing
              : html`<cl-version-diff .workspace=${workspace} document-id=${document.id} .versions=${[]} .from=${undefined} .to=${'draft'}></cl-version-diff>`}
        </div>
        <div>
          ${version
            ? html`<p class="muted">${t('review.commentsOn', { n: version.number })}</p>
                <cl-comment-thread .workspace=${workspace} document-id=${document.id} .version=${version.number} .anchors=${this.anchors} .revision=${this.commentRevision}></cl-comment-thread>`
            : html`<p class="muted">${t('review.noVersions')}</p>`}
        </div>
      </div>
    `;
  }

  /** Creates a test enrollment on the version and asks the app to open the test run on it. */
  /** The simulator of the draft (`version` null) or of a version. */
  #simulateLink(kind: 'module' | 'program', version: number | null) {
    const id = version === null ? 'simulate-draft-hint' : 'simulate-version-hint';
    return html`<p class="try">
      <a href=${routeHash({ name: 'simulate', kind, id: this.documentId, version })} data-action="simulate" aria-describedby=${id}>${t('simulate.link')}</a>
      <span class="hint" id=${id}>${t('simulate.linkHint')}</span>
    </p>`;
  }

  async #tryAsPatient(number: number): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || this.starting) return;
    this.starting = true;
    this.tryProblem = '';
    try {
      const enrollment = await workspace.api.createTestEnrollment(this.documentId, number);
      const hash = routeHash({ name: 'try', id: this.documentId, version: number, enrollmentId: enrollment.id });
      this.dispatchEvent(new CustomEvent('cl-navigate', { detail: { hash }, bubbles: true, composed: true }));
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.tryProblem = `${t('testRun.refused')} ${errorText(error)}`;
      // A 409 means the version's state changed: show it as it is now.
      if (isApiError(error, 409)) void this.reload(true);
    } finally {
      this.starting = false;
    }
  }

  #select = (event: CustomEvent<{ number: number }>): void => {
    this.selected = event.detail.number;
  };

  #changed = (event: CustomEvent<VersionView>): void => {
    const changed = event.detail;
    this.versions = this.versions.map((version) => (version.number === changed.number ? { ...version, ...changed } : version));
    void this.reload(true);
  };

  #submitted = async (event: CustomEvent<VersionView>): Promise<void> => {
    await this.reload();
    this.selected = event.detail.number;
  };
}

customElements.define('cl-review-screen', ClReviewScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-review-screen': ClReviewScreen;
  }
}
