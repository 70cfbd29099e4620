import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import { formatDateTime } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

interface Entry {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string | null; role: string | null } | null;
  unit: { id: string; name: string | null } | null;
  patientId: string | null;
}

interface Review {
  offCaseload: unknown[];
  outsideHours: unknown[];
  manyPatients: Array<{ actorId: string; actorName: string | null; day: string; patients: number }>;
}

/** The search's filters as a query string; empty fields are left out, dates become the start of that day (UTC). */
export function auditQuery(fields: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value.trim() !== '') query.set(key, value.trim());
  return query.toString();
}

/**
 * `<cl-data-screen>`: the data administrator's screen: search the audit log (patient, person,
 * action, period) page by page and download it as CSV, run the log review, and export or purge one
 * patient. The server audits every one of these.
 */
export class ClDataScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    organisationId: { attribute: 'organisation-id' },
    entries: { state: true },
    nextCursor: { state: true },
    filters: { state: true },
    review: { state: true },
    message: { state: true },
    error: { state: true },
    exportPatient: { state: true },
  };

  declare organisationId: string;
  declare entries: Entry[] | null;
  declare nextCursor: number | null;
  declare filters: Record<string, string>;
  declare review: Review | null;
  declare message: string;
  declare error: string;
  /** The patient id typed in the patient form, for the export links. */
  declare exportPatient: string;

  constructor() {
    super();
    this.organisationId = '';
    this.entries = null;
    this.nextCursor = null;
    this.filters = {};
    this.review = null;
    this.message = '';
    this.error = '';
    this.exportPatient = '';
  }

  private get base(): string {
    return `/api/data/providers/${seg(this.organisationId)}`;
  }

  private formFields(event: SubmitEvent): Record<string, string> {
    event.preventDefault();
    return Object.fromEntries([...new FormData(event.target as HTMLFormElement).entries()].map(([key, value]) => [key, String(value)]));
  }

  private async search(event: SubmitEvent): Promise<void> {
    this.filters = this.formFields(event);
    await this.page(undefined);
  }

  private async page(cursor: number | undefined): Promise<void> {
    const query = auditQuery({ ...this.filters, ...(cursor === undefined ? {} : { cursor: String(cursor) }) });
    const result = await this.guard(() => this.api.get<{ entries: Entry[]; nextCursor: number | null }>(`${this.base}/audit${query ? `?${query}` : ''}`));
    if (!result) return;
    this.entries = cursor === undefined ? result.entries : [...(this.entries ?? []), ...result.entries];
    this.nextCursor = result.nextCursor;
  }

  private async runReview(event: SubmitEvent): Promise<void> {
    const fields = this.formFields(event);
    const result = await this.guard(() => this.api.get<Review>(`${this.base}/audit/review?${auditQuery(fields)}`));
    if (result) this.review = result;
  }

  private async purge(event: SubmitEvent): Promise<void> {
    // Taken now: once the event is dispatched, its target is retargeted to this element.
    const form = event.target as HTMLFormElement;
    const fields = this.formFields(event);
    try {
      await this.api.post(`${this.base}/patients/${seg(fields['patientId'] ?? '')}/purge`, { reason: fields['reason'], confirm: fields['confirm'] });
      this.message = this.t('dataPurged');
      this.error = '';
      form.reset();
      this.exportPatient = '';
    } catch (error) {
      this.error = this.describeError(error);
      this.message = '';
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const query = auditQuery(this.filters);
    return html`<h1 tabindex="-1">${t('dataTitle')}</h1>
      <p>${t('dataIntro')}</p>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      <form class="card" data-form="search" @submit=${(event: SubmitEvent) => this.search(event)}>
        <h2>${t('dataSearch')}</h2>
        <label>${t('dataPatient')} <input name="patientId" autocomplete="off" /></label>
        <label>${t('dataPerson')} <input name="actorId" autocomplete="off" /></label>
        <label>${t('dataAction')} <input name="action" autocomplete="off" placeholder="patient.read" /></label>
        <label>${t('dataFrom')} <input type="date" name="from" /></label>
        <label>${t('dataUntil')} <input type="date" name="until" /></label>
        <button type="submit" class="primary">${t('dataSearchButton')}</button>
        <a class="button" href=${`${this.base}/audit/export${query ? `?${query}` : ''}`} download>${t('dataCsv')}</a>
      </form>
      ${this.entries?.length === 0 ? html`<p class="muted">${t('dataNone')}</p>` : null}
      ${this.entries && this.entries.length > 0
        ? html`<table class="entries"><caption>${t('dataSearch')}</caption><thead><tr><th scope="col">${t('dataWhen')}</th><th scope="col">${t('dataAction')}</th><th scope="col">${t('dataPerson')}</th><th scope="col">${t('dataUnit')}</th><th scope="col">${t('dataPatient')}</th></tr></thead>
            <tbody>${this.entries.map((entry) => html`<tr data-entry=${entry.id}><td><time datetime=${entry.at}>${formatDateTime(entry.at, this.language)}</time></td><td>${entry.action}</td><td>${entry.actor ? `${entry.actor.name ?? entry.actor.id} (${entry.actor.role ?? ''})` : ''}</td><td>${entry.unit?.name ?? ''}</td><td>${entry.patientId ?? ''}</td></tr>`)}</tbody></table>
            ${this.nextCursor !== null ? html`<button type="button" data-action="more" @click=${() => this.page(this.nextCursor ?? undefined)}>${t('dataMore')}</button>` : null}`
        : null}
      <form class="card" data-form="review" @submit=${(event: SubmitEvent) => this.runReview(event)}>
        <h2>${t('dataReview')}</h2>
        <label>${t('dataFrom')} <input type="date" name="from" required /></label>
        <label>${t('dataUntil')} <input type="date" name="until" required /></label>
        <button type="submit">${t('dataReviewButton')}</button>
      </form>
      ${this.review
        ? html`<ul class="plain review">
            <li data-review="off-caseload">${t('dataOffCaseload', { n: this.review.offCaseload.length })}</li>
            <li data-review="outside-hours">${t('dataOutsideHours', { n: this.review.outsideHours.length })}</li>
            ${this.review.manyPatients.map((day) => html`<li data-review="many">${t('dataManyPatients', { name: day.actorName ?? day.actorId, day: day.day, n: day.patients })}</li>`)}
          </ul>`
        : null}
      <form class="card" data-form="purge" @submit=${(event: SubmitEvent) => this.purge(event)}>
        <h2>${t('dataPatientTitle')}</h2>
        <label>${t('dataPatient')} <input name="patientId" required autocomplete="off" @input=${(event: Event) => (this.exportPatient = (event.target as HTMLInputElement).value.trim())} /></label>
        <p>${t('dataExportHint')}</p>
        ${this.exportPatient
          ? html`<p class="actions"><a class="button" data-export="json" href=${`${this.base}/patients/${seg(this.exportPatient)}/export?format=json`} download>${t('dataExportJson')}</a>
              <a class="button" data-export="csv" href=${`${this.base}/patients/${seg(this.exportPatient)}/export?format=csv`} download>${t('dataExportCsv')}</a>
              <a class="button" data-export="fhir" href=${`${this.base}/patients/${seg(this.exportPatient)}/export?format=fhir`} download>${t('dataExportFhir')}</a></p>`
          : null}
        <label>${t('dataReason')} <select name="reason"><option value="request">${t('dataReasonRequest')}</option><option value="retention">${t('dataReasonRetention')}</option></select></label>
        <label>${t('dataConfirm')} <input name="confirm" required autocomplete="off" /></label>
        <button type="submit">${t('dataPurge')}</button>
        ${this.message ? html`<p role="status">${this.message}</p>` : null}
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      </form>`;
  }
}

if (!customElements.get('cl-data-screen')) customElements.define('cl-data-screen', ClDataScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-data-screen': ClDataScreen;
  }
}
