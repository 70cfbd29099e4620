import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { Charts, EnrollmentDetail, EnrollmentStatus, StoredResponse, Zone } from '@careloom/format/api';
import { formatDate, formatDateTime } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';
import '../shared/charts-view.js';
import '../shared/message-thread.js';
import './alert-list.js';
import './plan-editor.js';
import './invitation-card.js';
import './patient-schedule.js';
import './patient-version.js';
import './patient-outreach.js';
import { attemptAsResponse, groupAttempts } from './answer-attempts.js';
import type { AnswerAttempt } from './answer-attempts.js';
import { labelResponse } from './answer-labels.js';
import type { LabelledModule } from './answer-labels.js';
import { modulesOfResponses, versionKey } from './module-versions.js';
import { STATUS_KEY } from './patient-list.js';

const MODULE_STATE_KEY: Record<string, MessageKey> = { locked: 'stateLocked', unlocked: 'stateUnlocked', in_progress: 'stateInProgress', completed: 'stateCompleted' };

const ZONE_KEY: Record<Zone, MessageKey> = { green: 'zoneGreen', yellow: 'zoneYellow', red: 'zoneRed' };

/**
 * `<cl-patient-page>`: one enrollment as the therapist follows it: open alerts to acknowledge,
 * progress through the program, score and registration charts, every answer, the message thread,
 * the patient's plan thresholds, their own schedule (`patient-schedule.ts`), the program version they are on and moving them to a newer one (`patient-version.ts`), reminders and what was e-mailed (`patient-outreach.ts`), and pausing or ending the enrollment.
 */
export class ClPatientPage extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      section { margin-top: 1.5rem; }
      .status-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      details.item-history summary { font-weight: 400; color: var(--cl-muted); cursor: pointer; min-height: 44px; display: flex; align-items: center; }
      details.item-history ol { margin: 0.25rem 0; padding-left: 1.25rem; }
      details.response summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; font-weight: 600; }
      tr.group th { text-align: start; padding-top: 0.75rem; }
      tbody + tbody { border-top: 2px solid currentColor; }
      .answer-zone { font-weight: 600; white-space: nowrap; padding: 0 0.25rem; border-radius: 4px; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollmentId: { attribute: 'enrollment-id' },
    detail: { state: true },
    charts: { state: true },
    responses: { state: true },
    modules: { state: true },
    confirmEnd: { state: true },
    statusError: { state: true },
  };

  declare enrollmentId: string;
  declare detail: EnrollmentDetail | null;
  declare charts: Charts | null;
  declare responses: StoredResponse[] | null;
  /** The module versions the responses answered, by `versionKey`, to show them in words. */
  declare modules: Map<string, LabelledModule>;
  declare confirmEnd: boolean;
  declare statusError: string | null;

  constructor() {
    super();
    this.enrollmentId = '';
    this.detail = null;
    this.charts = null;
    this.responses = null;
    this.modules = new Map();
    this.confirmEnd = false;
    this.statusError = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('enrollmentId') && this.enrollmentId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const base = `/api/care/enrollments/${seg(this.enrollmentId)}`;
    const loaded = await this.guard(() =>
      Promise.all([this.api.get<EnrollmentDetail>(base), this.api.get<Charts>(`${base}/charts`), this.api.get<{ responses: StoredResponse[] }>(`${base}/responses`)]),
    );
    if (!loaded) return;
    [this.detail, this.charts] = loaded;
    const responses = [...loaded[2].responses].sort((left, right) => right.answeredAt.localeCompare(left.answeredAt));
    // Each version once (kept for the session), before the list shows, so ids never flash by.
    this.modules = await modulesOfResponses(this.api, this.enrollmentId, responses);
    this.responses = responses;
  }

  /** After a move to a newer version: the program and the schedule are the newer version's. */
  private async versionMoved(): Promise<void> {
    await this.load();
    await this.renderRoot.querySelector('cl-patient-schedule')?.load();
  }

  private async setStatus(status: EnrollmentStatus): Promise<void> {
    this.statusError = null;
    try {
      const enrollment = await this.api.patch<{ status: EnrollmentStatus }>(`/api/care/enrollments/${seg(this.enrollmentId)}`, { status });
      if (this.detail) this.detail = { ...this.detail, enrollment: { ...this.detail.enrollment, status: enrollment.status } };
      this.confirmEnd = false;
    } catch (error) {
      this.statusError = this.describeError(error);
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.loadError) return html`<h1 tabindex="-1">${t('patientTitle')}</h1><p class="form-error" role="alert">${this.loadError}</p><p><a href="#/patients">${t('clinicPatients')}</a></p>`;
    const detail = this.detail;
    if (!detail) return html`<p role="status">${t('common.loading')}</p>`;
    const base = `/api/care/enrollments/${seg(this.enrollmentId)}`;
    return html`<p><a href="#/patients">← ${t('clinicPatients')}</a></p>
      <h1 tabindex="-1">${detail.patient.name}</h1>
      <p>${detail.program.title} · ${t('programWeek', { week: detail.program.week })} · <span class="enrollment-status">${t(STATUS_KEY[detail.enrollment.status])}</span></p>
      ${this.renderStatusActions(detail.enrollment.status)}
      ${detail.enrollment.acceptedAt === null && detail.enrollment.status !== 'ended'
        ? html`<section aria-labelledby="invitation-heading">
            <h2 id="invitation-heading">${t('invitationTitle')}</h2>
            <p>${t('invitationPending')}</p>
            <cl-invitation-card .api=${this.api} .language=${this.language} can-resend enrollment-id=${this.enrollmentId}
              patient-language=${detail.enrollment.language ?? ''} unit-name=${detail.unit.name}></cl-invitation-card>
          </section>`
        : null}

      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">${t('alertsTitle')}</h2>
        <cl-alert-list .api=${this.api} .language=${this.language} .alerts=${detail.alerts}></cl-alert-list>
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">${t('progressTitle')}</h2>
        <ul class="plain">${detail.program.modules.map((module) => html`<li class="card" data-module=${module.moduleId}>
          <strong>${module.title}</strong> · ${t(MODULE_STATE_KEY[module.state] ?? 'stateLocked')}${module.completedAt ? ` · ${formatDateTime(module.completedAt, this.language)}` : ''}
        </li>`)}</ul>
        ${detail.due.length > 0 ? html`<h3>${t('todayDue')}</h3><ul>${detail.due.map((item) => html`<li>${item.title}${item.overdue ? html` · <strong>${t('overdue')}</strong>` : ''}</li>`)}</ul>` : null}
      </section>

      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">${t('schedTitle')}</h2>
        <cl-patient-schedule .api=${this.api} .language=${this.language} enrollment-id=${this.enrollmentId} status=${detail.enrollment.status}></cl-patient-schedule>
      </section>
      <section aria-labelledby="version-heading">
        <h2 id="version-heading">${t('verPatientTitle')}</h2>
        <cl-patient-version .api=${this.api} .language=${this.language} enrollment-id=${this.enrollmentId} @version-moved=${() => this.versionMoved()}></cl-patient-version>
      </section>

      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">${t('navCharts')}</h2>
        <cl-charts-view .language=${this.language} .charts=${this.charts} heading-level="3"></cl-charts-view>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">${t('navMessages')}</h2>
        <cl-message-thread .api=${this.api} .language=${this.language} side="therapist" base=${base}></cl-message-thread>
      </section>

      <section aria-labelledby="outreach-heading">
        <h2 id="outreach-heading">${t('outreachTitle')}</h2>
        <cl-patient-outreach .api=${this.api} .language=${this.language} enrollment-id=${this.enrollmentId} status=${detail.enrollment.status} ?accepted=${detail.enrollment.acceptedAt !== null}></cl-patient-outreach>
      </section>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">${t('common.answers')}</h2>
        ${this.renderResponses()}
      </section>

      ${detail.plans.length > 0
        ? html`<section aria-labelledby="plans-heading">
            <h2 id="plans-heading">${t('plansTitle')}</h2>
            <p class="hint">${t('plansIntro')}</p>
            ${detail.plans.map((plan) => html`<cl-plan-editor .api=${this.api} .language=${this.language} enrollment-id=${this.enrollmentId} .plan=${plan}></cl-plan-editor>`)}
          </section>`
        : null}`;
  }

  private renderStatusActions(status: EnrollmentStatus): TemplateResult {
    const t = this.t;
    return html`<div class="status-actions">
      ${status === 'active' ? html`<button type="button" data-action="pause" @click=${() => this.setStatus('paused')}>${t('enrollmentPause')}</button>` : null}
      ${status === 'paused' ? html`<button type="button" data-action="resume" @click=${() => this.setStatus('active')}>${t('enrollmentResume')}</button>` : null}
      ${status !== 'ended'
        ? this.confirmEnd
          ? html`<span>${t('enrollmentEndConfirm')}</span>
              <button type="button" class="danger" data-action="confirm-end" @click=${() => this.setStatus('ended')}>${t('enrollmentEndYes')}</button>
              <button type="button" @click=${() => (this.confirmEnd = false)}>${t('common.cancel')}</button>`
          : html`<button type="button" class="danger" data-action="end" @click=${() => (this.confirmEnd = true)}>${t('enrollmentEnd')}</button>`
        : null}
      ${this.statusError ? html`<p class="field-error" role="alert">${this.statusError}</p>` : null}
    </div>`;
  }

  private renderResponses(): TemplateResult {
    const t = this.t;
    if (this.responses === null) return html`<p role="status">${t('common.loading')}</p>`;
    const attempts = groupAttempts(this.responses);
    if (attempts.length === 0) return html`<p class="muted">${t('answersNone')}</p>`;
    return html`<ul class="plain">${attempts.map((attempt) => this.renderAttempt(attempt))}</ul>`;
  }

  /** One attempt: its final answers, its score and band; an item answered more than once opens its history. */
  private renderAttempt(attempt: AnswerAttempt): TemplateResult {
    const t = this.t;
    const loaded = this.modules.get(versionKey(attempt.moduleId, attempt.moduleVersion));
    const response = attemptAsResponse(attempt);
    const view = labelResponse(response, loaded, this.language, t);
    const state = attempt.registrationId ? null : attempt.completed ? t('stateCompleted') : t('stateInProgress');
    const summary = [view.title, view.registration, formatDateTime(attempt.answeredAt, this.language), ...view.scores, view.zone ? t(ZONE_KEY[view.zone]) : null, state];
    const historyOf = (itemId: string) =>
      (attempt.history[itemId] ?? []).map((entry) => ({
        at: entry.answeredAt,
        answer: labelResponse({ ...response, answers: { [itemId]: entry.value }, scores: [], zones: [] }, loaded, this.language, t).groups[0]?.rows[0]?.answer ?? '–',
      }));
    return html`<li class="card" data-response=${attempt.id} data-attempt=${attempt.completed ? 'completed' : 'in-progress'}>
      <details class="response">
        <summary>${summary.filter((part) => part).join(' · ')}</summary>
        ${view.labelled ? null : html`<p class="hint">${t('answersUnlabelled')}</p>`}
        ${view.groups.length > 0
          ? html`<div class="table-scroll"><table>
              <thead><tr><th scope="col">${t('common.question')}</th><th scope="col">${t('answersValue')}</th></tr></thead>
              ${view.groups.map((group) => html`<tbody>${group.heading ? html`<tr class="group"><th colspan="2">${group.heading}</th></tr>` : null}${group.rows.map((row) => {
                const history = historyOf(row.itemId);
                return html`<tr data-item=${row.itemId}>
                  <td>${row.question}</td>
                  <td>${row.answer}${row.zone ? html` <span class="answer-zone zone-${row.zone}">${t(ZONE_KEY[row.zone])}</span>` : null}
                    ${history.length > 1
                      ? html`<details class="item-history"><summary>${t('answersHistory', { n: history.length })}</summary>
                          <ol>${history.map((entry) => html`<li><time datetime=${entry.at}>${formatDateTime(entry.at, this.language)}</time>: ${entry.answer}</li>`)}</ol>
                        </details>`
                      : null}</td>
                </tr>`;
              })}</tbody>`)}
            </table></div>`
          : html`<p class="muted">${t('answersNoneInAttempt')}</p>`}
        <p class="hint">${t('answersReceived', { time: formatDateTime(attempt.receivedAt, this.language), day: formatDate(attempt.answeredAt, this.language) })}</p>
      </details>
    </li>`;
  }
}

if (!customElements.get('cl-patient-page')) customElements.define('cl-patient-page', ClPatientPage);

declare global {
  interface HTMLElementTagNameMap {
    'cl-patient-page': ClPatientPage;
  }
}
