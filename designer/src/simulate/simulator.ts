import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { LocalizedText, Module, Program } from '@careloom/format';
import { addDays, DEFAULT_TIME_ZONE, isSupportedDate, localDateOf, localize, localTimeOf, PERSONAS, scoreRange } from '@careloom/format/engine';
import type { Persona, SimulationResult } from '@careloom/format/engine';
import { isApiError } from '@careloom/client/api';
import { routeHash } from '../app/router.js';
import type { Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import { canSimulate } from '../review/workflow-permissions.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { loadSimulationContent, type SimulationContent } from './simulation-content.js';
import type { SimulationRequest } from './simulation-protocol.js';
import { SimulationCancelled, startSimulation, type SimulationRun } from './simulation-runner.js';
import './simulation-charts.js';
import { eventText, timelineWeeks, type EventWords } from './simulation-timeline.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * `<cl-simulator>` (`#/programs/<id>/simulate`, `#/programs/<id>/versions/<n>/simulate`, the same
 * under `#/modules/`): a tester or publisher runs a synthetic patient through the draft's or a
 * version's whole schedule with the engine (`simulateProgram`, in a worker of its own so the page
 * stays responsive: `simulation-runner.ts`), chooses the persona, the start date, the time zone of
 * the unit the patient would belong to and the answers' variation, and reads the timeline week by week (unlocks,
 * reminders, answers with their scores, alerts with the rules that fired and their deadlines,
 * missing-report alerts) and the charts a therapist would see at the end. Nothing is stored: the
 * server is only asked for the content.
 */
export class ClSimulator extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    version: { attribute: false },
    content: { state: true },
    problem: { state: true },
    persona: { state: true },
    startDate: { state: true },
    timeZone: { state: true },
    progress: { state: true },
    stopped: { state: true },
    weeks: { state: true },
    seed: { state: true },
    running: { state: true },
    result: { state: true },
    runProblem: { state: true },
    entries: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      .personas label { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.375rem 0; }
      .personas input { margin-top: 0.35rem; min-width: 1.25rem; min-height: 1.25rem; }
      .hint { display: block; color: var(--cl-muted); font-size: 0.875rem; font-weight: 400; }
      .settings .field { margin: 0.75rem 0; }
      .counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; }
      .week { border-top: 1px solid var(--cl-line); padding-top: 0.5rem; margin-top: 0.75rem; }
      .week h3 { display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: baseline; }
      .week h3 .dates, .week h3 .week-alerts { font-weight: 400; font-size: 0.875rem; color: var(--cl-muted); }
      .week h3 .week-alerts { color: var(--cl-error); font-weight: 600; }
      ol.events { list-style: none; padding: 0; margin: 0; }
      ol.events > li { padding: 0.375rem 0.5rem; border-left: 4px solid transparent; margin: 0.25rem 0; overflow-wrap: anywhere; }
      ol.events > li.alert { border-left-color: var(--cl-error); background: var(--cl-error-bg); }
      ol.events > li.warning { border-left-color: var(--cl-yellow); background: var(--cl-yellow-bg); }
      time { color: var(--cl-muted); font-size: 0.875rem; display: block; }
      .event-details { margin: 0.125rem 0 0; padding-left: 1rem; font-size: 0.9375rem; }
      .entries { display: flex; gap: 0.5rem; align-items: center; }
      .settings select { max-width: 100%; }
      .running { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.75rem 0; }
      .running progress { flex: 1 1 10rem; min-width: 0; height: 1rem; }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  /** The version to simulate, or null for the draft. */
  declare version: number | null;
  declare content: SimulationContent | undefined;
  declare problem: string;
  declare persona: Persona;
  declare startDate: string;
  /** The IANA zone the synthetic patient lives in, as a care unit's: days, deadlines and reminders follow it. */
  declare timeZone: string;
  /** Simulated days done of the run going on. */
  declare progress: { daysDone: number; days: number } | undefined;
  /** Why the last run was stopped before it ended, or empty. */
  declare stopped: string;
  /** How many weeks a module alone runs. */
  declare weeks: number;
  declare seed: number;
  declare running: boolean;
  declare result: SimulationResult | undefined;
  declare runProblem: string;
  /** Whether every daily registration entry is listed. */
  declare entries: boolean;
  #request = 0;
  #job: SimulationRun | undefined;

  constructor() {
    super();
    this.documentId = '';
    this.version = null;
    this.problem = '';
    this.persona = 'deteriorating';
    // The zone a care unit keeps when none is chosen for it (the runtime's default): a run shows
    // what a patient of such a unit would get, whatever zone the designer's own computer is in.
    this.timeZone = DEFAULT_TIME_ZONE;
    this.startDate = localDateOf(new Date().toISOString(), this.timeZone);
    this.weeks = 4;
    this.seed = 1;
    this.running = false;
    this.runProblem = '';
    this.stopped = '';
    this.entries = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the screen ends the run: nothing keeps simulating in the background.
    this.#cancel('');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documentId') || changed.has('version') || changed.has('workspace')) void this.#load();
  }

  async #load(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !this.documentId || !canSimulate(workspace.roles)) return;
    const request = ++this.#request;
    // Another document or version: a run of the one before would answer a question no longer asked.
    this.#cancel('');
    this.content = undefined;
    this.result = undefined;
    this.problem = '';
    try {
      const content = await loadSimulationContent(workspace.api, this.documentId, this.version);
      if (request === this.#request) this.content = content;
    } catch (error) {
      if (request !== this.#request) return;
      this.problem = `${t('simulate.loadFailed')} ${isApiError(error) ? errorText(error) : String(error)}`;
    }
  }

  override render() {
    const workspace = this.workspace;
    if (!workspace) return nothing;
    if (!canSimulate(workspace.roles)) {
      return html`<h1>${t('simulate.link')}</h1><p class="error" role="alert" data-refused>${t('simulate.notForYou')}</p>`;
    }
    if (this.problem) return html`<h1>${t('simulate.link')}</h1><p class="error" role="alert">${this.problem}</p>`;
    const content = this.content;
    if (!content) return html`<p role="status">${t('simulate.loading')}</p>`;
    const review = routeHash({ name: 'review', id: this.documentId }, content.kind);
    return html`
      <h1>${t('simulate.title', { title: this.#text(content.document.title) })}</h1>
      <p>
        ${content.version === null ? t('simulate.ofDraft') : t('simulate.ofVersion', { n: content.version })} · <a href=${review}>${t('simulate.back')}</a>
      </p>
      <p class="muted">${t('simulate.notStored')}</p>
      ${content.draftIssues > 0 ? html`<p class="error">${t('simulate.draftProblems', { n: content.draftIssues })}</p>` : nothing}
      ${this.#settings(content)}
      <div role="status" aria-live="polite">${this.running ? t('simulate.running') : this.stopped}</div>
      ${this.running ? this.#progress() : nothing}
      ${this.runProblem ? html`<p class="error" role="alert">${this.runProblem}</p>` : nothing}
      ${this.result && !this.running ? this.#results(this.result, content) : nothing}
    `;
  }

  #settings(content: SimulationContent) {
    return html`<form class="card settings" novalidate aria-label=${t('simulate.settings')} @submit=${this.#run}>
      <fieldset class="personas">
        <legend>${t('simulate.persona')}</legend>
        ${PERSONAS.map(
          (persona) => html`<label>
            <input type="radio" name="persona" value=${persona} .checked=${this.persona === persona} @change=${() => this.#change(() => (this.persona = persona))} />
            <span>${t(`simulate.persona.${persona}`)}<span class="hint">${t(`simulate.persona.${persona}.hint`)}</span></span>
          </label>`,
        )}
      </fieldset>
      <div class="field">
        <label for="start-date">${t('simulate.startDate')}</label>
        <input id="start-date" type="date" min="1900-01-01" max="2199-12-31" required .value=${this.startDate} @input=${(event: Event) => this.#change(() => (this.startDate = (event.target as HTMLInputElement).value))} />
      </div>
      <div class="field">
        <label for="time-zone">${t('simulate.timeZoneLabel')}</label>
        <select id="time-zone" aria-describedby="time-zone-hint" @change=${(event: Event) => this.#change(() => (this.timeZone = (event.target as HTMLSelectElement).value))}>
          ${timeZones(this.timeZone).map((zone) => html`<option value=${zone} ?selected=${zone === this.timeZone}>${zone}</option>`)}
        </select>
        <span class="hint" id="time-zone-hint">${t('simulate.timeZoneHint', { zone: DEFAULT_TIME_ZONE })}</span>
      </div>
      ${content.kind === 'module'
        ? html`<div class="field">
            <label for="weeks">${t('simulate.weeks')}</label>
            <input id="weeks" type="number" min="1" max="104" step="1" required .value=${String(this.weeks)} @input=${(event: Event) => this.#change(() => (this.weeks = Number((event.target as HTMLInputElement).value)))} aria-describedby="module-alone" />
            <span class="hint" id="module-alone">${t('simulate.moduleAlone')}</span>
          </div>`
        : nothing}
      <div class="field">
        <label for="seed">${t('simulate.seed')}</label>
        <input id="seed" type="number" step="1" required .value=${String(this.seed)} @input=${(event: Event) => this.#change(() => (this.seed = Number((event.target as HTMLInputElement).value)))} aria-describedby="seed-hint" />
        <span class="hint" id="seed-hint">${t('simulate.seedHint')}</span>
      </div>
      <button type="submit" class="primary" data-action="run" ?disabled=${this.running}>${t('simulate.run')}</button>
    </form>`;
  }

  #progress() {
    const progress = this.progress;
    const label = progress ? t('simulate.progress', { done: progress.daysDone, days: progress.days }) : t('simulate.starting');
    return html`<div class="running">
      <progress max=${progress?.days ?? 1} .value=${progress?.daysDone ?? 0} aria-label=${label} data-progress></progress>
      <span aria-hidden="true">${label}</span>
      <button type="button" data-action="cancel" @click=${() => this.#cancel(t('simulate.cancelled'))}>${t('simulate.cancel')}</button>
    </div>`;
  }

  /** A setting changed: a run going on no longer answers what the form shows, so it stops. */
  #change(apply: () => void): void {
    apply();
    if (this.running) this.#cancel(t('simulate.stoppedBySettings'));
  }

  #cancel(reason: string): void {
    const run = this.#job;
    if (!run) return;
    this.#job = undefined;
    run.cancel();
    this.running = false;
    this.progress = undefined;
    this.stopped = reason;
  }

  #run = (event: Event): void => {
    event.preventDefault();
    const content = this.content;
    if (!content || this.running) return;
    this.runProblem = '';
    if (!isSupportedDate(this.startDate)) {
      this.runProblem = t('simulate.badDate');
      return;
    }
    if (content.kind === 'module' && !(Number.isInteger(this.weeks) && this.weeks >= 1 && this.weeks <= 104)) {
      this.runProblem = t('simulate.badWeeks');
      return;
    }
    const options = { persona: this.persona, startDate: this.startDate, timeZone: this.timeZone, seed: Number.isFinite(this.seed) ? Math.trunc(this.seed) : 1 };
    const request: SimulationRequest = content.kind === 'program'
      ? { kind: 'program', program: content.document as Program, modules: content.modules, options }
      : { kind: 'module', module: content.document as Module, weeks: this.weeks, options };
    this.running = true;
    this.stopped = '';
    this.result = undefined;
    this.progress = undefined;
    const run = startSimulation(request, (daysDone, days) => {
      if (this.#job === run) this.progress = { daysDone, days };
    });
    this.#job = run;
    run.result.then(
      (result) => {
        if (this.#job !== run) return;
        this.result = result;
      },
      (error: unknown) => {
        if (error instanceof SimulationCancelled || this.#job !== run) return;
        this.runProblem = t('simulate.failed', { reason: error instanceof Error ? error.message : String(error) });
      },
    ).finally(() => {
      if (this.#job !== run) return;
      this.#job = undefined;
      this.running = false;
      this.progress = undefined;
    });
  };

  #results(result: SimulationResult, content: SimulationContent) {
    const count = (kind: SimulationResult['events'][number]['kind']) => result.events.filter((event) => event.kind === kind).length;
    const words = this.#words(content);
    return html`
      <section class="card" aria-labelledby="summary-title" data-summary>
        <h2 id="summary-title">${t('simulate.summary')}</h2>
        <p>${t('simulate.summaryText', { persona: t(`simulate.persona.${result.persona}`), date: words.date(result.startDate), weeks: result.durationWeeks, zone: result.timeZone })}</p>
        <ul class="counts">
          <li>${t('simulate.count.unlocks', { n: count('unlock') })}</li>
          <li>${t('simulate.count.reminders', { n: count('reminder') })}</li>
          <li>${t('simulate.count.alerts', { n: count('alert') })}</li>
          <li>${t('simulate.count.missing', { n: count('missingReport') })}</li>
        </ul>
        ${content.sources.length > 0
          ? html`<h3>${t('simulate.sources')}</h3>
              <ul data-sources>
                ${content.sources.map((source) => {
                  const title = words.moduleTitle(source.moduleId);
                  return html`<li class=${source.from === 'missing' ? 'error' : ''}>${source.from === 'version' ? t('simulate.source.version', { title, n: source.version }) : source.from === 'draft' ? t('simulate.source.draft', { title }) : t('simulate.source.missing', { title })}</li>`;
                })}
              </ul>`
          : nothing}
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">${t('simulate.timeline')}</h2>
        <label class="entries"><input type="checkbox" .checked=${this.entries} @change=${(event: Event) => (this.entries = (event.target as HTMLInputElement).checked)} /> ${t('simulate.showEntries')}</label>
        ${timelineWeeks(result, this.entries).map(
          (week) => html`<section class="week" data-week=${week.week} aria-labelledby=${`week-${week.week}`}>
            <h3 id=${`week-${week.week}`}>
              <span>${t('simulate.week', { n: week.week })}</span>
              <span class="dates">${t('simulate.weekDates', { from: words.date(week.from), to: words.date(week.to) })}</span>
              ${week.alerts > 0 ? html`<span class="week-alerts">${t('simulate.weekAlerts', { n: week.alerts })}</span>` : nothing}
            </h3>
            ${week.events.length === 0
              ? html`<p class="muted">${t('simulate.nothingThisWeek')}</p>`
              : html`<ol class="events">
                  ${week.events.map((event) => {
                    const shown = eventText(event, words);
                    return html`<li class=${shown.tone} data-kind=${event.kind}>
                      <time datetime=${event.at}>${words.instant(event.at)}</time>
                      <span>${shown.text}</span>
                      ${shown.details.length > 0 ? html`<ul class="event-details">${shown.details.map((detail) => html`<li>${detail}</li>`)}</ul>` : nothing}
                    </li>`;
                  })}
                </ol>`}
          </section>`,
        )}
      </section>
      <section class="card" aria-labelledby="charts-title">
        <h2 id="charts-title">${t('simulate.charts')}</h2>
        <cl-simulation-charts
          .charts=${result.charts}
          language=${this.#language()}
          default-language=${content.document.defaultLanguage}
          duration-weeks=${result.durationWeeks}
          .formatDate=${(value: string) => (value.length === 10 ? words.date(value) : words.instant(value))}
        ></cl-simulation-charts>
      </section>
    `;
  }

  /** The content language: the designer's language when the document declares it, else the document's default. */
  #language(): string {
    const document = this.content?.document;
    return document && (document.languages ?? []).includes(i18n.locale) ? i18n.locale : (document?.defaultLanguage ?? 'en');
  }

  #text(value: LocalizedText | string | undefined): string {
    if (value === undefined) return '';
    return typeof value === 'string' ? value : localize(value, this.#language(), this.content?.document.defaultLanguage ?? 'en');
  }

  #words(content: SimulationContent): EventWords {
    const locale = i18n.locale;
    // Instants in the run's zone: what the patient's clock and the unit's staff would read.
    const zone = this.result?.timeZone ?? this.timeZone;
    const instant = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone });
    const date = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    const maxima = new Map<string, number>();
    for (const module of Object.values(content.modules)) {
      for (const block of (module.pages ?? []).flatMap((page) => page.blocks)) {
        if (block.type === 'instrument') maxima.set(`${module.id}/${block.id}`, scoreRange(block, block.scoring.total).max);
      }
    }
    return {
      moduleTitle: (moduleId) => {
        const module = content.modules[moduleId];
        return module ? this.#text(module.title) : moduleId;
      },
      text: (value) => this.#text(value),
      instant: (at) => instant.format(new Date(at)),
      // "Due Thu 19 Mar 00:00" reads as a day later than it is: a window closing at midnight ends the day before.
      deadline: (at) => (localTimeOf(at, zone) === '00:00' ? t('simulate.endOfDay', { date: date.format(new Date(`${addDays(localDateOf(at, zone), -1)}T00:00:00Z`)) }) : instant.format(new Date(at))),
      date: (value) => date.format(new Date(`${value}T00:00:00Z`)),
      scoreMax: (moduleId, instrumentId) => maxima.get(`${moduleId}/${instrumentId}`),
    };
  }
}

/** The IANA zones to choose from, in order, with the chosen one and UTC always among them. */
function timeZones(chosen: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, chosen, DEFAULT_TIME_ZONE, 'UTC'])].sort();
}

customElements.define('cl-simulator', ClSimulator);
