import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError, oidcStartUrl, takeSignInOutcome, type OidcApp, type SignInOutcome } from '@careloom/client/api';
import type { SecondFactorConfirmed, Session } from '@careloom/format/api';
import './second-factor-setup.js';
import { ScreenElement } from './screen-element.js';
import { formatWait } from '@careloom/renderer/format-wait';

/**
 * `<cl-login-form>`: e-mail and password, and "Sign in with <provider>" when the server has an
 * OpenID Connect provider (a plain link: the server redirects to the provider and back). Fires
 * `signed-in` with the session when the server accepts the password; otherwise says why next to
 * the fields. A sign-in at the provider that was refused comes back as `?signin=<reason>`, said here.
 *
 * @fires signed-in - `CustomEvent<Session>`
 */
export class ClLoginForm extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    heading: {},
    app: {},
    provider: { state: true },
    outcome: { state: true },
    step: { state: true },
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  declare heading: string;
  /** Which app the provider sends the browser back to. */
  declare app: OidcApp;
  declare provider: string | null;
  declare outcome: SignInOutcome | null;
  /** After a right password: a code is owed, or (the organisation requires one) a second factor must be set up. */
  declare step: 'password' | 'code' | 'enrol';
  declare busy: boolean;
  declare error: string | null;
  declare fieldErrors: Record<string, string>;

  constructor() {
    super();
    this.heading = '';
    this.app = 'patient';
    this.provider = null;
    this.outcome = null;
    this.step = 'password';
    this.busy = false;
    this.error = null;
    this.fieldErrors = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.outcome = takeSignInOutcome() ?? null;
    void this.api.oidcStatus().then((status) => {
      this.provider = status.enabled ? (status.displayName ?? null) : null;
    });
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Record<string, string> = {};
    if (!email) missing.email = this.t('fieldRequired');
    if (!password) missing.password = this.t('fieldRequired');
    this.fieldErrors = missing;
    this.error = null;
    if (Object.keys(missing).length > 0) {
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    this.busy = true;
    try {
      const session = await this.api.login(email, password);
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      const owed = error instanceof ApiError && error.status === 401 ? error.issues.find((issue) => issue.code === 'second_factor.required' || issue.code === 'second_factor.enrolment_required') : undefined;
      if (owed) {
        this.step = owed.code === 'second_factor.required' ? 'code' : 'enrol';
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#code, h1')?.focus());
      } else if (error instanceof ApiError && error.status === 401) this.error = this.t('common.loginWrong');
      else if (error instanceof ApiError && error.status === 429) {
        this.error = error.retryAfterSeconds === undefined ? this.t('loginThrottled') : this.t('common.loginThrottled', { when: formatWait(error.retryAfterSeconds, this.language) });
      }
      else if (error instanceof ApiError && error.issues.length > 0) {
        this.fieldErrors = { email: error.issueAt('/email') ?? '', password: error.issueAt('/password') ?? '' };
        this.error = error.detail || error.title;
      } else this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  /** The code after the password (from the authenticator app, or a recovery code). */
  private async submitCode(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').trim();
    this.fieldErrors = code ? {} : { code: this.t('fieldRequired') };
    this.error = null;
    if (!code) return;
    this.busy = true;
    try {
      const session = await this.api.post<Session>('/api/auth/login/second-factor', { code });
      await this.api.me();
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) this.error = error.retryAfterSeconds === undefined ? this.t('loginThrottled') : this.t('common.loginThrottled', { when: formatWait(error.retryAfterSeconds, this.language) });
      else if (error instanceof ApiError && error.issueAt('/code') !== undefined) this.fieldErrors = { code: this.t('sfWrongCode') };
      else if (error instanceof ApiError && error.status === 401) {
        // The sign-in waited too long: start again with the password.
        this.step = 'password';
        this.error = error.detail || this.t('common.errorSignedOut');
      } else this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async enrolled(event: CustomEvent<SecondFactorConfirmed>): Promise<void> {
    if (event.detail.session) {
      await this.api.me();
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: event.detail.session, bubbles: true, composed: true }));
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.step === 'enrol') {
      return html`<h1 tabindex="-1">${this.heading || t('common.signIn')}</h1>
        <cl-second-factor-setup .api=${this.api} .language=${this.language} required @second-factor-done=${(event: CustomEvent<SecondFactorConfirmed>) => this.enrolled(event)}></cl-second-factor-setup>`;
    }
    if (this.step === 'code') {
      return html`<h1 tabindex="-1">${t('sfCodeTitle')}</h1>
        <p>${t('sfCodeIntro')}</p>
        <form @submit=${this.submitCode} novalidate>
          ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
          ${field('code', t('sfCodeLabel'), 'text', 'one-time-code', this.fieldErrors.code, { hint: t('sfCodeHint') })}
          <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('sfVerify')}</button></div>
        </form>`;
    }
    return html`<h1 tabindex="-1">${this.heading || t('common.signIn')}</h1>
      ${this.outcome ? html`<p class=${this.outcome === 'linked' ? 'notice' : 'form-error'} role="alert">${t(`common.signInRefused.${this.outcome}`, { provider: this.provider ?? t('common.identityProvider') })}</p>` : null}
      <form @submit=${this.submit} novalidate>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
        ${field('email', t('email'), 'email', 'username', this.fieldErrors.email)}
        ${field('password', t('common.password'), 'password', 'current-password', this.fieldErrors.password)}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('common.signIn')}</button></div>
      </form>
      ${this.provider ? html`<p class="oidc"><a class="button" href=${oidcStartUrl(this.app)}>${t('common.orSignInWith', { provider: this.provider })}</a></p>` : null}`;
  }
}

/** A labelled input with its error underneath, tied by aria-describedby. */
export function field(name: string, label: string, type: string, autocomplete: string, error?: string, extra: { value?: string; hint?: string; min?: string; max?: string } = {}): TemplateResult {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const described = [extra.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return html`<label for=${name}>${label}</label>
    ${extra.hint ? html`<p class="hint" id=${hintId}>${extra.hint}</p>` : null}
    <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} .value=${extra.value ?? ''} min=${ifDefined(extra.min)} max=${ifDefined(extra.max)}
      aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(described || undefined)} />
    ${error ? html`<p class="field-error" id=${errorId}>${error}</p>` : null}`;
}

if (!customElements.get('cl-login-form')) customElements.define('cl-login-form', ClLoginForm);

declare global {
  interface HTMLElementTagNameMap {
    'cl-login-form': ClLoginForm;
  }
}
