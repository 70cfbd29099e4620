import { css, html, LitElement, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { isApiError } from '../api/api-error.js';
import type { AddMemberInput, Member, Role } from '../api/types.js';
import type { Workspace } from '../app/workspace.js';
import { LocaleController, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { fieldMessages, MEMBER_ROLES, type AddPersonField } from './member-roles.js';

type Messages = Partial<Record<AddPersonField | 'form', string[]>>;

/**
 * The form that adds a person to the organisation: e-mail, roles and, for someone without an
 * account yet, name and initial password (the server says when they are needed). Refusals are
 * shown at the field they concern and focus goes to the first such field; after an add the form
 * empties, says who was added, and focus returns to the e-mail field for the next person.
 * Fires `member-added` (`detail`: the new member).
 */
export class ClAddPerson extends LitElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    messages: { state: true },
    result: { state: true },
    busy: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      form {
        max-width: 36rem;
      }
      .roles label {
        font-weight: 400;
        margin-right: 1rem;
        white-space: nowrap;
      }
      .field-error {
        color: var(--cl-error);
        margin: 0;
      }
      [aria-invalid='true'] {
        border-color: var(--cl-error);
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare messages: Messages;
  declare result: string;
  declare busy: boolean;
  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.messages = {};
    this.result = '';
    this.busy = false;
  }

  override render() {
    return html`
      <form @submit=${this.#submit} novalidate aria-labelledby="add-heading">
        <h2 id="add-heading">${t('members.addTitle')}</h2>
        <p class="hint">${t('members.addHint')}</p>
        ${this.#field('email', 'email', t('members.email'), 'email')}
        <fieldset class="roles" aria-describedby=${this.#describedBy('roles') || nothing}>
          <legend>${t('members.roles')}</legend>
          ${MEMBER_ROLES.map((role) => html`<label><input type="checkbox" name="role" value=${role} />${t(`role.${role}` as MessageKey)}</label>`)}
          ${this.#errors('roles')}
        </fieldset>
        ${this.#field('name', 'text', t('members.name'), 'name', t('members.nameHint'))}
        ${this.#field('password', 'password', t('members.password'), 'new-password', t('members.passwordHint'))}
        ${this.#errors('form')}
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>${t('members.add')}</button>
        </div>
        <p role="status" class=${this.result ? 'success' : ''}>${this.result}</p>
      </form>
    `;
  }

  #field(name: AddPersonField, type: string, label: string, autocomplete: string, hint?: string) {
    const hintId = hint ? `${name}-hint` : '';
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        aria-invalid=${this.#invalid(name)}
        aria-describedby=${[hintId, this.#describedBy(name)].filter(Boolean).join(' ') || nothing}
      />
      ${hint ? html`<span class="hint" id=${hintId}>${hint}</span>` : null}
      ${this.#errors(name)}
    </div>`;
  }

  #invalid(field: AddPersonField): 'true' | 'false' {
    return (this.messages[field]?.length ?? 0) > 0 ? 'true' : 'false';
  }

  #describedBy(field: AddPersonField): string {
    return (this.messages[field]?.length ?? 0) > 0 ? `${field}-error` : '';
  }

  #errors(field: AddPersonField | 'form') {
    const messages = this.messages[field] ?? [];
    if (messages.length === 0) return null;
    return html`<p class=${field === 'form' ? 'error' : 'field-error'} id=${`${field}-error`} role=${field === 'form' ? 'alert' : nothing}>${messages.join(' ')}</p>`;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const workspace = this.workspace;
    if (!workspace || this.busy) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const roles = [...form.querySelectorAll<HTMLInputElement>('input[name=role]:checked')].map((box) => box.value as Role);
    this.result = '';
    const local: Messages = {};
    if (value('email').trim() === '') local.email = [t('members.emailRequired')];
    if (roles.length === 0) local.roles = [t('members.rolesRequired')];
    if (Object.keys(local).length > 0) return this.#refuse(local);
    const input: AddMemberInput = { email: value('email').trim(), roles };
    if (value('name').trim() !== '') input.name = value('name').trim();
    if (value('password') !== '') input.password = value('password');
    this.busy = true;
    let member: Member;
    try {
      member = await workspace.api.addMember(workspace.organisationId, input);
    } catch (error) {
      if (!isApiError(error)) throw error;
      return this.#refuse(error.status === 0 ? { form: [errorText(error)] } : fieldMessages(error));
    } finally {
      this.busy = false;
    }
    form.reset();
    this.messages = {};
    this.result = t('members.added', { name: member.person.name });
    this.dispatchEvent(new CustomEvent<Member>('member-added', { detail: member, bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
  }

  async #refuse(messages: Messages): Promise<void> {
    this.messages = messages;
    await this.updateComplete;
    const first = (['email', 'roles', 'name', 'password'] as const).find((field) => (messages[field]?.length ?? 0) > 0);
    const target = first === 'roles' ? this.renderRoot.querySelector<HTMLInputElement>('input[name=role]') : first ? this.renderRoot.querySelector<HTMLInputElement>(`#${first}`) : this.renderRoot.querySelector<HTMLElement>('#form-error');
    if (target && !first) target.tabIndex = -1;
    target?.focus();
  }
}

customElements.define('cl-add-person', ClAddPerson);

declare global {
  interface HTMLElementTagNameMap {
    'cl-add-person': ClAddPerson;
  }
}
