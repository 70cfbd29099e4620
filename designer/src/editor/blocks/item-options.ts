import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import * as Y from 'yjs';
import { toYValue } from '@careloom/format/ydoc';
import type { EditContext } from '../edit-context.js';
import { pushPiece } from '../fields/list-editor.js';
import { t } from '../messages.js';
import { uniqueId } from '../y/ids.js';
import { emptyText, newScoredOption } from '../y/new-pieces.js';
import { arrayAt, mapsOf, numberAt, stringAt } from '../y/read.js';

/** The format's fewest options of a scale (shared or an item's own). */
const MIN_OPTIONS = 2;

/** A locked instrument (a validated scale) may be translated, never restructured. */
export function isLocked(instrument: Y.Map<unknown>): boolean {
  return instrument.get('locked') === true;
}

function mayRestructure(context: EditContext, instrument: Y.Map<unknown>): boolean {
  return !context.readOnly && !isLocked(instrument);
}

/**
 * Appends a scored option to `owner` (the instrument itself for its shared scale, or one of its
 * items), scored one above the highest. Refused (false) on a locked or read-only instrument.
 */
export function addScoredOption(context: EditContext, instrument: Y.Map<unknown>, owner: Y.Map<unknown>): boolean {
  const options = arrayAt(owner, 'options');
  if (!options || !mayRestructure(context, instrument)) return false;
  const scores = mapsOf(options).map(({ map }) => numberAt(map, 'score') ?? 0);
  pushPiece(context, options, newScoredOption(context.languages, context.takenIds(), scores.length > 0 ? Math.max(...scores) + 1 : 0), 'ScoredOption');
  return true;
}

/** Removes option `index` of `owner`; refused on a locked instrument or below the format's two options. */
export function removeScoredOption(context: EditContext, instrument: Y.Map<unknown>, owner: Y.Map<unknown>, index: number): boolean {
  const options = arrayAt(owner, 'options');
  if (!options || !mayRestructure(context, instrument) || options.length <= MIN_OPTIONS || index < 0 || index >= options.length) return false;
  context.session.transact(() => options.delete(index, 1));
  return true;
}

/**
 * Gives an item its own options instead of the shared scale: a copy of the shared scale's labels,
 * scores and codes with fresh ids (answers store option ids, and ids are unique in a module), or
 * two empty options when there is no shared scale. Refused on a locked instrument.
 */
export function giveItemOwnOptions(context: EditContext, instrument: Y.Map<unknown>, item: Y.Map<unknown>): boolean {
  if (!mayRestructure(context, instrument) || arrayAt(item, 'options')) return false;
  const taken = context.takenIds();
  const shared = mapsOf(arrayAt(instrument, 'options')).map(({ map }) => map.toJSON() as { label?: Record<string, string>; score?: number; code?: string });
  const options = shared.length >= MIN_OPTIONS
    ? shared.map((option) => ({
        id: uniqueId('option', taken),
        label: { ...emptyText(context.languages), ...(option.label ?? {}) },
        score: option.score ?? 0,
        ...(option.code === undefined ? {} : { code: option.code }),
      }))
    : [newScoredOption(context.languages, taken, 0), newScoredOption(context.languages, taken, 1)];
  context.session.transact(() => item.set('options', scoredOptionsArray(options)));
  return true;
}

/** Puts an item back on the shared scale (drops its own options); refused without a shared scale or when locked. */
export function useSharedScale(context: EditContext, instrument: Y.Map<unknown>, item: Y.Map<unknown>): boolean {
  if (!mayRestructure(context, instrument) || !arrayAt(item, 'options') || (arrayAt(instrument, 'options')?.length ?? 0) < MIN_OPTIONS) return false;
  context.session.transact(() => item.delete('options'));
  return true;
}

function scoredOptionsArray(options: unknown[]): Y.Array<unknown> {
  const array = new Y.Array<unknown>();
  array.push(options.map((option) => toYValue(option, 'ScoredOption')));
  return array;
}

/**
 * The switch between the shared scale and an item's own options: "Give item 3 its own options" or
 * "Use the shared scale for item 3". Not shown on a locked or read-only instrument.
 */
export function itemOptionsSwitch(context: EditContext, instrument: Y.Map<unknown>, item: Y.Map<unknown>, index: number): TemplateResult | typeof nothing {
  if (!mayRestructure(context, instrument)) return nothing;
  const own = arrayAt(item, 'options') !== undefined;
  const hasShared = (arrayAt(instrument, 'options')?.length ?? 0) >= MIN_OPTIONS;
  const id = stringAt(item, 'id');
  if (own && !hasShared) return nothing;
  const label = own ? t('instrument.useSharedScale', { number: index + 1 }) : t('instrument.ownOptions', { number: index + 1 });
  const run = () => {
    if (own) useSharedScale(context, instrument, item);
    else giveItemOwnOptions(context, instrument, item);
  };
  return html`<button type="button" class="small" data-action=${own ? 'use-shared-scale' : 'own-options'} data-item=${id} @click=${run}>${label}</button>`;
}
