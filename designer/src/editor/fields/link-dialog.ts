import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';

import { uiStyles } from '../../ui/ui-styles.js';
import { t } from '../messages.js';
import { linkHref } from './link-href.js';
import { DesignerElement } from '../../i18n/designer-element.js';

let nextDialogId = 1;

/** `link-apply` detail: the checked address to link to. */
export interface LinkApplyDetail {
  href: string;
}

/**
 * `<cl-link-dialog>`: the rich-text toolbar's small inline dialog for a link: the address (checked
 * against what the format accepts, with the reason shown beside the field), Apply, Remove (when
 * the text already is a link) and Cancel; Escape cancels. It opens with focus in the address; the
 * host closes it and returns focus to the text on any of the three events.
 *
 * @fires link-apply {LinkApplyDetail}
 * @fires link-remove
 * @fires link-cancel
 */
export class ClLinkDialog extends DesignerElement {
  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    href: { type: String },
    hasLink: { type: Boolean, attribute: 'has-link' },
    error: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      :host(:not([open])) { display: none; }
      .dialog { border: 1px solid var(--cl-border); border-radius: 0.375rem; padding: 0.5rem 0.75rem; margin: 0.25rem 0; background: var(--cl-bg); box-shadow: 0 2px 6px rgb(0 0 0 / 15%); }
      h4 { margin: 0 0 0.25rem; font-size: 0.9375rem; }
      label { display: block; font-size: 0.875rem; }
      input { width: 100%; }
      .hint { font-size: 0.8125rem; margin: 0.125rem 0; }
      .field-error { color: var(--cl-error); font-size: 0.875rem; margin: 0.25rem 0; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.375rem; margin-top: 0.375rem; }
      .actions button { min-height: 2rem; padding: 0.125rem 0.625rem; }
    `,
  ];

  declare open: boolean;
  declare href: string;
  declare hasLink: boolean;
  declare error: string | undefined;
  readonly #id = `cl-link-${nextDialogId++}`;

  constructor() {
    super();
    this.open = false;
    this.href = '';
    this.hasLink = false;
  }

  /** The address input (for tests and focus). */
  get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      const input = this.input;
      if (input) {
        input.value = this.href;
        input.focus();
        input.select();
      }
    }
    if (changed.has('open') && !this.open) this.error = undefined;
  }

  protected override render() {
    if (!this.open) return nothing;
    const headingId = `${this.#id}-heading`;
    const errorId = `${this.#id}-error`;
    return html`<div class="dialog" role="dialog" aria-labelledby=${headingId} @keydown=${this.#onKeydown}>
      <h4 id=${headingId}>${t('common.link')}</h4>
      <form novalidate @submit=${this.#apply}>
        <label for=${`${this.#id}-href`}>${t('rich.linkAddress')}</label>
        <input id=${`${this.#id}-href`} type="text" inputmode="url" autocomplete="url" spellcheck="false"
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? `${errorId} ${this.#id}-hint` : `${this.#id}-hint`}
          @input=${() => (this.error = undefined)} />
        <p class="hint" id=${`${this.#id}-hint`}>${t('rich.linkHint')}</p>
        ${this.error ? html`<p class="field-error" id=${errorId} role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" data-action="link-apply">${t('rich.linkApply')}</button>
          ${this.hasLink ? html`<button type="button" class="danger" data-action="link-remove" @click=${this.#remove}>${t('rich.linkRemove')}</button>` : nothing}
          <button type="button" data-action="link-cancel" @click=${this.#cancel}>${t('common.cancel')}</button>
        </div>
      </form>
    </div>`;
  }

  readonly #apply = (event: Event): void => {
    event.preventDefault();
    const href = linkHref(this.input?.value ?? '');
    if (href === undefined) {
      this.error = t('rich.linkInvalid');
      this.input?.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent<LinkApplyDetail>('link-apply', { detail: { href } }));
  };

  readonly #remove = (): void => {
    this.dispatchEvent(new CustomEvent('link-remove'));
  };

  readonly #cancel = (): void => {
    this.dispatchEvent(new CustomEvent('link-cancel'));
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Escape belongs to this dialog, not to anything around the editor.
    event.preventDefault();
    event.stopPropagation();
    this.#cancel();
  };
}
