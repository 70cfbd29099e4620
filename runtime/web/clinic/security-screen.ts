import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { SecondFactorPolicy, SecondFactorStatus } from '@careloom/format/api';
import { ApiError } from '@careloom/client/api';
import { field } from '../shared/login-form.js';
import '../shared/linked-identities.js';
import '../shared/second-factor-setup.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-security-screen>` (`#/security`): the signed-in person's second factor (set up, recovery
 * codes left, turn off with a code), their linked e-IDs (`<cl-linked-identities>`) and, for the care provider's permissions and care-provider
 * admins (`organisation-id`), whether its staff must have one.
 */
export class ClSecurityScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    organisationId: { attribute: 'organisation-id' },
    organisationName: { attribute: 'organisation-name' },
    status: { state: true },
    policy: { state: true },
    setup: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  declare organisationId: string;
  declare organisationName: string;
  declare status: SecondFactorStatus | null;
  declare policy: SecondFactorPolicy | null;
  declare setup: boolean;
  declare busy: boolean;
  declare error: string | null;
  declare notice: string | null;

  constructor() {
    super();
    this.organisationId = '';
    this.organisationName = '';
    this.status = null;
    this.policy = null;
    this.setup = false;
    this.busy = false;
    this.error = null;
    this.notice = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    await this.guard(async () => {
      this.status = await this.api.get<SecondFactorStatus>('/api/auth/second-factor');
      if (this.organisationId) this.policy = await this.api.get<SecondFactorPolicy>(`/api/organisations/${encodeURIComponent(this.organisationId)}/second-factor-policy`);
    });
  }

  private async disable(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').trim();
    if (!code) {
      this.error = this.t('fieldRequired');
      return;
    }
    this.busy = true;
    try {
      await this.api.post<void>('/api/auth/second-factor/disable', { code });
      this.error = null;
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError && error.issueAt('/code') !== undefined ? this.t('sfWrongCode') : this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async setPolicy(required: boolean): Promise<void> {
    this.busy = true;
    try {
      this.policy = await this.api.put<SecondFactorPolicy>(`/api/organisations/${encodeURIComponent(this.organisationId)}/second-factor-policy`, { required });
      this.status = await this.api.get<SecondFactorStatus>('/api/auth/second-factor');
      this.notice = this.t('sfPolicySaved');
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const status = this.status;
    return html`<h1 tabindex="-1">${t('securityTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      ${status === null ? html`<p role="status">${t('common.loading')}</p>` : this.renderFactor(status)}
      <cl-linked-identities app="clinic" .api=${this.api} .language=${this.language}></cl-linked-identities>
      ${this.policy
        ? html`<section aria-labelledby="policy-title">
            <h2 id="policy-title">${t('sfPolicyTitle')}</h2>
            <label><input type="checkbox" name="required" .checked=${this.policy.required} ?disabled=${this.busy} @change=${(event: Event) => this.setPolicy((event.target as HTMLInputElement).checked)} />
              ${t('sfPolicyLabel', { organisation: this.organisationName })}</label>
            <p class="hint">${t('sfPolicyHint')}</p>
            ${this.notice ? html`<p role="status">${this.notice}</p>` : null}
          </section>`
        : null}`;
  }

  private renderFactor(status: SecondFactorStatus): TemplateResult {
    const t = this.t;
    if (this.setup) {
      return html`<cl-second-factor-setup .api=${this.api} .language=${this.language} ?required=${status.required} @second-factor-done=${() => {
        this.setup = false;
        void this.load();
      }}></cl-second-factor-setup>`;
    }
    if (!status.enabled) {
      return html`<p>${status.required ? t('sfSetupRequired') : t('sfOff')}</p>
        <div class="actions"><button class="primary" type="button" @click=${() => (this.setup = true)}>${t('sfStart')}</button></div>`;
    }
    return html`<p class="second-factor-on">${t('sfOn', { n: status.recoveryCodesLeft })}</p>
      ${status.required
        ? html`<p class="hint">${t('sfRequiredNote')}</p>`
        : html`<form @submit=${this.disable} novalidate>
            ${field('code', t('sfCodeLabel'), 'text', 'one-time-code', undefined, { hint: t('sfDisableHint') })}
            <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('sfDisable')}</button></div>
          </form>`}`;
  }
}

if (!customElements.get('cl-security-screen')) customElements.define('cl-security-screen', ClSecurityScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-security-screen': ClSecurityScreen;
  }
}
