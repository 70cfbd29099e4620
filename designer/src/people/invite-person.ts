import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { MemberInvitation, InviteBody, Role } from '@careloom/format/api';
import type { Workspace } from '../app/workspace.js';
import { i18n, LOCALE_NAMES, LOCALES, t, type Locale } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { fieldMessages, MEMBER_ROLES, type InviteField } from './member-roles.js';
import { DesignerElement } from '../i18n/designer-element.js';

type Messages = Partial<Record<InviteField | 'form', string[]>>;

/**
 * The form that invites a person into the organisation: e-mail address, roles and the language of
 * the e-mail (the screen's language unless chosen). Nobody is added here: the person becomes a
 * member only by accepting the e-mailed link, and the admin never sets a password. Refusals are
 * shown at the field they concern and focus goes to the first such field; after sending, the form
 * empties, says where the invitation went, and focus returns to the e-mail field for the next one.
 * Fires `invitation-sent` (`detail`: the invitation).
 */
export class ClInvitePerson extends DesignerElement {
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

  constructor() {
    super();
    this.messages = {};
    this.result = '';
    this.busy = false;
  }

  override render() {
    return html`
      <form @submit=${this.#submit} novalidate aria-labelledby="invite-heading">
        <h2 id="invite-heading">${t('invite.title')}</h2>
        <p class="hint" id="invite-hint">${t('invite.hint')}</p>
        <div class="field">
          <label for="email">${t('members.email')}</label>
          <input id="email" name="email" type="email" autocomplete="off" aria-invalid=${this.#invalid('email')} aria-describedby=${this.#describedBy('email') || nothing} />
          ${this.#errors('email')}
        </div>
        <fieldset class="roles" aria-describedby=${this.#describedBy('roles') || nothing}>
          <legend>${t('members.roles')}</legend>
          ${MEMBER_ROLES.map((role) => html`<label><input type="checkbox" name="role" value=${role} />${t(`role.${role}` as MessageKey)}</label>`)}
          ${this.#errors('roles')}
        </fieldset>
        <div class="field">
          <label for="language">${t('invite.emailLanguage')}</label>
          <select id="language" name="language" aria-invalid=${this.#invalid('language')} aria-describedby=${this.#describedBy('language') || nothing}>
            ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === i18n.locale}>${LOCALE_NAMES[locale]}</option>`)}
          </select>
          ${this.#errors('language')}
        </div>
        ${this.#errors('form')}
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>${t('invite.submit')}</button>
        </div>
        <p role="status" class=${this.result ? 'success' : ''}>${this.result}</p>
      </form>
    `;
  }

  #invalid(field: InviteField): 'true' | 'false' {
    return (this.messages[field]?.length ?? 0) > 0 ? 'true' : 'false';
  }

  #describedBy(field: InviteField): string {
    return (this.messages[field]?.length ?? 0) > 0 ? `${field}-error` : '';
  }

  #errors(field: InviteField | 'form') {
    const messages = this.messages[field] ?? [];
    if (messages.length === 0) return null;
    return html`<p class=${field === 'form' ? 'error' : 'field-error'} id=${`${field}-error`} role=${field === 'form' ? 'alert' : nothing}>${messages.join(' ')}</p>`;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const workspace = this.workspace;
    if (!workspace || this.busy) return;
    const form = event.target as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const language = (form.elements.namedItem('language') as HTMLSelectElement).value as Locale;
    const roles = [...form.querySelectorAll<HTMLInputElement>('input[name=role]:checked')].map((box) => box.value as Role);
    this.result = '';
    const local: Messages = {};
    if (email === '') local.email = [t('invite.emailRequired')];
    if (roles.length === 0) local.roles = [t('invite.rolesRequired')];
    if (Object.keys(local).length > 0) return this.#refuse(local);
    const input: InviteBody = { email, roles, language };
    this.busy = true;
    let invitation: MemberInvitation;
    try {
      invitation = await workspace.api.invite(workspace.organisationId, input);
    } catch (error) {
      if (!isApiError(error)) throw error;
      return this.#refuse(error.status === 0 ? { form: [errorText(error)] } : fieldMessages(error));
    } finally {
      this.busy = false;
    }
    form.reset();
    (form.elements.namedItem('language') as HTMLSelectElement).value = language;
    this.messages = {};
    this.result = t('invite.sent', { email: invitation.email });
    this.dispatchEvent(new CustomEvent<MemberInvitation>('invitation-sent', { detail: invitation, bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
  }

  async #refuse(messages: Messages): Promise<void> {
    this.messages = messages;
    await this.updateComplete;
    const first = (['email', 'roles', 'language'] as const).find((field) => (messages[field]?.length ?? 0) > 0);
    const target =
      first === 'roles' ? this.renderRoot.querySelector<HTMLInputElement>('input[name=role]') : first ? this.renderRoot.querySelector<HTMLElement>(`#${first}`) : this.renderRoot.querySelector<HTMLElement>('#form-error');
    if (target && !first) target.tabIndex = -1;
    target?.focus();
  }
}

customElements.define('cl-invite-person', ClInvitePerson);

declare global {
  interface HTMLElementTagNameMap {
    'cl-invite-person': ClInvitePerson;
  }
}
