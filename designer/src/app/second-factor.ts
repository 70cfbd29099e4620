import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { SecondFactorConfirmed, SecondFactorEnrolment, SecondFactorPolicy, SecondFactorStatus } from '@careloom/format/api';
import { isApiError } from '@careloom/client/api';
import type { DesignerApi } from '../api/api-client.js';
import { t } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import { qrCode } from '@careloom/renderer/qr-code';
import { PEOPLE_ADMIN_ROLE, type Workspace } from './workspace.js';
import { DesignerElement } from '../i18n/designer-element.js';

const styles = [
  uiStyles,
  css`
    :host {
      display: block;
      max-width: 40rem;
    }
    code.secret {
      font-size: 1.1rem;
      letter-spacing: 0.05em;
    }
    /* Big enough for a phone camera at arm's length, never wider than a 360 px screen. */
    .qr {
      width: min(15rem, 100%);
      margin: 0.5rem 0;
    }
    .qr svg {
      display: block;
      width: 100%;
      height: auto;
    }
    ul.recovery-codes {
      columns: 2;
      font-family: monospace;
    }
  `,
];

/** A sentence for a refused code: the designer's own words for a wrong one, else the server's. */
function codeError(error: unknown): string {
  if (isApiError(error) && error.issueAt('/code') !== undefined) return t('security.wrongCode');
  return isApiError(error) ? error.detail || error.title : String(error);
}

/**
 * `<cl-designer-second-factor-setup>`: sets up a second factor (TOTP): the key shown once (an
 * otpauth:// link for the phone's authenticator app, and as text), confirmed with the app's code,
 * then the recovery codes shown once. Signed in (the security screen), or right after a password
 * whose organisation requires one (the login; the server knows the person by the sign-in's cookie).
 *
 * @fires second-factor-done - `CustomEvent<SecondFactorConfirmed>`
 */
export class ClDesignerSecondFactorSetup extends DesignerElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    required: { type: Boolean },
    enrolment: { state: true },
    confirmed: { state: true },
    busy: { state: true },
    message: { state: true },
  };
  static override styles = styles;

  declare api: DesignerApi | undefined;
  declare required: boolean;
  declare enrolment: SecondFactorEnrolment | null;
  declare confirmed: SecondFactorConfirmed | null;
  declare busy: boolean;
  declare message: string;

  constructor() {
    super();
    this.required = false;
    this.enrolment = null;
    this.confirmed = null;
    this.busy = false;
    this.message = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#begin();
  }

  async #begin(): Promise<void> {
    if (!this.api) return;
    this.busy = true;
    try {
      this.enrolment = await this.api.post<SecondFactorEnrolment>('/api/auth/second-factor/enrolment', {});
    } catch (error) {
      this.message = codeError(error);
    } finally {
      this.busy = false;
    }
  }

  #confirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.api) return;
    const code = (this.renderRoot.querySelector<HTMLInputElement>('#code')?.value ?? '').trim();
    if (code === '') return;
    this.busy = true;
    try {
      this.confirmed = await this.api.post<SecondFactorConfirmed>('/api/auth/second-factor/enrolment/confirm', { code });
      this.message = '';
    } catch (error) {
      this.message = codeError(error);
    } finally {
      this.busy = false;
    }
  };

  override render(): TemplateResult {
    if (this.confirmed) {
      const confirmed = this.confirmed;
      return html`<h2>${t('security.recoveryTitle')}</h2>
        <p>${t('security.recoveryIntro')}</p>
        <ul class="recovery-codes">${confirmed.recoveryCodes.map((code) => html`<li><code>${code}</code></li>`)}</ul>
        <button type="button" class="primary" @click=${() => this.dispatchEvent(new CustomEvent<SecondFactorConfirmed>('second-factor-done', { detail: confirmed, bubbles: true, composed: true }))}>${t('security.done')}</button>`;
    }
    const enrolment = this.enrolment;
    return html`<h2>${t('security.setupTitle')}</h2>
      ${this.required ? html`<p>${t('security.setupRequired')}</p>` : null}
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : null}
      ${enrolment
        ? html`<p>${t('security.setupIntro')}</p>
            <div class="qr">${qrCode(enrolment.otpauthUri, t('security.qrLabel'))}</div>
            <p><a href=${enrolment.otpauthUri}>${t('security.openInApp')}</a></p>
            <p>${t('security.secretLabel')}: <code class="secret">${enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
            <form novalidate @submit=${this.#confirm}>
              <div class="field">
                <label for="code">${t('security.codeLabel')}</label>
                <p class="hint" id="code-hint">${t('security.codeHint')}</p>
                <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" aria-describedby="code-hint" required />
              </div>
              <button type="submit" class="primary" ?disabled=${this.busy}>${t('security.confirm')}</button>
            </form>`
        : null}`;
  }
}

/**
 * `<cl-designer-security>` (`#/security`): the signed-in person's second factor (set up, recovery
 * codes left, turn off with a code) and, for the organisation's permissions admins, whether
 * everyone there must have one.
 */
export class ClDesignerSecurity extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    status: { state: true },
    policy: { state: true },
    setup: { state: true },
    busy: { state: true },
    message: { state: true },
    notice: { state: true },
  };
  static override styles = styles;

  declare workspace: Workspace | undefined;
  declare status: SecondFactorStatus | null;
  declare policy: SecondFactorPolicy | null;
  declare setup: boolean;
  declare busy: boolean;
  declare message: string;
  declare notice: string;

  constructor() {
    super();
    this.status = null;
    this.policy = null;
    this.setup = false;
    this.busy = false;
    this.message = '';
    this.notice = '';
  }

  override firstUpdated(): void {
    void this.#load();
  }

  async #load(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    try {
      this.status = await workspace.api.get<SecondFactorStatus>('/api/auth/second-factor');
      if (workspace.roles.includes(PEOPLE_ADMIN_ROLE)) this.policy = await workspace.api.get<SecondFactorPolicy>(`/api/organisations/${encodeURIComponent(workspace.organisationId)}/second-factor-policy`);
    } catch (error) {
      this.message = codeError(error);
    }
  }

  #disable = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const workspace = this.workspace;
    const code = (this.renderRoot.querySelector<HTMLInputElement>('#disable-code')?.value ?? '').trim();
    if (!workspace || code === '') return;
    this.busy = true;
    try {
      await workspace.api.post<void>('/api/auth/second-factor/disable', { code });
      this.message = '';
      await this.#load();
    } catch (error) {
      this.message = codeError(error);
    } finally {
      this.busy = false;
    }
  };

  #setPolicy = async (event: Event): Promise<void> => {
    const workspace = this.workspace;
    if (!workspace) return;
    this.busy = true;
    try {
      this.policy = await workspace.api.put<SecondFactorPolicy>(`/api/organisations/${encodeURIComponent(workspace.organisationId)}/second-factor-policy`, { required: (event.target as HTMLInputElement).checked });
      this.status = await workspace.api.get<SecondFactorStatus>('/api/auth/second-factor');
      this.notice = t('security.saved');
    } catch (error) {
      this.message = codeError(error);
    } finally {
      this.busy = false;
    }
  };

  override render(): TemplateResult {
    const status = this.status;
    return html`<h1>${t('security.title')}</h1>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : null}
      ${status ? this.#factor(status) : null}
      ${this.policy && this.workspace
        ? html`<section>
            <label><input type="checkbox" name="required" .checked=${this.policy.required} ?disabled=${this.busy} @change=${this.#setPolicy} /> ${t('security.policyLabel', { organisation: this.workspace.organisationName })}</label>
            <p class="hint">${t('security.policyHint')}</p>
            ${this.notice ? html`<p role="status">${this.notice}</p>` : null}
          </section>`
        : null}`;
  }

  #factor(status: SecondFactorStatus): TemplateResult {
    if (this.setup) {
      return html`<cl-designer-second-factor-setup .api=${this.workspace?.api} ?required=${status.required} @second-factor-done=${() => {
        this.setup = false;
        void this.#load();
      }}></cl-designer-second-factor-setup>`;
    }
    if (!status.enabled) {
      return html`<p>${status.required ? t('security.setupRequired') : t('security.off')}</p>
        <button type="button" class="primary" @click=${() => (this.setup = true)}>${t('security.start')}</button>`;
    }
    return html`<p class="second-factor-on">${t('security.on', { n: status.recoveryCodesLeft })}</p>
      ${status.required
        ? html`<p class="hint">${t('security.requiredNote')}</p>`
        : html`<form novalidate @submit=${this.#disable}>
            <div class="field">
              <label for="disable-code">${t('security.codeLabel')}</label>
              <p class="hint" id="disable-hint">${t('security.disableHint')}</p>
              <input id="disable-code" name="code" autocomplete="one-time-code" inputmode="numeric" aria-describedby="disable-hint" />
            </div>
            <button type="submit" ?disabled=${this.busy}>${t('security.disable')}</button>
          </form>`}`;
  }
}

if (!customElements.get('cl-designer-second-factor-setup')) customElements.define('cl-designer-second-factor-setup', ClDesignerSecondFactorSetup);
if (!customElements.get('cl-designer-security')) customElements.define('cl-designer-security', ClDesignerSecurity);

declare global {
  interface HTMLElementTagNameMap {
    'cl-designer-second-factor-setup': ClDesignerSecondFactorSetup;
    'cl-designer-security': ClDesignerSecurity;
  }
}
