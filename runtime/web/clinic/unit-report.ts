import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { UnitReport } from '@careloom/format/api';
import { formatNumber } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';
import '../shared/bar-chart.js';

/**
 * `<cl-unit-report>`: the unit's outcome: how many enrolled, active, completed and dropped out, and
 * for each instrument the mean score before and after treatment, as a table and as grouped bars
 * (`<cl-bar-chart>`, which carries the same numbers as a table of its own).
 */
export class ClUnitReport extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr)); gap: 0.5rem; }
      .counts .card { text-align: center; margin: 0; }
      .counts strong { display: block; font-size: 1.75rem; }
    `,
  ];

  static override properties: PropertyDeclarations = { ...ScreenElement.properties, unitId: { attribute: 'unit-id' }, report: { state: true } };

  declare unitId: string;
  declare report: UnitReport | null;

  constructor() {
    super();
    this.unitId = '';
    this.report = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const report = await this.guard(() => this.api.get<UnitReport>(`/api/care/units/${seg(this.unitId)}/report`));
    if (report) this.report = report;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const report = this.report;
    const n = (value: number | null) => formatNumber(value, this.language);
    return html`<h1 tabindex="-1">${t('reportTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${!report && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${report
        ? html`<div class="counts">
            ${([['reportEnrolled', report.enrolled], ['reportActive', report.active], ['reportCompleted', report.completed], ['reportDroppedOut', report.droppedOut]] as const).map(
              ([key, value]) => html`<p class="card" data-count=${key}><strong>${value}</strong>${t(key)}</p>`,
            )}
          </div>
          ${report.unreadable && report.unreadable.length > 0 ? html`<p class="form-error" data-unreadable=${report.unreadable.length}>${t('reportUnreadable', { n: report.unreadable.length })}</p>` : null}
          <h2>${t('reportInstruments')}</h2>
          ${report.instruments.length === 0 ? html`<p class="muted">${t('reportNoInstruments')}</p>` : null}
          ${report.instruments.length > 0
            ? html`<div class="table-scroll"><table>
                <thead><tr><th scope="col">${t('reportInstrument')}</th><th scope="col">${t('reportPatients')}</th><th scope="col">${t('reportPre')}</th><th scope="col">${t('reportPost')}</th><th scope="col">${t('reportChange')}</th></tr></thead>
                <tbody>${report.instruments.map((row) => html`<tr data-instrument=${row.instrumentId}><th scope="row">${row.title}</th><td>${row.patients}</td><td>${n(row.meanPre)}</td><td>${n(row.meanPost)}</td><td>${n(row.meanChange)}</td></tr>`)}</tbody>
              </table></div>
              <cl-bar-chart .api=${this.api} .language=${this.language} heading=${t('reportChartTitle')} category-heading=${t('reportInstrument')}
                .categories=${report.instruments.map((row) => row.title)}
                .series=${[{ label: t('reportPre'), values: report.instruments.map((row) => row.meanPre) }, { label: t('reportPost'), values: report.instruments.map((row) => row.meanPost) }]}></cl-bar-chart>`
            : null}`
        : null}`;
  }
}

if (!customElements.get('cl-unit-report')) customElements.define('cl-unit-report', ClUnitReport);

declare global {
  interface HTMLElementTagNameMap {
    'cl-unit-report': ClUnitReport;
  }
}
