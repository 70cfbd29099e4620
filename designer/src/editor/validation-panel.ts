import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Issue } from '@careloom/format';

import { editorStyles } from './editor-styles.js';
import { locateIssue } from './issue-location.js';
import { issueInWords } from './issue-words.js';
import type { IssueLocation } from './issue-location.js';
import { t } from './messages.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** `problem-select` detail: the problem and where it is. */
export interface ProblemSelectDetail extends IssueLocation {
  issue: Issue;
}

/**
 * `<cl-validation-panel>`: the validator's problems in the designer's words and language (issue-words.ts), each a button that takes the
 * designer to the page and block it is about.
 *
 * @fires problem-select {ProblemSelectDetail}
 */
export class ClValidationPanel extends DesignerElement {
  static override properties: PropertyDeclarations = { problems: { attribute: false }, warnings: { attribute: false }, checking: { type: Boolean }, document: { attribute: false }, contentLanguage: { attribute: 'content-language' } };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; }
      ul { padding-left: 1.25rem; margin: 0.25rem 0; max-height: 40vh; overflow: auto; }
      li { margin: 0.25rem 0; }
      h3 { font-size: 0.9375rem; margin: 0.5rem 0 0; color: var(--cl-warn); }
      li button { text-align: left; min-height: 0; padding: 0.25rem 0.5rem; width: 100%; }
    `,
  ];

  declare problems: readonly Issue[];
  /** The publish gate's warnings: shown apart, since they do not stop submitting. */
  declare warnings: readonly Issue[];
  declare checking: boolean;
  /** The draft the problems are about, to name their places as the editor shows them. */
  declare document: unknown;
  /** The language the editor shows content in: texts that name a place are quoted in it. */
  declare contentLanguage: string;

  constructor() {
    super();
    this.problems = [];
    this.warnings = [];
    this.checking = false;
    this.document = undefined;
    this.contentLanguage = 'en';
  }

  protected override render() {
    const count = this.problems.length;
    return html`<h2>${t('common.problems')}</h2>
      <p role="status" class=${count === 0 ? 'success' : 'hint'}>
        ${this.checking ? t('validation.checking') : count === 0 ? t('validation.none') : t('validation.count', { count })}
      </p>
      ${count === 0 ? nothing : html`<ul>
        ${this.problems.map((issue) => html`<li><button type="button" data-path=${issue.path} @click=${() => this.#select(issue)}>${issueInWords(issue, this.document, this.contentLanguage)}</button></li>`)}
      </ul>`}
      ${this.warnings.length === 0 ? nothing : html`<h3 id="warnings-heading">${t('validation.warnings', { count: this.warnings.length })}</h3>
        <ul aria-labelledby="warnings-heading" data-role="warnings">
          ${this.warnings.map((issue) => html`<li><button type="button" data-path=${issue.path} data-code=${issue.code} @click=${() => this.#select(issue)}>${issueInWords(issue, this.document, this.contentLanguage)}</button></li>`)}
        </ul>`}`;
  }

  #select(issue: Issue): void {
    this.dispatchEvent(new CustomEvent<ProblemSelectDetail>('problem-select', { detail: { issue, ...locateIssue(issue.path) }, bubbles: true, composed: true }));
  }
}
