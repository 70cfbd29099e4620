import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { EnrollmentStatus, PatientNotice, PatientOutreach } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-patient-outreach>`: on the patient page, the therapist's "Send a reminder" (a fixed e-mail
 * in the patient's language that names nothing of their care, one a day) and the timeline of what
 * was e-mailed to the patient about this enrollment. Says so when the patient turned e-mail off.
 */
export class ClPatientOutreach extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollmentId: { attribute: 'enrollment-id' },
    status: {},
    accepted: { type: Boolean },
    outreach: { state: true },
    busy: { state: true },
    error: { state: true },
    sent: { state: true },
  };

  declare enrollmentId: string;
  declare status: EnrollmentStatus | '';
  /** Whether the patient has accepted the invitation (before that, a new invitation is the way to reach them). */
  declare accepted: boolean;
  declare outreach: PatientOutreach | null;
  declare busy: boolean;
  declare error: string | null;
  declare sent: boolean;

  constructor() {
    super();
    this.enrollmentId = '';
    this.status = '';
    this.accepted = false;
    this.outreach = null;
    this.busy = false;
    this.error = null;
    this.sent = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('enrollmentId') && this.enrollmentId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => this.api.get<PatientOutreach>(`/api/care/enrollments/${seg(this.enrollmentId)}/outreach`));
    if (loaded) this.outreach = loaded;
  }

  private async remind(): Promise<void> {
    this.busy = true;
    this.error = null;
    this.sent = false;
    try {
      this.outreach = await this.api.post<PatientOutreach>(`/api/care/enrollments/${seg(this.enrollmentId)}/reminders`, {});
      this.sent = true;
    } catch (error) {
      this.error = this.describeError(error);
      await this.load();
    } finally {
      this.busy = false;
    }
  }

  private describe(notice: PatientNotice): string {
    const t = this.t;
    if (notice.kind === 'reminder') return t('outreachKindReminder', { name: notice.sentByName ?? '' });
    return t(notice.kind === 'message' ? 'outreachKindMessage' : 'outreachKindMaterial');
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.loadError) return html`<p class="form-error" role="alert">${this.loadError}</p>`;
    const outreach = this.outreach;
    if (!outreach) return html`<p role="status">${t('common.loading')}</p>`;
    const canSend = this.accepted && this.status !== 'ended' && outreach.emailNotices && !outreach.reminderSentToday;
    return html`<p class="hint">${t('outreachIntro')}</p>
      ${outreach.emailNotices ? null : html`<p class="notices-off"><strong>${t('outreachOff')}</strong></p>`}
      ${this.accepted && this.status !== 'ended'
        ? html`<div class="actions">
            <button type="button" data-action="remind" ?disabled=${!canSend || this.busy} @click=${() => this.remind()}>${t('outreachSend')}</button>
          </div>`
        : null}
      <p class="status" role="status">${this.sent ? t('outreachSent') : outreach.reminderSentToday ? t('outreachSentToday') : ''}</p>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      <h3>${t('outreachHistory')}</h3>
      ${outreach.notices.length === 0
        ? html`<p class="muted">${t('outreachNone')}</p>`
        : html`<ul class="plain">${outreach.notices.map((notice) => html`<li class="card" data-notice=${notice.kind}>
            <strong>${this.describe(notice)}</strong>
            <p class="hint"><time datetime=${notice.sentAt}>${formatDateTime(notice.sentAt, this.language)}</time></p>
          </li>`)}</ul>`}`;
  }
}

if (!customElements.get('cl-patient-outreach')) customElements.define('cl-patient-outreach', ClPatientOutreach);

declare global {
  interface HTMLElementTagNameMap {
    'cl-patient-outreach': ClPatientOutreach;
  }
}
