import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { MediaFile, MediaList } from '@careloom/format/api';
import { isApiError } from '@careloom/client/api';

import { uiStyles } from '../../ui/ui-styles.js';
import type { MediaLibraryAccess } from '../edit-context.js';
import { t } from '../messages.js';
import { DesignerElement } from '../../i18n/designer-element.js';

/** What a field takes: the file kinds of the library, and what the file input offers. */
export type MediaFieldKind = 'image' | 'audio' | 'video' | 'captions';

const ACCEPT: Record<MediaFieldKind, string> = {
  image: 'image/png,image/jpeg,image/webp,image/gif,image/avif',
  audio: 'audio/mpeg,audio/mp4,audio/aac,audio/ogg,audio/wav,audio/flac,.mp3,.m4a,.opus,.ogg,.wav,.flac',
  video: 'video/mp4,video/webm',
  captions: 'text/vtt,.vtt',
};

/** `media-chosen` detail: the library URL to put in the field. */
export interface MediaChosenDetail {
  url: string;
}

let nextPickerId = 1;

const isSvg = (file: File) => file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name);

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * `<cl-media-picker>`: beside a file field of a block, the organisation's media library: files of
 * the field's kind to choose from, and an upload (the server reads the file's type from its bytes
 * and refuses what a phone cannot play, SVG and files over the limit, each said in the designer's
 * words). Choosing or uploading fires `media-chosen` with the file's URL; the host writes it into
 * the draft.
 *
 * @fires media-chosen {MediaChosenDetail}
 */
export class ClMediaPicker extends DesignerElement {
  static override properties: PropertyDeclarations = {
    library: { attribute: false },
    kind: { type: String },
    label: { type: String },
    disabled: { type: Boolean },
    open: { state: true },
    files: { state: true },
    maxBytes: { state: true },
    status: { state: true },
    error: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      .panel { border: 1px solid var(--cl-border); border-radius: 0.375rem; padding: 0.5rem 0.75rem; margin: 0.25rem 0 0.5rem; background: var(--cl-bg); }
      h4 { margin: 0 0 0.25rem; font-size: 0.9375rem; }
      ul { list-style: none; margin: 0.25rem 0; padding: 0; display: grid; gap: 0.25rem; }
      li button { width: 100%; display: flex; gap: 0.5rem; align-items: center; text-align: left; min-height: 2.75rem; }
      li img { width: 2.5rem; height: 2.5rem; object-fit: cover; border-radius: 0.25rem; flex: none; }
      .name { overflow-wrap: anywhere; flex: 1; }
      .size { font-size: 0.8125rem; color: var(--cl-muted); flex: none; }
      .hint { font-size: 0.8125rem; margin: 0.25rem 0; color: var(--cl-muted); }
      .field-error { color: var(--cl-error); font-size: 0.875rem; margin: 0.25rem 0; }
      .upload { display: block; margin: 0.25rem 0; font-size: 0.875rem; }
      .upload input { display: block; max-width: 100%; margin-top: 0.25rem; }
      .toggle { min-height: 2.25rem; }
      .actions { display: flex; justify-content: flex-end; margin-top: 0.25rem; }
    `,
  ];

  declare library: MediaLibraryAccess | undefined;
  declare kind: MediaFieldKind;
  /** The field's label, to name the panel for screen readers. */
  declare label: string;
  declare disabled: boolean;
  declare open: boolean;
  declare files: MediaFile[] | undefined;
  declare maxBytes: number | undefined;
  declare status: string;
  declare error: string | undefined;
  readonly #id = `cl-media-${nextPickerId++}`;

  constructor() {
    super();
    this.kind = 'image';
    this.label = '';
    this.disabled = false;
    this.open = false;
    this.status = '';
  }

  async #load(): Promise<void> {
    if (!this.library) return;
    try {
      const list: MediaList = await this.library.list();
      this.files = list.media;
      this.maxBytes = list.maxBytes;
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.files = [];
      this.error = t('media.loadFailed');
    }
  }

  #toggle(): void {
    this.open = !this.open;
    this.error = undefined;
    if (this.open) void this.#load();
  }

  #choose(file: MediaFile): void {
    this.dispatchEvent(new CustomEvent<MediaChosenDetail>('media-chosen', { detail: { url: file.url }, bubbles: true, composed: true }));
    this.open = false;
    this.status = t('media.chosen', { name: file.name });
  }

  async #upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !this.library) return;
    // Said before a byte is sent; the server decides from the bytes either way.
    if (isSvg(file)) {
      this.error = t('media.svgRefused');
      input.value = '';
      return;
    }
    if (this.maxBytes !== undefined && file.size > this.maxBytes) {
      this.error = t('media.tooLarge', { limit: megabytes(this.maxBytes) });
      input.value = '';
      return;
    }
    this.error = undefined;
    this.status = t('media.uploading', { name: file.name });
    try {
      const { media } = await this.library.upload(file);
      input.value = '';
      if (media.kind !== this.kind) {
        this.status = '';
        this.error = t('media.otherKind', { kind: t(`media.kind.${media.kind}`) });
        await this.#load();
        return;
      }
      this.#choose(media);
      this.status = t('media.uploaded', { name: media.name });
    } catch (error) {
      if (!isApiError(error)) throw error;
      this.status = '';
      this.error = error.status === 413 ? t('media.tooLarge', { limit: megabytes(this.maxBytes ?? 0) })
        : error.status === 415 ? (isSvg(file) ? t('media.svgRefused') : t('media.wrongType'))
        : error.status === 0 ? t('media.offline')
        : t('media.uploadFailed');
    }
  }

  protected override render() {
    if (!this.library) return nothing;
    const files = (this.files ?? []).filter((file) => file.kind === this.kind);
    return html`
      <button type="button" class="toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.#id} ?disabled=${this.disabled} @click=${() => this.#toggle()}>
        ${this.open ? t('media.close') : t('media.open')}
      </button>
      <p class="hint" role="status">${this.status}</p>
      ${this.open
        ? html`<section class="panel" id=${this.#id} aria-label=${t('media.panel', { field: this.label })}>
            <h4>${t(`media.heading.${this.kind}`)}</h4>
            <label class="upload">${t('media.upload')}
              <input type="file" accept=${ACCEPT[this.kind]} @change=${(event: Event) => void this.#upload(event)} />
            </label>
            ${this.maxBytes !== undefined ? html`<p class="hint">${t(`media.accepts.${this.kind}`, { limit: megabytes(this.maxBytes) })}</p>` : nothing}
            ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
            ${this.files === undefined
              ? html`<p class="hint">${t('media.loading')}</p>`
              : files.length === 0
                ? html`<p class="hint">${t('media.empty')}</p>`
                : html`<ul>${files.map((file) => html`<li>
                    <button type="button" @click=${() => this.#choose(file)}>
                      ${file.kind === 'image' ? html`<img src=${file.url} alt="" loading="lazy" />` : nothing}
                      <span class="name">${file.name}</span>
                      <span class="size">${t('media.size', { size: megabytes(file.sizeBytes) })}</span>
                    </button>
                  </li>`)}</ul>`}
          </section>`
        : nothing}
    `;
  }
}
