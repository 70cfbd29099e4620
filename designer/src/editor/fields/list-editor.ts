import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as Y from 'yjs';
import { moveArrayItem, toYValue } from '@careloom/format/ydoc';
import type { EditContext } from '../edit-context.js';
import { keyOf, mapsOf } from '../y/read.js';

/** Appends a new piece (JSON laid out with the draft's layout for `definition`) to a Y.Array. */
export function pushPiece(context: EditContext, array: Y.Array<unknown>, json: unknown, definition: string): void {
  context.session.transact(() => array.push([toYValue(json, definition)]));
}

/** Creates `map.get(key)` as an empty Y.Array when absent, then appends the piece. */
export function pushPieceAt(context: EditContext, map: Y.Map<unknown>, key: string, json: unknown, definition: string): void {
  context.session.transact(() => {
    let array = map.get(key);
    if (!(array instanceof Y.Array)) {
      array = new Y.Array<unknown>();
      map.set(key, array);
    }
    (array as Y.Array<unknown>).push([toYValue(json, definition)]);
  });
}

export function removeAt(context: EditContext, array: Y.Array<unknown>, index: number): void {
  context.session.transact(() => array.delete(index, 1));
}

export function moveWithin(context: EditContext, array: Y.Array<unknown>, from: number, to: number): void {
  if (to < 0 || to >= array.length) return;
  context.session.transact(() => moveArrayItem(array, from, to));
}

export interface ListOptions {
  /** Heading of the list (a legend). */
  legend: string;
  /** Label of one entry ("Option 2"). */
  itemLabel: (number: number) => string;
  render: (map: Y.Map<unknown>, index: number) => TemplateResult;
  addLabel?: string;
  onAdd?: () => void;
  removeLabel?: (number: number) => string;
  moveUpLabel?: (number: number) => string;
  /** Entries may not be added, removed or moved (a locked instrument). */
  fixed?: boolean;
  /** Fewest entries the format allows: removing below it is not offered. */
  minItems?: number;
}

/**
 * A list of pieces (options, rows, items, bands, rules, fields…) with add, remove and move-up,
 * each entry a group labelled by its number.
 */
export function listEditor(context: EditContext, array: Y.Array<unknown> | undefined, options: ListOptions): TemplateResult {
  const entries = mapsOf(array);
  const editable = !context.readOnly && options.fixed !== true;
  return html`<fieldset class="list">
    <legend>${options.legend}</legend>
    <ol class="entries">
      ${repeat(entries, ({ map }) => keyOf(map), ({ map, index }, position) => html`<li class="entry">
        <div class="entry-body" role="group" aria-label=${options.itemLabel(position + 1)}>${options.render(map, index)}</div>
        ${editable && array
          ? html`<div class="entry-actions">
              ${options.moveUpLabel && position > 0 ? html`<button type="button" class="small" aria-label=${options.moveUpLabel(position + 1)} @click=${() => moveWithin(context, array, index, index - 1)}>↑</button>` : nothing}
              ${options.removeLabel && entries.length > (options.minItems ?? 0)
                ? html`<button type="button" class="small danger" aria-label=${options.removeLabel(position + 1)} @click=${() => removeAt(context, array, index)}>✕</button>`
                : nothing}
            </div>`
          : nothing}
      </li>`)}
    </ol>
    ${editable && options.onAdd && options.addLabel ? html`<button type="button" class="add" @click=${options.onAdd}>${options.addLabel}</button>` : nothing}
  </fieldset>`;
}
