import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as Y from 'yjs';
import { moveArrayItem, toYValue } from '@careloom/format/ydoc';
import type { CollabSession } from '../collab/collab-session.js';
import type { Peer } from '../collab/presence.js';

import { editorStyles } from './editor-styles.js';
import { t } from './messages.js';
import { collectIds } from './y/ids.js';
import { newPage } from './y/new-pieces.js';
import { keyOf, localizedAt, mapsOf, stringAt } from './y/read.js';
import { YDeepObserver } from './y-deep-observer.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** `page-select` detail: the index of the page to show. */
export interface PageSelectDetail {
  index: number;
}

/** `page-deleted` detail: what was deleted, for the undo toast. */
export interface PageDeletedDetail {
  title: string;
  /** The undo-stack entry of the deletion, so that "Undo" takes back exactly it. */
  stackItem: unknown;
}

/**
 * `<cl-page-outline>`: the pages in reading order. Add, rename (the selected page's title in the
 * content language), reorder by drag and drop or with Alt+Arrow up/down on a focused page (the
 * new position is announced), and delete (the host offers an undo toast).
 *
 * @fires page-select {PageSelectDetail}
 * @fires page-deleted {PageDeletedDetail}
 * @fires announce {{ message: string }}
 */
export class ClPageOutline extends DesignerElement {
  static override properties: PropertyDeclarations = {
    session: { attribute: false },
    pages: { attribute: false },
    selected: { type: Number },
    language: { type: String },
    languages: { attribute: false },
    peers: { attribute: false },
  };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; }
      ol { list-style: none; margin: 0; padding: 0; }
      li { display: flex; flex-wrap: wrap; gap: 0.25rem; align-items: center; padding: 0.25rem; border-radius: 0.375rem; border: 2px solid transparent; }
      li[aria-current='page'] { background: var(--cl-surface); border-color: var(--cl-accent); }
      li.drop-target { border-style: dashed; border-color: var(--cl-accent); }
      .page { flex: 1; text-align: left; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
      .dot { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 50%; }
      cl-text-field { flex-basis: 100%; }
    `,
  ];

  declare session: CollabSession | undefined;
  declare pages: Y.Array<unknown> | undefined;
  declare selected: number;
  declare language: string;
  declare languages: readonly string[];
  declare peers: readonly Peer[];
  #dragFrom: number | undefined;
  #focusAfterRender: number | undefined;

  constructor() {
    super();
    this.selected = 0;
    this.language = 'en';
    this.languages = [];
    this.peers = [];
  }

  /** Redraws while connected. Only the list itself, a page's keys and its title matter here, not edits inside blocks. */
  protected readonly yObserver = new YDeepObserver(this, () => this.pages, (events) => events.some((event) => event.path.length <= 1 || event.path[1] === 'title' || (event.path[1] === 'id' && event.path.length === 2)));

  protected override updated(): void {
    if (this.#focusAfterRender !== undefined) {
      this.renderRoot.querySelectorAll<HTMLElement>('button.page')[this.#focusAfterRender]?.focus();
      this.#focusAfterRender = undefined;
    }
  }

  protected override render() {
    const entries = mapsOf(this.pages);
    const readOnly = this.session?.readOnly ?? true;
    return html`
      <p class="hint" id="outline-hint">${readOnly ? '' : t('outline.moveHint')}</p>
      <ol aria-label=${t('outline.heading')}>
        ${repeat(entries, ({ map }) => keyOf(map), ({ map, index }) => this.#row(map, index, entries.length, readOnly))}
      </ol>
      ${readOnly ? nothing : html`<button type="button" class="add" data-action="add-page" @click=${this.#add}>${t('outline.add')}</button>`}
    `;
  }

  #row(page: Y.Map<unknown>, index: number, count: number, readOnly: boolean) {
    const title = this.#title(page);
    const pageId = stringAt(page, 'id');
    const here = this.peers.filter((peer) => peer.pageId === pageId);
    const current = index === this.selected;
    return html`<li aria-current=${current ? 'page' : 'false'} draggable=${readOnly ? 'false' : 'true'}
      @dragstart=${(event: DragEvent) => this.#dragStart(event, index)}
      @dragover=${(event: DragEvent) => this.#dragOver(event)}
      @dragleave=${(event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove('drop-target')}
      @drop=${(event: DragEvent) => this.#drop(event, index)}>
      <button type="button" class="page" aria-describedby="outline-hint" @click=${() => this.#select(index)} @keydown=${(event: KeyboardEvent) => this.#onKey(event, index)}>
        ${t('outline.pageLabel', { number: index + 1, title })}
      </button>
      ${here.map((peer) => html`<span class="dot" style="background:${peer.color}" title=${peer.name} aria-label=${peer.name} role="img"></span>`)}
      ${readOnly ? nothing : html`
        <button type="button" class="small" aria-label=${t('outline.moveUp', { number: index + 1 })} ?disabled=${index === 0} @click=${() => this.move(index, index - 1)}>↑</button>
        <button type="button" class="small" aria-label=${t('outline.moveDown', { number: index + 1 })} ?disabled=${index === count - 1} @click=${() => this.move(index, index + 1)}>↓</button>
        <button type="button" class="small danger" aria-label=${t('outline.delete', { number: index + 1 })} ?disabled=${count <= 1} @click=${() => this.#delete(index)}>✕</button>`}
      ${current && !readOnly
        ? html`<cl-text-field .session=${this.session} .map=${page.get('title') instanceof Y.Map ? page.get('title') : undefined}
            .create=${() => this.#titleMap(page)} key=${this.language} lang=${this.language} label=${t('outline.rename', { number: index + 1 })}></cl-text-field>`
        : nothing}
    </li>`;
  }

  #title(page: Y.Map<unknown>): string {
    return localizedAt(page, 'title', this.language) || stringAt(page, 'id') || t('outline.untitledPage');
  }

  #titleMap(page: Y.Map<unknown>): Y.Map<unknown> {
    const existing = page.get('title');
    if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
    const made = new Y.Map<unknown>();
    page.set('title', made);
    return made;
  }

  #select(index: number): void {
    this.dispatchEvent(new CustomEvent<PageSelectDetail>('page-select', { detail: { index }, bubbles: true, composed: true }));
  }

  #onKey(event: KeyboardEvent, index: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    this.move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
  }

  /** Moves a page, keeps it selected and focused, and announces where it went. */
  move(from: number, to: number): void {
    const pages = this.pages;
    const session = this.session;
    if (!pages || !session || session.readOnly || to < 0 || to >= pages.length || from === to) return;
    const page = pages.get(from);
    const title = page instanceof Y.Map ? this.#title(page as Y.Map<unknown>) : '';
    session.transact(() => moveArrayItem(pages, from, to));
    this.#focusAfterRender = to;
    if (this.selected === from) this.#select(to);
    this.#announce(t('outline.moved', { title, position: to + 1, count: pages.length }));
    this.requestUpdate();
  }

  #add = (): void => {
    const session = this.session;
    const pages = this.pages;
    if (!session || !pages) return;
    const taken = collectIds(pages.toJSON());
    session.transact(() => pages.push([toYValue(newPage(this.languages, taken), 'Page')]));
    this.#select(pages.length - 1);
    this.#focusAfterRender = pages.length - 1;
  };

  #delete(index: number): void {
    const session = this.session;
    const pages = this.pages;
    if (!session || !pages || pages.length <= 1) return;
    const page = pages.get(index);
    const title = page instanceof Y.Map ? this.#title(page as Y.Map<unknown>) : '';
    session.undoManager.stopCapturing();
    session.transact(() => pages.delete(index, 1));
    session.undoManager.stopCapturing();
    const stackItem = session.undoManager.undoStack[session.undoManager.undoStack.length - 1];
    if (this.selected >= pages.length) this.#select(pages.length - 1);
    else if (this.selected > index) this.#select(this.selected - 1);
    this.#announce(t('outline.deleted', { title }));
    this.dispatchEvent(new CustomEvent<PageDeletedDetail>('page-deleted', { detail: { title, stackItem }, bubbles: true, composed: true }));
  }

  #dragStart(event: DragEvent, index: number): void {
    this.#dragFrom = index;
    event.dataTransfer?.setData('text/plain', String(index));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #dragOver(event: DragEvent): void {
    if (this.#dragFrom === undefined) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.add('drop-target');
  }

  #drop(event: DragEvent, index: number): void {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.remove('drop-target');
    const from = this.#dragFrom ?? Number(event.dataTransfer?.getData('text/plain'));
    this.#dragFrom = undefined;
    if (Number.isInteger(from)) this.move(from, index);
  }

  #announce(message: string): void {
    this.dispatchEvent(new CustomEvent('announce', { detail: { message }, bubbles: true, composed: true }));
  }
}
