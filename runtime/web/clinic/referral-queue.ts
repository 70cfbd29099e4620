import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { Deployment, PatientInvitation, Referral } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/** `<cl-referral-queue>`: self-referrals from the unit's intake questionnaire, to accept into a program or decline. */
export class ClReferralQueue extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    unitId: { attribute: 'unit-id' },
    referrals: { state: true },
    deployments: { state: true },
    chosen: { state: true },
    invitations: { state: true },
    errors: { state: true },
  };

  declare unitId: string;
  declare referrals: Referral[] | null;
  declare deployments: Deployment[];
  declare chosen: Record<string, string>;
  declare invitations: Record<string, PatientInvitation>;
  declare errors: Record<string, string>;

  constructor() {
    super();
    this.unitId = '';
    this.referrals = null;
    this.deployments = [];
    this.chosen = {};
    this.invitations = {};
    this.errors = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() =>
      Promise.all([
        this.api.get<{ referrals: Referral[] }>(`/api/care/units/${seg(this.unitId)}/referrals`),
        this.api.get<{ deployments: Deployment[] }>(`/api/care/units/${seg(this.unitId)}/deployments`),
      ]),
    );
    if (!loaded) return;
    this.referrals = [...loaded[0].referrals].sort((left, right) => Number(left.status !== 'new') - Number(right.status !== 'new') || right.receivedAt.localeCompare(left.receivedAt));
    this.deployments = loaded[1].deployments.filter((deployment) => deployment.status === 'active');
  }

  private async accept(referral: Referral): Promise<void> {
    const deploymentId = this.chosen[referral.id];
    if (!deploymentId) {
      this.errors = { ...this.errors, [referral.id]: this.t('referralChooseProgram') };
      return;
    }
    try {
      const result = await this.api.post<{ invitation: PatientInvitation }>(`/api/care/referrals/${seg(referral.id)}/accept`, { deploymentId });
      this.invitations = { ...this.invitations, [referral.id]: result.invitation };
      this.referrals = (this.referrals ?? []).map((candidate) => (candidate.id === referral.id ? { ...candidate, status: 'accepted' } : candidate));
      this.errors = { ...this.errors, [referral.id]: '' };
    } catch (error) {
      this.errors = { ...this.errors, [referral.id]: this.describeError(error) };
    }
  }

  private async decline(referral: Referral): Promise<void> {
    try {
      await this.api.post(`/api/care/referrals/${seg(referral.id)}/decline`);
      this.referrals = (this.referrals ?? []).map((candidate) => (candidate.id === referral.id ? { ...candidate, status: 'declined' } : candidate));
    } catch (error) {
      this.errors = { ...this.errors, [referral.id]: this.describeError(error) };
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('referralsTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.referrals === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.referrals?.length === 0 ? html`<p class="muted">${t('referralsNone')}</p>` : null}
      <ul class="plain">${(this.referrals ?? []).map((referral) => {
        const selectId = `deployment-${referral.id}`;
        const invitation = this.invitations[referral.id];
        return html`<li class="card referral" data-referral=${referral.id}>
          <h2>${referral.contact.name}</h2>
          <p>${referral.contact.email}${referral.contact.phone ? ` · ${referral.contact.phone}` : ''} · ${formatDateTime(referral.receivedAt, this.language)}</p>
          ${referral.scores.map((score) => html`<p>${score.title ?? score.instrumentId}: <strong>${score.total ?? '–'}</strong>${score.bandLabel ? ` (${score.bandLabel})` : ''}</p>`)}
          ${referral.status === 'new'
            ? html`<label for=${selectId}>${t('common.program')}</label>
                <select id=${selectId} @change=${(event: Event) => (this.chosen = { ...this.chosen, [referral.id]: (event.target as HTMLSelectElement).value })}>
                  <option value="">${t('common.choose')}</option>
                  ${this.deployments.map((deployment) => html`<option value=${deployment.id}>${deployment.title}</option>`)}
                </select>
                <div class="actions">
                  <button type="button" class="primary" data-action="accept" @click=${() => this.accept(referral)}>${t('referralAccept')}</button>
                  <button type="button" data-action="decline" @click=${() => this.decline(referral)}>${t('referralDecline')}</button>
                </div>`
            : html`<p class="badge neutral">${t(referral.status === 'accepted' ? 'referralAccepted' : 'referralDeclined')}</p>`}
          ${invitation ? html`<p class="invitation">${t('inviteCode')}: <code>${invitation.code}</code> · <a href=${invitation.url}>${invitation.url}</a></p>` : null}
          ${this.errors[referral.id] ? html`<p class="field-error" role="alert">${this.errors[referral.id]}</p>` : null}
        </li>`;
      })}</ul>`;
  }
}

if (!customElements.get('cl-referral-queue')) customElements.define('cl-referral-queue', ClReferralQueue);

declare global {
  interface HTMLElementTagNameMap {
    'cl-referral-queue': ClReferralQueue;
  }
}
