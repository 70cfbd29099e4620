import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { Charts, MyEnrollment } from '@careloom/format/api';
import { ScreenElement } from '../shared/screen-element.js';
import '../shared/charts-view.js';

/** `<cl-charts-screen>`: the patient's own scores and registrations over time, per program. */
export class ClChartsScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollments: { attribute: false },
    charts: { state: true },
  };

  declare enrollments: MyEnrollment[];
  declare charts: Array<{ enrollment: MyEnrollment; charts: Charts }> | null;

  constructor() {
    super();
    this.enrollments = [];
    this.charts = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override languageChanged(): Promise<void> {
    return this.load();
  }

  async load(): Promise<void> {
    const charts = await this.guard(() =>
      Promise.all(this.enrollments.map(async (enrollment) => ({ enrollment, charts: await this.api.get<Charts>(`/api/me/enrollments/${seg(enrollment.id)}/charts`) }))),
    );
    if (charts) this.charts = charts;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const several = this.enrollments.length > 1;
    return html`<h1 tabindex="-1">${t('navCharts')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.charts === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${(this.charts ?? []).map(({ enrollment, charts }) => html`<section aria-label=${enrollment.title}>
        ${several ? html`<h2>${enrollment.title}</h2>` : null}
        <cl-charts-view .language=${this.language} .charts=${charts} heading-level=${several ? 3 : 2}></cl-charts-view>
      </section>`)}`;
  }
}

if (!customElements.get('cl-charts-screen')) customElements.define('cl-charts-screen', ClChartsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-charts-screen': ClChartsScreen;
  }
}
