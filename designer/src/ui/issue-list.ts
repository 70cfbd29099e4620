import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { i18n } from '../i18n/i18n.js';
import { issueInWords } from '../editor/issue-words.js';
import { uiStyles } from './ui-styles.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** One problem with where it is: a JSON Pointer into the document (or request body). */
export interface ListedIssue {
  code?: string;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}

/**
 * Validation problems as a list, in the designer's words: with the `document` they point into, each
 * names its place as the editor shows it and says what to do, in the interface language (never a
 * JSON path); without it, the server's own sentence. Fires `issue-select` (`detail: issue`) when one
 * is chosen, so a host can jump to the place it names.
 */
export class ClIssueList extends DesignerElement {
  static override properties: PropertyDeclarations = { issues: { attribute: false }, document: { attribute: false }, contentLanguage: { attribute: false }, selectable: { type: Boolean } };
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
  /** The module or program the paths point into. */
  declare document: unknown;
  /** The language of the content texts that name places (the document's default when unset). */
  declare contentLanguage: string | undefined;
  declare selectable: boolean;

  constructor() {
    super();
    this.issues = [];
    this.selectable = false;
  }

  override render() {
    if (this.issues.length === 0) return null;
    return html`<ul>
      ${this.issues.map((issue) => {
        const text = this.document === undefined ? issue.message : issueInWords({ ...issue, code: issue.code ?? '' }, this.document, this.#language());
        return html`<li>${this.selectable ? html`<button type="button" @click=${() => this.#select(issue)}>${text}</button>` : text}</li>`;
      })}
    </ul>`;
  }

  #language(): string {
    const doc = this.document as { defaultLanguage?: unknown; languages?: unknown } | null;
    const languages = Array.isArray(doc?.languages) ? (doc.languages as string[]) : [];
    if (this.contentLanguage) return this.contentLanguage;
    // The interface language when the content has it, else the content's own default.
    return languages.includes(i18n.locale) ? i18n.locale : typeof doc?.defaultLanguage === 'string' ? doc.defaultLanguage : i18n.locale;
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
