import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { SecondFactorConfirmed, SecondFactorEnrolment } from '@careloom/format/api';
import { ApiError } from '@careloom/client/api';
import { field } from './login-form.js';
import { ScreenElement } from './screen-element.js';
import { qrCode } from '@careloom/renderer/qr-code';

/**
 * `<cl-second-factor-setup>`: sets up a second factor (TOTP). Starts an enrolment (a new key, shown
 * once: as an otpauth:// link the phone's authenticator app opens, and as text to type), confirms
 * it with the app's code, then shows the recovery codes once. Used signed in (the security screen)
 * and right after a password whose organisation requires a second factor (the login form: the
 * server knows the person from the sign-in's cookie).
 *
 * @fires second-factor-done - `CustomEvent<SecondFactorConfirmed>`, once the recovery codes were seen
 */
export class ClSecondFactorSetup extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    // Big enough for a phone camera at arm's length, never wider than a 360 px screen.
    css`
      .qr {
        width: min(15rem, 100%);
        margin: 0.5rem 0;
      }
      .qr svg {
        display: block;
        width: 100%;
        height: auto;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    required: { type: Boolean },
    enrolment: { state: true },
    confirmed: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  /** The organisation requires it: said above the steps. */
  declare required: boolean;
  declare enrolment: SecondFactorEnrolment | null;
  declare confirmed: SecondFactorConfirmed | null;
  declare busy: boolean;
  declare error: string | null;

  constructor() {
    super();
    this.required = false;
    this.enrolment = null;
    this.confirmed = null;
    this.busy = false;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.begin();
  }

  private async begin(): Promise<void> {
    this.busy = true;
    try {
      this.enrolment = await this.api.post<SecondFactorEnrolment>('/api/auth/second-factor/enrolment', {});
      this.error = null;
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').trim();
    if (!code) {
      this.error = this.t('fieldRequired');
      return;
    }
    this.busy = true;
    try {
      this.confirmed = await this.api.post<SecondFactorConfirmed>('/api/auth/second-factor/enrolment/confirm', { code });
      this.error = null;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
    } catch (error) {
      this.error = error instanceof ApiError && error.issueAt('/code') !== undefined ? this.t('sfWrongCode') : this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.confirmed) {
      const confirmed = this.confirmed;
      return html`<h2 tabindex="-1">${t('sfRecoveryTitle')}</h2>
        <p>${t('sfRecoveryIntro')}</p>
        <ul class="recovery-codes">${confirmed.recoveryCodes.map((code) => html`<li><code>${code}</code></li>`)}</ul>
        <div class="actions"><button class="primary" type="button" @click=${() => this.dispatchEvent(new CustomEvent<SecondFactorConfirmed>('second-factor-done', { detail: confirmed, bubbles: true, composed: true }))}>${t('sfDone')}</button></div>`;
    }
    const enrolment = this.enrolment;
    return html`<h2 tabindex="-1">${t('sfSetupTitle')}</h2>
      ${this.required ? html`<p>${t('sfSetupRequired')}</p>` : null}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      ${enrolment
        ? html`<p>${t('sfSetupIntro')}</p>
            <div class="qr">${qrCode(enrolment.otpauthUri, t('sfQrLabel'))}</div>
            <p><a class="button" href=${enrolment.otpauthUri}>${t('sfOpenInApp')}</a></p>
            <p>${t('sfSecretLabel')}: <code class="secret">${enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
            <form @submit=${this.confirm} novalidate>
              ${field('code', t('sfCodeLabel'), 'text', 'one-time-code', undefined, { hint: t('sfCodeHint') })}
              <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('sfConfirm')}</button></div>
            </form>`
        : this.busy
          ? html`<p role="status">${t('common.loading')}</p>`
          : null}`;
  }
}

if (!customElements.get('cl-second-factor-setup')) customElements.define('cl-second-factor-setup', ClSecondFactorSetup);

declare global {
  interface HTMLElementTagNameMap {
    'cl-second-factor-setup': ClSecondFactorSetup;
  }
}
