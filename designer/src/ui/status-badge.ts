import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** The states a document or version shows: the workflow's, plus `draft` for never submitted. */
export type DisplayStatus = 'draft' | 'submitted' | 'in_review' | 'changes_requested' | 'approved_for_test' | 'released' | 'retired' | 'withdrawn';

export const DISPLAY_STATUSES: readonly DisplayStatus[] = ['draft', 'submitted', 'in_review', 'changes_requested', 'approved_for_test', 'released', 'retired', 'withdrawn'];

/** The translated name of a status. */
export function statusLabel(status: string): string {
  return (DISPLAY_STATUSES as readonly string[]).includes(status) ? t(`status.${status}` as MessageKey) : status;
}

/** A status as a word on a tinted pill; the colour only repeats what the word says. */
export class ClStatusBadge extends DesignerElement {
  static override properties: PropertyDeclarations = { status: { type: String } };
  static override styles = css`
    :host {
      display: inline-block;
    }
    span {
      display: inline-block;
      padding: 0.0625rem 0.5rem;
      border-radius: 1rem;
      font-size: 0.875rem;
      font-weight: 600;
      border: 1px solid currentColor;
      color: #3c3c3c;
      background: #f1f3f4;
      white-space: nowrap;
    }
    .released {
      color: #0d652d;
      background: #e6f4ea;
    }
    .in_review,
    .submitted,
    .approved_for_test {
      color: #0842a0;
      background: #e8f0fe;
    }
    .changes_requested {
      color: #7a4f01;
      background: #fef7e0;
    }
    .retired,
    .withdrawn {
      color: #4d4d4d;
      background: #f1f3f4;
    }
  `;

  declare status: string;

  constructor() {
    super();
    this.status = 'draft';
  }

  override render() {
    return html`<span class=${this.status}>${statusLabel(this.status)}</span>`;
  }
}

customElements.define('cl-status-badge', ClStatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'cl-status-badge': ClStatusBadge;
  }
}
