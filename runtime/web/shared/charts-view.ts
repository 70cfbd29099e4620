import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { Charts, FieldChart, InstrumentChart, RegistrationChart } from '@careloom/format/api';
import type { Translate } from './i18n.js';
import type { ChartLine, ChartPoint } from './line-chart.js';
import { ScreenElement } from './screen-element.js';
import './line-chart.js';

const OPERATORS: Record<string, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=', ne: '≠' };

/** The zone thresholds of a field as labelled lines ("Red zone: < 88"). */
export function zoneLines(field: FieldChart, t: Translate): ChartLine[] {
  return field.zones.map((zone) => ({
    value: zone.value,
    kind: zone.zone,
    label: t(zone.zone === 'red' ? 'zoneRedAt' : 'zoneYellowAt', { rule: `${OPERATORS[zone.op] ?? zone.op} ${zone.value}` }),
  }));
}

function zoneWord(zone: string | null, t: Translate): string {
  if (zone === 'green') return t('zoneGreen');
  if (zone === 'yellow') return t('zoneYellow');
  if (zone === 'red') return t('zoneRed');
  return '';
}

/**
 * `<cl-charts-view>`: every chart of an enrollment (the patient's own, or the therapist's view of
 * them): instrument totals over time against their severity bands, each registration field against
 * its zone thresholds, and a field's goal per day or week against its target.
 */
export class ClChartsView extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    charts: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  declare charts: Charts | null;
  declare headingLevel: number;

  constructor() {
    super();
    this.charts = null;
    this.headingLevel = 2;
  }

  private heading(text: string): TemplateResult {
    return this.headingLevel === 3 ? html`<h3>${text}</h3>` : html`<h2>${text}</h2>`;
  }

  protected override render(): TemplateResult {
    const charts = this.charts;
    if (!charts) return html``;
    if (charts.instruments.length === 0 && charts.registrations.every((registration) => registration.fields.every((field) => field.points.length === 0))) {
      return html`<p class="muted">${this.t('chartsNone')}</p>`;
    }
    return html`${charts.instruments.map((chart) => this.instrument(chart))}
      ${charts.registrations.filter((registration) => registration.fields.some((field) => field.points.length > 0)).map((registration) => this.registration(registration))}`;
  }

  private instrument(chart: InstrumentChart): TemplateResult {
    const t = this.t;
    const points: ChartPoint[] = chart.points.map((point) => {
      const band = chart.bands.find((candidate) => point.total >= candidate.min && point.total <= candidate.max)?.label ?? point.band ?? '';
      const mark = point.reliableChange === 'improved' || point.reliableChange === 'deteriorated' ? point.reliableChange : undefined;
      const change = mark === 'improved' ? t('chartReliableImproved') : mark === 'deteriorated' ? t('chartReliableDeteriorated') : '';
      return { at: point.at, value: point.total, note: [band, change].filter((part) => part !== '').join(' · '), ...(mark ? { mark } : {}) };
    });
    const marked = points.filter((point) => point.mark !== undefined).length;
    return html`<section class="chart" data-instrument=${chart.instrumentId}>
      ${this.heading(chart.title)}
      <cl-line-chart .language=${this.language} heading=${t('chartTotal', { title: chart.title })} .points=${points} .bands=${chart.bands} .min=${chart.min} .max=${chart.max}></cl-line-chart>
      ${chart.reliableChange
        ? html`<p class="hint" data-reliable-change>${t('chartReliableNote', { threshold: new Intl.NumberFormat(this.language, { maximumFractionDigits: 2 }).format(chart.reliableChange.threshold) })}
            ${marked > 0 ? t('chartReliableMarks') : ''}</p>`
        : null}
    </section>`;
  }

  private registration(chart: RegistrationChart): TemplateResult {
    const t = this.t;
    return html`<section class="chart" data-registration=${chart.registrationId}>
      ${this.heading(chart.title)}
      ${chart.fields.filter((field) => field.points.length > 0).map((field) => html`
        <cl-line-chart data-field=${field.id} .language=${this.language} heading=${field.title} unit=${field.unit ?? ''}
          .points=${field.points.map((point) => ({ at: point.at, value: point.value, note: zoneWord(point.zone, t) }))}
          .lines=${zoneLines(field, t)}></cl-line-chart>
        ${field.goal?.progress && field.goal.progress.length > 0
          ? html`<cl-line-chart data-goal=${field.id} .language=${this.language}
              heading=${`${field.goal.label} (${t(field.goal.period === 'week' ? 'goalPerWeek' : 'goalPerDay')})`} unit=${field.unit ?? ''}
              .points=${field.goal.progress.filter((period) => period.value !== null).map((period) => ({ at: period.startDate, value: period.value as number, note: period.met ? t('goalMet') : t('goalNotMet') }))}
              .min=${0} .max=${field.goal.target}
              .lines=${[{ value: field.goal.target, kind: 'goal', label: t('goalLine', { target: field.goal.target }) }]}></cl-line-chart>`
          : null}`)}
    </section>`;
  }
}

if (!customElements.get('cl-charts-view')) customElements.define('cl-charts-view', ClChartsView);

declare global {
  interface HTMLElementTagNameMap {
    'cl-charts-view': ClChartsView;
  }
}
