import { html, LitElement } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { DesignerApi } from '../api/api-client.js';
import { isApiError, oidcStartUrl, takeSignInOutcome, type SignInOutcome } from '@careloom/client/api';
import type { Session } from '@careloom/format/api';
import { formatWait } from '@careloom/renderer/format-wait';
import { i18n, LocaleController, t } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import { css } from 'lit';

/**
 * The sign-in form. On success it fires `signed-in` with the session as `detail`; wrong
 * credentials, throttling and network failures are said in words next to the form.
 */
export class ClDesignerLogin extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    busy: { state: true },
    message: { state: true },
    provider: { state: true },
    outcome: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      form {
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
  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.busy = false;
    this.message = '';
    this.provider = null;
    this.outcome = null;
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

  override render() {
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
      if (isApiError(error, 401)) this.message = t('common.loginWrong');
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
