import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { Module } from '@careloom/format';
import { localize } from '@careloom/format/engine';
import { firstPageId } from '@careloom/format/engine';
import { isApiError } from '@careloom/client/api';
import type { TestEnrollmentView } from '@careloom/format/api';
import { routeHash } from '../app/router.js';
import type { Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import type { AnswerChangeDetail, Answers, NavigateDetail } from '@careloom/renderer';
import '@careloom/renderer/define';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { runSummary, type InstrumentSummary, type RegistrationSummary } from './run-summary.js';
import { DesignerElement } from '../i18n/designer-element.js';

const ALERT_LEVEL = { info: 'common.levelInfo', warning: 'common.levelWarning', urgent: 'common.levelUrgent' } as const;
const ZONE = { green: 'common.zoneGreen', yellow: 'common.zoneYellow', red: 'common.zoneRed' } as const;

export type RunWidth = 'phone' | 'desktop';

/**
 * `<cl-test-run>` (`#/modules/<id>/versions/<n>/try/<testEnrollmentId>`): a tester or publisher goes
 * through a module version approved for test (or released) exactly as a patient would, on a test
 * enrollment: the enrollment's content, page by page in the patient app's own `<cl-module-page>`
 * (phone or desktop width), with the engine's navigation (branches, required answers). Answers live
 * in this element only and are never sent anywhere. At the end it shows what the engine computes
 * (totals, bands, subscales, alerts, registration zones), so scoring can be checked against the manual.
 */
export class ClTestRun extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    versionNumber: { type: Number, attribute: 'version' },
    enrollmentId: { type: String, attribute: 'enrollment-id' },
    enrollment: { state: true },
    pageId: { state: true },
    answers: { state: true },
    finished: { state: true },
    width: { state: true },
    language: { state: true },
    problem: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      :host {
        display: block;
      }
      .notice {
        border-left: 0.3rem solid var(--cl-warn);
        background: var(--cl-warn-bg);
        padding: 0.5rem 0.75rem;
        margin: 0.75rem 0;
      }
      .notice p {
        margin: 0.25rem 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        margin: 0.75rem 0;
      }
      .toolbar .group {
        display: flex;
        gap: 0.25rem;
      }
      .toolbar label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      button[aria-pressed='true'] {
        background: var(--cl-accent);
        color: var(--cl-accent-text);
        border-color: var(--cl-accent);
      }
      .frame {
        border: 1px solid var(--cl-border);
        border-radius: 0.75rem;
        background: #fff;
        margin: 0 auto;
      }
      .frame.phone {
        width: 360px;
        max-width: 100%;
      }
      .frame.desktop {
        width: 100%;
      }
      .results,
      .alerts,
      .rules {
        padding-left: 1.25rem;
      }
      .results > li {
        margin-bottom: 0.75rem;
      }
      .alert-urgent,
      .zone-red {
        color: var(--cl-error);
      }
      .alert-warning,
      .zone-yellow {
        color: var(--cl-warn);
      }
      .zone-green {
        color: var(--cl-ok);
      }
      h1:focus,
      h2:focus {
        outline: none;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  declare versionNumber: number;
  declare enrollmentId: string;
  declare enrollment: TestEnrollmentView | undefined;
  declare pageId: string | undefined;
  declare answers: Answers;
  declare finished: boolean;
  declare width: RunWidth;
  declare language: string | undefined;
  declare problem: string;
  /** The page a patient left from when finishing, to go back to it from the summary. */
  #lastPageId: string | undefined;
  #focus: 'summary' | 'page' | undefined;

  constructor() {
    super();
    this.documentId = '';
    this.versionNumber = 0;
    this.enrollmentId = '';
    this.answers = {};
    this.finished = false;
    this.width = 'phone';
    this.problem = '';
  }

  /** The module under test, once the enrollment is loaded. */
  get module(): Module | undefined {
    return this.enrollment?.kind === 'module' ? (this.enrollment.content as Module) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('enrollmentId') || changed.has('workspace')) void this.#load();
  }

  protected override updated(): void {
    const focus = this.#focus;
    this.#focus = undefined;
    if (focus === 'summary') this.renderRoot.querySelector<HTMLElement>('#summary-title')?.focus();
    if (focus === 'page') void this.#focusPageHeading();
  }

  /** After starting again or going back, focus the page's heading so screen readers announce where they are. */
  async #focusPageHeading(): Promise<void> {
    const page = this.renderRoot.querySelector('cl-module-page');
    if (!page) return;
    await page.updateComplete;
    page.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  async #load(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !this.enrollmentId) return;
    this.enrollment = undefined;
    this.problem = '';
    try {
      const enrollment = await workspace.api.getTestEnrollment(this.enrollmentId);
      if (enrollment.documentId !== this.documentId || enrollment.versionNumber !== this.versionNumber) {
        this.problem = t('testRun.mismatch', { id: enrollment.documentId, n: enrollment.versionNumber });
        return;
      }
      if (enrollment.kind !== 'module') {
        this.problem = t('testRun.notAModule');
        return;
      }
      this.enrollment = enrollment;
      const module = enrollment.content as Module;
      this.language = module.languages.includes(i18n.locale) ? i18n.locale : module.defaultLanguage;
      this.#startAgain(false);
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.problem = `${t('testRun.loadFailed')} ${errorText(error)}`;
    }
  }

  override render() {
    if (!this.workspace) return null;
    const reviewLink = html`<a href=${routeHash({ name: 'review', id: this.documentId })}>${t('testRun.backToReview')}</a>`;
    if (this.problem) return html`<h1>${t('testRun.loadFailed')}</h1><p class="error" role="alert">${this.problem}</p><p>${reviewLink}</p>`;
    const module = this.module;
    const enrollment = this.enrollment;
    if (!module || !enrollment) return html`<p role="status">${t('testRun.loading')}</p>`;
    const language = this.language ?? module.defaultLanguage;
    return html`
      <h1>${t('testRun.title', { title: localize(module.title, language, module.defaultLanguage) })}</h1>
      <p class="muted">${t('testRun.version', { n: enrollment.versionNumber, hash: enrollment.contentHash.slice(0, 12) })}</p>
      <div class="notice" role="note">
        <p><strong>${t('testRun.notSaved')}</strong></p>
        <p>${t('testRun.notSavedDetail')}</p>
      </div>
      <div class="toolbar" role="group" aria-label=${t('testRun.controls')}>
        <div class="group" role="group" aria-label=${t('testRun.width')}>
          ${(['phone', 'desktop'] as const).map(
            (width) => html`<button type="button" data-width=${width} aria-pressed=${this.width === width ? 'true' : 'false'} @click=${() => (this.width = width)}>${t(width === 'desktop' ? 'common.desktop' : 'testRun.phone')}</button>`,
          )}
        </div>
        ${module.languages.length > 1
          ? html`<label>${t('testRun.language')}
              <select id="language" @change=${(event: Event) => (this.language = (event.target as HTMLSelectElement).value)}>
                ${module.languages.map((code) => html`<option value=${code} ?selected=${code === language}>${languageName(code)}</option>`)}
              </select>
            </label>`
          : nothing}
        <button type="button" data-action="start-again" @click=${() => this.#startAgain(true)}>${t('testRun.startAgain')}</button>
        ${reviewLink}
      </div>
      ${this.finished ? this.#summary(module, language, reviewLink) : this.#frame(module, language)}
    `;
  }

  #frame(module: Module, language: string): TemplateResult {
    return html`<div class="frame ${this.width}" role="region" aria-label=${t('testRun.frame')}>
      <cl-module-page .module=${module} .pageId=${this.pageId} .answers=${this.answers} .language=${language} @answer-change=${this.#onAnswer} @navigate=${this.#onNavigate}></cl-module-page>
    </div>`;
  }

  #summary(module: Module, language: string, reviewLink: TemplateResult): TemplateResult {
    const summary = runSummary(module, this.answers, language);
    return html`<section class="card summary" aria-labelledby="summary-title">
      <h2 id="summary-title" tabindex="-1">${t('testRun.finishedTitle')}</h2>
      <p>${t('testRun.finished')}</p>
      <h3>${t('testRun.results')}</h3>
      ${summary.results.length === 0
        ? html`<p class="muted">${t('testRun.noResults')}</p>`
        : html`<ul class="results">
            ${summary.results.map((result) => (result.kind === 'instrument' ? instrumentResult(result) : registrationResult(result)))}
          </ul>`}
      <h3>${t('testRun.path')}</h3>
      <ol class="path">
        ${summary.path.map((page) => html`<li data-page=${page.id}>${page.title}</li>`)}
      </ol>
      <div class="row">
        <button type="button" data-action="back-to-last-page" @click=${this.#backToLastPage}>${t('testRun.backToLastPage')}</button>
        <button type="button" class="primary" data-action="start-again-summary" @click=${() => this.#startAgain(true)}>${t('testRun.startAgain')}</button>
        ${reviewLink}
      </div>
    </section>`;
  }

  #startAgain(focus: boolean): void {
    const module = this.module;
    if (!module) return;
    this.answers = {};
    this.finished = false;
    this.pageId = firstPageId(module, {}) ?? module.pages[0]?.id;
    this.#lastPageId = undefined;
    if (focus) this.#focus = 'page';
  }

  #backToLastPage = (): void => {
    this.finished = false;
    this.pageId = this.#lastPageId ?? this.pageId;
    this.#focus = 'page';
  };

  #onAnswer = (event: CustomEvent<AnswerChangeDetail>): void => {
    this.answers = { ...this.answers, [event.detail.itemId]: event.detail.value };
  };

  #onNavigate = (event: CustomEvent<NavigateDetail>): void => {
    event.stopPropagation();
    if (event.detail.to === null) {
      this.#lastPageId = this.pageId;
      this.finished = true;
      this.#focus = 'summary';
    } else {
      this.pageId = event.detail.to;
    }
  };
}

function instrumentResult(result: InstrumentSummary): TemplateResult {
  return html`<li data-result=${result.blockId}>
    <p class="total">
      <strong>${result.total === null ? t('testRun.totalMissing', { name: result.name, n: result.missing.length }) : t('testRun.total', { name: result.name, total: result.total, max: result.max })}</strong>
    </p>
    ${result.band ? html`<p class="band">${t('testRun.band', { band: result.band })}</p>` : nothing}
    ${result.total !== null && result.missing.length > 0 ? html`<p class="muted">${t('testRun.imputed', { n: result.missing.length })}</p>` : nothing}
    ${result.subscales.length > 0
      ? html`<ul>
          ${result.subscales.map((subscale) => html`<li data-subscale=${subscale.id}>${t('testRun.subscale', { name: subscale.name, score: subscale.score ?? t('testRun.noScore') })}</li>`)}
        </ul>`
      : nothing}
    ${result.alerts.length === 0
      ? html`<p class="muted">${t('testRun.noAlerts')}</p>`
      : html`<p>${t('testRun.alerts')}</p>
          <ul class="alerts">
            ${result.alerts.map((alert) => html`<li data-alert=${alert.id} class="alert-${alert.level}"><strong>${t(ALERT_LEVEL[alert.level])}:</strong> ${alert.message}</li>`)}
          </ul>`}
  </li>`;
}

function registrationResult(result: RegistrationSummary): TemplateResult {
  return html`<li data-result=${result.blockId}>
    <p class=${result.zone ? `zone-${result.zone}` : ''}>
      <strong>${result.zone ? t('testRun.zone', { name: result.name, zone: t(ZONE[result.zone]) }) : t('testRun.zoneNone', { name: result.name })}</strong>
    </p>
    ${result.rules.length > 0
      ? html`<ul class="rules">
          ${result.rules.map((rule) => html`<li data-rule=${rule.id}>${rule.explanation || rule.id}${rule.alert ? html` — <strong>${t('testRun.ruleAlert')}</strong>` : nothing}</li>`)}
        </ul>`
      : nothing}
  </li>`;
}

/** A content language's own name ("svenska"), falling back to its code. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

customElements.define('cl-test-run', ClTestRun);

declare global {
  interface HTMLElementTagNameMap {
    'cl-test-run': ClTestRun;
  }
}
