import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg, ApiError } from '@careloom/client/api';
import type { Deployment, Unit, UnitSettings } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { field } from '../shared/login-form.js';
import { ScreenElement } from '../shared/screen-element.js';
import './version-updates.js';

/** The unit's contact fields; `invalid` says in the admin's language what the server refuses in a field's form. */
const SETTINGS: Array<{ name: keyof UnitSettings; key: MessageKey; type: string; invalid?: MessageKey }> = [
  { name: 'contactName', key: 'settingsContactName', type: 'text' },
  { name: 'phone', key: 'common.phone', type: 'tel', invalid: 'settingsPhoneInvalid' },
  { name: 'crisisPhone', key: 'settingsCrisisPhone', type: 'tel', invalid: 'settingsPhoneInvalid' },
  { name: 'email', key: 'email', type: 'email', invalid: 'settingsEmailInvalid' },
  { name: 'address', key: 'common.address', type: 'text' },
  { name: 'openingHours', key: 'common.openingHours', type: 'text' },
];

/**
 * `<cl-unit-settings>`: one unit for its care-provider admin: the contact details modules show
 * (unit-contact blocks), which questionnaire its public intake uses, and its deployments, each of
 * which can be withdrawn (enrolled patients go on; nobody new is enrolled), with the newer released
 * versions of what it deployed and moving its patients to them (`<cl-version-updates>`).
 */
export class ClUnitSettings extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    unitId: { attribute: 'unit-id' },
    unit: { state: true },
    deployments: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    announcement: { state: true },
    busy: { state: true },
    confirmingWithdraw: { state: true },
  };

  declare unitId: string;
  declare unit: Unit | null;
  declare deployments: Deployment[];
  declare fieldErrors: Record<string, string>;
  declare error: string | null;
  declare announcement: string;
  declare busy: boolean;
  /** The deployment whose Withdraw waits for confirmation. */
  declare confirmingWithdraw: string | null;

  constructor() {
    super();
    this.unitId = '';
    this.unit = null;
    this.deployments = [];
    this.fieldErrors = {};
    this.error = null;
    this.announcement = '';
    this.busy = false;
    this.confirmingWithdraw = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() =>
      Promise.all([this.api.get<{ units: Unit[] }>('/api/care/units'), this.api.get<{ deployments: Deployment[] }>(`/api/care/units/${seg(this.unitId)}/deployments`)]),
    );
    if (!loaded) return;
    this.unit = loaded[0].units.find((unit) => unit.id === this.unitId) ?? null;
    if (!this.unit) this.loadError = this.t('common.errorNotFound');
    this.deployments = loaded[1].deployments;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const settings: UnitSettings = {};
    for (const setting of SETTINGS) settings[setting.name] = String(data.get(setting.name) ?? '').trim();
    const intake = String(data.get('intake') ?? '');
    this.busy = true;
    this.error = null;
    this.fieldErrors = {};
    this.announcement = '';
    try {
      this.unit = await this.api.patch<Unit>(`/api/care/units/${seg(this.unitId)}`, { settings, intake: intake ? { deploymentId: intake } : null });
      this.announcement = this.t('settingsSaved');
    } catch (error) {
      if (error instanceof ApiError) {
        this.fieldErrors = Object.fromEntries([...SETTINGS.map((setting) => [setting.name, `/settings/${setting.name}`]), ['intake', '/intake']].map(([name, path]) => [name, this.fieldError(error, name!, path!)]).filter(([, message]) => message));
      }
      this.error = Object.keys(this.fieldErrors).length > 0 ? this.t('settingsNotSaved') : this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  /** A field's refusal: the form's own sentence for a malformed address or number, else the server's. */
  private fieldError(error: ApiError, name: string, path: string): string {
    const issue = error.issues.find((candidate) => candidate.path === path || candidate.path.startsWith(`${path}/`));
    if (!issue) return '';
    const invalid = SETTINGS.find((setting) => setting.name === name)?.invalid;
    return invalid && (issue.code === 'body.format' || issue.code === 'body.pattern') ? this.t(invalid) : issue.message;
  }

  private async withdraw(deployment: Deployment): Promise<void> {
    this.confirmingWithdraw = null;
    try {
      const updated = await this.api.post<Deployment>(`/api/care/deployments/${seg(deployment.id)}/withdraw`);
      this.deployments = this.deployments.map((candidate) => (candidate.id === deployment.id ? updated : candidate));
      this.announcement = this.t('deploymentWithdrawn', { title: deployment.title });
    } catch (error) {
      this.error = this.describeError(error);
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.loadError) return html`<h1 tabindex="-1">${t('unitSettings')}</h1><p class="form-error" role="alert">${this.loadError}</p>`;
    const unit = this.unit;
    if (!unit) return html`<p role="status">${t('common.loading')}</p>`;
    const intakeChoices = this.deployments.filter((deployment) => deployment.kind === 'module' && deployment.status === 'active');
    return html`<p><a href="#/units">← ${t('unitsTitle')}</a></p>
      <h1 tabindex="-1">${unit.name}</h1>
      <form @submit=${this.save} novalidate>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
        <h2>${t('settingsContact')}</h2>
        <p class="hint">${t('settingsContactHint')}</p>
        ${SETTINGS.map((setting) => field(setting.name, t(setting.key), setting.type, 'off', this.fieldErrors[setting.name], { value: unit.settings[setting.name] ?? '' }))}
        <h2>${t('intakeTitle')}</h2>
        <label for="intake">${t('settingsIntake')}</label>
        <select id="intake" name="intake">
          <option value="" ?selected=${!unit.intake}>${t('settingsNoIntake')}</option>
          ${intakeChoices.map((deployment) => html`<option value=${deployment.id} ?selected=${unit.intake?.deploymentId === deployment.id}>${deployment.title} (${t('versionN', { n: deployment.version })})</option>`)}
        </select>
        ${unit.intake ? html`<p class="hint">${t('settingsIntakeLink')} <a href=${`/#/intake/${unit.id}`}>/#/intake/${unit.id}</a></p>` : null}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('save')}</button></div>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </form>
      <cl-version-updates .api=${this.api} .language=${this.language} unit-id=${unit.id} unit-name=${unit.name} @deployments-changed=${() => this.load()}></cl-version-updates>
      <h2>${t('deploymentsTitle')}</h2>
      ${this.deployments.length === 0 ? html`<p class="muted">${t('deploymentsNone')} <a href="#/catalog">${t('catalogTitle')}</a></p>` : null}
      <ul class="plain">${this.deployments.map((deployment) => html`<li class="card deployment" data-deployment=${deployment.id}>
        <strong>${deployment.title}</strong> · ${t('versionN', { n: deployment.version })} · ${t(deployment.kind === 'program' ? 'common.program' : 'common.module')}
        <p class="hint">${t('deployedAt', { time: formatDateTime(deployment.deployedAt, this.language) })} · ${t(deployment.status === 'active' ? 'deploymentActive' : 'deploymentWithdrawnState')}</p>
        ${deployment.status !== 'active'
          ? null
          : this.confirmingWithdraw === deployment.id
            ? html`<div class="confirm" role="group" aria-label=${t('deploymentWithdraw', { title: deployment.title })}>
                <p>${t('deploymentWithdrawConfirm', { title: deployment.title })}</p>
                <button type="button" class="danger" data-action="confirm-withdraw" @click=${() => this.withdraw(deployment)}>${t('deploymentWithdrawYes')}</button>
                <button type="button" @click=${() => (this.confirmingWithdraw = null)}>${t('common.cancel')}</button>
              </div>`
            : html`<button type="button" class="danger" data-action="withdraw" @click=${() => (this.confirmingWithdraw = deployment.id)}>${t('deploymentWithdraw', { title: deployment.title })}</button>`}
      </li>`)}</ul>`;
  }
}

if (!customElements.get('cl-unit-settings')) customElements.define('cl-unit-settings', ClUnitSettings);

declare global {
  interface HTMLElementTagNameMap {
    'cl-unit-settings': ClUnitSettings;
  }
}
