import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { ApiError } from '@careloom/client/api';
import type { TransitionInput, VersionView, WorkflowAction } from '@careloom/format/api';
import { canEdit, type Workspace } from '../app/workspace.js';
import { t } from '../i18n/i18n.js';
import { statusLabel } from '../ui/status-badge.js';
import type { ListedIssue } from '../ui/issue-list.js';
import '../ui/issue-list.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { offeredActions } from './workflow-permissions.js';
import { DesignerElement } from '../i18n/designer-element.js';

type ReleaseLevel = 'major' | 'minor';

/**
 * The workflow buttons the signed-in person may use: with `draft`, "Submit for review" with a
 * change note (422: every validation problem with its path); with a `version`, the actions its
 * state allows for the person's roles (start review, request changes, approve for test, release
 * with notes and a confirmed classification, retire, withdraw). Each action opens a short form
 * before it is sent. Refusals (409 state changed, 403 four-eyes or role) are said in plain words.
 * Fires `version-changed` with the new or changed version.
 */
export class ClWorkflowActions extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    version: { attribute: false },
    draft: { type: Boolean },
    releasedVersion: { attribute: false },
    open: { state: true },
    busy: { state: true },
    problem: { state: true },
    issues: { state: true },
    issuesIn: { state: true },
    done: { state: true },
    suggested: { state: true },
    openComments: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .panel {
        border: 1px solid var(--cl-line);
        border-radius: 0.5rem;
        padding: 0.75rem;
        margin: 0.75rem 0;
      }
      .warning {
        border-left: 4px solid #b06000;
        background: #fef7e0;
        color: #3c2a00;
        padding: 0.25rem 0.75rem;
        margin: 0.75rem 0;
      }
      .choices label,
      .warning label {
        font-weight: 400;
        display: flex;
        gap: 0.5rem;
        align-items: center;
        min-height: 2.25rem;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  declare version: VersionView | undefined;
  declare draft: boolean;
  /** The document's released version, against which a release is classified. */
  declare releasedVersion: number | null;
  declare open: WorkflowAction | 'submit' | undefined;
  declare busy: boolean;
  declare problem: string;
  declare issues: readonly ListedIssue[];
  /** The draft the listed problems point into, so they are named as the editor shows them. */
  declare issuesIn: unknown;
  declare done: string;
  declare suggested: { level: ReleaseLevel | 'none'; reasons: string[] } | undefined;
  /** Unresolved comment threads on the version, counted when the release form opens. */
  declare openComments: number;

  constructor() {
    super();
    this.documentId = '';
    this.draft = false;
    this.releasedVersion = null;
    this.busy = false;
    this.problem = '';
    this.issues = [];
    this.done = '';
    this.openComments = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('version') && changed.get('version')?.number !== this.version?.number) {
      this.open = undefined;
      this.problem = '';
      this.issues = [];
      this.done = '';
    }
  }

  override render() {
    const workspace = this.workspace;
    if (!workspace) return null;
    return html`
      ${this.draft ? this.#draftActions(workspace) : this.#versionActions(workspace)}
      ${this.problem
        ? html`<div class="error" role="alert"><p>${this.problem}</p><cl-issue-list .issues=${this.issues} .document=${this.issuesIn}></cl-issue-list></div>`
        : nothing}
      ${this.done ? html`<p class="success" role="status">${this.done}</p>` : nothing}
    `;
  }

  #draftActions(workspace: Workspace): TemplateResult {
    if (!canEdit(workspace)) return html`<p class="muted">${t('workflow.draftReadOnly')}</p>`;
    return html`<div class="buttons">
        <button type="button" class="primary" aria-expanded=${this.open === 'submit' ? 'true' : 'false'} @click=${() => this.#toggle('submit')}>${t('common.submitForReview')}</button>
      </div>
      ${this.open === 'submit'
        ? html`<form class="panel" novalidate @submit=${this.#submitDraft}>
            <div class="field">
              <label for="change-note">${t('workflow.changeNote')}</label>
              <textarea id="change-note" name="note" required maxlength="4000" aria-describedby="change-note-hint"></textarea>
              <span class="hint" id="change-note-hint">${t('workflow.changeNoteHint')}</span>
            </div>
            <div class="row">
              <button class="primary" type="submit" ?disabled=${this.busy}>${t('workflow.submitConfirm')}</button>
              <button type="button" @click=${() => this.#toggle('submit')}>${t('common.cancel')}</button>
            </div>
          </form>`
        : nothing}`;
  }

  #versionActions(workspace: Workspace): TemplateResult {
    const version = this.version;
    if (!version) return html``;
    const offered = offeredActions(version, workspace.roles, workspace.session.person.id);
    if (offered.length === 0) return html`<p class="muted">${t('workflow.nothingForYou', { state: statusLabel(version.state) })}</p>`;
    return html`
      <div class="buttons">
        ${offered.map(
          ({ action, blockedBy }) => html`<button
            type="button"
            class=${action === 'retire' || action === 'withdraw' ? 'danger' : action === 'request_changes' ? '' : 'primary'}
            data-action=${action}
            ?disabled=${blockedBy !== undefined || this.busy}
            aria-expanded=${this.open === action ? 'true' : 'false'}
            aria-describedby=${blockedBy ? `blocked-${action}` : nothing}
            @click=${() => this.#toggle(action)}
          >${t(`action.${action}`)}</button>`,
        )}
      </div>
      ${offered
        .filter((offer) => offer.blockedBy)
        .map((offer) => html`<p class="hint" id="blocked-${offer.action}">${t(offer.blockedBy === 'four-eyes' ? 'workflow.fourEyes' : 'workflow.notInvolved', { action: t(`action.${offer.action}`) })}</p>`)}
      ${this.open && this.open !== 'submit' ? this.#actionForm(this.open) : nothing}
    `;
  }

  #actionForm(action: WorkflowAction): TemplateResult {
    const noteRequired = action === 'request_changes';
    const level = this.suggested?.level === 'none' ? 'minor' : this.suggested?.level;
    return html`<form class="panel" novalidate @submit=${(event: SubmitEvent) => this.#transition(event, action)} aria-label=${t(`action.${action}`)}>
      ${action === 'release'
        ? html`<div class="field">
              <label for="release-notes">${t('workflow.releaseNotes')}</label>
              <textarea id="release-notes" name="releaseNotes" required maxlength="10000" aria-describedby="release-notes-hint"></textarea>
              <span class="hint" id="release-notes-hint">${t('workflow.releaseNotesHint')}</span>
            </div>
            <fieldset class="choices">
              <legend>${t('workflow.releaseClass')}</legend>
              <p class="hint">${this.suggested ? t(`diff.suggested.${this.suggested.level}`) : t('common.loading')}</p>
              ${(['major', 'minor'] as const).map(
                (choice) => html`<label><input type="radio" name="releaseClass" value=${choice} .checked=${level === choice} required />${t(`releaseClass.${choice}`)} — ${t(`releaseClass.${choice}.hint`)}</label>`,
              )}
              <label><input type="checkbox" name="confirmClass" required />${t('workflow.confirmClass')}</label>
            </fieldset>
            ${this.openComments > 0
              ? html`<div class="warning" role="alert" data-warning="open-comments">
                  <p>${t('workflow.openComments', { n: this.openComments })}</p>
                  <label><input type="checkbox" name="releaseDespiteComments" required />${t('workflow.releaseDespiteComments')}</label>
                </div>`
              : nothing}`
        : html`<div class="field">
            <label for="note">${noteRequired ? t('workflow.changesRequested') : t('workflow.note')}</label>
            <textarea id="note" name="note" maxlength="4000" ?required=${noteRequired}></textarea>
          </div>`}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('workflow.confirm', { action: t(`action.${action}`) })}</button>
        <button type="button" @click=${() => this.#toggle(action)}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  #toggle(action: WorkflowAction | 'submit'): void {
    this.open = this.open === action ? undefined : action;
    this.problem = '';
    this.issues = [];
    this.done = '';
    if (this.open === 'release') {
      void this.#loadSuggestion();
      void this.#countOpenComments();
    }
    if (this.open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel textarea')?.focus());
  }

  /** Open threads on the version: releasing over them is allowed, but only knowingly. */
  async #countOpenComments(): Promise<void> {
    const version = this.version;
    this.openComments = 0;
    if (!version || !this.workspace) return;
    try {
      const threads = await this.workspace.api.listComments(this.documentId, version.number);
      if (this.version?.number === version.number) this.openComments = threads.filter((thread) => thread.resolvedAt === null).length;
    } catch (error) {
      if (!isApiError(error)) throw error;
    }
  }

  /** The class the server will suggest: the diff from the released version, or major for a first release. */
  async #loadSuggestion(): Promise<void> {
    const version = this.version;
    if (!version || !this.workspace) return;
    if (this.releasedVersion === null || this.releasedVersion === version.number) {
      this.suggested = { level: 'major', reasons: [] };
      return;
    }
    try {
      this.suggested = (await this.workspace.api.diff(this.documentId, this.releasedVersion, version.number)).suggestedClass;
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.suggested = { level: 'major', reasons: [] };
    }
  }

  async #submitDraft(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const note = ((event.currentTarget as HTMLFormElement).elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    if (note === '') return this.#refuse(t('workflow.changeNoteMissing'));
    await this.#send(() => this.workspace!.api.submitVersion(this.documentId, note), (version) => t('workflow.submitted', { n: version.number }), 'submit');
  }

  async #transition(event: SubmitEvent, action: WorkflowAction): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
    const input: TransitionInput = { action };
    if (action === 'release') {
      const notes = field('releaseNotes')?.value.trim() ?? '';
      const chosen = form.querySelector<HTMLInputElement>('input[name="releaseClass"]:checked')?.value as ReleaseLevel | undefined;
      if (notes === '') return this.#refuse(t('workflow.releaseNotesMissing'));
      if (!chosen || !(field('confirmClass') as HTMLInputElement).checked) return this.#refuse(t('workflow.confirmClassMissing'));
      const despite = field('releaseDespiteComments') as HTMLInputElement | null;
      if (despite && !despite.checked) return this.#refuse(t('workflow.openCommentsUnconfirmed', { n: this.openComments }));
      input.releaseNotes = notes;
      input.releaseClass = chosen;
    } else {
      const note = field('note')?.value.trim() ?? '';
      if (action === 'request_changes' && note === '') return this.#refuse(t('workflow.changesRequestedMissing'));
      if (note !== '') input.note = note;
    }
    const version = this.version!;
    await this.#send(() => this.workspace!.api.transition(this.documentId, version.number, input), (changed) => t('workflow.done', { action: t(`action.${action}`), state: statusLabel(changed.state) }), action);
  }

  async #send(call: () => Promise<VersionView>, success: (version: VersionView) => string, action: WorkflowAction | 'submit'): Promise<void> {
    this.busy = true;
    this.problem = '';
    this.issues = [];
    try {
      const version = await call();
      this.open = undefined;
      this.done = success(version);
      this.dispatchEvent(new CustomEvent<VersionView>('version-changed', { detail: version, bubbles: true, composed: true }));
    } catch (error) {
      if (!isApiError(error)) throw error;
      await this.#explain(error, action);
    } finally {
      this.busy = false;
    }
  }

  /** A refusal in plain words: what could not be done and why, with the server's own sentence. */
  async #explain(error: ApiError, action: WorkflowAction | 'submit'): Promise<void> {
    const what = action === 'submit' ? t('common.submitForReview') : t(`action.${action}`);
    if (error.status === 409 && action !== 'submit' && this.version && this.workspace) {
      // The state changed under us: show the version as it is now, so the buttons match it.
      try {
        const current = await this.workspace.api.getVersion(this.documentId, this.version.number);
        this.dispatchEvent(new CustomEvent<VersionView>('version-changed', { detail: current, bubbles: true, composed: true }));
        return this.#refuse(t('workflow.refusedState', { action: what, state: statusLabel(current.state) }));
      } catch {
        // Fall through to the server's sentence.
      }
    }
    const lead = error.status === 403 ? t('workflow.refusedForbidden', { action: what }) : error.status === 422 ? t('workflow.refusedInvalid', { action: what, n: error.issues.length }) : t('workflow.refused', { action: what });
    if (error.status === 422 && action === 'submit' && this.workspace) {
      // The draft's own problems (with what each names), placed in the draft: the editor's words, not the server's paths.
      try {
        const draft = await this.workspace.api.getDraft(this.documentId);
        if (draft.issues.length > 0) return this.#refuse(lead, draft.issues, draft.content);
      } catch (draftError) {
        if (!isApiError(draftError)) throw draftError;
      }
    }
    this.#refuse(`${lead} ${errorText(error)}`, error.issues);
  }

  #refuse(message: string, issues: readonly ListedIssue[] = [], issuesIn?: unknown): void {
    this.problem = message;
    this.issues = issues;
    this.issuesIn = issuesIn;
    this.done = '';
  }
}

customElements.define('cl-workflow-actions', ClWorkflowActions);

declare global {
  interface HTMLElementTagNameMap {
    'cl-workflow-actions': ClWorkflowActions;
  }
}
