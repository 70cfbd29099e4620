import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { Alert, AlertAction } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';
import { alertText } from './alert-text.js';

const SEVERITY_KEY: Record<string, MessageKey> = { urgent: 'severityUrgent', warning: 'severityWarning', info: 'severityInfo' };
const ACTION_KEY: Record<AlertAction['kind'], MessageKey> = { contacted: 'alertActionContacted', risk_assessed: 'alertActionRiskAssessed', referred: 'alertActionReferred', other: 'alertActionOther' };
const ACTION_KINDS = Object.keys(ACTION_KEY) as Array<AlertAction['kind']>;

/** Open alerts first, those with a response deadline soonest first (so overdue ones lead), then newest first. */
function inboxOrder(left: Alert, right: Alert): number {
  const openFirst = Number(Boolean(left.acknowledgedAt)) - Number(Boolean(right.acknowledgedAt));
  if (openFirst !== 0) return openFirst;
  if (!left.acknowledgedAt && (left.respondBy || right.respondBy)) {
    if (left.respondBy && right.respondBy) return left.respondBy.localeCompare(right.respondBy);
    return left.respondBy ? -1 : 1;
  }
  return right.createdAt.localeCompare(left.createdAt);
}

/**
 * `<cl-alert-list>`: alerts with an Acknowledge button each, open ones by response deadline (overdue
 * first). Acknowledging asks what was done (contacted, risk assessed, referred, or something else in
 * the therapist's words) and is recorded (and audited) by the server; the alert then shows who
 * acknowledged it, when, and the action.
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
    asking: { state: true },
  };

  declare alerts: Alert[];
  declare showPatient: boolean;
  declare errors: Record<string, string>;
  declare announcement: string;
  /** The alert whose "what did you do?" form is open, with the choice so far. */
  declare asking: { id: string; kind: AlertAction['kind'] | null; note: string } | null;

  constructor() {
    super();
    this.alerts = [];
    this.showPatient = false;
    this.errors = {};
    this.announcement = '';
    this.asking = null;
  }

  private async acknowledge(alert: Alert): Promise<void> {
    const asking = this.asking;
    if (!asking || asking.id !== alert.id || asking.kind === null) return;
    if (asking.kind === 'other' && asking.note.trim() === '') {
      this.errors = { ...this.errors, [alert.id]: this.t('alertActionNoteRequired') };
      return;
    }
    const action: AlertAction = { kind: asking.kind, ...(asking.note.trim() !== '' ? { note: asking.note.trim() } : {}) };
    try {
      const updated = await this.api.post<Alert>(`/api/care/alerts/${seg(alert.id)}/acknowledge`, { action });
      this.asking = null;
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([id]) => id !== alert.id));
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

  private renderProtocol(alert: Alert): TemplateResult | null {
    const t = this.t;
    const when = (time: string) => formatDateTime(time, this.language);
    const lines = [
      alert.respondBy && !alert.acknowledgedAt
        ? html`<p class=${alert.overdue ? 'field-error overdue' : 'hint respond-by'}>${alert.overdue ? t('alertOverdue', { time: when(alert.respondBy) }) : t('alertRespondBy', { time: when(alert.respondBy) })}</p>`
        : null,
      alert.escalatedAt ? html`<p class="hint escalated">${t('alertEscalated', { time: when(alert.escalatedAt) })}</p>` : null,
      alert.actionTaken
        ? html`<p class="hint action-taken">${t('alertActionTaken', { action: alert.actionTaken.note ? `${t(ACTION_KEY[alert.actionTaken.kind])}: ${alert.actionTaken.note}` : t(ACTION_KEY[alert.actionTaken.kind]) })}</p>`
        : null,
    ].filter((line) => line !== null);
    return lines.length > 0 ? html`${lines}` : null;
  }

  private renderActionForm(alert: Alert): TemplateResult {
    const t = this.t;
    const asking = this.asking!;
    const noteId = `alert-note-${alert.id}`;
    return html`<form class="alert-action" novalidate @submit=${(event: Event) => { event.preventDefault(); void this.acknowledge(alert); }}>
      <fieldset>
        <legend>${t('alertActionQuestion')}</legend>
        ${ACTION_KINDS.map((kind) => html`<label><input type="radio" name="action-${alert.id}" value=${kind} .checked=${asking.kind === kind}
          @change=${() => { this.asking = { ...asking, kind }; }}> ${t(ACTION_KEY[kind])}</label>`)}
      </fieldset>
      <label for=${noteId}>${t('alertActionNote')}</label>
      <textarea id=${noteId} name="note" maxlength="2000" .value=${asking.note} aria-required=${asking.kind === 'other' ? 'true' : 'false'}
        @input=${(event: Event) => { this.asking = { ...asking, note: (event.target as HTMLTextAreaElement).value }; }}></textarea>
      <p>
        <button type="submit" class="primary" data-action="confirm-acknowledge" ?disabled=${asking.kind === null}>${t('alertActionConfirm')}</button>
        <button type="button" data-action="cancel-acknowledge" @click=${() => { this.asking = null; }}>${t('alertActionCancel')}</button>
      </p>
    </form>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const open = this.alerts.filter((alert) => !alert.acknowledgedAt);
    return html`${open.length === 0 ? html`<p class="muted">${t('alertsNone')}</p>` : null}
      <ul class="plain">
        ${[...this.alerts].sort(inboxOrder).map((alert) => html`
          <li class="card alert ${alert.acknowledgedAt ? '' : alert.severity === 'urgent' ? 'zone-red' : 'zone-yellow'}" data-alert=${alert.id}>
            <p><strong>${t(SEVERITY_KEY[alert.severity] ?? 'severityInfo')}</strong>${this.showPatient ? html` · ${alert.patient.name}` : null}
              · <time datetime=${alert.createdAt}>${formatDateTime(alert.createdAt, this.language)}</time></p>
            ${this.renderText(alert)}
            ${this.renderProtocol(alert)}
            ${alert.acknowledgedAt
              ? html`<p class="hint acknowledged">${t('alertAcknowledgedBy', { name: alert.acknowledgedBy ?? '', time: formatDateTime(alert.acknowledgedAt, this.language) })}</p>`
              : this.asking?.id === alert.id
                ? this.renderActionForm(alert)
                : html`<button type="button" class="primary" data-action="acknowledge" @click=${() => { this.asking = { id: alert.id, kind: null, note: '' }; }}>${t('alertAcknowledge')}</button>`}
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
