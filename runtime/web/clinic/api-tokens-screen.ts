import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { ApiToken, ApiTokenList, ApiTokenScope, CreatedApiToken, Unit } from '@careloom/format/api';
import { seg } from '@careloom/client/api';
import { formatDate, formatDateTime, type MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/** Each scope in the admin's words, in the order offered. */
export const SCOPE_KEYS: Record<ApiTokenScope, MessageKey> = {
  'questionnaires.read': 'apiTokenScopeQuestionnaires',
  'patient-data.read': 'apiTokenScopePatientData',
};

const DAY_MS = 86_400_000;
/** The server accepts an expiry at most two years ahead; the form stays a day inside that. */
const LONGEST_DAYS = 2 * 365;
const DEFAULT_DAYS = 90;

/** `YYYY-MM-DD` of the local day `days` from now. */
function localDay(now: Date, days: number): string {
  const day = new Date(now.getTime() + days * DAY_MS);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * `<cl-api-tokens-screen>`: a care-provider admin's API tokens for integrating systems (a record
 * system reading results over /fhir/r4). Create one with what it may read, for the whole care
 * provider or some units, and when it stops working; the token is shown once, to be copied into the
 * other system. The list shows each token's reach, expiry and last use; a token can be revoked.
 */
export class ClApiTokensScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .tokens { list-style: none; padding: 0; margin: 0; }
      .token h2 { font-size: 1.05rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
      .token dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0.5rem 0; }
      .token dt { font-weight: 600; }
      .token dd { margin: 0; overflow-wrap: anywhere; }
      .secret { border: 2px solid #b26a00; padding: 0.75rem; margin: 0 0 1rem; }
      .secret code { display: block; overflow-wrap: anywhere; font-size: 1rem; margin: 0.5rem 0; user-select: all; }
      fieldset { border: 0; padding: 0; margin: 0.5rem 0; }
      fieldset label { display: block; }
      legend { font-weight: 600; padding: 0; }
      .units { margin-left: 1.5rem; }
      @media (max-width: 480px) {
        .token dl { grid-template-columns: 1fr; }
        .token dd { margin-bottom: 0.25rem; }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    organisationId: { attribute: 'organisation-id' },
    tokens: { state: true },
    units: { state: true },
    secret: { state: true },
    errors: { state: true },
    notice: { state: true },
    wholeProvider: { state: true },
  };

  declare organisationId: string;
  declare tokens: ApiToken[] | null;
  declare units: Unit[];
  /** The token just made, shown until the admin says it is copied or leaves. */
  declare secret: { name: string; value: string } | null;
  declare errors: Record<string, string>;
  declare notice: string;
  declare wholeProvider: boolean;
  /** The clock the expiry field counts from (a test sets it). */
  now: () => Date = () => new Date();

  constructor() {
    super();
    this.organisationId = '';
    this.tokens = null;
    this.units = [];
    this.secret = null;
    this.errors = {};
    this.notice = '';
    this.wholeProvider = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get base(): string {
    return `/api/care/providers/${seg(this.organisationId)}/api-tokens`;
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => Promise.all([this.api.get<ApiTokenList>(this.base), this.api.get<{ units: Unit[] }>('/api/care/units')]));
    if (!loaded) return;
    this.tokens = loaded[0].tokens;
    this.units = loaded[1].units.filter((unit) => unit.organisationId === this.organisationId);
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.t;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const scopes = data.getAll('scope').map(String);
    const unitIds = data.getAll('unit').map(String);
    const expires = String(data.get('expires') ?? '');
    // Checked here first, so the admin reads what is missing in their own language.
    const problem = name === '' ? t('apiTokenNameRequired') : scopes.length === 0 ? t('apiTokenScopesRequired') : !this.wholeProvider && unitIds.length === 0 ? t('apiTokenUnitsRequired') : '';
    if (problem) {
      this.errors = { ...this.errors, create: problem };
      return;
    }
    let expiresAt: string | undefined;
    if (expires !== '') {
      // The end of the chosen day where the admin is: "until 1 June" includes 1 June.
      const end = new Date(`${expires}T23:59:59`);
      const days = (end.getTime() - this.now().getTime()) / DAY_MS;
      if (Number.isNaN(end.getTime()) || days <= 0 || days > LONGEST_DAYS + 1) {
        this.errors = { ...this.errors, create: t('apiTokenExpiryRange') };
        return;
      }
      expiresAt = end.toISOString();
    }
    try {
      const created = await this.api.post<CreatedApiToken>(this.base, { name, scopes, ...(this.wholeProvider ? {} : { unitIds }), ...(expiresAt ? { expiresAt } : {}) });
      this.secret = { name: created.token.name, value: created.secret };
      this.errors = { ...this.errors, create: '' };
      this.notice = '';
      // Back to the defaults (the value attribute): 90 days ahead, the whole provider.
      form.reset();
      this.wholeProvider = true;
      await this.load();
    } catch (error) {
      this.errors = { ...this.errors, create: this.describeError(error) };
    }
  }

  private async revoke(token: ApiToken): Promise<void> {
    if (!confirm(this.t('apiTokenRevokeConfirm', { name: token.name }))) return;
    try {
      await this.api.request('DELETE', `${this.base}/${seg(token.id)}`);
      this.errors = { ...this.errors, [token.id]: '' };
      this.notice = this.t('apiTokenRevoked', { name: token.name });
      await this.load();
    } catch (error) {
      this.errors = { ...this.errors, [token.id]: this.describeError(error) };
    }
  }

  private reach(token: ApiToken): string {
    if (token.unitIds === null) return this.t('apiTokenWholeProvider');
    return token.unitIds.map((id) => this.units.find((unit) => unit.id === id)?.name ?? this.t('apiTokenUnitGone')).join(', ');
  }

  private state(token: ApiToken): TemplateResult | null {
    const t = this.t;
    if (token.revokedAt) return html` <span class="badge">${t('apiTokenRevokedBadge')}</span>`;
    if (token.expiresAt && Date.parse(token.expiresAt) <= this.now().getTime()) return html` <span class="badge warning">${t('apiTokenExpiredBadge')}</span>`;
    return null;
  }

  private renderToken(token: ApiToken): TemplateResult {
    const t = this.t;
    const live = !token.revokedAt && !(token.expiresAt && Date.parse(token.expiresAt) <= this.now().getTime());
    return html`<li class="card token" data-token=${token.id}>
      <h2>${token.name}${this.state(token)}</h2>
      <dl>
        <dt>${t('apiTokenMayRead')}</dt>
        <dd>${token.scopes.map((scope) => t(SCOPE_KEYS[scope])).join('; ')}</dd>
        <dt>${t('apiTokenReach')}</dt>
        <dd>${this.reach(token)}</dd>
        <dt>${t('apiTokenCreated')}</dt>
        <dd><time datetime=${token.createdAt}>${formatDate(token.createdAt, this.language)}</time></dd>
        <dt>${t('apiTokenExpires')}</dt>
        <dd>${token.expiresAt ? html`<time datetime=${token.expiresAt}>${formatDate(token.expiresAt, this.language)}</time>` : t('apiTokenNeverExpires')}</dd>
        <dt>${t('apiTokenLastUsed')}</dt>
        <dd>${token.lastUsedAt ? html`<time datetime=${token.lastUsedAt}>${formatDateTime(token.lastUsedAt, this.language)}</time>` : t('apiTokenNeverUsed')}</dd>
        ${token.revokedAt
          ? html`<dt>${t('apiTokenRevokedOn')}</dt>
              <dd><time datetime=${token.revokedAt}>${formatDateTime(token.revokedAt, this.language)}</time></dd>`
          : null}
      </dl>
      ${live ? html`<div class="actions"><button type="button" class="danger" data-action="revoke" @click=${() => this.revoke(token)}>${t('apiTokenRevoke')}</button></div>` : null}
      ${this.errors[token.id] ? html`<p class="form-error" role="alert">${this.errors[token.id]}</p>` : null}
    </li>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const now = this.now();
    // novalidate: what is missing is said in the admin's language by create(), not by the browser.
    return html`<form class="card" novalidate @submit=${(event: SubmitEvent) => this.create(event)}>
      <h2>${t('apiTokenAdd')}</h2>
      <label>${t('apiTokenName')}<input name="name" maxlength="100" autocomplete="off" /></label>
      <p class="hint">${t('apiTokenNameHint')}</p>
      <fieldset>
        <legend>${t('apiTokenScopes')}</legend>
        ${(Object.keys(SCOPE_KEYS) as ApiTokenScope[]).map((scope) => html`<label><input type="checkbox" name="scope" value=${scope} />${t(SCOPE_KEYS[scope])}</label>`)}
      </fieldset>
      <fieldset>
        <legend>${t('apiTokenReach')}</legend>
        <label><input type="radio" name="reach" value="provider" .checked=${this.wholeProvider} @change=${() => (this.wholeProvider = true)} />${t('apiTokenWholeProvider')}</label>
        <label><input type="radio" name="reach" value="units" .checked=${!this.wholeProvider} ?disabled=${this.units.length === 0} @change=${() => (this.wholeProvider = false)} />${t('apiTokenSomeUnits')}</label>
        ${this.wholeProvider
          ? null
          : html`<div class="units">${this.units.map((unit) => html`<label><input type="checkbox" name="unit" value=${unit.id} />${unit.name}</label>`)}</div>`}
      </fieldset>
      <label>${t('apiTokenExpiresField')}<input name="expires" type="date" value=${localDay(now, DEFAULT_DAYS)} min=${localDay(now, 1)} max=${localDay(now, LONGEST_DAYS)} /></label>
      <p class="hint">${t('apiTokenExpiresHint')}</p>
      ${this.errors['create'] ? html`<p class="form-error" role="alert">${this.errors['create']}</p>` : null}
      <button type="submit">${t('apiTokenCreate')}</button>
    </form>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const tokens = this.tokens;
    return html`<h1 tabindex="-1">${t('apiTokensTitle')}</h1>
      <p>${t('apiTokensIntro')}</p>
      ${this.notice ? html`<p role="status">${this.notice}</p>` : null}
      ${this.secret
        ? html`<section class="secret card" role="status" aria-labelledby="token-secret-heading">
            <h2 id="token-secret-heading">${t('apiTokenSecretTitle')}</h2>
            <p>${t('apiTokenSecretOnce', { name: this.secret.name })}</p>
            <code>${this.secret.value}</code>
            <button type="button" @click=${() => (this.secret = null)}>${t('apiTokenSecretDone')}</button>
          </section>`
        : null}
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${!tokens && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${tokens && tokens.length === 0 ? html`<p>${t('apiTokensNone')}</p>` : null}
      ${tokens && tokens.length > 0 ? html`<ul class="tokens">${tokens.map((token) => this.renderToken(token))}</ul>` : null}
      ${tokens ? this.renderForm() : null}`;
  }
}

if (!customElements.get('cl-api-tokens-screen')) customElements.define('cl-api-tokens-screen', ClApiTokensScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-api-tokens-screen': ClApiTokensScreen;
  }
}
