import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '../shared/api-client.js';
import type { UnitReport } from '../shared/api-types.js';
import { formatNumber } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-unit-report>`: the unit's outcome: how many enrolled, active, completed and dropped out, and
 * for each instrument the mean score before and after treatment, as a table and as paired bars
 * (drawn with CSS; the table is the accessible version of the same numbers).
 */
export class ClUnitReport extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr)); gap: 0.5rem; }
      .counts .card { text-align: center; margin: 0; }
      .counts strong { display: block; font-size: 1.75rem; }
      .bars { margin: 0.5rem 0 1rem; }
      .bar-row { display: grid; grid-template-columns: 4rem minmax(0, 1fr); align-items: center; gap: 0.5rem; margin: 0.25rem 0; }
      .bar { height: 1.25rem; background: #0b57d0; border-radius: 0.25rem; }
      .bar.post { background: #0d652d; }
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
      ${!report && !this.loadError ? html`<p role="status">${t('loading')}</p>` : null}
      ${report
        ? html`<div class="counts">
            ${([['reportEnrolled', report.enrolled], ['reportActive', report.active], ['reportCompleted', report.completed], ['reportDroppedOut', report.droppedOut]] as const).map(
              ([key, value]) => html`<p class="card" data-count=${key}><strong>${value}</strong>${t(key)}</p>`,
            )}
          </div>
          <h2>${t('reportInstruments')}</h2>
          ${report.instruments.length === 0 ? html`<p class="muted">${t('reportNoInstruments')}</p>` : null}
          ${report.instruments.length > 0
            ? html`<div class="table-scroll"><table>
                <thead><tr><th scope="col">${t('reportInstrument')}</th><th scope="col">${t('reportPatients')}</th><th scope="col">${t('reportPre')}</th><th scope="col">${t('reportPost')}</th><th scope="col">${t('reportChange')}</th></tr></thead>
                <tbody>${report.instruments.map((row) => html`<tr data-instrument=${row.instrumentId}><th scope="row">${row.title}</th><td>${row.patients}</td><td>${n(row.meanPre)}</td><td>${n(row.meanPost)}</td><td>${n(row.meanChange)}</td></tr>`)}</tbody>
              </table></div>
              ${report.instruments.map((row) => {
                const top = Math.max(row.meanPre ?? 0, row.meanPost ?? 0, 1);
                return html`<figure class="bars" aria-hidden="true">
                  <figcaption>${row.title}</figcaption>
                  <div class="bar-row"><span>${t('reportPre')}</span><div class="bar" style="width:${((row.meanPre ?? 0) / top) * 100}%"></div></div>
                  <div class="bar-row"><span>${t('reportPost')}</span><div class="bar post" style="width:${((row.meanPost ?? 0) / top) * 100}%"></div></div>
                </figure>`;
              })}`
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
