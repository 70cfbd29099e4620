import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { LinkedIdentity, LinkedIdentityList } from '@careloom/format/api';
import { ApiError, takeSignInOutcome, type OidcApp, type SignInOutcome } from '@careloom/client/api';
import { formatDate } from './i18n.js';
import { ScreenElement } from './screen-element.js';

/**
 * `<cl-linked-identities app="clinic">`: the signed-in person's identities at providers (on the
 * clinic's security screen and the patient's settings). Each shows the provider, the last digits of
 * the identifying number ("ending in 2391"; never the whole number, which Careloom does not keep)
 * and when it was linked. "Link e-ID" signs in at the provider to link (the provider sends the
 * browser back here with the outcome, said once); "Unlink" asks first, and the server refuses to
 * take the only way someone can sign in.
 */
export class ClLinkedIdentities extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    app: {},
    list: { state: true },
    confirming: { state: true },
    busy: { state: true },
    error: { state: true },
    outcome: { state: true },
    notice: { state: true },
  };

  declare app: OidcApp;
  declare list: LinkedIdentityList | null;
  declare confirming: string | null;
  declare busy: boolean;
  declare error: string | null;
  declare outcome: SignInOutcome | null;
  declare notice: string | null;

  constructor() {
    super();
    this.app = 'patient';
    this.list = null;
    this.confirming = null;
    this.busy = false;
    this.error = null;
    this.outcome = null;
    this.notice = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.outcome = takeSignInOutcome() ?? null;
    void this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => this.api.get<LinkedIdentityList>('/api/me/identities'));
    if (loaded) this.list = loaded;
  }

  private providerOf(identity: LinkedIdentity): string {
    return identity.providerName ?? new URL(identity.issuer).host;
  }

  private describe(identity: LinkedIdentity): string {
    const t = this.t;
    const provider = this.providerOf(identity);
    return identity.hint ? t('identityEndingIn', { provider, hint: identity.hint }) : provider;
  }

  private async link(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const { authorizationUrl } = await this.api.startOidc({ app: this.app, link: true });
      window.location.assign(authorizationUrl);
    } catch (error) {
      this.error = this.describeError(error);
      this.busy = false;
    }
  }

  private async unlink(identity: LinkedIdentity): Promise<void> {
    this.busy = true;
    this.error = null;
    this.notice = null;
    this.outcome = null;
    try {
      await this.api.delete<void>(`/api/me/identities/${encodeURIComponent(identity.id)}`);
      this.notice = this.t('identityUnlinked', { identity: this.describe(identity) });
      this.confirming = null;
      await this.load();
    } catch (error) {
      this.confirming = null;
      this.error = error instanceof ApiError && error.issues.some((issue) => issue.code === 'identity.last_way_in') ? this.t('identityLastWayIn') : this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const list = this.list;
    const providerName = list?.provider.displayName ?? t('common.identityProvider');
    return html`<section aria-labelledby="identities-title">
      <h2 id="identities-title">${t('identitiesTitle')}</h2>
      ${this.outcome
        ? html`<p class=${this.outcome === 'linked' ? 'notice' : 'form-error'} role="alert">${t(`common.signInRefused.${this.outcome}`, { provider: providerName })}</p>`
        : null}
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : null}
      ${list === null
        ? this.loadError ? null : html`<p role="status">${t('common.loading')}</p>`
        : html`${list.identities.length === 0
              ? html`<p>${t('identitiesNone')}</p>`
              : html`<ul class="identities">
                  ${list.identities.map((identity) => this.renderIdentity(identity))}
                </ul>`}
            ${list.provider.enabled
              ? html`<p class="hint">${t('identitiesLinkHint', { provider: providerName })}</p>
                  <div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.link()}>${t('identitiesLink', { provider: providerName })}</button></div>`
              : list.identities.length > 0 ? html`<p class="hint">${t('identitiesNoProvider')}</p>` : null}`}
    </section>`;
  }

  private renderIdentity(identity: LinkedIdentity): TemplateResult {
    const t = this.t;
    const described = this.describe(identity);
    return html`<li>
      <span>${described}</span> <span class="hint">${t('identityLinkedOn', { date: formatDate(identity.linkedAt, this.language) })}</span>
      ${this.confirming === identity.id
        ? html`<p>${t('identityUnlinkQuestion', { identity: described })}</p>
            <div class="actions">
              <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.unlink(identity)}>${t('identityUnlinkConfirm')}</button>
              <button type="button" ?disabled=${this.busy} @click=${() => (this.confirming = null)}>${t('common.cancel')}</button>
            </div>`
        : html`<button type="button" aria-label=${t('identityUnlinkLabel', { identity: described })} ?disabled=${this.busy} @click=${() => {
            this.confirming = identity.id;
            this.notice = null;
            this.error = null;
          }}>${t('identityUnlink')}</button>`}
    </li>`;
  }
}

if (!customElements.get('cl-linked-identities')) customElements.define('cl-linked-identities', ClLinkedIdentities);

declare global {
  interface HTMLElementTagNameMap {
    'cl-linked-identities': ClLinkedIdentities;
  }
}
