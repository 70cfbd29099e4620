import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as Y from 'yjs';
import type { Peer } from '../collab/presence.js';

import { BlockDrag, blockDragStyles } from './block-drag.js';
import { blockBodyEditor } from './blocks/block-editor.js';
import { itemsBeforeBlock, itemsBeforePage, itemsForBranch } from './conditions/answerable-items.js';
import { defaultCondition } from './conditions/condition-defaults.js';
import { conditionEditor } from './conditions/condition-editor.js';
import type { EditContext } from './edit-context.js';
import { editorStyles } from './editor-styles.js';
import { selectControl, stringControl } from './fields/controls.js';
import { listEditor, moveWithin, pushPieceAt } from './fields/list-editor.js';
import { localizedText } from './fields/localized.js';
import { t } from './messages.js';
import type { EditorMessageKey } from './messages.js';
import { BLOCK_TYPES, newBlock } from './y/new-pieces.js';
import type { BlockType } from './y/new-pieces.js';
import { arrayAt, keyOf, mapsOf, stringAt } from './y/read.js';
import { YDeepObserver } from './y-deep-observer.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** Fired when a block was deleted, so the host can offer to undo it. */
export interface BlockDeletedDetail {
  blockId: string;
}

/**
 * `<cl-page-canvas>`: one page of the draft: its settings (title, id, visibility, branches) and its
 * blocks, each with its structured editor, who else is on it, its open comments, and buttons to
 * move or delete it; a menu adds a block of any type at the end. Re-renders on structural changes
 * of the page (texts update themselves).
 *
 * @fires block-deleted {BlockDeletedDetail}
 * @fires show-comments {{ anchor: string }} when a block's comment badge is pressed
 */
export class ClPageCanvas extends DesignerElement {
  static override properties: PropertyDeclarations = {
    context: { attribute: false },
    page: { attribute: false },
    peers: { attribute: false },
    commentCounts: { attribute: false },
    openComments: { type: String, attribute: 'open-comments' },
  };
  static override styles = [
    ...editorStyles,
    blockDragStyles,
    css`
      :host { display: block; }
      .page-settings { background: var(--cl-surface); border-radius: 0.5rem; padding: 0.5rem 0.75rem; }
      .block { border: 1px solid var(--cl-line); border-radius: 0.5rem; padding: 0.5rem 0.75rem; margin: 0.75rem 0; background: var(--cl-bg); position: relative; }
      .block:focus-within { border-color: var(--cl-accent); }
      .block:focus { outline: 3px solid var(--cl-focus); outline-offset: 2px; }
      .block.flash { box-shadow: 0 0 0 4px var(--cl-warn-bg); }
      .block-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
      .block-head h3 { margin: 0; flex: 1; font-size: 1rem; }
      .peer { color: #fff; border-radius: 1rem; padding: 0.05rem 0.5rem; font-size: 0.8125rem; font-weight: 600; }
      .badge { border-radius: 1rem; }
      .add-block { display: flex; gap: 0.5rem; align-items: flex-end; margin: 1rem 0; }
    `,
  ];

  declare context: EditContext | undefined;
  declare page: Y.Map<unknown> | undefined;
  declare peers: readonly Peer[];
  declare commentCounts: ReadonlyMap<string, number>;
  declare openComments: string | undefined;
  readonly #drag = new BlockDrag();

  constructor() {
    super();
    this.peers = [];
    this.commentCounts = new Map();
  }

  /** Scrolls to a block and moves focus into it (the validation panel's "go to"). */
  async focusBlock(blockId: string): Promise<boolean> {
    await this.updateComplete;
    const section = [...this.renderRoot.querySelectorAll<HTMLElement>('section.block')].find((element) => element.dataset['blockId'] === blockId);
    if (!section) return false;
    section.scrollIntoView({ block: 'center' });
    section.focus();
    section.classList.add('flash');
    setTimeout(() => section.classList.remove('flash'), 1500);
    return true;
  }

  /** Focuses the page settings (a problem on the page itself). */
  async focusPageSettings(): Promise<void> {
    await this.updateComplete;
    const settings = this.renderRoot.querySelector<HTMLElement>('.page-settings');
    settings?.scrollIntoView({ block: 'center' });
    settings?.focus();
  }

  /** Redraws while connected. Texts and rich texts redraw themselves; only structure (maps, arrays) needs the canvas. */
  protected readonly yObserver = new YDeepObserver(this, () => this.page, (events) => events.some((event) => event.target instanceof Y.Map || event.target instanceof Y.Array));

  protected override render() {
    const context = this.context;
    const page = this.page;
    if (!context || !page) return html`<p>${t('canvas.noPage')}</p>`;
    const blocks = arrayAt(page, 'blocks');
    const entries = mapsOf(blocks);
    return html`
      <section class="page-settings" tabindex="-1" aria-label=${t('canvas.pageSettings')}>
        ${localizedText(context, page, 'title', t('field.title'))}
        <div class="inline">${stringControl(context, page, 'id', t('canvas.pageId'))}</div>
        ${conditionEditor(context, page, 'visibleWhen', itemsBeforePage(context.items, context.pageIndex), t('canvas.pageVisible'))}
      </section>
      ${entries.length === 0 ? html`<p class="hint">${t('canvas.empty')}</p>` : nothing}
      ${repeat(entries, ({ map }) => keyOf(map), ({ map, index }) => this.#block(context, blocks!, map, index, entries.length))}
      ${context.readOnly ? nothing : this.#addBlock(context, page)}
      ${this.#branches(context, page)}
    `;
  }

  #block(context: EditContext, blocks: Y.Array<unknown>, block: Y.Map<unknown>, index: number, count: number): TemplateResult {
    const id = stringAt(block, 'id');
    const type = stringAt(block, 'type');
    // A question's name is the shared 'Question' (there is no block.question key: the add-block list uses the same).
    const typeName = type === 'question' ? t('common.question') : (BLOCK_TYPES as readonly string[]).includes(type) ? t(`block.${type}` as EditorMessageKey) : type;
    const headingId = `block-heading-${keyOf(block)}`;
    const here = this.peers.filter((peer) => peer.blockId !== null && peer.blockId === id);
    const comments = this.commentCounts.get(id) ?? 0;
    const pageIndex = context.pageIndex;
    return html`<section class="block" data-block-id=${id} data-type=${type} tabindex="-1" aria-labelledby=${headingId}
      @focusin=${() => context.session.setLocation(this.#pageId(), id)}
      @dragover=${context.readOnly ? nothing : this.#drag.over} @dragleave=${context.readOnly ? nothing : this.#drag.leave}
      @drop=${context.readOnly ? nothing : (event: DragEvent) => this.#dropOn(event, context, blocks, id)}>
      <div class="block-head">
        ${context.readOnly ? nothing : html`<span class="drag-handle" draggable="true" data-role="drag-block" title=${t('canvas.dragBlock', { id })} aria-hidden="true"
          @dragstart=${(event: DragEvent) => this.#drag.start(event, id)} @dragend=${this.#drag.end}>⠿</span>`}
        <h3 id=${headingId}>${t('canvas.blockHeading', { type: typeName, id })}</h3>
        ${here.map((peer) => html`<span class="peer" style="background:${peer.color}">${t('common.personHere', { name: peer.name })}</span>`)}
        ${comments > 0
          ? html`<button type="button" class="small badge" aria-expanded=${this.openComments === id ? 'true' : 'false'}
              @click=${() => this.dispatchEvent(new CustomEvent('show-comments', { detail: { anchor: id }, bubbles: true, composed: true }))}>💬 ${t('canvas.comments', { count: comments })}</button>`
          : nothing}
        ${context.readOnly
          ? nothing
          : html`<button type="button" class="small" aria-label=${`${t('canvas.moveUp')}: ${id}`} ?disabled=${index === 0} @click=${() => this.#move(context, blocks, index, index - 1, id)}>↑</button>
              <button type="button" class="small" aria-label=${`${t('canvas.moveDown')}: ${id}`} ?disabled=${index === count - 1} @click=${() => this.#move(context, blocks, index, index + 1, id)}>↓</button>
              <button type="button" class="small danger" aria-label=${`${t('canvas.delete')}: ${id}`} @click=${() => this.#delete(context, blocks, index, id)}>✕</button>`}
      </div>
      <div class="inline">${stringControl(context, block, 'id', t('common.id'))}</div>
      ${blockBodyEditor(context, block)}
      ${conditionEditor(context, block, 'visibleWhen', itemsBeforeBlock(context.items, pageIndex, index), t('canvas.blockVisible'))}
      ${this.openComments === id ? html`<slot name="comments"></slot>` : nothing}
    </section>`;
  }

  #pageId(): string | null {
    return this.page ? stringAt(this.page, 'id') || null : null;
  }

  #move(context: EditContext, blocks: Y.Array<unknown>, from: number, to: number, id: string): void {
    moveWithin(context, blocks, from, to);
    context.announce(t('canvas.blockMoved', { id, position: to + 1, count: blocks.length }));
    void this.focusBlock(id);
  }

  /** A block dropped on another takes its place, as the move buttons would put it there. */
  #dropOn(event: DragEvent, context: EditContext, blocks: Y.Array<unknown>, targetId: string): void {
    const dragged = this.#drag.drop(event);
    if (!dragged || dragged === targetId) return;
    const ids = mapsOf(blocks).map(({ map, index }) => ({ id: stringAt(map, 'id'), index }));
    const from = ids.find((entry) => entry.id === dragged)?.index;
    const to = ids.find((entry) => entry.id === targetId)?.index;
    if (from === undefined || to === undefined) return;
    // A drop is one deliberate step: undo takes back this move, not the one just before it too.
    context.session.undoManager.stopCapturing();
    this.#move(context, blocks, from, to, dragged);
  }

  #delete(context: EditContext, blocks: Y.Array<unknown>, index: number, id: string): void {
    context.session.transact(() => blocks.delete(index, 1));
    context.announce(t('canvas.blockDeleted', { id }));
    this.dispatchEvent(new CustomEvent<BlockDeletedDetail>('block-deleted', { detail: { blockId: id }, bubbles: true, composed: true }));
  }

  #addBlock(context: EditContext, page: Y.Map<unknown>): TemplateResult {
    const add = (event: Event) => {
      const select = event.target as HTMLSelectElement;
      const type = select.value as BlockType;
      select.value = '';
      if (!(BLOCK_TYPES as readonly string[]).includes(type)) return;
      const json = newBlock(type, context.languages, context.takenIds());
      pushPieceAt(context, page, 'blocks', json, 'Block');
      context.announce(t('canvas.blockAdded', { type: t(type === 'question' ? 'common.question' : `block.${type}`) }));
      void this.focusBlock(json.id);
    };
    return html`<div class="add-block">
      <span class="control select">
        <label for="add-block">${t('canvas.addBlockAt')}</label>
        <select id="add-block" data-role="add-block" @change=${add}>
          <option value="" selected>${t('canvas.addBlock')}…</option>
          ${BLOCK_TYPES.map((type) => html`<option value=${type}>${t(`block.${type}` as EditorMessageKey)}</option>`)}
        </select>
      </span>
    </div>`;
  }

  #branches(context: EditContext, page: Y.Map<unknown>): TemplateResult {
    const scope = itemsForBranch(context.items, context.pageIndex);
    const targets = [
      ...context.pages.filter((candidate) => candidate.index > context.pageIndex).map((candidate) => ({ value: candidate.id, label: `${candidate.index + 1}. ${candidate.title || candidate.id}` })),
      { value: '#end', label: t('canvas.branchEnd') },
    ];
    const first = scope[0];
    return listEditor(context, arrayAt(page, 'branches'), {
      legend: t('canvas.branches'),
      itemLabel: (number) => t('canvas.branchNumber', { number }),
      removeLabel: (number) => t('canvas.removeBranch', { number }),
      ...(first ? { addLabel: t('canvas.addBranch'), onAdd: () => pushPieceAt(context, page, 'branches', { when: defaultCondition(first), goTo: targets[0]?.value ?? '#end' }, 'Branch') } : {}),
      render: (branch, index) => html`
        ${conditionEditor(context, branch, 'when', scope, t('canvas.branchNumber', { number: index + 1 }), { required: true })}
        ${selectControl(context, branch, 'goTo', t('canvas.branchGoTo'), targets)}`,
    });
  }
}
