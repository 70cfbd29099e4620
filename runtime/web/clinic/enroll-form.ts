import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { seg, ApiError } from '@careloom/client/api';
import type { Deployment, PatientInvitation } from '@careloom/format/api';
import { localize } from '@careloom/format/engine';
import './invitation-card.js';
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
    unitName: { attribute: 'unit-name' },
    deployments: { state: true },
    deploymentId: { state: true },
    invitation: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare unitId: string;
  declare unitName: string;
  declare deployments: Deployment[] | null;
  /** The program chosen in the form: its languages are the ones offered for the patient. */
  declare deploymentId: string;
  declare invitation: (PatientInvitation & { name: string; language: string }) | null;
  declare fieldErrors: Record<string, string>;
  declare error: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.unitId = '';
    this.unitName = '';
    this.deployments = null;
    this.deploymentId = '';
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
      ...(data.get('language') ? { language: String(data.get('language')) } : {}),
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
      const result = await this.api.post<{ invitation: PatientInvitation; enrollment: { language?: string } }>(`/api/care/units/${seg(this.unitId)}/enrollments`, body);
      const deployment = this.deployments?.find((candidate) => candidate.id === body.deploymentId);
      this.invitation = { ...result.invitation, name: body.patient.name, language: result.enrollment.language ?? deployment?.languages?.[0] ?? 'en' };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.invitation h2')?.focus());
    } catch (error) {
      if (error instanceof ApiError) {
        this.fieldErrors = Object.fromEntries(
          [['deploymentId', '/deploymentId'], ['name', '/patient/name'], ['email', '/patient/email'], ['startsOn', '/startsOn'], ['language', '/language']]
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
          <p data-mailed-in>${t('enrollMailedIn', { language: languageName(invitation.language, this.language) })}</p>
          <cl-invitation-card .api=${this.api} .language=${this.language} .invitation=${invitation} patient-language=${invitation.language} unit-name=${this.unitName}></cl-invitation-card>
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
        <select id="deploymentId" name="deploymentId" @change=${(event: Event) => (this.deploymentId = (event.target as HTMLSelectElement).value)} aria-invalid=${errorOf('deploymentId') ? 'true' : 'false'} aria-describedby=${ifDefined(errorOf('deploymentId') ? 'deploymentId-error' : undefined)}>
          <option value="">${t('common.choose')}</option>
          ${(this.deployments ?? []).map((deployment) => html`<option value=${deployment.id}>${localize(deployment.titles, this.language, deployment.languages?.[0] ?? this.language) || deployment.title} (${t('versionN', { n: deployment.version })})</option>`)}
        </select>
        ${errorOf('deploymentId') ? html`<p class="field-error" id="deploymentId-error">${errorOf('deploymentId')}</p>` : null}
        ${this.renderLanguage(errorOf('language'))}
        ${field('name', t('patientName'), 'text', 'off', errorOf('name'))}
        ${field('email', t('email'), 'email', 'off', errorOf('email'))}
        ${field('startsOn', t('enrollStartsOn'), 'date', 'off', errorOf('startsOn'), { hint: t('enrollStartsOnHint'), ...startWindow(new Date()) })}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('enrollSubmit')}</button></div>
      </form>`;
  }

  /** The patient's language: the languages the chosen program is written in, its default first and chosen. */
  private renderLanguage(error: string | undefined): TemplateResult | null {
    const deployment = this.deployments?.find((candidate) => candidate.id === this.deploymentId);
    const languages = deployment?.languages ?? [];
    if (languages.length === 0) return null;
    return html`<label for="language">${this.t('enrollLanguage')}</label>
      <p class="hint" id="language-hint">${this.t('enrollLanguageHint')}</p>
      <select id="language" name="language" aria-describedby=${error ? 'language-hint language-error' : 'language-hint'} aria-invalid=${error ? 'true' : 'false'}>
        ${languages.map((language, index) => html`<option value=${language} ?selected=${index === 0}>${languageName(language, this.language)}</option>`)}
      </select>
      ${error ? html`<p class="field-error" id="language-error">${error}</p>` : null}`;
  }
}

/** A language's name in the interface language ('Swedish', 'svenska'); the tag itself if the browser has no name for it. */
export function languageName(tag: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
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
