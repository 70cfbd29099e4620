import { colours } from '@careloom/client/palette';
import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';
import { formatDateTime, formatNumber } from './i18n.js';
import { ChartElement } from './chart-element.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

/** A coloured range of the value axis: an instrument's severity band. */
export interface ChartBand {
  min: number;
  max: number;
  label: string;
  /** 0 = none; higher is more severe. */
  severity: number;
}

/** A horizontal line: a zone threshold or a goal. */
export interface ChartLine {
  value: number;
  label: string;
  kind: 'yellow' | 'red' | 'goal';
}

export interface ChartPoint {
  at: string;
  value: number;
  /** What the point means in words (band or zone), for the table and the tooltip. */
  note?: string;
  /** A reliable change from the first point: drawn larger, a triangle for an improvement and a diamond for a deterioration. */
  mark?: 'improved' | 'deteriorated';
}

const BAND_COLOURS = ['rgba(13,101,45,0.12)', 'rgba(122,160,1,0.14)', 'rgba(230,160,0,0.16)', 'rgba(220,90,20,0.16)', 'rgba(165,14,14,0.16)'];
const LINE_COLOURS = { yellow: colours.yellow, red: colours.red, goal: colours.green } as const;

function bandColour(severity: number, highest: number): string {
  const rank = highest <= 0 ? 0 : Math.round((severity / highest) * (BAND_COLOURS.length - 1));
  return BAND_COLOURS[Math.max(0, Math.min(BAND_COLOURS.length - 1, rank))]!;
}

/**
 * `<cl-line-chart>`: values over time as a chart.js line, with severity bands shaded behind it and
 * zone thresholds and goals drawn as labelled lines, and always the same data as a table for screen
 * readers and for anyone who prefers numbers. The canvas is an image with a one-sentence summary.
 */
export class ClLineChart extends ChartElement {
  static override styles = [
    ChartElement.styles,
    css`
      .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin: 0.5rem 0; list-style: none; font-size: 0.875rem; }
      /* A band's range stays on one line at 360 px ("0–4", never "0–" above "4"). */
      .legend .range { white-space: nowrap; }
      .swatch { display: inline-block; width: 1rem; height: 0.75rem; border: 1px solid var(--cl-border); vertical-align: middle; margin-right: 0.25rem; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ChartElement.properties,
    unit: {},
    points: { attribute: false },
    bands: { attribute: false },
    lines: { attribute: false },
    min: { type: Number },
    max: { type: Number },
  };

  declare unit: string;
  declare points: ChartPoint[];
  declare bands: ChartBand[];
  declare lines: ChartLine[];
  declare min: number | undefined;
  declare max: number | undefined;

  constructor() {
    super();
    this.unit = '';
    this.points = [];
    this.bands = [];
    this.lines = [];
  }

  protected override chartConfig(): ChartConfiguration {
    return {
      type: 'line',
      data: {
        labels: this.points.map((point) => formatDateTime(point.at, this.language)),
        datasets: [{
          label: this.heading, data: this.points.map((point) => point.value), borderColor: colours.accent, backgroundColor: colours.accent, tension: 0,
          // A reliable change stands out by shape as well as size, never by colour alone.
          pointStyle: this.points.map((point) => (point.mark === 'improved' ? 'triangle' : point.mark === 'deteriorated' ? 'rectRot' : 'circle')),
          pointRadius: this.points.map((point) => (point.mark ? 8 : 4)),
        }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { ...(this.min !== undefined ? { suggestedMin: this.min } : {}), ...(this.max !== undefined ? { suggestedMax: this.max } : {}) },
          x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 4 } },
        },
        plugins: { tooltip: { callbacks: { afterLabel: (item) => this.points[item.dataIndex]?.note ?? '' } } },
      },
      plugins: [this.#guides()],
    };
  }

  /** Draws bands behind the data and threshold/goal lines over it. */
  #guides(): Plugin<'line'> {
    const bands = this.bands;
    const lines = this.lines;
    const highest = Math.max(0, ...bands.map((band) => band.severity));
    return {
      id: 'clGuides',
      beforeDatasetsDraw(chart) {
        const { ctx, chartArea, scales } = chart;
        const y = scales.y;
        if (!y) return;
        ctx.save();
        for (const band of bands) {
          const top = y.getPixelForValue(band.max);
          const bottom = y.getPixelForValue(band.min);
          ctx.fillStyle = bandColour(band.severity, highest);
          ctx.fillRect(chartArea.left, Math.max(chartArea.top, top), chartArea.width, Math.min(chartArea.bottom, bottom) - Math.max(chartArea.top, top));
        }
        ctx.restore();
      },
      afterDatasetsDraw(chart) {
        const { ctx, chartArea, scales } = chart;
        const y = scales.y;
        if (!y) return;
        ctx.save();
        for (const line of lines) {
          const at = y.getPixelForValue(line.value);
          if (at < chartArea.top || at > chartArea.bottom) continue;
          ctx.strokeStyle = LINE_COLOURS[line.kind];
          ctx.setLineDash(line.kind === 'goal' ? [2, 3] : [6, 4]);
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(chartArea.left, at);
          ctx.lineTo(chartArea.right, at);
          ctx.stroke();
          ctx.fillStyle = LINE_COLOURS[line.kind];
          ctx.font = '12px system-ui, sans-serif';
          ctx.fillText(line.label, chartArea.left + 4, at - 4);
        }
        ctx.restore();
      },
    };
  }

  /** One sentence for the canvas: how many values, the latest, and the range. */
  summary(): string {
    const t = this.t;
    const last = this.points.at(-1);
    if (!last) return t('chartEmpty');
    return t('chartSummary', { n: this.points.length, latest: `${formatNumber(last.value, this.language)}${this.unit ? ` ${this.unit}` : ''}`, when: formatDateTime(last.at, this.language) });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const highest = Math.max(0, ...this.bands.map((band) => band.severity));
    return html`<figure>
      <figcaption>${this.heading}${this.unit ? ` (${this.unit})` : ''}</figcaption>
      ${this.points.length === 0
        ? html`<p class="muted">${t('chartEmpty')}</p>`
        : html`<div class="canvas-box"><canvas role="img" aria-label=${`${this.heading}: ${this.summary()}`}></canvas></div>`}
      ${this.bands.length > 0 || this.lines.length > 0
        ? html`<ul class="legend" aria-label=${t('chartLegend')}>
            ${this.bands.map((band) => html`<li><span class="swatch" style="background:${bandColour(band.severity, highest)}"></span>${band.label}: <span class="range">${formatNumber(band.min, this.language)}–${formatNumber(band.max, this.language)}</span></li>`)}
            ${this.lines.map((line) => html`<li><span class="swatch" style="background:${LINE_COLOURS[line.kind]}"></span>${line.label}</li>`)}
          </ul>`
        : null}
      ${this.points.length > 0
        ? html`<details ?open=${this.tableOpen}>
            <summary>${t('chartTable')}</summary>
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">${this.heading}</caption>
                <thead><tr><th scope="col">${t('common.when')}</th><th scope="col">${t('common.value')}</th><th scope="col">${t('chartMeaning')}</th></tr></thead>
                <tbody>
                  ${[...this.points].reverse().map((point) => html`<tr><td>${formatDateTime(point.at, this.language)}</td><td>${formatNumber(point.value, this.language)}${this.unit ? ` ${this.unit}` : ''}</td><td>${point.note ?? ''}</td></tr>`)}
                </tbody>
              </table>
            </div>
          </details>`
        : null}
    </figure>`;
  }
}

if (!customElements.get('cl-line-chart')) customElements.define('cl-line-chart', ClLineChart);

declare global {
  interface HTMLElementTagNameMap {
    'cl-line-chart': ClLineChart;
  }
}
