import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { DraftView, FhirImportView, ImportNote } from '@careloom/format/api';
import type { Workspace } from '../app/workspace.js';
import { i18n, t, type MessageKey } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { freeId } from './free-id.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** Fields that name an item to a person, in the order tried. */
const WORDING_FIELDS = ['label', 'question', 'text', 'name', 'title'] as const;

/**
 * How the draft names the item with `id` to a person (its question or label in `language`, else in
 * the draft's default language), or undefined when the draft has no such item (it was left out).
 */
export function itemWords(content: unknown, id: string, language: string): string | undefined {
  const fallback = typeof content === 'object' && content !== null && typeof (content as { defaultLanguage?: unknown }).defaultLanguage === 'string' ? (content as { defaultLanguage: string }).defaultLanguage : 'en';
  const seen = new Set<unknown>();
  const search = (value: unknown, depth: number): string | undefined => {
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 40) return undefined;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const entry of value) {
        const found = search(entry, depth + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    const record = value as Record<string, unknown>;
    if (record.id === id) {
      for (const field of WORDING_FIELDS) {
        const words = record[field];
        if (typeof words === 'string' && words.trim() !== '') return words.trim();
        if (typeof words === 'object' && words !== null) {
          const localised = words as Record<string, unknown>;
          const text = localised[language] ?? localised[fallback] ?? Object.values(localised).find((entry) => typeof entry === 'string');
          if (typeof text === 'string' && text.trim() !== '') return text.trim();
        }
      }
    }
    for (const entry of Object.values(record)) {
      const found = search(entry, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return search(content, 0);
}

/** Each item's text in the Questionnaire as given, by linkId (items left out of the draft are named by these). */
export function questionnaireTexts(questionnaire: unknown): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (items: unknown, depth: number) => {
    if (!Array.isArray(items) || depth > 40) return;
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const { linkId, text, item: children } = item as { linkId?: unknown; text?: unknown; item?: unknown };
      if (typeof linkId === 'string' && typeof text === 'string' && text.trim() !== '' && !texts.has(linkId)) texts.set(linkId, text.trim());
      walk(children, depth + 1);
    }
  };
  walk(typeof questionnaire === 'object' && questionnaire !== null ? (questionnaire as { item?: unknown }).item : undefined, 0);
  return texts;
}

/** The module id a Questionnaire suggests: its name or id in lower case, letters, digits and '-'. */
export function suggestedId(questionnaire: unknown, taken: readonly string[]): string {
  const record = typeof questionnaire === 'object' && questionnaire !== null ? (questionnaire as Record<string, unknown>) : {};
  const source = [record.name, record.id, record.title].find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined;
  const slug = (source ?? 'questionnaire')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
  return freeId(/^[a-z0-9][a-z0-9-]{1,63}$/.test(slug) ? slug : `questionnaire-${slug}`.replace(/-+$/, '').slice(0, 56) || 'questionnaire', taken);
}

/**
 * `<cl-fhir-import>`: a designer brings in a FHIR R4 Questionnaire (a file, or pasted) as a new
 * module draft. Afterwards it lists, in the designer's language, what could not be carried over as
 * it was, naming each question by its words in the draft, and offers to open the draft. Fires
 * `document-created` with the draft when the designer opens it.
 */
export class ClFhirImport extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    takenIds: { attribute: false },
    busy: { state: true },
    problem: { state: true },
    imported: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      textarea { width: 100%; min-height: 8rem; font-family: monospace; }
      .notes li { margin: 0.25rem 0; }
      .done { border-left: 4px solid currentColor; padding-left: 0.75rem; }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare takenIds: readonly string[];
  declare busy: boolean;
  declare problem: string;
  /** The last import's answer, shown until the designer opens the draft or imports another. */
  declare imported: FhirImportView | undefined;
  /** The imported Questionnaire's item texts by linkId. */
  #texts = new Map<string, string>();

  constructor() {
    super();
    this.takenIds = [];
    this.busy = false;
    this.problem = '';
    this.imported = undefined;
  }

  override render() {
    return html`
      <form @submit=${this.#submit} aria-labelledby="fhir-import-title" novalidate>
        <h2 id="fhir-import-title">${t('fhirImport.title')}</h2>
        <p class="hint">${t('fhirImport.intro')}</p>
        <div class="field">
          <label for="fhir-file">${t('fhirImport.file')}</label>
          <input id="fhir-file" name="file" type="file" accept="application/json,application/fhir+json,.json" />
        </div>
        <div class="field">
          <label for="fhir-text">${t('fhirImport.paste')}</label>
          <textarea id="fhir-text" name="text" spellcheck="false"></textarea>
        </div>
        <div class="field">
          <label for="fhir-id">${t('fhirImport.id')}</label>
          <input id="fhir-id" name="id" pattern="[a-z0-9][a-z0-9\\-]{1,63}" aria-describedby="fhir-id-hint" />
          <span class="hint" id="fhir-id-hint">${t('create.idHint')}</span>
        </div>
        ${this.problem ? html`<div class="error" role="alert"><p>${this.problem}</p></div>` : null}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('fhirImport.submit')}</button>
      </form>
      ${this.imported ? this.#result(this.imported) : null}
    `;
  }

  #result(imported: FhirImportView) {
    const language = i18n.locale;
    const title = itemWordsOfTitle(imported, language);
    return html`<section class="done" role="status" aria-labelledby="fhir-done">
      <p id="fhir-done"><strong>${t('fhirImport.done', { title })}</strong></p>
      ${imported.notes.length === 0
        ? html`<p>${t('fhirImport.allCarried')}</p>`
        : html`<h3>${t('fhirImport.notesTitle', { count: imported.notes.length })}</h3>
            <ul class="notes">${imported.notes.map((note) => html`<li data-code=${note.code}>${this.#noteWords(note, imported.content, language)}</li>`)}</ul>`}
      <button class="primary" type="button" @click=${this.#open}>${t('fhirImport.open')}</button>
    </section>`;
  }

  /** One note in the designer's words: the question by its words in the draft, or the Questionnaire as a whole. */
  #noteWords(note: ImportNote, content: unknown, language: string): string {
    // The draft's words where the item is in it (in the designer's language if it has it), else the Questionnaire's own.
    const item = note.linkId === undefined ? t('fhirImport.whole') : `“${itemWords(content, note.linkId, language) ?? this.#texts.get(note.linkId) ?? note.linkId}”`;
    return t(`fhirImport.note.${note.code}` as MessageKey, { item });
  }

  #open = (): void => {
    const imported = this.imported;
    if (!imported) return;
    const draft: DraftView = { document: imported.document, content: imported.content, issues: imported.issues, seq: imported.seq } as DraftView;
    this.imported = undefined;
    this.dispatchEvent(new CustomEvent<DraftView>('document-created', { detail: draft, bubbles: true, composed: true }));
  };

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const workspace = this.workspace;
    if (!workspace || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    this.problem = '';
    this.imported = undefined;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const pasted = (form.elements.namedItem('text') as HTMLTextAreaElement).value.trim();
    const text = file ? await file.text() : pasted;
    if (text.trim() === '') {
      this.problem = t('fhirImport.chooseSource');
      return;
    }
    let questionnaire: unknown;
    try {
      questionnaire = JSON.parse(text) as unknown;
    } catch (error) {
      this.problem = t('fhirImport.notJson', { reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (typeof questionnaire !== 'object' || questionnaire === null || (questionnaire as { resourceType?: unknown }).resourceType !== 'Questionnaire') {
      this.problem = t('fhirImport.notQuestionnaire');
      return;
    }
    const typed = (form.elements.namedItem('id') as HTMLInputElement).value.trim();
    const id = typed !== '' ? typed : suggestedId(questionnaire, this.takenIds);
    this.busy = true;
    try {
      this.#texts = questionnaireTexts(questionnaire);
      this.imported = await workspace.api.importFhirQuestionnaire({ organisationId: workspace.organisationId, id, questionnaire });
      form.reset();
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.problem = importProblem(error.issues.map((issue) => issue.code)) ?? errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

/** The module's title in the designer's language, else its default language's, else its id. */
function itemWordsOfTitle(imported: FhirImportView, language: string): string {
  const content = imported.content as { title?: Record<string, string>; defaultLanguage?: string } | undefined;
  const titles = content?.title;
  return (titles && (titles[language] ?? (content?.defaultLanguage ? titles[content.defaultLanguage] : undefined) ?? Object.values(titles)[0])) || imported.document.id;
}

/** A refusal of the whole import in the designer's words, where the server named why. */
function importProblem(codes: readonly string[]): string | undefined {
  if (codes.includes('fhir.not_questionnaire')) return t('fhirImport.notQuestionnaire');
  if (codes.includes('fhir.empty')) return t('fhirImport.nothing');
  if (codes.includes('fhir.depth') || codes.includes('fhir.size')) return t('fhirImport.tooBig');
  return undefined;
}

customElements.define('cl-fhir-import', ClFhirImport);

declare global {
  interface HTMLElementTagNameMap {
    'cl-fhir-import': ClFhirImport;
  }
}
