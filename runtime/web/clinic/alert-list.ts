import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { Alert } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';
import { alertText } from './alert-text.js';

const SEVERITY_KEY: Record<string, MessageKey> = { urgent: 'common.levelUrgent', warning: 'common.levelWarning', info: 'severityInfo' };

/**
 * `<cl-alert-list>`: alerts with an Acknowledge button each. Acknowledging is recorded (and audited)
 * by the server; the alert then shows who acknowledged it and when.
 *
 * @fires alert-acknowledged - `CustomEvent<Alert>` after the server accepted an acknowledgement
 */
export class ClAlertList extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    alerts: { attribute: false },
    showPatient: { type: Boolean, attribute: 'show-patient' },
    errors: { state: true },
    announcement: { state: true },
  };

  declare alerts: Alert[];
  declare showPatient: boolean;
  declare errors: Record<string, string>;
  declare announcement: string;

  constructor() {
    super();
    this.alerts = [];
    this.showPatient = false;
    this.errors = {};
    this.announcement = '';
  }

  private async acknowledge(alert: Alert): Promise<void> {
    try {
      const updated = await this.api.post<Alert>(`/api/care/alerts/${seg(alert.id)}/acknowledge`);
      this.alerts = this.alerts.map((candidate) => (candidate.id === alert.id ? { ...candidate, ...updated } : candidate));
      this.announcement = this.t('alertAcknowledged');
      this.dispatchEvent(new CustomEvent<Alert>('alert-acknowledged', { detail: updated, bubbles: true, composed: true }));
    } catch (error) {
      this.errors = { ...this.errors, [alert.id]: this.describeError(error) };
    }
  }

  private renderText(alert: Alert): TemplateResult {
    const worded = alertText(alert, this.language, this.t);
    return html`<p class="alert-message">${worded.text}</p>
      ${worded.details.map((line) => html`<p class="hint alert-detail">${line}</p>`)}`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const open = this.alerts.filter((alert) => !alert.acknowledgedAt);
    return html`${open.length === 0 ? html`<p class="muted">${t('alertsNone')}</p>` : null}
      <ul class="plain">
        ${[...this.alerts].sort((left, right) => Number(Boolean(left.acknowledgedAt)) - Number(Boolean(right.acknowledgedAt)) || right.createdAt.localeCompare(left.createdAt)).map((alert) => html`
          <li class="card alert ${alert.acknowledgedAt ? '' : alert.severity === 'urgent' ? 'zone-red' : 'zone-yellow'}" data-alert=${alert.id}>
            <p><strong>${t(SEVERITY_KEY[alert.severity] ?? 'severityInfo')}</strong>${this.showPatient ? html` · ${alert.patient.name}` : null}
              · <time datetime=${alert.createdAt}>${formatDateTime(alert.createdAt, this.language)}</time></p>
            ${this.renderText(alert)}
            ${alert.acknowledgedAt
              ? html`<p class="hint acknowledged">${t('alertAcknowledgedBy', { name: alert.acknowledgedBy ?? '', time: formatDateTime(alert.acknowledgedAt, this.language) })}</p>`
              : html`<button type="button" class="primary" data-action="acknowledge" @click=${() => this.acknowledge(alert)}>${t('alertAcknowledge')}</button>`}
            ${this.errors[alert.id] ? html`<p class="field-error" role="alert">${this.errors[alert.id]}</p>` : null}
          </li>`)}
      </ul>
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }
}

if (!customElements.get('cl-alert-list')) customElements.define('cl-alert-list', ClAlertList);

declare global {
  interface HTMLElementTagNameMap {
    'cl-alert-list': ClAlertList;
  }
}
