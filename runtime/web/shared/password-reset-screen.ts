import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ScreenElement } from './screen-element.js';

/**
 * `<cl-password-reset-screen>`: without `token`, asks for the e-mail address and sends a link
 * (the answer is the same whether or not the address has an account); with the link's `token`,
 * lets the person choose a new password, after which they sign in with it.
 */
export class ClPasswordResetScreen extends ScreenElement {
  static override properties: PropertyDeclarations = { ...ScreenElement.properties, token: {}, done: { state: true }, error: { state: true }, busy: { state: true } };

  declare token: string;
  declare done: boolean;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.token = '';
    this.done = false;
    this.error = '';
    this.busy = false;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    try {
      if (this.token) await this.api.post('/api/public/password-reset/complete', { token: this.token, password: String(data.get('password') ?? '') });
      else await this.api.post('/api/public/password-reset', { email: String(data.get('email') ?? '').trim(), language: ['en', 'sv', 'nb'].includes(this.language) ? this.language : 'en' });
      this.done = true;
      this.error = '';
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.done) return html`<h1 tabindex="-1">${t('resetTitle')}</h1><p role="status">${t(this.token ? 'resetDone' : 'resetSent')}</p><p><a href="#/login">${t('resetSignIn')}</a></p>`;
    return html`<h1 tabindex="-1">${t('resetTitle')}</h1>
      <form class="card" @submit=${(event: SubmitEvent) => this.submit(event)}>
        ${this.token
          ? html`<label>${t('resetNewPassword')} <input type="password" name="password" required minlength="10" autocomplete="new-password" /></label><p class="hint">${t('resetPasswordHint')}</p>`
          : html`<p>${t('resetIntro')}</p><label>${t('staffEmail')} <input type="email" name="email" required autocomplete="email" /></label>`}
        <button type="submit" class="primary" ?disabled=${this.busy}>${t(this.token ? 'resetChoose' : 'resetSend')}</button>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      </form>`;
  }
}

if (!customElements.get('cl-password-reset-screen')) customElements.define('cl-password-reset-screen', ClPasswordResetScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-password-reset-screen': ClPasswordResetScreen;
  }
}
