import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { LatestScore, PatientRow } from '@careloom/format/api';
import { hashOf } from '@careloom/client/router';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';
import { triage } from './triage.js';

export const STATUS_KEY: Record<PatientRow['status'], MessageKey> = {
  invited: 'statusInvited',
  active: 'statusActive',
  paused: 'statusPaused',
  ended: 'statusEnded',
};

/** `<cl-patient-list>`: the unit's patients, most in need of attention first, with what needs it as worded badges. */
export class ClPatientList extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .row { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; }
      .row a.name { font-weight: 700; font-size: 1.0625rem; display: inline-block; min-height: 44px; padding-top: 0.5rem; }
      .badges { display: flex; flex-wrap: wrap; gap: 0.375rem; align-items: center; }
      .score { margin: 0.25rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; align-items: baseline; }
      .score .total { font-weight: 700; }
      .trend { font-size: 0.875rem; padding: 0 0.375rem; border-radius: 0.25rem; }
      .trend.worse { background: var(--cl-yellow-bg); color: var(--cl-yellow); }
      .trend.better { background: var(--cl-green-bg); color: var(--cl-green); }
    `,
  ];

  static override properties: PropertyDeclarations = { ...ScreenElement.properties, unitId: { attribute: 'unit-id' }, patients: { state: true }, mine: { state: true } };

  declare unitId: string;
  declare patients: PatientRow[] | null;
  /** Only the patients the therapist is responsible for, or the whole unit (the same triage order either way). */
  declare mine: boolean;

  constructor() {
    super();
    this.unitId = '';
    this.patients = null;
    this.mine = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('unitId') || changed.has('mine')) && this.unitId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<{ patients: PatientRow[] }>(`/api/care/units/${seg(this.unitId)}/patients${this.mine ? '?mine=true' : ''}`));
    if (result) this.patients = triage(result.patients);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('clinicPatients')}</h1>
      <div class="actions"><a class="button primary" href=${hashOf('enroll')}>${t('enrollTitle')}</a>
        <button type="button" data-filter="mine" aria-pressed=${this.mine ? 'true' : 'false'} @click=${() => (this.mine = true)}>${t('patientsMine')}</button>
        <button type="button" data-filter="unit" aria-pressed=${this.mine ? 'false' : 'true'} @click=${() => (this.mine = false)}>${t('patientsWholeUnit')}</button></div>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.patients === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.patients?.length === 0 ? html`<p class="muted">${t('patientsNone')}</p>` : null}
      <ol class="plain" aria-label=${t('patientsOrder')}>
        ${(this.patients ?? []).map((row) => html`<li class="card patient" data-enrollment=${row.enrollmentId}>
          <div class="row">
            <a class="name" href=${hashOf('patients', row.enrollmentId)}>${row.patient.name}</a>
            <span class="badges">
              ${row.openAlerts > 0 ? html`<span class="badge" data-badge="alerts">${t('badgeAlerts', { n: row.openAlerts })}</span>` : null}
              ${row.unreadMessages > 0 ? html`<span class="badge warning" data-badge="unread">${t('badgeUnread', { n: row.unreadMessages })}</span>` : null}
              ${row.overdueReports > 0 ? html`<span class="badge warning" data-badge="overdue">${t('badgeOverdue', { n: row.overdueReports })}</span>` : null}
              ${row.status !== 'active' ? html`<span class="badge neutral">${t(STATUS_KEY[row.status])}</span>` : null}
            </span>
          </div>
          ${row.latestScore ? this.renderScore(row.latestScore) : null}
          <p class="hint">${row.title} · ${row.lastActivityAt ? t('lastActive', { time: formatDateTime(row.lastActivityAt, this.language) }) : t('neverActive')}</p>
          ${row.problem ? html`<p class="form-error" data-problem=${row.problem.code}>${t(row.problem.code === 'enrollment.start_out_of_range' ? 'patientStartOutOfRange' : 'patientScheduleProblem')}</p>` : null}
        </li>`)}
      </ol>`;
  }

  /** The latest score, its band and which way it moved, in words (the arrow only repeats them). */
  private renderScore(score: LatestScore): TemplateResult {
    const t = this.t;
    const total = formatNumber(score.total, this.language);
    const previous = score.previous === null ? '' : formatNumber(score.previous, this.language);
    const trend = TREND[score.trend ?? 'first'];
    return html`<p class="score" data-latest-score>
      <span class="total">${score.max === undefined ? t('latestScoreNoMax', { title: score.title, total }) : t('latestScore', { title: score.title, total, max: formatNumber(score.max, this.language) })}</span>
      ${score.bandLabel ? html`<span data-band>${score.bandLabel}</span>` : null}
      <span class="trend ${score.trend ?? 'first'}" data-trend=${score.trend ?? 'first'}><span aria-hidden="true">${trend.arrow} </span>${t(trend.key, { previous })}</span>
      <span class="hint">${t('latestScoreOn', { date: formatDate(score.at, this.language) })}</span>
    </p>`;
  }
}

const TREND: Record<NonNullable<LatestScore['trend']> | 'first', { key: MessageKey; arrow: string }> = {
  first: { key: 'trendFirst', arrow: '•' },
  better: { key: 'trendBetter', arrow: '↘' },
  worse: { key: 'trendWorse', arrow: '↗' },
  unchanged: { key: 'trendUnchanged', arrow: '→' },
  up: { key: 'trendUp', arrow: '↑' },
  down: { key: 'trendDown', arrow: '↓' },
};

if (!customElements.get('cl-patient-list')) customElements.define('cl-patient-list', ClPatientList);

declare global {
  interface HTMLElementTagNameMap {
    'cl-patient-list': ClPatientList;
  }
}
