import { css } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { Chart } from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { ScreenElement } from './screen-element.js';

/**
 * What every chart here shares: a figure with a caption, a canvas box, a table of the same numbers
 * behind a disclosure, and one chart.js instance per render. chart.js keeps state on the canvas, so
 * the chart is rebuilt after each Lit update and destroyed when the element leaves the page.
 */
export abstract class ChartElement extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      figure { margin: 0.5rem 0 1rem; }
      .canvas-box { position: relative; height: var(--cl-chart-height, 220px); width: 100%; }
      figcaption { font-weight: 600; margin-bottom: 0.25rem; }
      details summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; color: var(--cl-accent); font-weight: 600; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    heading: {},
    tableOpen: { type: Boolean, attribute: 'table-open' },
  };

  declare heading: string;
  /** Whether the table of the chart's numbers starts open. */
  declare tableOpen: boolean;

  #chart: Chart | undefined;

  constructor() {
    super();
    this.heading = '';
    this.tableOpen = false;
  }

  /** The chart to draw on the rendered canvas. */
  protected abstract chartConfig(): ChartConfiguration;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  protected override updated(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    const canvas = this.renderRoot.querySelector('canvas');
    if (canvas) this.#chart = new Chart(canvas, this.chartConfig());
  }
}
