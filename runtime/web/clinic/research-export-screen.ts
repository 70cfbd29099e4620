import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { ResearchExportDocuments, ResearchExportManifest } from '@careloom/format/api';
import { seg } from '@careloom/client/api';
import { ScreenElement } from '../shared/screen-element.js';

type ExportDocument = ResearchExportDocuments['documents'][number];
type ExportFile = ResearchExportManifest['files'][number];

/** How far one file's download has come: rows received of the rows the manifest announced. */
interface Progress {
  rows: number;
  done: boolean;
  error?: string;
}

/**
 * `<cl-research-export-screen>`: research exports for care-provider admins and data admins. Choose a
 * deployed program (optionally a unit, a module version, a period), see the files it makes (a
 * codebook and one table per questionnaire or registration, with row counts), and download each; a
 * large file shows how many of its rows have arrived. Patients appear only under pseudonyms.
 */
export class ClResearchExportScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .files { list-style: none; padding: 0; margin: 0; }
      .file h3 { font-size: 1rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
      progress { width: 100%; max-width: 24rem; display: block; margin: 0.25rem 0; }
      .grid { display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    organisationId: { attribute: 'organisation-id' },
    documents: { state: true },
    chosen: { state: true },
    manifest: { state: true },
    progress: { state: true },
    formError: { state: true },
  };

  declare organisationId: string;
  declare documents: ExportDocument[] | null;
  declare chosen: string;
  declare manifest: (ResearchExportManifest & { documentId: string; search: string }) | null;
  declare progress: Record<string, Progress>;
  declare formError: string;
  /** The fetch that downloads a file (tests pass one that streams slowly). */
  fetchFile: typeof fetch = (input, init) => globalThis.fetch(input, init);

  constructor() {
    super();
    this.organisationId = '';
    this.documents = null;
    this.chosen = '';
    this.manifest = null;
    this.progress = {};
    this.formError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get base(): string {
    return `/api/care/providers/${seg(this.organisationId)}/research-exports`;
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<ResearchExportDocuments>(this.base));
    if (result) {
      this.documents = result.documents;
      this.chosen = result.documents[0]?.documentId ?? '';
    }
  }

  private async prepare(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const documentId = String(data.get('document') ?? '');
    const query = new URLSearchParams();
    const unit = String(data.get('unit') ?? '');
    if (unit) query.set('unitId', unit);
    const module = String(data.get('module') ?? '');
    if (module) {
      const [moduleId, version] = module.split('@');
      query.set('moduleId', moduleId!);
      query.set('moduleVersion', version!);
    }
    for (const key of ['from', 'to']) if (data.get(key)) query.set(key, String(data.get(key)));
    try {
      const search = query.toString() ? `?${query.toString()}` : '';
      const manifest = await this.api.get<ResearchExportManifest>(`${this.base}/${seg(documentId)}/manifest${search}`);
      this.manifest = { ...manifest, documentId, search };
      this.progress = {};
      this.formError = '';
    } catch (error) {
      this.manifest = null;
      this.formError = this.describeError(error);
    }
  }

  /** Streams one file, counting its lines as they arrive, then hands it to the browser as a download. */
  private async download(file: ExportFile): Promise<void> {
    const manifest = this.manifest;
    if (!manifest) return;
    const set = (progress: Progress) => (this.progress = { ...this.progress, [file.name]: progress });
    set({ rows: 0, done: false });
    try {
      const response = await this.fetchFile(`${this.base}/${seg(manifest.documentId)}/files/${seg(file.name)}${manifest.search}`, { credentials: 'same-origin' });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) lines += 1;
        // The header is one line; quoted line breaks in a codebook label may count a row twice, so the bar stops at its end.
        set({ rows: Math.min(Math.max(0, lines - 1), file.rows), done: false });
      }
      set({ rows: file.rows, done: true });
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      set({ rows: 0, done: false, error: this.t('researchDownloadFailed') });
    }
  }

  private renderFile(file: ExportFile): TemplateResult {
    const t = this.t;
    const progress = this.progress[file.name];
    return html`<li class="card file" data-file=${file.name}>
      <h3>${file.kind === 'codebook' ? t('researchCodebook') : file.title}</h3>
      <p>${file.name} · ${t(file.kind === 'codebook' ? 'researchCodebookRows' : 'researchRows', { count: file.rows })}</p>
      ${progress && !progress.error
        ? html`<progress max=${Math.max(1, file.rows)} .value=${progress.rows} aria-label=${t('researchProgressOf', { file: file.name })}></progress>
            <p role="status">${progress.done ? t('researchDownloaded') : t('researchReceived', { rows: progress.rows, total: file.rows })}</p>`
        : null}
      ${progress?.error ? html`<p class="form-error" role="alert">${progress.error}</p>` : null}
      <button type="button" ?disabled=${progress !== undefined && !progress.done && !progress.error} @click=${() => this.download(file)}>${t('researchDownload')}</button>
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const documents = this.documents;
    const chosen = documents?.find((document) => document.documentId === this.chosen);
    return html`<h1 tabindex="-1">${t('researchTitle')}</h1>
      <p>${t('researchIntro')}</p>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${!documents && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${documents && documents.length === 0 ? html`<p>${t('researchNothing')}</p>` : null}
      ${documents && documents.length > 0
        ? html`<form class="card" @submit=${(event: SubmitEvent) => this.prepare(event)}>
            <div class="grid">
              <label>${t('researchProgram')}<select name="document" @change=${(event: Event) => (this.chosen = (event.target as HTMLSelectElement).value)}>
                ${documents.map((document) => html`<option value=${document.documentId} ?selected=${document.documentId === this.chosen}>${document.title}</option>`)}
              </select></label>
              <label>${t('researchUnit')}<select name="unit"><option value="">${t('researchAllUnits')}</option>${chosen?.units.map((unit) => html`<option value=${unit.id}>${unit.name}</option>`)}</select></label>
              <label>${t('researchModule')}<select name="module"><option value="">${t('researchAllModules')}</option>${chosen?.modules.map((module) => html`<option value=${`${module.moduleId}@${module.version}`}>${t('researchModuleVersion', { module: module.moduleId, version: module.version })}</option>`)}</select></label>
              <label>${t('researchFrom')}<input type="date" name="from" /></label>
              <label>${t('researchTo')}<input type="date" name="to" /></label>
            </div>
            ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : null}
            <button type="submit">${t('researchPrepare')}</button>
          </form>`
        : null}
      ${this.manifest
        ? html`<section aria-labelledby="files-heading">
            <h2 id="files-heading">${t('researchFiles', { count: this.manifest.participants })}</h2>
            <ul class="files">${this.manifest.files.map((file) => this.renderFile(file))}</ul>
          </section>`
        : null}`;
  }
}

if (!customElements.get('cl-research-export-screen')) customElements.define('cl-research-export-screen', ClResearchExportScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-research-export-screen': ClResearchExportScreen;
  }
}
