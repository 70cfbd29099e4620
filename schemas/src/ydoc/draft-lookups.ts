import * as Y from 'yjs';
import { YDocLayoutError } from './layout-error.js';

/**
 * The module draft's pages: a Y.Array of page Y.Maps, in reading order.
 * Throws {@link YDocLayoutError} `ydoc.missing_root` when the doc holds no module draft.
 *
 * @example
 * getPagesArray(doc).observeDeep(() => outline.requestUpdate());
 */
export function getPagesArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  const pages = doc.getMap<unknown>('module').get('pages');
  if (!(pages instanceof Y.Array)) throw new YDocLayoutError('ydoc.missing_root', '/pages', 'The Y.Doc holds no module pages');
  return pages as Y.Array<Y.Map<unknown>>;
}

/**
 * The Y.Map of the block with id `blockId` on any page, or undefined. Ids are unique in a valid
 * module; while a draft has duplicates (e.g. after concurrent moves) the first in reading order wins.
 *
 * @example
 * const prompt = findBlockMap(doc, 'mood')?.get('prompt') as Y.Map<Y.Text> | undefined;
 */
export function findBlockMap(doc: Y.Doc, blockId: string): Y.Map<unknown> | undefined {
  for (const page of getPagesArray(doc)) {
    const blocks = page instanceof Y.Map ? page.get('blocks') : undefined;
    if (!(blocks instanceof Y.Array)) continue;
    for (const block of blocks) {
      if (block instanceof Y.Map && idOf(block) === blockId) return block;
    }
  }
  return undefined;
}

/**
 * Moves an item of a Y.Array (a page, a block, an option…) in one transaction. Yjs has no move, so
 * the item is cloned to its new place and the original deleted: edits another replica makes to the
 * original concurrently are lost, and two concurrent moves of one item leave two copies (the
 * validator then reports the duplicate id).
 *
 * @example
 * moveArrayItem(getPagesArray(doc), 3, 0);
 */
export function moveArrayItem<T>(array: Y.Array<T>, from: number, to: number): void {
  if (![from, to].every((index) => Number.isInteger(index) && index >= 0 && index < array.length)) {
    throw new RangeError(`Cannot move item ${from} to ${to} in a list of ${array.length}`);
  }
  if (from === to) return;
  const run = () => {
    const item = array.get(from);
    const copy = (item instanceof Y.AbstractType ? item.clone() : item) as T;
    array.delete(from, 1);
    array.insert(to, [copy]);
  };
  if (array.doc) array.doc.transact(run);
  else run();
}

function idOf(map: Y.Map<unknown>): unknown {
  const id = map.get('id');
  return id instanceof Y.Text ? id.toString() : id;
}
