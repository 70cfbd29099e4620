import { colours } from '@careloom/client/palette';
import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { formatNumber } from './i18n.js';
import { ChartElement } from './chart-element.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** One series of bars, e.g. the mean before treatment, with a value per category (null: none). */
export interface BarSeries {
  label: string;
  values: Array<number | null>;
}

/** Colours that stay apart for colour-blind readers and against white (3:1 or more). */
const SERIES_COLOURS = [colours.accent, colours.green, colours.red, colours.yellow];

/**
 * `<cl-bar-chart>`: values per category as chart.js grouped bars (e.g. each instrument's mean before
 * and after treatment), and always the same numbers as a table for screen readers and anyone who
 * prefers them. The canvas is an image named by a one-sentence summary.
 */
export class ClBarChart extends ChartElement {
  static override styles = [ChartElement.styles, css`:host { --cl-chart-height: 240px; }`];

  static override properties: PropertyDeclarations = {
    ...ChartElement.properties,
    categoryHeading: { attribute: 'category-heading' },
    categories: { attribute: false },
    series: { attribute: false },
  };

  /** The table's first column heading (what a category is, e.g. 'Questionnaire'). */
  declare categoryHeading: string;
  declare categories: string[];
  declare series: BarSeries[];

  constructor() {
    super();
    this.categoryHeading = '';
    this.categories = [];
    this.series = [];
  }

  protected override chartConfig(): ChartConfiguration {
    return {
      type: 'bar',
      data: {
        labels: this.categories,
        datasets: this.series.map((series, index) => {
          const colour = SERIES_COLOURS[index % SERIES_COLOURS.length]!;
          return { label: series.label, data: series.values, backgroundColor: colour, borderColor: colour };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
  }

  /** One sentence for the canvas, e.g. 'PHQ-9: Before 14.2, After 8.1. GAD-7: Before 11, After 7.5.' */
  summary(): string {
    return this.categories
      .map((category, index) => `${category}: ${this.series.map((series) => `${series.label} ${formatNumber(series.values[index], this.language)}`).join(', ')}.`)
      .join(' ');
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const hasValues = this.series.some((series) => series.values.some((value) => value !== null));
    return html`<figure>
      <figcaption>${this.heading}</figcaption>
      ${hasValues
        ? html`<div class="canvas-box"><canvas role="img" aria-label=${`${this.heading}: ${this.summary()}`}></canvas></div>`
        : html`<p class="muted">${t('chartEmpty')}</p>`}
      ${this.categories.length > 0
        ? html`<details ?open=${this.tableOpen}>
            <summary>${t('chartTable')}</summary>
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">${this.heading}</caption>
                <thead><tr><th scope="col">${this.categoryHeading}</th>${this.series.map((series) => html`<th scope="col">${series.label}</th>`)}</tr></thead>
                <tbody>
                  ${this.categories.map((category, index) => html`<tr><th scope="row">${category}</th>${this.series.map((series) => html`<td>${formatNumber(series.values[index], this.language)}</td>`)}</tr>`)}
                </tbody>
              </table>
            </div>
          </details>`
        : null}
    </figure>`;
  }
}

if (!customElements.get('cl-bar-chart')) customElements.define('cl-bar-chart', ClBarChart);

declare global {
  interface HTMLElementTagNameMap {
    'cl-bar-chart': ClBarChart;
  }
}
