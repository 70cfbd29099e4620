import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { DesignerApi } from '../api/api-client.js';
import { isApiError, oidcStartUrl, takeSignInOutcome, type SignInOutcome } from '@careloom/client/api';
import type { SecondFactorConfirmed, Session } from '@careloom/format/api';
import './second-factor.js';
import { formatWait } from '@careloom/renderer/format-wait';
import { i18n, t } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import { css } from 'lit';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * The sign-in form. On success it fires `signed-in` with the session as `detail`; wrong
 * credentials, throttling and network failures are said in words next to the form.
 */
export class ClDesignerLogin extends DesignerElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    busy: { state: true },
    message: { state: true },
    provider: { state: true },
    outcome: { state: true },
    step: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      form,
      .step {
        max-width: 24rem;
        margin: 3rem auto;
        padding: 1.5rem;
        border: 1px solid var(--cl-line);
        border-radius: 0.5rem;
      }
      input {
        width: 100%;
      }
      button,
      a.button {
        margin-top: 0.75rem;
        width: 100%;
      }
      a.button {
        display: block;
        box-sizing: border-box;
        text-align: center;
      }
    `,
  ];

  declare api: DesignerApi | undefined;
  declare busy: boolean;
  declare message: string;
  /** The identity provider's name when the server offers one. */
  declare provider: string | null;
  /** A sign-in at the provider that came back refused (`?signin=<reason>`). */
  declare outcome: SignInOutcome | null;
  /** After a right password: a code is owed, or (the organisation requires one) a second factor must be set up. */
  declare step: 'password' | 'code' | 'enrol';

  constructor() {
    super();
    this.busy = false;
    this.message = '';
    this.provider = null;
    this.outcome = null;
    this.step = 'password';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.outcome = takeSignInOutcome() ?? null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) {
      void this.api.oidcStatus().then((status) => {
        this.provider = status.enabled ? (status.displayName ?? null) : null;
      });
    }
  }

  #submitCode = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.api || this.busy) return;
    const code = (this.renderRoot.querySelector<HTMLInputElement>('#code')?.value ?? '').trim();
    if (code === '') return;
    this.busy = true;
    this.message = '';
    try {
      const session = await this.api.post<Session>('/api/auth/login/second-factor', { code });
      await this.api.me();
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (isApiError(error, 429)) this.message = error.retryAfterSeconds === undefined ? t('login.throttled') : t('common.loginThrottled', { when: formatWait(error.retryAfterSeconds, i18n.locale) });
      else if (isApiError(error) && error.issueAt('/code') !== undefined) this.message = t('security.wrongCode');
      else if (isApiError(error, 401)) {
        // The sign-in waited too long: start again with the password.
        this.step = 'password';
        this.message = error.detail || error.title;
      } else this.message = isApiError(error) ? error.detail || error.title : String(error);
    } finally {
      this.busy = false;
    }
  };

  #enrolled = async (event: CustomEvent<SecondFactorConfirmed>): Promise<void> => {
    if (!this.api || !event.detail.session) return;
    await this.api.me();
    this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: event.detail.session, bubbles: true, composed: true }));
  };

  override render() {
    if (this.step === 'enrol') {
      return html`<div class="step"><h1 id="login-title">${t('login.title')}</h1>
        <cl-designer-second-factor-setup .api=${this.api} required @second-factor-done=${this.#enrolled}></cl-designer-second-factor-setup></div>`;
    }
    if (this.step === 'code') {
      return html`
        <form @submit=${this.#submitCode} aria-labelledby="login-title" novalidate>
          <h1 id="login-title">${t('security.codeTitle')}</h1>
          <p class="hint">${t('security.codeIntro')}</p>
          <div class="field">
            <label for="code">${t('security.codeLabel')}</label>
            <p class="hint" id="code-hint">${t('security.codeHint')}</p>
            <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" aria-describedby="code-hint" required />
          </div>
          ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : null}
          <button class="primary" type="submit" ?disabled=${this.busy}>${t('security.verify')}</button>
        </form>
      `;
    }
    return html`
      <form @submit=${this.#submit} aria-labelledby="login-title" novalidate>
        <h1 id="login-title">${t('login.title')}</h1>
        <p class="hint">${t('login.intro')}</p>
        <div class="field">
          <label for="email">${t('login.email')}</label>
          <input id="email" name="email" type="email" autocomplete="username" required />
        </div>
        <div class="field">
          <label for="password">${t('common.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        ${this.outcome ? html`<p class="error" role="alert">${t(`common.signInRefused.${this.outcome}`, { provider: this.provider ?? t('common.identityProvider') })}</p>` : null}
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : null}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('login.signingIn') : t('common.signIn')}</button>
        ${this.provider ? html`<a class="button" href=${oidcStartUrl('designer')}>${t('common.orSignInWith', { provider: this.provider })}</a>` : null}
      </form>
    `;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    if (email === '' || password === '') {
      this.message = t('login.missing');
      return;
    }
    this.busy = true;
    this.message = '';
    try {
      const session: Session = await this.api.login(email, password);
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      const owed = isApiError(error, 401) ? error.issues.find((issue) => issue.code === 'second_factor.required' || issue.code === 'second_factor.enrolment_required') : undefined;
      if (owed) this.step = owed.code === 'second_factor.required' ? 'code' : 'enrol';
      else if (isApiError(error, 401)) this.message = t('common.loginWrong');
      else if (isApiError(error, 429)) this.message = error.retryAfterSeconds === undefined ? t('login.throttled') : t('common.loginThrottled', { when: formatWait(error.retryAfterSeconds, i18n.locale) });
      else if (isApiError(error, 0)) this.message = t('error.network');
      else if (isApiError(error)) this.message = error.detail || error.title;
      else throw error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('cl-designer-login', ClDesignerLogin);

declare global {
  interface HTMLElementTagNameMap {
    'cl-designer-login': ClDesignerLogin;
  }
}
