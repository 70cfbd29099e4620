import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { LocalizedText, Module, Program } from '@careloom/format';
import { localize } from '@careloom/format/engine';
import '@careloom/renderer/define';
import { isApiError } from '@careloom/client/api';
import type { Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * `<cl-version-content>`: what a version holds, for a first version that has nothing to be compared
 * with. A module's pages are shown as the patient sees them (the renderer, read only), in the
 * chosen declared language; a program's schedule as a list of what opens when.
 */
export class ClVersionContent extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    version: { type: Number },
    content: { state: true },
    contentLanguage: { state: true },
    problem: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .page { border: 1px solid var(--cl-line); border-radius: 0.5rem; margin: 0.75rem 0; max-width: 480px; background: #fff; }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  declare version: number | undefined;
  declare content: Module | Program | undefined;
  /** The declared language the content is shown in. */
  declare contentLanguage: string;
  declare problem: string;
  #request = 0;

  constructor() {
    super();
    this.documentId = '';
    this.contentLanguage = '';
    this.problem = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('version') || changed.has('documentId') || changed.has('workspace')) void this.#load();
  }

  async #load(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !this.documentId || this.version === undefined) return;
    const request = ++this.#request;
    try {
      const version = await workspace.api.getVersion(this.documentId, this.version);
      if (request !== this.#request) return;
      const content = version.content as Module | Program;
      this.content = content;
      // The interface language when the content has it, else the content's own.
      this.contentLanguage = languagesOf(content).includes(i18n.locale) ? i18n.locale : content.defaultLanguage;
      this.problem = '';
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (request === this.#request) this.problem = error.detail || error.title;
    }
  }

  override render() {
    const content = this.content;
    const text = (value: LocalizedText | undefined) => (value ? localize(value, this.contentLanguage, content?.defaultLanguage ?? 'en') : '');
    return html`
      <h2 id="content-title">${t('review.contentTitle', { n: this.version ?? 1 })}</h2>
      <p class="muted">${t('review.contentIntro')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${content
        ? html`${languagesOf(content).length > 1
              ? html`<div class="field"><label for="content-language">${t('review.contentLanguage')}</label>
                  <select id="content-language" @change=${(event: Event) => (this.contentLanguage = (event.target as HTMLSelectElement).value)}>
                    ${languagesOf(content).map((language) => html`<option value=${language} ?selected=${language === this.contentLanguage}>${languageName(language)}</option>`)}
                  </select></div>`
              : nothing}
            <h3>${text(content.title)}</h3>
            ${content.summary ? html`<p>${text(content.summary)}</p>` : nothing}
            ${'pages' in content && Array.isArray(content.pages) ? this.#pages(content) : 'modules' in content && Array.isArray(content.modules) ? this.#schedule(content) : nothing}`
        : this.problem ? nothing : html`<p role="status">${t('common.loading')}</p>`}
    `;
  }

  #pages(module: Module): TemplateResult {
    return html`${module.pages.map((page, index) => html`<section class="page" data-page=${page.id} aria-label=${t('review.contentPage', { n: index + 1 })}>
      <cl-module-page .module=${module} .pageId=${page.id} .answers=${{}} .language=${this.contentLanguage} read-only></cl-module-page>
    </section>`)}`;
  }

  #schedule(program: Program): TemplateResult {
    return html`<ul>
      ${program.modules.map((entry) => html`<li data-module=${entry.module.moduleId}>${entry.module.moduleId}${'week' in entry.unlock && entry.unlock.week !== undefined ? ` · ${t('review.contentWeek', { n: entry.unlock.week })}` : ''}</li>`)}
      ${(program.measurements ?? []).map((entry) => html`<li data-module=${entry.module.moduleId}>${entry.module.moduleId} · ${t('review.contentWeeks', { weeks: entry.weeks.join(', ') })}</li>`)}
    </ul>`;
  }
}

/** The declared languages (a version that passed validation always has them; older test data may not). */
function languagesOf(content: Module | Program): string[] {
  return Array.isArray(content.languages) ? content.languages : [];
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

customElements.define('cl-version-content', ClVersionContent);

declare global {
  interface HTMLElementTagNameMap {
    'cl-version-content': ClVersionContent;
  }
}
