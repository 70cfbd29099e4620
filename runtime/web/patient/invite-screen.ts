import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ApiError } from '@careloom/client/api';
import type { Session } from '@careloom/format/api';
import { field } from '../shared/login-form.js';
import { acceptInvitation, redeemInvitation } from './invitation-calls.js';
import '../shared/login-form.js';
import { ScreenElement } from '../shared/screen-element.js';

/** Shortest password accepted here; the server has the final word (and says so by field). */
const MIN_PASSWORD = 10;

/** What the screen offers: a password for a new account, signing in with an existing one, or accepting while signed in. */
type Mode = 'new' | 'sign-in';

/**
 * `<cl-invite-screen>`: taking up the invitation a therapist gave. A new patient chooses a password
 * (redeem) and is signed in. Someone who already has an account signs in with their own password
 * and accepts it: an invitation never sets the password of an account that has one, so the server
 * answers a redeem for such an address with 409, and the screen then asks them to sign in. Signed
 * in (`session`), the screen offers to accept the invitation for that account.
 *
 * @fires signed-in - `CustomEvent<Session>`, after a redeem or an acceptance
 */
export class ClInviteScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    code: {},
    session: { attribute: false },
    mode: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
    fieldErrors: { state: true },
    provider: { state: true },
  };

  declare code: string;
  /** The signed-in person, if any: they accept instead of choosing a password. */
  declare session: Session | null | undefined;
  declare mode: Mode;
  declare busy: boolean;
  declare error: string | null;
  /** Why the screen switched to signing in (the address already has an account). */
  declare notice: string | null;
  declare fieldErrors: Record<string, string>;
  /** The identity provider's name when the server offers one: a new patient may take the invitation up by signing in there. */
  declare provider: string | null;

  constructor() {
    super();
    this.code = '';
    this.session = null;
    this.mode = 'new';
    this.busy = false;
    this.error = null;
    this.notice = null;
    this.fieldErrors = {};
    this.provider = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.oidcStatus().then((status) => {
      this.provider = status.enabled ? (status.displayName ?? null) : null;
    });
  }

  /** Takes the invitation up by signing in at the identity provider instead of choosing a password. */
  private async withProvider(): Promise<void> {
    const code = (this.renderRoot.querySelector<HTMLInputElement>('#code')?.value ?? this.code).trim();
    if (!code) {
      this.fieldErrors = { code: this.t('fieldRequired') };
      this.focusFirstInvalid();
      return;
    }
    this.busy = true;
    try {
      const { authorizationUrl } = await this.api.startOidc({ app: 'patient', invitation: { kind: 'enrollment', code } });
      window.location.assign(authorizationUrl);
    } catch (error) {
      this.error = this.describeError(error);
      this.busy = false;
    }
  }

  private focusFirstInvalid(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private switchTo(mode: Mode, notice: string | null = null): void {
    this.mode = mode;
    this.notice = notice;
    this.error = null;
    this.fieldErrors = {};
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  private async redeem(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const code = String(data.get('code') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const repeat = String(data.get('repeat') ?? '');
    this.code = code;
    const errors: Record<string, string> = {};
    if (!code) errors.code = this.t('fieldRequired');
    if (password.length < MIN_PASSWORD) errors.password = this.t('passwordTooShort', { n: MIN_PASSWORD });
    else if (password !== repeat) errors.repeat = this.t('passwordMismatch');
    this.fieldErrors = errors;
    this.error = null;
    if (Object.keys(errors).length > 0) {
      this.focusFirstInvalid();
      return;
    }
    this.busy = true;
    try {
      const session = await redeemInvitation(this.api, code, password);
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) this.switchTo('sign-in', this.t('inviteAccountExists'));
      else this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Signed in through the form here: stay on this screen to accept, rather than going to Today. */
  private signedInHere(event: CustomEvent<Session>): void {
    event.stopPropagation();
    this.session = event.detail;
    this.notice = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  private async accept(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').trim();
    this.code = code;
    this.fieldErrors = code ? {} : { code: this.t('fieldRequired') };
    this.error = null;
    if (!code) {
      this.focusFirstInvalid();
      return;
    }
    this.busy = true;
    try {
      const session = await acceptInvitation(this.api, code);
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) this.error = this.t('inviteNotYours');
      else this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  private showError(error: unknown): void {
    if (error instanceof ApiError && error.status === 404) {
      this.fieldErrors = { code: this.t('inviteUnknown') };
      this.focusFirstInvalid();
    } else if (error instanceof ApiError && error.issues.length > 0) {
      this.fieldErrors = Object.fromEntries(['code', 'password'].map((name) => [name, error.issueAt(`/${name}`) ?? '']).filter(([, message]) => message));
      this.error = error.detail || error.title;
    } else this.error = this.describeError(error);
  }

  protected override render(): TemplateResult {
    if (this.session) return this.renderAccept(this.session);
    return this.mode === 'sign-in' ? this.renderSignIn() : this.renderNew();
  }

  private renderNew(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('inviteTitle')}</h1>
      <p>${t('inviteIntro')}</p>
      <form @submit=${this.redeem} novalidate>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
        ${field('code', t('inviteCode'), 'text', 'one-time-code', this.fieldErrors.code, { value: this.code })}
        ${field('password', t('newPassword'), 'password', 'new-password', this.fieldErrors.password, { hint: t('passwordHint', { n: MIN_PASSWORD }) })}
        ${field('repeat', t('repeatPassword'), 'password', 'new-password', this.fieldErrors.repeat)}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('inviteSubmit')}</button></div>
      </form>
      ${this.provider ? html`<p><button type="button" class="with-provider" ?disabled=${this.busy} @click=${() => void this.withProvider()}>${t('common.joinWith', { provider: this.provider })}</button></p>` : null}
      <p><button type="button" @click=${() => this.switchTo('sign-in')}>${t('inviteHaveAccount')}</button></p>`;
  }

  private renderSignIn(): TemplateResult {
    const t = this.t;
    return html`${this.notice ? html`<p class="form-error" role="alert">${this.notice}</p>` : null}
      <p>${t('inviteSignInIntro')}</p>
      <cl-login-form .api=${this.api} .language=${this.language} heading=${t('inviteSignInTitle')} @signed-in=${this.signedInHere}></cl-login-form>
      <p><button type="button" @click=${() => this.switchTo('new')}>${t('inviteNewAccount')}</button></p>`;
  }

  private renderAccept(session: Session): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('inviteAcceptTitle')}</h1>
      <p>${t('inviteAcceptIntro', { name: session.person.name, email: session.person.email })}</p>
      <form @submit=${this.accept} novalidate>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
        ${field('code', t('inviteCode'), 'text', 'one-time-code', this.fieldErrors.code, { value: this.code })}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('inviteAccept')}</button></div>
      </form>
      <p><a href="#/today">${t('inviteLater')}</a></p>`;
  }
}

if (!customElements.get('cl-invite-screen')) customElements.define('cl-invite-screen', ClInviteScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-invite-screen': ClInviteScreen;
  }
}
