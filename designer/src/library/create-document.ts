import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { ApiIssue } from '@careloom/client/api';
import type { CreateDocumentInput, DraftView, ExampleSummary } from '@careloom/format/api';
import type { Workspace } from '../app/workspace.js';
import { i18n, LOCALES, t } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { freeId } from './free-id.js';
import { idFromTitle } from './id-from-title.js';
import { DesignerElement } from '../i18n/designer-element.js';

type Source = 'scratch' | 'example' | 'upload';

/**
 * Creates a module or program: from scratch (title, id, language), from one of the server's
 * examples, or from an uploaded JSON file. Refusals are shown with every issue in words.
 * From scratch the id is suggested from the title as it is typed (free among `takenIds`) until the
 * person types one of their own, and the content language starts as the interface language.
 * From an example the id is filled in with one that `takenIds` does not use (the organisation may
 * have the example under its own id already) and can be changed.
 * Fires `document-created` with the new draft.
 */
export class ClCreateDocument extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    examples: { attribute: false },
    takenIds: { attribute: false },
    kind: { state: true },
    example: { state: true },
    typedId: { state: true },
    typedTitle: { state: true },
    source: { state: true },
    busy: { state: true },
    problem: { state: true },
    issues: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      .choices label {
        font-weight: 400;
        display: inline-flex;
        gap: 0.375rem;
        align-items: center;
        min-height: 2.5rem;
      }
      input[type='radio'] {
        width: 1.125rem;
        height: 1.125rem;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare examples: readonly ExampleSummary[];
  /** Ids of the documents that exist already (the library's list), so a suggested id is free. */
  declare takenIds: readonly string[];
  declare kind: 'module' | 'program';
  declare source: Source;
  declare busy: boolean;
  declare problem: string;
  declare issues: readonly ApiIssue[];
  /** The chosen example's id (undefined: the first of the list). */
  declare example: string | undefined;
  /** The id as the person typed it; undefined while they take the suggestion. */
  declare typedId: string | undefined;
  /** The title typed so far, from which the id is suggested. */
  declare typedTitle: string;
  /** Ids the server refused as taken (by a document this library does not list). */
  #refusedIds: string[] = [];

  constructor() {
    super();
    this.examples = [];
    this.takenIds = [];
    this.kind = 'module';
    this.source = 'scratch';
    this.busy = false;
    this.problem = '';
    this.issues = [];
    this.typedTitle = '';
  }

  /** Moves focus to the form's first field (the library's "New" button opens the form with it). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.focus();
  }

  override render() {
    const examples = this.examples.filter((example) => example.kind === this.kind && example.valid);
    const example = examples.find((candidate) => candidate.id === this.example) ?? examples[0];
    return html`
      <form @submit=${this.#submit} aria-labelledby="create-title" novalidate>
        <h2 id="create-title">${t('create.title')}</h2>
        <fieldset>
          <legend>${t('create.kind')}</legend>
          <div class="choices">
            ${(['module', 'program'] as const).map(
              (kind) => html`<label><input type="radio" name="kind" value=${kind} .checked=${this.kind === kind} @change=${() => this.#setKind(kind)} />${t(kind === 'program' ? 'common.program' : 'common.module')}</label>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${t('create.source')}</legend>
          <div class="choices">
            ${(['scratch', 'example', 'upload'] as const).map(
              (source) => html`<label><input type="radio" name="source" value=${source} .checked=${this.source === source} @change=${() => this.#setSource(source)} />${t(`create.source.${source}`)}</label>`,
            )}
          </div>
        </fieldset>
        ${this.source === 'scratch' ? this.#scratchFields() : null}
        ${this.source === 'example'
          ? html`<div class="field">
              <label for="example">${t('create.example')}</label>
              <select id="example" name="example" required @change=${(event: Event) => (this.example = (event.target as HTMLSelectElement).value)}>
                ${examples.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate === example}>${candidate.title} (${candidate.id})</option>`)}
              </select>
              ${examples.length === 0 ? html`<span class="hint">${t('create.noExamples')}</span>` : null}
            </div>`
          : null}
        ${this.source === 'upload'
          ? html`<div class="field">
              <label for="file">${t('create.file')}</label>
              <input id="file" name="file" type="file" accept="application/json,.json" required aria-describedby="file-hint" />
              <span class="hint" id="file-hint">${t('create.fileHint')}</span>
            </div>`
          : null}
        ${this.source === 'example' && example ? this.#exampleIdField(example) : null}
        ${this.source === 'upload'
          ? html`<div class="field">
              <label for="id">${t('create.idOptional')}</label>
              <input id="id" name="id" pattern="[a-z0-9][a-z0-9\\-]{1,63}" aria-describedby="id-hint" />
              <span class="hint" id="id-hint">${t('create.idHint')}</span>
            </div>`
          : null}
        ${this.problem
          ? html`<div class="error" role="alert">
              ${this.issues.length === 0 ? html`<p>${this.problem}</p>` : this.issues.length === 1 ? html`<p>${this.issues[0]!.message}</p>` : html`<ul>${this.issues.map((issue) => html`<li>${issue.message}</li>`)}</ul>`}
            </div>`
          : null}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('create.submit', { kind: t(this.kind === 'program' ? 'common.program' : 'common.module') })}</button>
      </form>
    `;
  }

  #scratchFields() {
    const suggested = idFromTitle(this.typedTitle, [...this.takenIds, ...this.#refusedIds]);
    const names = new Intl.DisplayNames([i18n.locale], { type: 'language' });
    return html`
      <div class="row">
        <div class="field">
          <label for="title">${t('common.title')}</label>
          <input id="title" name="title" required maxlength="200" .value=${this.typedTitle} @input=${(event: Event) => (this.typedTitle = (event.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="id">${t('common.id')}</label>
          <input id="id" name="id" required pattern="[a-z0-9][a-z0-9\\-]{1,63}" aria-describedby="id-hint" .value=${this.typedId ?? suggested}
            @input=${(event: Event) => (this.typedId = (event.target as HTMLInputElement).value)} />
          <span class="hint" id="id-hint">${t('create.idFromTitleHint')}</span>
        </div>
        <div class="field">
          <label for="language">${t('create.contentLanguage')}</label>
          <select id="language" name="language">
            ${LOCALES.map((locale) => html`<option value=${locale} ?selected=${locale === i18n.locale}>${names.of(locale) ?? locale} (${locale})</option>`)}
          </select>
        </div>
      </div>
    `;
  }

  /** The new document's id, filled in with a free one based on the example's; the person may change it. */
  #exampleIdField(example: ExampleSummary) {
    const value = this.typedId ?? freeId(example.id, [...this.takenIds, ...this.#refusedIds]);
    return html`<div class="field">
      <label for="id">${t('common.id')}</label>
      <input id="id" name="id" required pattern="[a-z0-9][a-z0-9\\-]{1,63}" aria-describedby="id-hint" .value=${value}
        @input=${(event: Event) => (this.typedId = (event.target as HTMLInputElement).value)} />
      <span class="hint" id="id-hint">${t('create.idHint')}</span>
    </div>`;
  }

  #setKind(kind: 'module' | 'program'): void {
    this.kind = kind;
    this.typedId = undefined;
  }

  #setSource(source: Source): void {
    this.source = source;
    this.typedId = undefined;
    this.problem = '';
    this.issues = [];
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const workspace = this.workspace;
    if (!workspace || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '').trim();
    this.problem = '';
    this.issues = [];
    const input: CreateDocumentInput = { organisationId: workspace.organisationId, kind: this.kind };
    if (value('id') !== '') input.id = value('id');
    if (this.source === 'scratch') {
      input.title = value('title');
      input.language = value('language');
    } else if (this.source === 'example') {
      if (value('example') === '') return this.#refuse(t('create.chooseExample'));
      if (value('id') === '') return this.#refuse(t('create.chooseId'));
      input.example = value('example');
    } else {
      const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
      if (!file) return this.#refuse(t('create.chooseFile'));
      try {
        input.document = JSON.parse(await file.text()) as unknown;
      } catch (error) {
        return this.#refuse(t('create.notJson', { name: file.name, reason: error instanceof Error ? error.message : String(error) }));
      }
      // The server detects the kind of an upload; sending ours would turn a mismatch into an error about the radio button.
      delete input.kind;
    }
    this.busy = true;
    try {
      const draft = await workspace.api.createDocument(input);
      this.dispatchEvent(new CustomEvent<DraftView>('document-created', { detail: draft, bubbles: true, composed: true }));
    } catch (error) {
      if (!isApiError(error)) throw error;
      // Ids are shared by every organisation, so one the library does not list can be taken: the
      // server says so without saying where, and the field proposes the next free one.
      if (error.status === 409 && input.id !== undefined && error.issues.some((issue) => issue.code === 'authoring.id_taken')) {
        this.#refusedIds = [...this.#refusedIds, input.id];
        this.typedId = undefined;
      }
      // Each problem once, in the designer's words and language; the server's summary only when it named none.
      this.#refuse(errorText(error), error.issues.map((issue) => ({ ...issue, message: createIssueWords(issue, input) })));
    } finally {
      this.busy = false;
    }
  }

  async #refuse(message: string, issues: readonly ApiIssue[] = []): Promise<void> {
    this.problem = message;
    this.issues = issues;
    await this.updateComplete;
  }
}

/**
 * A refusal of the create form in the designer's words: the id's form, an id already taken, an
 * empty title. Anything else keeps the server's sentence.
 */
export function createIssueWords(issue: ApiIssue, input: CreateDocumentInput): string {
  if (issue.code === 'authoring.id_invalid') return t('create.idInvalid', { id: input.id ?? '' });
  if (issue.code === 'authoring.id_taken') return t('create.idTaken', { id: input.id ?? '' });
  if (issue.path === '/title' && (issue.code === 'body.minLength' || issue.code === 'schema.min_length')) return t('create.titleEmpty');
  return issue.message;
}

customElements.define('cl-create-document', ClCreateDocument);

declare global {
  interface HTMLElementTagNameMap {
    'cl-create-document': ClCreateDocument;
  }
}
