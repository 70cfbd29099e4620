import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { DraftView, ExampleSummary } from '@careloom/format/api';
import { editorHash, routeHash } from '../app/router.js';
import { canEdit, personLabel, type Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import { DISPLAY_STATUSES, statusLabel, type DisplayStatus } from '../ui/status-badge.js';
import '../ui/status-badge.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import './create-document.js';
import './fhir-import.js';
import { documentStatus, filterDocuments, type LibraryDocument, type LibraryFilter } from './filter-documents.js';
import { reviewInbox } from './review-inbox.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * The organisation's modules and programs: searchable by title, id and tags, filterable by status
 * and kind, each with its status, last editor and time, and links to edit and review. Designers
 * also get a "New" button at the top that opens the form to create a document right under it.
 * Asks the app to navigate with `cl-navigate`.
 */
export class ClLibrary extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documents: { state: true },
    examples: { state: true },
    filter: { state: true },
    problem: { state: true },
    loaded: { state: true },
    creating: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .inbox ul { padding-left: 1.25rem; }
      .inbox li { margin: 0.375rem 0; }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: flex-end;
      }
      .filters input[type='search'] {
        min-width: 16rem;
      }
      td.title a {
        font-weight: 600;
      }
      .id {
        display: block;
      }
      .actions a {
        margin-right: 0.75rem;
        white-space: nowrap;
      }
      .table-wrap {
        overflow-x: auto;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documents: readonly LibraryDocument[];
  declare examples: readonly ExampleSummary[];
  declare filter: LibraryFilter;
  declare problem: string;
  declare loaded: boolean;
  /** The create form is open (designers open it with the "New" button at the top). */
  declare creating: boolean;
  /** Every id the server listed, other organisations' too: a new document's id must differ from all. */
  #takenIds: readonly string[] = [];

  constructor() {
    super();
    this.documents = [];
    this.examples = [];
    this.filter = { query: '', status: 'all', kind: 'all' };
    this.problem = '';
    this.loaded = false;
    this.creating = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** Fetches the documents (and, for designers, the examples to start from). */
  async reload(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    try {
      const [documents, examples] = await Promise.all([workspace.api.listDocuments(), canEdit(workspace) ? workspace.api.listExamples() : Promise.resolve([])]);
      this.#takenIds = documents.map((document) => document.id);
      this.documents = documents.filter((document) => document.organisationId === workspace.organisationId);
      this.examples = examples;
      this.problem = '';
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.problem = errorText(error);
    } finally {
      this.loaded = true;
    }
  }

  override render() {
    const workspace = this.workspace;
    if (!workspace) return null;
    const shown = filterDocuments(this.documents, this.filter);
    return html`
      <h1>${t('library.title')}</h1>
      ${canEdit(workspace)
        ? html`<p><button type="button" class="primary" data-action="new" aria-expanded=${this.creating ? 'true' : 'false'} aria-controls="create" @click=${this.#toggleCreate}>${t('library.new')}</button></p>
            ${this.creating ? html`<cl-create-document id="create" class="card" .workspace=${workspace} .examples=${this.examples} .takenIds=${this.#takenIds} @document-created=${this.#created}></cl-create-document>` : null}`
        : null}
      ${this.#inbox(workspace)}
      <div class="filters" role="search">
        <div class="field">
          <label for="query">${t('library.search')}</label>
          <input id="query" type="search" .value=${this.filter.query} @input=${(event: Event) => this.#setFilter({ query: (event.target as HTMLInputElement).value })} aria-describedby="query-hint" />
          <span class="hint" id="query-hint">${t('library.searchHint')}</span>
        </div>
        <div class="field">
          <label for="status">${t('library.status')}</label>
          <select id="status" @change=${(event: Event) => this.#setFilter({ status: (event.target as HTMLSelectElement).value as DisplayStatus | 'all' })}>
            <option value="all">${t('library.allStatuses')}</option>
            ${DISPLAY_STATUSES.map((status) => html`<option value=${status} ?selected=${this.filter.status === status}>${statusLabel(status)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="kind">${t('library.kind')}</label>
          <select id="kind" @change=${(event: Event) => this.#setFilter({ kind: (event.target as HTMLSelectElement).value as LibraryFilter['kind'] })}>
            <option value="all">${t('library.allKinds')}</option>
            <option value="module" ?selected=${this.filter.kind === 'module'}>${t('common.module')}</option>
            <option value="program" ?selected=${this.filter.kind === 'program'}>${t('common.program')}</option>
          </select>
        </div>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : null}
      <p class="muted" role="status" aria-live="polite">${this.loaded ? t('library.count', { shown: shown.length, total: this.documents.length }) : t('common.loading')}</p>
      ${shown.length > 0 ? this.#table(shown, workspace) : null}
      ${canEdit(workspace) ? html`<cl-fhir-import .workspace=${workspace} .takenIds=${this.#takenIds} @document-created=${this.#created}></cl-fhir-import>` : null}
    `;
  }

  /** For publishers and testers: the versions waiting for them, newest first, each a link to its review. */
  #inbox(workspace: Workspace) {
    if (!workspace.roles.some((role) => role === 'publisher' || role === 'tester') || !this.loaded) return null;
    const entries = reviewInbox(this.documents, workspace.roles);
    return html`<section class="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">${t('inbox.title')}</h2>
      ${entries.length === 0
        ? html`<p class="muted">${t('inbox.empty')}</p>`
        : html`<ul>${entries.map(({ document, reason }) => html`<li data-id=${document.id} data-reason=${reason}>
            <a href=${routeHash({ name: 'review', id: document.id }, document.kind)}>${document.title}</a>
            <span class="muted">(${t('inbox.version', { n: document.latestVersion?.number ?? 0 })})</span>
            <cl-status-badge status=${documentStatus(document)}></cl-status-badge>
            <span>${t(`inbox.${reason}`)}</span>
          </li>`)}</ul>`}
    </section>`;
  }

  #table(documents: readonly LibraryDocument[], workspace: Workspace) {
    const dateFormat = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<div class="table-wrap">
      <table class="cards">
        <caption class="visually-hidden">${t('library.title')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('common.title')}</th>
            <th scope="col">${t('library.kind')}</th>
            <th scope="col">${t('library.status')}</th>
            <th scope="col">${t('library.column.lastEdited')}</th>
            <th scope="col"><span class="visually-hidden">${t('library.column.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${documents.map(
            (document) => html`<tr data-id=${document.id}>
              <td class="title">
                <a href=${editorHash(document.kind, document.id)}>${document.title}</a>
                <code class="id">${document.id}</code>
              </td>
              <td data-label=${t('library.kind')}>${t(document.kind === 'program' ? 'common.program' : 'common.module')}</td>
              <td data-label=${t('library.status')}>
                <cl-status-badge status=${documentStatus(document)}></cl-status-badge>
                ${document.latestVersion ? html`<span class="muted">v${document.latestVersion.number}</span>` : null}
              </td>
              <td data-label=${t('library.column.lastEdited')}>
                ${personLabel(workspace, document.lastEditedBy, t('people.you'), document.lastEditedByName)}<br />
                <time datetime=${document.lastEditedAt} class="muted">${dateFormat.format(new Date(document.lastEditedAt))}</time>
              </td>
              <td class="actions">
                <a href=${editorHash(document.kind, document.id)} aria-label=${canEdit(workspace) ? t('library.editNamed', { title: document.title }) : t('library.openNamed', { title: document.title })}>${canEdit(workspace) ? t('library.edit') : t('library.open')}</a>
                <a href=${routeHash({ name: 'review', id: document.id }, document.kind)} aria-label=${t('library.reviewNamed', { title: document.title })}>${t('library.review')}</a>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #setFilter(change: Partial<LibraryFilter>): void {
    this.filter = { ...this.filter, ...change };
  }

  #toggleCreate = async (): Promise<void> => {
    this.creating = !this.creating;
    await this.updateComplete;
    if (this.creating) this.renderRoot.querySelector<HTMLElement>('cl-create-document')?.focus();
  };

  #created = (event: CustomEvent<DraftView>): void => {
    const document = event.detail.document;
    this.documents = [document, ...this.documents.filter((existing) => existing.id !== document.id)];
    this.#takenIds = [...this.#takenIds, document.id];
    this.dispatchEvent(new CustomEvent('cl-navigate', { detail: { hash: editorHash(document.kind, document.id) }, bubbles: true, composed: true }));
  };
}

customElements.define('cl-library', ClLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'cl-library': ClLibrary;
  }
}
