import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { Module } from '@careloom/format';
import { checkAnswers } from '@careloom/format/engine';
import { pointerSegments } from '@careloom/format/validate';
import type { AnswerChangeDetail, Answers, NavigateDetail } from '@careloom/renderer';
import '@careloom/renderer';

import { editorStyles } from './editor-styles.js';
import { t } from './messages.js';
import { previewResults } from './preview-results.js';
import { DesignerElement } from '../i18n/designer-element.js';

export type PreviewWidth = 'phone' | 'desktop';

/**
 * `<cl-module-preview>`: the current page as the patient sees it, rendered by the patient app's own
 * `<cl-module-page>`, at phone (360 px) or desktop width, answerable; beside it the engine's scores,
 * bands and alerts of the page's rating scales and the zones of its registrations.
 *
 * @fires preview-page {{ pageId: string }} when the patient view's Next/Back goes to another page
 */
export class ClModulePreview extends DesignerElement {
  static override properties: PropertyDeclarations = {
    module: { attribute: false },
    pageId: { type: String, attribute: 'page-id' },
    language: { type: String },
    stale: { type: Boolean },
    width: { type: String },
    answers: { state: true },
  };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; }
      .frame { border: 1px solid var(--cl-border); border-radius: 0.75rem; overflow: auto; max-height: 80vh; background: #fff; }
      .frame.phone { width: 360px; max-width: 100%; }
      .frame.desktop { width: 100%; min-width: min(100%, 720px); }
      .results { margin: 0.5rem 0; padding-left: 1.25rem; }
      .zone-green { color: var(--cl-green, #0d652d); }
      .zone-yellow { color: var(--cl-yellow, #7a4f01); }
      .zone-red { color: #a8321a; }
    `,
  ];

  declare module: Module | undefined;
  declare pageId: string | undefined;
  declare language: string | undefined;
  declare stale: boolean;
  declare width: PreviewWidth;
  declare answers: Answers;

  constructor() {
    super();
    this.stale = false;
    this.width = 'phone';
    this.answers = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('module') || !this.module || !changed.get('module')) return;
    if ((changed.get('module') as Module).id !== this.module.id) this.answers = {};
    else this.answers = fittingAnswers(this.module, this.answers);
  }

  protected override render() {
    const module = this.module;
    const pageId = this.pageId ?? module?.pages[0]?.id;
    const results = module && pageId ? previewResults(module, pageId, this.answers, this.language ?? module.defaultLanguage) : [];
    return html`<h2>${t('preview.heading')}</h2>
      <div class="inline" role="group" aria-label=${t('preview.width')}>
        <button type="button" aria-pressed=${this.width === 'phone' ? 'true' : 'false'} @click=${() => this.#setWidth('phone')}>${t('preview.phone')}</button>
        <button type="button" aria-pressed=${this.width === 'desktop' ? 'true' : 'false'} @click=${() => this.#setWidth('desktop')}>${t('common.desktop')}</button>
        <button type="button" @click=${() => (this.answers = {})}>${t('preview.reset')}</button>
      </div>
      ${this.stale ? html`<p class="hint">${t('preview.invalid')}</p>` : nothing}
      ${module && pageId
        ? html`<div class="frame ${this.width}" role="region" aria-label=${t('preview.frame')}>
            <cl-module-page .module=${module} .pageId=${pageId} .answers=${this.answers} .language=${this.language}
              @answer-change=${this.#onAnswer} @navigate=${this.#onNavigate}></cl-module-page>
          </div>`
        : nothing}
      <h3>${t('preview.scores')}</h3>
      ${results.length === 0
        ? html`<p class="hint">${t('preview.noScores')}</p>`
        : html`<ul class="results" aria-live="polite">
            ${results.map((result) => result.kind === 'instrument'
              ? html`<li data-result=${result.blockId}>
                  ${result.total === null ? t('preview.totalMissing', { name: result.name }) : t('preview.total', { name: result.name, total: result.total })}
                  ${result.band ? html`<br />${t('preview.band', { band: result.band })}` : nothing}
                  ${result.alerts.length > 0 ? html`<br /><strong>${t('preview.alerts', { alerts: result.alerts.join('; ') })}</strong>` : nothing}
                </li>`
              : html`<li data-result=${result.blockId} class=${result.zone ? `zone-${result.zone}` : ''}>
                  ${result.zone ? t('preview.zone', { name: result.name, zone: t(`registration.${result.zone}`) }) : result.name}
                </li>`)}
          </ul>`}`;
  }

  #setWidth(width: PreviewWidth): void {
    this.width = width;
    this.dispatchEvent(new CustomEvent('preview-width', { detail: { width }, bubbles: true, composed: true }));
  }

  #onAnswer = (event: CustomEvent<AnswerChangeDetail>): void => {
    this.answers = { ...this.answers, [event.detail.itemId]: event.detail.value };
  };

  #onNavigate = (event: CustomEvent<NavigateDetail>): void => {
    event.stopPropagation();
    if (event.detail.to !== null) this.dispatchEvent(new CustomEvent('preview-page', { detail: { pageId: event.detail.to }, bubbles: true, composed: true }));
  };
}

/**
 * The preview's answers that still fit the draft: the designer reshapes items under the preview (a
 * single choice becomes a number, an option is deleted, a range narrows), and an answer given before
 * must not show up as an old option's id in a number field. Answers the engine's answer check refuses
 * for the current draft are dropped; the rest stay.
 */
export function fittingAnswers(module: Module, answers: Answers): Answers {
  if (Object.keys(answers).length === 0) return answers;
  let issues: ReturnType<typeof checkAnswers>;
  try {
    issues = checkAnswers(module, answers);
  } catch {
    // A draft the engine cannot index yet: keep what was answered until it can.
    return answers;
  }
  if (issues.length === 0) return answers;
  const misfits = new Set(issues.map((issue) => pointerSegments(issue.path)[1]).filter((id): id is string => id !== undefined));
  return Object.fromEntries(Object.entries(answers).filter(([itemId]) => !misfits.has(itemId)));
}
