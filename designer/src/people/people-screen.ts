import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { MemberInvitation, Member, Role } from '@careloom/format/api';
import { canManagePeople, type Workspace } from '../app/workspace.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import './invite-person.js';
import './pending-invitations.js';
import type { ClPendingInvitations } from './pending-invitations.js';
import { MEMBER_ROLES, orderedRoles, sameRoles } from './member-roles.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** The outcome of the last change to one person, shown beside the control that made it. */
interface RowResult {
  kind: 'success' | 'error';
  text: string;
}

/** Per person: the roles ticked but not yet saved, and what the last save or removal said. */
interface RowState {
  draft: Role[];
  rolesResult?: RowResult;
  removeResult?: RowResult;
  confirming: boolean;
  busy: boolean;
}

/**
 * The People screen of a permissions admin: the organisation's members with name, e-mail and
 * roles; roles change with checkboxes and are saved explicitly per person; a person is removed
 * after a confirmation step. People join by invitation only: `<cl-invite-person>` e-mails one and
 * `<cl-pending-invitations>` lists those waiting for an answer, to send again or withdraw. Every
 * result (and every refusal, such as taking the last permissions admin away) is shown next to the
 * control that caused it. Anyone without the permissions admin role gets a plain "not allowed" and
 * no request is made.
 */
export class ClPeopleScreen extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    members: { state: true },
    rows: { state: true },
    problem: { state: true },
    notice: { state: true },
    loaded: { state: true },
    forbidden: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .table-wrap {
        overflow-x: auto;
        /* The containing block of the visually hidden labels inside: without it they are placed
           against the page and widen the whole page at 360 px instead of scrolling with the table. */
        position: relative;
      }
      fieldset.roles {
        border: 0;
        margin: 0;
        padding: 0;
      }
      fieldset.roles label {
        font-weight: 400;
        margin-right: 1rem;
        white-space: nowrap;
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.25rem;
      }
      .unsaved {
        color: var(--cl-warn);
        font-size: 0.9375rem;
      }
      .result {
        margin: 0.25rem 0 0;
      }
      .result:empty {
        padding: 0;
        border: 0;
      }
      .confirm {
        border: 1px solid var(--cl-error);
        border-radius: 0.375rem;
        padding: 0.5rem;
        max-width: 22rem;
      }
      .confirm p {
        margin: 0 0 0.5rem;
      }
      .you {
        font-weight: 400;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare members: readonly Member[];
  declare rows: ReadonlyMap<string, RowState>;
  declare problem: string;
  /** The result of a change that has no row any more (a removal), announced at the top. */
  declare notice: string;
  declare loaded: boolean;
  declare forbidden: boolean;

  constructor() {
    super();
    this.members = [];
    this.rows = new Map();
    this.problem = '';
    this.notice = '';
    this.loaded = false;
    this.forbidden = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  async reload(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !canManagePeople(workspace)) return;
    try {
      this.#setMembers(await workspace.api.listMembers(workspace.organisationId));
      this.problem = '';
    } catch (error) {
      if (!isApiError(error)) throw error;
      // The roles may have changed since sign-in: the server's word is final.
      if (error.status === 403 || error.status === 404) this.forbidden = true;
      else this.problem = errorText(error);
    } finally {
      this.loaded = true;
    }
  }

  override render() {
    const workspace = this.workspace;
    if (!workspace) return null;
    if (!canManagePeople(workspace) || this.forbidden) {
      return html`<h1>${t('members.title')}</h1>
        <p class="error">${t('members.notAllowed')}</p>
        <p><a href="#/library">${t('app.backToLibrary')}</a></p>`;
    }
    return html`
      <h1>${t('members.title')}</h1>
      <p class="muted">${t('members.intro', { organisation: workspace.organisationName })}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : null}
      <p id="notice" tabindex="-1" role="status" class=${this.notice ? 'success' : 'muted'}>
        ${this.notice || (this.loaded ? t('members.count', { n: this.members.length }) : t('common.loading'))}
      </p>
      ${this.members.length > 0 ? this.#table(workspace) : null}
      <cl-pending-invitations .workspace=${workspace}></cl-pending-invitations>
      <cl-invite-person .workspace=${workspace} @invitation-sent=${this.#invited}></cl-invite-person>
    `;
  }

  #table(workspace: Workspace) {
    return html`<div class="table-wrap">
      <table class="cards">
        <caption class="visually-hidden">${t('members.title')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('common.name')}</th>
            <th scope="col">${t('members.email')}</th>
            <th scope="col">${t('members.roles')}</th>
            <th scope="col"><span class="visually-hidden">${t('members.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.members.map((member) => this.#row(member, workspace))}
        </tbody>
      </table>
    </div>`;
  }

  #row(member: Member, workspace: Workspace) {
    const id = member.person.id;
    const state = this.rows.get(id) ?? { draft: orderedRoles(member.roles), confirming: false, busy: false };
    const name = member.person.name;
    const changed = !sameRoles(state.draft, orderedRoles(member.roles));
    const rolesResultId = `roles-result-${id}`;
    const removeResultId = `remove-result-${id}`;
    return html`<tr data-person=${id}>
      <th scope="row">${name}${id === workspace.session.person.id ? html` <span class="you muted">(${t('people.you')})</span>` : null}</th>
      <td>${member.person.email}</td>
      <td>
        <fieldset class="roles" aria-describedby=${rolesResultId}>
          <legend class="visually-hidden">${t('members.rolesOf', { name })}</legend>
          ${MEMBER_ROLES.map(
            (role) =>
              html`<label
                ><input type="checkbox" name="role" value=${role} .checked=${state.draft.includes(role)} ?disabled=${state.busy} @change=${(event: Event) => this.#toggle(member, role, (event.target as HTMLInputElement).checked)} />${t(
                  `role.${role}` as MessageKey,
                )}</label
              >`,
          )}
        </fieldset>
        <div class="row-actions">
          <button type="button" class="save" ?disabled=${state.busy} aria-describedby=${rolesResultId} @click=${() => this.#saveRoles(member)}>${t('members.saveRoles')}<span class="visually-hidden">: ${name}</span></button>
          ${changed ? html`<span class="unsaved">${t('members.unsaved')}</span>` : null}
        </div>
        <p id=${rolesResultId} class="result ${state.rolesResult?.kind ?? ''}" role="status">${state.rolesResult?.text ?? ''}</p>
      </td>
      <td>
        ${state.confirming
          ? html`<div class="confirm" role="group" aria-labelledby=${`confirm-${id}`} @keydown=${(event: KeyboardEvent) => this.#confirmKey(event, member)}>
              <p id=${`confirm-${id}`}>${t('members.confirmRemove', { name, organisation: workspace.organisationName })}</p>
              <div class="row">
                <button type="button" class="danger confirm-remove" ?disabled=${state.busy} @click=${() => this.#remove(member)}>${t('members.confirmRemoveButton')}</button>
                <button type="button" class="cancel-remove" @click=${() => this.#cancelRemove(member)}>${t('common.cancel')}</button>
              </div>
            </div>`
          : html`<button type="button" class="danger remove" aria-describedby=${removeResultId} @click=${() => this.#askRemove(member)}>${t('members.remove')}<span class="visually-hidden">: ${name}</span></button>`}
        <p id=${removeResultId} class="result ${state.removeResult?.kind ?? ''}" role="status">${state.removeResult?.text ?? ''}</p>
      </td>
    </tr>`;
  }

  #setMembers(members: readonly Member[]): void {
    this.members = members;
    const rows = new Map<string, RowState>();
    for (const member of members) rows.set(member.person.id, this.rows.get(member.person.id) ?? { draft: orderedRoles(member.roles), confirming: false, busy: false });
    this.rows = rows;
  }

  #update(personId: string, change: Partial<RowState>): void {
    const member = this.members.find((candidate) => candidate.person.id === personId);
    const before = this.rows.get(personId) ?? { draft: orderedRoles(member?.roles ?? []), confirming: false, busy: false };
    this.rows = new Map(this.rows).set(personId, { ...before, ...change });
  }

  #toggle(member: Member, role: Role, checked: boolean): void {
    const draft = this.rows.get(member.person.id)?.draft ?? orderedRoles(member.roles);
    this.#update(member.person.id, { draft: orderedRoles(checked ? [...draft, role] : draft.filter((held) => held !== role)) });
  }

  async #saveRoles(member: Member): Promise<void> {
    const workspace = this.workspace!;
    const id = member.person.id;
    const draft = this.rows.get(id)?.draft ?? orderedRoles(member.roles);
    const name = member.person.name;
    if (draft.length === 0) {
      this.#update(id, { rolesResult: { kind: 'error', text: t('members.noRoles', { name }) } });
      return;
    }
    if (sameRoles(draft, member.roles)) {
      this.#update(id, { rolesResult: { kind: 'success', text: t('members.nothingToSave') } });
      return;
    }
    this.#update(id, { busy: true, rolesResult: undefined });
    try {
      const saved = await workspace.api.setMemberRoles(workspace.organisationId, id, draft);
      this.members = this.members.map((candidate) => (candidate.person.id === id ? saved : candidate));
      const roles = orderedRoles(saved.roles).map((role) => t(`role.${role}` as MessageKey)).join(', ');
      this.#update(id, { busy: false, draft: orderedRoles(saved.roles), rolesResult: { kind: 'success', text: t('members.rolesSaved', { name, roles }) } });
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.#update(id, { busy: false, rolesResult: { kind: 'error', text: errorText(error) } });
    }
    // The button was disabled while saving; give focus back so the person can go on from here.
    await this.updateComplete;
    this.#rowElement(id, 'button.save')?.focus();
  }

  async #askRemove(member: Member): Promise<void> {
    this.#update(member.person.id, { confirming: true, removeResult: undefined });
    await this.updateComplete;
    // Cancel is the safe default: a second press of Enter does not remove anyone.
    this.#rowElement(member.person.id, 'button.cancel-remove')?.focus();
  }

  #confirmKey(event: KeyboardEvent, member: Member): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.#cancelRemove(member);
  }

  async #cancelRemove(member: Member): Promise<void> {
    this.#update(member.person.id, { confirming: false });
    await this.updateComplete;
    this.#rowElement(member.person.id, 'button.remove')?.focus();
  }

  async #remove(member: Member): Promise<void> {
    const workspace = this.workspace!;
    const id = member.person.id;
    this.#update(id, { busy: true });
    try {
      await workspace.api.removeMember(workspace.organisationId, id);
      this.#setMembers(this.members.filter((candidate) => candidate.person.id !== id));
      this.notice = t('members.removed', { name: member.person.name, organisation: workspace.organisationName });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.#update(id, { busy: false, confirming: false, removeResult: { kind: 'error', text: errorText(error) } });
      await this.updateComplete;
      this.#rowElement(id, 'button.remove')?.focus();
    }
  }

  #invited = (event: CustomEvent<MemberInvitation>): void => {
    this.renderRoot.querySelector<ClPendingInvitations>('cl-pending-invitations')?.add(event.detail);
  };

  #rowElement(personId: string, selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-person="${CSS.escape(personId)}"] ${selector}`);
  }
}

customElements.define('cl-people-screen', ClPeopleScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-people-screen': ClPeopleScreen;
  }
}
