import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { MemberInvitation } from '@careloom/format/api';
import type { Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { orderedRoles } from './member-roles.js';
import { DesignerElement } from '../i18n/designer-element.js';

interface RowResult {
  kind: 'success' | 'error';
  text: string;
}

/**
 * The organisation's invitations that wait for an answer (expired ones too, marked): address,
 * roles, who sent it when and until when the link works, with "Send again" (a new link; the old one
 * stops working) and "Withdraw". Results are shown beside the row; a withdrawal, whose row goes,
 * is announced at the top of the list and takes the focus there. `add()` puts a new invitation in
 * front (the People screen calls it after the invite form sent one).
 */
export class ClPendingInvitations extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    invitations: { state: true },
    results: { state: true },
    busy: { state: true },
    notice: { state: true },
    problem: { state: true },
    loaded: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .table-wrap {
        overflow-x: auto;
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .result {
        margin: 0.25rem 0 0;
      }
      .expired {
        color: var(--cl-warn);
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare invitations: readonly MemberInvitation[];
  declare results: ReadonlyMap<string, RowResult>;
  declare busy: ReadonlySet<string>;
  declare notice: string;
  declare problem: string;
  declare loaded: boolean;

  constructor() {
    super();
    this.invitations = [];
    this.results = new Map();
    this.busy = new Set();
    this.notice = '';
    this.problem = '';
    this.loaded = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  async reload(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    try {
      this.invitations = await workspace.api.listInvitations(workspace.organisationId);
      this.problem = '';
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.problem = errorText(error);
    } finally {
      this.loaded = true;
    }
  }

  /** Shows a just-sent invitation first (inviting an address again replaces its earlier invitation). */
  add(invitation: MemberInvitation): void {
    this.notice = '';
    this.invitations = [invitation, ...this.invitations.filter((candidate) => candidate.id !== invitation.id && candidate.email.toLowerCase() !== invitation.email.toLowerCase())];
  }

  override render() {
    const status = this.notice || (this.loaded ? (this.invitations.length === 0 ? t('invitations.none') : t('members.pendingCount', { n: this.invitations.length })) : t('common.loading'));
    return html`
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">${t('invitations.title')}</h2>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : null}
        <p id="invitations-notice" tabindex="-1" role="status" class=${this.notice ? 'success' : 'muted'}>${status}</p>
        ${this.invitations.length > 0 ? this.#table() : null}
      </section>
    `;
  }

  #table() {
    const date = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${t('invitations.title')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('members.email')}</th>
            <th scope="col">${t('members.roles')}</th>
            <th scope="col">${t('invitations.status')}</th>
            <th scope="col"><span class="visually-hidden">${t('members.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.invitations.map((invitation) => {
            const resultId = `invitation-result-${invitation.id}`;
            const result = this.results.get(invitation.id);
            const busy = this.busy.has(invitation.id);
            return html`<tr data-invitation=${invitation.id}>
              <th scope="row">${invitation.email}</th>
              <td>${orderedRoles(invitation.roles).map((role) => t(`role.${role}` as MessageKey)).join(', ')}</td>
              <td>
                ${t('invitations.sent', { date: date.format(new Date(invitation.sentAt)), name: invitation.invitedBy.name })}
                ${invitation.expired
                  ? html`<span class="expired">${t('invitations.expired', { date: date.format(new Date(invitation.expiresAt)) })}</span>`
                  : t('invitations.expires', { date: date.format(new Date(invitation.expiresAt)) })}
              </td>
              <td>
                <div class="row-actions">
                  <button type="button" class="resend" ?disabled=${busy} aria-describedby=${resultId} @click=${() => this.#resend(invitation)}>
                    ${t('invitations.resend')}<span class="visually-hidden">: ${invitation.email}</span>
                  </button>
                  <button type="button" class="danger revoke" ?disabled=${busy} aria-describedby=${resultId} @click=${() => this.#revoke(invitation)}>
                    ${t('invitations.revoke')}<span class="visually-hidden">: ${invitation.email}</span>
                  </button>
                </div>
                <p id=${resultId} class="result ${result?.kind ?? ''}" role="status">${result?.text ?? ''}</p>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  #setBusy(id: string, busy: boolean): void {
    const next = new Set(this.busy);
    if (busy) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  #setResult(id: string, result: RowResult | undefined): void {
    const next = new Map(this.results);
    if (result) next.set(id, result);
    else next.delete(id);
    this.results = next;
  }

  async #resend(invitation: MemberInvitation): Promise<void> {
    const workspace = this.workspace!;
    this.#setBusy(invitation.id, true);
    this.#setResult(invitation.id, undefined);
    try {
      const renewed = await workspace.api.resendInvitation(workspace.organisationId, invitation.id);
      this.invitations = this.invitations.map((candidate) => (candidate.id === renewed.id ? renewed : candidate));
      this.#setResult(invitation.id, { kind: 'success', text: t('invitations.resent', { email: renewed.email }) });
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.#setResult(invitation.id, { kind: 'error', text: errorText(error) });
    } finally {
      this.#setBusy(invitation.id, false);
    }
    await this.updateComplete;
    this.#rowElement(invitation.id, 'button.resend')?.focus();
  }

  async #revoke(invitation: MemberInvitation): Promise<void> {
    const workspace = this.workspace!;
    this.#setBusy(invitation.id, true);
    this.#setResult(invitation.id, undefined);
    try {
      await workspace.api.revokeInvitation(workspace.organisationId, invitation.id);
      this.invitations = this.invitations.filter((candidate) => candidate.id !== invitation.id);
      this.notice = t('invitations.revoked', { email: invitation.email });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#invitations-notice')?.focus();
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.#setResult(invitation.id, { kind: 'error', text: errorText(error) });
      await this.updateComplete;
      this.#rowElement(invitation.id, 'button.revoke')?.focus();
    } finally {
      this.#setBusy(invitation.id, false);
    }
  }

  #rowElement(id: string, selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-invitation="${CSS.escape(id)}"] ${selector}`);
  }
}

customElements.define('cl-pending-invitations', ClPendingInvitations);

declare global {
  interface HTMLElementTagNameMap {
    'cl-pending-invitations': ClPendingInvitations;
  }
}
