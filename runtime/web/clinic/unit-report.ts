import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { InstrumentOutcome, UnitReport } from '@careloom/format/api';
import { formatNumber } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';
import '../shared/bar-chart.js';

/**
 * `<cl-unit-report>`: the unit's outcome: how many enrolled, active, completed and dropped out, and
 * for each instrument the mean score before and after treatment (and, where the instrument declares
 * its reliability, the share reliably improved and deteriorated), as a table and as grouped bars
 * (`<cl-bar-chart>`, which carries the same numbers as a table of its own); then the same per
 * program version, with its completion rate and dropout by program week.
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
            ? html`${this.instrumentTable(report.instruments)}
              <cl-bar-chart .api=${this.api} .language=${this.language} heading=${t('reportChartTitle')} category-heading=${t('reportInstrument')}
                .categories=${report.instruments.map((row) => row.title)}
                .series=${[{ label: t('reportPre'), values: report.instruments.map((row) => row.meanPre) }, { label: t('reportPost'), values: report.instruments.map((row) => row.meanPost) }]}></cl-bar-chart>`
            : null}
          ${(report.programs ?? []).length > 0 ? html`<h2>${t('reportPrograms')}</h2>${report.programs.map((program) => this.program(program))}` : null}`
        : null}`;
  }

  private instrumentTable(rows: readonly InstrumentOutcome[]): TemplateResult {
    const t = this.t;
    const n = (value: number | null | undefined) => formatNumber(value ?? null, this.language);
    const reliable = rows.some((row) => row.reliablyImproved !== undefined && row.reliablyImproved !== null);
    const pct = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${formatNumber(value, this.language)} %`);
    return html`<div class="table-scroll"><table>
      <thead><tr><th scope="col">${t('reportInstrument')}</th><th scope="col">${t('reportPatients')}</th><th scope="col">${t('reportPre')}</th><th scope="col">${t('reportPost')}</th><th scope="col">${t('reportChange')}</th>
        ${reliable ? html`<th scope="col">${t('reportReliablyImproved')}</th><th scope="col">${t('reportReliablyDeteriorated')}</th>` : null}</tr></thead>
      <tbody>${rows.map((row) => html`<tr data-instrument=${row.instrumentId}><th scope="row">${row.title}</th><td>${row.patients}</td><td>${n(row.meanPre)}</td><td>${n(row.meanPost)}</td><td>${n(row.meanChange)}</td>
        ${reliable ? html`<td data-improved>${pct(row.reliablyImproved)}</td><td data-deteriorated>${pct(row.reliablyDeteriorated)}</td>` : null}</tr>`)}</tbody>
    </table></div>
    ${reliable ? html`<p class="hint">${t('reportReliableHint')}</p>` : null}`;
  }

  /** One program version: completion, its instruments, reliable change and dropout by week as numbers and bars. */
  private program(program: UnitReport['programs'][number]): TemplateResult {
    const t = this.t;
    const reliable = program.instruments.filter((row) => row.reliablyImproved !== undefined && row.reliablyImproved !== null);
    return html`<section class="program" data-program=${`${program.documentId}@${program.version}`}>
      <h3>${t('reportProgramVersion', { title: program.title, version: program.version })}</h3>
      <p data-completion>${t('reportProgramCounts', { enrolled: program.enrolled, completed: program.completed, droppedOut: program.droppedOut })}
        ${program.completionRate !== null ? t('reportCompletionRate', { rate: formatNumber(program.completionRate, this.language) }) : ''}</p>
      ${program.instruments.length > 0 ? this.instrumentTable(program.instruments) : html`<p class="muted">${t('reportNoInstruments')}</p>`}
      ${reliable.length > 0
        ? html`<cl-bar-chart .api=${this.api} .language=${this.language} heading=${t('reportReliableChartTitle')} category-heading=${t('reportInstrument')}
            .categories=${reliable.map((row) => row.title)}
            .series=${[{ label: t('reportReliablyImproved'), values: reliable.map((row) => row.reliablyImproved ?? null) }, { label: t('reportReliablyDeteriorated'), values: reliable.map((row) => row.reliablyDeteriorated ?? null) }]}></cl-bar-chart>`
        : null}
      ${program.dropoutByWeek.length > 0
        ? html`<cl-bar-chart .api=${this.api} .language=${this.language} heading=${t('reportDropoutTitle')} category-heading=${t('reportWeek')}
            .categories=${program.dropoutByWeek.map((entry) => t('programWeek', { week: entry.week }))}
            .series=${[{ label: t('reportDroppedOut'), values: program.dropoutByWeek.map((entry) => entry.patients) }]}></cl-bar-chart>`
        : null}
    </section>`;
  }
}

if (!customElements.get('cl-unit-report')) customElements.define('cl-unit-report', ClUnitReport);

declare global {
  interface HTMLElementTagNameMap {
    'cl-unit-report': ClUnitReport;
  }
}
