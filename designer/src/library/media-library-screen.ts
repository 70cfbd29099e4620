import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { isApiError } from '@careloom/client/api';
import type { MediaFile } from '@careloom/format/api';
import { canAuthor, canEdit, type Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { errorText } from '../ui/error-text.js';
import { uiStyles } from '../ui/ui-styles.js';
import { DesignerElement } from '../i18n/designer-element.js';

const KIND_KEYS: Record<MediaFile['kind'], MessageKey> = {
  image: 'mediaLibrary.kind.image',
  audio: 'mediaLibrary.kind.audio',
  video: 'mediaLibrary.kind.video',
  captions: 'mediaLibrary.kind.captions',
};

/** A size as people read it: "840 KB", "3.2 MB" (in the designer's language). */
export function readableSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/**
 * The organisation's media library (`#/media`): every file with its kind, size, upload date and
 * where it is used (the submitted module versions and the drafts, and their blocks), with a preview
 * of pictures, recordings and films. Designers remove a file no version or draft uses; a file in use
 * names the modules that use it instead of offering removal, and a removal the server refuses (a
 * draft or version that started using it meanwhile) is said in the designer's words and the list
 * read again.
 */
export class ClMediaLibraryScreen extends DesignerElement {
  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      ul.files { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
      li.file { border: 1px solid var(--cl-border, #c8ccd4); border-radius: 0.5rem; padding: 0.75rem; display: grid; gap: 0.5rem; grid-template-columns: minmax(0, 1fr); }
      @media (min-width: 40rem) { li.file { grid-template-columns: 12rem minmax(0, 1fr); } }
      .preview img, .preview video { max-width: 100%; max-height: 9rem; display: block; border-radius: 0.25rem; }
      .preview audio { width: 100%; }
      h2 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
      dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.125rem 0.75rem; margin: 0; }
      dt { font-weight: 600; }
      dd { margin: 0; overflow-wrap: anywhere; }
      dd ul { margin: 0; padding-inline-start: 1.1rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    files: { state: true },
    loaded: { state: true },
    problem: { state: true },
    notice: { state: true },
    confirming: { state: true },
    busy: { state: true },
  };

  declare workspace: Workspace | undefined;
  declare files: readonly MediaFile[];
  declare loaded: boolean;
  declare problem: string;
  declare notice: string;
  /** The file whose removal waits for a second click. */
  declare confirming: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.files = [];
    this.loaded = false;
    this.problem = '';
    this.notice = '';
    this.confirming = null;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  async reload(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !canAuthor(workspace)) return;
    try {
      this.files = (await workspace.api.listMedia(workspace.organisationId)).media;
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
    if (!canAuthor(workspace)) {
      return html`<h1>${t('mediaLibrary.title')}</h1><p class="error">${t('mediaLibrary.notAllowed')}</p><p><a href="#/library">${t('app.backToLibrary')}</a></p>`;
    }
    return html`<h1>${t('mediaLibrary.title')}</h1>
      <p class="muted">${t('mediaLibrary.intro', { organisation: workspace.organisationName })}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : null}
      <p role="status" class=${this.notice ? 'success' : 'muted'}>${this.notice || (this.loaded ? t('mediaLibrary.count', { n: this.files.length }) : t('common.loading'))}</p>
      ${this.files.length > 0 ? html`<ul class="files">${this.files.map((file) => this.#file(workspace, file))}</ul>` : null}`;
  }

  #file(workspace: Workspace, file: MediaFile): TemplateResult {
    const language = i18n.locale;
    const uses = file.uses ?? [];
    const headingId = `file-${file.sha256}`;
    return html`<li class="file" data-sha=${file.sha256} aria-labelledby=${headingId}>
      <div class="preview">${this.#preview(file)}</div>
      <div>
        <h2 id=${headingId}>${file.name}</h2>
        <dl>
          <dt>${t('mediaLibrary.kind')}</dt><dd class="kind">${t(KIND_KEYS[file.kind])}</dd>
          <dt>${t('mediaLibrary.size')}</dt><dd class="size">${readableSize(file.sizeBytes, language)}</dd>
          <dt>${t('mediaLibrary.uploaded')}</dt><dd class="uploaded">${new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(file.uploadedAt))}</dd>
          <dt>${t('mediaLibrary.usedIn')}</dt>
          <dd class="uses">${uses.length === 0
            ? t('mediaLibrary.unused')
            : html`<ul>${uses.map((use) => html`<li><a href=${`#/modules/${encodeURIComponent(use.moduleId)}`}>${use.title}</a>, ${use.version === undefined ? t('mediaLibrary.draft') : t('mediaLibrary.version', { n: use.version })}${use.blocks.length > 0 ? html` (${t('mediaLibrary.blocks', { n: use.blocks.length, blocks: use.blocks.join(', ') })})` : null}</li>`)}</ul>`}</dd>
        </dl>
        ${canEdit(workspace) ? html`<div class="actions">${this.#removal(file, uses)}</div>` : null}
      </div>
    </li>`;
  }

  #preview(file: MediaFile): TemplateResult | null {
    switch (file.kind) {
      case 'image':
        return html`<img src=${file.url} alt=${t('mediaLibrary.previewOf', { name: file.name })} loading="lazy" />`;
      case 'audio':
        return html`<audio controls preload="none" src=${file.url} aria-label=${t('mediaLibrary.previewOf', { name: file.name })}></audio>`;
      case 'video':
        return html`<video controls preload="none" src=${file.url} aria-label=${t('mediaLibrary.previewOf', { name: file.name })}></video>`;
      default:
        return html`<p class="muted">${t('mediaLibrary.noPreview')}</p>`;
    }
  }

  #removal(file: MediaFile, uses: NonNullable<MediaFile['uses']>): TemplateResult {
    // Only drafts: the designer can free the file by choosing another one there.
    if (uses.length > 0) return html`<p class="muted in-use">${t(uses.every((use) => use.version === undefined) ? 'mediaLibrary.inDraftOnly' : 'mediaLibrary.inUse')}</p>`;
    if (this.confirming === file.sha256) {
      return html`<span>${t('mediaLibrary.confirm', { name: file.name })}</span>
        <button type="button" class="danger confirm" ?disabled=${this.busy} @click=${() => void this.#remove(file)}>${t('mediaLibrary.removeForGood')}</button>
        <button type="button" class="keep" @click=${() => (this.confirming = null)}>${t('mediaLibrary.keep')}</button>`;
    }
    return html`<button type="button" class="remove" aria-label=${t('mediaLibrary.removeNamed', { name: file.name })} @click=${() => (this.confirming = file.sha256)}>${t('mediaLibrary.remove')}</button>`;
  }

  async #remove(file: MediaFile): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    this.busy = true;
    let notice = '';
    let problem = '';
    try {
      await workspace.api.deleteMedia(file.url);
      notice = t('mediaLibrary.removed', { name: file.name });
    } catch (error) {
      if (!isApiError(error)) throw error;
      // A draft or a version started naming the file meanwhile: the list read again shows where.
      problem = error.status === 409 ? t('mediaLibrary.refusedInUse', { name: file.name }) : errorText(error);
    } finally {
      this.busy = false;
      this.confirming = null;
    }
    await this.reload();
    this.notice = notice;
    if (problem) this.problem = problem;
  }
}

customElements.define('cl-media-library-screen', ClMediaLibraryScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-media-library-screen': ClMediaLibraryScreen;
  }
}
