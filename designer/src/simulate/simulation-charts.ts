import { css, html, nothing, svg } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { LocalizedText } from '@careloom/format';
import { localize } from '@careloom/format/engine';
import type { SimulatedRegistrationChart, SimulatedScoreChart, SimulationResult } from '@careloom/format/engine';
import { t } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import { DesignerElement } from '../i18n/designer-element.js';

const [WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM] = [320, 150, 30, 10, 8, 22];
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
/** Band shades by severity level (0 = none), light enough for the line and its points to stay readable. */
const BAND_FILL = ['transparent', '#f3f6fb', '#fef7e0', '#fde7d6', '#fce0de'];

/**
 * `<cl-simulation-charts>`: the charts the therapist would see at the end of a simulated run, drawn
 * as small SVG line charts (the clinic's chart.js charts live in the web apps, which the designer
 * may not import): each score over the weeks on its scale with the severity bands behind it, and
 * each numeric registration field over the days with the entries' zones counted. Every chart has a
 * text summary (its accessible name) and the numbers as a table.
 */
export class ClSimulationCharts extends DesignerElement {
  static override properties: PropertyDeclarations = {
    charts: { attribute: false },
    language: { type: String },
    defaultLanguage: { type: String, attribute: 'default-language' },
    durationWeeks: { type: Number, attribute: 'duration-weeks' },
    formatDate: { attribute: false },
  };
  static override styles = [
    uiStyles,
    css`
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
      figure { margin: 0; border: 1px solid var(--cl-line); border-radius: 0.5rem; padding: 0.75rem; background: var(--cl-bg); }
      figcaption { font-weight: 600; }
      svg { width: 100%; height: auto; display: block; }
      .axis { font-size: 10px; fill: var(--cl-muted); }
      .line { fill: none; stroke: var(--cl-accent); stroke-width: 2; }
      .point { fill: var(--cl-accent); }
      details { margin-top: 0.5rem; }
      table { font-size: 0.875rem; }
    `,
  ];

  declare charts: SimulationResult['charts'] | undefined;
  declare language: string;
  declare defaultLanguage: string;
  declare durationWeeks: number;
  /** Formats an instant or a local date for the tables (the screen's formatter, in the patient's time zone). */
  declare formatDate: (value: string) => string;

  constructor() {
    super();
    this.language = 'en';
    this.defaultLanguage = 'en';
    this.durationWeeks = 1;
    this.formatDate = (value) => value;
  }

  override render() {
    const charts = this.charts;
    if (!charts) return nothing;
    return html`<div class="grid">${charts.scores.map((chart) => this.#scoreChart(chart))}${charts.registrations.flatMap((chart) => chart.fields.map((field) => this.#fieldChart(chart, field)))}</div>`;
  }

  #text(value: LocalizedText | null | undefined): string {
    return value ? localize(value, this.language, this.defaultLanguage) : '';
  }

  #scoreChart(chart: SimulatedScoreChart) {
    const span = chart.max - chart.min || 1;
    const y = (value: number) => TOP + PLOT_H - ((value - chart.min) / span) * PLOT_H;
    const x = (week: number) => LEFT + (this.durationWeeks <= 1 ? PLOT_W / 2 : ((week - 1) / (this.durationWeeks - 1)) * PLOT_W);
    const points = chart.points;
    const label = points.length === 0 ? `${chart.title}: ${t('simulate.chart.noPoints')}` : t('simulate.chart.scoreLabel', { title: chart.title, n: points.length, first: points[0]!.total, last: points.at(-1)!.total, min: chart.min, max: chart.max });
    const bandLabel = (id: string | null) => this.#text(chart.bands.find((band) => band.id === id)?.label);
    return html`<figure data-chart=${`${chart.moduleId}/${chart.instrumentId}`}>
      <figcaption>${chart.title}</figcaption>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${label}>
        ${chart.bands.map((band) => svg`<rect x=${LEFT} width=${PLOT_W} y=${y(Math.min(chart.max, band.max + 0.5))} height=${Math.max(0, y(Math.max(chart.min, band.min - 0.5)) - y(Math.min(chart.max, band.max + 0.5)))} fill=${BAND_FILL[Math.min(band.level, BAND_FILL.length - 1)] ?? 'transparent'}></rect>`)}
        <line x1=${LEFT} x2=${LEFT} y1=${TOP} y2=${TOP + PLOT_H} stroke="#6b6b6b"></line>
        <line x1=${LEFT} x2=${LEFT + PLOT_W} y1=${TOP + PLOT_H} y2=${TOP + PLOT_H} stroke="#6b6b6b"></line>
        <text class="axis" x=${LEFT - 4} y=${y(chart.max) + 4} text-anchor="end">${chart.max}</text>
        <text class="axis" x=${LEFT - 4} y=${y(chart.min)} text-anchor="end">${chart.min}</text>
        <text class="axis" x=${x(1)} y=${HEIGHT - 6} text-anchor="start">${t('simulate.week', { n: 1 })}</text>
        <text class="axis" x=${x(this.durationWeeks)} y=${HEIGHT - 6} text-anchor="end">${t('simulate.week', { n: this.durationWeeks })}</text>
        ${points.length > 1 ? svg`<polyline class="line" points=${points.map((point) => `${x(point.week)},${y(point.total)}`).join(' ')}></polyline>` : nothing}
        ${points.map((point) => svg`<circle class="point" cx=${x(point.week)} cy=${y(point.total)} r="3"></circle>`)}
      </svg>
      ${points.length > 0
        ? html`<details>
            <summary>${t('simulate.chart.table')}</summary>
            <table>
              <thead><tr><th scope="col">${t('simulate.chart.when')}</th><th scope="col">${t('simulate.chart.value')}</th><th scope="col">${t('simulate.chart.band')}</th></tr></thead>
              <tbody>${points.map((point) => html`<tr><td>${t('simulate.week', { n: point.week })}, ${this.formatDate(point.at)}</td><td>${point.total}</td><td>${bandLabel(point.band)}</td></tr>`)}</tbody>
            </table>
          </details>`
        : html`<p class="muted">${t('simulate.chart.noPoints')}</p>`}
    </figure>`;
  }

  #fieldChart(chart: SimulatedRegistrationChart, field: SimulatedRegistrationChart['fields'][number]) {
    const points = field.points;
    const values = points.map((point) => point.value);
    const [min, max] = values.length > 0 ? [Math.min(...values), Math.max(...values)] : [0, 1];
    const span = max - min || 1;
    const days = this.durationWeeks * 7;
    const first = points[0]?.date;
    const dayOf = (date: string) => (first ? Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) : 0);
    const x = (date: string) => LEFT + (days <= 1 ? 0 : (dayOf(date) / (days - 1)) * PLOT_W);
    const y = (value: number) => TOP + PLOT_H - ((value - min) / span) * PLOT_H;
    const title = this.#text(chart.title);
    const name = this.#text(field.label);
    const unit = this.#text(field.unit);
    const label = points.length === 0 ? `${title}, ${name}: ${t('simulate.chart.noPoints')}` : t('simulate.chart.fieldLabel', { title, field: name, n: points.length, first: values[0]!, last: values.at(-1)! });
    const zones = { green: 0, yellow: 0, red: 0 };
    for (const entry of chart.zones) zones[entry.zone] += 1;
    return html`<figure data-chart=${`${chart.moduleId}/${chart.registrationId}/${field.fieldId}`}>
      <figcaption>${title}: ${name}${unit ? ` (${unit})` : ''}</figcaption>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${label}>
        <line x1=${LEFT} x2=${LEFT} y1=${TOP} y2=${TOP + PLOT_H} stroke="#6b6b6b"></line>
        <line x1=${LEFT} x2=${LEFT + PLOT_W} y1=${TOP + PLOT_H} y2=${TOP + PLOT_H} stroke="#6b6b6b"></line>
        <text class="axis" x=${LEFT - 4} y=${y(max) + 4} text-anchor="end">${max}</text>
        <text class="axis" x=${LEFT - 4} y=${y(min)} text-anchor="end">${min}</text>
        ${points.length > 1 ? svg`<polyline class="line" points=${points.map((point) => `${x(point.date)},${y(point.value)}`).join(' ')}></polyline>` : nothing}
        ${points.length === 1 ? svg`<circle class="point" cx=${x(points[0]!.date)} cy=${y(points[0]!.value)} r="3"></circle>` : nothing}
      </svg>
      ${chart.zones.length > 0 ? html`<p class="muted">${t('simulate.chart.zones', zones)}</p>` : nothing}
      ${points.length > 0
        ? html`<details>
            <summary>${t('simulate.chart.table')}</summary>
            <table>
              <thead><tr><th scope="col">${t('simulate.chart.when')}</th><th scope="col">${t('simulate.chart.value')}</th></tr></thead>
              <tbody>${points.map((point) => html`<tr><td>${this.formatDate(point.date)}</td><td>${point.value}</td></tr>`)}</tbody>
            </table>
          </details>`
        : html`<p class="muted">${t('simulate.chart.noPoints')}</p>`}
    </figure>`;
  }
}

customElements.define('cl-simulation-charts', ClSimulationCharts);
