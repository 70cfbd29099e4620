import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ApiError } from '../shared/api-error.js';
import type { Session } from '../shared/api-types.js';
import { field } from '../shared/login-form.js';
import { ScreenElement } from '../shared/screen-element.js';

/** Shortest password accepted here; the server has the final word (and says so by field). */
const MIN_PASSWORD = 10;

/**
 * `<cl-invite-screen>`: a new patient redeems the code their therapist gave them by choosing a
 * password; they are then signed in.
 *
 * @fires signed-in - `CustomEvent<Session>`
 */
export class ClInviteScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    code: {},
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  declare code: string;
  declare busy: boolean;
  declare error: string | null;
  declare fieldErrors: Record<string, string>;

  constructor() {
    super();
    this.code = '';
    this.busy = false;
    this.error = null;
    this.fieldErrors = {};
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const code = String(data.get('code') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const repeat = String(data.get('repeat') ?? '');
    const errors: Record<string, string> = {};
    if (!code) errors.code = this.t('fieldRequired');
    if (password.length < MIN_PASSWORD) errors.password = this.t('passwordTooShort', { n: MIN_PASSWORD });
    else if (password !== repeat) errors.repeat = this.t('passwordMismatch');
    this.fieldErrors = errors;
    this.error = null;
    if (Object.keys(errors).length > 0) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    this.busy = true;
    try {
      const session = await this.api.redeem(code, password);
      this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.fieldErrors = { code: this.t('inviteUnknown') };
      else if (error instanceof ApiError && error.issues.length > 0) {
        this.fieldErrors = Object.fromEntries(['code', 'password'].map((name) => [name, error.issueAt(`/${name}`) ?? '']).filter(([, message]) => message));
        this.error = error.detail || error.title;
      } else this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('inviteTitle')}</h1>
      <p>${t('inviteIntro')}</p>
      <form @submit=${this.submit} novalidate>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
        ${field('code', t('inviteCode'), 'text', 'one-time-code', this.fieldErrors.code, { value: this.code })}
        ${field('password', t('newPassword'), 'password', 'new-password', this.fieldErrors.password, { hint: t('passwordHint', { n: MIN_PASSWORD }) })}
        ${field('repeat', t('repeatPassword'), 'password', 'new-password', this.fieldErrors.repeat)}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('inviteSubmit')}</button></div>
      </form>
      <p><a href="#/login">${t('inviteHaveAccount')}</a></p>`;
  }
}

if (!customElements.get('cl-invite-screen')) customElements.define('cl-invite-screen', ClInviteScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-invite-screen': ClInviteScreen;
  }
}
