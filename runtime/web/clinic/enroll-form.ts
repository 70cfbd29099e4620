import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { seg, ApiError } from '@careloom/client/api';
import type { Deployment, PatientInvitation } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import { field } from '../shared/login-form.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-enroll-form>`: enrolls a new patient in one of the unit's active deployments and shows the
 * invitation (code and link) to hand over.
 */
export class ClEnrollForm extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    unitId: { attribute: 'unit-id' },
    deployments: { state: true },
    invitation: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare unitId: string;
  declare deployments: Deployment[] | null;
  declare invitation: (PatientInvitation & { name: string }) | null;
  declare fieldErrors: Record<string, string>;
  declare error: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.unitId = '';
    this.deployments = null;
    this.invitation = null;
    this.fieldErrors = {};
    this.error = null;
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<{ deployments: Deployment[] }>(`/api/care/units/${seg(this.unitId)}/deployments`));
    if (result) this.deployments = result.deployments.filter((deployment) => deployment.status === 'active');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = {
      deploymentId: String(data.get('deploymentId') ?? ''),
      patient: { name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim() },
      ...(data.get('startsOn') ? { startsOn: String(data.get('startsOn')) } : {}),
    };
    const errors: Record<string, string> = {};
    if (!body.deploymentId) errors.deploymentId = this.t('fieldRequired');
    if (!body.patient.name) errors.name = this.t('fieldRequired');
    if (!/^[^\s@]+@[^\s@]+$/.test(body.patient.email)) errors.email = this.t('emailInvalid');
    this.fieldErrors = errors;
    this.error = null;
    if (Object.keys(errors).length > 0) return;
    this.busy = true;
    try {
      const result = await this.api.post<{ invitation: PatientInvitation }>(`/api/care/units/${seg(this.unitId)}/enrollments`, body);
      this.invitation = { ...result.invitation, name: body.patient.name };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.invitation h2')?.focus());
    } catch (error) {
      if (error instanceof ApiError) {
        this.fieldErrors = Object.fromEntries(
          [['deploymentId', '/deploymentId'], ['name', '/patient/name'], ['email', '/patient/email'], ['startsOn', '/startsOn']]
            .map(([name, path]) => [name, error.issueAt(path!) ?? ''])
            .filter(([, message]) => message),
        );
      }
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.invitation) {
      const invitation = this.invitation;
      return html`<h1 tabindex="-1">${t('enrollTitle')}</h1>
        <section class="card invitation" aria-labelledby="invitation-heading">
          <h2 id="invitation-heading" tabindex="-1">${t('enrollDone', { name: invitation.name })}</h2>
          <p>${t('enrollHandOver')}</p>
          <dl class="facts">
            <dt>${t('inviteCode')}</dt><dd><code class="code">${invitation.code}</code></dd>
            <dt>${t('common.link')}</dt><dd><a class="url" href=${invitation.url}>${invitation.url}</a></dd>
            <dt>${t('enrollExpires')}</dt><dd>${formatDateTime(invitation.expiresAt, this.language)}</dd>
          </dl>
        </section>
        <div class="actions">
          <button type="button" @click=${() => (this.invitation = null)}>${t('enrollAnother')}</button>
          <a class="button" href="#/patients">${t('clinicPatients')}</a>
        </div>`;
    }
    const errorOf = (name: string) => this.fieldErrors[name];
    return html`<h1 tabindex="-1">${t('enrollTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      <form @submit=${this.submit} novalidate>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
        <label for="deploymentId">${t('common.program')}</label>
        <select id="deploymentId" name="deploymentId" aria-invalid=${errorOf('deploymentId') ? 'true' : 'false'} aria-describedby=${ifDefined(errorOf('deploymentId') ? 'deploymentId-error' : undefined)}>
          <option value="">${t('common.choose')}</option>
          ${(this.deployments ?? []).map((deployment) => html`<option value=${deployment.id}>${deployment.title} (${t('versionN', { n: deployment.version })})</option>`)}
        </select>
        ${errorOf('deploymentId') ? html`<p class="field-error" id="deploymentId-error">${errorOf('deploymentId')}</p>` : null}
        ${field('name', t('patientName'), 'text', 'off', errorOf('name'))}
        ${field('email', t('email'), 'email', 'off', errorOf('email'))}
        ${field('startsOn', t('enrollStartsOn'), 'date', 'off', errorOf('startsOn'), { hint: t('enrollStartsOnHint'), ...startWindow(new Date()) })}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('enrollSubmit')}</button></div>
      </form>`;
  }
}

if (!customElements.get('cl-enroll-form')) customElements.define('cl-enroll-form', ClEnrollForm);

declare global {
  interface HTMLElementTagNameMap {
    'cl-enroll-form': ClEnrollForm;
  }
}

/**
 * The date picker offers what the server accepts: a start within a year either side of today (the
 * server decides on its own clock; this only keeps the picker from offering year 9999).
 */
export function startWindow(today: Date): { min: string; max: string } {
  const shift = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return { min: shift(-365), max: shift(365) };
}
