import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { DesignerApi } from '../api/api-client.js';
import { isApiError } from '@careloom/client/api';
import type { AcceptedInvitation, InvitationPreview, Session } from '@careloom/format/api';
import { i18n, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { DesignerElement } from '../i18n/designer-element.js';

type Phase = 'loading' | 'unusable' | 'ready' | 'done';
type Field = 'email' | 'password' | 'name' | 'newPassword' | 'form' | 'signIn' | 'accept';
type Messages = Partial<Record<Field, string>>;

/**
 * The screen behind the link in a membership invitation (`#/invitation/<token>`). It shows who
 * invites which address into which organisation with which roles, then:
 * - signed in as the addressee: one button accepts;
 * - signed in as someone else: says so, and offers to sign out (the link is for that address only);
 * - not signed in: "I already use Careloom" signs in with the person's own password (then accept),
 *   and "I am new to Careloom" creates the account with a name and password of their own.
 * Nothing happens without the person's click, and nobody else ever chose their password. Every
 * link that does not work gets one message. Fires `signed-in` (`detail`: session) after a sign-in
 * here, `sign-out` when asked to, and `invitation-accepted` (`detail`: the fresh session, or
 * undefined when the person must still sign in) when they continue into the designer after accepting.
 */
export class ClAcceptInvitation extends DesignerElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    session: { attribute: false },
    token: { type: String },
    phase: { state: true },
    preview: { state: true },
    accepted: { state: true },
    messages: { state: true },
    busy: { state: true },
    provider: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      :host {
        display: block;
        max-width: 40rem;
      }
      section {
        border: 1px solid var(--cl-line);
        border-radius: 0.5rem;
        padding: 0 1rem 1rem;
        margin-top: 1rem;
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

  declare api: DesignerApi | undefined;
  declare session: Session | undefined;
  declare token: string;
  declare phase: Phase;
  declare preview: InvitationPreview | undefined;
  declare accepted: AcceptedInvitation | undefined;
  declare messages: Messages;
  /** The identity provider's name when the server offers one. */
  declare provider: string | null;
  declare busy: boolean;
  #freshSession: Session | undefined;

  constructor() {
    super();
    this.token = '';
    this.provider = null;
    this.phase = 'loading';
    this.messages = {};
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('token') || changed.has('api')) void this.#load();
    if (changed.has('api') && this.api) void this.api.oidcStatus().then((status) => (this.provider = status.enabled ? (status.displayName ?? null) : null));
  }

  async #load(): Promise<void> {
    if (!this.api || !this.token) return;
    this.phase = 'loading';
    try {
      this.preview = await this.api.previewInvitation(this.token);
      this.phase = 'ready';
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.status === 404 || error.status === 422) this.phase = 'unusable';
      else {
        this.phase = 'ready';
        this.messages = { form: errorText(error) };
      }
    }
  }

  override render() {
    return html`<h1 id="join-title" tabindex="-1">${this.preview ? `${t('join.title')}: ${this.preview.organisation.name}` : t('join.title')}</h1>${this.#body()}`;
  }

  #body(): TemplateResult | typeof nothing {
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${t('join.loading')}</p>`;
      case 'unusable':
        return html`<p class="error" role="alert">${t('join.unusable')}</p>`;
      case 'done':
        return this.#done();
      case 'ready':
        return this.preview ? this.#offer(this.preview) : html`<p class="error" role="alert">${this.messages.form ?? ''}</p>`;
    }
  }

  #roles(roles: readonly string[]): string {
    return roles.map((role) => t(`role.${role}` as MessageKey)).join(', ');
  }

  #offer(preview: InvitationPreview): TemplateResult {
    const when = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(preview.expiresAt));
    return html`
      <p>${t('join.offer', { inviter: preview.invitedByName, email: preview.email, organisation: preview.organisation.name, roles: this.#roles(preview.roles) })}</p>
      <p class="hint">${t('join.expires', { date: when })}</p>
      ${this.messages.form ? html`<p class="error" role="alert" id="form-error" tabindex="-1">${this.messages.form}</p>` : null}
      ${this.session ? this.#signedIn(this.session, preview) : this.#signedOut(preview)}
    `;
  }

  #signedIn(session: Session, preview: InvitationPreview): TemplateResult {
    if (session.person.email.toLowerCase() !== preview.email.toLowerCase()) {
      return html`<p class="error" id="other-account">${t('join.otherAccount', { email: preview.email, you: `${session.person.name} (${session.person.email})` })}</p>
        <button type="button" class="sign-out" aria-describedby="other-account" @click=${this.#signOut}>${t('common.signOut')}</button>`;
    }
    return html`<p>${t('join.signedInAs', { name: session.person.name, email: session.person.email })}</p>
      <button type="button" class="primary accept" ?disabled=${this.busy} aria-describedby=${this.messages.accept ? 'accept-error' : nothing} @click=${this.#accept}>
        ${t('join.accept', { organisation: preview.organisation.name })}
      </button>
      ${this.messages.accept ? html`<p class="error" id="accept-error" role="alert">${this.messages.accept}</p>` : null}`;
  }

  #signedOut(preview: InvitationPreview): TemplateResult {
    return html`
      <section aria-labelledby="existing-title">
        <h2 id="existing-title">${t('join.haveAccount')}</h2>
        <p class="hint">${t('join.haveAccountHint')}</p>
        <form class="sign-in" novalidate @submit=${this.#signIn}>
          ${this.#field('email', 'email', t('login.email'), 'username', preview.email)}
          ${this.#field('password', 'password', t('common.password'), 'current-password')}
          ${this.messages.signIn ? html`<p class="error" role="alert" id="signIn-error">${this.messages.signIn}</p>` : null}
          <button type="submit" ?disabled=${this.busy}>${t('common.signIn')}</button>
        </form>
      </section>
      ${this.provider
        ? html`<section aria-labelledby="provider-title">
            <h2 id="provider-title">${t('common.joinWith', { provider: this.provider })}</h2>
            <button type="button" class="with-provider" ?disabled=${this.busy} @click=${this.#withProvider}>${t('common.joinWith', { provider: this.provider })}</button>
          </section>`
        : null}
      <section aria-labelledby="new-title">
        <h2 id="new-title">${t('join.newTitle')}</h2>
        <p class="hint">${t('join.newHint', { organisation: preview.organisation.name })}</p>
        <form class="join" novalidate @submit=${this.#join}>
          ${this.#field('name', 'text', t('join.name'), 'name')}
          ${this.#field('newPassword', 'password', t('join.password'), 'new-password', '', t('join.passwordHint'))}
          ${this.messages.accept ? html`<p class="error" role="alert">${this.messages.accept}</p>` : null}
          <button type="submit" class="primary" ?disabled=${this.busy}>${t('join.submitNew')}</button>
        </form>
      </section>
    `;
  }

  /** Accepting by signing in at the identity provider: the server links the identity to the new account. */
  #withProvider = async (): Promise<void> => {
    if (!this.api || this.busy) return;
    this.busy = true;
    try {
      const { authorizationUrl } = await this.api.startOidc({ app: 'designer', invitation: { kind: 'member', token: this.token } });
      window.location.assign(authorizationUrl);
    } catch (error) {
      this.messages = { form: isApiError(error) ? error.detail || error.title : String(error) };
      this.busy = false;
    }
  };

  #field(name: Field, type: string, label: string, autocomplete: string, value = '', hint?: string): TemplateResult {
    const error = this.messages[name];
    const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
      ${hint ? html`<span class="hint" id=${`${name}-hint`}>${hint}</span>` : null}
      ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : null}
    </div>`;
  }

  #done(): TemplateResult {
    const accepted = this.accepted!;
    return html`<p class="success" role="status">${t('join.done', { organisation: accepted.organisation.name, roles: this.#roles(accepted.roles) })}</p>
      ${this.session ? null : html`<p>${t('join.signInNow')}</p>`}
      ${accepted.organisation.kind === 'publisher'
        ? html`<button type="button" class="primary continue" @click=${this.#continue}>${t('join.continue')}</button>`
        : html`<p><a href="/clinic">${t('join.openClinic')}</a></p>`}`;
  }

  async #signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    if (email === '' || password === '') return this.#refuse({ signIn: t('login.missing') }, email === '' ? '#email' : '#password');
    this.busy = true;
    let session: Session;
    try {
      session = await this.api.login(email, password);
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.busy = false;
      const text = error.status === 401 ? t('common.loginWrong') : error.status === 429 ? t('login.throttled') : errorText(error);
      return this.#refuse({ signIn: text }, '#password');
    }
    this.busy = false;
    this.messages = {};
    this.session = session;
    this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    await this.updateComplete;
    // The next step is the one button there is: accept (or, for another address, sign out).
    this.renderRoot.querySelector<HTMLElement>('button.accept, button.sign-out')?.focus();
  }

  async #accept(): Promise<void> {
    if (!this.api || this.busy) return;
    this.busy = true;
    try {
      this.accepted = await this.api.acceptInvitation(this.token);
      this.#freshSession = await this.api.me();
      this.session = this.#freshSession;
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.busy = false;
      if (error.status === 404) this.phase = 'unusable';
      else await this.#refuse({ accept: errorText(error) }, 'button.accept');
      return;
    }
    this.busy = false;
    await this.#finish();
  }

  async #join(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('newPassword') as HTMLInputElement).value;
    const local: Messages = {};
    if (name === '') local.name = t('join.nameRequired');
    if (password === '') local.newPassword = t('join.passwordRequired');
    if (Object.keys(local).length > 0) return this.#refuse(local, local.name ? '#name' : '#newPassword');
    this.busy = true;
    try {
      const joined = await this.api.joinByInvitation(this.token, { name, password });
      this.accepted = joined.accepted;
      this.#freshSession = joined.session ?? undefined;
      this.session = joined.session ?? undefined;
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.busy = false;
      if (error.status === 404) {
        this.phase = 'unusable';
        return;
      }
      if (error.status === 409) return this.#refuse({ email: t('join.accountExists', { email: this.preview!.email }) }, '#email');
      const messages: Messages = {};
      for (const issue of error.issues) {
        const field: Field = issue.path === '/name' ? 'name' : issue.path === '/password' ? 'newPassword' : 'accept';
        messages[field] = [messages[field], issue.message].filter(Boolean).join(' ');
      }
      if (error.issues.length === 0) messages.accept = errorText(error);
      await this.#refuse(messages, messages.name ? '#name' : messages.newPassword ? '#newPassword' : 'form.join button[type=submit]');
      return;
    }
    this.busy = false;
    if (this.session) this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: this.session, bubbles: true, composed: true }));
    await this.#finish();
  }

  async #finish(): Promise<void> {
    this.messages = {};
    this.phase = 'done';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#join-title')?.focus();
  }

  /** Into the designer; without a session (the sign-in after joining was refused) the app asks to sign in. */
  #continue = (): void => {
    this.dispatchEvent(new CustomEvent<Session | undefined>('invitation-accepted', { detail: this.#freshSession ?? this.session, bubbles: true, composed: true }));
  };

  #signOut = (): void => {
    this.dispatchEvent(new CustomEvent('sign-out', { bubbles: true, composed: true }));
  };

  async #refuse(messages: Messages, focus: string): Promise<void> {
    this.messages = messages;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }
}

customElements.define('cl-accept-invitation', ClAcceptInvitation);

declare global {
  interface HTMLElementTagNameMap {
    'cl-accept-invitation': ClAcceptInvitation;
  }
}
