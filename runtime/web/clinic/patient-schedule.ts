import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { EnrollmentStatus, PatientSchedule, ScheduleChangeBody } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

const STATE_KEY: Record<PatientSchedule['modules'][number]['state'], MessageKey> = { locked: 'stateLocked', unlocked: 'stateUnlocked', completed: 'stateCompleted' };

/**
 * `<cl-patient-schedule>`: one patient's schedule on their page. The therapist opens a module
 * early, hides or shows one, and sets the patient's own deadline for a report; a pause (the page's
 * Pause button) is shown with how far it moved the program. Every change names the revision it was
 * made on, so a colleague's change at the same time is not overwritten (the server answers 409 and
 * the schedule is loaded again). Reloads when the enrollment's `status` changes.
 */
export class ClPatientSchedule extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      td .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .hidden-module { color: var(--cl-muted); }
      .paused-notice { border-left: 4px solid currentColor; padding: 0.5rem 0.75rem; font-weight: 600; }
      form.deadline { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin-bottom: 0.75rem; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollmentId: { attribute: 'enrollment-id' },
    status: {},
    schedule: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare enrollmentId: string;
  declare status: EnrollmentStatus | '';
  declare schedule: PatientSchedule | null;
  declare error: string | null;
  declare notice: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.enrollmentId = '';
    this.status = '';
    this.schedule = null;
    this.error = null;
    this.notice = null;
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('enrollmentId') || changed.has('status')) && this.enrollmentId && this.api) void this.load();
  }

  protected override languageChanged(): Promise<void> {
    return this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => this.api.get<PatientSchedule>(`/api/care/enrollments/${seg(this.enrollmentId)}/schedule?lang=${encodeURIComponent(this.language)}`));
    if (loaded) this.schedule = loaded;
  }

  private async change(body: ScheduleChangeBody): Promise<void> {
    if (!this.schedule || this.busy) return;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      this.schedule = await this.api.post<PatientSchedule>(`/api/care/enrollments/${seg(this.enrollmentId)}/schedule/changes?lang=${encodeURIComponent(this.language)}`, { ...body, revision: this.schedule.revision });
      this.notice = this.t('schedSaved');
    } catch (error) {
      this.error = this.describeError(error);
      // A colleague's change came first: show what is stored now.
      await this.load();
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.loadError) return html`<p class="form-error" role="alert">${this.loadError}</p>`;
    const schedule = this.schedule;
    if (!schedule) return html`<p role="status">${t('common.loading')}</p>`;
    const open = schedule.status !== 'ended';
    return html`<p class="hint">${t('schedIntro')}</p>
      ${schedule.paused ? html`<p class="paused-notice" data-paused>${t('schedPaused')}</p>` : null}
      ${schedule.pausedDays > 0 ? html`<p data-paused-days>${t('schedPausedDays', { n: schedule.pausedDays })}</p>` : null}
      <div class="table-scroll"><table>
        <thead><tr><th scope="col">${t('schedModule')}</th><th scope="col">${t('schedOpens')}</th><th scope="col">${t('schedState')}</th><th scope="col"><span class="visually-hidden">${t('schedActions')}</span></th></tr></thead>
        <tbody>${schedule.modules.map((module) => html`<tr data-module-key=${module.key} class=${module.hidden ? 'hidden-module' : ''}>
          <th scope="row">${module.title}</th>
          <td>${module.earlyUnlockAt
            ? t('schedOpenedEarly', { time: formatDateTime(module.earlyUnlockAt, this.language) })
            : module.regularUnlockAt ? formatDateTime(module.regularUnlockAt, this.language) : t('schedAfterPrevious')}</td>
          <td>${module.hidden ? t('schedHidden') : t(STATE_KEY[module.state])}</td>
          <td>${open
            ? html`<div class="actions">
                ${module.state === 'locked' && !module.hidden
                  ? html`<button type="button" data-action="unlock" aria-label=${t('schedUnlockNowFor', { title: module.title })} ?disabled=${this.busy} @click=${() => this.change({ kind: 'unlockEarly', moduleKey: module.key })}>${t('schedUnlockNow')}</button>`
                  : null}
                ${module.hidden
                  ? html`<button type="button" data-action="show" aria-label=${t('schedShowFor', { title: module.title })} ?disabled=${this.busy} @click=${() => this.change({ kind: 'showModule', moduleKey: module.key })}>${t('schedShow')}</button>`
                  : module.state !== 'completed'
                    ? html`<button type="button" data-action="hide" aria-label=${t('schedHideFor', { title: module.title })} ?disabled=${this.busy} @click=${() => this.change({ kind: 'hideModule', moduleKey: module.key })}>${t('schedHide')}</button>`
                    : null}
              </div>`
            : null}</td>
        </tr>`)}</tbody>
      </table></div>
      ${schedule.registrations.length > 0 ? this.renderDeadlines(schedule, open) : null}
      <div aria-live="polite">${this.notice ? html`<p role="status" data-notice>${this.notice}</p>` : null}</div>
      ${this.error ? html`<p class="form-error" role="alert" data-error>${this.error}</p>` : null}`;
  }

  private renderDeadlines(schedule: PatientSchedule, open: boolean): TemplateResult {
    const t = this.t;
    return html`<h3>${t('schedDeadlines')}</h3>
      ${schedule.registrations.map((registration) => {
        const id = `deadline-${registration.id}`;
        const submit = (event: Event) => {
          event.preventDefault();
          const input = (event.currentTarget as HTMLFormElement).querySelector('input') as HTMLInputElement;
          void this.change({ kind: 'setDeadline', registrationId: registration.id, deadline: input.value || null });
        };
        return html`<form class="deadline" data-registration=${registration.id} @submit=${submit}>
          <div class="field">
            <label for=${id}>${t('schedOwnDeadline', { title: registration.title })}</label>
            <input id=${id} type="time" step="60" .value=${registration.personalDeadline ?? registration.deadline} ?disabled=${!open} aria-describedby=${`${id}-hint`} />
            <p class="hint" id=${`${id}-hint`}>${t('schedProgramDeadline', { time: registration.deadline, zone: schedule.timeZone })}</p>
          </div>
          ${open
            ? html`<button type="submit" ?disabled=${this.busy}>${t('schedSaveDeadline')}</button>
                ${registration.personalDeadline !== null
                  ? html`<button type="button" data-action="reset-deadline" ?disabled=${this.busy} @click=${() => this.change({ kind: 'setDeadline', registrationId: registration.id, deadline: null })}>${t('schedResetDeadline')}</button>`
                  : null}`
            : null}
        </form>`;
      })}`;
  }
}

if (!customElements.get('cl-patient-schedule')) customElements.define('cl-patient-schedule', ClPatientSchedule);

declare global {
  interface HTMLElementTagNameMap {
    'cl-patient-schedule': ClPatientSchedule;
  }
}
