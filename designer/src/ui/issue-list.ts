import { css, html, LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { LocaleController, t } from '../i18n/i18n.js';
import { uiStyles } from './ui-styles.js';

/** One problem with where it is: a JSON Pointer into the document (or request body). */
export interface ListedIssue {
  code?: string;
  path: string;
  message: string;
}

/**
 * Validation problems as a list, each with its JSON path. Fires `issue-select` (`detail: issue`)
 * when one is chosen, so a host can jump to the place it names.
 */
export class ClIssueList extends LitElement {
  static override properties: PropertyDeclarations = { issues: { attribute: false }, selectable: { type: Boolean } };
  static override styles = [
    uiStyles,
    css`
      ul {
        margin: 0.25rem 0;
        padding-left: 1.25rem;
      }
      li {
        margin: 0.25rem 0;
      }
      button {
        min-height: 0;
        padding: 0.125rem 0.375rem;
        text-align: left;
      }
    `,
  ];

  declare issues: readonly ListedIssue[];
  declare selectable: boolean;
  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.issues = [];
    this.selectable = false;
  }

  override render() {
    if (this.issues.length === 0) return null;
    return html`<ul>
      ${this.issues.map((issue) => {
        const where = html`<code>${issue.path === '' ? t('issues.wholeDocument') : issue.path}</code>`;
        return html`<li>${this.selectable ? html`<button type="button" @click=${() => this.#select(issue)}>${where}</button>` : where} ${issue.message}</li>`;
      })}
    </ul>`;
  }

  #select(issue: ListedIssue): void {
    this.dispatchEvent(new CustomEvent<ListedIssue>('issue-select', { detail: issue, bubbles: true, composed: true }));
  }
}

customElements.define('cl-issue-list', ClIssueList);

declare global {
  interface HTMLElementTagNameMap {
    'cl-issue-list': ClIssueList;
  }
}
