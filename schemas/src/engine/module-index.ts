import type { Block, Field, Input, InstrumentBlock, Module, Page, ScoredOption } from '../generated/format.js';

/** How an item's answer is shaped. */
export type AnswerShape = 'option' | 'options' | 'number' | 'text' | 'dateTime' | 'boolean';

/** Where an answerable item lives in the module. */
export type ItemSource = 'question' | 'gridRow' | 'instrumentItem' | 'field';

/** An option as far as answers, conditions and scores are concerned. */
export interface IndexedOption {
  id: string;
  /** Numeric value (questions, grids) or score before reversal (instrument items), when given. */
  value?: number;
}

/** Every answerable thing in a module: questions, grid rows, instrument items, exercise and registration fields. */
export interface IndexedItem {
  id: string;
  source: ItemSource;
  shape: AnswerShape;
  /** Id of the block holding the item (the item itself for a question block). */
  blockId: string;
  /** Id of the page holding the block. */
  pageId: string;
  /** JSON Pointer of the item in the module. */
  path: string;
  required: boolean;
  options?: IndexedOption[];
  /** The input definition, for questions and fields. */
  input?: Input;
}

/** Lookup tables of a module, built once and reused by conditions, navigation, scoring and validation. */
export interface ModuleIndex {
  pages: Map<string, { page: Page; index: number }>;
  blocks: Map<string, { block: Block; page: Page; path: string }>;
  items: Map<string, IndexedItem>;
  /** Every id declared in the module (pages, blocks, items, options of instruments excluded), in document order, duplicates kept. */
  declaredIds: Array<{ id: string; path: string }>;
}

/** Builds the lookup tables of a module. Later duplicates do not replace earlier ones. */
export function indexModule(module: Module): ModuleIndex {
  const index: ModuleIndex = { pages: new Map(), blocks: new Map(), items: new Map(), declaredIds: [] };
  const declare = (id: string, path: string) => index.declaredIds.push({ id, path });
  const addItem = (item: IndexedItem) => {
    declare(item.id, item.path);
    if (!index.items.has(item.id)) index.items.set(item.id, item);
  };
  module.pages.forEach((page, pageIndex) => {
    const pagePath = `/pages/${pageIndex}`;
    declare(page.id, pagePath);
    if (!index.pages.has(page.id)) index.pages.set(page.id, { page, index: pageIndex });
    page.blocks.forEach((block, blockIndex) => {
      const path = `${pagePath}/blocks/${blockIndex}`;
      if (block.type !== 'question') declare(block.id, path);
      if (!index.blocks.has(block.id)) index.blocks.set(block.id, { block, page, path });
      for (const item of itemsOfBlock(block, page.id, path)) addItem(item);
    });
  });
  return index;
}

function itemsOfBlock(block: Block, pageId: string, path: string): IndexedItem[] {
  switch (block.type) {
    case 'question':
      return [{ id: block.id, source: 'question', blockId: block.id, pageId, path, required: block.required ?? false, input: block.input, ...inputShape(block.input) }];
    case 'grid':
      return block.rows.map((row, rowIndex) => ({
        id: row.id, source: 'gridRow', shape: 'option', blockId: block.id, pageId, path: `${path}/rows/${rowIndex}`,
        required: block.required ?? false, options: block.options.map(optionOf),
      }));
    case 'instrument':
      return block.items.map((item, itemIndex) => ({
        id: item.id, source: 'instrumentItem', shape: 'option', blockId: block.id, pageId, path: `${path}/items/${itemIndex}`,
        required: item.required ?? true, options: instrumentOptions(block, itemIndex).map((option) => ({ id: option.id, value: option.score })),
      }));
    case 'exercise':
      return fieldItems(block.fields ?? [], block.id, pageId, `${path}/fields`);
    case 'registration':
      return fieldItems(block.fields, block.id, pageId, `${path}/fields`);
    default:
      return [];
  }
}

function fieldItems(fields: Field[], blockId: string, pageId: string, path: string): IndexedItem[] {
  return fields.map((field, fieldIndex) => ({
    id: field.id, source: 'field', blockId, pageId, path: `${path}/${fieldIndex}`, required: field.required ?? false,
    input: field.input, ...inputShape(field.input),
  }));
}

function optionOf(option: { id: string; value?: number }): IndexedOption {
  return option.value === undefined ? { id: option.id } : { id: option.id, value: option.value };
}

/** The answer shape and options of an input. */
export function inputShape(input: Input): { shape: AnswerShape; options?: IndexedOption[] } {
  switch (input.kind) {
    case 'singleChoice':
    case 'scale':
      return { shape: 'option', options: input.options.map(optionOf) };
    case 'multipleChoice':
      return { shape: 'options', options: input.options.map(optionOf) };
    case 'slider':
    case 'number':
      return { shape: 'number' };
    case 'text':
      return { shape: 'text' };
    case 'dateTime':
      return { shape: 'dateTime' };
    case 'yesNo':
      return { shape: 'boolean' };
  }
}

/** The options of an instrument item: its own, or the instrument's shared scale. */
export function instrumentOptions(instrument: InstrumentBlock, itemIndex: number): ScoredOption[] {
  return instrument.items[itemIndex]?.options ?? instrument.options ?? [];
}

/**
 * The answerable items of each block, keyed by block id, in document order.
 *
 * @example
 * itemsByBlock(indexModule(module)).get('phq')?.map((item) => item.id); // ['phq1', …, 'phq9']
 */
export function itemsByBlock(index: ModuleIndex): Map<string, IndexedItem[]> {
  const byBlock = new Map<string, IndexedItem[]>();
  for (const item of index.items.values()) {
    const list = byBlock.get(item.blockId);
    if (list) list.push(item);
    else byBlock.set(item.blockId, [item]);
  }
  return byBlock;
}
