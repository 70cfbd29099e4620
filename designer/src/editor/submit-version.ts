import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Issue } from '@careloom/format';
import type { DesignerApi } from '../api/api-client.js';
import { isApiError } from '@careloom/client/api';

import { editorStyles } from './editor-styles.js';
import { t } from './messages.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** `version-submitted` detail. */
export interface VersionSubmittedDetail {
  documentId: string;
  number: number;
}

/**
 * `<cl-submit-version>`: "Submit for review", disabled with the reason while the draft has
 * problems (or the person may not submit); otherwise asks for a change note and freezes the draft
 * into a numbered version through the API. The shell may place it anywhere: give it `problems`
 * (the editor's `problems` property or its `problems-change` event), `api` and `document-id`.
 *
 * @fires version-submitted {VersionSubmittedDetail}
 */
export class ClSubmitVersion extends DesignerElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    problems: { attribute: false },
    warnings: { attribute: false },
    readOnly: { type: Boolean, attribute: 'read-only' },
    open: { state: true },
    busy: { state: true },
    outcome: { state: true },
  };
  static override styles = [...editorStyles, css`:host { display: inline-block; } form { display: grid; gap: 0.5rem; min-width: 18rem; }`];

  declare api: DesignerApi | undefined;
  declare documentId: string;
  declare problems: readonly Issue[];
  /** The publish gate's warnings: named in the form, never blocking. */
  declare warnings: readonly Issue[];
  declare readOnly: boolean;
  declare open: boolean;
  declare busy: boolean;
  declare outcome: { ok: boolean; message: string } | undefined;

  constructor() {
    super();
    this.documentId = '';
    this.problems = [];
    this.warnings = [];
    this.readOnly = false;
    this.open = false;
    this.busy = false;
  }

  /** Why submitting is not possible now, or undefined when it is. */
  get blockedReason(): string | undefined {
    if (this.readOnly) return t('submit.readOnly');
    if (this.problems.length > 0) return t('submit.blocked', { count: this.problems.length });
    return undefined;
  }

  protected override render() {
    const reason = this.blockedReason;
    return html`
      ${this.open && !reason
        ? html`<form @submit=${this.#submit}>
            ${this.warnings.length > 0 ? html`<p class="notice" data-role="submit-warnings">${t('submit.warnings', { count: new Set(this.warnings.map((warning) => warning.path)).size })}</p>` : nothing}
            <label for="note">${t('submit.note')}</label>
            <textarea id="note" required maxlength="4000"></textarea>
            <div class="inline">
              <button type="submit" class="primary" ?disabled=${this.busy}>${t('submit.confirm')}</button>
              <button type="button" @click=${() => (this.open = false)}>${t('common.cancel')}</button>
            </div>
          </form>`
        : html`<button type="button" class="primary" data-action="submit" aria-disabled=${reason ? 'true' : 'false'} aria-describedby="reason"
            @click=${() => { if (!this.blockedReason) this.open = true; }}>${t('common.submitForReview')}</button>`}
      ${reason ? html`<span id="reason" class="hint">${reason}</span>` : nothing}
      ${this.outcome ? html`<p role="status" class=${this.outcome.ok ? 'success' : 'error'}>${this.outcome.message}</p>` : nothing}`;
  }

  #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const note = (this.renderRoot.querySelector('textarea') as HTMLTextAreaElement).value.trim();
    if (!this.api || note === '' || this.blockedReason) return;
    this.busy = true;
    try {
      const version = await this.api.submitVersion(this.documentId, note);
      this.open = false;
      this.outcome = { ok: true, message: t('submit.done', { number: version.number }) };
      this.dispatchEvent(new CustomEvent<VersionSubmittedDetail>('version-submitted', { detail: { documentId: this.documentId, number: version.number }, bubbles: true, composed: true }));
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.outcome = { ok: false, message: t('submit.failed', { reason: error.message }) };
    } finally {
      this.busy = false;
    }
  };
}
