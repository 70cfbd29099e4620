import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Block, Module, Page } from '@careloom/format';
import { indexModule } from '@careloom/format/engine';
import type { ModuleIndex } from '@careloom/format/engine';
import { missingRequired, nextPageId, pagePath, progress } from '@careloom/format/engine';
import { isVisible, visibleBlocks } from '@careloom/format/engine';
import type { InputProblemDetail } from './base.js';
import type { AnswerChangeDetail, Answers, NavigateDetail, RenderContext, UnitContact } from './context.js';
import { domId } from './context.js';
import { localize } from '@careloom/format/engine';
import { message } from './messages.js';
import { rendererStyles } from './styles.js';
import './define.js';

/**
 * `<cl-module-page>`: one page of a module as the patient sees it; the designer's live preview uses the
 * same element. Data in, events out: no fetching, no globals, no routing.
 *
 * Properties: `module`, `pageId` (default: the first visible page), `answers`, `language` (the
 * person's interface language: the renderer's own words are in it, the content too when the module
 * has it, else in the module's default language), `unitContact`, `readOnly`, `showScores`.
 *
 * Events (bubbling, composed):
 * - `answer-change` `{ itemId, value }` on every answer. The element also keeps the answer itself, so
 *   that conditions update at once; a host may still set `answers` at any time.
 * - `navigate` `{ to }` on Back, and on Next once no required answer is missing: the page id to show,
 *   or null when the module is finished.
 */
export class ClModulePage extends LitElement {
  static override styles = rendererStyles;

  static override properties: PropertyDeclarations = {
    module: { attribute: false },
    pageId: { attribute: 'page-id' },
    answers: { attribute: false },
    language: { reflect: false },
    unitContact: { attribute: false },
    readOnly: { type: Boolean, attribute: 'read-only' },
    showScores: { type: Boolean, attribute: 'show-scores' },
    submittedErrors: { state: true },
  };

  declare module: Module | undefined;
  declare pageId: string | undefined;
  declare answers: Answers;
  declare language: string | undefined;
  declare unitContact: UnitContact | undefined;
  declare readOnly: boolean;
  declare showScores: boolean;
  /** Errors shown after Next, by item id, in page order. */
  declare submittedErrors: Record<string, string>;

  /** Problems the blocks found in typed input (not a number, too few choices), by item id. */
  private inputProblems = new Map<string, string>();
  private index: ModuleIndex | undefined;
  private indexedModule: Module | undefined;
  private focusSummary = false;
  /** The page shown by the last render, to notice a page change. */
  private lastPageId: string | undefined;

  constructor() {
    super();
    this.answers = {};
    this.readOnly = false;
    this.showScores = false;
    this.submittedErrors = {};
    this.addEventListener('answer-change', (event) => this.onAnswer(event.detail));
    this.addEventListener('cl-input-problem', (event) => this.onProblem((event as CustomEvent<InputProblemDetail>).detail));
  }

  /** The page shown: `pageId`, or the first visible page. */
  get currentPage(): Page | undefined {
    const module = this.module;
    if (!module) return undefined;
    if (this.pageId !== undefined) return module.pages.find((page) => page.id === this.pageId);
    return module.pages.find((page) => isVisible(page, this.answers)) ?? module.pages[0];
  }

  /** The language content is shown in: `language` when the module has it, else its default language. */
  get contentLanguage(): string {
    const module = this.module;
    if (!module) return this.language ?? 'en';
    const wanted = this.language;
    if (wanted && module.languages.includes(wanted)) return wanted;
    const base = wanted?.split('-')[0];
    if (base && module.languages.includes(base)) return base;
    return module.defaultLanguage;
  }

  /** The language of the renderer's own words: the person's interface language, whatever the content's. */
  get interfaceLanguage(): string {
    return this.language ?? this.contentLanguage;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('module') || changed.has('pageId')) {
      if (changed.has('module')) this.index = undefined;
      this.inputProblems = new Map();
      this.submittedErrors = {};
    }
  }

  protected override updated(): void {
    if (this.focusSummary) {
      this.focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    }
    const shown = this.currentPage?.id;
    if (this.lastPageId !== undefined && shown !== this.lastPageId) {
      // A new page: move focus to its heading so that screen readers announce it.
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
    this.lastPageId = shown;
  }

  private moduleIndex(module: Module): ModuleIndex {
    if (!this.index || this.indexedModule !== module) {
      this.index = indexModule(module);
      this.indexedModule = module;
    }
    return this.index;
  }

  private onAnswer(detail: AnswerChangeDetail): void {
    this.answers = { ...this.answers, [detail.itemId]: detail.value };
    if (Object.hasOwn(this.submittedErrors, detail.itemId)) {
      const rest = { ...this.submittedErrors };
      delete rest[detail.itemId];
      this.submittedErrors = rest;
    }
  }

  private onProblem(detail: InputProblemDetail): void {
    if (detail.message === null) this.inputProblems.delete(detail.itemId);
    else this.inputProblems.set(detail.itemId, detail.message);
  }

  /** Goes on when nothing required is missing; otherwise shows the error summary and focuses it. */
  next(): void {
    const module = this.module;
    const page = this.currentPage;
    if (!module || !page) return;
    if (!this.readOnly) {
      const errors = this.pageErrors(module, page);
      if (Object.keys(errors).length > 0) {
        this.submittedErrors = errors;
        this.focusSummary = true;
        return;
      }
    }
    this.navigate(nextPageId(module, page.id, this.answers));
  }

  /** Goes back to the page before this one on the patient's path. */
  back(): void {
    const previous = this.previousPageId();
    if (previous !== null) this.navigate(previous);
  }

  private navigate(to: string | null): void {
    this.dispatchEvent(new CustomEvent<NavigateDetail>('navigate', { detail: { to }, bubbles: true, composed: true }));
  }

  private previousPageId(): string | null {
    const module = this.module;
    const page = this.currentPage;
    if (!module || !page) return null;
    const path = pagePath(module, this.answers);
    const position = path.indexOf(page.id);
    if (position > 0) return path[position - 1] ?? null;
    if (position === 0) return null;
    // Not on the path (a preview jumped here): the previous visible page in reading order.
    const documentPosition = module.pages.indexOf(page);
    for (let index = documentPosition - 1; index >= 0; index -= 1) {
      const candidate = module.pages[index];
      if (candidate && isVisible(candidate, this.answers)) return candidate.id;
    }
    return null;
  }

  private pageErrors(module: Module, page: Page): Record<string, string> {
    const index = this.moduleIndex(module);
    const language = this.interfaceLanguage;
    const errors: Record<string, string> = {};
    const missing = new Set(missingRequired(module, page.id, this.answers, index));
    const shownBlocks = new Set(visibleBlocks(page, this.answers).map((block) => block.id));
    for (const block of page.blocks) {
      if (!shownBlocks.has(block.id)) continue;
      for (const item of [...index.items.values()].filter((candidate) => candidate.blockId === block.id)) {
        const problem = this.inputProblems.get(item.id);
        if (problem) errors[item.id] = problem;
        else if (missing.has(item.id)) errors[item.id] = message(language, item.source === 'field' ? 'fillInField' : 'answerQuestion');
      }
    }
    return errors;
  }

  private context(): RenderContext {
    const module = this.module;
    return {
      language: this.contentLanguage,
      interfaceLanguage: this.interfaceLanguage,
      fallbackLanguage: module?.defaultLanguage ?? 'en',
      answers: this.answers,
      errors: this.submittedErrors,
      readOnly: this.readOnly,
      showScores: this.showScores,
      ...(this.unitContact ? { unitContact: this.unitContact } : {}),
    };
  }

  protected override render(): TemplateResult | typeof nothing {
    const module = this.module;
    const page = this.currentPage;
    if (!module || !page) return nothing;
    const ctx = this.context();
    const language = ctx.language;
    const t = (text: Record<string, string> | undefined) => localize(text, language, ctx.fallbackLanguage);
    const where = progress(module, this.answers, { currentPageId: page.id, index: this.moduleIndex(module) });
    const nextId = nextPageId(module, page.id, this.answers);
    const hasPrevious = this.previousPageId() !== null;
    // The renderer's own words carry the interface language, so a screen reader reads them in it.
    const words = this.interfaceLanguage;
    return html`<article class="page" lang=${language} aria-labelledby="cl-page-title">
      ${where.position !== null
        ? html`<p class="progress" lang=${words}>${message(words, 'pageOf', { x: where.position + 1, y: where.totalPages })}</p>`
        : nothing}
      <h1 id="cl-page-title" tabindex="-1">${t(page.title)}</h1>
      ${this.renderErrorSummary(module, page, language)}
      ${repeat(
        visibleBlocks(page, this.answers),
        (block) => `${page.id}/${block.id}`,
        (block) => renderBlock(block, ctx),
      )}
      <nav class="page-nav" aria-label=${t(module.title)}>
        ${hasPrevious ? html`<button type="button" class="secondary" data-action="back" lang=${words} @click=${() => this.back()}>${message(words, 'common.back')}</button>` : nothing}
        <button type="button" class="primary" data-action="next" lang=${words} @click=${() => this.next()}>
          ${message(words, nextId === null ? 'finish' : 'next')}
        </button>
      </nav>
    </article>`;
  }

  private renderErrorSummary(module: Module, page: Page, language: string): TemplateResult | typeof nothing {
    const entries = Object.entries(this.submittedErrors);
    if (entries.length === 0) return nothing;
    const labels = itemLabels(page, language, module.defaultLanguage);
    const words = this.interfaceLanguage;
    return html`<div class="error-summary" tabindex="-1" role="group" aria-labelledby="cl-error-summary-title">
      <h2 id="cl-error-summary-title" lang=${words}>${message(words, 'errorSummaryTitle')}</h2>
      <p lang=${words}>${message(words, 'errorSummaryIntro')}</p>
      <ul>
        ${entries.map(
          ([itemId, error]) => html`<li>
            <a href=${`#${domId.input(itemId)}`} @click=${(event: Event) => this.focusItem(event, itemId)}>${labels.get(itemId) ?? itemId}: ${error}</a>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private focusItem(event: Event, itemId: string): void {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(domId.input(itemId))}`);
    if (!target) return;
    target.closest('fieldset, .item')?.scrollIntoView({ block: 'start' });
    target.focus();
  }
}

/** The visible label of every answerable item on a page, by item id. */
function itemLabels(page: Page, language: string, fallback: string): Map<string, string> {
  const t = (text: Record<string, string> | undefined) => localize(text, language, fallback);
  const labels = new Map<string, string>();
  for (const block of page.blocks) {
    switch (block.type) {
      case 'question':
        labels.set(block.id, t(block.prompt));
        break;
      case 'grid':
        for (const row of block.rows) labels.set(row.id, t(row.prompt));
        break;
      case 'instrument':
        block.items.forEach((item, index) => labels.set(item.id, `${index + 1}. ${t(item.text)}`));
        break;
      case 'exercise':
      case 'registration':
        for (const field of block.fields ?? []) labels.set(field.id, t(field.label));
        break;
      default:
        break;
    }
  }
  return labels;
}

/** The element of one block. */
export function renderBlock(block: Block, ctx: RenderContext): TemplateResult {
  switch (block.type) {
    case 'text':
      return html`<cl-text-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-text-block>`;
    case 'image':
      return html`<cl-image-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-image-block>`;
    case 'film':
      return html`<cl-film-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-film-block>`;
    case 'audio':
      return html`<cl-audio-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-audio-block>`;
    case 'question':
      return html`<cl-question-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-question-block>`;
    case 'grid':
      return html`<cl-grid-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-grid-block>`;
    case 'instrument':
      return html`<cl-instrument-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-instrument-block>`;
    case 'exercise':
      return html`<cl-exercise-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-exercise-block>`;
    case 'registration':
      return html`<cl-registration-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-registration-block>`;
    case 'unitContact':
      return html`<cl-unit-contact-block class="block" data-block=${block.id} .block=${block} .ctx=${ctx}></cl-unit-contact-block>`;
  }
}

if (!customElements.get('cl-module-page')) customElements.define('cl-module-page', ClModulePage);

declare global {
  interface HTMLElementTagNameMap {
    'cl-module-page': ClModulePage;
  }
}
