import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { Alert } from '@careloom/format/api';
import { ScreenElement } from '../shared/screen-element.js';
import './alert-list.js';

/** `<cl-unit-alerts>`: every open alert of the unit, with the patient named and a link to them. */
export class ClUnitAlerts extends ScreenElement {
  static override properties: PropertyDeclarations = { ...ScreenElement.properties, unitId: { attribute: 'unit-id' }, alerts: { state: true } };

  declare unitId: string;
  declare alerts: Alert[] | null;

  constructor() {
    super();
    this.unitId = '';
    this.alerts = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<{ alerts: Alert[] }>(`/api/care/units/${seg(this.unitId)}/alerts?status=open`));
    if (result) this.alerts = result.alerts;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('alertsTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.alerts === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.alerts ? html`<cl-alert-list .api=${this.api} .language=${this.language} .alerts=${this.alerts} show-patient></cl-alert-list>` : null}
      ${this.alerts && this.alerts.length > 0
        ? html`<h2>${t('clinicPatients')}</h2><ul>${[...new Map(this.alerts.map((alert) => [alert.enrollmentId, alert.patient.name])).entries()].map(
            ([enrollmentId, name]) => html`<li><a href=${`#/patients/${encodeURIComponent(enrollmentId)}`}>${name}</a></li>`,
          )}</ul>`
        : null}`;
  }
}

if (!customElements.get('cl-unit-alerts')) customElements.define('cl-unit-alerts', ClUnitAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'cl-unit-alerts': ClUnitAlerts;
  }
}
